"""Vietnamese labels and small formatting helpers shared by every page.

Terms, once: *văn bản* = document, *số ký hiệu* = number/symbol ("58-QĐ/TU"),
*cơ quan ban hành* = issuer, *trích yếu* = subject line, *dẫn chiếu* = citation.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from graph.backend import NodeSummary

__all__ = [
    "DOCUMENT_PAGE",
    "GROUP_LABELS",
    "RELATION_LABELS",
    "RELATION_ORDER",
    "doc_href",
    "fmt_date",
    "fmt_int",
    "reason_label",
    "node_title",
    "relation_label",
    "short_name",
    "type_color",
]

#: Script path (relative to app.py) and URL path of the document page; every
#: link to a document goes there with ``?id=<node id>``.
DOCUMENT_PAGE = "legalgraph/ui/pages/document.py"
DOCUMENT_URL = "van-ban"

#: Relations, strongest first (same order as parsers.models.RELATIONS).
RELATION_ORDER: tuple[str, ...] = (
    "based_on", "implements", "amends", "replaces", "repeals", "guides", "cites",
)

#: What each relation means, seen from the citing document ("it implements X").
RELATION_LABELS: dict[str, str] = {
    "based_on": "Căn cứ",
    "implements": "Thực hiện",
    "amends": "Sửa đổi, bổ sung",
    "replaces": "Thay thế",
    "repeals": "Bãi bỏ",
    "guides": "Hướng dẫn",
    "cites": "Nhắc đến",
}

#: The same relation seen from the cited document ("X implements this one").
RELATION_LABELS_INCOMING: dict[str, str] = {
    "based_on": "Lấy văn bản này làm căn cứ",
    "implements": "Thực hiện văn bản này",
    "amends": "Sửa đổi, bổ sung văn bản này",
    "replaces": "Thay thế văn bản này",
    "repeals": "Bãi bỏ văn bản này",
    "guides": "Hướng dẫn văn bản này",
    "cites": "Nhắc đến văn bản này",
}

#: The relation diagram's groups (:mod:`graph.diagram`), as the portals name
#: them: ``("out", r)`` what this document does to the others, ``("in", r)``
#: what the others do to it.
GROUP_LABELS: dict[tuple[str, str], str] = {
    ("out", "based_on"): "Căn cứ",
    ("out", "implements"): "Thực hiện",
    ("out", "guides"): "Hướng dẫn",
    ("out", "amends"): "Sửa đổi, bổ sung",
    ("out", "replaces"): "Thay thế",
    ("out", "repeals"): "Bãi bỏ",
    ("out", "cites"): "Dẫn chiếu khác",
    ("in", "based_on"): "Được căn cứ bởi",
    ("in", "implements"): "Được thực hiện bởi",
    ("in", "guides"): "Được hướng dẫn bởi",
    ("in", "amends"): "Bị sửa đổi, bổ sung bởi",
    ("in", "replaces"): "Bị thay thế bởi",
    ("in", "repeals"): "Bị bãi bỏ bởi",
    ("in", "cites"): "Được dẫn chiếu bởi",
}

#: Colours for the most common document types; others get a stable palette colour.
_TYPE_COLORS: dict[str, str] = {
    "Nghị quyết": "#d62728",
    "Chỉ thị": "#ff7f0e",
    "Quyết định": "#1f77b4",
    "Quy định": "#17becf",
    "Kết luận": "#9467bd",
    "Kế hoạch": "#2ca02c",
    "Thông báo": "#8c564b",
    "Hướng dẫn": "#e377c2",
    "Công văn": "#7f7f7f",
    "Luật": "#bcbd22",
    "Nghị định": "#393b79",
    "Thông tư": "#637939",
    "Công điện": "#843c39",
    "Tờ trình": "#7b4173",
}
_PALETTE = ("#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#6baed6",
            "#fd8d3c", "#74c476", "#9e9ac8", "#969696")
UNKNOWN_COLOR = "#b0b0b0"


def type_color(doc_type: str | None) -> str:
    """Node colour for a document type (stable across runs)."""
    if not doc_type:
        return UNKNOWN_COLOR
    if doc_type in _TYPE_COLORS:
        return _TYPE_COLORS[doc_type]
    return _PALETTE[sum(map(ord, doc_type)) % len(_PALETTE)]


def relation_label(relation: str | None, *, incoming: bool = False) -> str:
    """Vietnamese name of a relation (``incoming``: seen from the cited side)."""
    if relation is None:
        return ""
    table = RELATION_LABELS_INCOMING if incoming else RELATION_LABELS
    return table.get(relation, relation)


def fmt_date(iso: str | None) -> str:
    """``2025-11-20`` → ``20/11/2025`` (Vietnamese order); '' when unknown."""
    if not iso:
        return ""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def year_label(n: NodeSummary) -> str:
    """"2024", or the Party term of an undated reference ("2020-2025"); "" if neither."""
    return (n["date"] or "")[:4] or (n["scope"] or "")


def node_title(n: NodeSummary, *, with_type: bool = True) -> str:
    """Short name a person recognises: "Quyết định 58-QĐ/TU"."""
    key = n["key"] or "(không số)"
    return f"{n['type']} {key}" if with_type and n["type"] else key


def short_name(n: NodeSummary, limit: int = 90) -> str:
    """The name without the type word the title already shows, cut at a
    word before ``limit`` characters: "Luật Tổ chức chính quyền địa
    phương" under "Luật 72/2025/QH15" reads "Tổ chức chính quyền địa
    phương"; '' when the document has no name."""
    name = " ".join((n["name"] or n["subject"] or "").split())
    kind = n["type"] or ""
    if kind and name[:len(kind)].lower() == kind.lower() and len(name) > len(kind) + 3:
        name = name[len(kind):].lstrip(" :,-–")
        name = name[:1].upper() + name[1:]
    if len(name) <= limit:
        return name
    cut = name[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + " …"


def doc_href(node_id: str) -> str:
    """Relative URL of a document's page (works behind a base path too)."""
    return f"{DOCUMENT_URL}?id={quote(node_id, safe='')}"


#: The resolver's reasons (English, from graph.resolve) in Vietnamese, by prefix.
_REASONS: tuple[tuple[str, str], ...] = (
    ("no date and no year in the number", "Thiếu năm: không ghi ngày, số không kèm năm"),
    ("local body, citing document's province unknown",
     "Cơ quan địa phương, không rõ thuộc tỉnh nào"),
    ("province and date unknown", "Không rõ tỉnh và năm"),
    ("local body named in a national document",
     "Cơ quan địa phương được nêu trong văn bản trung ương, không rõ tỉnh"),
    ("unnamed", "Không rõ tên cơ quan ban hành cấp huyện/xã"),
    ("only named in a stated relation", "Chỉ được nêu trong quan hệ giữa hai văn bản khác"),
    ("key is not number/symbol", "Số ký hiệu không hợp lệ"),
    ("no number/symbol in the header", "Văn bản không ghi số ký hiệu ở phần đầu"),
    ("header", "Phần đầu văn bản chưa đủ thông tin"),
)


_AMBIGUOUS = re.compile(
    r"(year/term|province|issuing level|province and year/term|issuing level and year/term)"
    r" ambiguous: (\d+) candidates")


def reason_label(reason: str | None) -> str:
    """Why a reference is unresolved, in Vietnamese (unknown reasons as given)."""
    if not reason:
        return "Chưa xác định"
    m = _AMBIGUOUS.match(reason)
    if m:
        what = {"year/term": "năm/nhiệm kỳ", "province": "tỉnh",
                "issuing level": "cấp ban hành"}.get(m.group(1), "tỉnh và năm")
        return f"Không rõ {what}: {m.group(2)} văn bản cùng số ký hiệu"
    for prefix, label in _REASONS:
        if reason.startswith(prefix):
            # "…; undated" (graph.placement): the reference gives no date
            # either, a reason of its own, not a second row of the same words
            return label + ("; không ghi ngày" if reason.endswith("; undated") else "")
    return reason


def fmt_int(n: int) -> str:
    """``42149`` → ``42.149`` (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")
