"""The framework adapters against the real LangChain, LlamaIndex and Haystack (the dev extra), on
real reports in every format docparse reads."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

import docparse

from .conftest import ROOT, SAMPLES

REPORT = SAMPLES[4]
REAL_SHAPES = ROOT / "tests" / "fixtures" / "spec" / "real_shapes.txt"


@pytest.fixture
def markdown_report(tmp_path: Path) -> Path:
    """The report as Markdown (a second input format)."""
    path = tmp_path / "report.md"
    path.write_text(docparse.to_markdown(docparse.parse_file(REPORT)), encoding="utf-8")
    return path


def test_importing_docparse_loads_no_framework() -> None:
    code = ("import sys, docparse; docparse.chunks; docparse.parse('关于工作的报告\\n一、甲\\n内容。');"
            "print([m for m in ('langchain_core', 'llama_index', 'haystack') if m in sys.modules])")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_langchain_loader_gives_a_document_per_chunk(markdown_report: Path) -> None:
    from langchain_core.documents import Document

    from docparse.integrations.langchain import DocparseLoader

    for path in (REPORT, markdown_report):
        doc = docparse.parse_file(path)
        expected = docparse.chunks(doc, max_chars=300)
        loaded = list(DocparseLoader(path, max_chars=300).lazy_load())
        assert all(isinstance(item, Document) for item in loaded)
        assert [item.page_content for item in loaded] == [c.text for c in expected]
        for item, chunk in zip(loaded, expected, strict=True):
            assert item.id == chunk.id
            assert item.metadata["heading_path"] == chunk.heading_path
            assert doc.text[item.metadata["start"]:item.metadata["end"]] == item.page_content
        assert loaded[1].metadata["doc_number"] == doc.metadata.doc_number
        assert loaded[1].metadata["written_date"] == doc.metadata.written_date.isoformat()
    with_context = DocparseLoader([REPORT], with_context=True, metadata={"collection": "法治"}).load()
    assert with_context[1].page_content.startswith(docparse.parse_file(REPORT).title.text)
    assert with_context[1].metadata["collection"] == "法治"


def test_llamaindex_nodes_have_offsets_and_relations(markdown_report: Path) -> None:
    from llama_index.core.node_parser import get_leaf_nodes
    from llama_index.core.schema import NodeRelationship, TextNode

    from docparse.integrations.llamaindex import DocparseNodeParser, DocparseReader

    documents = DocparseReader().load_data([REAL_SHAPES, markdown_report])
    assert [d.id_ for d in documents] == [str(REAL_SHAPES), str(markdown_report)]
    nodes = DocparseNodeParser(max_chars=200).get_nodes_from_documents(documents)
    by_id = {node.node_id: node for node in nodes}
    leaves = get_leaf_nodes(nodes)
    for document in documents:
        chunks = [n for n in leaves if n.ref_doc_id == document.id_]
        doc = docparse.parse_file(document.id_)
        assert [n.get_content() for n in chunks] == [c.text for c in docparse.chunks(doc, max_chars=200)]
        for node in [n for n in nodes if n.ref_doc_id == document.id_]:
            assert isinstance(node, TextNode)
            assert document.text[node.start_char_idx:node.end_char_idx] == node.text
        for before, after in itertools.pairwise(chunks):
            assert after.relationships[NodeRelationship.PREVIOUS].node_id == before.node_id
            assert before.relationships[NodeRelationship.NEXT].node_id == after.node_id
        for chunk in chunks:
            if "section_id" not in chunk.metadata:
                continue
            parent = by_id[chunk.relationships[NodeRelationship.PARENT].node_id]
            assert parent.metadata["section_id"] == chunk.metadata["section_id"]
            assert chunk.node_id in {info.node_id for info in parent.relationships[NodeRelationship.CHILD]}
            assert parent.start_char_idx <= chunk.start_char_idx


def test_haystack_converter_reads_paths_and_bytes(markdown_report: Path) -> None:
    from haystack import Document, Pipeline
    from haystack.dataclasses import ByteStream

    from docparse.integrations.haystack import DocparseToDocument

    converter = DocparseToDocument(max_chars=400)
    stream = ByteStream(data=REPORT.read_bytes(), meta={"file_path": "运城.txt"})
    result = converter.run(sources=[REPORT, markdown_report, stream], meta={"batch": 1})
    documents = result["documents"]
    assert all(isinstance(d, Document) for d in documents)
    for path in (REPORT, markdown_report):
        expected = docparse.chunks(docparse.parse_file(path), max_chars=400)
        found = [d for d in documents if d.meta["doc_id"] == str(path)]
        assert [d.content for d in found] == [c.text for c in expected]
        assert [d.id for d in found] == [c.id for c in expected]
    from_bytes = [d for d in documents if d.meta["doc_id"] == "运城.txt"]
    assert from_bytes and all(d.meta["batch"] == 1 and d.meta["file_path"] == "运城.txt" for d in from_bytes)
    pipeline = Pipeline()  # a component Haystack accepts in a pipeline
    pipeline.add_component("docparse", DocparseToDocument())
    assert pipeline.run({"docparse": {"sources": [REPORT]}})["docparse"]["documents"]


def test_haystack_skips_a_source_it_cannot_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from docparse.integrations.haystack import DocparseToDocument

    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    documents = DocparseToDocument().run(sources=[empty, REPORT])["documents"]
    assert documents and {d.meta["doc_id"] for d in documents} == {str(REPORT)}
    assert "DP002" in caplog.text or "空" in caplog.text


@pytest.mark.parametrize(("module", "framework", "extra"), [
    ("langchain", "langchain_core.document_loaders", "langchain"),
    ("llamaindex", "llama_index.core.node_parser", "llamaindex"),
    ("haystack", "haystack", "haystack"),
])
def test_a_missing_framework_names_the_extra_to_install(module: str, framework: str, extra: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from docparse.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, framework, None)  # as if not installed
    monkeypatch.delitem(sys.modules, f"docparse.integrations.{module}", raising=False)
    with pytest.raises(MissingExtraError, match=rf"\[{extra}\]") as caught:
        importlib.import_module(f"docparse.integrations.{module}")
    assert caught.value.code == "DP012"
