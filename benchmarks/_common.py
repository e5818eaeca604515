"""Shared helpers for the benchmark scripts: machine facts, corpora, timing, tables.

Benchmarks print plain-text tables; every figure is a median of repeated runs
and every goal is judged against a baseline measured in the same run, because
the machine is shared and absolute timings drift.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def machine() -> dict[str, Any]:
    """Date, commit, cores, memory, CPU and Python: the header of every result table."""
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "load1": round(load, 2),
    }


def print_machine(title: str) -> dict[str, Any]:
    m = machine()
    print(f"== {title}")
    print(f"   {m['date']}  commit {m['commit']}  {m['cores']} cores  {m['memory_gib']} GiB  "
          f"{m['cpu']}  Python {m['python']}  load(1m) {m['load1']}")
    return m


def ensure_corpus(n_docs: int, seed: int, ocr_fraction: float = 0.1,
                  out: Path | None = None) -> Path:
    """A generated corpus under ``benchmarks/out`` (reused when the manifest matches)."""
    from legalgraph.synth import generate_corpus
    from legalgraph.synth.corpus import GENERATOR_VERSION

    out = out or OUT / f"corpus-{n_docs}-s{seed}-ocr{ocr_fraction:g}"
    manifest = out / "manifest.json"
    if manifest.is_file():
        m = json.loads(manifest.read_text())
        if (m.get("documents"), m.get("seed"), m.get("ocr_fraction"), m.get("version")) == (
                n_docs, seed, ocr_fraction, GENERATOR_VERSION):
            return out
    print(f"   generating {n_docs} documents (seed {seed}) into {out} …", file=sys.stderr)
    s = generate_corpus(out, n_docs, seed, ocr_fraction=ocr_fraction)
    print(f"   generated {s.bytes / 1e6:.1f} MB in {s.seconds:.1f} s", file=sys.stderr)
    return out


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    """Run ``fn`` ``repeat`` times; (median seconds, all timings, last result)."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, result


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table, right-aligned numbers, left-aligned text."""
    cells = [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]

    def line(values: Sequence[str], raw: Sequence[Any] | None = None) -> str:
        out = []
        for i, v in enumerate(values):
            num = raw is not None and isinstance(raw[i], (int, float))
            out.append(v.rjust(widths[i]) if num else v.ljust(widths[i]))
        return "| " + " | ".join(out) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [line(c, r) for c, r in zip(cells, rows, strict=True)]
    return "\n".join([line(list(headers)), sep, *body])


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        if v != v:
            return "n/a"
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 1:
            return f"{v:.2f}"
        return f"{v:.3f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def load_texts(corpus: Path) -> tuple[list[str], list[str], int]:
    """All documents of a corpus in memory: (paths, texts, total UTF-8 bytes)."""
    paths, texts, nbytes = [], [], 0
    with open(corpus / "truth.jsonl", encoding="utf-8") as f:
        for line in f:
            rel = json.loads(line)["file"]
            data = (corpus / rel).read_bytes()
            nbytes += len(data)
            paths.append(str(corpus / rel))
            texts.append(data.decode("utf-8"))
    return paths, texts, nbytes
