"""The public functions: parse text, bytes or a file into a Document; read one back from JSON.

The pipeline, one module or package per stage (ARCHITECTURE.md):
read (readers/) → decode → normalize → lines → segment (segment.py, frontmatter.py) → structure
(structure/) → body (body/, metrics/) → Document. Each stage reports the diagnostics it detects;
``validate`` (validate) reads a finished Document; renderers write it out.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

from . import readers
from .body import BodyContext, body_parts
from .errors import (
    BYTES_PER_CHAR,
    MAX_CHARS,
    MAX_DEPTH,
    EmptyInputError,
    LimitError,
    NotChineseError,
    path_text,
    size_limit_error,
)
from .files import read_bytes
from .frontmatter import build_front_matter
from .lines import text_lines
from .models import Diagnostic, Document, Furniture, SourceAnchor, SourceInfo, Unfinished, build
from .normalize import CJK, fold, normalize_newlines, text_diagnostics
from .renderers.document import json_chunks
from .segment import segment
from .spans import Locator, page_starts
from .structure import structure
from .tables import Tables, keep_table_rows

_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate (a string built from broken UTF-16): no character; read as U+FFFD."""


def parse(text: str, *, path: str | None = None, max_chars: int = MAX_CHARS,
          max_depth: int = MAX_DEPTH) -> Document:
    """Parse report text into a :class:`Document`. Never raises for odd text, only above a limit
    (``max_chars`` characters, ``max_depth`` levels of section nesting: :class:`LimitError`).

    >>> parse("关于2022年度工作的报告\\n一、主要工作\\n开展培训12次。").sections[0].title
    '主要工作'
    """
    if len(text) > max_chars:
        raise LimitError(f"输入超过 {max_chars} 个字符的上限（可用 max_chars 放宽）", path=path)
    data = text.encode("utf-8", errors="surrogatepass")
    bom = text.startswith("\ufeff")
    source = _source(path, len(data), hashlib.sha256(data).hexdigest())
    del data  # hashed: a copy of the text that the parse does not need
    text, surrogates = _SURROGATE.subn("\ufffd", text)  # no JSON, no UTF-8 has them: as lost bytes
    reading = readers.Reading(text.lstrip("\ufeff"), "text", "utf-8", 1.0, bom=bom, replaced=surrogates)
    return _pipeline(reading, source, max_depth=max_depth, path=path).finish()


def parse_bytes(data: bytes, *, encoding: str | None = None, path: str | None = None,
                format: str | None = None, max_chars: int = MAX_CHARS,
                max_depth: int = MAX_DEPTH) -> Document:
    """Read bytes (a file of any format docparse reads: plain text in any common encoding, or
    ``encoding``; Markdown, HTML, Word, PDF, OFD) and parse them. The reader is chosen by content,
    then by the extension of ``path``, unless ``format`` names it (``text``, ``html`` …).

    Raises:
        DocparseError: empty, binary, undecodable or non-Chinese input, input over the limit, a
            format whose optional dependency is not installed (DP012).
    """
    reading, source = _read(data, encoding=encoding, path=path, format=format, max_chars=max_chars)
    del data  # a caller that holds no other reference lets the bytes go before the models are built
    return _pipeline(reading, source, max_depth=max_depth, path=path).finish()


def parse_bytes_unfinished(data: bytes, *, encoding: str | None = None, path: str | None = None,
                           format: str | None = None, max_chars: int = MAX_CHARS,
                           max_depth: int = MAX_DEPTH) -> Unfinished[Document]:
    """:func:`parse_bytes`, the Document's body (preamble, sections, attachments) left to be built
    as it is read (:class:`~docparse.models.Unfinished`): for a writer that lets each part go once
    written (``convert``), so that the whole Document is never held. Raises as :func:`parse_bytes`."""
    reading, source = _read(data, encoding=encoding, path=path, format=format, max_chars=max_chars)
    del data
    return _pipeline(reading, source, max_depth=max_depth, path=path)


def _read(data: bytes, *, encoding: str | None, path: str | None, format: str | None,
          max_chars: int) -> tuple[readers.Reading, dict[str, object]]:
    """The text of the bytes and the :class:`SourceInfo` fields of the bytes themselves."""
    if len(data) > max_chars * BYTES_PER_CHAR:
        raise size_limit_error(max_chars, path)
    reading = readers.read(data, encoding=encoding, path=path, format=format)
    if not reading.text or reading.text.isspace():
        raise EmptyInputError("文件只有空白字符", path=path)
    if not CJK.search(reading.text):
        raise NotChineseError("文本中没有汉字，不是可解析的中文报告", path=path)
    if len(reading.text) > max_chars:
        raise LimitError(f"输入超过 {max_chars} 个字符的上限（可用 max_chars 放宽）", path=path)
    return reading, _source(path, len(data), hashlib.sha256(data).hexdigest())


def parse_file(path: str | os.PathLike[str], *, encoding: str | None = None, format: str | None = None,
               max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> Document:
    """Read a file and parse it; errors name the file. A file over the size limit is refused
    before it is read; ``source.path`` is the name as text (:func:`docparse.errors.path_text`).

    Raises:
        DocparseError: the file is missing, a directory, a named pipe or unreadable, over the
            size limit, or its content is not a report.
    """
    name = os.fspath(path)
    return parse_bytes(read_bytes(name, max_chars=max_chars), encoding=encoding, path=path_text(name),
                       format=format, max_chars=max_chars, max_depth=max_depth)


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    """The Document as JSON (Chinese unescaped): ``doc.model_dump_json(indent=indent)``, made by the
    writer every JSON output of docparse uses (:func:`docparse.renderers.document.json_chunks`)."""
    return b"".join(json_chunks(doc, indent=indent)).decode("utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the output (serialization mode)."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://docparse.example/schema/document-{Document.model_fields['schema_version'].default}.json"
    return schema


def from_json(data: str | bytes) -> Document:
    """A Document read back from its JSON.

    Raises:
        pydantic.ValidationError: not a Document, or one of another major schema version.
    """
    return Document.model_validate_json(data)


def _source(path: str | None, size: int, digest: str) -> dict[str, object]:
    """The :class:`SourceInfo` fields of the input bytes (the reading gives the rest)."""
    return {"path": path, "size": size, "sha256": digest}


def _pipeline(reading: readers.Reading, source_fields: dict[str, object], *, max_depth: int,
              path: str | None) -> Unfinished[Document]:
    """Normalize → lines → segment → structure, and the Document around the body, whose parts
    are built as they are read (by ``finish``, or by a writer)."""
    text, newline = normalize_newlines(reading.text)
    folded = fold(text)
    locator = Locator(text, page_starts(reading.anchors))
    tables = Tables(reading.tables)
    segmented = segment(keep_table_rows(text_lines(text, folded, locator), reading.tables, text, folded),
                        title_hint=reading.title_hint, tables=tables)
    front = build_front_matter(text, folded, locator, segmented, reading.metadata)
    found = structure(segmented.body, text, folded, locator, max_depth=max_depth, path=path,
                      tables=tables, title=front.title.text if front.title else None)
    del segmented  # a copy of the text as line objects: free it before the models are built
    period = str(front.report_year) if front.report_year else None
    reports = front.doc_type in ("fazhi_annual", "work_summary", "gov_work_report")
    work_report = front.doc_type == "gov_work_report"
    reviewed = str(front.report_year - 1) if work_report and front.report_year else None
    context = BodyContext(text, folded, locator, period, measures_default=reports,
                          tables=tables, reviewed=reviewed)
    diagnostics = [*text_diagnostics(text, locator, replaced=reading.replaced, confidence=reading.confidence,
                                     misread_as=reading.misread_as),
                   *front.diagnostics, *found.diagnostics]
    fields = {
        "source": build(SourceInfo, **source_fields, encoding=reading.encoding,
                        confidence=reading.confidence, bom=reading.bom, newline=newline,
                        format=reading.format), "text": text,
        "doc_type": front.doc_type, "title": front.title, "subtitle": front.subtitle, "byline": front.byline,
        "report_year": front.report_year, "addressee": front.addressee, "metadata": front.metadata,
        "furniture": sorted([*front.furniture, *found.furniture], key=_start), "closing": front.closing,
        "diagnostics": sorted(diagnostics, key=_position),
        "source_map": [build(SourceAnchor, start=anchor.start, end=anchor.end, where=anchor.where,
                             offset=anchor.offset, page=anchor.page) for anchor in reading.anchors],
    }
    return Unfinished(Document, fields, body_parts(found.outline, context))


def _start(furniture: Furniture) -> int:
    return furniture.span.start


def _position(diagnostic: Diagnostic) -> tuple[int, str]:
    return (diagnostic.span.start if diagnostic.span else -1, diagnostic.code)
