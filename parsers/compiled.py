"""The compiled extension ``parsers._scan`` (sources in ``parsers/csrc``), if
it was built and is wanted (``LEGALGRAPH_PURE_PYTHON`` unset).

Kept apart from :mod:`parsers.scan`, which configures the extension's
pattern tables: the fold needs only its own tables, so importing
:mod:`parsers.normalize` (as the graph and the app do, without parsing)
compiles no parser pattern.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from types import ModuleType

import numpy as np

__all__ = ["COMPILED", "SCAN", "compiled_fold", "compiled_fold_nfc", "compiled_nfc_suspect"]


def _load() -> ModuleType | None:
    if os.environ.get("LEGALGRAPH_PURE_PYTHON"):
        return None
    try:
        from parsers import _scan  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _scan


#: The extension module, or None (no compiler at install, or not wanted).
SCAN = _load()
#: Whether the compiled passes are in use.
COMPILED = SCAN is not None


def compiled_fold(fold_table: np.ndarray,
                  control: np.ndarray) -> Callable[[str], tuple[str, bool]] | None:
    """The compiled fold over these tables (code point → folded code point,
    code point → is a control character), or None without the extension."""
    if SCAN is None:
        return None
    SCAN.configure_fold(fold_table.astype(np.uint16).tobytes(), control.astype(np.uint8).tobytes())
    return SCAN.fold


def compiled_nfc_suspect() -> Callable[[str], bool] | None:
    """The compiled NFC pre-test (False: the text is NFC; True: ask
    ``unicodedata``), or None without the extension or where its table was
    read from another Unicode version than this Python's (setup.py)."""
    if SCAN is None or getattr(SCAN, "nfc_unidata_version", None) != unicodedata.unidata_version:
        return None
    return SCAN.nfc_suspect


def compiled_fold_nfc() -> Callable[[str], tuple[str, bool, bool]] | None:
    """The compiled fold with the NFC pre-test read in the same pass ((folded,
    controls, may not be NFC)), where both are in use (the fold configured by
    :func:`compiled_fold` first)."""
    if compiled_nfc_suspect() is None:
        return None
    return SCAN.fold_nfc  # type: ignore[union-attr]
