"""End to end in a real browser: ``streamlit run app.py`` on a free localhost
port against a store built from ``data/samples``, driven by Playwright in a
system Chromium (found by name on PATH, or ``$LEGALGRAPH_CHROMIUM``;
Playwright's own browser download is not used).

A person's path: search "58 qd tu", open the decision, read its cites and
cited-by lists, see the neighbourhood graph drawn on its canvas; then the
other pages; then an upload. The reading tests share one server over the
sample store and change nothing; the upload test, which adds a document,
runs its own server over its own copy, so the tests pass in any order.
Waits are on elements, never fixed sleeps. Screenshots go to each test's tmp
folder, and also to ``$LEGALGRAPH_SCREENSHOTS`` when set (a CI artifact
folder, outside the repository). Every request the browser makes must stay
on the app's own address (the graph renders offline).
"""

from __future__ import annotations

import os
import random
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
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    """``$LEGALGRAPH_CHROMIUM`` if set, else the first Chromium/Chrome on PATH."""
    given = os.environ.get("LEGALGRAPH_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    return next((p for name in CHROMIUM_NAMES if (p := shutil.which(name))), None)


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="needs Chromium on PATH (apt-get install chromium) or $LEGALGRAPH_CHROMIUM")

DECISION = "vn/lang-son/2025-2030/qd/58/qd-tu"
PLAN = "vn/lang-son/2026/kh/15/kh-ubnd"  # implements 01/NQ-CP, implemented by three
WAIT = 30_000
#: Non-white pixels on the vis-network canvas: > 0 once it drew.
GRAPH_PIXELS = """() => {
    const c = document.querySelector('#lg-graph canvas');
    if (!c || !c.width || !c.height) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
        if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
    return n;
}"""


def _free_port() -> int:
    """A free port: from ``$LEGALGRAPH_TEST_PORTS`` ("23000-23099") if set, else
    one the system picks."""
    span = os.environ.get("LEGALGRAPH_TEST_PORTS")
    candidates = [0]
    if span:
        lo, hi = (int(x) for x in span.split("-"))
        candidates = random.sample(range(lo, hi + 1), hi - lo + 1)
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(s.getsockname()[1])
    raise RuntimeError(f"no free port in {span}")


def _ingest(db: Path) -> None:
    from graph.ingest import ingest
    from graph.store import Store

    with Store(db) as store:
        report = ingest([ROOT / "data" / "samples"], store)
    assert not report.errors


class App:
    """``streamlit run app.py`` over the store in ``db``, on a free port."""

    def __init__(self, db: Path) -> None:
        self.db = db
        port = _free_port()
        env = {**os.environ, "LEGALGRAPH_DB": str(db)}
        env.pop("NEO4J_URI", None)
        self.log_path = db.parent / f"streamlit-{port}.log"
        self.log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail("streamlit did not start:\n"
                            + self.log_path.read_text(errors="replace")[-3000:])
            time.sleep(0.3)  # polling a server that is starting, not waiting on the page

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("samples") / "store"
    _ingest(db)
    return db


@pytest.fixture(scope="module")
def server(sample_store: Path) -> Iterator[str]:
    """The app over the sample store, shared by the tests that only read."""
    app = App(sample_store)
    try:
        app.wait_healthy()
        yield app.url
    finally:
        app.stop()


@pytest.fixture()
def own_server(sample_store: Path, tmp_path: Path) -> Iterator[str]:
    """The app over a copy of the sample store, for a test that writes."""
    db = tmp_path / "store"
    shutil.copytree(sample_store, db, ignore=shutil.ignore_patterns("*.log"))
    app = App(db)
    try:
        app.wait_healthy()
        yield app.url
    finally:
        app.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A tall page (Streamlit scrolls inside its own container, so a tall
    viewport is what makes a whole-page screenshot) recording every URL."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="vi-VN")
    ctx.set_default_timeout(WAIT)
    pg = ctx.new_page()
    pg.requested = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requested.append(r.url))  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def _settle(pg) -> None:  # type: ignore[no-untyped-def]
    """The script run finished: a title is shown and no run is in progress."""
    pg.wait_for_selector("h1")
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")


def _shot(pg, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{name}.png"
    pg.screenshot(path=str(out), full_page=True)
    artifacts = os.environ.get("LEGALGRAPH_SCREENSHOTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(artifacts) / out.name)
    return out


def _graph_frame(pg):  # type: ignore[no-untyped-def]
    """The frame of the vis-network graph, once its canvas has drawn."""
    pg.wait_for_selector("iframe")
    pg.frame_locator("iframe").locator("#lg-graph canvas").first.wait_for()
    for handle in pg.query_selector_all("iframe"):
        frame = handle.content_frame()
        if frame is not None and frame.query_selector("#lg-graph canvas") is not None:
            frame.wait_for_function(f"() => ({GRAPH_PIXELS})() > 500")
            return frame
    raise AssertionError("no graph canvas")


def _offsite(pg, server: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [u for u in pg.requested if not u.startswith(server)
            and not u.startswith(("data:", "blob:", "about:"))]


def test_search_open_document_lists_and_graph(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/tim-kiem")
    _settle(pg)
    box = pg.get_by_role("textbox", name="Số ký hiệu, loại và số", exact=False)
    box.fill("58 qd tu")
    box.press("Enter")
    hit = pg.get_by_role("link", name="Quyết định 58-QĐ/TU", exact=False).first
    hit.wait_for()
    _shot(pg, tmp_path, "2-search")
    hit.click()

    pg.wait_for_selector("h1:has-text('Quyết định 58-QĐ/TU')")
    _settle(pg)
    assert "van-ban" in pg.url and "id=" in pg.url
    main = pg.locator('[data-testid="stMain"]')
    # cites: based on the Party rules, implements 2583, replaces 1725
    for text in ("Dẫn chiếu đến (3)", "Quy định 24-QĐ/TW", "Quy định 2583-QĐ/TU",
                 "Quyết định 1725-QĐ/TU", "Được dẫn chiếu bởi (6)", "Kế hoạch 15/KH-UBND",
                 "Thay thế (1)"):
        main.get_by_text(text, exact=False).first.wait_for()
    # the text's references are links to their targets
    refs = pg.locator("a.lg-ref")
    assert refs.count() >= 3
    assert "van-ban?id=" in (refs.first.get_attribute("href") or "")
    frame = _graph_frame(pg)
    assert frame.evaluate("() => window.lgNetwork.body.data.nodes.length") >= 10
    _shot(pg, tmp_path, "3-document")

    # Double-clicking a node opens that document (in a new tab: the graph's
    # sandboxed frame may not navigate the app's own tab). A node is only
    # drawn on the canvas, so the click goes where the network places it.
    x, y = frame.evaluate("""() => {
        const n = window.lgNetwork;
        const id = n.body.data.nodes.getIds().find(i => i.endsWith('/qd/24/qd-tw'));
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        return [p.x, p.y];
    }""")
    box = pg.locator("iframe").first.bounding_box()
    assert box is not None
    with pg.context.expect_page() as opened:
        pg.mouse.dblclick(box["x"] + x, box["y"] + y)
    tab = opened.value
    tab.wait_for_selector("h1:has-text('Quy định 24-QĐ/TW')")
    tab.close()

    # a cited-by link navigates to that document's page
    pg.get_by_role("link", name="Kế hoạch 15/KH-UBND", exact=False).first.click()
    pg.wait_for_selector("h1:has-text('Kế hoạch 15/KH-UBND')")
    _settle(pg)
    pg.get_by_text("Nghị quyết 01/NQ-CP", exact=False).first.wait_for()
    assert _offsite(pg, server) == [], "fetched from outside the app"


def test_overview_row_opens_document(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(server)
    _settle(pg)
    main = pg.locator('[data-testid="stMain"]')
    for text in ("Văn bản đã nạp", "Văn bản theo loại", "Văn bản theo năm",
                 "Văn bản được dẫn chiếu nhiều nhất"):
        main.get_by_text(text).first.wait_for()
    grid = pg.locator('[data-testid="stDataFrame"]').first
    # the grid draws on a canvas; its accessible table holds the same cells
    cell = grid.locator("[role=gridcell]", has_text="58-QĐ/TU").first
    cell.wait_for(state="attached")
    assert cell.locator("xpath=..").get_attribute("aria-rowindex") == "2"  # ranked first
    _shot(pg, tmp_path, "1-overview")
    cell.focus()
    pg.keyboard.press("Shift+Space")  # select the focused cell's row
    pg.wait_for_selector("h1:has-text('58-QĐ/TU')")
    assert "van-ban" in pg.url and DECISION.replace("/", "%2F") in pg.url


def test_other_pages_render(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/pha-he?id={PLAN.replace('/', '%2F')}")
    _settle(pg)
    for text in ("Nghị quyết 01/NQ-CP", "Chỉ thị 09/CT-UBND", "Luật 72/2025/QH15"):
        pg.get_by_text(text).first.wait_for()
    _graph_frame(pg)
    pg.get_by_role("button", name="Tải CSV").wait_for()
    pg.get_by_role("button", name="Tải ảnh PNG").wait_for()
    _shot(pg, tmp_path, "4-lineage")

    pg.goto(f"{server}/chua-xac-dinh")
    _settle(pg)
    pg.get_by_text("Văn bản chưa xác định").first.wait_for()
    _shot(pg, tmp_path, "5-unresolved")

    pg.goto(f"{server}/tai-len")
    _settle(pg)
    pg.get_by_text("Tệp văn bản").first.wait_for()
    _shot(pg, tmp_path, "6-upload")
    assert _offsite(pg, server) == [], "fetched from outside the app"


def test_upload_shows_each_file(page, own_server: str, tmp_path: Path) -> None:
    """A good and a broken file: the first is added and linked, the second
    reported by name (on its own server: the shared store stays as it was)."""
    pg = page
    good = (ROOT / "data" / "samples" / "ct-09-ct-ubnd-2026-lang-son.txt").read_text()
    (tmp_path / "chi-thi-29.txt").write_text(good.replace("09/CT-UBND", "29/CT-UBND"))
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.4 not a real pdf")
    pg.goto(f"{own_server}/tai-len")
    _settle(pg)
    pg.locator("input[type=file]").set_input_files(
        [str(tmp_path / "chi-thi-29.txt"), str(tmp_path / "hong.pdf")])
    pg.get_by_text("hong.pdf").first.wait_for()
    pg.get_by_role("button", name="Nạp vào kho").click()
    pg.get_by_text("Đã nạp 1 tệp.").wait_for(timeout=60_000)
    pg.get_by_text("1 tệp không nạp được", exact=False).wait_for()
    link = pg.get_by_role("link", name="Chỉ thị 29/CT-UBND", exact=False).first
    link.wait_for()
    _settle(pg)
    _shot(pg, tmp_path, "7-upload-done")
    link.click()
    pg.wait_for_selector("h1:has-text('Chỉ thị 29/CT-UBND')")


def test_the_shared_store_is_only_read(sample_store: Path, server: str) -> None:
    """Whatever ran before, the shared server's store still holds the samples
    only (the upload test writes to its own copy)."""
    from graph.store import Store

    with Store(sample_store) as store:
        names = {Path(p).name for p in store.known_files()}
    assert "chi-thi-29.txt" not in names
    assert len(names) == len(list((ROOT / "data" / "samples").rglob("*.txt")))
