# ruff: noqa: E501 - the documents keep the long lines real ones have
"""Short documents in the forms real ones take (header with the motto,
"Số:", place and date, title, "Căn cứ …", "Thực hiện …", an effect clause
that repeals an older decision), written here for the app's tests: they go
through the real readers, parser and resolver, so the app is tested on what
ingest makes of real wording.

The graph they make, around Decree 126/2024/NĐ-CP (the hub):

* Quyết định 15/2025/QĐ-UBND of Lâm Đồng rests on the decree and the Law
  72/2025/QH15, and replaces Quyết định 07/2019/QĐ-UBND (ingested too, so
  its status becomes "bị thay thế"), which Công văn 250/SNV-TCBC still
  cites as its basis afterwards (a dead citation);
* Kế hoạch 40/KH-UBND implements Quyết định 15/2025/QĐ-UBND, and a
  Công văn 210/SNV-TCBC guides it: a lineage of three levels;
* :data:`CITERS` letters of the Sở Nội vụ each rest on the decree, so its
  group "Được căn cứ bởi" holds more than the page shows ("Xem thêm");
* the plan names "Chỉ thị số 05/CT-UBND" without a date: unresolved, with
  the ingested Chỉ thị 05/CT-UBND of 2023 and of 2024 as candidates.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["CITERS", "DEAD_CITER", "DECREE", "DECISION", "DIRECTIVE", "OLDER_DIRECTIVE",
           "OLD_DECISION", "PLAN",
           "write_documents"]

DECREE = "vn/national/2024/nd/126/2024-nd-cp"
DECISION = "vn/lam-dong/2025/qd/15/2025-qd-ubnd"
OLD_DECISION = "vn/lam-dong/2019/qd/7/2019-qd-ubnd"
PLAN = "vn/lam-dong/2025/kh/40/kh-ubnd"
DIRECTIVE = "vn/lam-dong/2024/ct/5/ct-ubnd"
OLDER_DIRECTIVE = "vn/lam-dong/2023/ct/5/ct-ubnd"
DEAD_CITER = "vn/lam-dong/2025/vb/250/snv-tcbc"
#: Letters citing the decree (more than one page of a diagram group).
CITERS = 12

HEADER = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG                           Độc lập - Tự do - Hạnh phúc

Số: {number}                       Lâm Đồng, ngày {day} tháng {month} năm {year}
"""

OLD = HEADER.format(number="07/2019/QĐ-UBND", day="14", month="3", year="2019") + """
QUYẾT ĐỊNH
Ban hành Quy chế tổ chức và hoạt động của các hội trên địa bàn tỉnh

ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của các hội.
Điều 2. Quyết định này có hiệu lực kể từ ngày 25 tháng 3 năm 2019.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""

DECISION_TEXT = HEADER.format(number="15/2025/QĐ-UBND", day="05", month="8", year="2025") + """
QUYẾT ĐỊNH
Ban hành Quy chế quản lý hội, quỹ xã hội trên địa bàn tỉnh Lâm Đồng

ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;
Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hội, quỹ xã hội trên địa bàn tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 8 năm 2025 và thay thế Quyết định số 07/2019/QĐ-UBND ngày 14 tháng 3 năm 2019 của Ủy ban nhân dân tỉnh Lâm Đồng.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""

PLAN_TEXT = HEADER.format(number="40/KH-UBND", day="20", month="8", year="2025") + """
KẾ HOẠCH
Triển khai Quy chế quản lý hội, quỹ xã hội năm 2025

Thực hiện Quyết định số 15/2025/QĐ-UBND ngày 05/8/2025 của Ủy ban nhân dân tỉnh ban hành Quy chế quản lý hội, quỹ xã hội trên địa bàn tỉnh,

Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:

I. MỤC ĐÍCH, YÊU CẦU
Các sở, ngành, UBND các xã, phường tổ chức thực hiện đúng quy định tại Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ; tiếp tục thực hiện Chỉ thị số 05/CT-UBND của Ủy ban nhân dân tỉnh.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""

GUIDE_TEXT = """UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                               Độc lập - Tự do - Hạnh phúc

Số: 210/SNV-TCBC                     Lâm Đồng, ngày 02 tháng 9 năm 2025
V/v hướng dẫn thực hiện Kế hoạch quản lý hội năm 2025

Kính gửi: UBND các xã, phường.

Hướng dẫn thực hiện Kế hoạch số 40/KH-UBND ngày 20/8/2025 của Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị các địa phương rà soát danh sách hội đang hoạt động.

GIÁM ĐỐC
"""

DIRECTIVE_TEXT = HEADER.format(number="05/CT-UBND", day="11", month="4", year="2024") + """
CHỈ THỊ
Về tăng cường quản lý nhà nước đối với hội trên địa bàn tỉnh

Thời gian qua, công tác quản lý hội trên địa bàn tỉnh đã đạt kết quả nhất định. Chủ tịch Ủy ban nhân dân tỉnh chỉ thị các sở, ngành thực hiện tốt các nhiệm vụ sau.

CHỦ TỊCH
"""

DEAD_TEXT = """UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                               Độc lập - Tự do - Hạnh phúc

Số: 250/SNV-TCBC                     Lâm Đồng, ngày 10 tháng 9 năm 2025
V/v báo cáo tình hình hoạt động của hội

Kính gửi: Các hội có phạm vi hoạt động trong tỉnh.

Căn cứ Quyết định số 07/2019/QĐ-UBND ngày 14/3/2019 của Ủy ban nhân dân tỉnh ban hành Quy chế tổ chức và hoạt động của các hội trên địa bàn tỉnh;
Sở Nội vụ đề nghị các hội báo cáo tình hình hoạt động năm 2025.

GIÁM ĐỐC
"""

CITER_TEXT = """UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                               Độc lập - Tự do - Hạnh phúc

Số: {number}/SNV-TCBC                  Lâm Đồng, ngày {day} tháng 10 năm 2025
V/v thẩm định điều lệ hội {name}

Kính gửi: Ban vận động thành lập hội {name}.

Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội;
Xét hồ sơ đề nghị của Ban vận động, Sở Nội vụ có ý kiến về dự thảo điều lệ hội như sau.

GIÁM ĐỐC
"""

NAMES = ["Cựu giáo chức", "Người cao tuổi", "Khuyến học", "Làm vườn", "Sinh vật cảnh",
         "Doanh nghiệp trẻ", "Nạn nhân chất độc da cam", "Luật gia", "Cựu thanh niên xung phong",
         "Bảo trợ người khuyết tật", "Đông y", "Nhà báo", "Văn học nghệ thuật", "Cà phê"]


def write_documents(folder: Path) -> list[Path]:
    """Write the documents (UTF-8 .txt) into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {"qd-07-2019.txt": OLD, "qd-15-2025.txt": DECISION_TEXT, "kh-40-2025.txt": PLAN_TEXT,
             "cv-210-2025.txt": GUIDE_TEXT, "ct-05-2024.txt": DIRECTIVE_TEXT,
             "cv-250-2025.txt": DEAD_TEXT,
             "ct-05-2023.txt": DIRECTIVE_TEXT.replace("năm 2024", "năm 2023")}
    for i in range(CITERS):
        texts[f"cv-{300 + i}-2025.txt"] = CITER_TEXT.format(number=300 + i, day=f"{i + 1:02d}",
                                                            name=NAMES[i])
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
