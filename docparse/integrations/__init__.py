"""Adapters for retrieval frameworks: docparse's chunks (:func:`docparse.chunks`) as the documents
and nodes of LangChain (:mod:`.langchain`), LlamaIndex (:mod:`.llamaindex`) and Haystack
(:mod:`.haystack`).

Each adapter is an optional extra (``docparse-cn[langchain]``, ``docparse-cn[llamaindex]``,
``docparse-cn[haystack]``) and its module is imported only by a caller who uses it: ``import docparse``
never loads a framework. Every adapter reads every input format docparse reads
(:func:`docparse.parse_file`), and gives each chunk the same metadata (:func:`chunk_metadata`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError, install_hint

if TYPE_CHECKING:
    from ..models import Document
    from ..renderers.chunks import Chunk, Length

Source = str | os.PathLike[str]
"""A file to read: a path."""


def missing(package: str, extra: str) -> MissingExtraError:
    """The error for an adapter whose framework is not installed."""
    return MissingExtraError(f"此适配器需要安装 {package}：{install_hint(extra)}")


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    """The chunk's fields other than its text, as values every framework and vector store keeps
    (dates as ISO text): its id, offsets, heading path, section and the document's metadata."""
    data = chunk.model_dump(mode="json", exclude={"text", "text_with_context"})
    return {key: value for key, value in data.items() if value is not None}


@dataclass
class ChunkOptions:
    """How the adapters read a file (:func:`docparse.parse_file`) and cut it (:func:`docparse.chunks`)."""

    max_chars: int = 500
    overlap: int = 0
    length: Length = len
    encoding: str | None = None
    format: str | None = None
    """The reader (``text``, ``html``, ``docx`` …); by default chosen by content, then extension."""
    extra_metadata: dict[str, Any] = field(default_factory=dict)
    """Added to every chunk's metadata."""

    def documents(self, sources: Iterable[Source]) -> Iterator[Document]:
        """Each source parsed."""
        from ..api import parse_file

        for source in sources:
            yield parse_file(source, encoding=self.encoding, format=self.format)

    def chunks(self, doc: Document, doc_id: str | None = None) -> list[Chunk]:
        from ..renderers.chunks import chunks

        return chunks(doc, max_chars=self.max_chars, overlap=self.overlap, length=self.length, doc_id=doc_id)

    def metadata(self, chunk: Chunk) -> dict[str, Any]:
        return {**chunk_metadata(chunk), **self.extra_metadata}


def as_list(sources: Source | Iterable[Source]) -> list[Source]:
    """One path or many, as a list."""
    if isinstance(sources, (str, os.PathLike)):
        return [sources]
    return list(sources)
