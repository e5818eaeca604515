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

__all__ = ["COMPILED", "SCAN", "compiled_fold", "nfc_table_current"]


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
                  control: np.ndarray) -> Callable[[str], tuple[str, bool, bool]] | None:
    """The compiled fold over these tables (code point → folded code point,
    code point → is a control character): (folded, holds a control character,
    may not be NFC), or None without the extension. The third value is read
    off a table setup.py wrote; see :func:`nfc_table_current`."""
    if SCAN is None:
        return None
    SCAN.configure_fold(fold_table.astype(np.uint16).tobytes(), control.astype(np.uint8).tobytes())
    return SCAN.fold


def nfc_table_current() -> bool:
    """The extension's NFC table was read from this Python's Unicode version
    (setup.py): only then does the fold's False "may not be NFC" mean NFC."""
    return getattr(SCAN, "nfc_unidata_version", None) == unicodedata.unidata_version
