"""The lineage as a layered tree (HTML) and as an indented outline (text
to copy), from the capped trees of :func:`graph.lineage_view.lineage_capped`.

The tree: what the document rests on is drawn above it (the upward tree
mirrored, so the central texts sit at the top), what rests on it below,
each level one step further in (so a level of thirty documents stays
readable at any width); each box shows the relation, type and number,
year, status and a short name; a box with children folds them away on a
click (no script: a checkbox and CSS);
repeats ("đã nêu") and loops ("vòng lặp") are dashed and say so; a cut
place says how many it leaves out. Pure functions, no ``st.*``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from itertools import count
from typing import Any

from legalgraph.ui.badges import is_not_in_force, state_label, validity_badge_html
from legalgraph.ui.labels import (
    doc_href,
    fmt_int,
    node_title,
    relation_label,
    short_name,
    year_label,
)
from legalgraph.ui.lists import page_href, when_text

__all__ = ["lineage_outline", "lineage_tree_html", "tree_size"]

Tree = Mapping[str, Any]

#: Above this many boxes, levels below the second start folded.
FOLD_ABOVE = 60

LINEAGE_URL = "pha-he"


def tree_size(t: Tree | None) -> int:
    """Entries in a (capped) tree, the root included."""
    return 0 if t is None else 1 + sum(tree_size(c) for c in t["children"])


def _mark(t: Tree) -> str:
    if t.get("cycle"):
        return "↺ vòng lặp: đã có ở nhánh này"
    if t.get("seen"):
        return "↑ đã nêu ở chỗ khác trong cây"
    return ""


def _box(t: Tree, *, root: bool, fold_id: str | None, folded: bool) -> str:
    n = t["node"]
    classes = "lg-node" + (" lg-root" if root else "") + (
        " lg-cycle" if t.get("cycle") else " lg-seen" if t.get("seen") else "")
    parts = [f'<div class="{classes}">']
    if fold_id:
        kids = len(t["children"]) + (t.get("hidden") or 0)
        parts.append(f'<label class="lg-fold" for="{fold_id}" title="Thu gọn / mở nhánh này">'
                     f'{"▸" if folded else "▾"} {fmt_int(kids)}</label>')
    if not root:
        parts.append(f'<div class="lg-rel">{html.escape(relation_label(t["relation"]).lower())}'
                     "</div>")
    parts.append(f'<a class="lg-link lg-ntitle" href="{doc_href(n["id"])}" target="_self">'
                 f"{html.escape(node_title(n))}</a>"
                 f'{" · " + html.escape(year) if (year := year_label(n)) else ""} '
                 # a document no longer in force names the one that ended it
                 f"{validity_badge_html(n, detail=is_not_in_force(n.get('validity')))}")
    name = short_name(n, 110)
    if name:
        parts.append(f'<div class="lg-nname" title="{html.escape(n["name"] or "", quote=True)}">'
                     f"{html.escape(name)}</div>")
    mark = _mark(t)
    if mark:
        parts.append(f'<div class="lg-mark">{html.escape(mark)}</div>')
    if t.get("at_limit"):
        href = page_href(LINEAGE_URL, id=n["id"])
        parts.append(f'<div class="lg-mark"><a class="lg-link" href="{href}">còn '
                     f'{fmt_int(t["hidden"])} văn bản ở tầng sau ›</a></div>')
    parts.append("</div>")
    return "".join(parts)


def _children(t: Tree, *, level: int, ids: count, fold_from: int | None) -> str:
    hidden = 0 if t.get("at_limit") else t.get("hidden", 0)
    out = [_li(c, level=level + 1, ids=ids, fold_from=fold_from) for c in t["children"]]
    if hidden:
        out.append(f'<li><div class="lg-hidden">… và {fmt_int(hidden)} văn bản khác '
                   "(xem tệp CSV)</div></li>")
    return "".join(out)


def _li(t: Tree, *, level: int, ids: count, fold_from: int | None) -> str:
    hidden = 0 if t.get("at_limit") else t.get("hidden", 0)
    has_kids = bool(t["children"]) or bool(hidden)
    fold_id = f"lg-f{next(ids)}" if has_kids else None
    folded = fold_from is not None and level >= fold_from and fold_id is not None
    out = ["<li>"]
    if fold_id:
        out.append(f'<input type="checkbox" class="lg-tg" id="{fold_id}"'
                   f'{" checked" if folded else ""}>')
    out.append(_box(t, root=False, fold_id=fold_id, folded=folded))
    if has_kids:
        out.append("<ul>" + _children(t, level=level, ids=ids, fold_from=fold_from) + "</ul>")
    out.append("</li>")
    return "".join(out)


def lineage_tree_html(up: Tree | None, down: Tree | None) -> str:
    """Ancestors above the document, descendants below it; each level one
    step further in; branches below the first level start folded when the
    tree is large."""
    root = up or down
    if root is None:
        return ""
    fold_from = 2 if tree_size(up) + tree_size(down) > FOLD_ABOVE else None
    ids = count(1)
    parts = ['<div class="lg-lineage">']
    if up is not None and (up["children"] or up.get("hidden")):
        parts.append('<div class="lg-tree lg-up"><ul class="lg-top">'
                     + _children(up, level=0, ids=ids, fold_from=fold_from) + "</ul></div>")
    parts.append('<div class="lg-tree lg-down"><ul><li class="lg-rootli">'
                 + _box({**root, "cycle": False, "seen": False, "at_limit": False},
                        root=True, fold_id=None, folded=False))
    if down is not None and (down["children"] or down.get("hidden")):
        parts.append('<ul class="lg-top">'
                     + _children(down, level=0, ids=ids, fold_from=fold_from) + "</ul>")
    parts.append("</li></ul></div></div>")
    return "".join(parts)


def _line(t: Tree) -> str:
    n = t["node"]
    name = short_name(n, 110)
    text = node_title(n) + (f" — {name}" if name else "")
    when = when_text(n)
    if when:
        text += f" ({when})"
    text += f" [{state_label(n.get('validity'))}]"
    mark = _mark(t)
    if mark:
        text += f" ({mark})"
    if t.get("at_limit"):
        text += f" (còn {t['hidden']} văn bản ở tầng sau)"
    return text


def _outline(t: Tree, prefix: str, lines: list[str]) -> None:
    kids = list(t["children"])
    hidden = 0 if t.get("at_limit") else t.get("hidden", 0)
    for i, c in enumerate(kids):
        last = i == len(kids) - 1 and not hidden
        lines.append(f"{prefix}{'└── ' if last else '├── '}{relation_label(c['relation']).lower()}"
                     f": {_line(c)}")
        _outline(c, prefix + ("    " if last else "│   "), lines)
    if hidden:
        lines.append(f"{prefix}└── … và {hidden} văn bản khác")


def lineage_outline(up: Tree | None, down: Tree | None) -> str:
    """The lineage as indented plain text: the document, then what it rests
    on (▲), then what rests on it (▼), each level one step further in."""
    root = up or down
    if root is None:
        return ""
    lines = [_line({**root, "cycle": False, "seen": False, "at_limit": False})]
    lines.append("▲ Văn bản được dựa vào (phía trên)")
    if up is not None and (up["children"] or up.get("hidden")):
        _outline(up, "", lines)
    else:
        lines.append("    (không có)")
    lines.append("▼ Văn bản dựa vào văn bản này (phía dưới)")
    if down is not None and (down["children"] or down.get("hidden")):
        _outline(down, "", lines)
    else:
        lines.append("    (không có)")
    return "\n".join(lines)
