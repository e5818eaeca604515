"""End to end in a real browser: ``streamlit run app.py`` on a free localhost
port against a store built from ``data/samples``, driven by Playwright in
Debian's headless Chromium (``apt-get install chromium``; Playwright's own
browser download is not used).

A person's path: search "58 qd tu", open the decision, read its cites and
cited-by lists, see the neighbourhood graph drawn on its canvas; then the
other pages. Screenshots go to the test's tmp folder and to
``benchmarks/out/screenshots/`` for review. Every request the browser makes
must stay on the app's own address (the graph renders offline).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "benchmarks" / "out" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium "
                              "(apt-get install chromium chromium-driver)"),
]

DECISION = "vn/lang-son/2025-2030/qd/58/qd-tu"
PLAN = "vn/lang-son/2026/kh/15/kh-ubnd"  # implements 01/NQ-CP, implemented by three


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free port over a fresh sample store; yields its URL."""
    from graph.ingest import ingest
    from graph.store import Store

    db = tmp_path_factory.mktemp("store")
    with Store(db) as store:
        report = ingest([ROOT / "data" / "samples"], store)
    assert not report.errors
    port = _free_port()
    env = {**os.environ, "LEGALGRAPH_DB": str(db)}
    env.pop("NEO4J_URI", None)
    log = (db / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail("streamlit did not start:\n"
                            + (db / "streamlit.log").read_text(errors="replace")[-3000:])
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server: str):  # type: ignore[no-untyped-def]
    """A tall page (Streamlit scrolls inside its own container, so a tall
    viewport is what makes a whole-page screenshot) recording every URL."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="vi-VN")
    pg = ctx.new_page()
    pg.requested = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requested.append(r.url))  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def _settle(pg) -> None:  # type: ignore[no-untyped-def]
    """Wait until the script run finished (no running indicator, a title)."""
    pg.wait_for_selector("h1", timeout=30_000)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    pg.wait_for_timeout(400)


def _shot(pg, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{name}.png"
    pg.screenshot(path=str(out), full_page=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(out, SCREENSHOTS / out.name)
    return out


def _graph_pixels(frame) -> int:  # type: ignore[no-untyped-def]
    """Non-white pixels on the vis-network canvas: > 0 once it drew."""
    return int(frame.evaluate("""() => {
        const c = document.querySelector('#lg-graph canvas');
        if (!c || !c.width || !c.height) return 0;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
            if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        return n;
    }"""))


def _graph_frame(pg):  # type: ignore[no-untyped-def]
    pg.wait_for_selector("iframe", timeout=20_000)
    for _ in range(100):
        for f in pg.frames:
            try:
                if f.query_selector("#lg-graph canvas") is not None and _graph_pixels(f) > 500:
                    return f
            except Exception:  # noqa: BLE001 - frame still loading
                pass
        pg.wait_for_timeout(200)
    raise AssertionError("no graph canvas was drawn")


def test_search_open_document_lists_and_graph(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/tim-kiem")
    _settle(pg)
    box = pg.get_by_role("textbox", name="Số ký hiệu, loại và số", exact=False)
    box.fill("58 qd tu")
    box.press("Enter")
    hit = pg.get_by_role("link", name="Quyết định 58-QĐ/TU", exact=False).first
    hit.wait_for(timeout=20_000)
    _shot(pg, tmp_path, "2-search")
    hit.click()

    pg.wait_for_selector("h1:has-text('Quyết định 58-QĐ/TU')", timeout=20_000)
    _settle(pg)
    assert "van-ban" in pg.url and "id=" in pg.url
    main = pg.locator('[data-testid="stMain"]')
    # cites: based on the Party rules, implements 2583, replaces 1725
    for text in ("Dẫn chiếu đến (3)", "Quy định 24-QĐ/TW", "Quy định 2583-QĐ/TU",
                 "Quyết định 1725-QĐ/TU", "Được dẫn chiếu bởi (6)", "Kế hoạch 15/KH-UBND",
                 "Thay thế (1)"):
        main.get_by_text(text, exact=False).first.wait_for(timeout=20_000)
    # the text's references are links to their targets
    refs = pg.locator("a.lg-ref")
    assert refs.count() >= 3
    assert "van-ban?id=" in (refs.first.get_attribute("href") or "")
    frame = _graph_frame(pg)
    assert frame.evaluate("() => window.lgNetwork.body.data.nodes.length") >= 10
    _shot(pg, tmp_path, "3-document")

    # double-clicking a node opens that document (in a new tab: the graph's
    # sandboxed frame may not navigate the app's own tab)
    x, y = frame.evaluate("""() => {
        const n = window.lgNetwork;
        const id = n.body.data.nodes.getIds().find(i => i.endsWith('/qd/24/qd-tw'));
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        return [p.x, p.y];
    }""")
    box = pg.locator("iframe").first.bounding_box()
    assert box is not None
    with pg.context.expect_page(timeout=20_000) as opened:
        pg.mouse.dblclick(box["x"] + x, box["y"] + y)
    tab = opened.value
    tab.wait_for_selector("h1:has-text('Quy định 24-QĐ/TW')", timeout=30_000)
    tab.close()

    # a cited-by link navigates to that document's page
    pg.get_by_role("link", name="Kế hoạch 15/KH-UBND", exact=False).first.click()
    pg.wait_for_selector("h1:has-text('Kế hoạch 15/KH-UBND')", timeout=20_000)
    _settle(pg)
    pg.get_by_text("Nghị quyết 01/NQ-CP", exact=False).first.wait_for(timeout=20_000)

    offsite = [u for u in pg.requested if not u.startswith(server)
               and not u.startswith(("data:", "blob:", "about:"))]
    assert offsite == [], f"fetched from outside the app: {offsite}"


def test_overview_row_opens_document(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(server)
    _settle(pg)
    main = pg.locator('[data-testid="stMain"]')
    for text in ("Văn bản đã nạp", "Văn bản theo loại", "Văn bản theo năm",
                 "Văn bản được dẫn chiếu nhiều nhất"):
        main.get_by_text(text).first.wait_for(timeout=20_000)
    pg.wait_for_selector('[data-testid="stDataFrame"] canvas', timeout=20_000)
    pg.wait_for_timeout(800)
    _shot(pg, tmp_path, "1-overview")
    grid = pg.locator('[data-testid="stDataFrame"]').first.bounding_box()
    assert grid is not None
    # first body row's selection marker (header ~35 px, rows ~35 px)
    pg.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)
    pg.wait_for_selector("h1:has-text('58-QĐ/TU')", timeout=20_000)
    assert "van-ban" in pg.url


def test_other_pages_render(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/pha-he?id={PLAN.replace('/', '%2F')}")
    _settle(pg)
    for text in ("Nghị quyết 01/NQ-CP", "Chỉ thị 09/CT-UBND", "Luật 72/2025/QH15"):
        pg.get_by_text(text).first.wait_for(timeout=20_000)
    _graph_frame(pg)
    pg.get_by_role("button", name="Tải CSV").wait_for(timeout=20_000)
    pg.get_by_role("button", name="Tải ảnh PNG").wait_for(timeout=20_000)
    _shot(pg, tmp_path, "4-lineage")

    pg.goto(f"{server}/chua-xac-dinh")
    _settle(pg)
    pg.get_by_text("Văn bản chưa xác định").first.wait_for(timeout=20_000)
    _shot(pg, tmp_path, "5-unresolved")

    pg.goto(f"{server}/tai-len")
    _settle(pg)
    pg.get_by_text("Tệp văn bản").first.wait_for(timeout=20_000)
    _shot(pg, tmp_path, "6-upload")


def test_upload_shows_each_file(page, server: str, tmp_path: Path) -> None:
    """A good and a broken file: the first is added and linked, the second
    reported by name; runs last in this module since it adds a document."""
    pg = page
    good = (ROOT / "data" / "samples" / "ct-09-ct-ubnd-2026-lang-son.txt").read_text()
    (tmp_path / "chi-thi-29.txt").write_text(good.replace("09/CT-UBND", "29/CT-UBND"))
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.4 not a real pdf")
    pg.goto(f"{server}/tai-len")
    _settle(pg)
    pg.locator("input[type=file]").set_input_files(
        [str(tmp_path / "chi-thi-29.txt"), str(tmp_path / "hong.pdf")])
    pg.get_by_text("hong.pdf").first.wait_for(timeout=20_000)
    pg.get_by_role("button", name="Nạp vào kho").click()
    pg.get_by_text("Đã nạp 1 tệp.").wait_for(timeout=60_000)
    pg.get_by_text("1 tệp không nạp được", exact=False).wait_for(timeout=20_000)
    link = pg.get_by_role("link", name="Chỉ thị 29/CT-UBND", exact=False).first
    link.wait_for(timeout=20_000)
    _settle(pg)
    _shot(pg, tmp_path, "7-upload-done")
    link.click()
    pg.wait_for_selector("h1:has-text('Chỉ thị 29/CT-UBND')", timeout=20_000)
