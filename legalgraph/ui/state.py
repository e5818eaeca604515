"""The app's one shared backend, and cached answers from it.

Streamlit runs each browser session in its own thread, but the embedded
store's SQLite connection belongs to the thread that opened it. So the
backend lives on one worker thread (:class:`AppBackend`), opened there and
called only there: sessions share one graph in memory (built or unpickled
once per process, ``st.cache_resource``) and calls are serialized, which
also keeps an upload from racing a query.

Query results are cached with ``st.cache_data`` keyed by the store's
generation, so they refresh by themselves after an upload.
"""

from __future__ import annotations

import gc
import itertools
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from graph import app_queries
from graph.backend import (
    DocumentView,
    GraphBackend,
    LineageTree,
    Link,
    NodeSummary,
    RankRow,
    Stats,
)
from graph.diagram import Diagram, DiagramItem

__all__ = ["AppBackend", "get_app"]

T = TypeVar("T")

#: Sample documents ingested into an empty embedded store so the app has
#: something to show on first start.
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

#: Documents shown per group of the relation diagram, and per page of a
#: group opened with "xem thêm".
DIAGRAM_ROWS = 8
GROUP_PAGE = 50

#: Boxes the lineage tree draws at most (above and below apart).
LINEAGE_NODES = 120

#: How long answers from a Neo4j server are reused before asking again.
NEO4J_REFRESH_SECONDS = 300


def _open_backend() -> tuple[GraphBackend, str, Path | None]:
    """(backend, description, store folder or None), chosen from the
    environment by :func:`graph.backends.open_backend`: ``NEO4J_URI`` for
    Neo4j, else the embedded store in ``LEGALGRAPH_DB`` (default
    ``data/store``)."""
    from graph.backends import open_backend
    from graph.embedded import EmbeddedBackend

    backend = open_backend()
    if isinstance(backend, EmbeddedBackend):
        return backend, f"kho nhúng {backend.store.dir}", Path(backend.store.dir)
    return backend, f"Neo4j {os.environ.get('NEO4J_URI', '')}".strip(), None


class _Worker:
    """One thread running submitted functions. A page's questions go before
    any warming-up work, and warming up starts only once no page has asked
    anything for :data:`IDLE_SECONDS` (a page asks several questions in a
    row; a warm-up task already running is not interrupted)."""

    PAGE, LATER = 0, 1
    IDLE_SECONDS = 1.5
    BIG_TASK_SECONDS = 0.5

    @staticmethod
    def _keep_out_of_gc() -> None:
        """A task this long built something the app keeps (search index,
        unresolved list, audit): collect its cyclic garbage once, then freeze
        what is left, as :func:`graph.build.load_graph` freezes the graph.
        Otherwise every later full collection walks those million objects
        again, and on 100k documents each page took about twice as long
        (overview 1.2 s instead of 0.4 s; BENCHMARKS, app pages)."""
        gc.collect()
        gc.freeze()

    def __init__(self) -> None:
        self._queue: queue.PriorityQueue[tuple[int, int, Callable[[], Any], Future[Any]]] = \
            queue.PriorityQueue()
        self._seq = itertools.count()
        self._last_page = time.monotonic()
        threading.Thread(target=self._run, name="legalgraph-backend", daemon=True).start()

    def submit(self, fn: Callable[..., T], *args: Any, priority: int = PAGE) -> Future[T]:
        future: Future[T] = Future()
        self._queue.put((priority, next(self._seq), lambda: fn(*args), future))
        return future

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            priority, _, fn, future = item
            if priority == self.LATER:
                quiet = time.monotonic() - self._last_page
                if quiet < self.IDLE_SECONDS:  # a page may be asking: wait, look again
                    self._queue.put(item)
                    time.sleep(min(0.1, self.IDLE_SECONDS - quiet))
                    continue
            if not future.set_running_or_notify_cancel():
                continue
            started = time.monotonic()
            try:
                future.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                future.set_exception(exc)
            if time.monotonic() - started > self.BIG_TASK_SECONDS:
                self._keep_out_of_gc()
            if priority == self.PAGE:
                self._last_page = time.monotonic()


class AppBackend:
    """A :class:`GraphBackend` opened on, and only called from, one thread."""

    def __init__(self) -> None:
        self._pool = _Worker()
        self.backend, self.description, self.store_dir = self._pool.submit(
            _open_backend).result()
        self.demo_loaded = False
        self._confirmations: app_queries.Confirmations | None = None
        self._unresolved: tuple[object, list[app_queries.UnresolvedRow] | None] | None = None

    def call(self, fn: Callable[[GraphBackend], T]) -> T:
        """Run ``fn(backend)`` on the backend's thread and return its result,
        answered from one graph even if an ingest commits meanwhile."""
        return self._pool.submit(self._pinned, fn).result()

    def _pinned(self, fn: Callable[[GraphBackend], T]) -> T:
        pinned = getattr(self.backend, "pinned", None)
        if pinned is None:
            return fn(self.backend)
        with pinned():
            return fn(self.backend)

    @property
    def embedded(self) -> bool:
        return self.store_dir is not None

    def generation(self) -> int:
        """Cache key for answers: the generation of the graph the embedded
        backend answers from (changes once an ingest, upload or confirmation
        is resolved; not at each batch an ingest commits) and the day
        (validity changes at midnight); for Neo4j, which is loaded by
        ``legalgraph push`` out of our sight, a five-minute time slot."""
        if not self.embedded:
            return int(time.time() // NEO4J_REFRESH_SECONDS)
        gen = self.call(lambda b: b.graph.graph["generation"])  # type: ignore[attr-defined]
        return gen * 1_000_000 + date.today().toordinal()

    def ensure_demo(self) -> bool:
        """Ingest :data:`SAMPLES` into an empty embedded store; True if it did."""
        if not self.embedded or not SAMPLES.is_dir():
            return False

        def load(b: Any) -> bool:
            if b.store.file_count():
                return False
            from graph.ingest import ingest

            ingest([SAMPLES], b.store)
            return True

        self.demo_loaded = self.call(load) or self.demo_loaded
        return self.demo_loaded

    def confirmations(self) -> app_queries.Confirmations:
        """Staff-confirmed resolutions, kept beside the store (or in data/app)."""
        if self._confirmations is None:
            self._confirmations = app_queries.Confirmations(self.store_dir or Path("data/app"))
        return self._confirmations

    def unresolved(self, b: GraphBackend) -> list[app_queries.UnresolvedRow] | None:
        """The unresolved list for the current graph (call on the backend
        thread; about a second on 100k documents, so kept)."""
        g = app_queries.graph_of(b)
        if g is None:
            return None
        gen = g.graph.get("generation")
        if self._unresolved is None or self._unresolved[0] != gen:
            self._unresolved = (gen, app_queries.unresolved_references(b))
        return self._unresolved[1]

    def warm(self) -> None:
        """Build (or unpickle) the graph now, so the first page is not slow;
        then queue the ranking and word-search indexes and the unresolved
        list on the backend thread (seconds on 100k documents) without
        waiting for them, behind any page's questions."""
        if not self.embedded:
            return
        self.call(lambda b: b.graph)  # type: ignore[attr-defined]
        later = _Worker.LATER  # a page's questions go first
        self._pool.submit(lambda b: b.top(limit=1), self.backend, priority=later)
        self._pool.submit(lambda b: b.index.search_index(), self.backend, priority=later)
        self._pool.submit(self.unresolved, self.backend, priority=later)


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…")
def get_app() -> AppBackend:
    """The process-wide backend (one per server, shared by all sessions)."""
    app = AppBackend()
    app.ensure_demo()
    app.warm()
    return app


# --- cached answers (keyed by the store generation) -------------------------------


@st.cache_data(show_spinner=False, max_entries=8)
def stats(generation: int) -> Stats:
    return get_app().call(lambda b: b.stats())


@st.cache_data(show_spinner=False, max_entries=8)
def by_type_year(generation: int) -> list[dict[str, Any]] | None:
    return get_app().call(app_queries.documents_by_type_year)


@st.cache_data(show_spinner=False, max_entries=256)
def top(generation: int, years: tuple[int, int] | None, type: str | None,
        cited_by_type: str | None, issuer: str | None, limit: int) -> list[RankRow]:
    return get_app().call(lambda b: app_queries.top_in_years(
        b, years=years, type=type, cited_by_type=cited_by_type, issuer=issuer, limit=limit))


@st.cache_data(show_spinner="Đang kiểm tra dữ liệu…", max_entries=4)
def audit(generation: int) -> dict[str, Any]:
    from graph.audit import audit as run_audit

    return get_app().call(run_audit)


@st.cache_data(show_spinner="Đang tìm văn bản căn cứ đã hết hiệu lực…", max_entries=4)
def dead_citations(generation: int) -> list[dict[str, Any]]:
    return get_app().call(app_queries.dead_citations)


@st.cache_data(show_spinner=False, max_entries=4)
def validity_counts(generation: int) -> dict[str, dict[str, int]]:
    return get_app().call(app_queries.validity_counts)


@st.cache_data(show_spinner=False, max_entries=256)
def search(generation: int, query: str, limit: int) -> list[app_queries.SearchHit]:
    from graph.scan import search as backend_search

    return get_app().call(lambda b: backend_search(b, query, limit=limit))


# Per-document answers can be large (a law cited by 17,000 documents):
# st.cache_resource hands back the cached object itself instead of an
# unpickled copy per rerun. Pages only read them (never mutate).


@st.cache_resource(show_spinner=False, max_entries=256)
def show(generation: int, node_id: str) -> DocumentView | None:
    return get_app().call(lambda b: b.show(node_id))


@st.cache_resource(show_spinner=False, max_entries=1024)
def node(generation: int, node_id: str) -> NodeSummary | None:
    """One document's summary (no links)."""
    return get_app().call(lambda b: app_queries.node_summary(b, node_id))


@st.cache_data(show_spinner=False, max_entries=128)
def document_text(generation: int, node_id: str) -> str | None:
    return get_app().call(lambda b: b.document_text(node_id))


@st.cache_resource(show_spinner=False, max_entries=256)
def neighbourhood(generation: int, node_id: str, depth: int, max_nodes: int
                  ) -> tuple[list[NodeSummary], list[dict[str, Any]], int]:
    """At most ``max_nodes`` documents around one, chosen by relation and
    citations (:func:`graph.diagram.neighbourhood`); the last item is how
    many were left out."""
    from graph.diagram import neighbourhood as around

    return get_app().call(lambda b: around(b, node_id, depth=depth, max_nodes=max_nodes))


@st.cache_resource(show_spinner=False, max_entries=256)
def diagram(generation: int, node_id: str, order: str) -> Diagram | None:
    """The document's relation diagram, first page of each group."""
    from graph.diagram import relation_diagram

    return get_app().call(lambda b: relation_diagram(b, node_id, order=order,  # type: ignore[arg-type]
                                                     per_group=DIAGRAM_ROWS))


@st.cache_resource(show_spinner=False, max_entries=256)
def relation_page(generation: int, node_id: str, direction: str, relation: str, page: int,
                  order: str) -> tuple[list[DiagramItem], int]:
    """Page ``page`` (from 1) of one group of the diagram, and its total."""
    from graph.diagram import relation_page as group_page

    return get_app().call(lambda b: group_page(
        b, node_id, direction, relation, offset=(page - 1) * GROUP_PAGE,  # type: ignore[arg-type]
        limit=GROUP_PAGE, order=order))  # type: ignore[arg-type]


@st.cache_resource(show_spinner=False, max_entries=256)
def cites(generation: int, node_id: str) -> list[Link]:
    """What a document cites, with the spans of each mention (its text's links)."""
    return get_app().call(lambda b: b.cites(node_id))


@st.cache_resource(show_spinner=False, max_entries=128)
def lineage(generation: int, node_id: str, direction: str, depth: int) -> LineageTree | None:
    """The whole lineage (CSV export)."""
    return get_app().call(lambda b: b.lineage(node_id, direction=direction,  # type: ignore[arg-type]
                                              depth=depth))


@st.cache_resource(show_spinner=False, max_entries=128)
def lineage_shown(generation: int, node_id: str, direction: str, depth: int,
                  max_children: int) -> LineageTree | None:
    """The lineage cut to what the page draws (:func:`graph.lineage_view.lineage_capped`)."""
    from graph.lineage_view import lineage_capped

    return get_app().call(lambda b: lineage_capped(
        b, node_id, direction=direction, depth=depth, max_children=max_children,
        max_nodes=LINEAGE_NODES))


def unresolved(generation: int) -> list[app_queries.UnresolvedRow] | None:
    """Unresolved references (kept by :class:`AppBackend`, built at start)."""
    app = get_app()
    return app.call(app.unresolved)


@st.cache_data(show_spinner=False, max_entries=8)
def type_names(generation: int) -> list[str]:
    """Document types present, most frequent first (for filter choices)."""
    s = stats(generation)
    return [t for t, _ in sorted(s["by_type"].items(), key=lambda x: -x[1])
            if not t.startswith("(")]


@st.cache_data(show_spinner=False, max_entries=32)
def lineage_png(generation: int, node_id: str, up_depth: int, down_depth: int) -> bytes:
    """The lineage PNG for export, pruned to what a picture can show (drawing
    takes a few hundred ms: cached)."""
    from graph.lineage_view import lineage_capped
    from legalgraph.ui.labels import node_title
    from legalgraph.ui.render import lineage_png as draw

    def cut(direction: str, depth: int) -> LineageTree | None:
        return get_app().call(lambda b: lineage_capped(
            b, node_id, direction=direction, depth=depth, max_children=8, max_nodes=40))

    up, down = cut("up", up_depth), cut("down", down_depth)
    title = f"Phả hệ {node_title(up['node'])}" if up else ""
    return draw(up, down, title=title)
