"""A Document as JSON (``docparse parse``, ``convert --format json``, :func:`docparse.to_json`)
and as JSON Lines (``convert --format jsonl``): one writer, :func:`json_chunks`, for all of them.

The JSON of a 10 MB report is one buffer of ~85 MB compact and ~160 MB indented (and
``model_dump_json`` decodes it into a str of as much again). Writing it section by section keeps
the largest buffer to the Document without its sections (mostly its text) plus one top-level
section, so the peak memory of a conversion is the Document's, not the Document's plus its JSON.
The bytes are exactly those of ``Document.__pydantic_serializer__.to_json(doc, indent=…,
exclude=…)``, that is of ``doc.model_dump_json(indent=…, exclude=…)`` (tests/test_output.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from ..models import Document, Section
from .base import Renderer

_TEXT_SPLICE = 1 << 16
"""From this many characters on, the text is written by :func:`_text_pieces` rather than by the
serializer: serializing a string attaches a UTF-8 copy of it to the string for as long as it lives
(the Document's whole text, 12 MB for a 10 MB report) and puts another in the output buffer."""
_PIECES_FROM = 1 << 16
"""A Document whose text is shorter (most reports: a few thousand characters) is written by one
serializer call: its JSON is a few megabytes at most, and one call costs less than one per section."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_PIECE = 1 << 20


def json_chunks(doc: Document, *, indent: int | None = None, exclude: Collection[str] | None = None,
                consume: bool = False) -> Iterator[bytes | memoryview]:
    """The JSON of ``doc`` in pieces: everything before the sections, one top-level section at a
    time, then the rest (a short document in one piece). ``indent`` and ``exclude`` (top-level
    fields) as for ``model_dump_json``: ``None`` is compact, ``0`` puts each value on a line of
    its own without indenting it.

    With ``consume``, each top-level section is taken out of ``doc.sections`` once written, for a
    caller that discards the Document afterwards (``convert``, ``parse``): serializing a string
    attaches a UTF-8 copy to it for as long as it lives, which otherwise grows a written Document
    by a tenth."""
    options: dict[str, Any] = {"indent": indent, "exclude": exclude}
    pretty = indent is not None
    serializer = Document.__pydantic_serializer__
    if len(doc.text) < _PIECES_FROM:
        yield serializer.to_json(doc, **options)
        return
    splice = len(doc.text) >= _TEXT_SPLICE and "text" not in (exclude or ()) \
        and not _SURROGATE.search(doc.text)  # the serializer rejects lone surrogates: let it say so
    shell = serializer.to_json(doc.model_copy(update={"sections": [], **({"text": ""} if splice else {})}),
                               **options)
    empty = b'"sections": []' if pretty else b'"sections":[]'
    # JSON strings escape their quotes, so a key and its empty value are found only where they
    # are the Document's own: "text" is the first field with that name (before any nested one)
    at = shell.find(empty)
    text_at = shell.find(b'"text": ""' if pretty else b'"text":""') if splice else -1
    if (not doc.sections and not splice) or at < 0 or shell.find(empty, at + 1) >= 0 \
            or (splice and not 0 <= text_at < at):
        yield serializer.to_json(doc, **options)
        return
    head = at + len(empty) - 1  # up to and including the "[" of the empty list
    if splice:
        text_value = shell.index(b'""', text_at) + 1  # between the quotes of the empty text
        yield memoryview(shell)[:text_value]
        yield from _text_pieces(doc.text)
        yield memoryview(shell)[text_value:head]
    else:
        yield memoryview(shell)[:head]
    if indent is not None:  # one section per line block, two levels in: {  "sections": [    {…
        item_break = b"\n" + b" " * (2 * indent)
        first, between, last = item_break, b"," + item_break, b"\n" + b" " * indent
    else:
        item_break, first, between, last = b"", b"", b",", b""
    if not doc.sections:
        first = last = b""
    to_json = Section.__pydantic_serializer__.to_json
    pending = doc.sections[::-1]
    if consume:
        doc.sections.clear()
    index = 0
    while pending:
        piece = to_json(pending.pop(), indent=indent)
        if indent is not None:
            piece = piece.replace(b"\n", item_break)  # raw newlines are layout: strings escape theirs
        yield (between if index else first) + piece
        index += 1
    yield last + shell[head:]


def _text_pieces(text: str) -> Iterator[bytes]:
    """The text as the inside of a JSON string, a megabyte of characters at a time: the same escapes
    as the serializer's (quote, backslash and control characters; tests/test_output.py)."""
    for start in range(0, len(text), _TEXT_PIECE):
        yield json.dumps(text[start:start + _TEXT_PIECE], ensure_ascii=False)[1:-1].encode("utf-8")


@dataclass(frozen=True)
class DocumentJson(Renderer[Document]):
    """A Document as JSON, then a newline: ``docparse parse`` and the files of ``convert``.

    ``indent`` and ``exclude`` as for :func:`json_chunks` (``None``: compact, as ``convert``
    writes it). With ``consume``, each top-level section is taken out of the Document once
    written: for a caller that discards the Document afterwards.
    """

    name = "json"
    media_type = "application/json"
    extension = ".json"

    indent: int | None = None
    exclude: frozenset[str] | None = None
    consume: bool = False

    def chunks(self, doc: Document) -> Iterator[bytes | memoryview]:
        yield from json_chunks(doc, indent=self.indent, exclude=self.exclude, consume=self.consume)
        yield b"\n"


@dataclass(frozen=True)
class DocumentJsonLines(Renderer[Document]):
    """A Document as one line of JSON Lines: its compact JSON, then a newline (``convert --format
    jsonl`` writes one line per input into one file). ``consume`` as for :class:`DocumentJson`."""

    name = "jsonl"
    media_type = "application/jsonl"
    extension = ".jsonl"

    consume: bool = False

    def chunks(self, doc: Document) -> Iterator[bytes | memoryview]:
        yield from json_chunks(doc, consume=self.consume)
        yield b"\n"
