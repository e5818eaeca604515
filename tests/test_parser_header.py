"""Table-driven tests of the document's own identity (header block)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import DocumentIdentity, parse_text

PROVINCIAL_NOTICE = """UBND TỈNH LẠNG SƠN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG                   Độc lập - Tự do - Hạnh phúc

Số: 72/TB-UBND              Lạng Sơn, ngày 20 tháng 3 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp
về công tác giải phóng mặt bằng

Ngày 18/3/2026, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp.
"""

OFFICIAL_LETTER = """BỘ TÀI CHÍNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1234/BTC-CST
V/v hướng dẫn chính sách thuế
Hà Nội, ngày 05 tháng 02 năm 2025

Kính gửi: Cục Thuế các tỉnh, thành phố.
"""

DECREE = """CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 130/2005/NĐ-CP
Hà Nội, ngày 17 tháng 10 năm 2005

NGHỊ ĐỊNH
QUY ĐỊNH CHẾ ĐỘ TỰ CHỦ, TỰ CHỊU TRÁCH NHIỆM VỀ SỬ DỤNG BIÊN CHẾ

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;
"""

PARTY_DECISION = """ĐẢNG BỘ TỈNH LẠNG SƠN          ĐẢNG CỘNG SẢN VIỆT NAM
BAN THƯỜNG VỤ TỈNH ỦY
*
Số 58-QĐ/TU                     Lạng Sơn, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH
về việc phân công các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy

- Căn cứ Điều lệ Đảng;
"""

DRAFT = """UBND TỈNH CAO BẰNG
Số:      /TB-UBND                Cao Bằng, ngày     tháng 4 năm 2026

THÔNG BÁO
Kết luận cuộc họp

Ngày 1/4/2026, ...
"""

OCR_HEADER = """UBND TINH LANG SON  CONG HOA XA HQI CHU NGHIA VIET NAM

VAN PHONG DPgc 1ap - Tw do - Hanh phuc
S6:71  /TB-VP Lang Son, ngay 30 thang 01 nam 2026
THONG BAO

Két luan ciia dong chi Chii tich UBND tinh

Ngay 28/01/2026, thuc hién Chwong trinh cong tac
"""

REPORT = """UBND TỈNH CAO BẰNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                            Độc lập - Tự do - Hạnh phúc
Số: 15/BC-UBND              Cao Bằng, ngày 02 tháng 12 năm 2025

BÁO CÁO
Kết quả thực hiện công tác phòng, chống
thiên tai năm 2025


   I. ĐÁNH GIÁ CHUNG

   Năm 2025 trên địa bàn tỉnh xảy ra nhiều đợt mưa lớn.
"""

NO_HEADER = "Các xã tiếp tục thực hiện tốt nhiệm vụ được giao.\n"

CASES = [
    (PROVINCIAL_NOTICE, DocumentIdentity(
        "Thông báo", "72", "TB-UBND", "72/TB-UBND", "2026-03-20", "Lạng Sơn",
        "UBND TỈNH LẠNG SƠN - VĂN PHÒNG",
        "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác giải phóng mặt bằng")),
    (OFFICIAL_LETTER, DocumentIdentity(
        "Công văn", "1234", "BTC-CST", "1234/BTC-CST", "2025-02-05", "Hà Nội", "BỘ TÀI CHÍNH",
        "hướng dẫn chính sách thuế")),
    (DECREE, DocumentIdentity(
        "Nghị định", "130", "NĐ-CP", "130/2005/NĐ-CP", "2005-10-17", "Hà Nội", "CHÍNH PHỦ",
        "QUY ĐỊNH CHẾ ĐỘ TỰ CHỦ, TỰ CHỊU TRÁCH NHIỆM VỀ SỬ DỤNG BIÊN CHẾ")),
    (PARTY_DECISION, DocumentIdentity(
        "Quyết định", "58", "QĐ/TU", "58-QĐ/TU", "2025-11-20", "Lạng Sơn",
        "ĐẢNG BỘ TỈNH LẠNG SƠN - BAN THƯỜNG VỤ TỈNH ỦY",
        "về việc phân công các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy")),
    (DRAFT, DocumentIdentity(  # a draft prints its place, not its date
        "Thông báo", None, "TB-UBND", None, None, "Cao Bằng", "UBND TỈNH CAO BẰNG",
        "Kết luận cuộc họp")),
    (REPORT, DocumentIdentity(  # the subject ends before section I of the body
        "Báo cáo", "15", "BC-UBND", "15/BC-UBND", "2025-12-02", "Cao Bằng", "UBND TỈNH CAO BẰNG",
        "Kết quả thực hiện công tác phòng, chống thiên tai năm 2025")),
    (NO_HEADER, DocumentIdentity()),
]


@pytest.mark.parametrize("text,expected", CASES,
                         ids=["provincial", "letter", "decree", "party", "draft", "report", "none"])
def test_identity(text, expected):
    assert parse_text(text).document == expected


def test_ocr_header_identity_without_the_subject():
    doc = parse_text(OCR_HEADER).document
    assert (doc.type, doc.number, doc.symbol, doc.key, doc.date, doc.place, doc.issuer) == (
        "Thông báo", "71", "TB-VP", "71/TB-VP", "2026-01-30", "Lang Son",
        "UBND TINH LANG SON - VAN PHONG")


@pytest.mark.xfail(strict=True, reason="known limit: the subject is reported as printed, so "
                   "OCR's 'Két luan ciia ... Chii tich' is kept; a reader wants 'Kết luận của "
                   "đồng chí Chủ tịch UBND tỉnh' (at least its letters without diacritics)")
def test_ocr_header_subject_is_what_a_reader_sees():
    subject = parse_text(OCR_HEADER).document.subject or ""
    plain = "".join(c for c in unicodedata.normalize("NFD", subject)
                    if not unicodedata.combining(c)).replace("đ", "d").lower()
    assert plain == "ket luan cua dong chi chu tich ubnd tinh"


def test_own_number_is_not_a_citation_but_body_references_are():
    doc = parse_text(DECREE)
    assert [c.key for c in doc.citations] == []
    doc = parse_text(PROVINCIAL_NOTICE + "Thực hiện Chỉ thị số 09/CT-UBND ngày 10/4/2026.\n")
    assert [c.key for c in doc.citations] == ["09/CT-UBND"]


def test_blank_draft_number_is_not_a_reference():
    assert parse_text(DRAFT).citations == ()


def test_field_starts_are_the_field_patterns_first_letters():
    """A cell is tried as a "Số:" field only when it opens with a letter the
    field's pattern can open with: every type word's and the "s"."""
    import re

    from parsers.header import _FIELD_STARTS
    from parsers.patterns import HEADER_FIELD
    types = re.search(r"\(\?P<type>([^)]*)\)", HEADER_FIELD.pattern).group(1).split("|")
    assert "(?P<s>s)" in HEADER_FIELD.pattern
    assert {t[0] for t in types} | {"s"} == set(_FIELD_STARTS)


def _is_upper_by_counting(raw: str) -> bool:
    """The capitals test as first written: every letter counted."""
    letters = sum(map(str.isalpha, raw))
    if letters < 2:
        return False
    if raw.isupper():
        return True
    return sum(map(str.islower, raw)) <= 0.2 * letters


@pytest.mark.parametrize("raw", ["ỦY BAN NHÂN DÂN", "UBND tỉnh", "Về việc tổ chức hội nghị", "",
                                 "KẾ HOẠCH Thực hiện", "THÔNG BÁo", "a" * 8 + "A" * 32,
                                 "A" * 40 + "a" * 10, "1 a", "ªªªªª" + "A" * 30])
def test_is_upper_decides_as_counting_every_letter(raw):
    from parsers.header_text import _is_upper
    assert _is_upper.__wrapped__(raw) == _is_upper_by_counting(raw)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Ủ", "ủ", "BAN", "ban", "A", "a", " ", "1", "-", ".", "ª", "ǅ",
                                 "ß", "Σ", "ς", "\u0345", "Ⅻ", "ⅻ", "ǈ", "đ", "Đ", "  "]),
                max_size=60).map("".join))
def test_is_upper_decides_as_counting_every_letter_generated(raw):
    """The capitals test stops early on prose: the same answer as counting."""
    from parsers.header_text import _is_upper
    assert _is_upper.__wrapped__(raw) == _is_upper_by_counting(raw)


@pytest.mark.parametrize("text", ["doc lap - tu do", "xhoax", "cong san", "ubnd tinh", "", "nghi",
                                  "phu c", "hoa1", "_hoa_", "thanh pho", "ban hanh", "hành",
                                  "hoa\u00e0", "(phuc)", "san9", "9san"])
def test_motto_marks_found_as_words(text):
    """The quick test finds a mark where the word list holds one."""
    from parsers.header_text import _MOTTO_MARK, _WORDS
    from parsers.vocabulary import MOTTO_MARKS
    assert (_MOTTO_MARK.search(text) is not None) == any(
        w in MOTTO_MARKS for w in _WORDS.findall(text))


def _flattened(issuer: str, title_and_rest: str, number: str = "Số: 10/2024/TT-BTNMT") -> str:
    """A portal page flattened to lines: the header's columns on one line each,
    the place-and-date, title, subject and body run together."""
    return (f"{issuer} -------\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
            f"{number}\nHà Nội, ngày 31 tháng 7 năm 2024 {title_and_rest}")


SUBJECTS = [
    # a "V/v" typed inside quotation marks, ending where the quotation does
    ("BCH ĐOÀN TỈNH LÂM ĐỒNG\n***\nSố: 156 -CV/TĐTN-BCTĐ&TTN\n“V/v giới thiệu Lãnh đạo tham "
     "gia\nBan Vì sự tiến bộ của phụ nữ\nvà tổ thư ký, giúp việc”\n\nĐOÀN TNCS HỒ CHÍ MINH\n\nLâm "
     "Đồng, ngày 04 tháng 9 năm 2025\n\nKính gửi: Sở Nội vụ tỉnh Lâm Đồng\n",
     "giới thiệu Lãnh đạo tham gia Ban Vì sự tiến bộ của phụ nữ và tổ thư ký, giúp việc"),
    # a rule drawn under the subject ends it
    ("VĂN PHÒNG CHÍNH PHỦ\n_______________\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự "
     "do - Hạnh phúc\n\nSố:          /CĐ-VPCP\n\nHà Nội, ngày      tháng      năm\n\nCÔNG ĐIỆN\n"
     "mời dự Hội nghị triển khai Chương trình mục tiêu quốc gia\nphòng, chống ma túy đến năm 2030\n"
     "__________________\n\nVĂN PHÒNG CHÍNH PHỦ điện:\n\n- Các Bộ: Công an, Quốc phòng;\n",
     "mời dự Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030"),
    # an old title prints the authority and the own number around the subject
    (_flattened("QUỐC HỘI", "LUẬT CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ "
                "29/2001/QH10 VỀ HẢI QUAN\nCăn cứ vào Hiến pháp;\n", "Số: 29/2001/QH10"),
     "VỀ HẢI QUAN"),
    (_flattened("QUỐC HỘI", "LUẬT SỐ13/2003/QH11 CỦA QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                "NAM VỀ ĐẤT ĐAI\nCăn cứ vào Hiến pháp;\n", "Số: 13/2003/QH11"),
     "VỀ ĐẤT ĐAI"),
    (_flattened("CHÍNH PHỦ", "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 61-CP NGÀY 05 THÁNG 7 NĂM 1994 VỀ MUA BÁN "
                "VÀ KINH DOANH NHÀ Ở\nCăn cứ Luật Tổ chức Chính phủ;\n", "Số: 61-CP"),
     "VỀ MUA BÁN VÀ KINH DOANH NHÀ Ở"),
    (_flattened("QUỐC HỘI", "LUẬT ĐẤT ĐAI SỐ 24-L/CTN NGÀY 14/07/1993 CỦA QUỐC HỘI Đất đai là tài "
                "nguyên quốc gia vô cùng quý giá;\n", "Số: 24-L/CTN"), "ĐẤT ĐAI"),
    (_flattened("QUỐC HỘI", "LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT HẢI QUAN CỦA QUỐC HỘI NƯỚC "
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 42/2005/QH11 NGÀY 14 THÁNG 6 NĂM 2005\n"
                "Căn cứ vào Hiến pháp;\n", "Số: 42/2005/QH11"),
     "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT HẢI QUAN"),
    (_flattened("QUỐC HỘI", "LUẬT TRÁCH NHIỆM BỒI THƯỜNG CỦA NHÀ NƯỚC CỦA QUỐC HỘI KHOÁ XII, KỲ "
                "HỌP THỨ 5\nCăn cứ Hiến pháp;\n", "Số: 35/2009/QH12"),
     "TRÁCH NHIỆM BỒI THƯỜNG CỦA NHÀ NƯỚC"),
    # the issuing body's line after the subject; a preamble after its capitals
    (_flattened("HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO", "NGHỊ QUYẾT HƯỚNG DẪN ÁP DỤNG MỘT SỐ "
                "QUY ĐỊNH VỀ LÃI SUẤT HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO\nCăn cứ Luật Tổ "
                "chức Tòa án nhân dân;\n", "Số: 01/2019/NQ-HĐTP"),
     "HƯỚNG DẪN ÁP DỤNG MỘT SỐ QUY ĐỊNH VỀ LÃI SUẤT"),
    (_flattened("QUỐC HỘI", "HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM LỜI NÓI ĐẦU Trải "
                "qua mấy nghìn năm lịch sử, Nhân dân Việt Nam lao động cần cù;\n", "Số: /"),
     "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    # a subject that names its issuer after "của" keeps it
    (_flattened("ỦY BAN NHÂN DÂN TỈNH KON TUM", "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY "
                "BAN NHÂN DÂN TỈNH KON TUM\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
                "Số: 12/QĐ-UBND"), "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH KON TUM"),
    # the body's first sentence runs on after the subject's capitals
    (_flattened("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
                "THÔNG TƯ QUY ĐỊNH VỀ HỒ SƠ ĐỊA CHÍNH Căn cứ Luật Đất đai ngày 18 tháng 01"
                " năm 2024;\nCăn cứ Nghị định số 22/2025/NĐ-CP;\n"),
     "QUY ĐỊNH VỀ HỒ SƠ ĐỊA CHÍNH"),
    (_flattened("PHỦ THỦ TƯỚNG", "CHỈ THỊ VỀ CÔNG TÁC ĐO ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC Ngày 24"
                " tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số 169-CP.\n",
                "Số: 299/TTg"),
     "VỀ CÔNG TÁC ĐO ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC"),
    # and the authority line between them goes with the body
    (_flattened("QUỐC HỘI", "NGHỊ QUYẾT VỀ NHÀ ĐẤT TRƯỚC NGÀY 01 THÁNG 7 NĂM 1991 QUỐC HỘI"
                " NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Xét thấy, việc quản lý nhà đất;\n",
                "Số: 23/2003/QH11"),
     "VỀ NHÀ ĐẤT TRƯỚC NGÀY 01 THÁNG 7 NĂM 1991"),
    (_flattened("BỘ TƯ PHÁP", "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2015 BỘ TRƯỞNG BỘ TƯ"
                " PHÁP Căn cứ Nghị định số 22/2013/NĐ-CP;\n", "Số: 173/QĐ-BTP"),
     "BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2015"),
    # the authority at the end of the subject's line, the body on the next
    (_flattened("ỦY BAN NHÂN DÂN TỈNH KON TUM", "QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH"
                " ĐỘNG NĂM 2020 ỦY BAN NHÂN DÂN TỈNH KON TUM\nCăn cứ Luật Tổ chức chính quyền"
                " địa phương ngày 19 tháng 6 năm 2015;\n", "Số: 435/QĐ-UBND"),
     "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG NĂM 2020"),
    (_flattened("ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ"
                " DỤNG ĐẤT HUYỆN CHÂU THÀNH CHỦ TỊCH UBND TỈNH TÂY NINH\nCăn cứ Luật Đất đai;\n",
                "Số: 3745/QĐ-UBND"),
     "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT HUYỆN CHÂU THÀNH"),
    # the authority names the issuer without its parent body, or without its place
    (_flattened("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN", "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY TRÌNH KIỂM TRA"
                " TỔNG CỤC TRƯỞNG TỔNG CỤC HẢI QUAN\nCăn cứ Luật Hải quan số 54/2014/QH13;\n",
                "Số: 2135/QĐ-TCHQ"),
     "VỀ VIỆC BAN HÀNH QUY TRÌNH KIỂM TRA"),
    (_flattened("UỶ BAN NHÂN DÂN TỈNH TUYÊN QUANG", "QUYẾT ĐỊNH BAN HÀNH MỨC TRỢ GIÚP TRÊN ĐỊA"
                " BÀN TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH\nCăn cứ Luật Ngân sách;\n",
                "Số: 1056/QĐ-CT"),
     "BAN HÀNH MỨC TRỢ GIÚP TRÊN ĐỊA BÀN TỈNH TUYÊN QUANG"),
    # the issuer's name inside the subject is not its authority line
    (_flattened("QUỐC HỘI", "LUẬT SỬA ĐỔI LUẬT BẦU CỬ ĐẠI BIỂU QUỐC HỘI VÀ ĐẠI BIỂU HỘI ĐỒNG"
                " NHÂN DÂN\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n",
                "Luật số: 83/2025/QH15"),
     "SỬA ĐỔI LUẬT BẦU CỬ ĐẠI BIỂU QUỐC HỘI VÀ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN"),
    (_flattened("ỦY BAN NHÂN DÂN TỈNH KON TUM", "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY"
                " BAN NHÂN DÂN TỈNH KON TUM\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
                "Số: 12/QĐ-UBND"),
     "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH KON TUM"),
    # a title in capitals wrapped at a compound's dash
    (_flattened("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "QUYẾT ĐỊNH\nBAN HÀNH CHƯƠNG TRÌNH THỰC HIỆN KẾ "
                "HOẠCH PHÁT TRIỂN KINH TẾ\n- XÃ HỘI NĂM 2024\nBỘ TRƯỞNG BỘ TÀI NGUYÊN VÀ MÔI "
                "TRƯỜNG\nCăn cứ Nghị định số 68/2022/NĐ-CP;\n", "Số: 59/QĐ-BTNMT"),
     "BAN HÀNH CHƯƠNG TRÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"),
    # a consolidated text: the law it merges is named after the title
    (_flattened("VĂN PHÒNG QUỐC HỘI", "LUẬT QUY HOẠCH Luật Quy hoạch số 21/2017/QH14 ngày 24 "
                "tháng 11 năm 2017 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2019, "
                "được sửa đổi, bổ sung bởi:\n1. Luật số 15/2023/QH15;\n", "Số: 131/VBHN-VPQH"),
     "QUY HOẠCH"),
    # a sentence-case subject is not cut at a capital word
    (_flattened("BỘ TƯ PHÁP", "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch Thực hiện Đề án năm 2015\n"
                "Căn cứ Nghị định số 22/2013/NĐ-CP;\n", "Số: 17/QĐ-BTP"),
     "Về việc ban hành Kế hoạch Thực hiện Đề án năm 2015"),
]


@pytest.mark.parametrize("text,subject", SUBJECTS)
def test_subject_stops_where_the_body_or_its_authority_line_starts(text, subject):
    assert parse_text(text).document.subject == subject


def _header(left: str) -> str:
    return (f"{left}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 101/2025/UBTVQH15\nHà Nội, ngày 5 tháng 3 năm 2025\nNGHỊ QUYẾT\nVề việc x\n")


@pytest.mark.parametrize("left,issuer", [
    ("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"),  # the nation ends the name
    ("HỘI ĐỒNG BẦU CỬ\nQUỐC GIA", "HỘI ĐỒNG BẦU CỬ QUỐC GIA"),
    ("UBND TỈNH LÂM ĐỒNG\nTRUNG TÂM XÚC TIẾN ĐẦU TƯ,\nTHƯƠNG MẠI VÀ DU LỊCH",  # its comma
     "UBND TỈNH LÂM ĐỒNG - TRUNG TÂM XÚC TIẾN ĐẦU TƯ, THƯƠNG MẠI VÀ DU LỊCH"),
    ("HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NINH", "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH"),
    ("BỘ TÀI CHÍNH\nCỤC THUẾ", "BỘ TÀI CHÍNH - CỤC THUẾ"),  # a body and its sub-body
])
def test_issuer_lines_of_one_name_are_joined_as_one_name(left, issuer):
    assert parse_text(_header(left)).document.issuer == issuer


def _letter(subject_lines: str, after: str = "\nKính gửi: Ủy ban nhân dân tỉnh.\n") -> str:
    return ("SỞ NỘI VỤ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 448/SNV-TCBC\nLâm Đồng, ngày 05 tháng 02 năm 2025\n"
            f"V/v {subject_lines}\n{after}")


@pytest.mark.parametrize("text,subject", [
    # the next line goes on naming what the line above began
    (_letter("ý kiến đối với việc công nhận Ban vận động thành lập\n"
             "Hội Thừa phát lại tỉnh Lâm Đồng"),
     "ý kiến đối với việc công nhận Ban vận động thành lập Hội Thừa phát lại tỉnh Lâm Đồng"),
    (_letter("triển khai thực hiện\nCông văn số 5689/BCA-C04 của Bộ Công an"),
     "triển khai thực hiện Công văn số 5689/BCA-C04 của Bộ Công an"),
    # a verb or a head that calls for its object or name ("phê duyệt", "việc",
    # "Hiệp hội"), even when the next line opens with "Điều lệ"
    (_letter("báo cáo kết quả Đại hội và đề nghị phê duyệt\nĐiều lệ Hội Golf tỉnh Lâm Đồng"),
     "báo cáo kết quả Đại hội và đề nghị phê duyệt Điều lệ Hội Golf tỉnh Lâm Đồng"),
    (_letter("đổi tên và phê duyệt Điều lệ Hiệp hội\n Thể thao giải trí và dưới nước tỉnh Lâm "
             "Đồng"),
     "đổi tên và phê duyệt Điều lệ Hiệp hội Thể thao giải trí và dưới nước tỉnh Lâm Đồng"),
    (_letter("báo cáo giải trình việc\nGiải thể Hiệp hội rau quả Đà Lạt"),
     "báo cáo giải trình việc Giải thể Hiệp hội rau quả Đà Lạt"),
    # a line opening with a qualifier of the name above, or an association's name
    (_letter("cho phép đổi tên Hội Nữ hộ sinh tỉnh Bình Thuận\n(trước sắp xếp) thành Hội Hộ "
             "sinh Lâm Đồng"),
     "cho phép đổi tên Hội Nữ hộ sinh tỉnh Bình Thuận (trước sắp xếp) thành Hội Hộ sinh Lâm Đồng"),
    (_letter("phê duyệt Điều lệ (sửa đổi, bổ sung)\nHiệp hội Nước mắm Phan Thiết tỉnh Lâm Đồng"),
     "phê duyệt Điều lệ (sửa đổi, bổ sung) Hiệp hội Nước mắm Phan Thiết tỉnh Lâm Đồng"),
    (_letter("tổ chức hội nghị tổng kết\n(Kèm theo Kế hoạch số 5/KH-UBND)"),
     "tổ chức hội nghị tổng kết"),
    # a sentence of the body does not
    (_letter("tổ chức hội nghị tổng kết", "Điều 1. Thành lập Ban Chỉ đạo.\n"),
     "tổ chức hội nghị tổng kết"),
    (_letter("tổ chức hội nghị tổng kết", "Thực hiện chỉ đạo của UBND tỉnh, Sở Nội vụ báo cáo.\n"),
     "tổ chức hội nghị tổng kết"),
    (_letter("tổ chức hội nghị tổng kết", "Các sở, ngành chuẩn bị báo cáo.\n"),
     "tổ chức hội nghị tổng kết"),
    # nor a list after a colon, a paragraph after a blank line, a speech's address
    (_letter("hợp nhất các văn bản sau:\nQuyết định số 5/QĐ-UBND ngày 1/1/2025"),
     "hợp nhất các văn bản sau:"),
    (_letter("công tác phòng, chống ma túy năm 2025",
             "\nTrong năm 2025, tình hình tội phạm về ma túy trên địa bàn tỉnh diễn biến phức tạp, "
             "các đối tượng lợi dụng mạng xã hội để hoạt động, lực lượng chức năng đã tập trung "
             "đấu tranh, triệt phá nhiều đường dây.\n"),
     "công tác phòng, chống ma túy năm 2025"),
    (_letter("công tác phòng, chống ma túy", "Kính thưa các đồng chí lãnh đạo!\n"),
     "công tác phòng, chống ma túy"),
])
def test_subject_goes_on_over_a_name_and_stops_at_the_body(text, subject):
    assert parse_text(text).document.subject == subject


_PLAN = """UBND TỈNH CAO BẰNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                            Độc lập - Tự do - Hạnh phúc
Số: 16/KH-UBND              Cao Bằng, ngày 18 tháng 11 năm 2025

{title}
{first}
và bầu cử đại biểu Hội đồng nhân dân các cấp

Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân;
"""


@pytest.mark.parametrize("title,first,subject", [
    # a plan's subject may open with "Thực hiện", right under its title
    ("KẾ HOẠCH", "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI",
     "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử đại biểu Hội đồng nhân dân"
     " các cấp"),
    # an invitation's first sentence is its body, not a subject
    ("GIẤY MỜI", "Thực hiện Công điện số 63/CĐ-VPCP ngày 11/01/2026 của Văn phòng Chính phủ, "
     "Ủy ban nhân dân tỉnh mời họp như sau:", None),
])
def test_a_subject_opening_with_thuc_hien_under_its_title(title, first, subject):
    assert parse_text(_PLAN.format(title=title, first=first)).document.subject == subject


def test_a_labelled_time_line_is_no_place_and_date():
    """A meeting programme's "Thời gian: …, ngày …" is when the meeting is,
    not where and when the document was signed."""
    text = ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nCHƯƠNG TRÌNH\nHội nghị triển khai Chương trình mục tiêu"
            "\nThời gian: ½ ngày, bắt đầu lúc 08h00, ngày 09/10/2025\nĐịa điểm: Hội trường.\n")
    doc = parse_text(text).document
    assert (doc.place, doc.date) == (None, None)


@pytest.mark.parametrize("date_line,place,date", [
    ("Hà Nội, ngày 05 tháng 8 năm 2025", "Hà Nội", "2025-08-05"),
    ("Hà Nội, ngày        tháng       năm 2025", "Hà Nội", None),  # a draft's blanks
])
def test_place_and_date_printed_after_kinh_gui(date_line, place, date):
    """A ministry letter flattened with its place-and-date line after "Kính gửi:"."""
    text = ("BỘ NỘI VỤ\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 15/BNV-CCHC\nV/v cập nhật số liệu sơ kết\n\nKính gửi:\n\n"
            f"{date_line}\n\n- Các bộ, cơ quan ngang bộ;\n- UBND các tỉnh.\n\n"
            "Triển khai thực hiện Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ Nội vụ.\n")
    doc = parse_text(text).document
    assert (doc.place, doc.date) == (place, date)


@pytest.mark.parametrize("field,key", [
    ("Số: 35 - CV/TU", "35-CV/TU"),  # a Party number, its dash spaced on both sides
    ("Số:114 -11/PT-NC", "114-11/PT-NC"),  # a sub-number typed apart
    ("Số: 12 / QĐ-UBND", "12/QĐ-UBND"),
    ("Số: 1959 / TTr - LT", "1959/TTr-LT"),
    ("Số:      /QĐ-UBND", None),  # a draft's blank stays blank
])
def test_own_number_typed_with_spaced_separators(field, key):
    text = (f"TỈNH ỦY LÂM ĐỒNG\n{field}     Lâm Đồng, ngày 5 tháng 3 năm 2025\n"
            "CÔNG VĂN\nVề việc tham dự hội nghị\n")
    doc = parse_text(text).document
    assert (doc.key, doc.date) == (key, "2025-03-05")


@pytest.mark.parametrize("text,subject", [
    # a list's title, and the table under it
    ("DANH SÁCH\nXã, phường trọng điểm, phức tạp về ma túy năm 2025\n\n\n"
     "|STT       |Đơn vị              |Phân loại |\n|          |Xã Phan Rí Cửa      |II        |\n",
     "Xã, phường trọng điểm, phức tạp về ma túy năm 2025"),
    ("DANH SÁCH\n Thành viên UBND tỉnh tham gia ý kiến đối với dự thảo Quyết định,\n"
     "nhiệm kỳ 2025 - 2030\n\nSố TT\nHọ và tên\nChức vụ, đơn vị\n1\nĐ/c Hồ Văn Mười\n",
     "Thành viên UBND tỉnh tham gia ý kiến đối với dự thảo Quyết định, nhiệm kỳ 2025 - 2030"),
    ("DANH SÁCH\nĐơn vị tham luận tại Hội nghị triển khai Chương trình năm 2030\n\n\nSTT\n"
     "ĐƠN VỊ THAM LUẬN\nCHỦ ĐỀ THAM LUẬN\n1\nBộ Y tế\n",
     "Đơn vị tham luận tại Hội nghị triển khai Chương trình năm 2030"),
    # the title's phrase goes on with the subject's first words
    ("Thông báo kết luận của thứ trưởng Nguyễn Văn A tại hội nghị tổng kết\nBộ Tư pháp\n"
     "Ngày 5/3/2009, tại Hà Nội, Bộ Tư pháp tổ chức hội nghị.\n",
     "kết luận của thứ trưởng Nguyễn Văn A tại hội nghị tổng kết"),
    # "… thành" calls for the name on the next line
    ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc cho phép hợp nhất các "
     "Hội của tỉnh Lâm Đồng, tỉnh Bình Thuận thành\nHội do Đảng, Nhà nước giao nhiệm vụ tỉnh Lâm "
     "Đồng (mới)\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nCăn cứ Luật Tổ chức chính quyền;\n",
     "Về việc cho phép hợp nhất các Hội của tỉnh Lâm Đồng, tỉnh Bình Thuận thành Hội do Đảng, "
     "Nhà nước giao nhiệm vụ tỉnh Lâm Đồng (mới)"),
    # a letter's subject typed "Về …" for "V/v …" in the cell under its number
    ("|ỦY BAN NHÂN DÂN                    |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM          |\n"
     "|TỈNH LÂM ĐỒNG                      |Độc lập - Tự do - Hạnh phúc                 |\n"
     "|Số:            /UBND-NC            |    Lâm Đồng, ngày    tháng 01 năm 2026     |\n"
     "|Về kết quả Đại hội Hội truyền thống|                                            |\n"
     "|Trường Sơn tỉnh Lâm Đồng           |                                            |\n\n\n"
     "Kính gửi: Hội Truyền thống Trường Sơn tỉnh Lâm Đồng\n",
     "Về kết quả Đại hội Hội truyền thống Trường Sơn tỉnh Lâm Đồng"),
])
def test_subject_ends_before_a_table_and_goes_on_where_called_for(text, subject):
    assert parse_text(text).document.subject == subject
