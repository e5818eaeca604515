"""Document rows as HTML, the same in every list (search hits, the relation
diagram's groups, citing documents, unresolved references): the title as
a link to the document's page, its name, issuer and date, and its status.
Pure functions, no ``st.*``; links are ``a.lg-link`` (opened in the app by
:mod:`legalgraph.ui.theme`)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from graph.backend import NodeSummary
from legalgraph.ui.badges import validity_badge_html
from legalgraph.ui.labels import doc_href, fmt_date, node_title, reason_label, short_name

__all__ = ["doc_row", "doc_rows", "page_href", "when_text"]

#: The resolver's reason for an ingested document without a number: its
#: title already says "(không số)", so the row does not repeat it.
NO_NUMBER = "no number/symbol in the header"


def when_text(n: NodeSummary) -> str:
    """"08/10/2024"; for an undated reference its year or Party term."""
    if n["date"]:
        return fmt_date(n["date"])
    scope = n["scope"] or ""
    if "-" in scope:
        return f"nhiệm kỳ {scope.replace('-', '–')}"
    return f"năm {scope}" if scope else ""


def page_href(path: str, **params: str | int | None) -> str:
    """A relative link to one of the app's pages with query parameters."""
    query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items()
                     if v is not None and v != "")
    return f"{path}?{query}" if query else path


def doc_row(n: NodeSummary, *, meta: Sequence[str] = (), notes: Sequence[str] = (),
            name_limit: int = 160) -> str:
    """One document: "<title link> <status>", its name, "issuer · date ·
    *meta*…", then any ``notes`` (a warning line each). Everything escaped."""
    title = html.escape(node_title(n))
    name = short_name(n, name_limit)
    bits = [x for x in (n["issuer"], when_text(n), *meta) if x]
    out = [f'<div class="lg-row"><a class="lg-link lg-title" href="{doc_href(n["id"])}" '
           f'target="_self">{title}</a> {validity_badge_html(n, detail=False)}']
    if name:
        full = html.escape(n["name"] or n["subject"] or "", quote=True)
        out.append(f'<div class="lg-name" title="{full}">{html.escape(name)}</div>')
    if bits:
        out.append(f'<div class="lg-meta">{html.escape(" · ".join(bits))}</div>')
    if not n["resolved"] and not (n["reason"] or "").startswith(NO_NUMBER):
        out.append(f'<div class="lg-note">⚠ Chưa xác định đầy đủ: '
                   f'{html.escape(reason_label(n["reason"]))}</div>')
    for note in notes:
        out.append(f'<div class="lg-note">{html.escape(note)}</div>')
    out.append("</div>")
    return "".join(out)


def doc_rows(rows: Iterable[str]) -> str:
    """Rows from :func:`doc_row` in one block."""
    return '<div class="lg-rows">' + "".join(rows) + "</div>"
