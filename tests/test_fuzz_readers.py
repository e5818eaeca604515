"""Fuzzing the readers (hypothesis): any bytes under any name give a ReadResult
or a ReadError — never another exception — and every offset map stays exact.

Random bytes mostly stop at the cheap guards, so the damaged files here keep
their structure to reach the code behind them: a PDF with its trailer intact
and one object broken, a .docx with a sound zip and broken XML, text files
with page noise (the offset map). Each property counts the examples that
reach its checks (``reach``) and fails when too few do.

Short and derandomized for CI (a few seconds); set LEGALGRAPH_FUZZ_EXAMPLES to
run longer locally, e.g. ``LEGALGRAPH_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_readers.py``.
"""

from __future__ import annotations

import functools
import io
import os
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reach import Reach

from parsers import parse_text
from parsers.readers import ReadError, ReadResult, read_document
from parsers.readers.gazette import strip_page_noise
from parsers.readers.legacy_encodings import (
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
)
from parsers.readers.txt import TextDecodeError, decode_text, fix_legacy_font_text

EXAMPLES = int(os.environ.get("LEGALGRAPH_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW_FUZZ = settings(FUZZ, max_examples=max(10, EXAMPLES // 2))

LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
WORDS = ("căn cứ luật tổ chức chính quyền địa phương xét đề nghị của giám đốc sở nông "
         "nghiệp và môi trường ủy ban nhân dân tỉnh quyết định phê duyệt kế hoạch thực "
         "hiện nghị quyết đột phá phát triển khoa học công nghệ đổi mới sáng tạo chuyển "
         "đổi số quốc gia trong năm tới được giao nhiệm vụ").split()
REFERENCES = ["Nghị định số 15/2020/NĐ-CP", "Quyết định số 58-QĐ/TU ngày 20/11/2025",
              "Công văn số 1431/UBND-VP", "Thông tư số 01/2026/TT-BTP"]
NOISE = ["CÔNG BÁO/Số 51/Ngày 23-01-2026", "12", "- 3 -", "CÔNG BÁO/Số 51/Ngày 23-01-2026 13",
         "Trang 4"]


def check_result(result: ReadResult) -> None:
    """What every ReadResult must satisfy."""
    assert unicodedata.is_normalized("NFC", result.text)
    assert result.text.strip()
    if result.offsets is not None:
        assert result.source_text is not None
        for i, ch in enumerate(result.text):
            assert result.source_text[result.offsets.to_source(i)] == ch


def read_bytes_as(data: bytes, name: str) -> ReadResult | ReadError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = read_document(path)
        except ReadError as exc:
            assert str(exc).startswith(str(path) + ": ") and exc.problem
            return exc
    check_result(result)
    return result


@FUZZ
@given(data=st.binary(max_size=4096),
       name=st.sampled_from(["a.txt", "a.md", "a.html", "a.pdf", "a.docx", "a.png", "a"]))
def test_any_bytes_under_any_name_read_or_raise_read_error(data: bytes, name: str) -> None:
    read_bytes_as(data, name)


@FUZZ
@given(st.binary(max_size=4096))
def test_decode_text_returns_nfc_or_a_decode_error(data: bytes) -> None:
    try:
        decoded = decode_text(data)
    except TextDecodeError as exc:
        assert str(exc)
        return
    assert unicodedata.is_normalized("NFC", decoded.text)


@FUZZ
@given(st.text(alphabet=LOWER + "0123456789 .,;:/-()\n", max_size=300))
def test_legacy_tables_round_trip(text: str) -> None:
    assert decode_vni(encode_vni(text)) == text
    assert decode_vni(encode_vni(text.upper())) == text.upper()
    assert decode_tcvn3(encode_tcvn3(text)) == text


@FUZZ
@given(words=st.lists(st.sampled_from(WORDS), min_size=12, max_size=60),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1258", "tcvn3", "vni"]))
def test_detection_reads_vietnamese_back_in_every_encoding(words: list[str],
                                                           encoding: str) -> None:
    text = " ".join(words) + "\n"
    encode = {"cp1258": encode_cp1258, "tcvn3": encode_tcvn3, "vni": encode_vni}.get(
        encoding, lambda t: t.encode(encoding))
    assert decode_text(encode(text)).text == text


@st.composite
def gazette_pages(draw: st.DrawFn) -> list[str]:
    """Pages of sentences with references, noise lines at random places."""
    pages = []
    for _ in range(draw(st.integers(1, 4))):
        lines = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
                 + " " + draw(st.sampled_from(REFERENCES)) + ";"
                 for _ in range(draw(st.integers(1, 6)))]
        for _ in range(draw(st.integers(0, 3))):
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(NOISE)))
        pages.append("\n".join(lines) + "\n")
    return pages


@FUZZ
@given(gazette_pages())
def test_page_noise_removal_keeps_exact_offsets(pages: list[str]) -> None:
    cleaned = strip_page_noise(pages)
    assert "CÔNG BÁO" not in cleaned.text
    previous = -1
    for i, ch in enumerate(cleaned.text):
        j = cleaned.offsets.to_source(i)
        assert cleaned.source[j] == ch and j > previous
        previous = j
    removed = sum(r.end - r.start for r in cleaned.removed)
    assert len(cleaned.text) + removed == len(cleaned.source)
    for c in parse_text(cleaned.text).citations:
        start, end = cleaned.offsets.span_to_source(c.start, c.end)
        assert 0 <= start < end <= len(cleaned.source)
        assert cleaned.source[start] == c.text[0] and cleaned.source[end - 1] == c.text[-1]


@functools.cache  # built once: hypothesis needs the same bytes on every replay
def _sample_pdf(expanded: bool) -> bytes:
    """Three text pages; content streams plain (``expanded``) or deflated."""
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open()
    for i, ref in enumerate(PDF_REFERENCES):
        page = doc.new_page()
        page.insert_text((72, 72), f"Trang {i + 1}: Can cu {ref} ngay 03/02/2020")
        page.insert_text((72, 100), "Cac xa tiep tuc to chuc tot nhiem vu duoc giao.")
    return doc.tobytes(expand=255 if expanded else 0, no_new_id=True)


PDF_REFERENCES = ("Nghi dinh so 15/2020/ND-CP", "Cong van so 1431/UBND-VP",
                  "Quyet dinh so 58-QD/TU")
_OBJECT = re.compile(rb"\n(\d+) 0 obj\n(.*?)\nendobj", re.S)


@st.composite
def damaged_pdfs(draw: st.DrawFn) -> tuple[bytes, str]:
    """A PDF whose header, xref table, trailer and %%EOF are intact and one
    object is broken: bytes overwritten in place (offsets still right), cut
    out or pushed in (every later offset wrong: MuPDF must repair)."""
    sample = _sample_pdf(draw(st.booleans()))
    objects = list(_OBJECT.finditer(sample))
    m = draw(st.sampled_from(objects))
    lo, hi = m.start(2), m.end(2)
    body = bytearray(sample[lo:hi])
    how = draw(st.sampled_from(["overwrite", "cut", "insert"]))
    at = draw(st.integers(0, max(0, len(body) - 1)))
    if how == "overwrite":
        for _ in range(draw(st.integers(1, 16))):
            body[draw(st.integers(0, len(body) - 1))] = draw(st.integers(0, 255))
    elif how == "cut":
        del body[at:at + draw(st.integers(1, 40))]
    else:
        body[at:at] = draw(st.binary(min_size=1, max_size=40))
    return sample[:lo] + bytes(body) + sample[hi:], how


def test_pdf_with_a_broken_object_reads_or_raises_read_error() -> None:
    """Past the cheap guards every time (the trailer is intact): MuPDF opens,
    repairs or refuses the file, and whatever text comes back is NFC with an
    exact offset map; undamaged pages keep their references."""
    reach = Reach("damaged PDF")

    @SLOW_FUZZ
    @given(damaged_pdfs())
    def prop(damaged: tuple[bytes, str]) -> None:
        data, how = damaged
        reach.example()
        reach.hit(how)
        outcome = read_bytes_as(data, "f.pdf")
        if isinstance(outcome, ReadError):
            assert "truncated" not in outcome.problem
            reach.hit("read error")
            return
        reach.hit("text read")
        if any("repaired" in w for w in outcome.warnings):
            reach.hit("repaired")
        if any(r.split(" so ")[1] in outcome.text for r in PDF_REFERENCES):
            reach.hit("a reference kept")

    prop()
    reach.check(**{"text read": 0.5, "repaired": 0.05, "a reference kept": 0.5,
                   "cut": 0.03, "insert": 0.03})


@functools.cache
def _sample_docx() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020;")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Số: 71/TB-VP"
    table.cell(0, 1).text = "Lạng Sơn, ngày 30 tháng 01 năm 2026"
    document.add_paragraph("Thực hiện Quyết định số 58-QĐ/TU của Ban Thường vụ Tỉnh ủy.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@st.composite
def docx_with_broken_xml(draw: st.DrawFn) -> tuple[bytes, str]:
    """A .docx whose zip is valid (right CRCs) and whose document.xml is
    damaged: cut short, a stray character, a closing tag lost, or only the
    text of a run changed (still well-formed)."""
    with zipfile.ZipFile(io.BytesIO(_sample_docx())) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    how = draw(st.sampled_from(["cut", "stray", "unclosed", "text"]))
    if how == "cut":
        xml = xml[:draw(st.integers(0, len(xml) - 1))]
    elif how == "stray":
        at = draw(st.integers(0, len(xml)))
        xml = xml[:at] + draw(st.sampled_from(["<", "&", "\x01", "\x00", "]]>", "</w:p>"])) \
            + xml[at:]
    elif how == "unclosed":
        closings = [m.start() for m in re.finditer(r"</w:(?:p|r|t|tbl|tc|body)>", xml)]
        at = draw(st.sampled_from(closings))
        xml = xml[:at] + xml[xml.index(">", at) + 1:]
    else:
        texts = [m.span(1) for m in re.finditer(r"<w:t(?: [^>]*)?>([^<]+)</w:t>", xml)]
        lo, hi = draw(st.sampled_from(texts))
        xml = xml[:lo] + draw(st.text(alphabet="abcđếệ 0123456789/-", min_size=1,
                                      max_size=20)) + xml[hi:]
    parts["word/document.xml"] = xml.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue(), how


def test_docx_with_broken_xml_reads_or_raises_read_error() -> None:
    """The zip is sound, so every example gets past the zip checks to the XML:
    broken XML is a ReadError naming the damage, well-formed text is read."""
    reach = Reach("damaged docx")

    @SLOW_FUZZ
    @given(docx_with_broken_xml())
    def prop(damaged: tuple[bytes, str]) -> None:
        data, how = damaged
        reach.example()
        reach.hit(how)
        outcome = read_bytes_as(data, "f.docx")
        if isinstance(outcome, ReadError):
            assert "zip" not in outcome.problem, outcome.problem  # past the zip checks
            assert how != "text", outcome.problem  # well-formed XML must read
            reach.hit("read error")
            if outcome.problem.startswith("damaged .docx ("):
                reach.hit("XML error named")
            return
        reach.hit("text read")
        if "58-QĐ/TU" in outcome.text or "15/2020/NĐ-CP" in outcome.text:
            reach.hit("a reference kept")

    prop()
    reach.check(**{"read error": 0.2, "XML error named": 0.2, "text read": 0.15,
                   "a reference kept": 0.15, "text": 0.05})


@st.composite
def noisy_text_files(draw: st.DrawFn) -> tuple[bytes, str, str]:
    """A text file of gazette pages with page-noise lines, in one of the
    encodings offices use: (bytes, encoding, the text without the noise)."""
    # unique first and last body lines: a line repeated at the edges of the
    # pages is a running header by design, and would be removed
    pages = [f"Điều {k}. Phạm vi áp dụng.\n{page}Khoản {k} được giao thực hiện.\n"
             for k, page in enumerate(draw(gazette_pages()), start=1)]
    if draw(st.booleans()):
        pages = ["".join(pages)]  # no page breaks: noise anywhere
    text = "\f".join(pages)
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1258", "tcvn3", "vni"]))
    encode = {"cp1258": encode_cp1258, "tcvn3": encode_tcvn3, "vni": encode_vni}.get(
        encoding, lambda t: t.encode(encoding))
    return encode(text), encoding, text


def test_text_file_with_page_noise_keeps_an_exact_offset_map() -> None:
    """Text files reach the offset map: page noise is removed and every
    character of the result maps back to the decoded file."""
    reach = Reach("noisy text file")

    @FUZZ
    @given(noisy_text_files())
    def prop(file: tuple[bytes, str, str]) -> None:
        data, encoding, text = file
        reach.example()
        outcome = read_bytes_as(data, "gazette.txt")
        assert isinstance(outcome, ReadResult), outcome
        assert "CÔNG BÁO" not in outcome.text
        if outcome.offsets is not None:
            reach.hit("offset map")  # check_result verified it character by character
            assert outcome.source_text is not None
            for c in parse_text(outcome.text).citations:
                start, end = outcome.span_to_source(c.start, c.end)
                assert outcome.source_text[start] == c.text[0]
                assert outcome.source_text[end - 1] == c.text[-1]
                reach.hit("citation mapped back")

    prop()
    reach.check(**{"offset map": 0.8, "citation mapped back": 0.7})


def _strip_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c)).replace("đ", "d")


def _ocr_word(word: str, how: str) -> str:
    """A word as English-model OCR gives it: kept, marks lost, or marks wrong."""
    if how == "keep":
        return word
    bare = _strip_marks(word)
    if how == "strip":
        return bare
    return "".join("é" if c != b and c.isalpha() else b for c, b in zip(word, bare,
                                                                       strict=False))


@FUZZ
@given(st.lists(st.lists(st.tuples(st.sampled_from(WORDS),
                                   st.sampled_from(["keep", "strip", "wrong"])),
                         min_size=1, max_size=14), min_size=1, max_size=12))
def test_unicode_text_with_ocr_lost_diacritics_is_never_taken_for_legacy(
    lines: list[list[tuple[str, str]]],
) -> None:
    # OCR without the Vietnamese model drops or garbles marks ("Doi véi cac
    # xa"): such text is poor Vietnamese, but not TCVN3/VNI, and stays as it is.
    text = "\n".join(" ".join(_ocr_word(w, how) for w, how in line) for line in lines) + "\n"
    fixed, legacy, _ = fix_legacy_font_text(text)
    assert legacy is None and fixed == text
