"""The compiled passes of the parser (parsers/csrc, see parsers/scan.py), and
the parser's modules compiled by mypyc (see parsers/native.py).

Optional, both: where no C compiler is (or mypy, for the second), ``pip
install`` goes on without them and the parser runs its pure-Python forms,
which give the same records. ``LEGALGRAPH_NO_MYPYC=1`` skips the mypyc build.

The NFC test's table (``parsers/csrc/nfc_table.h``) is written here from the
building Python's ``unicodedata``: read off every code point, it would cost
each process a tenth of a second at import. The extension records the
Unicode version it was read from, and the parser uses it only under the same
version (see ``parsers/normalize.py``).
"""

import os
import runpy
import sys
import unicodedata
from pathlib import Path

from setuptools import Extension, setup

_SOURCES = ["parsers/csrc/module.c", "parsers/csrc/numbers.c", "parsers/csrc/clauses.c"]
_NFC_TABLE = Path(__file__).parent / "parsers" / "csrc" / "nfc_table.h"


def nfc_suspects() -> set[int]:
    """BMP code points that can make a string not NFC: a combining mark (class
    not 0), one that NFC changes on its own (quick check No), one that may
    compose with the character before it (quick check Maybe: the second
    character of a canonical pair, Hangul vowels and trailing consonants)."""
    found = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for cp in range(0x110000):
        ch = chr(cp)
        if cp < 0x10000 and (unicodedata.combining(ch)
                             or unicodedata.normalize("NFC", ch) != ch):
            found.add(cp)
        decomposition = unicodedata.decomposition(ch)
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2 and int(parts[1], 16) < 0x10000:
                found.add(int(parts[1], 16))
    return found


def write_nfc_table() -> None:
    bits = bytearray(0x10000 // 8)
    for cp in nfc_suspects():
        bits[cp >> 3] |= 1 << (cp & 7)
    rows = ",\n".join(", ".join(str(b) for b in bits[i : i + 32]) for i in range(0, len(bits), 32))
    version = unicodedata.unidata_version
    text = (f"/* written by setup.py from unicodedata {version}: do not edit */\n"
            f'#define NFC_UNIDATA_VERSION "{version}"\n'

            f"static const unsigned char NFC_SUSPECT[8192] = {{\n{rows}\n}};\n")
    if not _NFC_TABLE.exists() or _NFC_TABLE.read_text() != text:
        _NFC_TABLE.write_text(text)


def native_modules() -> list[Extension]:
    """The parser's modules compiled by mypyc (parsers/native.py lists them),
    with the digest of their sources written to parsers/_native_build.py for
    the import to check; none where mypy is not installed or not wanted."""
    if os.environ.get("LEGALGRAPH_NO_MYPYC") or not _BUILDS & set(sys.argv[1:]):
        return []  # (asked for its requirements, or metadata: mypyc would compile for nothing)
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    # (run, not imported: importing ``parsers`` would select a form to run)
    native = runpy.run_path(str(_HERE / "parsers" / "native.py"))
    _NATIVE_BUILD.write_text(f'DIGEST = "{native["sources_digest"](_HERE / "parsers")}"\n')
    paths = [f"parsers/{name}.py" for name in native["NATIVE_MODULES"]]
    # (regex, lxml and pytesseract ship no types: their values are read as Any)
    extensions = mypycify(["--ignore-missing-imports", *paths], opt_level="3",
                          group_name="parsers._native")
    for extension in extensions:
        extension.optional = True
    return extensions


_HERE = Path(__file__).parent
#: The setup commands that build extensions.
_BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}
_NATIVE_BUILD = _HERE / "parsers" / "_native_build.py"

write_nfc_table()
setup(ext_modules=[Extension("parsers._scan", _SOURCES,
                             depends=["parsers/csrc/scan.h", "parsers/csrc/nfc_table.h"],
                             optional=True, extra_compile_args=["-O2"]),
                   *native_modules()])
