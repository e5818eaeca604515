"""App page timings in a real browser, and a screenshot of every page.

Starts ``streamlit run app.py`` over a store (``--db``), opens each page in
headless Chromium (Playwright driving the system Chromium, as the browser
tests do) and times it until the page's script run has finished (the app
root says ``notRunning`` and a title is shown):

* **cold start**: from launching the server to the first page shown (the
  Python imports, the graph loaded from its pickle, the first query);
* **cold** per page: the first visit of that page on a server that has
  only shown the overview and finished the warm-up that queues (its own
  queries not cached yet);
* **warm** per page: the median of ``--runs`` reloads after that (a new
  browser session each time, answers cached on the server).

The document page is measured on the most cited document (the hub) and on
a typical one; the lineage page on the document with the longest chain up.
Screenshots go to ``--shots``. Results print as a table; paste it into
BENCHMARKS.md ("App pages in a browser").

    .venv/bin/python benchmarks/bench_app.py --db /tmp/corpus-store --shots /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from urllib.parse import quote

from _common import print_machine

from legalgraph.ui.server import CHROMIUM_ARGS, AppServer, find_chromium

READY = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !!document.querySelector('[data-testid="stMain"] h1');
}"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pid: int, limit: float) -> float:
    """Wait until the server has been idle (under 5 % of a core for a second):
    the warm-up it queues after the first page (ranking and search indexes, the
    unresolved list; seconds on 100k documents) would otherwise compete with
    the pages being timed. Seconds waited (``limit`` at most)."""
    start = time.perf_counter()
    try:
        before = cpu_seconds(pid)
        while time.perf_counter() - start < limit:
            time.sleep(1.0)
            now = cpu_seconds(pid)
            if now - before < 0.05:
                break
            before = now
    except OSError:  # not Linux: a fixed pause
        time.sleep(min(limit, 10.0))
    return time.perf_counter() - start


def pick_documents(db: Path) -> dict[str, str]:
    """Node ids: the most cited document, a typical ingested one (median
    citers among those cited), the one with the longest chain up."""
    from graph.embedded import EmbeddedBackend

    with EmbeddedBackend(db, create=False) as b:
        g = b.graph
        ranked = b.top(limit=1)
        hub = ranked[0]["node"]["id"]
        cited = sorted((sum(1 for _, _, c in g.in_edges(n, data="count") if c), n)
                       for n, a in g.nodes(data="ingested") if a and g.in_degree(n))
        typical = cited[len(cited) // 2][1] if cited else hub
        best, deep = hub, -1
        ingested = sorted(n for n, a in g.nodes(data="ingested") if a)
        for n in ingested[::max(1, len(ingested) // 2000)]:  # 2,000 spread over the ids
            t = b.lineage(n, direction="up", depth=6)
            d = _depth(t) if t else 0
            if d > deep:
                best, deep = n, d
    return {"hub": hub, "typical": typical, "deep": best}


def _depth(t: dict) -> int:
    return 1 + max((_depth(c) for c in t["children"]), default=0) if t["children"] else 0


def pages(ids: dict[str, str], query: str) -> list[tuple[str, str]]:
    q = quote
    return [
        ("overview", "/"),
        ("overview-alias", "/tong-quan"),
        ("search", f"/tim-kiem?q={q(query)}"),
        ("document-hub", f"/van-ban?id={q(ids['hub'], safe='')}"),
        ("document-typical", f"/van-ban?id={q(ids['typical'], safe='')}"),
        ("lineage", f"/pha-he?id={q(ids['deep'], safe='')}"),
        ("lineage-hub", f"/pha-he?id={q(ids['hub'], safe='')}"),
        ("unresolved", "/chua-xac-dinh"),
        ("upload", "/tai-len"),
        ("audit", "/kiem-tra"),
        ("validity", "/hieu-luc"),
    ]


def load(pg, url: str, timeout_ms: float) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    pg.goto(url)
    pg.wait_for_function(READY, timeout=timeout_ms, polling=20)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="store folder (legalgraph ingest)")
    ap.add_argument("--shots", type=Path, help="folder for one screenshot per page")
    ap.add_argument("--runs", type=int, default=5, help="warm reloads per page (median)")
    ap.add_argument("--ports", default=os.environ.get("LEGALGRAPH_TEST_PORTS", "25000-25099"))
    ap.add_argument("--query", default="nghi dinh", help="what the search page is given")
    ap.add_argument("--only", help="comma-separated page names")
    ap.add_argument("--settle", type=float, default=60.0,
                    help="after the first page, wait up to this long for the server's "
                         "background warm-up to finish before timing pages")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per page load")
    ap.add_argument("--typical", help="node id for the typical document page (default: the "
                                      "median cited ingested document)")
    ap.add_argument("--lineage", help="node id for the lineage page (default: the longest "
                                      "chain up among 2,000 ingested documents)")
    args = ap.parse_args()
    exe = find_chromium()
    if exe is None:
        raise SystemExit("needs Chromium on PATH or $LEGALGRAPH_CHROMIUM")
    if not (args.db / "legalgraph.sqlite").exists():
        raise SystemExit(f"no store at {args.db}: run legalgraph ingest first")
    from playwright.sync_api import sync_playwright

    m = print_machine(f"app pages in a browser: {args.db}")
    ids = pick_documents(args.db)
    ids["typical"] = args.typical or ids["typical"]
    ids["deep"] = args.lineage or ids["deep"]
    print(f"   hub {ids['hub']}  typical {ids['typical']}  deep lineage {ids['deep']}")
    todo = pages(ids, args.query)
    if args.only:
        keep = set(args.only.split(","))
        todo = [p for p in todo if p[0] in keep]
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float, float, float]] = []
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-app-{os.getpid()}.log"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
        pg = ctx.new_page()
        server = AppServer(args.db, ports=args.ports, log_path=log)
        try:
            if not server.wait_healthy(120):
                raise SystemExit(f"streamlit did not start (log: {log})")
            first = load(pg, server.url + "/", args.timeout * 1000)
            start = (time.perf_counter() - server.started) * 1000
            rows.append(("cold start: launch → first page shown", start, first, float("nan")))
            settled = settle(server.proc.pid, args.settle)
            print(f"   background warm-up (indexes, unresolved list) done {settled:.1f} s "
                  "after the first page")
            for name, path in todo:
                cold = load(pg, server.url + path, args.timeout * 1000)
                warm = [load(pg, server.url + path, args.timeout * 1000)
                        for _ in range(args.runs)]
                rows.append((name, cold, statistics.median(warm), max(warm)))
                if args.shots:
                    pg.set_viewport_size({"width": 1400, "height": 2200})
                    pg.goto(server.url + path)
                    pg.wait_for_function(READY, timeout=args.timeout * 1000)
                    pg.wait_for_timeout(1500)  # let the graph frames draw for the picture
                    pg.screenshot(path=str(args.shots / f"{name}.png"), full_page=True)
                    pg.set_viewport_size({"width": 1400, "height": 1000})
        finally:
            server.stop()
            browser.close()
    print("\n| page | cold (ms) | warm median (ms) | warm max (ms) |\n|---|---|---|---|")
    for name, cold, warm, worst in rows:
        if name.startswith("cold start"):
            print(f"| {name} | {cold:,.0f} | first page alone {warm:,.0f} | |")
        else:
            print(f"| {name} | {cold:,.0f} | {warm:,.0f} | {worst:,.0f} |")
    print(f"\n{m['date']}, commit {m['commit']}, load {m['load1']}")


if __name__ == "__main__":
    main()
