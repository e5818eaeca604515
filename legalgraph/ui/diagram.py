"""The relation diagram (lược đồ) of :func:`graph.diagram.relation_diagram`
as HTML: the document in the centre; on its left what it rests on or acts
on, on its right what rests on or acts on it; one card per group with its
count, its documents (:func:`legalgraph.ui.lists.doc_row`) and "Xem thêm
(N)", which opens the whole group in place, a page at a time. Groups
without documents are listed as chips with (0), as the portals show them.
Pure function, no ``st.*``."""

from __future__ import annotations

import html
from collections.abc import Sequence

from graph.diagram import Diagram, DiagramGroup, DiagramItem
from legalgraph.ui.badges import validity_badge_html
from legalgraph.ui.labels import (
    DOCUMENT_URL,
    GROUP_LABELS,
    fmt_int,
    node_title,
    relation_label,
    short_name,
)
from legalgraph.ui.lists import doc_row, page_href, when_text
from legalgraph.ui.render import RELATION_COLORS

__all__ = ["Expanded", "diagram_html", "group_param", "parse_group_param"]

#: (direction, relation, page number from 1, items of that page, pages).
Expanded = tuple[str, str, int, Sequence[DiagramItem], int]


def group_param(direction: str, relation: str) -> str:
    """The URL value naming a group: ``in.based_on``."""
    return f"{direction}.{relation}"


def parse_group_param(value: str | None) -> tuple[str, str] | None:
    """``in.based_on`` → ("in", "based_on"); None for anything else."""
    if not value or "." not in value:
        return None
    direction, relation = value.split(".", 1)
    return (direction, relation) if (direction, relation) in GROUP_LABELS else None


def _item_html(it: DiagramItem) -> str:
    meta = []
    if it["count"] > 1:
        meta.append(f"nhắc {it['count']} lần")
    if it["cited_by"]:
        meta.append(f"được {fmt_int(it['cited_by'])} văn bản dẫn chiếu")
    notes = ["Quan hệ nêu trong văn bản khác"] if it["count"] == 0 and it["stated_in"] else []
    if it.get("not_counted"):
        said = ", ".join(relation_label(r).lower() for r in it["not_counted"])
        notes.append(f"Văn bản ghi “{said}” nhưng không tính: văn bản hợp nhất hoặc văn bản có "
                     "hiệu lực thấp hơn không tác động được văn bản này")
    return doc_row(it["node"], meta=meta, notes=notes, name_limit=120)


def _group_html(node_id: str, g: DiagramGroup, order: str, expanded: Expanded | None) -> str:
    label = GROUP_LABELS[(g["direction"], g["relation"])]
    color = RELATION_COLORS.get(g["relation"], "#777")
    param = group_param(g["direction"], g["relation"])
    is_open = expanded is not None and (expanded[0], expanded[1]) == (g["direction"],
                                                                      g["relation"])
    items = expanded[3] if is_open else g["items"]  # type: ignore[index]
    out = [f'<div class="lg-group" id="lg-g-{param}" style="--lg-rel:{color}">'
           f'<div class="lg-ghead"><span>{html.escape(label)}</span>'
           f'<span class="lg-count">{fmt_int(g["total"])}</span></div>',
           '<div class="lg-rows">', *(_item_html(it) for it in items), "</div>"]
    base = {"id": node_id, "xep": order if order != "date" else None}
    if is_open:
        page, pages = expanded[2], expanded[4]  # type: ignore[index]
        def link(label: str, **more: str | int) -> str:
            return (f'<a class="lg-link lg-more" href="{page_href(DOCUMENT_URL, **base, **more)}">'
                    f"{label}</a>")

        links = [link("‹ Trang trước", nhom=param, trang=page - 1)] if page > 1 else []
        links.append(f'<span class="lg-more" style="color:#555">Trang {page}/{pages}</span>')
        if page < pages:
            links.append(link("Trang sau ›", nhom=param, trang=page + 1))
        links.append(link("Thu gọn"))
        out.append("<div>" + "".join(links) + "</div>")
    elif g["total"] > len(items):
        href = page_href(DOCUMENT_URL, **base, nhom=param)
        out.append(f'<a class="lg-link lg-more" href="{href}">Xem thêm '
                   f'({fmt_int(g["total"] - len(items))})</a>')
    out.append("</div>")
    return "".join(out)


def _column(node_id: str, groups: Sequence[DiagramGroup], head: str, order: str,
            expanded: Expanded | None) -> str:
    full = [g for g in groups if g["total"]]
    empty = [g for g in groups if not g["total"]]
    parts = [f'<div class="lg-col"><div class="lg-colhead">{html.escape(head)}</div>']
    parts += [_group_html(node_id, g, order, expanded) for g in full]
    if not full:
        parts.append('<div class="lg-meta" style="color:#777">Không có văn bản nào.</div>')
    if empty:
        parts.append('<div class="lg-empty">' + "".join(
            f'<span>{html.escape(GROUP_LABELS[(g["direction"], g["relation"])])} (0)</span>'
            for g in empty) + "</div>")
    parts.append("</div>")
    return "".join(parts)


def _centre(d: Diagram) -> str:
    n = d["node"]
    name = short_name(n, 200)
    meta = " · ".join(x for x in (n["issuer"], when_text(n)) if x)
    return (
        '<div class="lg-centre">'
        '<div class="lg-meta" style="text-transform:uppercase;font-size:0.75em">'
        "Văn bản đang xem</div>"
        f'<div class="lg-ctitle">{html.escape(node_title(n))}</div>'
        + (f'<div class="lg-cname">{html.escape(name)}</div>' if name else "")
        + (f'<div class="lg-meta">{html.escape(meta)}</div>' if meta else "")
        + f'<div style="margin-top:6px">{validity_badge_html(n)}</div>'
        f'<div class="lg-meta" style="margin-top:6px">Dẫn chiếu {fmt_int(d["cites_count"])} '
        f'văn bản · được {fmt_int(d["cited_by_count"])} văn bản dẫn chiếu</div>'
        '<div class="lg-arrows"><span>← văn bản này dựa vào</span>'
        "<span>dựa vào văn bản này →</span></div></div>")


def diagram_html(d: Diagram, *, order: str = "date", expanded: Expanded | None = None) -> str:
    """The whole diagram; ``expanded``: one group opened at a page."""
    nid = d["node"]["id"]
    out_groups = [g for g in d["groups"] if g["direction"] == "out"]
    in_groups = [g for g in d["groups"] if g["direction"] == "in"]
    # a side without documents gets less room than one with
    left = 1.0 if any(g["total"] for g in out_groups) else 0.5
    right = 1.0 if any(g["total"] for g in in_groups) else 0.5
    columns = (f"grid-template-columns:minmax(0,{left}fr) minmax(190px,0.55fr) "
               f"minmax(0,{right}fr)")
    return (f'<div class="lg-diagram" style="{columns}">'
            + _column(nid, out_groups, "Văn bản này căn cứ, thực hiện, tác động đến", order,
                      expanded)
            + _centre(d)
            + _column(nid, in_groups, "Văn bản căn cứ, thực hiện, tác động đến văn bản này",
                      order, expanded)
            + "</div>")
