"""Each input format against the same document as plain text: CPU time of ``parse_bytes`` on the
original and on its text rendering, and their ratio (an HTML page should take at most 2× the time
of its text, a .docx at most 3×).

    python benchmarks/formats.py            # the pages and .docx of tests/fixtures beside their text
    python benchmarks/formats.py --rounds 51

The pairs are real documents: a saved page or a Word file and the rendering the development gold
annotates (the page's text, one line per block; the .docx exported as text by LibreOffice). The
ratio holds on any machine; the milliseconds are this one's.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import docparse

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAIRS = (
    ("NDRC notice page (notice-051)", FIXTURES / "html" / "ndrc_notice_051.html",
     FIXTURES / "html" / "ndrc_notice_051.txt", 2.0),
    ("county statistics page (stats-002)", FIXTURES / "html" / "county_stats_002.html",
     FIXTURES / "html" / "county_stats_002.txt", 2.0),
    ("syllabus .docx (other-001)", FIXTURES / "docx" / "other-001.docx", FIXTURES / "docx" / "other-001.txt",
     3.0),
)
"""(name, original, its text rendering, the most times the text's time the original may take)."""


def cpu_ms(data: bytes, path: str, rounds: int) -> float:
    """The median CPU time of one parse, in milliseconds."""
    docparse.parse_bytes(data, path=path)  # warm: grammars built, modules imported
    times = []
    for _ in range(rounds):
        start = time.process_time()
        docparse.parse_bytes(data, path=path)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1e3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    print("| document | original KB | original ms | text KB | text ms | × text | at most |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, original, text, limit in PAIRS:
        page, plain = original.read_bytes(), text.read_bytes()
        page_ms = cpu_ms(page, original.name, args.rounds)
        text_ms = cpu_ms(plain, text.name, args.rounds)
        print(f"| {name} | {len(page) / 1e3:.1f} | {page_ms:.2f} | {len(plain) / 1e3:.1f} | {text_ms:.2f} | "
              f"{page_ms / text_ms:.2f} | {limit:.0f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
