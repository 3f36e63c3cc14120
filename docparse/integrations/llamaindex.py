"""A LlamaIndex reader and node parser::

    from docparse.integrations.llamaindex import DocparseNodeParser, DocparseReader
    documents = DocparseReader().load_data(["报告.docx", "通知.html"])
    nodes = DocparseNodeParser(max_chars=800).get_nodes_from_documents(documents)

The reader gives a ``Document`` per file, its text docparse's (``doc.text``); the node parser cuts
each into docparse's chunks, a ``TextNode`` each with ``start_char_idx``/``end_char_idx`` into that
text, the chunk's metadata (:func:`docparse.integrations.chunk_metadata`) and its ``PREVIOUS`` and
``NEXT`` chunk of the same document. With ``include_sections`` (the default) each section is a node
too (its heading and its own paragraphs): a chunk's ``PARENT`` is its section, a section's ``PARENT``
the section above it and its ``CHILD`` relations its sub-sections and chunks, as LlamaIndex's
hierarchical retrievers expect (``llama_index.core.node_parser.get_leaf_nodes`` gives the chunks).
The node parser reads the document's text again (as Markdown when the reader read a Markdown file,
else as plain text: the text docparse made of an HTML or Word file is plain text): give it the
reader's documents, or any ``Document`` whose text is a Chinese report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import Field

from . import ChunkOptions, Source, as_list, missing

if TYPE_CHECKING:
    from ..models import Document as ParsedDocument

try:
    from llama_index.core.node_parser import NodeParser
    from llama_index.core.readers.base import BaseReader
    from llama_index.core.schema import BaseNode, NodeRelationship, TextNode
    from llama_index.core.schema import Document as LlamaDocument
except ImportError:
    raise missing("llama-index-core", "llamaindex") from None


class DocparseReader(BaseReader):
    """Reads files of any format docparse reads: a ``Document`` per file whose text is docparse's
    text of it and whose id is the file's path as given."""

    def __init__(self, *, encoding: str | None = None, format: str | None = None) -> None:
        self.options = ChunkOptions(encoding=encoding, format=format)

    def load_data(self, file_path: Source | Iterable[Source], extra_info: dict[str, Any] | None = None,
                  **load_kwargs: Any) -> list[LlamaDocument]:
        documents = []
        for doc in self.options.documents(as_list(file_path)):
            doc_id = doc.source.path or doc.source.sha256[:16]
            metadata = {"doc_id": doc_id, "file_path": doc.source.path, "format": doc.source.format,
                        "doc_type": doc.doc_type, "title": doc.title.text if doc.title else None}
            metadata = {key: value for key, value in metadata.items() if value is not None}
            metadata.update(extra_info or {})
            documents.append(LlamaDocument(text=doc.text, id_=doc_id, metadata=metadata))
        return documents


class DocparseNodeParser(NodeParser):
    """Cuts documents into docparse's chunks (see the module docstring)."""

    max_chars: int = Field(default=500, description="每块的上限（按 length 计，默认为字符数）")
    overlap: int = Field(default=0, description="与上一块重叠的长度（按整句计）")
    include_sections: bool = Field(default=True, description="是否同时给出章节节点（作为文本块的 PARENT）")
    include_prev_next_rel: bool = Field(default=True, description="文本块是否带 PREVIOUS/NEXT 关系")

    def _parse_nodes(self, nodes: Sequence[BaseNode], show_progress: bool = False,
                     **kwargs: Any) -> list[BaseNode]:
        from ..api import parse_bytes

        parsed: list[BaseNode] = []
        options = ChunkOptions(self.max_chars, self.overlap)
        for node in nodes:
            markdown = node.metadata.get("format") == "markdown"
            doc = parse_bytes(node.get_content().encode("utf-8"), encoding="utf-8",
                              path=node.metadata.get("file_path"), format="markdown" if markdown else "text")
            parsed += self._nodes_of(node, doc, options)
        return parsed

    def _postprocess_parsed_nodes(self, nodes: list[BaseNode], parent_doc_map: dict[str, LlamaDocument]
                                  ) -> list[BaseNode]:
        """The nodes as made: their offsets and relations are docparse's, not found again by search."""
        return nodes

    def _nodes_of(self, source: BaseNode, doc: ParsedDocument, options: ChunkOptions) -> list[BaseNode]:
        origin = source.as_related_node_info()
        base = {key: value for key, value in source.metadata.items() if self.include_metadata}
        sections: dict[str, TextNode] = {}
        if self.include_sections:
            for section in doc.walk():
                text = doc.section_text(section)
                start = section.heading_span.start
                node = TextNode(id_=f"{source.node_id}#{section.id}", text=text, start_char_idx=start,
                                end_char_idx=start + len(text),
                                metadata={**base, "section_id": section.id, "path": section.path,
                                          "level": section.level, "role": section.role,
                                          "title": section.title})
                node.relationships[NodeRelationship.SOURCE] = origin
                sections[section.id] = node
            for section in doc.walk():
                for child in section.children:
                    _link(sections[section.id], sections[child.id])
        chunks: list[TextNode] = []
        for chunk in options.chunks(doc, doc_id=source.node_id):
            node = TextNode(id_=chunk.id, text=chunk.text, start_char_idx=chunk.start, end_char_idx=chunk.end,
                            metadata={**base, **(options.metadata(chunk) if self.include_metadata else {})})
            node.relationships[NodeRelationship.SOURCE] = origin
            if chunk.section_id in sections:
                _link(sections[chunk.section_id], node)
            if self.include_prev_next_rel and chunks:
                node.relationships[NodeRelationship.PREVIOUS] = chunks[-1].as_related_node_info()
                chunks[-1].relationships[NodeRelationship.NEXT] = node.as_related_node_info()
            chunks.append(node)
        return [*sections.values(), *chunks]


def _link(parent: TextNode, child: TextNode) -> None:
    child.relationships[NodeRelationship.PARENT] = parent.as_related_node_info()
    children = parent.relationships.get(NodeRelationship.CHILD)
    found = children if isinstance(children, list) else []
    parent.relationships[NodeRelationship.CHILD] = [*found, child.as_related_node_info()]
