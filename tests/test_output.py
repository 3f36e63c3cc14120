"""The JSON a conversion writes in pieces is byte for byte the JSON of the whole Document."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse
from docparse.output import json_chunks

ROOT = Path(__file__).parent.parent
DOCUMENTS = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests/fixtures/genres").glob("*.txt"))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_chunks_join_to_the_whole_json(path: Path) -> None:
    doc = docparse.parse_file(path)
    chunks = list(json_chunks(doc))
    assert b"".join(chunks) == docparse.Document.__pydantic_serializer__.to_json(doc)
    if len(doc.sections) > 1:
        assert len(chunks) == len(doc.sections) + 2  # head, one per top-level section, tail


def test_a_document_without_sections_and_quotes_in_its_text() -> None:
    doc = docparse.parse('关于"sections":[]的说明\n这是正文，引用了"sections":[]字样，开展培训3次。')
    assert doc.sections == []
    assert b"".join(json_chunks(doc)) == docparse.Document.__pydantic_serializer__.to_json(doc)
