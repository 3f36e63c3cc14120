"""Small heading and enumeration cases in tests/fixtures/spec/*.txt (markdown-it-py's fixture format)."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse
from docparse.models import Document, Section

from .conftest import FIXTURES

SPEC_FILES = sorted((FIXTURES / "spec").glob("*.txt"))


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    """Cases as (line number, title, input, expected), split on lines holding a single '.'."""
    cases = []
    lines = path.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        if lines[index].startswith("#") or not lines[index].strip() or lines[index] == ".":
            index += 1
            continue
        title, start = lines[index], index + 1
        assert lines[index + 1] == ".", f"{path.name}:{index + 2}: expected '.'"
        stop = lines.index(".", index + 2)
        end = lines.index(".", stop + 1)
        cases.append((start, title, "\n".join(lines[index + 2:stop]), "\n".join(lines[stop + 1:end])))
        index = end + 1
    return cases


def render(doc: Document) -> str:
    """The compact outline the spec files use."""
    out: list[str] = []

    def paragraphs(section_body: list) -> None:  # type: ignore[type-arg]
        for paragraph in section_body:
            out.append(f"P {paragraph.text.strip()[:8]}")
            out.extend(f"E {item.marker}" for item in paragraph.items)

    def visit(section: Section) -> None:
        out.append(f"L{section.level} {section.path} | {section.title}".rstrip())
        for block in section.blocks():  # in text order: a 款 may follow an article's 项
            if isinstance(block, Section):
                visit(block)
            else:
                paragraphs([block])

    paragraphs(doc.preamble)
    for top in doc.sections:
        visit(top)
    return "\n".join(out)


CASES = [(path, *case) for path in SPEC_FILES for case in read_fixture_file(path)]


def test_spec_files_are_not_empty() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize(("path", "line", "title", "source", "expected"), CASES,
                         ids=[f"{c[0].stem}:{c[1]}" for c in CASES])
def test_spec(path: Path, line: int, title: str, source: str, expected: str) -> None:
    doc = docparse.parse(source)
    assert render(doc) == expected.rstrip(" ").replace(" \n", "\n"), f"{path.name}:{line} {title}"
