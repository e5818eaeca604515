"""Which form of the parser's modules runs: compiled by mypyc, or the sources.

setup.py compiles the modules of :data:`NATIVE_MODULES` with mypyc where it
can (mypy and a C compiler at build time; optional, as the extension of
``parsers/csrc``): the same Python, its types checked, run as C — about a
sixth fewer instructions per document (BENCHMARKS.md §19). Python imports a compiled
module before its source, so this module decides, when ``parsers`` is
imported, whether the compiled ones may run:

- only if they were built from exactly the sources on disk: setup.py writes
  the digest of those sources to ``parsers/_native_build.py``; an edited
  source (an editable install not rebuilt) makes the sources run, not a
  stale build;
- not under ``LEGALGRAPH_PURE_PYTHON=1`` (the pure-Python forms, which tests
  compare with the compiled ones).

Otherwise :func:`select` puts a finder first on ``sys.meta_path`` that
imports these modules from their ``.py`` files. Compiled code checks at run
time the types the sources declare; :func:`parsers.parse_text` runs the
sources on a document whose values the declarations did not foresee
(:func:`pure_module`), so a compiled parser never fails where the sources
would not.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.util
import os
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

__all__ = ["NATIVE_MODULES", "pure_module", "select", "sources_digest"]

#: The modules setup.py compiles: the parser's passes over the text (read
#: per document and per reference) and the patterns they call. The record
#: classes and the vocabulary stay Python.
NATIVE_MODULES: tuple[str, ...] = (
    "citations", "clauses", "clean", "effect", "header", "header_text", "issuers", "layout",
    "normalize", "parse", "parts", "patterns", "quotations", "relations", "scan", "subject",
)

_HERE = Path(__file__).resolve().parent


def sources_digest(directory: Path = _HERE) -> str:
    """SHA-256 over the sources of :data:`NATIVE_MODULES` in ``directory``."""
    digest = hashlib.sha256()
    for name in NATIVE_MODULES:
        digest.update(name.encode() + b"\0" + (directory / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def _built_digest() -> str | None:
    try:
        from parsers import _native_build  # type: ignore[attr-defined]  # written by setup.py
    except ImportError:
        return None
    return getattr(_native_build, "DIGEST", None)


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the modules of :data:`NATIVE_MODULES` from their ``.py`` files."""

    def __init__(self, package: str = "parsers") -> None:
        self.names = {f"{package}.{name}": name for name in NATIVE_MODULES}

    def find_spec(self, fullname: str, path: object = None,
                  target: object = None) -> ModuleSpec | None:
        name = self.names.get(fullname)
        if name is None:
            return None
        return importlib.util.spec_from_file_location(fullname, _HERE / f"{name}.py")


#: Whether the compiled modules run (set by :func:`select`).
NATIVE = False


def select() -> bool:
    """Run the compiled modules if they are current and wanted, else put the
    sources first; True when the compiled ones run."""
    global NATIVE
    wanted = not os.environ.get("LEGALGRAPH_PURE_PYTHON")
    NATIVE = wanted and _built_digest() == sources_digest() and _compiled_on_disk()
    if not NATIVE and not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())
    return NATIVE


def _compiled_on_disk() -> bool:
    """Every module of :data:`NATIVE_MODULES` has a compiled form beside its source."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return all(any((_HERE / f"{name}{s}").exists() for s in suffixes) for name in NATIVE_MODULES)


_PURE: dict[str, ModuleType] = {}


def pure_module(name: str) -> ModuleType:
    """Module ``parsers.<name>`` imported from the sources, beside the compiled
    modules (imported once; the compiled ones stay in ``sys.modules``)."""
    if name in _PURE:
        return _PURE[name]
    package = sys.modules["parsers"]
    # set the compiled modules aside, import the sources, put the compiled back
    ours = {f"parsers.{n}" for n in NATIVE_MODULES}
    saved = {k: sys.modules.pop(k) for k in list(sys.modules) if k in ours}
    attrs = {n: getattr(package, n) for n in NATIVE_MODULES if hasattr(package, n)}
    finder = _SourceFinder()
    sys.meta_path.insert(0, finder)
    try:
        module = importlib.import_module(f"parsers.{name}")
        for full in ours:
            if full in sys.modules:
                _PURE[full.split(".", 1)[1]] = sys.modules.pop(full)
    finally:
        sys.meta_path.remove(finder)
        sys.modules.update(saved)
        for n in NATIVE_MODULES:
            if n in attrs:
                setattr(package, n, attrs[n])
            elif hasattr(package, n):
                delattr(package, n)
    return module
