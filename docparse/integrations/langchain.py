"""A LangChain document loader: a docparse chunk per ``langchain_core.documents.Document``::

    from docparse.integrations.langchain import DocparseLoader
    for document in DocparseLoader(["报告.docx", "通知.html"], max_chars=800).lazy_load():
        print(document.metadata["heading_path"], document.page_content[:20])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import ChunkOptions, Source, as_list, missing

try:
    from langchain_core.document_loaders import BaseLoader
    from langchain_core.documents import Document as LangChainDocument
except ImportError:
    raise missing("langchain-core", "langchain") from None


class DocparseLoader(BaseLoader):
    """Loads files of any format docparse reads as chunks that never cross a section: each is a
    ``Document`` whose ``page_content`` is the chunk's text (``doc.text[start:end]``) and whose
    ``metadata`` holds its heading path, offsets and the document's metadata
    (:func:`docparse.integrations.chunk_metadata`); its ``id`` is the chunk's id.

    ``with_context=True`` puts the document's title and the heading path before the text (the
    chunk's ``text_with_context``), for embedding.
    """

    def __init__(self, file_path: Source | Iterable[Source], *, max_chars: int = 500, overlap: int = 0,
                 length: Any = len, encoding: str | None = None, format: str | None = None,
                 with_context: bool = False, metadata: dict[str, Any] | None = None) -> None:
        self.sources = as_list(file_path)
        self.options = ChunkOptions(max_chars, overlap, length, encoding, format, dict(metadata or {}))
        self.with_context = with_context

    def lazy_load(self) -> Iterator[LangChainDocument]:
        for doc in self.options.documents(self.sources):
            for chunk in self.options.chunks(doc):
                content = chunk.text_with_context if self.with_context else chunk.text
                yield LangChainDocument(page_content=content, metadata=self.options.metadata(chunk),
                                        id=chunk.id)
