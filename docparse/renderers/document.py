"""A Document as JSON (``docparse parse``, ``convert --format json``, :func:`docparse.to_json`)
and as JSON Lines (``convert --format jsonl``): one writer, :func:`json_chunks`, for all of them.

The JSON of a 10 MB report is one buffer of ~85 MB compact and ~160 MB indented (and
``model_dump_json`` decodes it into a str of as much again). Writing it a part at a time (each
paragraph, section and attachment, and a large section's or attachment's own paragraphs and
subsections in turn) keeps the largest buffer to the Document without its lists plus one small
part, so the peak memory of a conversion is the Document's, not the Document's plus its JSON, even
when one heading holds the whole report.
The bytes are exactly those of ``Document.__pydantic_serializer__.to_json(doc, indent=…,
exclude=…)``, that is of ``doc.model_dump_json(indent=…, exclude=…)`` (tests/test_output.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..models import Attachment, Document, Section, Unfinished
from .base import Renderer

Pieces = Iterator[bytes | memoryview]
"""Pieces of JSON, to be written one after the other."""

_TEXT_SPLICE = 1 << 16
"""From this many characters on, the text is written by :func:`_text_pieces` rather than by the
serializer: serializing a string attaches a UTF-8 copy of it to the string for as long as it lives
(the Document's whole text, 12 MB for a 10 MB report) and puts another in the output buffer."""
_PIECES_FROM = 1 << 16
"""A Document whose text is shorter (most reports: a few thousand characters) is written by one
serializer call: its JSON is a few megabytes at most, and one call costs less than one per section."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_PIECE = 1 << 20


def json_chunks(doc: Document | Unfinished[Document], *, indent: int | None = None,
                exclude: Collection[str] | None = None, consume: bool = False) -> Pieces:
    """The JSON of ``doc`` in pieces: everything but its lists, then its paragraphs, sections and
    attachments one at a time, a large section or attachment in turn as its own parts (a short
    document in one piece). ``indent`` and ``exclude`` (top-level fields) as for
    ``model_dump_json``: ``None`` is compact, ``0`` puts each value on a line of its own without
    indenting it.

    An unfinished Document (:func:`docparse.api.parse_bytes_unfinished`) is written as its parts
    are built, each let go once written: the whole Document never exists. With ``consume``, a
    finished Document's lists are emptied as their writing begins and each item let go once
    written, for a caller that discards the Document afterwards (``parse``): serializing a string
    attaches a UTF-8 copy to it for as long as it lives, which otherwise grows a written Document
    by a tenth."""
    options: dict[str, Any] = {"indent": indent, "exclude": exclude}
    pretty = indent is not None
    serializer = Document.__pydantic_serializer__
    text = doc.fields["text"] if isinstance(doc, Unfinished) else doc.text
    if len(text) < _PIECES_FROM:
        yield serializer.to_json(doc.finish() if isinstance(doc, Unfinished) else doc, **options)
        return
    splice = len(text) >= _TEXT_SPLICE and "text" not in (exclude or ()) \
        and not _SURROGATE.search(text)  # the serializer rejects lone surrogates: let it say so
    parts = [name for name in _PARTS[Document] if name not in (exclude or ())]
    bare, lists = _opened(doc, parts, consume)
    shell = serializer.to_json(bare.model_copy(update={"text": ""}) if splice else bare, **options)
    holes = _list_holes(shell, lists, indent, 0, consume)
    # JSON strings escape their quotes, so a key and its empty value are found only where they
    # are the Document's own: "text" is the first field with that name (before any nested one)
    text_at = shell.find(b'"text": ""' if pretty else b'"text":""') if splice else -1
    if holes is None or (splice and not 0 <= text_at < min((at for at, _ in holes), default=len(shell))):
        yield serializer.to_json(_whole(doc), **options)
        return
    if splice:
        holes.insert(0, (shell.index(b'""', text_at) + 1, _text_pieces(text)))  # between the quotes
    yield from _filled(shell, holes)


_PARTS: dict[type[BaseModel], tuple[str, ...]] = {
    Document: ("preamble", "sections", "attachments"),
    Attachment: ("preamble", "sections"),
    Section: ("body", "children"),
}
"""The lists of a node that are written an item at a time."""
_PARTS_FROM = 1 << 16
"""A section or attachment covering fewer characters is written by one serializer call."""

Lists = dict[str, Iterator[Any]]
"""A node's lists that are written an item at a time: each name with its items, read once."""


def _opened(node: BaseModel | Unfinished[Any], names: list[str], consume: bool) -> tuple[BaseModel, Lists]:
    """``node`` with its lists ``names`` empty, and those lists' items (a finished node's lists
    emptied now with ``consume``)."""
    if isinstance(node, Unfinished):
        return node.shell(), {name: node.lists[name] for name in names}
    lists = {name: _taken(getattr(node, name)) if consume else iter(getattr(node, name)) for name in names}
    return node.model_copy(update={name: [] for name in names}), lists


def _whole(node: BaseModel | Unfinished[Any]) -> BaseModel:
    """The node with every list (an unfinished node's built now)."""
    return node.finish() if isinstance(node, Unfinished) else node


def _taken(items: list[Any]) -> Iterator[Any]:
    """The items of a list emptied now, each let go once the next is asked for."""
    pending = items[::-1]
    items.clear()
    while pending:
        yield pending.pop()


def _list_holes(shell: bytes, lists: Lists, indent: int | None, level: int,
                consume: bool) -> list[tuple[int, Pieces]] | None:
    """Where in ``shell`` (a node serialized with its ``lists`` empty, its braces at ``level``)
    each list's items go, with the items' pieces; ``None`` if a list's empty value is not found
    exactly once (another node's list of that name is empty too)."""
    holes = []
    for name, items in lists.items():
        empty = f'"{name}": []' if indent is not None else f'"{name}":[]'
        at = shell.find(empty.encode())
        if at < 0 or shell.find(empty.encode(), at + 1) >= 0:
            return None
        holes.append((at + len(empty) - 1, _items(items, indent, level + 2, consume)))  # before "]"
    return holes


def _filled(shell: bytes, holes: list[tuple[int, Pieces]]) -> Pieces:
    """``shell`` with each hole's pieces inserted at its offset (in order)."""
    view, done = memoryview(shell), 0
    for at, pieces in holes:
        yield view[done:at]
        yield from pieces
        done = at
    yield view[done:]


def _items(items: Iterator[Any], indent: int | None, level: int, consume: bool) -> Pieces:
    """The items of a list whose items stand at ``level``, separated and indented as the serializer
    does it (nothing for an empty list)."""
    item_break = b"\n" + b" " * (indent * level) if indent is not None else b""
    separator = item_break
    for item in items:
        yield separator
        yield from _item(item, indent, level, consume)
        separator = b"," + item_break
    if indent is not None and separator is not item_break:
        yield b"\n" + b" " * (indent * (level - 1))


def _item(item: BaseModel | Unfinished[Any], indent: int | None, level: int, consume: bool) -> Pieces:
    """One item of a list, standing at ``level``: a section or attachment of ``_PARTS_FROM``
    characters or more in its parts, anything else in one piece."""
    model = item.model if isinstance(item, Unfinished) else type(item)
    serializer = model.__pydantic_serializer__
    if model in _PARTS and _length(item) >= _PARTS_FROM:
        bare, lists = _opened(item, list(_PARTS[model]), consume)
        shell = _indented(serializer.to_json(bare, indent=indent), indent, level)
        holes = _list_holes(shell, lists, indent, level, consume)
        if holes is not None:
            yield from _filled(shell, holes)
            return
    yield _indented(serializer.to_json(_whole(item), indent=indent), indent, level)


def _length(node: Any) -> int:
    """How many characters of the text a section or attachment covers."""
    span = node.fields["span"] if isinstance(node, Unfinished) else node.span
    return int(span.end - span.start)


def _indented(piece: bytes, indent: int | None, level: int) -> bytes:
    """A piece serialized on its own, indented to stand at ``level`` (raw newlines are layout:
    strings escape theirs)."""
    return piece.replace(b"\n", b"\n" + b" " * (indent * level)) if indent else piece


def _text_pieces(text: str) -> Iterator[bytes]:
    """The text as the inside of a JSON string, a megabyte of characters at a time: the same escapes
    as the serializer's (quote, backslash and control characters; tests/test_output.py)."""
    for start in range(0, len(text), _TEXT_PIECE):
        yield json.dumps(text[start:start + _TEXT_PIECE], ensure_ascii=False)[1:-1].encode("utf-8")


@dataclass(frozen=True)
class DocumentJson(Renderer[Document | Unfinished[Document]]):
    """A Document as JSON, then a newline: ``docparse parse`` and the files of ``convert``.

    ``indent``, ``exclude`` and ``consume`` as for :func:`json_chunks` (``None``: compact, as
    ``convert`` writes it); an unfinished Document is built as it is written.
    """

    name = "json"
    media_type = "application/json"
    extension = ".json"

    indent: int | None = None
    exclude: frozenset[str] | None = None
    consume: bool = False

    def chunks(self, doc: Document | Unfinished[Document]) -> Pieces:
        yield from json_chunks(doc, indent=self.indent, exclude=self.exclude, consume=self.consume)
        yield b"\n"


@dataclass(frozen=True)
class DocumentJsonLines(Renderer[Document | Unfinished[Document]]):
    """A Document as one line of JSON Lines: its compact JSON, then a newline (``convert --format
    jsonl`` writes one line per input into one file). ``consume`` as for :class:`DocumentJson`."""

    name = "jsonl"
    media_type = "application/jsonl"
    extension = ".jsonl"

    consume: bool = False

    def chunks(self, doc: Document | Unfinished[Document]) -> Pieces:
        yield from json_chunks(doc, consume=self.consume)
        yield b"\n"
