"""GraphML, GEXF and node-link JSON through :mod:`networkx.readwrite`.

GraphML and GEXF hold only scalar attributes, so list and dict attributes
(``relations``, ``spans``, ``candidates``, ``files``…) become JSON strings and
``None`` is left out; :func:`flat_graph` makes that copy. GEXF nodes are
labelled with their key (networkx reads the ``key`` attribute back as
``networkx_key``, a name GEXF reserves). JSON keeps the attributes as they are.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["flat_graph", "generate_json", "write"]


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, (list, tuple, dict)):
            v = json.dumps(v, ensure_ascii=False)
        out[k] = v
    return out


def flat_graph(g: nx.DiGraph) -> nx.DiGraph:
    """Copy of ``g`` with only str/int/bool attribute values."""
    h = nx.DiGraph()
    h.add_nodes_from((n, _flat(a)) for n, a in g.nodes(data=True))
    h.add_edges_from((s, t, _flat(a)) for s, t, a in g.edges(data=True))
    return h


def generate_json(g: nx.DiGraph) -> dict[str, Any]:
    """Node-link data (``nodes``/``edges``), the graph's meta left out."""
    data = nx.node_link_data(g, edges="edges")
    data["graph"] = {}
    return data


def write(g: nx.DiGraph, out: str | os.PathLike[str], *, fmt: str) -> str:
    """Write ``g`` as graphml, gexf or json to ``out``."""
    path = Path(out)
    if fmt == "graphml":
        nx.write_graphml(flat_graph(g), path, encoding="utf-8")
    elif fmt == "gexf":
        h = flat_graph(g)
        for n, a in h.nodes(data=True):
            a["label"] = a.get("key") or n  # what Gephi shows on a node
        nx.write_gexf(h, path, encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps(generate_json(g), ensure_ascii=False), encoding="utf-8")
    else:
        raise ValueError(f"not a networkx format: {fmt!r}")
    return str(path)
