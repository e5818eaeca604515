"""Parser time on pathological inputs, as a ratio to a linear baseline.

Real files carry long runs of blank lines (PDF extraction), separator lines,
thousands of references in one gazette issue. A pattern that rescans such a
run once per line break makes parsing quadratic: 50,000 newlines once took
50 s. For each input at two sizes this prints the parser's median time and its
ratio to one compiled ``regex`` pass over the same text; a ratio that grows
with the size (rather than staying flat) is a quadratic pattern.

Usage: python benchmarks/bench_adversarial.py [--repeat N]
"""

from __future__ import annotations

import argparse

import regex
from _common import print_machine, table, timed

from parsers import parse_text
from parsers.patterns import NUMBER_SYMBOL

REFERENCE = "Căn cứ Quyết định số 1/QĐ-UBND ngày 1/1/2020 của UBND tỉnh;\n"

#: name → text of about ``n`` characters
INPUTS = {
    "blank lines": lambda n: "\n" * n + REFERENCE,
    "CRLF blank lines": lambda n: "\r\n \r\n" * (n // 5) + REFERENCE,
    "spaces after a full stop": lambda n: ". " + " " * n + REFERENCE,
    "tabs and newlines": lambda n: "\t\n" * (n // 2) + REFERENCE,
    "numbers cut at line ends": lambda n: "12-\n" * (n // 4),
    "one long uppercase line": lambda n: "CỘNG HÒA " * (n // 9),
    "dates only": lambda n: "ngày 1/1/2020 " * (n // 14),
    "references only": lambda n: REFERENCE * (n // len(REFERENCE)),
    "asterisks in a symbol": lambda n: "12/" + "*" * n + "QĐ",
    "references and cut numbers": lambda n: "theo Quyết định số 1/QĐ-UBND; số 12-\nx\n" * (n // 38),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print_machine("bench_adversarial: parser on pathological inputs")
    scan = regex.compile(NUMBER_SYMBOL.pattern)
    rows = []
    for name, make in INPUTS.items():
        ratios = []
        for n in (50_000, 400_000):
            text = make(n)
            base, _, _ = timed(lambda t=text: sum(1 for _ in scan.finditer(t)), args.repeat)
            took, _, doc = timed(lambda t=text: parse_text(t), args.repeat)
            ratios.append(took / base if base else float("inf"))
            rows.append([name, len(text), round(took * 1000, 2), round(base * 1000, 2),
                         round(ratios[-1], 1), len(doc.citations)])
        rows[-1].append(f"x{ratios[1] / ratios[0]:.1f}")
    print(table(["input", "chars", "parse ms", "regex pass ms", "ratio", "citations",
                 "ratio growth 50k→400k"], [r + [""] * (7 - len(r)) for r in rows]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
