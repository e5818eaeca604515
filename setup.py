"""The compiled passes of the parser (parsers/_scan.c; see parsers/scan.py).

Optional: where no C compiler is, ``pip install`` goes on without it and the
parser runs its pure-Python forms, which give the same records.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("parsers._scan", ["parsers/_scan.c"], optional=True,
                             extra_compile_args=["-O2"])])
