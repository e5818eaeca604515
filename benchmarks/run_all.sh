#!/bin/sh
# Run every benchmark in order (ingest before query/neo4j) and keep each table
# in benchmarks/out/<name>.txt. Usage: sh benchmarks/run_all.sh [DOCS]
set -u
cd "$(dirname "$0")/.."
DOCS="${1:-100000}"
PY=.venv/bin/python
mkdir -p benchmarks/out
for step in "bench_accuracy" "bench_parse --docs $DOCS" "bench_ingest --docs $DOCS" \
            "bench_query --docs $DOCS --profile" "bench_neo4j --docs $DOCS"; do
    name="${step%% *}"
    echo "### $step" >&2
    # shellcheck disable=SC2086
    $PY benchmarks/$step 2>&1 | grep -v "ScriptRunContext" | tee "benchmarks/out/$name.txt"
done
