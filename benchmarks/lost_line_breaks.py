"""How much of each corpus text's structure docparse still finds once every line break is lost.

    python benchmarks/lost_line_breaks.py          # the documents that lose headings, and the totals
    python benchmarks/lost_line_breaks.py --all    # every document

Scrapers and converters often deliver a report as one line. Each plain-text document of
../shared/corpus (``.txt``) is parsed as it is and again with every line break and the indentation
around it taken out (the harshest form: real one-line files usually keep a gap of spaces where a
paragraph began). A heading counts as kept where the one-line parse has a heading of the same
marker whose title starts with the same six characters (where a title without end punctuation stops
is unknowable without its line break: ``一、发展目标全面拓展…``); the title as kept where it is the
same. The heading counts are of the parse with line breaks, not of a gold.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import docparse
from docparse.models import Document

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def one_line(text: str) -> str:
    """``text`` with every line break, and the spaces and tabs around it, taken out."""
    return "".join(line.strip(" \u3000\xa0\t") for line in text.splitlines())


def headings(doc: Document) -> Counter[tuple[str, str]]:
    """Each heading as its marker and the first six characters of its title."""
    return Counter((section.marker.raw, section.title[:6]) for section in doc.walk())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every document")
    args = parser.parse_args()
    total = kept = titles = documents = 0
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lined, flat = docparse.parse(text), docparse.parse(one_line(text))
        expected, found = headings(lined), headings(flat)
        same = sum((expected & found).values())
        title = (lined.title.text if lined.title else None) == (flat.title.text if flat.title else None)
        documents += 1
        total += sum(expected.values())
        kept += same
        titles += title
        if args.all or same < sum(expected.values()) or not title:
            print(f"{path.name:24} headings {same:4} of {sum(expected.values()):4}   "
                  f"title {'kept' if title else 'lost'}")
    print(f"{documents} documents: {kept} of {total} headings kept ({kept / max(total, 1):.1%}), "
          f"{titles} titles kept")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
