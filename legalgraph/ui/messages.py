"""Error messages in Vietnamese for the app's staff.

The readers, the parser and the confirmation helper speak English (the
command line and the logs keep their words); what staff read in the app is
said here again in Vietnamese, with the technical detail kept in
parentheses where it helps an administrator. A message not in the tables
keeps its detail behind a Vietnamese lead, so nothing English stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["confirm_error", "parse_failure", "read_problem"]

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _rules(*pairs: tuple[str, str | Callable[[re.Match[str]], str]]) -> list[_Rule]:
    out: list[_Rule] = []
    for pattern, text in pairs:
        fn = text if callable(text) else (lambda m, t=text: m.expand(t))
        out.append((re.compile(pattern, re.S), fn))
    return out


#: :class:`parsers.readers.ReadError` problems (``exc.problem``), most
#: specific first.
_READ = _rules(
    (r"^empty file \(0 bytes\)", "tệp rỗng (0 byte)"),
    (r"^empty file \(only white space\)", "tệp chỉ có khoảng trắng, không có nội dung"),
    (r"^no text in the file", "tệp không có chữ nào"),
    (r"^only page headers and page numbers, no text",
     "tệp chỉ có tiêu đề trang và số trang, không có nội dung"),
    (r"^no text in the Word file", "tệp Word không có chữ nào"),
    (r"^no visible text in the HTML page", "trang HTML không có chữ nào hiển thị"),
    (r"^this is an old binary Word \.doc file.*|^old binary Word \.doc file.*",
     "đây là tệp Word cũ (.doc), chưa đọc được; hãy mở bằng Word và lưu lại thành .docx"),
    (r"^this is an RTF document.*", "đây là tệp RTF, chưa đọc được; hãy lưu lại thành .docx"),
    (r"^this is an executable program.*", "đây là một chương trình máy tính, không phải văn bản"),
    (r"^this is a (gzip|7-Zip|RAR) archive.*",
     r"đây là tệp nén \1, không phải văn bản; hãy giải nén trước"),
    (r"^this is a media file.*", "đây là tệp âm thanh/hình ảnh động, không phải văn bản"),
    (r"^this is (.*)", r"không phải văn bản đọc được (\1)"),
    (r"^unsupported file type '([^']*)'.*",
     r"không đọc được loại tệp \1; chỉ nhận .txt, .docx, .pdf"),
    (r"^password-protected Word file.*", "tệp Word có mật khẩu; cần bỏ mật khẩu trước khi tải lên"),
    (r"^password-protected PDF.*", "tệp PDF có mật khẩu; cần bỏ mật khẩu trước khi tải lên"),
    (r"^zip archive without word/document\.xml.*",
     "tệp nén không chứa nội dung Word: không phải tệp .docx"),
    (r"^damaged \.docx.*|^not a valid \.docx.*",
     lambda m: f"tệp .docx bị hỏng hoặc tải lên không trọn vẹn ({_detail(m[0])})"),
    (r"^truncated PDF.*", "tệp PDF bị cắt dở (thiếu phần kết thúc); chưa lưu để tránh lưu "
                          "văn bản không đầy đủ"),
    (r"^not a readable PDF.*", lambda m: f"không phải tệp PDF đọc được ({_detail(m[0])})"),
    (r"^PDF has no pages", "tệp PDF không có trang nào"),
    (r"^cannot read page (\d+).*", r"không đọc được trang \1 của tệp PDF"),
    (r"^scanned PDF without text layer; OCR needs tesseract.*",
     "tệp PDF là bản quét, không có lớp chữ, và máy chủ chưa cài phần mềm nhận dạng chữ "
     "(Tesseract tiếng Việt)"),
    (r"^scanned PDF without text layer.*", "tệp PDF là bản quét, không có lớp chữ"),
    (r"^OCR needs tesseract.*", "máy chủ chưa cài phần mềm nhận dạng chữ (Tesseract tiếng "
                                "Việt) để đọc ảnh quét"),
    (r"^OCR failed on page (\d+).*", r"nhận dạng chữ thất bại ở trang \1"),
    (r"^more than (\d+) scanned pages.*", r"bản quét hơn \1 trang; đã từ chối"),
    (r"^not a readable image.*", "không phải tệp ảnh đọc được"),
    (r".* is ([\d.,]+) MiB, above the ([\d.,]+) MiB limit.*",
     r"tệp quá lớn (\1 MiB, giới hạn \2 MiB); hãy tách thành tệp nhỏ hơn"),
    (r".* is larger than the ([\d.,]+) MiB limit.*",
     r"tệp quá lớn (trên \1 MiB); hãy tách thành tệp nhỏ hơn"),
    (r".*unzips to ([\d.,]+) MiB.*", r"tệp Word giải nén ra quá lớn (\1 MiB); đã từ chối"),
    (r"^PDF text exceeds.*", "văn bản trong tệp PDF quá dài; đã từ chối"),
    (r".* × .* pixels, above.*|^page \d+ is .*", "ảnh quét quá lớn; đã từ chối"),
    (r"^image too large.*", "ảnh quá lớn để nhận dạng chữ an toàn"),
    (r"^out of memory while reading.*", "hết bộ nhớ khi đọc tệp; đã từ chối"),
    (r"^binary data, not text.*",
     "tệp không phải văn bản chữ (có dữ liệu nhị phân); có thể đặt sai đuôi tệp"),
    (r"^not valid UTF-8.*",
     "không nhận ra bảng mã của tệp (không phải UTF-8, Windows-1258, TCVN3 hay VNI)"),
    (r"^has a (\S+) byte-order mark but is not valid.*",
     r"tệp ghi là mã \1 nhưng nội dung không đúng mã đó"),
    (r"^reading (\S+) files needs the Python package.*",
     r"máy chủ thiếu thư viện để đọc tệp \1 (cần cài legalgraph[readers])"),
    (r"^could not read as (\S+) \((.*)\)$", r"không đọc được tệp \1 (lỗi kỹ thuật: \2)"),
    (r"^cannot read file \((.*)\)", r"không mở được tệp (\1)"),
    (r"^no such file", "không tìm thấy tệp"),
    (r"^broken symbolic link", "lối tắt (liên kết) trỏ đến tệp không còn"),
    (r"^symbolic link loop", "lối tắt (liên kết) trỏ vòng về chính nó"),
    (r"^is a folder, not a file", "đây là thư mục, không phải tệp"),
    (r"^not a regular file", "không phải tệp thông thường (thiết bị, ống dẫn…); đã bỏ qua"),
    (r"^cannot list folder \((.*)\)", r"không đọc được thư mục (\1)"),
)


def _detail(problem: str) -> str:
    """The technical part in parentheses of an English problem, or the whole."""
    m = re.search(r"\((.*)\)\s*$", problem)
    return m[1] if m else problem


def read_problem(problem: str) -> str:
    """A reader's problem (``ReadError.problem``) in Vietnamese."""
    for pattern, fn in _READ:
        m = pattern.match(problem)
        if m:
            return fn(m)
    return f"không đọc được tệp (chi tiết kỹ thuật: {problem})"


def parse_failure(exc: BaseException) -> str:
    """A parser crash on one file, for staff: what failed, that nothing was
    stored, what to do; the error's name and text for the administrator."""
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return ("bộ phân tích gặp lỗi khi tìm số ký hiệu và dẫn chiếu trong văn bản này, nên văn bản "
            "chưa được nạp (các tệp khác không bị ảnh hưởng); hãy gửi tệp cho người quản trị "
            f"(lỗi kỹ thuật: {detail})")


#: :func:`graph.confirmations.target_for` errors.
_CONFIRM = _rules(
    (r"^'(.*)': give a year.*",
     r"“\1” không phải năm (2025), nhiệm kỳ (2020-2025) hay ngày (20/11/2025)"),
    (r"^'(.*)' is not a number/symbol", r"“\1” không phải số ký hiệu văn bản"),
    (r"^(\S+) is numbered per Party term.*",
     r"\1 đánh số theo nhiệm kỳ của Đảng: hãy nhập nhiệm kỳ (2020-2025) hoặc ngày, "
     r"không chỉ năm"),
    (r"^(\S+): name the issuing body.*",
     r"\1: hãy ghi cơ quan ban hành kèm tỉnh (“UBND tỉnh Lâm Đồng”, “UBND thành phố Đà Lạt”)"),
    (r"^(\S+): cannot tell its year or term from '(.*)'",
     r"\1: không xác định được năm hoặc nhiệm kỳ từ “\2”"),
)


def confirm_error(message: str) -> str:
    """Why a typed year/term and issuer could not name a document."""
    for pattern, fn in _CONFIRM:
        m = pattern.match(message)
        if m:
            return fn(m)
    return f"thông tin chưa đủ để xác định văn bản (chi tiết: {message})"
