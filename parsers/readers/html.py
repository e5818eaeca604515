"""Web pages saved from legal portals (.html/.htm), through lxml.

The page's encoding comes from its byte-order mark or ``<meta charset>``, else
the plain-text detection (:mod:`parsers.readers.txt`). If a known content
container of the portals is present (the full-text box of vbpl.vn,
thuvienphapluat.vn, chinhphu.vn pages, or ``<article>``/``<main>``) only it is
read, so menus and related-document lists do not add citations the document
never made. Scripts, styles, navigation, headers and footers are dropped; block
elements become line breaks, table cells are separated by tabs.

``source_text`` is not the raw HTML: offsets index the extracted text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from parsers.readers.base import DEFAULT_LIMITS, ReadError, ReadLimits, ReadResult, read_capped
from parsers.readers.txt import TextDecodeError, decode_text, fix_legacy_font_text

__all__ = ["html_to_text", "read_html"]

# XPath of content containers, most specific first.
CONTENT_XPATHS = (
    "//*[@id='toanvancontent']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' toanvancontent ')]",
    "//*[@id='divContentDoc']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content1 ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' detail-content ')]",
    "//article",
    "//main",
)
_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "form",
         "button", "iframe", "svg", "head", "select")
_BLOCK = frozenset(
    "address article aside blockquote dd div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 "
    "h6 hr li main ol p pre section table tbody thead tfoot tr ul caption center".split()
)
_CELL = frozenset({"td", "th"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the first 4 KB, if Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one line per block."""
    import lxml.html
    from lxml import etree

    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)  # lxml refuses str with a declaration
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for el in root.xpath("|".join(f"//{t}" for t in _DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    for xpath in CONTENT_XPATHS:
        found = root.xpath(xpath)
        if found and found[0].text_content().strip():
            root = found[0]
            break
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag in _BLOCK:
            parts.append("\n")
        elif tag in _CELL:
            parts.append("\t")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    text = "".join(parts).replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n" if text else ""


def read_html(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a saved web page's main text."""
    data = read_capped(path, limits.max_text_bytes, what="HTML file")
    charset = None if data[:4] in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff") else (
        _declared_charset(data))
    warnings: tuple[str, ...] = ()
    if charset:
        try:
            markup = data.decode(charset)
            encoding = charset
        except UnicodeDecodeError:
            charset = None
            warnings = ("the declared charset does not fit the bytes; detected instead",)
        else:  # old pages declare latin-1 and draw TCVN3 bytes with a .VnTime font
            markup, legacy, lines = fix_legacy_font_text(markup)
            if legacy:
                encoding = f"{charset}+{legacy}"
                warnings = (f"{lines} line(s) of {legacy} font text converted",)
    if not charset:
        try:
            decoded = decode_text(data)
        except TextDecodeError as exc:
            raise ReadError(path, str(exc)) from exc
        markup, encoding = decoded.text, decoded.encoding
        warnings += decoded.warnings
    text = unicodedata.normalize("NFC", html_to_text(markup))
    if not text.strip():
        raise ReadError(path, "no visible text in the HTML page")
    return ReadResult(text=text, path=str(path), kind="html", encoding=encoding,
                      warnings=warnings)
