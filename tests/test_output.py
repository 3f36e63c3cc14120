"""The JSON written in pieces (``convert``, ``parse``) is byte for byte the JSON of the whole Document."""

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


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize(("indent", "exclude"), [(2, None), (4, None), (2, {"text"}), (None, {"text"}),
                                                 (1, {"text", "furniture"})])
def test_indented_and_trimmed_chunks_join_to_the_whole_json(path: Path, indent: int | None,
                                                            exclude: set[str] | None) -> None:
    """``docparse parse`` writes the indented JSON (or without ``text``) in the same pieces."""
    doc = docparse.parse_file(path)
    chunks = list(json_chunks(doc, indent=indent, exclude=exclude))
    assert b"".join(chunks) == docparse.Document.__pydantic_serializer__.to_json(
        doc, indent=indent, exclude=exclude)
    assert b"".join(chunks).decode() == doc.model_dump_json(indent=indent, exclude=exclude)
    if len(doc.sections) > 1:
        assert len(chunks) == len(doc.sections) + 2


def test_the_text_is_not_copied_into_a_piece() -> None:
    """The head piece (which holds the text) is a view of the serializer's buffer, not a copy."""
    doc = docparse.parse_file(DOCUMENTS[0])
    head = next(json_chunks(doc, indent=2))
    assert isinstance(head, memoryview)
    assert b'"text": "' in bytes(head) and len(head) > len(doc.text.encode())


@pytest.mark.parametrize("indent", [None, 2])
def test_consumed_document_gives_the_same_bytes_and_lets_its_sections_go(indent: int | None) -> None:
    """``convert`` and ``parse`` take each section out of the Document once it is written."""
    path = DOCUMENTS[0]
    expected = docparse.parse_file(path).model_dump_json(indent=indent).encode()
    doc = docparse.parse_file(path)
    assert len(doc.sections) > 1
    pieces = json_chunks(doc, indent=indent, consume=True)
    written = [bytes(next(pieces)), bytes(next(pieces))]
    assert doc.sections == []  # taken out as the writing began; the first is in the second piece
    written += [bytes(piece) for piece in pieces]
    assert b"".join(written) == expected
