"""Which form of the parser's modules runs (parsers/native.py): the mypyc build
only when it was built from the sources on disk and is wanted, the sources
otherwise, and the sources for a document the compiled checks refuse."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import native

ROOT = Path(__file__).resolve().parent.parent

#: Prints which file each compiled-or-source module was imported from.
_WHERE = """
import json, sys
import parsers, parsers.native as native
from parsers import parse_text
mods = {n: sys.modules[f"parsers.{n}"].__file__ for n in native.NATIVE_MODULES
        if f"parsers.{n}" in sys.modules}
print(json.dumps({"native": native.NATIVE, "files": mods}))
"""


def _where(env: dict[str, str] | None = None, cwd: Path = ROOT) -> dict:
    out = subprocess.run([sys.executable, "-c", _WHERE], capture_output=True, text=True,
                         check=True, cwd=cwd, env={**os.environ, **(env or {})})
    return json.loads(out.stdout)


def _built() -> bool:
    return native._built_digest() == native.sources_digest() and native._compiled_on_disk()


def test_every_listed_module_has_its_source():
    for name in native.NATIVE_MODULES:
        assert (ROOT / "parsers" / f"{name}.py").is_file(), name


def test_pure_python_runs_the_sources():
    got = _where({"LEGALGRAPH_PURE_PYTHON": "1"})
    assert got["native"] is False
    assert got["files"] and all(f.endswith(".py") for f in got["files"].values())


def test_the_build_runs_when_current():
    if not _built():
        pytest.skip("the mypyc build is absent or older than the sources")
    got = _where({"LEGALGRAPH_PURE_PYTHON": ""})
    assert got["native"] is True
    assert not any(f.endswith(".py") for f in got["files"].values())


def test_an_edited_source_runs_instead_of_a_stale_build(tmp_path):
    """A copy of the package whose one source differs from what was built:
    every listed module is imported from its source."""
    copy = tmp_path / "parsers"
    shutil.copytree(ROOT / "parsers", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "_native_build.py").write_text(f'DIGEST = "{native.sources_digest()}"\n')
    assert native.sources_digest(copy) == native.sources_digest()
    quotations = copy / "quotations.py"
    quotations.write_text(quotations.read_text() + "\n# edited\n")
    assert native.sources_digest(copy) != native.sources_digest()
    got = _where({"LEGALGRAPH_PURE_PYTHON": "", "PYTHONPATH": str(tmp_path)}, cwd=tmp_path)
    assert got["native"] is False
    assert all(f.startswith(str(copy)) and f.endswith(".py") for f in got["files"].values())


_FALLBACK = """
import json, logging, sys
logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(message)s")
import parsers, parsers.parse as compiled
from parsers import parse_text
text = "Căn cứ Nghị định số 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ;"
def refuse(text, file=None):
    raise TypeError("str object expected; got None")
compiled.parse_text = refuse
record = parse_text(text, "x.txt")
print(json.dumps({"record": record.to_dict(),
                  "compiled_kept": sys.modules["parsers.parse"] is compiled,
                  "file": compiled.__file__}))
"""


def test_a_refused_document_is_parsed_by_the_sources():
    """A TypeError of the compiled checks: the sources parse the document,
    the compiled modules stay in place for the next one."""
    if not _built():
        pytest.skip("the mypyc build is absent or older than the sources")
    out = subprocess.run([sys.executable, "-c", _FALLBACK], capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "LEGALGRAPH_PURE_PYTHON": ""})
    warning, _, last = out.stdout.strip().rpartition("\n")
    got = json.loads(last)
    assert "x.txt: compiled parser refused the text" in warning
    assert got["compiled_kept"] is True and not got["file"].endswith(".py")
    cited = [(c["key"], c["date"], c["relation"]) for c in got["record"]["citations"]]
    assert cited == [("130/2005/NĐ-CP", "2005-10-17", "based_on")]


def test_a_type_error_of_the_caller_is_not_hidden():
    from parsers import parse_text

    with pytest.raises((TypeError, AttributeError)):
        parse_text(None)  # type: ignore[arg-type]
