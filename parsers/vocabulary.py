"""Tables of Vietnamese legal vocabulary. The patterns in ``parsers.patterns``
are generated from these tables, so adding a document type or a trigger phrase
is a one-line change here.

Vietnamese terms used below:
- *loại văn bản*: document type (Quyết định = decision, Chỉ thị = directive,
  Nghị quyết = resolution, Nghị định = government decree, Thông tư = ministerial
  circular, Công văn = official letter, Công điện = urgent dispatch, ...).
- *số, ký hiệu*: number and symbol, e.g. "09/CT-UBND" (state style: number,
  optional year, type abbreviation, issuer) or "58-QĐ/TU" (Party style: number,
  hyphen, type abbreviation, slash, Party committee).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocType:
    """One document type: its canonical name, how it is written in running text
    (folded: lowercase, no diacritics, đ→d), and the abbreviations it takes in
    a symbol."""

    name: str
    phrases: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()


#: Ordered longest-phrase-first where one phrase extends another
#: ("thong tu lien tich" before "thong tu"); the pattern builder sorts anyway.
DOC_TYPES: tuple[DocType, ...] = (
    DocType("Quyết định", ("quyet dinh",), ("QĐ",)),
    DocType("Chỉ thị", ("chi thi",), ("CT",)),
    DocType("Nghị quyết liên tịch", ("nghi quyet lien tich",), ("NQLT",)),
    DocType("Nghị quyết", ("nghi quyet",), ("NQ",)),
    DocType("Thông báo", ("thong bao ket luan", "thong bao"), ("TB",)),
    DocType("Kế hoạch liên tịch", ("ke hoach lien tich",), ("KHLT",)),
    DocType("Hướng dẫn liên tịch", ("huong dan lien tich",), ("HDLT",)),
    DocType("Chương trình liên tịch", ("chuong trinh lien tich",), ("CTrLT",)),
    DocType("Kế hoạch", ("ke hoach hanh dong", "ke hoach"), ("KH",)),
    DocType("Kết luận", ("ket luan",), ("KL",)),
    DocType("Công văn", ("cong van",), ("CV",)),
    DocType("Công điện", ("cong dien",), ("CĐ",)),
    DocType("Nghị định", ("nghi dinh",), ("NĐ",)),
    DocType("Thông tư liên tịch", ("thong tu lien tich",), ("TTLT",)),
    DocType("Thông tư", ("thong tu",), ("TT",)),
    DocType("Quy định", ("quy dinh", "qui dinh"), ("QĐi", "QyĐ")),  # "Qui" of older texts
    DocType("Bộ luật", ("bo luat",), ()),
    DocType("Luật", ("luat",), ()),
    DocType("Pháp lệnh", ("phap lenh",), ("PL",)),
    DocType("Lệnh", ("lenh",), ("L",)),
    DocType("Hướng dẫn", ("huong dan",), ("HD",)),
    DocType("Phương án", ("phuong an",), ("PA",)),
    DocType("Đề án", ("de an",), ("ĐA",)),
    DocType("Chương trình", ("chuong trinh hanh dong", "chuong trinh"), ("CTr", "CTrPH")),
    DocType("Báo cáo", ("bao cao",), ("BC",)),
    DocType("Tờ trình", ("to trinh",), ("TTr",)),
    DocType("Quy chế", ("quy che", "qui che"), ("QC",)),
    # Party circulars; their "TT" must not make them a Thông tư, so no abbreviation
    DocType("Thông tri", ("thong tri",), ()),
    DocType("Văn bản hợp nhất", ("van ban hop nhat",), ("VBHN",)),
    DocType("Biên bản", ("bien ban",), ("BB",)),
    DocType("Giấy mời", ("giay moi",), ("GM",)),
    # the rest of Decree 30/2020/NĐ-CP's table (Phụ lục III) and the province
    # offices' own "Phiếu trình" (PT): types a title or a reference may name
    DocType("Phiếu trình", ("phieu trinh",), ("PT",)),
    DocType("Thông cáo", ("thong cao",), ()),
    DocType("Dự án", ("du an",), ()),
    DocType("Bản ghi nhớ", ("ban ghi nho",), ()),
    DocType("Bản thỏa thuận", ("ban thoa thuan",), ()),
    DocType("Giấy ủy quyền", ("giay uy quyen",), ("GUQ",)),
    DocType("Giấy giới thiệu", ("giay gioi thieu",), ()),
    DocType("Giấy nghỉ phép", ("giay nghi phep",), ()),
    DocType("Phiếu gửi", ("phieu gui",), ()),
    DocType("Phiếu chuyển", ("phieu chuyen",), ()),
    DocType("Phiếu báo", ("phieu bao",), ()),
    DocType("Sắc lệnh", ("sac lenh",), ("SL",)),
    DocType("Hiến pháp", ("hien phap",), ()),
)

#: Titles a document may carry that are not numbered types of its own
#: citations ("THAM LUẬN", "PHỤ LỤC", "ĐIỀU LỆ"): read only for the
#: document's own identity.
TITLE_ONLY_TYPES: tuple[DocType, ...] = (
    DocType("Tham luận", ("tham luan",)),
    DocType("Giải trình", ("giai trinh",)),
    DocType("Phụ lục", ("phu luc",)),
    DocType("Đề cương", ("de cuong",)),
    DocType("Điều lệ", ("dieu le",)),
    DocType("Danh sách", ("danh sach",)),
    DocType("Bản cam kết", ("ban cam ket",)),
)

#: Written before a number when the type is not named ("văn bản số 1234/BTC-CST"):
#: the type then comes from the symbol, or is a Công văn.
GENERIC_PHRASES: tuple[str, ...] = ("van ban",)

#: Forms and templates: a number right after one of them is the form's,
#: whatever type word stands before ("Biên bản mẫu số 04/…").
FORM_PHRASES: tuple[str, ...] = ("mau", "bieu mau", "mau bieu", "phu luc", "to khai",
                                 "bang so", "so do")  # (tables, diagrams)
#: Numbered things that are not documents: forms ("Mẫu số 01/GTGT"),
#: appendices, contracts, invoices, codes. A bare number/symbol right after
#: one of these is not a reference.
NOT_DOCUMENT_PHRASES: tuple[str, ...] = (
    *FORM_PHRASES, "bieu", "hop dong", "hoa don", "ma so", "ky hieu", "tai khoan", "so hieu",
)

#: A symbol's last part naming its issuer, and the words (folded) any name of
#: that issuer holds: an issuer stated for a list is not given to an item
#: whose symbol names another body ("Nghị quyết số 140/NQ-CP và Chương trình
#: số 06-CTr/TU của Ban Thường vụ Tỉnh ủy").
ISSUER_CODE_WORDS: dict[str, tuple[str, ...]] = {
    "CP": ("chinh phu",), "TTg": ("thu tuong",), "VPCP": ("van phong chinh phu",),
    "QH": ("quoc hoi",), "TW": ("trung uong", "bi thu", "bo chinh tri"), "TU": ("tinh uy",),
    "HĐND": ("hoi dong nhan dan", "hdnd"), "UBND": ("uy ban nhan dan", "ubnd"),
}
#: A symbol with no type abbreviation (576/UBND-TH, 2181/STC-QLG&CS) is an
#: official letter.
DEFAULT_TYPE = "Công văn"

TYPE_BY_NAME: dict[str, DocType] = {t.name: t for t in DOC_TYPES}
#: Abbreviations a type also carries although they name another type: Party
#: rules (Quy định) are numbered "QĐ/TU" like decisions. An item in a list
#: ("các Quy định số 70-QĐ/TU và 04-QĐ/TU") keeps the list's type then.
ALSO_WRITTEN: dict[str, frozenset[str]] = {"Quy định": frozenset({"QĐ"})}
TYPE_BY_ABBREVIATION: dict[str, str] = {
    abbr: t.name for t in DOC_TYPES for abbr in t.abbreviations
}
#: "72/2025/QH15": a National Assembly (Quốc hội) symbol with no type
#: abbreviation is a law.
QUOC_HOI_TYPE = "Luật"

#: Symbol parts that carry a lowercase letter in canonical form.
_MIXED = {a for t in DOC_TYPES for a in t.abbreviations if a != a.upper()}
MIXED_CASE_PARTS: dict[str, str] = {
    "TTG": "TTg", "TTR": "TTr", "CTR": "CTr", "QĐI": "QĐi",
    **{a.upper(): a for a in _MIXED},
    **{a.replace("Đ", "D").upper(): a for a in _MIXED},  # a copy without diacritics
}
#: Table abbreviations with a lowercase letter inside ("QyĐ", "CTrLT"), also
#: spelled without Đ: the symbol pattern lists them, since its parts are
#: capitals with at most a final lowercase letter.
INNER_LOWER_PARTS: tuple[str, ...] = tuple(sorted(
    {v for a in _MIXED if any(c.islower() for c in a[:-1]) for v in (a, a.replace("Đ", "D"))},
    key=len, reverse=True))

#: Symbol parts spelled with Đ. OCR and lost diacritics turn Đ into D (and,
#: in scans, into P or B: "HPND"); these are restored to the canonical form.
#: Parts that are real ASCII abbreviations (HD = Hướng dẫn) are never rewritten.
PARTS_WITH_D_BAR: tuple[str, ...] = (
    "QĐ", "NĐ", "CĐ", "HĐND", "ĐA", "BCĐ", "ĐU", "ĐUK", "ĐUQS", "HĐ", "QĐi", "NQĐ", "ĐHĐCĐ",
    "ĐTN", "ĐĐBQH", "BĐBP", "ĐCT",
    # department codes of Sở and Phòng letters (đầu tư, đào tạo, đô thị, đất đai, …)
    "ĐT", "ĐĐ", "QLĐT", "QLĐĐ", "GDĐT", "SGDĐT", "KHĐT", "SKHĐT", "ĐTXD", "QLĐTXD",
    "TĐKT", "ĐKKD", "LĐTBXH", "SLĐTBXH", "BLĐTBXH", "ĐBQH", "HĐTV", "HĐQT", "ĐKĐĐ",
    "VPĐK", "VPĐKĐĐ", "KTĐT", "QLĐ", "ĐN", "ĐBSCL", "GTĐT", "TCĐ", "ĐP", "CQĐP", "HĐXD",
    "QLĐP", "ĐKĐT",
    # seen in real symbols (courts, election councils, Party steering boards,
    # the Front's joint resolutions, sports federations)
    "HĐTP", "HĐBC", "HĐBCQG", "BCĐTW", "BCĐBQH", "BCĐBHĐND", "ĐCTUBTWMTTQVN", "CĐS", "ĐLS",
    "BVĐ", "ĐKKD", "ĐMDN", "HĐBT", "HĐPH", "TTHĐND", "SLĐTBXH", "LĐQV", "LĐ", "ĐC", "TĐTN",
    "BCTĐ", "CLĐ", "QĐC",
    # every other part spelled with Đ in the development corpus's symbols, so
    # that a copy without diacritics gives the same keys
    "BCTĐ&TTN", "BCĐ06", "BCĐHĐND", "BCĐX", "BGDĐT", "BKHĐT", "BLĐTB&XH", "CCQLĐĐ",
    "CNDLTTĐĐ", "CĐKDLTTĐĐ", "GD&ĐT", "GĐBTTĐC", "HHDLLĐ", "HHĐG&MT", "KTĐN", "LĐBB", "LĐBD",
    "LĐVL&TN", "LĐVTCT.LĐ", "LĐVTCTLĐ", "LĐVVN", "LĐYLĐ", "NĐ.CP", "ONĐ", "PCĐS", "PĐXXĐTMS",
    "QĐ.UB", "QĐ.UBND", "TBXĐTMS", "TCQLĐĐ", "TCĐC", "TGĐ", "THĐ", "TLĐ", "TMĐM", "TMĐN",
    "TSDĐ", "UBCTĐB15", "XDCQĐP", "XĐTMS", "XĐTXX", "Đ1", "ĐCKS", "ĐGS", "ĐK", "ĐNTL", "ĐTDN",
    "ĐTND", "ĐTNN", "ĐTXDCT", "ĐĐN",
)
#: Parts whose Đ scans also misread as P or B ("HPND", "QB").
OCR_P_B_PARTS: frozenset[str] = frozenset(
    {"HĐND", "QĐ", "NĐ", "CĐ", "BCĐ", "HĐTP", "SLĐTBXH", "BLĐTBXH", "ĐCTUBTWMTTQVN", "HĐBCQG"}
)
ASCII_PARTS_KEPT: frozenset[str] = frozenset(
    {"HD", "BB", "PA", "BC", "CP", "PL", "BP", "QP", "BQP", "DP", "CB"}
)

#: A type abbreviation typed onto its issuer ("118/2025/NĐCP", "TTBTC"):
#: these type parts, followed by one of these issuer parts, get their hyphen
#: back. Only the first letter part of a key, and only these pairs: "TTHT"
#: (a tax office's department) stays as it is.
GLUED_TYPES: tuple[str, ...] = ("TTLT", "NQLT", "NĐ", "TT", "QĐ", "NQ", "CT", "CĐ", "KH", "TB",
                                "HD", "BC")
GLUED_ISSUERS: frozenset[str] = frozenset(
    """CP TTg UBND HĐND BTC BCA BNV BTP BYT BXD BCT BQP BGDĐT BKHĐT BTNMT BNNPTNT BNNMT
    BLĐTBXH BVHTTDL BTTTT BKHCN BGTVT BNG BDTTG NHNN VPCP TTCP KTNN TANDTC VKSNDTC
    UBTVQH HĐTP""".split()
)
#: Issuers of the slash-less keys of the 1980s-90s ("Nghị định 61-CP",
#: "Quyết định 123-TTg", "Nghị định 15-HĐBT"): such a key has no "/".
OLD_STYLE_ISSUERS: frozenset[str] = frozenset({"CP", "TTg", "HĐBT", "HĐNN", "LCT", "UB"})
#: Issuer parts that never end in a digit: a digit typed onto one is a
#: footnote marker ("126/2024/NĐ-CP1"). QH, UBTVQH and units like PC04 do.
FOOTNOTE_SAFE_PARTS: frozenset[str] = frozenset(
    {"CP", "TTg", "UBND", "HĐND", "BTC", "BCA", "BNV", "BTP", "BYT", "BXD", "BCT", "TW", "TU",
     "VPCP", "NHNN", "BTNMT", "BGDĐT", "BKHĐT", "BLĐTBXH", "BNNPTNT", "BGTVT", "BTTTT"}
)
#: Parts that look glued but are codes of their own.
GLUED_KNOWN: frozenset[str] = frozenset({"TTCP", "TTHT", "TTTT", "CTCP"})

# --- Relation triggers -------------------------------------------------------
# Folded phrases in the sentence before a reference that say how the citing
# document relates to it. ``max_gap`` is how far (in characters) the phrase may
# stand before the reference: "Thực hiện nghiêm Quy định số …" is close;
# "hướng dẫn" only counts right before the reference ("hướng dẫn Nghị định
# số …"), because "được hướng dẫn tại Công văn số …" only mentions it.


@dataclass(frozen=True, slots=True)
class Trigger:
    phrase: str
    relation: str
    max_gap: int = 80
    #: A next word that makes the phrase part of a name, not a verb (folded).
    not_before: str = ""


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("can cu", "based_on"),  # at a clause start it reaches the whole clause
    Trigger("thuc hien", "implements"),
    Trigger("trien khai", "implements"),
    Trigger("cu the hoa", "implements"),
    # not "thi hành án" (enforcing judgments): "Luật Thi hành án dân sự", "Cục
    # Thi hành án dân sự" name a law's field or a body
    Trigger("thi hanh", "implements", not_before="an"),
    # the object of these is often a long phrase: "bổ sung một số điều của Quy
    # chế … ban hành kèm theo Quyết định số …", "bãi bỏ khoản 2 Điều 3 của …"
    Trigger("sua doi", "amends", 130),
    Trigger("bo sung", "amends", 130),
    Trigger("dinh chinh", "amends", 130),
    Trigger("thay the", "replaces", 130),
    # words of a text dropped or changed: "Bỏ một số cụm từ tại Nghị định …"
    Trigger("bo cum tu", "amends", 130),
    Trigger("bo mot so cum tu", "amends", 130),
    Trigger("bo mot so tu", "amends", 130),
    Trigger("sua cum tu", "amends", 130),
    Trigger("bai bo", "repeals", 130),
    Trigger("huy bo", "repeals", 130),
    Trigger("quy dinh chi tiet", "guides"),
    Trigger("quy dinh chi tiet thi hanh", "guides"),  # (not the "thi hành" in it)
    Trigger("huong dan thi hanh", "guides"),
    Trigger("huong dan thuc hien", "guides"),
    Trigger("huong dan trien khai", "guides"),
    Trigger("huong dan", "guides", 3),
    # "Nghị quyết này hướng dẫn một số quy định … của Bộ luật Dân sự số …"
    # (with its longer forms, so that "này hướng dẫn" does not hide them)
    Trigger("nay huong dan thi hanh", "guides", 130),
    Trigger("nay huong dan thuc hien", "guides", 130),
    Trigger("nay huong dan", "guides", 130),
)

#: Phrases that open the description of a cited document ("Kế hoạch số … về
#: triển khai thực hiện Nghị quyết số …"): a trigger after one of them states a
#: relation between the two cited documents, not of the citing one.
SUBJECT_OPENERS: tuple[str, ...] = ("ve viec", "ve", "v/v", "nham", "ban hanh", "phe duyet")

# --- Issuers -------------------------------------------------------------------

def _names(listed: str) -> tuple[str, ...]:
    """The names of a "|"-separated list written over several lines, each
    stripped (a name at a line's end keeps no indentation)."""
    return tuple(name.strip() for name in listed.split("|"))


#: Lowercase words that may continue an issuer name after "của"
#: ("thành" only inside the BODY_NAMES "thành phố", "thành ủy": not "thành lập")
#: ("của Ban Thường vụ Tỉnh ủy", "của Chủ tịch UBND thành phố"). Capitalized
#: words and acronyms always continue it.
ISSUER_WORDS: frozenset[str] = frozenset(
    """tinh pho huyen xa phuong quan uy ban nhan dan thuong vu truc
    chap hanh chinh phu thu tuong chu tich quoc hoi dong bo so nganh trung uong dang
    doan lien van phong cuc tong vien khoa nhiem ky kiem tra giam sat mat to
    cong an quan su bien phong hai quan thue kho bac ngan hang nha nuoc toa
    khu vuc dac biet cap gy ay tri giao duc dao noi xay dung te thuong bau
    nong nghiep ke hoach dau phap thong van tin truyen hoa the du
    lich ngoai ninh toc chuc lao binh hoc nghe tuyen dan kiem ly nghi lan thu
    nhat hai ba bon sau bay tam chin muoi ty tnhh co phan mot vien hop tac
    tap doan mai dich san xuat nhap khau doc toi cao nghia truong ubnd hdnd ubmttq mttq""".split()
)
#: Words a body's name starts with (folded): an issuer read before a type
#: word ("Ngày …, Chủ tịch UBND tỉnh có Công văn số …") starts at one.
ISSUER_STARTS: tuple[str, ...] = _names(
    """chu tich|pho chu tich|uy ban|ubnd|hdnd|hoi dong|bo|so|cuc|chi cuc|tong cuc|vien|toa an
    |ban|van phong|thu tuong|pho thu tuong|chinh phu|quoc hoi|tinh uy|thanh uy|huyen uy|dang uy
    |dang bo|cong an|lien doan|hiep hoi|hoi|doan|giam doc|pho giam doc|cuc truong|truong ban
    |truong phong|pho truong phong
    |thong doc|bo truong|thu truong|chanh van phong|kho bac|ngan hang|thanh tra|kiem toan
    |mat tran|ubmttq|mttq|tong lien doan|lien hiep|cau lac bo|cong ty|quy|trung tam|phong
    |bo chinh tri|ban bi thu|ban chap hanh|ban thuong vu|thuong truc|chanh thanh tra|chanh an
    |benh vien""")
#: Heads of associations, whose names may hold common lowercase words
#: ("Hiệp hội Nước mắm Phan Thiết", "Liên đoàn Quần vợt tỉnh Bình Thuận").
ASSOCIATION_HEADS: frozenset[str] = frozenset(
    {"hiep", "hoi", "lien", "cau", "cong", "quy", "doan", "tong"}
)
#: Names of bodies (folded) whose words alone would not continue an issuer
#: ("vận tải", "tài nguyên và môi trường", "kinh tế và ngân sách", "thị
#: trấn"): read as a whole where they stand, like a place name. The police
#: departments' names ("Cục Cảnh sát điều tra tội phạm về ma túy") hold words in
#: small letters that no other name continues with.
BODY_NAMES: tuple[str, ...] = _names(
    """giao thong van tai|tai nguyen va moi truong|tai nguyen moi truong|tai chinh
    |nong nghiep va phat trien nong thon|nong nghiep va moi truong|phat trien nong thon
    |van hoa, the thao va du lich|van hoa the thao va du lich|van hoa the thao du lich
    |ke hoach va dau tu|lao dong - thuong binh va xa hoi|lao dong thuong binh va xa hoi
    |thong tin va truyen thong|khoa hoc va cong nghe|giao duc va dao tao|kinh te va ngan sach
    |kinh te - ngan sach|ngan hang nha nuoc|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao
    |toa an nhan dan|thi tran|thi xa|dan toc|noi vu|tu phap|y te|xay dung|cong thuong
    |phap che|van hoa - xa hoi|van hoa xa hoi|thong doc|giam doc|cong hoa xa hoi chu nghia viet nam
    |viet nam dan chu cong hoa|mat tran to quoc viet nam|mat tran to quoc|thanh pho|thanh uy
    |thanh vien|thanh nien|bau cu|ban chi dao|to cong tac|van thu va luu tru|van thu - luu tru
    |luu tru|dien luc|vat gia|quoc gia|an toan giao thong|the duc the thao|the thao
    |khoa hoc va ky thuat|khoa hoc ky thuat|giao thong - van tai|van hoa - thong tin
    |van hoa-thong tin|van hoa thong tin|lam thoi
    |canh sat dieu tra toi pham ve ma tuy|canh sat dieu tra toi pham ve trat tu xa hoi
    |canh sat dieu tra toi pham ve tham nhung, kinh te, buon lau
    |canh sat quan ly hanh chinh ve trat tu xa hoi|canh sat phong chay, chua chay va cuu nan, cuu ho
    |canh sat phong chay chua chay va cuu nan cuu ho|canh sat hinh su|canh sat kinh te
    |canh sat giao thong|canh sat moi truong|canh sat co dong|canh sat truy na toi pham""")
#: Words that end an issuer even when capitalized ("… của UBND thành phố Kết
#: luận cuộc họp …", OCR "… Tinh Gy Ve viée …").
ISSUER_STOP_WORDS: frozenset[str] = frozenset(
    """ve v/v ket quy huong thuc trien sua thay bai nham theo ngay hoac la
    da dang duoc se cho den voi trong tren ap phe kinh mau""".split()
)
#: The stop words that end an issuer when capitalized: "Về", "Kết luận", but
#: not "Tài" (Bộ Tài chính) or "Đảng" (Trung ương Đảng), which fold like "tại", "đang".
ISSUER_STOP_CAPITALIZED: frozenset[str] = frozenset(
    "ve v/v ket quy huong thuc trien sua thay bai nham theo ngay kinh mau phe".split()
)
#: Provinces and centrally-run cities (folded): an issuer may break across a
#: line inside one ("UBND tỉnh Lào \n\nCai"), where a capitalized word on a new
#: line would otherwise open a new sentence.
PLACE_NAMES: tuple[str, ...] = _names(
    """an giang|ba ria vung tau|ba ria - vung tau|bac giang|bac kan|bac lieu|bac ninh|ben tre
    |binh dinh|binh duong|binh phuoc|binh thuan|ca mau|can tho|cao bang|da nang|dak lak
    |dak nong|dien bien|dong nai|dong thap|gia lai|ha giang|ha nam|ha noi|ha tinh|hai duong
    |hai phong|hau giang|hoa binh|hung yen|khanh hoa|kien giang|kon tum|lai chau|lam dong
    |lang son|lao cai|long an|nam dinh|nghe an|ninh binh|ninh thuan|phu tho|phu yen
    |quang binh|quang nam|quang ngai|quang ninh|quang tri|soc trang|son la|tay ninh
    |thai binh|thai nguyen|thanh hoa|thua thien hue|hue|tien giang|ho chi minh|tra vinh
    |tuyen quang|vinh long|vinh phuc|yen bai""")
#: Head nouns that cannot end an issuer name ("Ban", "Bộ", "Sở"): the name
#: goes on even on the next line ("của Ban\nBí thư").
ISSUER_HEADS: frozenset[str] = frozenset(
    "ban bo so cuc tong vien vu van hoi chu thu pho uy".split()
)
#: Joiners inside one issuer name when a capitalized word follows ("Sở Giáo
#: dục và Đào tạo", "Bộ Lao động - Thương binh và Xã hội").
ISSUER_JOINERS: frozenset[str] = frozenset({"va", "-"})


# --- Header --------------------------------------------------------------------
#: Folded fragments of the national motto and the Party heading that share a
#: line with the issuing body in two-column headers.
MOTTO_FRAGMENTS: tuple[str, ...] = (
    "cong hoa xa hoi", "doc lap", "tu do", "hanh phuc", "dang cong san viet nam",
)
#: Lines that open the body: the subject (trích yếu) stops before them.
BODY_OPENERS: tuple[str, ...] = (
    "can cu", "kinh gui", "kinh thua", "ngay", "thuc hien", "theo", "trong", "hom nay", "sau khi",
)
#: Sections of the body, which open it with their number ("Điều 1.", "Chương
#: II"; "Điều lệ Hội …" on a subject's second line is no section).
BODY_SECTIONS: tuple[str, ...] = ("dieu", "chuong", "phan", "muc")
#: Authority lines printed between the subject and the body of decrees and
#: decisions ("CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …").
AUTHORITY_OPENERS: tuple[str, ...] = (
    "chinh phu", "chu tich", "bo truong", "thu tuong", "uy ban nhan dan", "ubnd",
    "hoi dong nhan dan", "hdnd", "ban thuong vu", "ban chap hanh", "tinh uy",
    "thanh uy", "quoc hoi", "uy ban thuong vu", "giam doc", "tong cuc truong",
    "cuc truong", "chanh van phong", "bo chinh tri", "ban bi thu",
)
#: The offices an authority line may name before its body ("CHỦ TỊCH ỦY BAN
#: NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ TƯ PHÁP", "TỔNG CỤC TRƯỞNG TỔNG CỤC …").
AUTHORITY_ROLES: tuple[str, ...] = (
    "chu tich", "bo truong", "thu tuong", "giam doc", "tong cuc truong", "cuc truong",
    "chanh van phong",
)
#: The national motto and the Party heading as word sequences (folded): a
#: header cell whose words are a run of one of them is the right column,
#: even when a flattened layout cuts it into pieces ("CỘNG HÒA XÃ" /
#: "HỘI CHỦ NGHĨA VIỆT NAM").
MOTTOS: tuple[tuple[str, ...], ...] = (
    tuple("cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc".split()),
    tuple("dang cong san viet nam".split()),
)
#: Words only the motto has: a run of motto words is the motto when it holds
#: one of them ("VIỆT NAM" alone may end a body's name).
MOTTO_MARKS: frozenset[str] = frozenset("hoa nghia doc lap hanh phuc san".split())
#: Words that open the second line of one body's name ("ỦY BAN NHÂN DÂN" /
#: "TỈNH LÂM ĐỒNG"): that line joins the previous one with a space, where a
#: sub-body ("VĂN PHÒNG", "CỤC THUẾ") joins with " - ".
ADMIN_UNITS: tuple[str, ...] = (
    "tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "dac khu",
    "khu vuc", "viet nam", "trung uong", "toi cao", "nhan dan",
)
#: Last words of a line that leave a body's name unfinished ("ỦY BAN NHÂN",
#: "HỘI ĐỒNG"): the next line goes on with a space.
UNFINISHED_NAME_ENDS: frozenset[str] = frozenset(
    "uy ban nhan hoi va cua thuong chap ban chi".split()
)
#: Header marks that are not part of any name: draft, secrecy and urgency stamps.
HEADER_STAMPS: tuple[str, ...] = (
    "du thao", "mat", "toi mat", "tuyet mat", "khan", "thuong khan", "hoa toc", "hoa toc hen gio",
)
#: A line that opens the body: the header (and a subject) ends before it.
HEADER_BODY_OPENERS: tuple[str, ...] = (
    "can cu", "kinh gui", "dieu 1", "chuong i", "chuong 1", "phan i", "phan 1", "hom nay",
    "thuc hien", "xet de nghi", "theo de nghi",
)
