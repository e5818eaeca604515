"""End to end in a real browser: ``streamlit run app.py`` on a free localhost
port against a store ingested from short documents in real form
(tests/app_documents.py), driven by Playwright in a system Chromium (found
by name on PATH, or ``$LEGALGRAPH_CHROMIUM``; Playwright's own browser
download is not used).

A person's path: search a decree, open it, read its relation diagram
(groups with counts, names and status in every row), open a group's other
page, see the neighbourhood graph drawn and double-click a document in it;
the lineage as labelled boxes that fold; every other page loads without an
exception and in Vietnamese; an upload reports a broken file, a duplicate
and a new document. The reading tests share one server over one store and
change nothing; the upload test runs its own server over its own copy, so
the tests pass in any order. Waits are on elements, never fixed sleeps.
Screenshots go to each test's tmp folder, and also to
``$LEGALGRAPH_SCREENSHOTS`` when set (a CI artifact folder, outside the
repository). Every request the browser makes must stay on the app's own
address (the graph renders offline).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from legalgraph.ui.server import CHROMIUM_ARGS, AppServer, find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="needs Chromium on PATH (apt-get install chromium) or $LEGALGRAPH_CHROMIUM")

from app_documents import CITERS, DECISION, DECREE, write_documents  # noqa: E402

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


def _ingest(db: Path) -> None:
    from graph.ingest import ingest
    from graph.store import Store

    docs = write_documents(db.parent / "docs")
    with Store(db) as store:
        report = ingest(docs, store)
    assert not report.errors


class App(AppServer):
    """The app over ``db`` on a free port (of ``$LEGALGRAPH_TEST_PORTS`` if set);
    a server that does not start fails the test with its log."""

    def __init__(self, db: Path) -> None:
        super().__init__(db, ports=os.environ.get("LEGALGRAPH_TEST_PORTS"))

    def wait_healthy(self, timeout: float = 60) -> bool:
        if not super().wait_healthy(timeout):
            tail = self.log_tail()
            self.stop()
            pytest.fail("streamlit did not start:\n" + tail)
        return True


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real-form documents, ingested."""
    db = tmp_path_factory.mktemp("real-forms") / "store"
    _ingest(db)
    return db


@pytest.fixture(scope="module")
def server(sample_store: Path) -> Iterator[str]:
    """The app over the store, shared by the tests that only read."""
    app = App(sample_store)
    try:
        app.wait_healthy()
        yield app.url
    finally:
        app.stop()


@pytest.fixture()
def own_server(sample_store: Path, tmp_path: Path) -> Iterator[str]:
    """The app over a copy of the store, for a test that writes."""
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
    """The script run finished: a title is shown and no run is in progress;
    and it raised nothing."""
    pg.wait_for_selector("h1")
    pg.wait_for_function("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        return app && app.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-testid="stStatusWidget"]');
    }""")
    errors = pg.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.all_inner_texts()


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


def _quoted(node_id: str) -> str:
    return node_id.replace("/", "%2F")


def test_search_open_document_diagram_and_graph(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/tim-kiem")
    _settle(pg)
    box = pg.get_by_role("textbox", name="Số ký hiệu, loại và số", exact=False)
    box.fill("nghi dinh 126 2024")
    box.press("Enter")
    hit = pg.get_by_role("link", name="Nghị định 126/2024/NĐ-CP", exact=True).first
    hit.wait_for()
    _shot(pg, tmp_path, "2-search")
    hit.click()  # opened inside the app (no reload): the page is the same document
    pg.wait_for_selector("h1:has-text('Nghị định 126/2024/NĐ-CP')")
    _settle(pg)
    assert "van-ban" in pg.url and _quoted(DECREE) in pg.url
    assert pg.evaluate("() => window.__lgNav === true")  # the same page, not a reload

    diagram = pg.locator(".lg-diagram")
    group = diagram.locator(".lg-group", has_text="Được căn cứ bởi")
    assert group.locator(".lg-count").inner_text() == str(CITERS + 1)
    assert diagram.locator(".lg-group", has_text="Được dẫn chiếu bởi").locator(
        ".lg-count").inner_text() == "1"
    assert diagram.get_by_text("Bị bãi bỏ bởi (0)").is_visible()
    first = group.locator(".lg-row").first
    assert first.locator(".lg-title").inner_text() == "Công văn 311/SNV-TCBC"
    assert first.locator(".lg-name").inner_text() == "Thẩm định điều lệ hội Nhà báo"
    assert "UBND TỈNH LÂM ĐỒNG - SỞ NỘI VỤ · 12/10/2025" in first.locator(".lg-meta").inner_text()
    assert first.locator(".lg-validity").inner_text() == "Chưa rõ hiệu lực"
    assert group.locator(".lg-row").count() == 8
    frame = _graph_frame(pg)
    # itself, the letters, the decision resting on it, the plan mentioning it
    assert frame.evaluate("() => window.lgNetwork.body.data.nodes.length") == CITERS + 3
    legend = pg.get_by_text("Quan hệ:", exact=False).first
    assert "căn cứ" in legend.inner_text()
    _shot(pg, tmp_path, "3-document")

    group.get_by_role("link", name=f"Xem thêm ({CITERS + 1 - 8})").click()
    pg.wait_for_function(f"""() => document.querySelectorAll(
        '.lg-group:has(.lg-count) .lg-row').length >= {CITERS + 1}""")
    _settle(pg)
    assert "nhom=in.based_on" in pg.url
    group = pg.locator(".lg-diagram .lg-group", has_text="Được căn cứ bởi")
    assert group.locator(".lg-row").count() == CITERS + 1
    assert group.get_by_text("Trang 1/1").is_visible()

    # double-clicking a document in the graph opens it in this tab
    frame = _graph_frame(pg)
    x, y = frame.evaluate("""() => {
        const n = window.lgNetwork;
        const id = n.body.data.nodes.getIds().find(i => i.endsWith('/qd/15/2025-qd-ubnd'));
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        return [p.x, p.y];
    }""")
    pg.locator("iframe").first.scroll_into_view_if_needed()
    box = pg.locator("iframe").first.bounding_box()
    assert box is not None
    pg.mouse.dblclick(box["x"] + x, box["y"] + y)
    pg.wait_for_selector("h1:has-text('Quyết định 15/2025/QĐ-UBND')")
    _settle(pg)
    badge = pg.get_by_text("Còn hiệu lực", exact=True).first
    assert badge.is_visible()

    # a row of the diagram opens that document
    pg.locator(".lg-diagram .lg-group", has_text="Thay thế").get_by_role(
        "link", name="Quyết định 07/2019/QĐ-UBND").click()
    pg.wait_for_selector("h1:has-text('Quyết định 07/2019/QĐ-UBND')")
    _settle(pg)
    pg.get_by_text("Hết hiệu lực (bị thay thế)").first.wait_for()
    assert _offsite(pg, server) == [], "fetched from outside the app"


def test_overview_alias_and_row_opens_document(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/tong-quan")  # the overview's own name, typed or bookmarked
    _settle(pg)
    assert pg.locator("h1").first.inner_text() == "Tổng quan"
    assert pg.get_by_text("Page not found", exact=False).count() == 0
    main = pg.locator('[data-testid="stMain"]')
    for text in ("Văn bản đã nạp", "Văn bản theo loại", "Văn bản theo năm",
                 "Văn bản được dẫn chiếu nhiều nhất"):
        main.get_by_text(text).first.wait_for()
    grid = pg.locator('[data-testid="stDataFrame"]').first
    # the grid draws on a canvas; its accessible table holds the same cells
    cell = grid.locator("[role=gridcell]", has_text="126/2024/NĐ-CP").first
    cell.wait_for(state="attached")
    assert cell.locator("xpath=..").get_attribute("aria-rowindex") == "2"  # ranked first
    _shot(pg, tmp_path, "1-overview")
    cell.focus()
    pg.keyboard.press("Shift+Space")  # select the focused cell's row
    pg.wait_for_selector("h1:has-text('126/2024/NĐ-CP')")
    assert "van-ban" in pg.url and _quoted(DECREE) in pg.url


def test_lineage_labelled_boxes_that_fold(page, server: str, tmp_path: Path) -> None:
    pg = page
    pg.goto(f"{server}/pha-he?id={_quoted(DECISION)}")
    _settle(pg)
    tree = pg.locator(".lg-lineage")
    above = tree.locator(".lg-up .lg-node", has_text="Nghị định 126/2024/NĐ-CP")
    assert "căn cứ" in above.inner_text() and "Chưa rõ hiệu lực" in above.inner_text()
    root = tree.locator(".lg-node.lg-root")
    assert "Quyết định 15/2025/QĐ-UBND" in root.inner_text()
    assert "Còn hiệu lực" in root.inner_text()
    plan = tree.locator(".lg-down .lg-node", has_text="Kế hoạch 40/KH-UBND")
    guide = tree.locator(".lg-down .lg-node", has_text="Công văn 210/SNV-TCBC")
    # the ancestors are drawn above the document, the descendants below it
    assert above.bounding_box()["y"] < root.bounding_box()["y"] < plan.bounding_box()["y"]
    assert plan.bounding_box()["y"] < guide.bounding_box()["y"]
    outline = pg.locator('[data-testid="stCode"]').first
    assert "└── hướng dẫn: Công văn 210/SNV-TCBC" in outline.inner_text()
    _shot(pg, tmp_path, "4-lineage")
    plan.locator(".lg-fold").click()  # fold the plan's branch
    guide.wait_for(state="hidden")
    plan.locator(".lg-fold").click()
    guide.wait_for(state="visible")
    pg.get_by_role("button", name="Tải CSV").wait_for()
    pg.get_by_role("button", name="Tải ảnh PNG").wait_for()
    assert _offsite(pg, server) == [], "fetched from outside the app"


def test_other_pages_load_in_vietnamese(page, server: str, tmp_path: Path) -> None:
    pg = page
    for path, title, shown in (
            ("chua-xac-dinh", "Dẫn chiếu chưa xác định", "Văn bản chưa xác định"),
            ("kiem-tra", "Kiểm tra dữ liệu", "Căn cứ vào văn bản đã hết hiệu lực"),
            ("hieu-luc", "Hiệu lực văn bản", "Văn bản căn cứ vào văn bản đã hết hiệu lực (1)"),
            ("tai-len", "Tải lên văn bản", "Tệp văn bản")):
        pg.goto(f"{server}/{path}")
        _settle(pg)
        assert pg.locator("h1").first.inner_text() == title
        pg.get_by_text(shown, exact=False).first.wait_for()
        _shot(pg, tmp_path, f"5-{path}")
    # Streamlit's own upload texts are hidden and said in Vietnamese instead
    style = pg.evaluate("""() => {
        const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
        const p = zone.querySelector('button p');
        const hint = zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
        return [getComputedStyle(p).fontSize, getComputedStyle(p, '::after').content,
                getComputedStyle(hint).fontSize, getComputedStyle(hint, '::after').content];
    }""")
    assert style[0] == "0px" and style[1] == '"Chọn tệp"', style
    assert style[2] == "0px" and "tối đa 200 MB mỗi tệp" in style[3], style
    assert _offsite(pg, server) == [], "fetched from outside the app"


def test_upload_reports_each_file(page, own_server: str, tmp_path: Path) -> None:
    """A new document, a broken file and a copy of a stored one: the first
    is added and linked, the second reported by name and cause in
    Vietnamese, the third as already stored (its own server: the shared
    store stays as it was)."""
    pg = page
    docs = tmp_path / "docs"
    stored = write_documents(docs)
    plan = next(p for p in stored if p.name == "kh-40-2025.txt")
    (tmp_path / "ke-hoach-41.txt").write_text(plan.read_text().replace("40/KH-UBND", "41/KH-UBND"))
    (tmp_path / "ban-sao.txt").write_bytes(plan.read_bytes())
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.4 not a real pdf")
    pg.goto(f"{own_server}/tai-len")
    _settle(pg)
    pg.locator("input[type=file]").set_input_files(
        [str(tmp_path / n) for n in ("ke-hoach-41.txt", "hong.pdf", "ban-sao.txt")])
    pg.get_by_text("hong.pdf").first.wait_for()
    pg.get_by_role("button", name="Nạp vào kho").click()
    pg.get_by_text("Đã nạp 1 tệp mới vào kho.").wait_for(timeout=60_000)
    pg.get_by_text("1 tệp không nạp được", exact=False).wait_for()
    pg.get_by_text("tệp PDF bị cắt dở", exact=False).first.wait_for()
    pg.get_by_text("1 tệp đã có trong kho nên không nạp lại", exact=False).wait_for()
    link = pg.get_by_role("link", name="Kế hoạch 41/KH-UBND", exact=True).first
    link.wait_for()
    _settle(pg)
    _shot(pg, tmp_path, "7-upload-done")
    link.click()
    pg.wait_for_selector("h1:has-text('Kế hoạch 41/KH-UBND')")
    _settle(pg)


def test_the_shared_store_is_only_read(sample_store: Path, server: str) -> None:
    """Whatever ran before, the shared server's store still holds the
    documents it was built from only (the upload test writes to its copy)."""
    from graph.store import Store

    with Store(sample_store) as store:
        names = {Path(p).name for p in store.known_files()}
    assert "ke-hoach-41.txt" not in names
    assert names == {p.name for p in (sample_store.parent / "docs").iterdir()}
