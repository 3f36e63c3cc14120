"""Chunks for retrieval: exact offsets, the limit, never across a section, headings with their text,
items and sentences whole, tables cut between rows, furniture and front matter left out."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.models import Document

from .conftest import FIXTURES, SAMPLES

CORPUS = sorted(Path(__file__).resolve().parents[2].joinpath("shared", "corpus").glob("*/*.txt"))
DOCUMENTS = [*SAMPLES, *sorted((FIXTURES / "genres").glob("*.txt")), *CORPUS[:20]]


def _sections(doc: Document) -> list[docparse.Section]:
    return list(doc.walk())


@pytest.fixture(scope="module")
def parsed() -> list[Document]:
    return [docparse.parse_file(path) for path in DOCUMENTS]


@pytest.mark.parametrize("limit", [80, 300, 1000])
def test_chunks_are_exact_within_the_limit_and_inside_one_section(parsed: list[Document], limit: int) -> None:
    for doc in parsed:
        found = docparse.chunks(doc, max_chars=limit)
        headings = {section.heading_span.start: section for section in _sections(doc)}
        for chunk in found:
            assert chunk.text == doc.text[chunk.start:chunk.end], doc.source.path
            assert 0 < len(chunk.text) <= limit, (doc.source.path, chunk.id)
            inside = [start for start in headings if chunk.start < start < chunk.end]
            assert not inside, (doc.source.path, chunk.id, "crosses into another section")
            if chunk.start in headings:
                assert headings[chunk.start].id == chunk.section_id
        assert [chunk.index for chunk in found] == list(range(len(found)))
        assert all(a.end <= b.start for a, b in itertools.pairwise(found)), "text order, no overlap"


def test_front_matter_and_furniture_are_not_in_chunks(parsed: list[Document]) -> None:
    for doc in parsed:
        found = docparse.chunks(doc)
        left_out = [furniture.span for furniture in doc.furniture]
        if doc.title:
            left_out.extend(doc.title.spans)
        for span in left_out:
            assert not any(c.start < span.end and span.start < c.end for c in found), (doc.source.path, span)


def test_a_heading_goes_with_its_first_text() -> None:
    doc = docparse.parse_file(SAMPLES[0])
    found = docparse.chunks(doc, max_chars=300)
    first = next(chunk for chunk in found if chunk.path == "一")
    heading = "一、深入学习贯彻党的二十大精神和习近平法治思想,全面加强党对法治政府建设的领导"
    assert first.text.startswith(heading) and len(first.text) > len(heading) + 10
    assert first.heading_path == [heading]
    assert first.text_with_context.startswith(f"{doc.title.text} > 一、深入学习" if doc.title else "一、")


def test_items_and_sentences_stay_whole_when_they_fit() -> None:
    text = ("关于2022年度工作的报告\n一、主要工作\n"
            + "".join(f"{n}是加强第{i}项工作，开展培训{i}次，覆盖{i * 100}人次。"
                      for i, n in enumerate("一二三四五六七八九十", start=1)) + "\n")
    doc = docparse.parse(text)
    items = [item for _, item in doc.enum_items()]
    assert len(items) == 10
    found = docparse.chunks(doc, max_chars=70)
    for item in items:
        assert any(c.start <= item.span.start and item.span.end <= c.end for c in found), item.marker
    long_sentence = "关于2022年度工作的报告\n一、主要工作\n" + "，".join(["推进依法行政工作"] * 40) + "。\n"
    doc = docparse.parse(long_sentence)
    found = docparse.chunks(doc, max_chars=50)
    assert all(len(c.text) <= 50 for c in found)
    assert all(c.text.endswith(("，", "。")) for c in found[:-1])  # cut after a comma, not mid-phrase


def test_the_limit_can_be_in_tokens() -> None:
    doc = docparse.parse_file(SAMPLES[1])

    def tokens(text: str) -> int:  # a stand-in tokenizer: two characters a token
        return (len(text) + 1) // 2

    found = docparse.chunks(doc, max_chars=100, length=tokens)
    assert found and all(tokens(c.text) <= 100 for c in found)
    assert max(len(c.text) for c in found) > 100


def test_overlap_repeats_whole_sentences_of_the_previous_chunk() -> None:
    doc = docparse.parse_file(SAMPLES[0])
    plain = docparse.chunks(doc, max_chars=200)
    overlapping = docparse.chunks(doc, max_chars=200, overlap=80)
    assert len(overlapping) >= len(plain)
    repeated = [(a, b) for a, b in itertools.pairwise(overlapping)
                if a.section_id == b.section_id and b.start < a.end]
    assert repeated
    for a, b in repeated:
        assert len(doc.text[b.start:a.end]) <= 80
    with pytest.raises(ValueError, match="overlap"):
        docparse.chunks(doc, max_chars=100, overlap=100)


def test_chunks_carry_the_documents_metadata() -> None:
    doc = docparse.parse_file(SAMPLES[0])
    chunk = docparse.chunks(doc)[0]
    assert chunk.doc_id == doc.source.path and chunk.id == f"{doc.source.path}#0"
    assert chunk.title == (doc.title.text if doc.title else None)
    assert chunk.doc_type == doc.doc_type and chunk.report_year == doc.report_year
    assert chunk.line == doc.text.count("\n", 0, chunk.start) + 1


def test_the_command_writes_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chunks", "--max-chars", "200", str(SAMPLES[0])]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) > 5 and all(len(row["text"]) <= 200 for row in rows)
    assert {"heading_path", "path", "section_id", "text_with_context", "start", "end"} <= set(rows[0])
    assert main(["chunks", "--max-chars", "100", "--overlap", "100", str(SAMPLES[0])]) == 2
