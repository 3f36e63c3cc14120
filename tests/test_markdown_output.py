"""The Markdown output: read back by docparse, it gives the same outline; furniture is left out."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.renderers.outline import outline_rows

from .conftest import FIXTURES, SAMPLES

DOCUMENTS = [*SAMPLES, *sorted((FIXTURES / "genres").glob("*.txt"))]


def _outline(doc: docparse.Document) -> list[tuple[object, ...]]:
    return [(row["level"], row["marker"], row["title"]) for row in outline_rows(doc)]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: Path(path).stem)
def test_markdown_reads_back_into_the_same_outline_and_title(path: Path) -> None:
    doc = docparse.parse_file(path)
    markdown = docparse.to_markdown(doc)
    again = docparse.parse(markdown)
    assert _outline(again) == _outline(doc)
    assert (again.title.text if again.title else None) == (doc.title.text if doc.title else None)


def test_furniture_is_left_out_and_metadata_is_front_matter() -> None:
    doc = docparse.parse_file(SAMPLES[0])
    markdown = docparse.to_markdown(doc)
    long_furniture = [f.text.strip() for f in doc.furniture if len(f.text.strip()) > 4]
    assert long_furniture and not any(text in markdown for text in long_furniture)
    assert markdown.startswith("---\n") and "doc_type: fazhi_annual" in markdown
    assert "\n## 一、深入学习贯彻党的二十大精神" in markdown


def test_the_command_writes_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "markdown", str(SAMPLES[1])]) == 0
    out = capsys.readouterr().out
    assert "\n# " in out or out.startswith("# ") or "---\n\n# " in out
