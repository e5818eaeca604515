"""Table tests for the forms real documents use (issue: parser on real documents).

Every snippet here is written for the test in a form seen in real files
(flattened header tables, "Số:" on its own line, law headers, a legal
portal's run-together header and editorial notes, tax-office letters,
footnotes, keys with dots, letters and bracketed units, Căn cứ lists,
repeal headings, passive amendments); none is copied from a corpus file.
Each row is checked on the text as written and on its OCR twin (diacritics
lost, Đ read as D, "số" read as "s6"), where the same keys, types and dates
must come out.
"""

from __future__ import annotations

import pytest

from parsers import parse_text
from parsers.normalize import strip_marks


def ocr_twin(text: str) -> str:
    """Diacritics lost, Đ as D, "số" as "s6": one character for one."""
    return strip_marks(text.replace("số", "s6").replace("Số", "S6"))


# --- the document's own identity -----------------------------------------------------------

PIPE_TABLE = """\
|UBND TỈNH BÌNH THUẬN                  |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM            |
|VĂN PHÒNG                             |Độc lập – Tự do – Hạnh phúc                   |
|Số: 1520/VP-NC                        |Bình Thuận, ngày 05 tháng 12 năm 2024         |
|V/v lấy ý kiến về dự thảo Quyết định  |                                              |
|quy định thủ tục cấp phép             |                                              |

            Kính gửi: Sở Giao thông vận tải

Theo đề nghị của Sở Giao thông vận tải tại Công văn số 4055/SGTVT-HTGT ngày 19/12/2024.
"""

INTERLEAVED_AMENDING = """\
ỦY BAN NHÂN
CỘNG HÒA XÃ
DÂN
HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ TĨNH
Độc lập - Tự do - Hạnh phúc
Số:
12/2025/QĐ-UBND
Hà Tĩnh, ngày 03 tháng
4 năm 2025
QUYẾT ĐỊNH
Sửa đổi, bổ sung một số điều của Quyết định số 10/2016/QĐ-UBND
ngày 15/3/2016 của UBND tỉnh
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
"""

LAW_AFTER_GAZETTE_HEADER = """\
CÔNG BÁO/Số 51/Ngày 23-01-2025 3
QUỐC HỘI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Luật số: 51/2024/QH15
Hà Nội, ngày 29 tháng 11 năm 2024
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤU THẦU
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
"""

TAX_LETTER = """\
BỘ TÀI CHÍNH
CỤC THUẾ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 5348/CT-CS
V/v
chính sách thuế GTGT
Hà Nội, ngày 20 tháng 11 năm 2025

Kính gửi: Công ty TNHH ABC.
"""

PORTAL = """\
Thông tư 31/2022/TT-BTC
BỘ TÀI CHÍNH ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------
Số:
31/2022/TT-BTC Hà Nội, ngày 08 tháng 6 năm 2022 THÔNG TƯ BAN HÀNH DANH MỤC HÀNG HÓA
Căn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;
Điều 5. Thông tư 31/2022/TT-BTC có hiệu lực từ ngày 01/12/2022 [Điều này được hướng dẫn bởi \
Thông tư 12/2023/TT-BTC có hiệu lực từ ngày 01/3/2023].
"""

STARTS_AT_TITLE = """\
Quyết định về việc ban hành bảng giá đất năm 2010 trên địa bàn tỉnh Tây Ninh
Ủy ban nhân dân tỉnh Tây Ninh
Căn cứ Nghị định số 188/2004/NĐ-CP ngày 16/11/2004 của Chính phủ;
"""

PHIEU_TRINH = """\
|UBND TỈNH LÂM ĐỒNG       |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM       |
|VĂN PHÒNG                |Độc lập - Tự do - Hạnh phúc              |
|                         |                                         |
|Số: 136-12/PT-NC         |                                         |

PHIẾU TRÌNH

|1. Văn bản: Tờ trình số 666/TTr-SNV ngày 22/12/2025 của Sở Nội vụ.        |
"""

DRAFT_INVITATION = """\
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:         /GM-UBND
         Lâm Đồng, ngày       tháng 01 năm 2026

GIẤY MỜI
Họp Ban Chỉ đạo về dữ liệu
"""

PARTY_GUIDANCE = """\
ĐẢNG BỘ TỈNH LÂM ĐỒNG          ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ LŨNG CÚ
*
Số 05-HD/ĐU                     Lũng Cú, ngày 12 tháng 3 năm 2025

HƯỚNG DẪN
thực hiện Quy định số 296-QĐ/TW của Ban Chấp hành Trung ương
"""

DRAFT_CIRCULAR_YEAR_BLANK = (
    "BỘ NỘI VỤ --------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "---------------\n"
    "Số:\n"
    "/2016/TT-BNV\n"
    "Hà Nội, ngày     tháng     năm 2016 DỰ THẢO THÔNG TƯ HƯỚNG DẪN THI HÀNH NGHỊ "
    "ĐỊNH SỐ 24/2014/NĐ-CP NGÀY 04 THÁNG 4 NĂM 2014 CỦA CHÍNH PHỦ\n"
    "Căn cứ Nghị định số 24/2014/NĐ-CP ngày 04 tháng 4 năm 2014 của Chính phủ;\n"
)  # the portal runs the title on after the date

TITLE_NAMES_A_DECREE = (
    "BỘ XÂY DỰNG --------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "---------------\n"
    "Hà Nội, ngày     tháng     năm 2017 THÔNG TƯ HƯỚNG DẪN MỘT SỐ ĐIỀU CỦA NGHỊ "
    "ĐỊNH SỐ 59/2015/NĐ-CP NGÀY 18 THÁNG 6 NĂM 2015 CỦA CHÍNH PHỦ\n"
    "Căn cứ Nghị định số 59/2015/NĐ-CP ngày 18 tháng 6 năm 2015 của Chính phủ;\n"
)  # the portal runs the title on after the date

OCR_TITLE_LOST = """\
Số: 31/2019/NĐ-CP Hà Nội, ngày 10 tháng 4 năm 2019
THÔNG TỊN ĐIỆN TỦ PHÙ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
"""

TAX_LETTER_NO_VV = """\
BỘ TÀI CHÍNH
CỤC THUẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 6120/CT-TTHT
Hà Nội, ngày 02 tháng 12 năm 2025

Kính gửi: Công ty cổ phần XYZ.
"""

ASSOCIATION_LETTER = """\
HỘI LUẬT GIA
VIỆT NAM
BAN THƯỜNG VỤ

Số:   212 /HD-BTV

Hướng dẫn tổ chức đại hội

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày  14 tháng 5 năm 2025

Kính gửi: Hội Luật gia các tỉnh, thành phố
"""

IDENTITY_CASES = [
    # (text, type, key, date, issuer, note)
    ("' Luật số: 56/2020/QH14\n_ LUẬT . SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT GIÁM ĐỊNH TƯ PHÁP\n"
     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n", "Luật", "56/2020/QH14", None,
     None, "a scan that lost the header column: the law's field on its first line, its title next"),
    ("CHÍNH PHỦ                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "                              Độc lập - Tự do - Hạnh phúc\n"
     "Số: 87/2025/NĐ-CP             Hà Nội ngày 11 tháng 4 năm 2025\nNGHỊ ĐỊNH\n"
     "Quy định chi tiết một số điều\nCăn cứ Luật Tổ chức Chính phủ;\n",
     "Nghị định", "87/2025/NĐ-CP", "2025-04-11", "CHÍNH PHỦ",
     "a city named right before 'ngày', with no comma"),
    ("ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "TỈNH LÂM ĐỒNG                  Độc lập - Tự do - Hạnh phúc\n"
     "Số: 12/QĐ-UBND                 Lâm Đồng ngày 12 tháng 01 năm 2026\nQUYẾT ĐỊNH\n"
     "Về việc ban hành quy chế\n", "Quyết định", "12/QĐ-UBND", "2026-01-12",
     "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
     "a province whose name ended a line of the vocabulary's list, before 'ngày' with no comma"),
    (PIPE_TABLE, "Công văn", "1520/VP-NC", "2024-12-05", "UBND TỈNH BÌNH THUẬN - VĂN PHÒNG",
     "'|' table cells; a letter (V/v, no title) is a Công văn"),
    (INTERLEAVED_AMENDING, "Quyết định", "12/2025/QĐ-UBND", "2025-04-03",
     "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
     "columns interleaved line by line; 'Số:' alone; place and date broken; the amended "
     "decision in the title is not the number"),
    (LAW_AFTER_GAZETTE_HEADER, "Luật", "51/2024/QH15", "2024-11-29", "QUỐC HỘI",
     "'Luật số:' field, a gazette page header first"),
    (TAX_LETTER, "Công văn", "5348/CT-CS", "2025-11-20", "BỘ TÀI CHÍNH - CỤC THUẾ",
     "a tax office's CT is Cục Thuế: a letter, not a Chỉ thị; 'V/v' alone on its line"),
    (PORTAL, "Thông tư", "31/2022/TT-BTC", "2022-06-08", "BỘ TÀI CHÍNH",
     "a legal portal's run-together header"),
    (STARTS_AT_TITLE, "Quyết định", None, None, "Ủy ban nhân dân tỉnh Tây Ninh",
     "a text that starts at its title: the authority line under it is the issuer"),
    (PHIEU_TRINH, "Phiếu trình", "136-12/PT-NC", None, "UBND TỈNH LÂM ĐỒNG - VĂN PHÒNG",
     "Phiếu trình; a number with a sub-number"),
    (DRAFT_INVITATION, "Giấy mời", None, None, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
     "a draft's blank number and day"),
    (PARTY_GUIDANCE, "Hướng dẫn", "05-HD/ĐU", "2025-03-12",
     "ĐẢNG BỘ TỈNH LÂM ĐỒNG - ĐẢNG ỦY XÃ LŨNG CÚ", "Party guidance (36-HD/VPTW layout)"),
    (DRAFT_CIRCULAR_YEAR_BLANK, "Thông tư", None, None, "BỘ NỘI VỤ",
     "a draft's 'Số:' alone, its blank with a year on the next line; the decree in the "
     "title is not the number"),
    (TITLE_NAMES_A_DECREE, "Thông tư", None, None, "BỘ XÂY DỰNG",
     "no 'Số:' field: 'NGHỊ ĐỊNH SỐ 59/2015' after the title names what the title is about"),
    (OCR_TITLE_LOST, "Nghị định", "31/2019/NĐ-CP", "2019-04-10", None,
     "OCR garbled the title: no title and no V/v, so the symbol's NĐ names the type"),
    (TAX_LETTER_NO_VV, "Công văn", "6120/CT-TTHT", "2025-12-02", "BỘ TÀI CHÍNH - CỤC THUẾ",
     "no title, no V/v: a tax office's CT names no type, so a Công văn"),
    (ASSOCIATION_LETTER, "Công văn", "212/HD-BTV", "2025-05-14",
     "HỘI LUẬT GIA VIỆT NAM - BAN THƯỜNG VỤ",
     "no title but 'Kính gửi': a letter, whatever its symbol says (HD)"),
]


def _ident(text):
    d = parse_text(text).document
    return d.type, d.key, d.date, d.issuer


@pytest.mark.parametrize("text,type_,key,date,issuer,note", IDENTITY_CASES,
                         ids=[c[-1][:40] for c in IDENTITY_CASES])
def test_identity_from_real_layouts(text, type_, key, date, issuer, note):
    assert _ident(text) == (type_, key, date, issuer)


@pytest.mark.parametrize("text,type_,key,date,issuer,note", IDENTITY_CASES,
                         ids=[c[-1][:40] for c in IDENTITY_CASES])
def test_identity_of_ocr_twin_keeps_key_type_date(text, type_, key, date, issuer, note):
    got = _ident(ocr_twin(text))
    assert got[:3] == (type_, key, date)


def test_amended_number_in_the_title_is_a_reference_not_the_own_number():
    doc = parse_text(INTERLEAVED_AMENDING)
    assert [(c.key, c.relation) for c in doc.citations] == [
        ("10/2016/QĐ-UBND", "amends"), ("72/2025/QH15", "based_on")]


#: A portal's note gathering every guiding decree of a clause runs to
#: thousands of characters; one such note is several of these items.
_LONG_NOTE_ITEM = ("Quản lý tài sản kết cấu hạ tầng được hướng dẫn bởi Nghị định {n}/2018/NĐ-CP "
                   "có hiệu lực từ ngày 12/03/2018 (VB hết hiệu lực: 04/04/2025) ")


def test_a_long_editorial_note_is_not_a_source_of_references():
    note = "".join(_LONG_NOTE_ITEM.format(n=40 + i) for i in range(40))
    assert len(note) > 5000
    text = (f"3. Quy định chi tiết về khai thác tài sản công; [{note}] sử dụng tài sản công "
            "theo Nghị định số 151/2017/NĐ-CP của Chính phủ.")
    for t in (text, ocr_twin(text)):
        assert keys(t) == [("151/2017/NĐ-CP", "Nghị định")]


def test_own_number_in_the_body_and_editorial_notes_are_not_references():
    doc = parse_text(PORTAL)
    assert doc.citations == ()  # "Thông tư 31/2022/TT-BTC có hiệu lực …" and the [note]


# --- references ----------------------------------------------------------------------------

def keys(text):
    return [(c.key, c.type) for c in parse_text(text).citations]


REFERENCE_CASES = [
    ("Nội dung đã báo cáo⁷.\n⁷ tại Công văn số 172/UBND-KTTH ngày 12/3/2025 của UBND tỉnh",
     [("172/UBND-KTTH", "Công văn")], "a footnote line"),
    ("[12] Quyết định số 12/QĐ-UBND ngày 3/1/2025 của UBND tỉnh",
     [("12/QĐ-UBND", "Quyết định")], "a bracketed footnote marker"),
    ("theo Nghị quyết số 66.7/2025/NQ-CP và Quyết định số 12a/QĐ-UBND",
     [("66.7/2025/NQ-CP", "Nghị quyết"), ("12a/QĐ-UBND", "Quyết định")],
     "a dot or a letter in the number"),
    ("tại Tờ trình số 511/TTr-CAT(PC04) ngày 3/3/2025",
     [("511/TTr-CAT(PC04)", "Tờ trình")], "a bracketed unit kept as printed"),
    ("Căn cứ Nghị định số 118/2025/NĐCP và Thông tư số 12/2024/TTBTC;",
     [("118/2025/NĐ-CP", "Nghị định"), ("12/2024/TT-BTC", "Thông tư")],
     "a missing hyphen between type and issuer restored"),
    ("Căn cứ Nghị định số 142/2005/NĐ.CP và Quyết định số 77/2006/QĐ.UBND",
     [("142/2005/NĐ-CP", "Nghị định"), ("77/2006/QĐ-UBND", "Quyết định")],
     "a dot typed for the hyphen between type and issuer"),
    ("theo Nghị định số 126/2024/NĐ-CP1 của Chính phủ",
     [("126/2024/NĐ-CP", "Nghị định")], "a footnote digit typed onto the symbol"),
    ("văn bản số 5348/CT-CS của Cục Thuế", [("5348/CT-CS", "Công văn")],
     "CT of a tax office names the issuer, not Chỉ thị"),
    ("Chỉ thị số 09/CT-UBND của UBND tỉnh", [("09/CT-UBND", "Chỉ thị")], "a real Chỉ thị"),
    ("Quyết định 61-CP ngày 5/7/1994", [("61-CP", "Quyết định")], "a 1990s key without '/'"),
    ("theo Chương trình phối hợp số 03/CTrPH-BCA-BGDĐT ngày 22/01/2024 giữa Bộ Công an",
     [("03/CTrPH-BCA-BGDĐT", "Chương trình")], "a joint programme's mixed-case abbreviation"),
    # not references
    ("theo QCVN 32:2018/BLĐTBXH và TCVN 5574:2018", [], "technical standards"),
    ("không phù hợp với Quy chuẩn kỹ thuật QCVN 1 : 2007/BKHCN .", [],
     "a standard typed with a spaced colon"),
    ("theo Mẫu số 01/PLI và Phụ lục số 02/PL-BTC", [], "forms and appendices"),
    ("minh họa chi tiết tại Sơ đồ 02/BVĐ của Phụ lục VI ban hành kèm theo Thông tư này.", [],
     "a diagram numbered without 'số'"),
    ("các Mẫu số 01/ĐK, 02/ĐK, 03/ĐK và 14/ĐK Nghị định số 101/2024/NĐ-CP",
     [("101/2024/NĐ-CP", "Nghị định")], "each item of a list of forms is a form"),
    ("in khổ A3/A0 tại https://vbpl.vn/12/QĐ-UBND", [], "paper sizes and URLs"),
    ("Tờ trình số …/TTr-SNV ngày … tháng … năm 2026", [], "a draft's blank placeholder"),
    ("Theo Luật số: 56/2020/QH14 về giám định.\nLUẬT SỬA ĐỔI\n",
     [("56/2020/QH14", "Luật")], "a law's field in running text is a reference"),
    ("số 1/HỒ SƠ", [], "a list heading in capitals"),
    ("Luật này [Khoản này được hướng dẫn bởi Điều 4 Nghị định 53/2011/NĐ-CP có hiệu lực "
     "thi hành từ ngày 01/01/2012] quy định", [], "a portal's editorial note"),
    ("Quản lý nhà đất (diện 2/IV) ở các tỉnh", [], "a roman-numeral category"),
]


@pytest.mark.parametrize("text,expected,note", REFERENCE_CASES,
                         ids=[c[-1][:40] for c in REFERENCE_CASES])
def test_references(text, expected, note):
    assert keys(text) == expected


@pytest.mark.parametrize("text,expected,note", REFERENCE_CASES,
                         ids=[c[-1][:40] for c in REFERENCE_CASES])
def test_references_of_ocr_twin(text, expected, note):
    assert keys(ocr_twin(text)) == expected


# --- relations -------------------------------------------------------------------------------

def relations(text):
    doc = parse_text(text)
    return ([(c.key, c.relation) for c in doc.citations],
            sorted((r.from_key, r.to_key, r.relation) for r in doc.relations))


RELATION_CASES = [
    ("Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15; "
     "Nghị định số 102/2024/NĐ-CP ngày 30/7/2024 của Chính phủ;\nTheo đề nghị của Sở Tài chính.",
     [("31/2024/QH15", "based_on"), ("43/2024/QH15", "based_on"),
      ("102/2024/NĐ-CP", "based_on")],
     [("43/2024/QH15", "31/2024/QH15", "amends")],
     "Căn cứ reaches every item across ';', the amending law inside it too; passive lineage"),
    ("Đề xuất:\n* Căn cứ pháp lý:\n- Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ;\n"
     "- Công văn số 1911/BNV-TCPCP ngày 29/4/2025 của Bộ Nội vụ.\n"
     "Theo phân công tại Quyết định số 179/QĐ-UBND của UBND tỉnh.",
     [("126/2024/NĐ-CP", "based_on"), ("1911/BNV-TCPCP", "based_on"),
      ("179/QĐ-UBND", "cites")], [],
     "items under a 'Căn cứ pháp lý' heading, and not the paragraph after them"),
    ("Kính gửi: Ủy ban nhân dân tỉnh.\nA. SỰ CẦN THIẾT VÀ CƠ SỞ PHÁP LÝ\n- Tại Nghị quyết số "
     "202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp;\n- Nghị định số 126/2024/NĐ-CP ngày "
     "08/10/2024 của Chính phủ.\nB. NỘI DUNG\nTheo Quyết định số 12/QĐ-UBND.",
     [("202/2025/QH15", "based_on"), ("126/2024/NĐ-CP", "based_on"), ("12/QĐ-UBND", "cites")], [],
     "'Cơ sở pháp lý', the heading in other words, with a letter's mark"),
    ("Kính gửi: Ủy ban nhân dân tỉnh.\n1. Sự cần thiết và cơ sở pháp lý giải thể Hiệp hội rau quả "
     "Đà Lạt\nNghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương.\nNghị định số "
     "126/2024/NĐ-CP ngày 08/10/2024.\n2. Nội dung\nTheo Quyết định số 12/QĐ-UBND.",
     [("60-NQ/TW", "based_on"), ("126/2024/NĐ-CP", "based_on"), ("12/QĐ-UBND", "cites")], [],
     "a numbered 'cơ sở pháp lý' section, its matter on the heading's line"),
    ("Đây là cơ sở pháp lý để Ủy ban nhân dân tỉnh ban hành Quyết định số 12/QĐ-UBND.\n- Nghị "
     "định số 126/2024/NĐ-CP.", [("12/QĐ-UBND", "cites"), ("126/2024/NĐ-CP", "cites")], [],
     "'cơ sở pháp lý' inside a sentence is no heading"),
    ("Điều 3. Bãi bỏ các Quyết định sau:\na) Quyết định số 12/2015/QĐ-UBND của UBND tỉnh;\n"
     "b) Quyết định số 20/2016/QĐ-UBND của UBND tỉnh.",
     [("12/2015/QĐ-UBND", "repeals"), ("20/2016/QĐ-UBND", "repeals")], [],
     "every item under a repeal heading"),
    ("Quyết định này có hiệu lực từ ngày 01/01/2026 và thay thế Quyết định số 84/2020/QĐ-UBND "
     "ngày 10/12/2020 và Quyết định số 85/2020/QĐ-UBND ngày 11/12/2020 của UBND tỉnh.",
     [("84/2020/QĐ-UBND", "replaces"), ("85/2020/QĐ-UBND", "replaces")], [],
     "'… thay thế' with a list"),
    ("Nghị định số 63/2010/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 48/2013/NĐ-CP.",
     [("63/2010/NĐ-CP", "cites"), ("48/2013/NĐ-CP", "cites")],
     [("48/2013/NĐ-CP", "63/2010/NĐ-CP", "amends")], "the passive turns the edge round"),
    ("Quỹ báo cáo tại Điều 18, Nghị định số 93/2019/NĐ-CP (sửa đổi, bổ sung tại Nghị định "
     "136/2024/NĐ-CP ngày 23/10/2024) về việc thành lập pháp nhân.",
     [("93/2019/NĐ-CP", "cites"), ("136/2024/NĐ-CP", "cites")],
     [("136/2024/NĐ-CP", "93/2019/NĐ-CP", "amends")],
     "a participle in brackets, its agent last: the passive without 'được'"),
    ("Quỹ hoạt động theo Nghị định số 93/2019/NĐ-CP của Chính phủ, sửa đổi, bổ sung bởi Nghị "
     "định 136/2024/NĐ-CP và Điều lệ này.",
     [("93/2019/NĐ-CP", "cites"), ("136/2024/NĐ-CP", "cites")],
     [("136/2024/NĐ-CP", "93/2019/NĐ-CP", "amends")],
     "', sửa đổi, bổ sung bởi …' after a document"),
    ("1. Bãi bỏ khoản 2 Điều 18 Quy chế hoạt động của Khu kinh tế cửa khẩu Cầu Treo, tỉnh Hà "
     "Tĩnh ban hành kèm theo Quyết định số 162/2007/QĐ-TTg của Thủ tướng Chính phủ.\n"
     "Điều 2. Sửa đổi, bổ sung một số điều của Quy chế quản lý (sau đây gọi là Quy chế), ban "
     "hành kèm theo Quyết định số 4466/QĐ-BCT như sau:",
     [("162/2007/QĐ-TTg", "repeals"), ("4466/QĐ-BCT", "amends")], [],
     "the commas of an instrument's name before 'ban hành kèm theo' do not cut the trigger"),
    ("1. Điều 17 Quy chế khu kinh tế Lao Bảo ban hành kèm theo Quyết định số 11/2005/QĐ-TTg "
     "ngày 12 tháng 01 năm 2005 của Thủ tướng Chính phủ được sửa đổi như sau:\n“Điều 17. …”\n"
     "2. Luật số 45/2019/QH14 đã được sửa đổi bởi Luật số 20/2023/QH15.",
     [("11/2005/QĐ-TTg", "amends"), ("45/2019/QH14", "cites"), ("20/2023/QH15", "cites")],
     [("20/2023/QH15", "45/2019/QH14", "amends")],
     "'… được sửa đổi như sau:' after a reference: this document amends it (not with an agent)"),
    ("LUẬT HẢI QUAN Luật Hải quan số 54/2014/QH13 ngày 23 tháng 6 năm 2014 của Quốc hội, có "
     "hiệu lực kể từ ngày 01 tháng 01 năm 2015, được sửa đổi, bổ sung bởi:\n"
     "1. Luật số 71/2014/QH13 ngày 26 tháng 11 năm 2014 của Quốc hội sửa đổi, bổ sung một số "
     "điều của các luật về thuế;\n"
     "2. Luật số 35/2018/QH14 ngày 20 tháng 11 năm 2018 của Quốc hội sửa đổi, bổ sung một số "
     "điều của 37 luật có liên quan đến quy hoạch.\n"
     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
     "Điều 1. Theo Luật số 12/2012/QH13.",
     [("54/2014/QH13", "cites"), ("71/2014/QH13", "cites"), ("35/2018/QH14", "cites"),
      ("12/2012/QH13", "cites")],
     [("35/2018/QH14", "54/2014/QH13", "amends"), ("71/2014/QH13", "54/2014/QH13", "amends")],
     "a consolidated text's list of amenders: each item amends the law before the heading"),
    ("2. Pháp lệnh xử lý vi phạm hành chính số 44/2002/PL-UBTVQH10, Pháp lệnh số "
     "31/2007/PL-UBTVQH11 sửa đổi một số điều của Pháp lệnh Xử lý vi phạm hành chính năm 2002 và "
     "Pháp lệnh số 04/2008/UBTVQH12 sửa đổi, bổ sung một số điều của Pháp lệnh xử lý vi phạm "
     "hành chính hết hiệu lực kể từ ngày Luật này có hiệu lực.",
     [("44/2002/PL-UBTVQH10", "repeals"), ("31/2007/PL-UBTVQH11", "repeals"),
      ("04/2008/UBTVQH12", "repeals")], [],
     "a later document is no object of an earlier one's verb: listed side by side, all cease"),
    ("Thực hiện các Nghị quyết của Chính phủ: số 01/NQ-CP ngày 05 tháng 01 năm 2024 về nhiệm vụ, "
     "giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024 và số 02/NQ-CP "
     "ngày 05 tháng 01 năm 2024 về những nhiệm vụ.",
     [("01/NQ-CP", "implements"), ("02/NQ-CP", "implements")], [],
     "two of one series issued the same day are listed side by side, neither acts on the other"),
    ("Điều 1. Ban hành Chương trình hành động thực hiện các Nghị quyết của Chính phủ: số "
     "01/NQ-CP ngày 05/01/2024 về giải pháp thực hiện Kế hoạch phát triển kinh tế\n- xã hội năm "
     "2024; số 02/NQ-CP ngày 05/01/2024 về cải thiện môi trường kinh doanh.",
     [("01/NQ-CP", "implements"), ("02/NQ-CP", "implements")], [],
     "a line wrapped at the dash of 'kinh tế - xã hội' is no bullet: the list goes on"),
    ("1. Sửa đổi, bổ sung chế độ hỗ trợ tiền ăn quy định tại khoản 3, điều 1 của quyết định số "
     "23/2007/QĐ-UBND ngày 25/6/2007.\n2. Người đã nộp khoản thu bổ sung theo quy định tại khoản "
     "1 Điều 9, khoản 7 Điều 51 Nghị định số 103/2024/NĐ-CP thì được tính.",
     [("23/2007/QĐ-UBND", "amends"), ("103/2024/NĐ-CP", "cites")], [],
     "commas standing only in the parts the verb names after 'quy định tại' do not cut it off"),
    ("Xây dựng Nghị định sửa đổi, bổ sung một số điều của Nghị định số 06/2022/NĐ-CP; soạn thảo "
     "Quyết định ban hành Quy chế (thay thế Quy chế ban hành kèm theo Quyết định số "
     "279/2005/QĐ-TTg); các văn bản của tỉnh hướng dẫn thực hiện Thông tư 23/2007/TT-BTC.",
     [("06/2022/NĐ-CP", "cites"), ("279/2005/QĐ-TTg", "cites"), ("23/2007/TT-BTC", "cites")], [],
     "the verb in the title of a document to be drafted, or of others, is not this one's act"),
    ("Hiệp hội hoạt động theo Điều lệ sửa đổi, bổ sung Hiệp hội Nước mắm Phan Thiết đã được phê "
     "duyệt theo Quyết định số 385/QĐ-UBND ngày 18/02/2003 và Quyết định số 1366/QĐ-UBND.",
     [("385/QĐ-UBND", "cites"), ("1366/QĐ-UBND", "cites")], [],
     "'Điều lệ sửa đổi, bổ sung' names the amended charter: no act of this document"),
    ("- Triển khai rà soát thủ tục hành chính, cắt giảm giấy tờ (theo yêu cầu tại văn bản số "
     "6084/TCT ngày 30/8/2025 của Cục Thuế).\nCông văn số 1469/UBND-KTTH ngày 30/01/2026 triển "
     "khai nhiệm vụ, giải pháp trọng tâm theo chỉ đạo của Bộ Tài chính tại Công văn số "
     "848/BTC-QLCS ngày 10/01/2026.",
     [("6084/TCT", "implements"), ("1469/UBND-KTTH", "cites"), ("848/BTC-QLCS", "cites")],
     [("1469/UBND-KTTH", "848/BTC-QLCS", "implements")],
     "'triển khai … theo yêu cầu / chỉ đạo (của X) tại' reaches over the verb's commas"),
    ("4. Công tác xây dựng, thi hành pháp luật\nỦy ban nhân dân tỉnh ban hành Kế hoạch số "
     "865/KH-UBND ngày 20/01/2026 về công tác quản lý.\nSở đã triển khai xác minh và có Báo cáo "
     "số 482/BC-STNMT ngày 26/8/2024.",
     [("865/KH-UBND", "cites"), ("482/BC-STNMT", "cites")], [],
     "a document another body issued or has ('… ban hành Kế hoạch số', '… có Báo cáo số') is "
     "reported, not carried out"),
    ("3. Thay thế cụm từ “doanh nghiệp nhà nước” bằng cụm từ “doanh nghiệp do Nhà nước nắm giữ” "
     "tại khoản 3 Điều 2 của Luật Ngân sách nhà nước số 83/2015/QH13;\n4. Các bộ rà soát, kịp "
     "thời sửa đổi, bổ sung, thay thế để bảo đảm không trái với quy định của Luật Đấu thầu số "
     "22/2023/QH15.",
     [("83/2015/QH13", "amends"), ("22/2023/QH15", "cites")], [],
     "replacing a law's wording amends it; a verb whose aim names a law does not act on it"),
    ("LUẬT PHÒNG, CHỐNG THAM NHŨNG Luật Phòng, chống tham nhũng số 36/2018/QH14 ngày 20 tháng 11 "
     "năm 2018, có hiệu lực kể từ ngày 01 tháng 7 năm 2019, được sửa đổi, bổ sung bởi:\n"
     "Luật Doanh nghiệp số 59/2020/QH14 ngày 17 tháng 6 năm 2020 của Quốc hội.\n"
     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
     "Điều 1. Theo Luật số 12/2012/QH13.",
     [("36/2018/QH14", "cites"), ("59/2020/QH14", "cites"), ("12/2012/QH13", "cites")],
     [("59/2020/QH14", "36/2018/QH14", "amends")],
     "a consolidated text's one amender, on the line after the heading without a mark"),
    ("Căn cứ Thông tư số 111/2013/TT-BTC ngày 15/8/2013 của Bộ Tài chính hướng dẫn thực hiện "
     "Luật Thuế thu nhập cá nhân, Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá "
     "nhân và Nghị định số 65/2013/NĐ-CP ngày 27/6/2013 của Chính phủ;\n"
     "Quốc hội ban hành Luật Hải quan.\nĐiều 1. Luật này thay thế Luật Hải quan số 29/2001/QH10 "
     "và Luật sửa đổi, bổ sung một số điều của "
     "Luật Hải quan số 42/2005/QH11.\n"
     "Điều 2. Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Đất đai số "
     "31/2024/QH15.",
     [("111/2013/TT-BTC", "based_on"), ("65/2013/NĐ-CP", "based_on"), ("29/2001/QH10", "replaces"),
      ("42/2005/QH11", "cites"), ("31/2024/QH15", "amends")],
     [("111/2013/TT-BTC", "65/2013/NĐ-CP", "guides")],
     "the verb of an unnumbered law's title listed before ('…, Luật sửa đổi, bổ sung …') is "
     "that law's, not this text's nor the describing document's; the enacting words are"),
    ("2. Nghị định số 30/2015/NĐ-CP ngày 17 tháng 3 năm 2015 của Chính phủ quy định chi tiết thi "
     "hành một số điều của Luật Đấu thầu (sau đây gọi là Nghị định số 30/2015/NĐ-CP) hết hiệu "
     "lực kể từ ngày Nghị định này có hiệu lực.\n3. Hàng hóa theo Nghị định số 31/2018/NĐ-CP của "
     "Chính phủ quy định chi tiết Luật Quản lý ngoại thương (sau đây gọi là Nghị định số "
     "31/2018/NĐ-CP), gồm:",
     [("30/2015/NĐ-CP", "repeals"), ("30/2015/NĐ-CP", "repeals"), ("31/2018/NĐ-CP", "cites"),
      ("31/2018/NĐ-CP", "cites")], [],
     "a short name '(sau đây gọi là …)' takes no verb of the title it names"),
    ("Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư "
     "nhân, Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ về nhiệm vụ, giải pháp, Ủy ban "
     "nhân dân tỉnh đã ban hành Kế hoạch số 1868/KH-UBND ngày 15/8/2025 về triển khai.\n"
     "Sau sáp nhập, thực hiện hướng dẫn của Bộ Tài chính tại Công điện số 06/CĐ-BTC ngày "
     "25/8/2025 và Công văn số 8380/BTC-QLCS ngày 13/6/2025; Sở Tài chính đã có Công văn số "
     "1621/STC-GCS ngày 30/8/2025 hướng dẫn.",
     [("68-NQ/TW", "implements"), ("02/NQ-CP", "implements"), ("1868/KH-UBND", "cites"),
      ("06/CĐ-BTC", "implements"), ("8380/BTC-QLCS", "implements"), ("1621/STC-GCS", "cites")],
     [("1621/STC-GCS", "06/CĐ-BTC", "implements"), ("1621/STC-GCS", "8380/BTC-QLCS", "implements"),
      ("1868/KH-UBND", "02/NQ-CP", "implements"), ("1868/KH-UBND", "68-NQ/TW", "implements")],
     "'Thực hiện A, B …, X đã ban hành Y' with several sources, also over ';': Y implements each"),
    ("1. Bãi bỏ các khoản 9, 10, 11 và 12 Điều 4; Mục 3 và Mục 4 Chương III của Luật Công nghệ "
     "thông tin số 67/2006/QH11.\n3. Bổ sung các khoản 18, 19, 20 vào sau khoản 17 Điều 4 của "
     "Luật Thuế thu nhập cá nhân số 04/2007/QH12 như sau:",
     [("67/2006/QH11", "repeals"), ("04/2007/QH12", "amends")], [],
     "parts named over a ';' up to a roman chapter number, and 'vào sau khoản …'"),
    ("5.\nThay thế cụm từ “khu công nghệ thông tin tập trung” bằng cụm từ “khu công nghệ số tập "
     "trung” tại các luật, nghị quyết sau đây:\na) Khoản 5 Điều 9 của Luật Đất đai số "
     "31/2024/QH15;\nb) Điểm a khoản 2 Điều 12 của Luật Thủ đô số 39/2024/QH15;",
     [("31/2024/QH15", "amends"), ("39/2024/QH15", "amends")], [],
     "a numbered heading replacing wording in the laws listed under it amends each"),
    ("Điều 3. Sửa đổi, bổ sung, bãi bỏ một số điều của Luật Sở hữu trí tuệ số 50/2005/QH11 như "
     "sau:\n22. Bổ sung, thay thế, bãi bỏ một số cụm từ tại Nghị định số 103/2024/NĐ-CP như sau:\n"
     "23. Bãi bỏ Điều 5 của Nghị định số 12/2020/NĐ-CP.",
     [("50/2005/QH11", "amends"), ("103/2024/NĐ-CP", "amends"), ("12/2020/NĐ-CP", "repeals")], [],
     "a repeal listed with amending verbs ('Sửa đổi, bổ sung, bãi bỏ …') amends the text"),
    ("- Ban hành kế hoạch thực hiện Quyết định số 1452/QĐ-TTg ngày 16/9/2020; Kế hoạch số "
     "7353/KH-UBND ngày 14/10/2021 về tổ chức; Kế hoạch số 2104/KH-UBND ngày 05/3/2025.\n"
     "1. Tiếp tục thực hiện Chỉ thị số 07-CT/TU ngày 14/11/2008 của Thành uỷ; Nghị định số "
     "116/2007/NĐ-CP của Chính phủ về giáo dục quốc phòng.\n"
     "2. Bộ Y tế nghiên cứu, sửa đổi Thông tư số 18/2021/TT-BYT cho phù hợp.",
     [("1452/QĐ-TTg", "implements"), ("7353/KH-UBND", "cites"), ("2104/KH-UBND", "cites"),
      ("07-CT/TU", "implements"), ("116/2007/NĐ-CP", "implements"), ("18/2021/TT-BYT", "cites")],
     [], "a plan's name 'kế hoạch thực hiện A' takes A alone, the list after is of plans issued; "
     "an amendment proposed to a ministry is not done"),
    ("Thông tư này quy định chi tiết thi hành một số điều của Nghị định số 58/2001/NĐ-CP ngày "
     "24/8/2001.", [("58/2001/NĐ-CP", "guides")], [],
     "'quy định chi tiết thi hành' guides (not the 'thi hành' in it)"),
    ("Điều 3. Quyết định này thay thế các Quyết định sau :\n1 . Quyết định số 47/2005/QĐ-UBND "
     "ngày 21 tháng 9 năm 2005 của UBND tỉnh;\n2 . Quyết định số 04/2007/QĐ-UBND ngày 21 tháng 3 "
     "năm 2007 của UBND tỉnh.",
     [("47/2005/QĐ-UBND", "replaces"), ("04/2007/QĐ-UBND", "replaces")], [],
     "items numbered with a spaced dot ('1 .') under a heading"),
    ("[9] Điều 217 của Luật Doanh nghiệp số 59/2020/QH14 quy định như sau:\n“Điều 217. Điều "
     "khoản thi hành\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.\n2. Luật "
     "Doanh nghiệp số 68/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n3. "
     "Thay thế cụm từ “doanh nghiệp nhà nước” bằng cụm từ “doanh nghiệp do Nhà nước nắm giữ” tại "
     "Điều 35 của Luật Ngân sách nhà nước số 83/2015/QH13.”",
     [("59/2020/QH14", "cites"), ("68/2014/QH13", "cites"), ("83/2015/QH13", "cites")], [],
     "an article quoted in a footnote, quoting phrases itself: its acts are the quoted law's"),
    ("Luật doanh nghiệp số 60/2005/QH11 ngày 29 tháng 11 năm 2005 và Luật sửa đổi, bổ sung Điều "
     "170 của Luật doanh nghiệp số 37/2013/QH13 ngày 20 tháng 6 năm 2013 hết hiệu lực kể từ ngày "
     "Luật này có hiệu lực.",
     [("60/2005/QH11", "repeals"), ("37/2013/QH13", "repeals")], [],
     "a law and its amending law named by title cease together, the amending law whole"),
    ("3. Thay thế cụm từ “doanh nghiệp nhà nước” bằng cụm từ “doanh nghiệp do Nhà nước nắm giữ” "
     "tại điểm m khoản 1 Điều 35 của Luật Ngân sách nhà nước số 83/2015/QH13; điểm a khoản 3 Điều "
     "23 của Luật Thủy lợi số 08/2017/QH14; điểm b khoản 2 Điều 74 của Bộ luật Tố tụng dân sự số "
     "92/2015/QH13.",
     [("83/2015/QH13", "amends"), ("08/2017/QH14", "amends"), ("92/2015/QH13", "amends")], [],
     "items after ';' naming parts of further laws go on with the amendment"),
    ("2. Luật Quy hoạch đô thị số 30/2009/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "77/2015/QH13, Luật số 35/2018/QH14 và Điều 29 của Luật số 35/2018/QH14 hết hiệu lực kể từ "
     "ngày Luật này có hiệu lực thi hành.",
     [("30/2009/QH12", "repeals"), ("77/2015/QH13", "cites"), ("35/2018/QH14", "cites"),
      ("35/2018/QH14", "repeals")],
     [("35/2018/QH14", "30/2009/QH12", "amends"), ("77/2015/QH13", "30/2009/QH12", "amends")],
     "an amender's article ceasing with the law amended, not the amender whole"),
    ("1. Thay thế, bãi bỏ các điểm, khoản, cụm từ, mẫu tại Nghị định số 71/2024/NĐ-CP.\n"
     "2. Bổ sung, bỏ một số cụm từ tại Nghị định số 128/2020/NĐ-CP ngày 19 tháng 10 năm 2020.\n"
     "3. Sửa đổi, bổ sung, bãi bỏ một số khoản, điều của Luật Hàng không dân dụng Việt Nam số "
     "66/2006/QH11.",
     [("71/2024/NĐ-CP", "amends"), ("128/2020/NĐ-CP", "amends"), ("66/2006/QH11", "amends")], [],
     "wording and parts replaced, dropped or repealed amend the text"),
    ("Người khai hải quan thực hiện khai sửa đổi, bổ sung theo quy định tại Điều 20 Thông tư "
     "38/2015/TT-BTC.", [("38/2015/TT-BTC", "cites")], [], "a declaration amended is no act"),
    ("Sửa đổi Quy chế thi đua, Quyết định số 15/2020/QĐ-UBND quy định về khen thưởng.",
     [("15/2020/QĐ-UBND", "cites")], [],
     "a comma still cuts a trigger off where no instrument is attached by the reference"),
    ("Nghị định số 48/2013/NĐ-CP được sửa đổi bởi Nghị định số 63/2010/NĐ-CP.",
     [("48/2013/NĐ-CP", "cites"), ("63/2010/NĐ-CP", "cites")], [],
     "an edge whose acting document is older than its object is not emitted"),
    ("Thực hiện Kế hoạch số 197/KH-UBND ngày 3/4/2025 của UBND tỉnh về triển khai thực hiện "
     "Nghị quyết số 138/NQ-CP ngày 1/3/2025 của Chính phủ; Chỉ thị số 05/CT-UBND ngày 4/4/2025.",
     [("197/KH-UBND", "implements"), ("138/NQ-CP", "cites"), ("05/CT-UBND", "implements")],
     [("197/KH-UBND", "138/NQ-CP", "implements")],
     "a described document is only cited; the list after ';' is implemented"),
    ("Điều lệ (sửa đổi, bổ sung) đã điều chỉnh theo Mẫu số 09 kèm theo Nghị định số "
     "126/2024/NĐ-CP.", [("126/2024/NĐ-CP", "cites")], [],
     "'(sửa đổi, bổ sung)' qualifies the charter, it does not amend the decree"),
    ("Sở đã có ý kiến: “hồ sơ thực hiện theo Nghị định số 126/2024/NĐ-CP” và đề nghị.",
     [("126/2024/NĐ-CP", "cites")], [], "a quotation's references are only cited"),
    ("Nghị quyết này hướng dẫn một số quy định của Bộ luật Dân sự số 91/2015/QH13.",
     [("91/2015/QH13", "guides")], [], "'Nghị quyết này hướng dẫn …'"),
    ("2. Luật Tài nguyên nước số 17/2012/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "08/2017/QH14, Luật số 35/2018/QH14 (sau đây gọi chung là Luật số 17/2012/QH13) hết hiệu "
     "lực kể từ ngày Luật này có hiệu lực.",
     [("17/2012/QH13", "repeals"), ("08/2017/QH14", "cites"), ("35/2018/QH14", "cites"),
      ("17/2012/QH13", "repeals")],
     [("08/2017/QH14", "17/2012/QH13", "amends"), ("35/2018/QH14", "17/2012/QH13", "amends")],
     "a passive list: every amender acts; '… hết hiệu lực' repeals the subject, named twice"),
    ("Căn cứ Luật Đất đai năm 1993 đã được sửa đổi, bổ sung theo Luật số 19/2000/QH10;\n"
     "Nội dung này đã được sửa đổi theo Luật số 20/2001/QH10.",
     [("19/2000/QH10", "based_on"), ("20/2001/QH10", "cites")], [],
     "the amender named after 'được sửa đổi' is not amended by this document"),
    ("Điều 3. Các Thông tư sau hết hiệu lực:\na) Thông tư số 23/2014/TT-BTNMT;\n"
     "b) Thông tư số 24/2014/TT-BTNMT.",
     [("23/2014/TT-BTNMT", "repeals"), ("24/2014/TT-BTNMT", "repeals")], [],
     "a '… sau hết hiệu lực:' heading repeals its items"),
    ("Việc thi hành Luật số 47/2024/QH15 sửa đổi, bổ sung một số điều của Luật Thi hành án "
     "được thực hiện theo Nghị quyết số 190/2024/QH15 ngày 30 tháng 11 năm 2024 của Quốc hội.",
     [("47/2024/QH15", "implements"), ("190/2024/QH15", "cites")],
     [("190/2024/QH15", "47/2024/QH15", "implements")],
     "a passive verb after the law's description: the resolution carries out the law"),
    ("Nghị định số 18/2016/NĐ-CP quy định chi tiết Luật Quản lý thuế được hướng dẫn bởi "
     "Thông tư số 41/2016/TT-BTC ngày 05/4/2016.",
     [("18/2016/NĐ-CP", "cites"), ("41/2016/TT-BTC", "cites")],
     [("41/2016/TT-BTC", "18/2016/NĐ-CP", "guides")],
     "'được hướng dẫn bởi' with the decree's description between: the circular guides it"),
    ("[3] Luật số 28/2023/QH15 sửa đổi, bổ sung một số điều của Luật Đấu thầu\n"
     "[4] Cụm từ “thẩm định” được bổ sung theo quy định tại khoản 5 Điều 2 của "
     "Luật số 33/2024/QH15.",
     [("28/2023/QH15", "cites"), ("33/2024/QH15", "cites")], [],
     "a footnote's passive has its own subject (Cụm từ …), not the law above it"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13, ngày 19/6/2015 và được "
     "sửa đổi, bổ sung một số điều tại Luật số 21/2017/QH14, ngày 24/11/2017;",
     [("77/2015/QH13", "based_on"), ("21/2017/QH14", "based_on")],
     [("21/2017/QH14", "77/2015/QH13", "amends")],
     "'được sửa đổi, bổ sung một số điều tại Luật số B': B amends the law before it"),
    ("[7] Điều này được sửa đổi, bổ sung theo quy định tại khoản 3 Điều 1 của Luật số "
     "52/2024/QH15 sửa đổi Luật Thanh tra.",
     [("52/2024/QH15", "cites")], [],
     "a consolidated text's footnote: its provision was amended by B; it does not amend B"),
    ("2. Luật Thí điểm số 12/2015/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "08/2018/QH14, Luật số 19/2020/QH14 và Luật số 33/2022/QH15 hết hiệu lực kể từ ngày "
     "Luật này có hiệu lực thi hành.",
     [("12/2015/QH13", "repeals"), ("08/2018/QH14", "cites"), ("19/2020/QH14", "cites"),
      ("33/2022/QH15", "cites")],
     [("08/2018/QH14", "12/2015/QH13", "amends"), ("19/2020/QH14", "12/2015/QH13", "amends"),
      ("33/2022/QH15", "12/2015/QH13", "amends")],
     "'A đã được sửa đổi … theo B, C và D hết hiệu lực': A ceases, its amenders are cited"),
    ("Điều 2. Luật Hải quan số 29/2001/QH10 và Luật số 42/2005/QH11 sửa đổi, bổ sung một số "
     "điều của Luật Hải quan hết hiệu lực kể từ ngày Luật này có hiệu lực.",
     [("29/2001/QH10", "repeals"), ("42/2005/QH11", "repeals")], [],
     "'Luật A và Luật B … hết hiệu lực': both items of the subject cease"),
    ("Thực hiện Công điện số 06/CĐ-BTC ngày 25/8/2025 về việc tháo gỡ khó khăn, Công văn số "
     "8380/BTC-QLCS ngày 13/6/2025 về việc hướng dẫn bổ sung và Công văn số 11738/BTC-QLCS ngày "
     "31/7/2025 về việc rà soát tài sản, Sở Tài chính báo cáo.",
     [("06/CĐ-BTC", "implements"), ("8380/BTC-QLCS", "implements"),
      ("11738/BTC-QLCS", "implements")], [],
     "'và' joins the next item to the list: a verb in an item's 'về việc' describes that item"),
    ("Nghị định số 69/2008/NĐ-CP của Chính phủ quy định về chính sách xã hội hóa được sửa đổi, "
     "bổ sung năm 2014 và Quyết định số 1466/QĐ-TTg ngày 10/10/2008 của Thủ tướng Chính phủ.",
     [("69/2008/NĐ-CP", "cites"), ("1466/QĐ-TTg", "cites")], [],
     "'A … được sửa đổi, bổ sung năm 2014 và B': B is listed with A, it does not amend A"),
    ("Căn cứ Thông tư số 80/2021/TT-BTC hướng dẫn thi hành một số điều của Luật Quản lý thuế và "
     "Nghị định số 126/2020/NĐ-CP;",
     [("80/2021/TT-BTC", "based_on"), ("126/2020/NĐ-CP", "based_on")],
     [("80/2021/TT-BTC", "126/2020/NĐ-CP", "guides")],
     "but 'A hướng dẫn Luật X và B': B is the verb's object with the law named before 'và'"),
    ("Điều 3. Bãi bỏ các khoản 2, 3 Điều 4; điểm b khoản 1 Điều 7 và các Điều 9, 10, 11 Nghị định "
     "số 15/2019/NĐ-CP ngày 01 tháng 02 năm 2019 của Chính phủ.",
     [("15/2019/NĐ-CP", "repeals")], [],
     "the parts a repeal names, with their commas and ';', do not cut it off the document"),
    ("3 / Bổ sung điểm 2 , khoản 1 , Điều 4 Quyết định số 55/2007/QĐ-UBND ngày 02/5/2007 của "
     "UBND tỉnh :", [("55/2007/QĐ-UBND", "amends")], [],
     "'Bổ sung điểm 2 , khoản 1 , Điều 4 Quyết định …' (spaced punctuation)"),
    ("Người khai khai báo theo hướng dẫn tại điểm b khoản 3 Điều 20 Thông tư số "
     "38/2015/TT-BTC và vận dụng theo hướng dẫn của điểm a, b và c khoản 2 Điều 32 Nghị định số "
     "126/2024/NĐ-CP.", [("38/2015/TT-BTC", "cites"), ("126/2024/NĐ-CP", "cites")], [],
     "but guidance found 'tại' / 'của' the parts of a document does not guide it"),
    ("Căn cứ nội dung Chiến lược, Chương trình; các sở, ngành tổng kết Chương trình (ban hành "
     "kèm theo Quyết định số 424/QĐ-TTg ngày 1/4/2021 của Thủ tướng Chính phủ).",
     [("424/QĐ-TTg", "cites")], [],
     "after ';' a sentence ('các sở, ngành tổng kết …') is no item of the Căn cứ list"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13; các Nghị định số "
     "2/2021/NĐ-CP, 3/2021/NĐ-CP của Chính phủ;",
     [("77/2015/QH13", "based_on"), ("2/2021/NĐ-CP", "based_on"), ("3/2021/NĐ-CP", "based_on")],
     [], "but 'các Nghị định …' is"),
    ("Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật thuế thu nhập doanh nghiệp số "
     "14/2008/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số 32/2013/QH13, Luật thuế giá "
     "trị gia tăng số 13/2008/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "31/2013/QH13 và Luật Quản lý thuế số 78/2006/QH11.",
     [("14/2008/QH12", "amends"), ("32/2013/QH13", "cites"), ("13/2008/QH12", "amends"),
      ("31/2013/QH13", "cites"), ("78/2006/QH11", "amends")],
     [("31/2013/QH13", "13/2008/QH12", "amends"), ("32/2013/QH13", "14/2008/QH12", "amends")],
     "a law named in full after a passive chain ('theo Luật số B, Luật thuế C số …') is the "
     "list's next item: amended, not an amender"),
    ("2. Pháp lệnh Công nghiệp quốc phòng số 02/2008/PL-UBTVQH12 đã được sửa đổi, bổ sung một số "
     "điều theo Pháp lệnh số 01/2018/UBTVQH14, Pháp lệnh Động viên công nghiệp số "
     "09/2003/PL-UBTVQH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
     [("02/2008/PL-UBTVQH12", "repeals"), ("01/2018/UBTVQH14", "cites"),
      ("09/2003/PL-UBTVQH11", "repeals")],
     [("01/2018/UBTVQH14", "02/2008/PL-UBTVQH12", "amends")],
     "'A đã được sửa đổi theo X, B hết hiệu lực': A and B cease, X amended A"),
    ("[2] Luật số 26/2012/QH13 sửa đổi một số điều của Luật Thuế thu nhập cá nhân có căn cứ ban "
     "hành như sau:\n“Căn cứ Hiến pháp năm 1992 đã được sửa đổi, bổ sung theo Nghị quyết số "
     "51/2001/QH10;\nQuốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá "
     "nhân số 04/2007/QH12.”.",
     [("26/2012/QH13", "cites"), ("51/2001/QH10", "cites"), ("04/2007/QH12", "cites")],
     [],
     "a quotation over several lines (a consolidated text quoting a law's preamble) states "
     "nothing this text does"),
    ("Điều 3. Sửa đổi, bổ sung một số điều của Nghị định số 98/2013/NĐ-CP như sau:\n“c) Tịch "
     "thu tang vật đối với tổ chức.\"Điều 4. Sửa đổi, bổ sung một số điều của Nghị định số "
     "63/2019/NĐ-CP như sau:", [("98/2013/NĐ-CP", "amends"), ("63/2019/NĐ-CP", "amends")], [],
     "a quotation opened with “ and closed with a straight quote: the next article is the text's"),
    ("theo quy định của Luật số 51/2005/QH11 và các văn bản quy phạm pháp luật quy định chi "
     "tiết Luật số 51/2005/QH11.", [("51/2005/QH11", "cites"), ("51/2005/QH11", "cites")], [],
     "'các văn bản … quy định chi tiết' says what other documents do"),
    ("Nghị định số 17/2006/NĐ-CP về sửa đổi, bổ sung một số điều của các Nghị định hướng dẫn thi "
     "hành Luật Đất đai và Nghị định số 187/2004/NĐ-CP về việc chuyển công ty",
     [("17/2006/NĐ-CP", "cites"), ("187/2004/NĐ-CP", "cites")],
     [("17/2006/NĐ-CP", "187/2004/NĐ-CP", "amends")],
     "past the other documents' trigger, the amending one governs"),
    ("Triển khai thực hiện nhiệm vụ chuyển đổi số, tỉnh đã ban hành nhiều văn bản, cụ thể: "
     "Quyết định số 2942/QĐ-UBND; Quyết định số 2943/QĐ-UBND; Kế hoạch số 10084/KH-UBND.",
     [("2942/QĐ-UBND", "cites"), ("2943/QĐ-UBND", "cites"), ("10084/KH-UBND", "cites")], [],
     "a list after ';' goes on with what its first item took, not an opening word that "
     "governs a task"),
    ("Triển khai thực hiện Nghị quyết số 57-NQ/TW; Chỉ thị số 09/CT-UBND.",
     [("57-NQ/TW", "implements"), ("09/CT-UBND", "implements")], [],
     "the opening word that governs the first item governs the list"),
    ("Thực hiện Kế hoạch số 6008/KH-UBND ngày 27/10/2025 của Ủy ban nhân dân tỉnh về việc kiểm "
     "kê, Sở Tài chính đã có Văn bản triển khai số 4455/STC-GCS ngày 29/10/2025.",
     [("6008/KH-UBND", "implements"), ("4455/STC-GCS", "cites")],
     [("4455/STC-GCS", "6008/KH-UBND", "implements")],
     "'Thực hiện A, <body> đã có/ban hành B': B implements A"),
    ("Thực hiện Kế hoạch số 6008/KH-UBND của Ủy ban nhân dân tỉnh và Công văn số 5/STC-GCS "
     "ngày 29/10/2025.", [("6008/KH-UBND", "implements"), ("5/STC-GCS", "implements")], [],
     "a second item of the list implemented is no document issued for it"),
    ("Căn cứ các Nghị định của Chính phủ: số 181/2004/NĐ-CP ngày 29/10/2004 về thi hành Luật "
     "Đất đai; số 198/2004/NĐ-CP ngày 03/12/2004 về thu tiền sử dụng đất;",
     [("181/2004/NĐ-CP", "based_on"), ("198/2004/NĐ-CP", "based_on")], [],
     "a list of numbers after ':' goes on after ';' with 'số …'"),
    ("2. Các nghị định sau đây hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành\n"
     "a) Nghị định số 119-CP ngày 16 tháng 9 năm 1994 của Chính phủ;\nb) Nghị định số "
     "43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ.",
     [("119-CP", "repeals"), ("43/2014/NĐ-CP", "repeals")], [],
     "a repeal heading without its colon, right before the list's first item"),
    ("3. Bãi bỏ một số điều, khoản của các nghị định sau đây:\na) Điều 1 Nghị định số "
     "136/2018/NĐ-CP ngày 05 tháng 10 năm 2018 của Chính phủ;",
     [("136/2018/NĐ-CP", "repeals")], [],
     "a heading that names parts before 'sau đây' still repeals what it lists"),
    ("2. Luật Dầu khí ngày 06 tháng 7 năm 1993 đã được sửa đổi, bổ sung một số điều theo Luật "
     "số 19/2000/QH10, Luật số 10/2008/QH12 và Luật số 35/2018/QH14 hết hiệu lực.",
     [("19/2000/QH10", "cites"), ("10/2008/QH12", "cites"), ("35/2018/QH14", "cites")], [],
     "the amenders of an unnumbered law that ceases are not repealed"),
    ("[9] Điều 120 của Luật số 15/2023/QH15 quy định như sau:\n“Điều 120. Hiệu lực thi hành\n"
     "1. Luật này có hiệu lực từ ngày 01 tháng 01 năm 2024.\n2. Luật số 40/2009/QH12 hết hiệu "
     "lực kể từ ngày Luật này có hiệu lực thi hành.”",
     [("15/2023/QH15", "cites"), ("40/2009/QH12", "cites")], [],
     "a quoted law's end of force is the quoted law's, not a repeal by this text"),
    ("[10] Luật số 40/2009/QH12 hết hiệu lực kể từ ngày 01/01/2024 theo quy định tại khoản 2 "
     "Điều 120 của Luật số 15/2023/QH15.", [("40/2009/QH12", "cites"), ("15/2023/QH15", "cites")],
     [], "an end of force reported 'theo quy định tại' another law is that law's"),
    ("Khoản 9 Điều 60 của Luật này có hiệu lực thi hành từ ngày Nghị quyết số 61/2022/QH15 hết "
     "hiệu lực.", [("61/2022/QH15", "cites")], [],
     "'từ ngày Nghị quyết … hết hiệu lực' dates this text's force; it repeals nothing"),
    ("LUẬT THI HÀNH ÁN DÂN SỰ\n\nLuật Thi hành án dân sự số 26/2008/QH12 ngày 14 tháng 11 năm "
     "2008 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2009, được sửa đổi, bổ sung bởi:",
     [("26/2008/QH12", "cites")], [],
     "'Thi hành án' (enforcing judgments) names a law's field; it implements nothing"),
    ("Theo đề nghị của Cục trưởng Cục Thi hành án dân sự tại Tờ trình số 12/TTr-THADS ngày "
     "01/02/2024.", [("12/TTr-THADS", "cites")], [],
     "'Cục Thi hành án' is a body, not an act of implementing"),
    ("Chi cục Thi hành án dân sự huyện đề nghị áp dụng Nghị định số 62/2015/NĐ-CP.",
     [("62/2015/NĐ-CP", "cites")], [], "a body's name before a verb it does not govern"),
    ("Thi hành Luật số 81/2025/QH15, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
     [("81/2025/QH15", "implements")], [], "'Thi hành Luật …' still implements it"),
    # the next item of a list named by its parts: "A và Điều 29 của B"
    ("2. Luật Quy hoạch đô thị số 30/2009/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "77/2015/QH13 và Điều 29 của Luật số 35/2018/QH14 hết hiệu lực kể từ ngày Luật này có hiệu "
     "lực thi hành.",
     [("30/2009/QH12", "repeals"), ("77/2015/QH13", "cites"), ("35/2018/QH14", "cites")],
     [("35/2018/QH14", "30/2009/QH12", "amends"), ("77/2015/QH13", "30/2009/QH12", "amends")],
     "an article of an omnibus law among the amenders; the law amended ceases"),
    ("Điều 3. Bãi bỏ Quyết định số 1/2020/QĐ-UBND và Điều 3 của Quyết định số 2/2021/QĐ-UBND.",
     [("1/2020/QĐ-UBND", "repeals"), ("2/2021/QĐ-UBND", "repeals")], [],
     "a repeal of one text whole and of another's article"),
    ("Quyết định số 1/2020/QĐ-UBND và khoản 2 Điều 3 của Quyết định số 2/2021/QĐ-UBND hết hiệu "
     "lực.", [("1/2020/QĐ-UBND", "repeals"), ("2/2021/QĐ-UBND", "repeals")], [],
     "one text whole and another's clause cease"),
    ("2. Luật nhà ở số 56/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 34/2009/QH12 "
     "và Luật số 38/2009/QH12, Nghị quyết số 19/2008/QH12 của Quốc hội về thí điểm cho tổ chức, "
     "cá nhân nước ngoài mua nhà ở tại Việt Nam hết hiệu lực kể từ ngày Luật này có hiệu lực.",
     [("56/2005/QH11", "repeals"), ("34/2009/QH12", "cites"), ("38/2009/QH12", "cites"),
      ("19/2008/QH12", "repeals")],
     [("34/2009/QH12", "56/2005/QH11", "amends"), ("38/2009/QH12", "56/2005/QH11", "amends")],
     "a text of another type after a law's amenders is the next item of what ceases"),
    ("Điều 12. Hiệu lực thi hành\n2. Nghị quyết số 1186/2021/UBTVQH14 ngày 11 tháng 01 năm 2021 "
     "của Ủy ban Thường vụ Quốc hội quy định chi tiết việc tổ chức hội nghị cử tri; việc giới "
     "thiệu người ứng cử ở thôn, tổ dân phố trong bầu cử bổ sung hết hiệu lực từ ngày Nghị quyết "
     "này có hiệu lực thi hành.\n", [("1186/2021/UBTVQH14", "repeals")], [],
     "a closing item whose long title holds ';' ceases at its line's end"),
    ("l) Việc giao đất theo quy định tại khoản 10 Điều 255 Luật Đất đai đã được sửa đổi, bổ sung "
     "theo Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 và Luật Nhà ở số "
     "27/2023/QH15 thì thực hiện như sau:",
     [("31/2024/QH15", "cites"), ("27/2023/QH15", "cites")], [],
     "the verb of an unnumbered amending law's title, after 'theo', is not this text's"),
    ("THÔNG TƯ\nQUY ĐỊNH VỀ HỒ SƠ ĐỊA CHÍNH Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; Luật "
     "sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 ngày 29 tháng 6 năm 2024;\n"
     "Căn cứ Nghị định số 22/2025/NĐ-CP;\n",
     [("31/2024/QH15", "based_on"), ("22/2025/NĐ-CP", "based_on")], [],
     "a 'Căn cứ' run onto the title's capitals opens the basis"),
    ("Trường hợp các biểu mẫu không sửa đổi, bổ sung, thay thế, bãi bỏ tại Nghị định này và Nghị "
     "định số 151/2025/NĐ-CP thì tiếp tục thực hiện.", [("151/2025/NĐ-CP", "cites")], [],
     "a negated list of acts"),
    ("Triển khai thực hiện Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ Nội vụ về việc ban hành "
     "Kế hoạch sơ kết giai đoạn 2021 - 2030; đề xuất nhiệm vụ, giải pháp giai đoạn 2026 - 2030;\n"
     "Công văn số 336/BNV-CCHC ngày 13/3/2025 và Công văn số 376/BNV-CCHC ngày 18/3/2025, Bộ Nội "
     "vụ đã tổng hợp báo cáo.",
     [("145/QĐ-BNV", "implements"), ("336/BNV-CCHC", "implements"),
      ("376/BNV-CCHC", "implements")], [],
     "the list goes on over a ';' inside the first item's title"),
    ("Căn cứ Nghị quyết số 101/2025/UBTVQH15 ngày 26/9/2025 của Ủy ban Thường vụ Quốc hội quy định "
     "chi tiết việc tổ chức hội nghị cử tri; việc giới thiệu người ứng cử ở thôn; việc hiệp thương "
     "trong bầu cử bổ sung; Nghị quyết Liên tịch số 102/2025/NQLT-UBTVQH15-CP ngày 26/9/2025;\n"
     "Ban Thường trực hướng dẫn như sau:",
     [("101/2025/UBTVQH15", "based_on"), ("102/2025/NQLT-UBTVQH15-CP", "based_on")], [],
     "… and over several"),
    ("Điều 1. Sửa đổi, bổ sung một số điều của Quy định về trách nhiệm và cơ chế phối hợp giữa các "
     "cơ quan chức năng trong việc xử lý vi phạm trật tự xây dựng trong quá trình thi công "
     "các công trình trên địa bàn ban hành kèm theo Quyết định số 29/2007/QĐ-UBND như sau:",
     [("29/2007/QĐ-UBND", "amends")], [],
     "the regulation amended has a long title; the decision it is attached to is named last"),
    ("Quyết định số 64/2007/QĐ-UBND của Uỷ ban nhân dân thành phố về sửa đổi, bổ sung một số Điều "
     "của Quy định về trách nhiệm và cơ chế phối hợp giữa các cơ quan chức năng trong việc xử lý "
     "vi phạm trật tự xây dựng trên địa bàn ban hành kèm theo Quyết định 29/2007/QĐ-UBND.",
     [("64/2007/QĐ-UBND", "cites"), ("29/2007/QĐ-UBND", "cites")],
     [("64/2007/QĐ-UBND", "29/2007/QĐ-UBND", "amends")], "… and between two other documents"),
    ("Thông báo số 427/TB-UBND ngày 26/12/2007 về việc tạm dừng thực hiện một điểm của Khoản 12 "
     "Điều 7 Quy định cấp phép xây dựng ban hành kèm theo Quyết định số 79/2007/QĐ-UB.",
     [("427/TB-UBND", "cites"), ("79/2007/QĐ-UB", "cites")], [],
     "suspending is not implementing"),
    ("Năm 2024, Hiệp hội chưa báo cáo kết quả thực hiện công tác hội theo đề nghị tại Công văn số "
     "2575/SNV-TCCC ngày 24/9/2024 của Sở Nội vụ.", [("2575/SNV-TCCC", "cites")], [],
     "results reported ('kết quả thực hiện') are no implementing"),
    ("2. Kết quả rà soát\na) Kết quả thực hiện Công văn số 2769/UBND-NCKSTTHC ngày 24/7/2024 của "
     "UBND tỉnh", [("2769/UBND-NCKSTTHC", "implements")], [],
     "… but results of carrying out the document named right after the verb are"),
    ("Bãi bỏ Quyết định số 06/2007/QĐ-BTM ngày 06 tháng 02 năm 2007 của Bộ trưởng Bộ Thương mại về "
     "việc sửa đổi bổ sung Quy chế cấp Giấy chứng nhận xuất xứ Mẫu S của Việt Nam cho hàng hoá để "
     "hưởng các ưu đãi thuế quan theo Hiệp định về Hợp tác Kinh tế, Văn hoá, Khoa học Kỹ thuật "
     "giữa Chính phủ nước Cộng hoà xã hội chủ nghĩa Việt Nam và Chính phủ nước Cộng hoà Dân chủ "
     "nhân dân Lào ban hành kèm theo Quyết định số 0865/2004/QĐ-BTM ngày 29 tháng 6 năm 2004.",
     [("06/2007/QĐ-BTM", "repeals"), ("0865/2004/QĐ-BTM", "cites")],
     [("06/2007/QĐ-BTM", "0865/2004/QĐ-BTM", "amends")],
     "another document's long title amends what its regulation is attached to"),
    ("Khi nộp bổ sung chứng từ chứng nhận xuất xứ hàng hóa theo quy định tại khoản 1 Điều 7 Thông "
     "tư này, người khai hải quan khai theo hướng dẫn tại Phụ lục ban hành kèm theo Thông tư số "
     "39/2018/TT-BTC.", [("39/2018/TT-BTC", "cites")], [],
     "a supplementary filing ('nộp bổ sung') amends no text"),
    ("2. Bãi bỏ Nghị quyết số [Khoản này được sửa đổi bởi Khoản 1 Điều 1 Luật sửa đổi Luật Đất "
     "đai, Luật Nhà ở 2024 có hiệu lực từ ngày 01/08/2024] 132/2020/QH14 ngày 17 tháng 11 năm 2020 "
     "của Quốc hội.", [("132/2020/QH14", "repeals")], [],
     "a portal's note between the type word and the number is taken out"),
    ("9. Sửa đổi, bổ sung  [Khoản này hết hiệu lực bởi Khoản 2 Điều 19 Luật Thuế thu nhập doanh "
     "nghiệp 2025 có hiệu lực từ ngày 01/10/2025 Khoản này được hướng dẫn Khoản 20 Điều 1 Nghị "
     "định 12/2015/NĐ-CP có hiệu lực kể từ ngày 01/01/2015 (VB hết hiệu lực: 15/12/2025)] khoản 3 "
     "Điều 2 Luật số 32/2013/QH13 như sau:", [("32/2013/QH13", "amends")], [],
     "… and between the verb and the parts it acts on"),
    ("Thủ tục sửa đổi, bổ sung nội dung Quyết định công nhận cho tổ chức cộng đồng theo quy định "
     "tại khoản 5 Điều 5 Nghị định số 26/2019/NĐ-CP.", [("26/2019/NĐ-CP", "cites")], [],
     "an act done 'theo quy định tại' a document does not act on it"),
    ("Điều 3. Hiệu lực\n2. Bãi bỏ các nội dung quy định về tỷ giá khi xác định doanh thu, chi phí, "
     "giá tính thuế và thuế nộp ngân sách nhà nước tại:\na) Điều 8 của Luật thuế thu nhập doanh "
     "nghiệp số 14/2008/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số 32/2013/QH13;\nb) "
     "Khoản 1\nĐiều 6 của Luật thuế thu nhập cá nhân số 04/2007/QH11;\nc) Khoản 4 Điều 86 của "
     "Luật hải quan số 54/2013/QH13.\n3. Chính phủ quy định chi tiết.",
     [("14/2008/QH12", "repeals"), ("32/2013/QH13", "cites"), ("04/2007/QH11", "repeals"),
      ("54/2013/QH13", "repeals")], [("32/2013/QH13", "14/2008/QH12", "amends")],
     "a repeal heading ending 'tại:' reaches every item of its list"),
    ("[6] Điều 103 của Luật Hải quan số 54/2014/QH13 quy định như sau:\n“Điều 103. Hiệu lực thi "
     "hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2015.\nLuật Hải quan số "
     "29/2001/QH10 hết hiệu lực kể từ ngày Luật này có hiệu lực.\"Điều 104 của Luật Thủy sản số "
     "18/2017/QH14 quy định như sau:",
     [("54/2014/QH13", "cites"), ("29/2001/QH10", "cites"), ("18/2017/QH14", "cites")], [],
     "a quoted article closed by a straight quote after its stop is another text's"),
    ("Điều 36. Căn cứ xác định giá đất theo Nghị định số 44/2014/NĐ-CP.\nĐiều 37. Căn cứ\nKhoản 2 "
     "Điều 112 Luật Đất đai sửa đổi, bổ sung Nghị định số 45/2014/NĐ-CP như sau:",
     [("44/2014/NĐ-CP", "cites"), ("45/2014/NĐ-CP", "amends")], [],
     "an article titled 'Căn cứ …' is no legal-basis clause"),
    ("Cơ sở để tính nhiệm kỳ nêu trên được căn cứ quy định tại điểm c khoản 5\nĐiều 19 Nghị định "
     "số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ.", [("126/2024/NĐ-CP", "based_on")], [],
     "'được căn cứ quy định tại' rests on it"),
    ("2. Tổ chức triển khai thực hiện có hiệu quả các nội dung, nhiệm vụ nêu tại Nghị quyết số "
     "163/2024/QH15 của Quốc hội; Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ.",
     [("163/2024/QH15", "implements"), ("50/NQ-CP", "implements")], [],
     "the tasks set out in a document, carried out: its commas do not cut the verb off"),
]


@pytest.mark.parametrize("text,cites,edges,note", RELATION_CASES,
                         ids=[c[-1][:40] for c in RELATION_CASES])
def test_relations(text, cites, edges, note):
    assert relations(text) == (cites, edges)


@pytest.mark.parametrize("text,cites,edges,note", RELATION_CASES,
                         ids=[c[-1][:40] for c in RELATION_CASES])
def test_relations_of_ocr_twin(text, cites, edges, note):
    assert relations(ocr_twin(text)) == (cites, edges)


# --- robustness ----------------------------------------------------------------------------

DAMAGED = [
    "Kính gửi\nV/v\n\x1c\n",
    "V/v\n",
    "Số:\n",
    "\x00" * 10 + "Quyết định số 12/QĐ-UBND" + "\x00",
    "|" * 500,
    "Căn cứ " * 2000,
    "Quyết định số 12/QĐ-UBND " * 3000,
    "QUYẾT ĐỊNH\n" * 1000,
]


@pytest.mark.parametrize("text", DAMAGED, ids=range(len(DAMAGED)))
def test_damaged_text_never_raises_and_spans_hold(text):
    doc = parse_text(text)
    for c in doc.citations:
        assert text[c.start : c.end] == c.text


def test_nul_and_control_characters_are_read_as_spaces_with_original_offsets():
    text = "Căn cứ Quyết\x00định số 12/QĐ-UBND\x1c ngày 3/1/2025;"
    (c,) = parse_text(text).citations
    assert (c.key, c.type, c.date, c.relation) == ("12/QĐ-UBND", "Quyết định", "2025-01-03",
                                                   "based_on")
    assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("text", [PIPE_TABLE, INTERLEAVED_AMENDING, TAX_LETTER, PORTAL],
                         ids=["pipe", "interleaved", "tax", "portal"])
@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_give_the_records_lf_gives(text, eol):
    def records(t):
        d = parse_text(t)
        return (d.document, [(c.key, c.type, c.date, c.issuer, c.relation) for c in d.citations],
                d.relations)

    assert records(text.replace("\n", eol)) == records(text)


# --- the document's own effect ---------------------------------------------------------------

HEADER_2025 = ("BỘ TÀI CHÍNH\nSố: 12/2025/TT-BTC\nHà Nội, ngày 10 tháng 3 năm 2025\nTHÔNG TƯ\n"
               "Quy định về phí\n")

EFFECT_CASES = [
    (HEADER_2025 + "Điều 14. Hiệu lực thi hành\n1. Thông tư này đã được Hội đồng Thẩm phán thông "
     "qua ngày 11 tháng 01 năm 2025 và có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.",
     "2025-03-15", None, "'… này đã được … thông qua ngày … và có hiệu lực …'"),
    (HEADER_2025 + "Trường hợp hợp đồng đã được giao kết và có hiệu lực kể từ ngày 01 tháng 01 năm "
     "2026 thì áp dụng.", None, None, "'và có hiệu lực' of something else"),
    (HEADER_2025 + "Điều 73 Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2025.",
     "2025-07-01", None, "an article's number with no stop"),
    (HEADER_2025 + "Điều 9. Hiệu lực và trách nhiệm thi hành\n1. Hiệu lực thi hành Thông tư này có "
     "hiệu lực thi hành từ ngày 15 tháng 8 năm 2025.", "2025-08-15", None,
     "a heading run into its sentence"),
    (HEADER_2025 + "Điều 1. Sửa đổi Điều 8 như sau: “Điều 8. Hiện đại hoá quản lý.”Điều 2 "
     "Thông tư này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", "2026-01-01", None,
     "an article right after a quotation's end"),
    (HEADER_2025 + "Trường hợp Thông tư này có hiệu lực từ ngày 01 tháng 01 năm 2026 thì áp dụng.",
     None, None, "the words inside another sentence"),
    (HEADER_2025 + "Điều 9. Thông tư này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
     "2025-07-01", None, "a dated clause"),
    (HEADER_2025 + "Điều 9. Thông tư này có hiệu lực kể từ ngày ký ban hành.",
     "2025-03-10", None, "from signature: the document's own date"),
    (HEADER_2025 + "Điều 9. Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký.",
     "2025-04-24", None, "N days after signature, computed"),
    (HEADER_2025 + "2. Thông tư này có hiệu lực từ ngày 01/4/2025 đến hết ngày 31/12/2026.",
     "2025-04-01", "2026-12-31", "an end date the text sets"),
    (HEADER_2025 + "Điều 1. Sửa đổi Điều 5 như sau: “Luật này có hiệu lực thi hành từ ngày "
     "01 tháng 01 năm 2020.”", None, None, "a quoted clause belongs to the amended text"),
    (HEADER_2025 + "Điều 1. Sửa đổi khoản 2 như sau:\n“2. Phạt cảnh cáo.\"Điều 2. Hiệu lực thi "
     "hành\nThông tư này có hiệu lực thi hành từ ngày 10 tháng 4 năm 2025.", "2025-04-10", None,
     "a quotation closed by a straight quote: the effect clause after it is the text's"),
    (HEADER_2025 + "Điều 1. Điều 3 như sau: “Thuật ngữ \"đơn vị\" là tổ chức. Luật này có hiệu lực "
     "thi hành từ ngày 01 tháng 01 năm 2020.”", None, None,
     "a pair of straight quotes inside a quotation does not close it"),
    (HEADER_2025 + "trước ngày Luật này có hiệu lực thi hành thì được tiếp tục thực hiện.",
     None, None, "'before this law takes effect' is not its clause"),
    (HEADER_2025 + "Điều 9. Thông tư này có hiệu lực từ ngày 01/4/2025.\n2. Hồ sơ nộp kể từ thời "
     "điểm Thông tư này có hiệu lực thi hành đến hết ngày 30/11/2025 được giải quyết.",
     "2025-04-01", None, "a filing window is not the document's end date"),
    (HEADER_2025 + "Điều 9. Hiệu lực thi hành\n1. Thông tư có hiệu lực từ ngày 01/4/2025.\n"
     "2. Thông tư\nnày hết hiệu lực kể từ ngày 01/01/2027.", None, "2027-01-01",
     "an end clause whose 'này' opens a line"),
    ("Số: 72/2025/QH15\nHà Nội, ngày 16 tháng 6 năm 2025\nLUẬT\nSửa đổi\nĐiều 5.\n1. Luật này có "
     "hiệu lực thi hành từ ngày được thông qua.\n", "2025-06-16", None,
     "'… từ ngày được thông qua': the document's own date"),
    ("Số: 31/2024/QH15\nHà Nội, ngày 18 tháng 01 năm 2024\nLUẬT\nĐẤT ĐAI\nĐiều 252. Hiệu lực thi "
     "hành\n1.[28] Luật này có hiệu lực thi hành từ ngày 01 tháng 8 năm 2024.\n", "2024-08-01",
     None, "a footnote's mark before 'Luật này'"),
]


@pytest.mark.parametrize("text,effective,expires,note", EFFECT_CASES,
                         ids=[c[-1][:40] for c in EFFECT_CASES])
def test_own_effective_and_end_dates(text, effective, expires, note):
    doc = parse_text(text).document
    assert (doc.effective, doc.expires) == (effective, expires)


@pytest.mark.parametrize("text,relation,partial", [
    # replacing words of a text amends it, in part
    ("Thay thế cụm từ “huyện đảo” bằng “đặc khu” tại Nghị định số 11/2021/NĐ-CP.", "amends", True),
    ("Điều 5 của Thông tư số 12/2020/TT-BTC hết hiệu lực.", "repeals", True),
    ("Luật số 17/2012/QH13 hết hiệu lực, trừ trường hợp quy định tại khoản 1 Điều 86.", "repeals",
     False),
    ("Điều 3. Bãi bỏ khoản 2 Điều 3 của Quyết định số 12/2020/QĐ-UBND.", "repeals", True),
    ("Điều 3. Bãi bỏ Quyết định số 12/2020/QĐ-UBND.", "repeals", False),
    ("Quyết định này thay thế Quyết định số 84/2020/QĐ-UBND.", "replaces", False),
    ("Bãi bỏ một số điều của Quyết định số 12/2020/QĐ-UBND.", "repeals", True),
    # forms of a text amended: in part
    ("12. Sửa đổi các mẫu ban hành kèm theo Thông tư số 12/2015/TT-BTC như sau:", "amends", True),
    # the words repealed, quoted, hold commas of their own
    ("r) Bãi bỏ cụm từ “thanh tra,” tại điểm a khoản 5 Điều 190, khoản 3 Điều 234 của Luật Đất "
     "đai số 31/2024/QH15;", "repeals", True),
    ("g) Bãi bỏ cụm từ “, thanh tra sở, thanh tra huyện” tại khoản 3 Điều 63 của Luật Khiếu nại "
     "số 02/2011/QH13;", "repeals", True),
    ("Bãi bỏ cụm từ “thanh tra sở”, “thanh tra huyện” tại khoản 3 Điều 63 của Luật Khiếu nại "
     "số 02/2011/QH13;", "repeals", True),
    # a comma outside the quotation still cuts the verb off
    ("Bãi bỏ cụm từ “thanh tra” tại khoản 3 Điều 63, nội dung khác giữ như Luật Khiếu nại "
     "số 02/2011/QH13;", "cites", False),
])
def test_partial_repeal_is_marked(text, relation, partial):
    (c,) = parse_text(text).citations
    assert (c.relation, c.partial) == (relation, partial)


def test_a_letter_without_title_keeps_its_subject_opening_with_its_type_word():
    # "Số: 212/HD-BTV" / "Hướng dẫn tổ chức đại hội": no title, so a Công văn,
    # whose subject (no "V/v" typed) opens with the word its symbol names
    doc = parse_text(ASSOCIATION_LETTER).document
    assert (doc.type, doc.subject) == ("Công văn", "Hướng dẫn tổ chức đại hội")
