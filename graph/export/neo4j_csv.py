"""CSV in the header format ``neo4j-admin database import full`` reads.

Two files in one folder::

    nodes.csv  id:ID, key, type, …, year:int, ingested:boolean, resolved:boolean,
               candidates:string[], files:string[], validity (JSON, as
               ``legalgraph push`` writes it), validity_state, validity_since,
               effective, expires, :LABEL
    edges.csv  :START_ID, :END_ID, :TYPE, relations:string[], count:int,
               stated_in:string[], spans (JSON text), partial:string[] (acts on
               parts only)

Labels: every node is ``Document``, plus ``Ingested`` or ``CitedOnly`` and
``Unresolved`` when its identity is not placed. Relationship types are the
relation upper-cased (``CITES``, ``BASED_ON``…). Arrays use the default ``;``
delimiter. Import with::

    neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv neo4j
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

from graph.validity import PROPERTIES, flat

__all__ = ["EDGE_HEADER", "NODE_HEADER", "write_csv"]

NODE_HEADER: tuple[str, ...] = (
    "id:ID", "key", "type", "number", "symbol", "date", "year:int", "scope",
    "jurisdiction", "issuer", "subject", "name", "ingested:boolean", "resolved:boolean", "reason",
    "candidates:string[]", "files:string[]", *PROPERTIES, ":LABEL",
)
EDGE_HEADER: tuple[str, ...] = (
    ":START_ID", ":END_ID", ":TYPE", "relations:string[]", "count:int",
    "stated_in:string[]", "spans", "partial:string[]",
)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ";".join(_cell(x) for x in v)
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def _labels(a: dict[str, Any]) -> str:
    labels = ["Document", "Ingested" if a.get("ingested") else "CitedOnly"]
    if not a.get("resolved"):
        labels.append("Unresolved")
    return ";".join(labels)


def write_csv(g: nx.DiGraph, out: str | os.PathLike[str]) -> list[str]:
    """Write ``nodes.csv`` and ``edges.csv`` into folder ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    with nodes_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(NODE_HEADER)
        for n, a in sorted(g.nodes(data=True)):
            props = {**a, **flat(a.get("validity"))}
            w.writerow([n] + [_cell(props.get(h.split(":")[0])) for h in NODE_HEADER[1:-1]]
                       + [_labels(a)])
    with edges_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(EDGE_HEADER)
        for s, t, a in sorted(g.edges(data=True), key=lambda x: (x[0], x[1])):
            w.writerow([s, t, a["relation"].upper(), _cell(a["relations"]), a["count"],
                        _cell(a["stated_in"]), json.dumps(a["spans"], ensure_ascii=False),
                        _cell(a.get("partial") or [])])
    return [str(nodes_path), str(edges_path)]
