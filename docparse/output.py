"""Stage 9: a Document as JSON bytes, in pieces (``docparse convert`` and ``docparse parse``).

``to_json`` of a 10 MB report is one buffer of ~85 MB compact and ~160 MB indented (and
``model_dump_json`` decodes it into a str of as much again). Writing it section by section keeps
the largest buffer to the Document without its sections (mostly its text) plus one top-level
section, so the peak memory of a conversion is the Document's, not the Document's plus its JSON.
The bytes are exactly those of ``Document.__pydantic_serializer__.to_json(doc, indent=…,
exclude=…)`` (tests/test_output.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .models import Document, Section


def json_chunks(doc: Document, *, indent: int | None = None, exclude: set[str] | None = None,
                consume: bool = False) -> Iterator[bytes | memoryview]:
    """The JSON of ``doc`` in pieces: everything before the sections, one top-level section at a
    time, then the rest. ``indent`` and ``exclude`` (top-level fields) as for ``model_dump_json``.

    With ``consume``, each top-level section is taken out of ``doc.sections`` once written, for a
    caller that discards the Document afterwards (``convert``, ``parse``): serializing a string
    attaches a UTF-8 copy to it for as long as it lives, which otherwise grows a written Document
    by a tenth."""
    options: dict[str, Any] = {"indent": indent or None, "exclude": exclude}
    serializer = Document.__pydantic_serializer__
    empty = b'"sections": []' if indent else b'"sections":[]'
    shell = serializer.to_json(doc.model_copy(update={"sections": []}), **options)
    # JSON strings escape their quotes, so the key appears once: the Document's own field
    at = shell.find(empty)
    if not doc.sections or at < 0 or shell.find(empty, at + 1) >= 0:
        yield serializer.to_json(doc, **options)
        return
    head = at + len(empty) - 1  # up to and including the "[" of the empty list
    if indent:  # one section per line block, two levels in: {  "sections": [    {…
        item_break = b"\n" + b" " * (2 * indent)
        first, between, last = item_break, b"," + item_break, b"\n" + b" " * indent
    else:
        item_break, first, between, last = b"", b"", b",", b""
    yield memoryview(shell)[:head]  # the head holds the text: not copied
    to_json = Section.__pydantic_serializer__.to_json
    pending = doc.sections[::-1]
    if consume:
        doc.sections.clear()
    index = 0
    while pending:
        piece = to_json(pending.pop(), indent=indent or None)
        if indent:
            piece = piece.replace(b"\n", item_break)  # raw newlines are layout: strings escape theirs
        yield (between if index else first) + piece
        index += 1
    yield last + shell[head:]
