"""Vocabulary of the synthetic corpus: provinces, issuing bodies, document types,
subjects and the prose that fills a body.

Everything the generator says comes from these tables, so a reader who wants to
know "which symbols can appear?" or "which bodies issue Chỉ thị?" looks here.
Vietnamese terms: *UBND* = Ủy ban nhân dân (People's Committee), *HĐND* = Hội
đồng nhân dân (People's Council), *Tỉnh ủy* = provincial Party Committee,
*Sở* = provincial department, *Bộ* = ministry, *TTg* = Thủ tướng (Prime
Minister), *TW* = Trung ương (Party Central Committee).
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------
# Document types: canonical Vietnamese name -> symbol code used in keys.
# --------------------------------------------------------------------------

#: Canonical type name -> the code that stands for it inside a symbol.
TYPE_CODES: dict[str, str] = {
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Nghị quyết": "NQ",
    "Thông báo": "TB",
    "Kế hoạch": "KH",
    "Kết luận": "KL",
    "Công điện": "CĐ",
    "Nghị định": "NĐ",
    "Thông tư": "TT",
    "Quy định": "QĐ",
    "Hướng dẫn": "HD",
    "Báo cáo": "BC",
    "Tờ trình": "TTr",
    "Luật": "",
    "Công văn": "",
}

#: Title line printed in the header for each type (upper case, as in the seeds).
TYPE_TITLES: dict[str, str] = {name: name.upper() for name in TYPE_CODES}


# --------------------------------------------------------------------------
# Issuing bodies.
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Body:
    """One issuing body: how its header reads, how others name it, which types it issues.

    ``types`` maps a type name to a relative frequency; ``style`` is "state"
    (``09/CT-UBND``), "party" (``58-QĐ/TU``) or "law" (``72/2025/QH15``).
    ``suffix`` is what follows the type code in a symbol ("UBND", "TTg", "TU").
    ``letter_unit`` lists the units that appear in official-letter symbols
    (``1431/UBND-VP``, ``2181/STC-QLG&CS``).
    """

    code: str
    name: str
    header: tuple[str, ...]
    cited_as: tuple[str, ...]
    style: str
    suffix: str
    types: dict[str, float]
    weight: float
    letter_unit: tuple[str, ...] = ()
    normative: frozenset[str] = frozenset()
    signer: tuple[str, str] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


#: Provinces: (name, short code used in file names, capital city).
PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("Lạng Sơn", "LS", "Lạng Sơn"),
    ("Cao Bằng", "CB", "Cao Bằng"),
    ("Hà Giang", "HG", "Hà Giang"),
    ("Bắc Giang", "BG", "Bắc Giang"),
    ("Thái Nguyên", "TN", "Thái Nguyên"),
    ("Lào Cai", "LC", "Lào Cai"),
    ("Tuyên Quang", "TQ", "Tuyên Quang"),
    ("Quảng Ninh", "QN", "Hạ Long"),
)

#: Provincial departments: (code, full name, letter units).
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("STC", "Sở Tài chính", ("QLG&CS", "QLNS", "TCDN", "VP")),
    ("SXD", "Sở Xây dựng", ("QLXD", "QLN", "VP")),
    ("SNV", "Sở Nội vụ", ("TCBM", "CCVC", "VP")),
    ("SYT", "Sở Y tế", ("NVY", "KHTC", "VP")),
    ("SGDĐT", "Sở Giáo dục và Đào tạo", ("GDPT", "KHTC", "VP")),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", ("QLĐĐ", "TNN", "VP")),
    ("SCT", "Sở Công Thương", ("QLTM", "QLCN", "VP")),
    ("STP", "Sở Tư pháp", ("XDKTVB", "HCTP", "VP")),
)

_STATE_SIGNER = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


def provincial_bodies(province: str, capital: str) -> list[Body]:
    """The bodies of one province, with their header lines and citation names."""
    up = province.upper()
    cap_up = capital.upper()
    bodies = [
        Body(
            code="UBND", name=f"Ủy ban nhân dân tỉnh {province}",
            header=("ỦY BAN NHÂN DÂN", f"TỈNH {up}"),
            cited_as=("UBND tỉnh", "Ủy ban nhân dân tỉnh", f"UBND tỉnh {province}"),
            style="state", suffix="UBND",
            types={"Quyết định": 30, "Công văn": 30, "Kế hoạch": 14, "Chỉ thị": 4,
                   "Thông báo": 8, "Báo cáo": 6, "Tờ trình": 3, "Công điện": 2},
            weight=40, letter_unit=("KT", "VP", "TH", "KGVX", "NC", "NNTN"),
            normative=frozenset({"Quyết định"}),
        ),
        Body(
            code="VPUBND", name=f"Văn phòng UBND tỉnh {province}",
            header=("UBND TỈNH " + up, "VĂN PHÒNG"),
            cited_as=("Văn phòng UBND tỉnh",),
            style="state", suffix="VP",
            types={"Thông báo": 70, "Công văn": 30},
            weight=10, letter_unit=("TH", "KT", "KGVX"),
            signer=("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
        ),
        Body(
            code="HĐND", name=f"Hội đồng nhân dân tỉnh {province}",
            header=("HỘI ĐỒNG NHÂN DÂN", f"TỈNH {up}"),
            cited_as=("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
            style="state", suffix="HĐND",
            types={"Nghị quyết": 85, "Báo cáo": 15},
            weight=3, normative=frozenset({"Nghị quyết"}),
            signer=("CHỦ TỊCH", ""),
        ),
        Body(
            code="TU", name=f"Ban Thường vụ Tỉnh ủy {province}",
            header=(f"ĐẢNG BỘ TỈNH {up}", "BAN THƯỜNG VỤ TỈNH ỦY"),
            cited_as=("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh"),
            style="party", suffix="TU",
            types={"Nghị quyết": 8, "Chỉ thị": 6, "Kết luận": 10, "Quyết định": 20,
                   "Quy định": 3, "Kế hoạch": 15, "Thông báo": 15, "Công văn": 18,
                   "Hướng dẫn": 5},
            weight=12, signer=("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
        ),
        Body(
            code="UBNDTP", name=f"Ủy ban nhân dân thành phố {capital}",
            header=("ỦY BAN NHÂN DÂN", f"THÀNH PHỐ {cap_up}"),
            cited_as=("UBND thành phố", "Ủy ban nhân dân thành phố"),
            style="state", suffix="UBND",
            types={"Thông báo": 30, "Công văn": 40, "Kế hoạch": 15, "Quyết định": 15},
            weight=10, letter_unit=("VP", "TCKH", "QLĐT"),
        ),
    ]
    for code, name, units in DEPARTMENTS:
        bodies.append(Body(
            code=code, name=f"{name} tỉnh {province}",
            header=(f"UBND TỈNH {up}", name.upper()),
            cited_as=(name,),
            style="state", suffix=code,
            types={"Công văn": 60, "Kế hoạch": 12, "Quyết định": 12,
                   "Hướng dẫn": 8, "Báo cáo": 8},
            weight=3, letter_unit=units,
            signer=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
        ))
    return bodies


#: Central bodies: (body, national-level so cited from every province).
CENTRAL_BODIES: tuple[Body, ...] = (
    Body(
        code="QH", name="Quốc hội", header=("QUỐC HỘI", ""),
        cited_as=("Quốc hội",), style="law", suffix="QH",
        types={"Luật": 70, "Nghị quyết": 30}, weight=1.2,
        normative=frozenset({"Luật", "Nghị quyết"}),
        signer=("CHỦ TỊCH QUỐC HỘI", ""),
    ),
    Body(
        code="CP", name="Chính phủ", header=("CHÍNH PHỦ", ""),
        cited_as=("Chính phủ",), style="state", suffix="CP",
        types={"Nghị định": 60, "Nghị quyết": 40}, weight=4,
        normative=frozenset({"Nghị định"}),
        signer=("TM. CHÍNH PHỦ", "THỦ TƯỚNG"),
    ),
    Body(
        code="TTg", name="Thủ tướng Chính phủ", header=("THỦ TƯỚNG CHÍNH PHỦ", ""),
        cited_as=("Thủ tướng Chính phủ",), style="state", suffix="TTg",
        types={"Quyết định": 45, "Chỉ thị": 15, "Công điện": 20, "Công văn": 20},
        weight=5, letter_unit=("KTTH", "CN", "NN", "V.I"),
        signer=("THỦ TƯỚNG", ""),
    ),
    Body(
        code="TW", name="Ban Chấp hành Trung ương Đảng",
        header=("BAN CHẤP HÀNH TRUNG ƯƠNG", "*"),
        cited_as=("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng"),
        style="party", suffix="TW",
        types={"Nghị quyết": 30, "Chỉ thị": 20, "Kết luận": 35, "Quy định": 15},
        weight=2.5, signer=("T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ"),
    ),
    Body(
        code="BTC", name="Bộ Tài chính", header=("BỘ TÀI CHÍNH", ""),
        cited_as=("Bộ Tài chính",), style="state", suffix="BTC",
        types={"Thông tư": 45, "Công văn": 45, "Quyết định": 10}, weight=3,
        letter_unit=("CST", "NSNN", "QLG", "HCSN"),
        normative=frozenset({"Thông tư"}), signer=("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    ),
    Body(
        code="BNV", name="Bộ Nội vụ", header=("BỘ NỘI VỤ", ""),
        cited_as=("Bộ Nội vụ",), style="state", suffix="BNV",
        types={"Thông tư": 40, "Công văn": 50, "Quyết định": 10}, weight=2,
        letter_unit=("CQĐP", "TCBC", "CCVC"),
        normative=frozenset({"Thông tư"}), signer=("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    ),
    Body(
        code="BXD", name="Bộ Xây dựng", header=("BỘ XÂY DỰNG", ""),
        cited_as=("Bộ Xây dựng",), style="state", suffix="BXD",
        types={"Thông tư": 40, "Công văn": 60}, weight=1.5,
        letter_unit=("QLN", "KTXD", "HĐXD"),
        normative=frozenset({"Thông tư"}), signer=("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    ),
)

#: Type codes that a ``Công văn`` key never has (it is ``number/ISSUER-UNIT``).
PARTY_LETTER_CODE = "CV"

#: Named laws (subject of a ``Luật``), cited as "Luật <name> số 72/2025/QH15".
LAW_NAMES: tuple[str, ...] = (
    "Tổ chức chính quyền địa phương",
    "Ngân sách nhà nước",
    "Đất đai",
    "Ban hành văn bản quy phạm pháp luật",
    "Đầu tư công",
    "Giá",
    "Xây dựng",
    "Cán bộ, công chức",
    "Quy hoạch",
    "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Bảo vệ môi trường",
    "Thực hành tiết kiệm, chống lãng phí",
    "Quản lý, sử dụng tài sản công",
    "Giáo dục",
    "Khám bệnh, chữa bệnh",
    "Lâm nghiệp",
)

#: Topics a document can be about (used after "về", "Về việc", "V/v").
SUBJECTS: tuple[str, ...] = (
    "tăng cường công tác phòng cháy, chữa cháy trong mùa hanh khô",
    "đẩy mạnh chuyển đổi số và phát triển chính quyền số",
    "thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng ngân sách nhà nước",
    "đấu tranh ngăn chặn, đẩy lùi tình trạng buôn lậu, gian lận thương mại và hàng giả",
    "xóa nhà tạm, nhà dột nát trên địa bàn",
    "sắp xếp đơn vị hành chính cấp xã và tổ chức chính quyền địa phương hai cấp",
    "bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
    "đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "tăng cường quản lý giá, bình ổn thị trường dịp cuối năm",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "nâng cao chất lượng giáo dục phổ thông",
    "phòng, chống dịch bệnh và chăm sóc sức khỏe Nhân dân",
    "phát triển kinh tế cửa khẩu và logistics",
    "xây dựng nông thôn mới và giảm nghèo bền vững",
    "cải cách hành chính và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
    "bảo đảm an ninh trật tự, an toàn giao thông",
    "quản lý, bảo vệ và phát triển rừng",
    "tinh gọn tổ chức bộ máy của hệ thống chính trị",
    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "phòng, chống tham nhũng, tiêu cực",
    "chuẩn bị và tổ chức bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp",
    "quản lý chất thải rắn sinh hoạt và bảo vệ môi trường",
    "phát triển du lịch gắn với bảo tồn văn hóa các dân tộc",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "thu hút đầu tư vào các khu, cụm công nghiệp",
    "bảo đảm an sinh xã hội, chăm lo Tết cho người có công và hộ nghèo",
    "quản lý nhà nước về đất đai, khoáng sản",
    "phân cấp, ủy quyền trong quản lý tài chính, ngân sách",
    "nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
    "phát triển kinh tế tập thể, hợp tác xã",
)

#: How a subject line opens, by type.
SUBJECT_OPENERS: dict[str, tuple[str, ...]] = {
    "Quyết định": ("Về việc phê duyệt kế hoạch", "Ban hành Quy chế",
                   "Về việc thành lập Ban Chỉ đạo"),
    "Chỉ thị": ("Về", "Về việc"),
    "Nghị quyết": ("Về", "Quy định một số chính sách về"),
    "Thông báo": ("Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về",
                  "Kết luận giao ban về", "Ý kiến chỉ đạo về"),
    "Kế hoạch": ("Thực hiện", "Triển khai"),
    "Kết luận": ("về", "về tiếp tục"),
    "Công điện": ("Về việc tập trung", "Về"),
    "Nghị định": ("Quy định chi tiết về", "Quy định về"),
    "Thông tư": ("Hướng dẫn về", "Quy định về"),
    "Quy định": ("về", "về trách nhiệm"),
    "Hướng dẫn": ("thực hiện", "về"),
    "Báo cáo": ("Kết quả", "Tình hình"),
    "Tờ trình": ("Về việc ban hành Nghị quyết về", "Đề nghị phê duyệt"),
    "Công văn": ("tăng cường", "triển khai", "đẩy mạnh"),
    "Luật": ("",),
}

#: Sentences of body prose, drawn from the seeds' register. Free of citations,
#: but some carry harmless "số 3", "01/6" or dates that a parser must not take
#: for document numbers.
FILLER: tuple[str, ...] = (
    "Trong thời gian qua, các cấp, các ngành đã chủ động triển khai các nhiệm vụ theo kế "
    "hoạch, chương trình công tác, đạt được nhiều kết quả quan trọng.",
    "Tuy nhiên, bên cạnh các kết quả đạt được, vẫn còn một số hạn chế, khó khăn, vướng mắc "
    "như: công tác giải phóng mặt bằng ở một số dự án còn gặp nhiều khó khăn, ảnh hưởng đến "
    "tiến độ thực hiện các dự án trên địa bàn.",
    "Công tác khám chữa bệnh cho Nhân dân, công tác phòng, chống dịch bệnh được thực hiện tốt.",
    "Công tác giảm nghèo, an sinh xã hội được quan tâm thực hiện.",
    "Việc triển khai thực hiện nhiệm vụ ở một số đơn vị còn chậm, chưa kịp thời, nhất là "
    "công tác bồi thường, giải phóng mặt bằng các dự án.",
    "Tổ công tác số 3 và lãnh đạo một số sở, ngành tỉnh dự làm việc với các xã.",
    "Tiếp tục tham mưu chỉ đạo Đội quản lý thị trường số 01 đẩy mạnh đợt cao điểm đấu "
    "tranh chống buôn lậu.",
    "Tổ chức thăm hỏi, tặng quà tại các trường học, cơ sở mầm non nhân dịp Tết Thiếu nhi "
    "01/6.",
    "Tổ chức các hoạt động hưởng ứng Ngày môi trường thế giới 5/6 và Tháng hành động vì môi "
    "trường.",
    "Thường xuyên theo dõi, đôn đốc nhà thầu thi công đẩy nhanh tiến độ thực hiện các dự án "
    "đầu tư công trên địa bàn.",
    "Kịp thời báo cáo khó khăn, vướng mắc đối với các trường hợp vượt quá thẩm quyền để "
    "Ủy ban nhân dân tỉnh xem xét, chỉ đạo.",
    "Thực hiện nghiêm túc kỷ luật, kỷ cương hành chính, kỷ luật phát ngôn, văn hóa công vụ; "
    "chủ động kiểm tra, rà soát, bảo đảm tiến độ, chất lượng các nội dung công việc.",
    "Đẩy mạnh tuyên truyền, vận động cán bộ, đảng viên và Nhân dân chấp hành nghiêm các quy "
    "định về bảo vệ môi trường.",
    "Tập trung tham mưu giải quyết đơn thư đúng quy định, bảo đảm thời gian, nhất là các "
    "đơn thư liên quan đến tiếp công dân.",
    "Chủ động rà soát, thống kê, đánh giá nguồn lực lao động của địa phương, nhất là người "
    "lao động đi làm ăn xa.",
    "Chuẩn bị các điều kiện tổ chức kỳ tuyển sinh lớp 10 năm học 2025 - 2026 bảo đảm kế "
    "hoạch.",
    "Tăng cường công tác kê khai, đăng ký cấp Giấy chứng nhận quyền sử dụng đất.",
    "Nâng cao chất lượng vệ sinh môi trường, thu gom, vận chuyển chất thải rắn sinh hoạt "
    "trên địa bàn.",
    "Các sở ngành đã giải đáp, hướng dẫn, định hướng rõ các nội dung kiến nghị của các xã.",
    "Bố trí sắp xếp thời gian hợp lý trực tiếp xuống cơ sở để nắm tình hình và phối hợp với "
    "các cơ quan liên quan kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%, tăng 2,1% so với cùng kỳ năm trước.",
    "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 105% dự toán giao.",
    "Hoàn thành 100% số nhà đã đăng ký và được phê duyệt, bảo đảm tiến độ và chất lượng.",
    "Chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về tiến độ, chất lượng công việc "
    "được giao.",
    "Định kỳ hằng quý, 6 tháng, năm báo cáo kết quả thực hiện về cơ quan thường trực để tổng "
    "hợp.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong công tác "
    "tuyên truyền, vận động.",
    "Kiểm tra, đôn đốc, hướng dẫn các đơn vị triển khai thực hiện, kịp thời tháo gỡ vướng mắc.",
    "Bảo đảm kinh phí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy "
    "động hợp pháp khác.",
)

#: Units addressed in numbered sections of notices and directives.
UNITS: tuple[str, ...] = (
    "Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Tư pháp", "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh", "Thuế tỉnh", "Ban Quản lý Khu kinh tế cửa khẩu",
    "Ủy ban nhân dân các xã, phường", "Văn phòng Ủy ban nhân dân tỉnh",
)

#: People who sign (signature block at the end).
SIGNERS: tuple[str, ...] = (
    "Nguyễn Cảnh Toàn", "Hoàng Tuấn Anh", "Vi Thiện Việt", "Nguyễn Văn Hạnh",
    "Lương Trọng Quỳnh", "Đoàn Thu Hà", "Hoàng Văn Nghiệm", "Dương Xuân Huyên",
    "Lâm Thị Phương Thanh", "Trần Thanh Nhàn", "Đinh Hữu Học", "Nông Thị Bích Huệ",
)

#: "Nơi nhận" (recipients) lines at the foot.
RECIPIENTS: tuple[str, ...] = (
    "- Thường trực Tỉnh ủy (b/c);",
    "- Thường trực HĐND tỉnh;",
    "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
    "- Các sở, ban, ngành tỉnh;",
    "- UBND các xã, phường;",
    "- C, PCVP UBND tỉnh, các phòng CM, TTTT;",
    "- Cổng TTĐT tỉnh;",
    "- Lưu: VT, TH.",
)
