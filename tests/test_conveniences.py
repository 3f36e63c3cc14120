"""The library's conveniences on real reports: a section by path, a section's text, every node with
its depth, a Document loaded back from its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docparse
from docparse.models import Claim, EnumItem, Paragraph, Section

from .conftest import ROOT, SAMPLES

GOOD = ROOT / "tests" / "fixtures" / "validate" / "good_gongwen.txt"


def test_a_section_by_its_path() -> None:
    doc = docparse.parse_file(GOOD)
    assert doc.section("一/（二）/2") is next(s for s in doc.walk() if s.path == "一/（二）/2")
    assert doc.section("二").marker.raw.startswith("二")
    with pytest.raises(KeyError, match="九"):
        doc.section("九")


def test_a_sections_text_is_its_heading_and_own_paragraphs() -> None:
    doc = docparse.parse_file(SAMPLES[4])
    for section in doc.walk():
        lines = section.text.split("\n")
        assert lines[0] == f"{section.marker.raw}{section.title}"
        assert lines[1:] == [p.text for p in section.body]
        assert all(p.text in doc.section_text(section) for p in section.body)


def test_nodes_yields_every_node_once_with_its_depth() -> None:
    for path in [*SAMPLES, GOOD]:
        doc = docparse.parse_file(path)
        nodes = list(doc.nodes())
        sections = [(depth, node) for depth, node in nodes if isinstance(node, Section)]
        assert [node for _, node in sections] == list(doc.walk())
        assert all(depth == node.level - 1 for depth, node in sections)  # no attachments in these
        assert [n for _, n in nodes if isinstance(n, Paragraph)] == [p for _, p in doc.paragraphs()]
        assert [n for _, n in nodes if isinstance(n, Claim)] == [c for _, c in doc.claims()]
        assert [n for _, n in nodes if isinstance(n, EnumItem)] == [i for _, i in doc.enum_items()]
        parents: list[tuple[int, object]] = []
        for depth, node in nodes:  # a node is one deeper than the node that holds it
            while parents and parents[-1][0] >= depth:
                parents.pop()
            assert depth == (parents[-1][0] + 1 if parents else 0)
            parents.append((depth, node))


def test_load_reads_a_document_back_from_json_text_bytes_or_a_file(tmp_path: Path) -> None:
    doc = docparse.parse_file(SAMPLES[4])
    text = docparse.to_json(doc)
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    assert docparse.load(text) == docparse.load(text.encode()) == doc
    assert docparse.load(tmp_path / "a.json") == docparse.load(str(tmp_path / "a.json")) == doc


def test_load_refuses_another_schema_version_and_what_is_no_document(tmp_path: Path) -> None:
    data = json.loads(docparse.to_json(docparse.parse_file(SAMPLES[0])))
    major = int(docparse.SCHEMA_VERSION.split(".")[0])
    data["schema_version"] = f"{major + 1}.0.0"
    with pytest.raises(docparse.DocparseError, match=r"结构版本为 \d+\.0\.0") as caught:
        docparse.load(json.dumps(data, ensure_ascii=False))
    assert caught.value.code == "DP001"
    with pytest.raises(docparse.DocparseError, match="不是 docparse 文档"):
        docparse.load('{"title": "x"}')
    with pytest.raises(docparse.DocparseError, match="无法读取") as missing:
        docparse.load(tmp_path / "none.json")
    assert missing.value.path == str(tmp_path / "none.json")
