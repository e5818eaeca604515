#!/bin/sh
# Run every benchmark in order (ingest before query/neo4j) and keep each table
# in benchmarks/out/<name>.txt. Usage: sh benchmarks/run_all.sh [DOCS]
set -u
cd "$(dirname "$0")/.."
DOCS="${1:-100000}"
PY=.venv/bin/python
mkdir -p benchmarks/out
run() {
    name="$1"; shift
    echo "### $name $*" >&2
    $PY "benchmarks/$name.py" "$@" 2>&1 | grep -v "ScriptRunContext" | tee "benchmarks/out/$name.txt"
}
run bench_accuracy
run bench_parse --docs "$DOCS"
run bench_ingest --docs "$DOCS"
run bench_query --docs "$DOCS" --profile
run bench_neo4j --docs "$DOCS"
run bench_adversarial
run bench_concurrency
