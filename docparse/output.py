"""Stage 9: a Document as the compact JSON bytes ``docparse convert`` writes, in pieces.

``to_json`` of a 10 MB report is one buffer of ~85 MB (plus the copy a file write with a newline
adds). Writing it section by section keeps the largest buffer to one top-level section, so the
peak memory of a conversion is the Document's, not the Document's plus its JSON. The bytes are
exactly those of ``Document.__pydantic_serializer__.to_json(doc)`` (tests/test_output.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from .models import Document, Section

_SECTIONS = b'"sections":[]'


def json_chunks(doc: Document) -> Iterator[bytes]:
    """The compact JSON of ``doc`` in pieces: everything but the sections, then one section at a time."""
    shell = Document.__pydantic_serializer__.to_json(doc.model_copy(update={"sections": []}))
    # JSON strings escape their quotes, so the key appears once: the Document's own field
    before, found, after = shell.partition(_SECTIONS)
    if not found or _SECTIONS in after:
        yield Document.__pydantic_serializer__.to_json(doc)
        return
    del shell
    yield before + b'"sections":['
    to_json = Section.__pydantic_serializer__.to_json
    for index, section in enumerate(doc.sections):
        yield (b"," if index else b"") + to_json(section)
    yield b"]" + after
