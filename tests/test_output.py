"""The JSON written in pieces (``convert``, ``parse``) is byte for byte the JSON of the whole Document."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticSerializationError

import docparse
from docparse.renderers import document
from docparse.renderers.document import json_chunks

ROOT = Path(__file__).parent.parent
DOCUMENTS = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests/fixtures/genres").glob("*.txt"))


@pytest.fixture(autouse=True)
def pieces_for_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests below are about the pieces: the short samples are written in pieces too."""
    monkeypatch.setattr(document, "_PIECES_FROM", 0)


def test_a_short_document_is_one_piece_and_a_long_one_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    doc = docparse.parse_file(DOCUMENTS[0])
    assert len(doc.text) < document._PIECES_FROM and len(doc.sections) > 1
    assert list(json_chunks(doc, consume=True)) == [docparse.Document.__pydantic_serializer__.to_json(doc)]
    body = "开展培训3次。" * 12000
    long = docparse.parse(f"关于2022年度工作的报告\n一、主要工作\n{body}\n二、问题\n不足。")
    expected = docparse.Document.__pydantic_serializer__.to_json(long)
    chunks = list(json_chunks(long, consume=True))
    assert len(chunks) > 3 and b"".join(chunks) == expected and long.sections == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_chunks_join_to_the_whole_json(path: Path) -> None:
    doc = docparse.parse_file(path)
    chunks = list(json_chunks(doc))
    assert b"".join(chunks) == docparse.Document.__pydantic_serializer__.to_json(doc)
    if len(doc.sections) > 1:  # the head, a piece per paragraph and section at the top, the tail
        assert len(chunks) >= len(doc.sections) + 2


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
        assert len(chunks) >= len(doc.sections) + 2


ATTACHMENTS = ("\n附件1\n某某管理办法\n为加强管理，制定本办法。\n一、总则\n内容。\n（一）细则\n内容。\n"
               "二、其他\n内容。\n附件2\n统计表\n")
"""Two attachments, one with a preamble and nested sections, the other with a paragraph only."""


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize(("indent", "exclude"), [(None, None), (2, None), (0, {"text"}), (3, {"sections"})])
def test_sections_and_attachments_in_parts_join_to_the_whole_json(
        path: Path, indent: int | None, exclude: set[str] | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every section and attachment written in its parts (here: however short), nested at every
    depth: the bytes stay the serializer's."""
    monkeypatch.setattr(document, "_PARTS_FROM", 0)
    doc = docparse.parse(path.read_text(encoding="utf-8") + ATTACHMENTS)
    assert doc.attachments
    expected = docparse.Document.__pydantic_serializer__.to_json(doc, indent=indent, exclude=exclude)
    assert b"".join(json_chunks(doc, indent=indent, exclude=exclude, consume=True)) == expected


def test_a_large_section_is_written_a_paragraph_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """One heading over a thousand paragraphs of enumerations (as over a megabyte of them, here
    with a lower threshold): no piece but the head, which holds the text, has more than one."""
    monkeypatch.setattr(document, "_PARTS_FROM", 4096)
    body = "一是加强学习。二是完善制度。\n" * 1000
    doc = docparse.parse(f"关于2022年度工作的报告\n一、主要工作\n{body}")
    expected = docparse.Document.__pydantic_serializer__.to_json(doc)
    pieces = [bytes(piece) for piece in json_chunks(doc, consume=True)]
    assert b"".join(pieces) == expected and doc.sections == []
    assert max(len(piece) for piece in pieces[1:]) < 4000 < len(expected) // 100


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
    written = []
    while doc.sections:  # taken out as their writing begins, the first in the piece that did it
        written.append(bytes(next(pieces)))
    rest = [bytes(piece) for piece in pieces]
    assert len(rest) >= 2 and doc.preamble == []
    assert b"".join(written + rest) == expected


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize(("indent", "exclude"), [(None, None), (2, None), (2, {"text"})])
def test_long_texts_are_written_outside_the_serializer_with_the_same_bytes(
        path: Path, indent: int | None, exclude: set[str] | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """From 65,536 characters on the text is escaped by json_chunks itself (here: from 0, and in
    pieces of 97 characters): the bytes stay the serializer's."""
    monkeypatch.setattr(document, "_TEXT_SPLICE", 0)
    monkeypatch.setattr(document, "_TEXT_PIECE", 97)
    doc = docparse.parse_file(path)
    expected = docparse.Document.__pydantic_serializer__.to_json(doc, indent=indent, exclude=exclude)
    chunks = list(json_chunks(doc, indent=indent, exclude=exclude, consume=True))
    assert b"".join(chunks) == expected
    if exclude is None:  # the text did come in pieces of its own
        assert len(chunks) >= len(doc.text) // 97


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=300))
def test_spliced_text_escapes_as_the_serializer_does(text: str) -> None:
    """Quotes, backslashes, control characters, U+2028, astral characters: the same escapes."""
    doc = docparse.parse("关于2022年度工作的报告\n一、主要工作\n开展培训3次。")
    doc = doc.model_copy(update={"text": text + "\x00\"\\\n\t\u2028\U0001F600"})
    old = document._TEXT_SPLICE
    document._TEXT_SPLICE = 0
    try:
        pieces = b"".join(json_chunks(doc))
    finally:
        document._TEXT_SPLICE = old
    assert pieces == docparse.Document.__pydantic_serializer__.to_json(doc)


def test_a_text_with_a_lone_surrogate_fails_as_the_serializer_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "_TEXT_SPLICE", 0)
    parsed = docparse.parse("关于2022年度工作的报告\n一、主要工作\n开展培训3次。")
    doc = parsed.model_copy(update={"text": parsed.text + "\ud800"})  # (parse itself replaces one)
    with pytest.raises(PydanticSerializationError):
        b"".join(json_chunks(doc))
    with pytest.raises(PydanticSerializationError):
        doc.model_dump_json()


def test_a_large_text_is_not_serialized_by_pydantic() -> None:
    """The point of the splice: the Document's text gets no UTF-8 copy attached by serializing it,
    which would live as long as the Document (here: the memory still held once the JSON is gone)."""
    body = "开展培训3次。" * 20000

    def held_after(write: Callable[[docparse.Document], object]) -> int:
        doc = docparse.parse(f"关于2022年度工作的报告\n一、主要工作\n{body}")  # a text of its own
        tracemalloc.start()
        try:
            write(doc)
            return tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()

    spliced = held_after(lambda doc: b"".join(json_chunks(doc)))
    serialized = held_after(lambda doc: doc.model_dump_json())
    assert serialized - spliced >= 0.9 * len(body.encode())
