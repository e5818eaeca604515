"""HTML, graph and image rendering for the app (pure functions, no ``st.*``).

* :func:`highlighted_text` — a document's text with every citation span
  wrapped in a link to the cited document's page;
* :func:`graph_html` — an interactive vis-network graph as one self-contained
  HTML page: the vis-network script is read from the ``pyvis`` wheel and
  inlined, so nothing is fetched from a CDN when it renders;
* :func:`lineage_png` — the lineage as a layered PNG (matplotlib) for export.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from graph.backend import LineageTree, Link, NodeSummary
from graph.lineage_view import prune  # re-exported: the lineage export draws pruned trees
from legalgraph.ui.labels import (
    doc_href,
    fmt_date,
    node_title,
    relation_label,
    short_name,
    type_color,
    year_label,
)

__all__ = [
    "graph_html",
    "highlighted_text",
    "legend_html",
    "lineage_graph",
    "lineage_png",
    "prune",
]

#: Relation colours for highlighted citations and graph edges.
RELATION_COLORS: dict[str, str] = {
    "based_on": "#1f6fb4",
    "implements": "#2e8b3e",
    "amends": "#b8860b",
    "replaces": "#b8860b",
    "repeals": "#c0392b",
    "guides": "#8e44ad",
    "cites": "#555555",
}


def _tooltip(n: NodeSummary) -> str:
    parts = [node_title(n), fmt_date(n["date"]) or (n["scope"] or ""), n["issuer"] or ""]
    text = " · ".join(p for p in parts if p)
    if n["name"] or n["subject"]:
        text += "\n" + (n["name"] or n["subject"])[:160]
    if not n["resolved"]:
        text += "\n(chưa xác định đầy đủ)"
    return text


def _node_label(n: NodeSummary) -> str:
    """Number/symbol and year on two lines: two directives "09/CT-UBND" of
    different years are then told apart at a glance; a document without a
    number by its type and short name."""
    when = year_label(n)
    first = n["key"] or f"{n['type'] or 'Văn bản'} (không số)"
    if not n["key"] and (n["name"] or n["subject"]):
        first += "\n" + short_name(n, 28)
    return f"{first}\n{when}" if when else first


def highlighted_text(text: str, links: Iterable[Link]) -> str:
    """HTML of ``text`` (line breaks kept) with each span of each outgoing
    link made a link to the cited document, coloured by relation; overlapping
    spans keep the first."""
    spans: list[tuple[int, int, Link]] = sorted(
        ((s["start"], s["end"], link) for link in links for s in link["spans"]
         if 0 <= s["start"] < s["end"] <= len(text)),
        key=lambda x: (x[0], -x[1]))
    out: list[str] = []
    pos = 0
    for start, end, link in spans:
        if start < pos:
            continue
        n = link["node"]
        out.append(html.escape(text[pos:start]))
        color = RELATION_COLORS.get(link["relation"], "#555")
        title = html.escape(f"{relation_label(link['relation'])}: {_tooltip(n)}", quote=True)
        out.append(
            f'<a class="lg-ref" href="{doc_href(n["id"])}" target="_self" title="{title}" '
            f'style="border-bottom:2px solid {color};background:{color}1f;color:inherit;'
            f'text-decoration:none;padding:0 1px">{html.escape(text[start:end])}</a>')
        pos = end
    out.append(html.escape(text[pos:]))
    return ('<div class="lg-text" style="white-space:pre-wrap;font-family:inherit;'
            'line-height:1.55;max-height:640px;overflow-y:auto;padding:0.75rem 1rem;'
            'border:1px solid #ddd;border-radius:6px;background:#fcfcfa">'
            + "".join(out) + "</div>")


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's minified script from the pyvis wheel (offline)."""
    return (resources.files("pyvis") / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(
        encoding="utf-8")


def legend_html(types: Iterable[str | None], relations: Iterable[str] = ()) -> str:
    """Colour key for the document types (dots) and relations (lines)
    present in a graph."""
    def item(swatch: str, label: str) -> str:
        return (f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
                f'{swatch}{html.escape(label)}</span>')

    items = []
    for t in sorted({t or "(không rõ loại)" for t in types}):
        color = type_color(None if t.startswith("(") else t)
        items.append(item(f'<span style="width:11px;height:11px;border-radius:50%;'
                          f'background:{color};display:inline-block;margin-right:5px"></span>', t))
    items.append(item('<span style="width:11px;height:11px;border-radius:50%;background:#fff;'
                      'border:2px dashed #888;display:inline-block;margin-right:5px"></span>',
                      "chưa xác định đầy đủ"))
    rels = set(relations)
    lines = [item(f'<span style="width:22px;height:0;border-top:3px solid '
                  f'{RELATION_COLORS[r]};display:inline-block;margin-right:5px"></span>',
                  relation_label(r).lower())
             for r in RELATION_COLORS if r in rels]
    out = '<div style="font-size:0.85rem;line-height:1.8">' + "".join(items) + "</div>"
    if lines:
        out += ('<div style="font-size:0.85rem;line-height:1.8">Quan hệ: ' + "".join(lines)
                + "</div>")
    return out


def graph_html(nodes: Sequence[NodeSummary], edges: Sequence[dict[str, Any]], *,
               center: str | None = None, height: int = 520,
               levels: dict[str, int] | None = None) -> str:
    """Self-contained HTML page with an interactive graph.

    Nodes are coloured by document type and labelled with their number/
    symbol; edges point from citing to cited and are labelled with the
    relation. ``levels`` (node id → row) gives a top-down layered layout (used
    for lineage); otherwise a force layout that settles and then stops.
    Double-clicking a node opens its page in the app's own tab, through
    the app's history as its links do (the frame may not navigate the top
    window itself); a new tab where the frame cannot reach the app.
    """
    vis_nodes = []
    for n in nodes:
        is_center = n["id"] == center
        node: dict[str, Any] = {
            "id": n["id"], "label": _node_label(n), "title": _tooltip(n),
            "color": {"background": type_color(n["type"]), "border": "#222" if is_center
                      else type_color(n["type"])},
            "shape": "dot", "size": 22 if is_center else 13,
            "borderWidth": 4 if is_center else 1,
            "font": {"size": 16 if is_center else 13, "face": "DejaVu Sans, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "href": doc_href(n["id"]),
        }
        if not n["resolved"]:
            node["shapeProperties"] = {"borderDashes": [4, 3]}
            node["color"]["background"] = "#ffffff"
            node["borderWidth"] = 2
        if levels is not None and n["id"] in levels:
            node["level"] = levels[n["id"]]
        vis_nodes.append(node)
    vis_edges = [{
        "from": e["source"], "to": e["target"], "arrows": "to",
        "label": relation_label(e["relation"]),
        "color": {"color": RELATION_COLORS.get(e["relation"], "#777"), "opacity": 0.8},
        "dashes": not e.get("count"),
        "font": {"size": 11, "align": "middle", "color": "#333", "strokeWidth": 3,
                 "face": "DejaVu Sans, sans-serif"},
    } for e in edges]
    if levels is not None:
        layout = {"hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                   "levelSeparation": 110, "nodeSpacing": 170}}
        physics: dict[str, Any] = {"enabled": False}
    else:
        layout = {"randomSeed": 7}
        physics = {"solver": "forceAtlas2Based",
                   "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                   "stabilization": {"iterations": 250}}
    options = {"layout": layout, "physics": physics,
               "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
               "edges": {"smooth": {"type": "dynamic"} if levels is None else False}}
    data = json.dumps({"nodes": vis_nodes, "edges": vis_edges}, ensure_ascii=False)
    data = data.replace("</", "<\\/")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<style>html,body{{margin:0;padding:0;font-family:"DejaVu Sans",sans-serif}}
*{{box-sizing:border-box}}
#lg-graph{{width:100%;height:{height}px;border:1px solid #ddd;border-radius:6px;
background:#fff}}
div.vis-tooltip{{position:absolute;white-space:pre-wrap;max-width:360px;padding:6px 8px;
font-size:12px;background:#fffbe6;border:1px solid #ccc;border-radius:4px}}</style>
</head><body><div id="lg-graph"></div>
<script>{_vis_js()}</script>
<script>
const data = {data};
const nodes = new vis.DataSet(data.nodes);
const edges = new vis.DataSet(data.edges);
const net = new vis.Network(document.getElementById("lg-graph"), {{nodes, edges}},
                            {json.dumps(options)});
net.once("stabilizationIterationsDone", () => {{ net.setOptions({{physics: false}}); net.fit(); }});
net.on("doubleClick", (p) => {{
  if (!p.nodes.length) return;
  const n = nodes.get(p.nodes[0]);
  try {{  // in the app's own tab, as its links do (legalgraph.ui.theme)
    const top = window.parent;
    const url = new URL(n.href, top.location.href);
    top.history.pushState({{}}, "", url.pathname + url.search);
    top.dispatchEvent(new top.PopStateEvent("popstate"));
  }} catch (err) {{  // a frame that may not reach the app: a new tab
    const base = window.parent.location.href.split("?")[0].replace(/[^/]*$/, "");
    window.open(base + n.href, "_blank");
  }}
}});
window.lgNetwork = net;
</script></body></html>"""


def lineage_graph(up: LineageTree | None, down: LineageTree | None
                  ) -> tuple[list[NodeSummary], list[dict[str, Any]], dict[str, int]]:
    """Nodes, edges (citing → cited) and layout rows of both lineage trees:
    row 0 is the chosen document, negative rows what it rests on, positive
    rows what rests on it."""
    nodes: dict[str, NodeSummary] = {}
    levels: dict[str, int] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}

    def walk(t: LineageTree, level: int, sign: int) -> None:
        nid = t["node"]["id"]
        nodes.setdefault(nid, t["node"])
        levels.setdefault(nid, sign * level)
        for c in t["children"]:
            cid = c["node"]["id"]
            s, d = (nid, cid) if sign < 0 else (cid, nid)
            edges.setdefault((s, d), {"source": s, "target": d, "relation": c["relation"],
                                      "count": 1})
            if not c["cycle"]:
                walk(c, level + 1, sign)
            else:
                nodes.setdefault(cid, c["node"])

    if up is not None:
        walk(up, 0, -1)
    if down is not None:
        walk(down, 0, 1)
    return list(nodes.values()), list(edges.values()), levels


def lineage_png(up: LineageTree | None, down: LineageTree | None, *,
                title: str = "") -> bytes:
    """The lineage drawn in rows (sources of authority at the top) as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    nodes, edges, levels = lineage_graph(up, down)
    rows: dict[int, list[str]] = {}
    for n in nodes:
        rows.setdefault(levels.get(n["id"], 0), []).append(n["id"])
    width = max((len(v) for v in rows.values()), default=1)
    pos: dict[str, tuple[float, float]] = {}
    for level, ids in rows.items():
        for i, nid in enumerate(sorted(ids)):
            pos[nid] = ((i + 0.5) / len(ids) * width, -level)
    by_id = {n["id"]: n for n in nodes}
    fig, ax = plt.subplots(figsize=(max(6.0, 2.3 * width), max(3.0, 1.4 * len(rows) + 1)),
                           dpi=120)
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1),
                    arrowprops={"arrowstyle": "-|>", "color": RELATION_COLORS.get(
                        e["relation"], "#777"), "shrinkA": 14, "shrinkB": 14, "lw": 1.4})
        ax.text((x1 + x2) / 2, (y1 + y2) / 2, relation_label(e["relation"]), fontsize=8,
                ha="center", va="center", color="#333",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
    for nid, (x, y) in pos.items():
        n = by_id[nid]
        ax.scatter([x], [y], s=420 if levels.get(nid) == 0 else 260,
                   color=type_color(n["type"]), edgecolors="#222", zorder=3)
        label = f"{n['key'] or '(không số)'}\n{n['type'] or ''} {fmt_date(n['date'])}".strip()
        ax.text(x, y - 0.28, label, ha="center", va="top", fontsize=8, zorder=4)
    ax.set_title(title, fontsize=11)
    ax.axis("off")
    ax.margins(x=0.15, y=0.25)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
