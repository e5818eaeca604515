"""Pick the graph backend: the embedded store or a Neo4j server.

The CLI and the app call :func:`open_backend`; both backends answer the same
:class:`graph.backend.GraphBackend` questions with the same data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from graph.backend import GraphBackend

__all__ = ["open_backend"]


def open_backend(db: str | os.PathLike[str] | None = None, uri: str | None = None, *,
                 environ: Mapping[str, str] | None = None, create: bool = True
                 ) -> GraphBackend:
    """A backend, chosen in this order: ``uri`` (Neo4j), ``db`` (embedded store
    folder), ``$NEO4J_URI`` (Neo4j), else the embedded store in
    ``$LEGALGRAPH_DB`` or ``data/store``.

    An explicit ``db`` wins over ``$NEO4J_URI`` so that a command given
    ``--db`` reads that store even where a Neo4j server is configured.
    ``create=False``: a missing embedded store raises
    :class:`graph.store.StoreMissing` (query commands) instead of being created.
    """
    env = os.environ if environ is None else environ
    if uri is None and db is None:
        uri = env.get("NEO4J_URI") or None
    if uri:
        from graph.neo4j import Neo4jBackend, Neo4jConfig

        return Neo4jBackend(Neo4jConfig.from_env(uri=uri, environ=env))
    from graph.embedded import EmbeddedBackend

    return EmbeddedBackend(db, create=create)
