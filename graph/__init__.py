"""Citation graph: resolve parsed records to documents, store, build, query, export.

Flow: ``parsers`` records → :mod:`graph.identity` / :mod:`graph.resolve`
(who is cited) → :mod:`graph.store` (SQLite) → :mod:`graph.build` (networkx)
→ :mod:`graph.queries` behind :class:`graph.backend.GraphBackend` →
CLI / app / :mod:`graph.export`.
"""
