"""The compiled passes of the parser (parsers/csrc, see parsers/scan.py).

Optional: where no C compiler is, ``pip install`` goes on without it and the
parser runs its pure-Python forms, which give the same records.
"""

from setuptools import Extension, setup

_SOURCES = ["parsers/csrc/module.c", "parsers/csrc/numbers.c", "parsers/csrc/clauses.c"]

setup(ext_modules=[Extension("parsers._scan", _SOURCES, depends=["parsers/csrc/scan.h"],
                             optional=True, extra_compile_args=["-O2"])])
