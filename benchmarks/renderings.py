"""Each original (.html, .docx, .md) beside the same document as text: does docparse find the same
outline, title and metadata in both?

    python benchmarks/renderings.py                 # the corpus pairs, one line per difference
    python benchmarks/renderings.py --quiet         # the agreement table only
    python benchmarks/renderings.py --pair page.html page.txt   # and any other pair

The pairs are the corpus's originals that have a text rendering (manifest ``rendering_of``, and
notice-012, the text of the page notice-051) and the fixtures of tests/fixtures/html|docx|markdown
that sit beside a ``.txt`` of the same name. Compared, each as a set of items: the outline (every
section and attachment section as level, marker and title), the title, and the metadata (every
typed field of ``doc.metadata`` that is set).
"""

from __future__ import annotations

import argparse
import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docparse
from docparse import Document, Section

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
EXTRA_PAIRS = (("notice/notice-051.html", "notice/notice-012.txt"),)
"""Renderings the manifest does not tie to their original (notice-012 is the text of notice-051)."""


@dataclass(frozen=True)
class Agreement:
    name: str
    same: int
    total: int
    differences: tuple[str, ...]


def pairs() -> Iterator[tuple[str, Path, Path]]:
    """(name, original, rendering) for every original that has a text rendering."""
    manifest = CORPUS / "manifest.jsonl"
    if manifest.exists():
        records = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line]
        paths = {record["id"]: record["path"] for record in records}
        for record in records:
            original = paths.get(record.get("rendering_of", ""))
            if original:
                yield record["id"].removesuffix(".rendering"), CORPUS / original, CORPUS / record["path"]
        for original, rendering in EXTRA_PAIRS:
            yield f"{Path(original).stem}~{Path(rendering).stem}", CORPUS / original, CORPUS / rendering
    for folder in ("html", "docx", "markdown"):
        for rendering in sorted((FIXTURES / folder).glob("*.txt")):
            for original in sorted(rendering.parent.glob(rendering.stem + ".*")):
                if original.suffix != ".txt":
                    yield f"fixture {folder}/{original.name}", original, rendering


def _walk(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.children)


def facts(doc: Document) -> dict[str, list[str]]:
    """What is compared, by kind: each item a line of text."""
    outline = [f"{section.level} {section.marker.raw} {section.title}"
               for section in _walk(doc.sections)]
    for attachment in doc.attachments:
        outline.append(f"附件 {attachment.label}")
        outline.extend(f"  {section.level} {section.marker.raw} {section.title}"
                       for section in _walk(attachment.sections))
    metadata = [f"{name}={value}" for name, value in doc.metadata.model_dump(exclude={"fields"}).items()
                if value is not None]
    return {"outline": outline, "title": [doc.title.text if doc.title else "-"], "metadata": metadata}


def _field(item: str) -> str:
    return item.split("=", 1)[0]


def compare(name: str, original: Path, rendering: Path) -> Agreement:
    """Items found the same in both, in the same order (of the longer list's count), and every
    difference."""
    try:
        left = facts(docparse.parse_file(original))
    except docparse.DocparseError as error:
        return Agreement(name, 0, 1, (f"error {error}",))
    try:
        right = facts(docparse.parse_file(rendering))
    except docparse.DocparseError as error:
        return Agreement(name, 0, 0, (f"rendering not read: {error}",))
    same = total = 0
    differences: list[str] = []
    for kind, expected in right.items():
        found = left[kind]
        if kind == "metadata":
            # the original may say more than its text (<meta> tags, a Word file's properties):
            # a field only the original has is reported, not counted against it
            stated = {_field(item) for item in expected}
            added = [item for item in found if _field(item) not in stated]
            found = [item for item in found if _field(item) in stated]
            differences.extend(f"metadata: original adds {item}" for item in added)
        total += max(len(expected), len(found))
        matcher = difflib.SequenceMatcher(None, expected, found, autojunk=False)
        same += sum(block.size for block in matcher.get_matching_blocks())
        if expected != found:
            differences.extend(_diff(kind, expected, found))
    return Agreement(name, same, total, tuple(differences))


def _diff(kind: str, expected: list[str], found: list[str]) -> Iterator[str]:
    missing = [item for item in expected if item not in found]
    extra = [item for item in found if item not in expected]
    for item in missing:
        yield f"{kind}: text only   {item}"
    for item in extra:
        yield f"{kind}: original only {item}"
    if not missing and not extra:
        yield f"{kind}: same items in another order"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quiet", action="store_true", help="the table only")
    parser.add_argument("--pair", nargs=2, action="append", default=[], metavar=("ORIGINAL", "TEXT"),
                        help="compare this original with this text too (repeatable)")
    args = parser.parse_args()
    extra = [(Path(original).name, Path(original), Path(text)) for original, text in args.pair]
    results = [compare(*pair) for pair in [*pairs(), *extra]]
    print("| pair | items the same | of |")
    print("|---|---:|---:|")
    for result in results:
        print(f"| {result.name} | {result.same} | {result.total} |")
    same, total = sum(result.same for result in results), sum(result.total for result in results)
    print(f"| **all** | {same} | {total} ({same / max(total, 1):.1%}) |")
    if not args.quiet:
        for result in results:
            for difference in result.differences:
                print(f"{result.name}: {difference}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
