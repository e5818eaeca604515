"""Validity in Vietnamese: the status line, a short label and a badge
(text + colour + link to the acting document), for every place a document
is shown (CLI ``show``/``top``/``search``/``lineage``, the app's document
page, lists and lineage tree). Pure functions, no ``st.*``: the CLI uses
them too.

``validity`` is the object :mod:`graph.validity` puts on every node
(``node["validity"]``); missing or empty means unknown.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from legalgraph.ui.labels import doc_href, fmt_date

__all__ = [
    "EVIDENCE_NOTE",
    "STATE_COLORS",
    "STATE_LABELS",
    "act_title",
    "in_force_marker",
    "is_not_in_force",
    "state_label",
    "status_text",
    "validity_badge",
    "validity_badge_html",
]

#: Short label per state (table cells, badges).
STATE_LABELS: dict[str, str] = {
    "in_force": "Còn hiệu lực",
    "amended": "Còn hiệu lực, đã sửa đổi",
    "replaced": "Hết hiệu lực (bị thay thế)",
    "repealed": "Hết hiệu lực (bị bãi bỏ)",
    "expired": "Hết hiệu lực (hết thời hạn)",
    "not_yet": "Chưa có hiệu lực",
    "unknown": "Chưa rõ hiệu lực",
}

#: (Streamlit badge colour, HTML text colour, HTML background) per state.
STATE_COLORS: dict[str, tuple[str, str, str]] = {
    "in_force": ("green", "#1b6e2d", "#e3f4e6"),
    "amended": ("blue", "#1f4f99", "#e3ecfa"),
    "replaced": ("red", "#a12a1f", "#fbe4e1"),
    "repealed": ("red", "#a12a1f", "#fbe4e1"),
    "expired": ("red", "#a12a1f", "#fbe4e1"),
    "not_yet": ("orange", "#8a5300", "#fdf0d9"),
    "unknown": ("gray", "#555555", "#eeeeee"),
}

#: What the page says about where the status comes from.
EVIDENCE_NOTE = ("Hiệu lực suy ra từ chính văn bản (điều khoản hiệu lực) và các văn bản có "
                 "trong kho sửa đổi, thay thế, bãi bỏ nó; văn bản ngoài kho không được tính.")

Title = Callable[[Mapping[str, Any]], str]

_DEAD = frozenset({"replaced", "repealed", "expired"})

_VERBS: dict[tuple[str, bool], str] = {
    ("replaces", False): "bị thay thế bởi",
    ("repeals", False): "bị bãi bỏ bởi",
    ("replaces", True): "bị thay thế một phần bởi",
    ("repeals", True): "bị bãi bỏ một phần bởi",
    ("amends", False): "được sửa đổi, bổ sung bởi",
    ("amends", True): "được sửa đổi, bổ sung bởi",
}


def _state(validity: Mapping[str, Any] | None) -> str:
    state = (validity or {}).get("state") or "unknown"
    return state if state in STATE_LABELS else "unknown"


def is_not_in_force(validity: Mapping[str, Any] | None) -> bool:
    """Replaced, repealed or expired."""
    return _state(validity) in _DEAD


def state_label(validity: Mapping[str, Any] | None) -> str:
    """Short label: "Còn hiệu lực", "Hết hiệu lực (bị bãi bỏ)", …"""
    return STATE_LABELS[_state(validity)]


def act_title(act: Mapping[str, Any]) -> str:
    """"Quyết định số 84/2025/QĐ-UBND"; a document without number by its date."""
    kind = act.get("type") or "văn bản"
    if act.get("key"):
        return f"{kind} số {act['key']}"
    when = fmt_date(act.get("date"))
    return f"{kind} (không số{', ngày ' + when if when else ''})"


def _when(act: Mapping[str, Any]) -> str:
    return fmt_date(act.get("effective") or act.get("date"))


def _ending(validity: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return next((a for a in validity.get("by", ()) if a["relation"] in ("replaces", "repeals")
                 and not a["partial"]), None)


def _acts_text(acts: Sequence[Mapping[str, Any]], title: Title) -> str:
    """"đã được sửa đổi, bổ sung bởi A, B; đã bị bãi bỏ một phần bởi C"."""
    groups: dict[str, list[str]] = {}
    for a in acts:
        groups.setdefault(_VERBS[(a["relation"], bool(a["partial"]))], []).append(title(a))
    return "; ".join(f"đã {verb} {', '.join(items)}" for verb, items in groups.items())


def _ended_by(v: Mapping[str, Any], title: Title) -> str:
    """"bị bãi bỏ bởi X" (and the document that holds the matter now)."""
    end = _ending(v)
    if end is None:
        return ""
    text = f"{_VERBS[(end['relation'], False)]} {title(end)}"
    current = v.get("current")
    if current and current["id"] != end["id"]:
        text += f" (nay là {title(current)})"
    return text


def _pending(v: Mapping[str, Any], title: Title) -> str:
    """"sẽ bị bãi bỏ bởi X từ 01/01/2027" for acts not yet in effect."""
    parts = []
    for a in v.get("pending") or ():
        when = _when(a)
        parts.append(f"sẽ {_VERBS[(a['relation'], bool(a['partial']))]} {title(a)}"
                     + (f" từ {when}" if when else ""))
    return "; ".join(parts)


def _detail(v: Mapping[str, Any], title: Title) -> str:
    """What follows the state's label: dates and acting documents."""
    state = _state(v)
    since = fmt_date(v.get("since"))
    if state in ("replaced", "repealed"):
        parts = [f"từ {since}" if since else "", _ended_by(v, title)]
    elif state == "expired":
        parts = [f"hiệu lực đến {fmt_date(v.get('expires'))} theo chính văn bản"]
    elif state == "not_yet":
        parts = [f"từ {fmt_date(v.get('effective'))}" if v.get("effective") else ""]
    elif state == "amended":
        parts = [_acts_text(v.get("by", ()), title)]
    elif state == "in_force":
        parts = [f"từ {fmt_date(v['effective'])}" if v.get("effective") else ""]
    else:
        parts = []
    parts.append(_pending(v, title))
    return " — ".join(p for p in parts if p)


def status_text(validity: Mapping[str, Any] | None) -> str:
    """The status line, plain text: "Hết hiệu lực từ 01/12/2025 — bị bãi bỏ
    bởi Quyết định số 84/2025/QĐ-UBND", "Còn hiệu lực (từ …)", "Còn hiệu
    lực, được sửa đổi, bổ sung bởi …", "Chưa có hiệu lực (từ …)", "Chưa rõ
    hiệu lực"; acts signed but not yet in effect follow ("— sẽ bị bãi bỏ bởi
    … từ …")."""
    v = validity or {}
    state = _state(v)
    since = fmt_date(v.get("since"))
    pending = _pending(v, act_title)
    if state in ("replaced", "repealed"):
        text = f"Hết hiệu lực từ {since}" if since else "Hết hiệu lực"
        ended = _ended_by(v, act_title)
        text += f" — {ended}" if ended else ""
    elif state == "expired":
        text = f"Hết hiệu lực — hiệu lực đến {fmt_date(v.get('expires'))} theo chính văn bản"
    elif state == "not_yet":
        when = fmt_date(v.get("effective"))
        text = f"Chưa có hiệu lực (từ {when})" if when else "Chưa có hiệu lực"
    elif state == "amended":
        text = "Còn hiệu lực, " + _acts_text(v.get("by", ()), act_title)
    elif state == "in_force":
        text = "Còn hiệu lực"
        if v.get("effective"):
            text += f" (từ {fmt_date(v['effective'])})"
    else:
        text = "Chưa rõ hiệu lực"
    return f"{text} — {pending}" if pending else text


def in_force_marker(validity: Mapping[str, Any] | None) -> str:
    """A short mark for one-line listings ('' when in force or unknown):
    "[hết hiệu lực 01/12/2025]", "[chưa có hiệu lực]"."""
    v = validity or {}
    state = _state(v)
    if state in _DEAD:
        since = fmt_date(v.get("since"))
        return f"[hết hiệu lực{' ' + since if since else ''}]"
    if state == "not_yet":
        return "[chưa có hiệu lực]"
    return ""


def _md_link(act: Mapping[str, Any]) -> str:
    label = act_title(act).replace("[", "(").replace("]", ")")
    return f"[{label}]({doc_href(act['id'])})"


def validity_badge(node: Mapping[str, Any]) -> str:
    """Markdown for ``st.markdown``: a coloured badge with the state, then
    the dates and a link to each acting document ("bị bãi bỏ bởi
    [Quyết định số 84/2025/QĐ-UBND](van-ban?id=…)")."""
    v = node.get("validity") or {}
    state = _state(v)
    badge = f":{STATE_COLORS[state][0]}-badge[{STATE_LABELS[state]}]"
    detail = _detail(v, _md_link)
    return f"{badge} {detail}" if detail else badge


def validity_badge_html(node: Mapping[str, Any], *, detail: bool = True) -> str:
    """Inline HTML (``st.html``, lineage tree): a coloured pill with the
    state, a link to the document that ended or changed it, and the whole
    status line as its tooltip."""
    v = node.get("validity") or {}
    state = _state(v)
    _, fg, bg = STATE_COLORS[state]
    tip = html.escape(status_text(v), quote=True)
    pill = (f'<span class="lg-validity lg-{state}" title="{tip}" style="display:inline-block;'
            f'padding:0 6px;border-radius:8px;font-size:0.8em;color:{fg};background:{bg};'
            f'white-space:nowrap">{html.escape(STATE_LABELS[state])}</span>')
    if not detail:
        return pill
    act = _ending(v) if state in ("replaced", "repealed") else (
        (v.get("by") or [None])[-1] if state == "amended" else None)
    if act is None:
        return pill
    return (f'{pill} <a href="{doc_href(act["id"])}" target="_self" style="font-size:0.8em">'
            f'{html.escape(act_title(act))}</a>')
