"""A Haystack converter component: files of any format docparse reads → a Haystack ``Document``
per chunk::

    from docparse.integrations.haystack import DocparseToDocument
    documents = DocparseToDocument(max_chars=800).run(sources=["报告.docx", "通知.html"])["documents"]

Each ``Document``'s ``content`` is the chunk's text (``doc.text[start:end]``), its ``id`` the
chunk's id and its ``meta`` the chunk's metadata (:func:`docparse.integrations.chunk_metadata`),
with the ``meta`` given to :meth:`DocparseToDocument.run` and that of a ``ByteStream``. As with
Haystack's own converters, a source that cannot be read is skipped with a warning.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..errors import DocparseError
from . import ChunkOptions, missing

try:
    from haystack import Document as HaystackDocument
    from haystack import component
    from haystack.components.converters.utils import normalize_metadata
    from haystack.dataclasses import ByteStream
except ImportError:
    raise missing("haystack-ai", "haystack") from None

logger = logging.getLogger(__name__)


@component
class DocparseToDocument:
    """Converts files to a ``Document`` per docparse chunk (see the module docstring);
    ``with_context=True`` puts the title and heading path before each chunk's text."""

    def __init__(self, max_chars: int = 500, overlap: int = 0, encoding: str | None = None,
                 format: str | None = None, with_context: bool = False) -> None:
        self.options = ChunkOptions(max_chars, overlap, len, encoding, format)
        self.with_context = with_context

    @component.output_types(documents=list[HaystackDocument])
    def run(self, sources: list[str | Path | ByteStream],
            meta: dict[str, Any] | list[dict[str, Any]] | None = None) -> dict[str, list[HaystackDocument]]:
        from ..api import parse_bytes, parse_file

        documents: list[HaystackDocument] = []
        for source, extra in zip(sources, normalize_metadata(meta, sources_count=len(sources)), strict=True):
            try:
                if isinstance(source, ByteStream):
                    name = source.meta.get("file_path")
                    doc = parse_bytes(source.data, path=str(name) if name else None,
                                      encoding=self.options.encoding, format=self.options.format)
                    extra = {**source.meta, **extra}
                else:
                    doc = parse_file(source, encoding=self.options.encoding, format=self.options.format)
            except (DocparseError, OSError) as error:
                logger.warning("docparse 无法读取 %s，已跳过：%s", source, error)
                continue
            for chunk in self.options.chunks(doc):
                content = chunk.text_with_context if self.with_context else chunk.text
                documents.append(HaystackDocument(id=chunk.id, content=content,
                                                  meta={**self.options.metadata(chunk), **extra}))
        return {"documents": documents}
