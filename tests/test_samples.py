"""The five sample reports: the facts issue 2 states about each, checked on the parsed Document."""

from __future__ import annotations

import datetime as dt

import pytest

import docparse
from docparse.models import Document

from .conftest import EXAMPLES


def load(stem: str) -> Document:
    return docparse.parse_file(next(EXAMPLES.glob(f"{stem}_*.txt")))


def levels(doc: Document, level: int) -> int:
    return sum(1 for s in doc.walk() if s.level == level)


def items(doc: Document) -> int:
    return sum(1 for _ in doc.enum_items())


def furniture_texts(doc: Document) -> list[str]:
    return [f.text.strip() for f in doc.furniture]


def test_000_baode() -> None:
    doc = load("000")
    assert doc.title and doc.title.text == "保德县2022年度法治政府建设情况报告"
    assert doc.metadata.publish_date == dt.date(2023, 2, 28)
    assert doc.metadata.source == "保德县司法局"
    assert doc.report_year == 2022
    assert levels(doc, 1) == 8 and levels(doc, 2) == 0
    assert items(doc) == 29
    # each item under its own section; the five of 七、 share one paragraph
    per_section = [sum(len(p.items) for p in s.body) for s in doc.sections]
    assert per_section == [3, 3, 4, 2, 4, 3, 5, 5]
    seven = doc.sections[6]
    assert seven.title == "存在的问题及不足" and len(seven.body) == 1 and len(seven.body[0].items) == 5
    kinds = {f.category for f in doc.furniture}
    assert {"banner", "navigation", "font_size", "action"} <= kinds
    assert "关闭本页" in furniture_texts(doc)
    assert any(t.replace("\xa0", " ").split() == ["大", "中", "小"] for t in furniture_texts(doc))


def test_001_yunwu() -> None:
    doc = load("001")
    assert doc.metadata.publish_date == dt.date(2024, 3, 12)
    assert levels(doc, 1) == 3 and levels(doc, 2) == 8
    assert items(doc) == 19
    first = doc.sections[0].children[0]
    assert first.title == "加强党的领导,把握法治政府建设方向"
    assert [i.marker for i in first.body[0].items] == ["一是", "二是", "三是"]
    assert first.body[0].items[0].lead == "坚持党的全面领导"
    # the run-in heading ends at its 。; the body starts at 一是
    assert doc.text[first.body[0].span.start:].startswith("一是")


def test_002_qingfeng() -> None:
    doc = load("002")
    assert doc.title and doc.title.text == "清丰县2018年度依法行政工作情况的报告"
    assert len(doc.title.spans) == 2
    assert levels(doc, 1) == 3 and levels(doc, 2) == 15
    assert items(doc) == 20


def test_003_huaiyin() -> None:
    doc = load("003")
    assert levels(doc, 1) == 3 and levels(doc, 2) == 11
    assert items(doc) == 20
    texts = furniture_texts(doc)
    assert "字号:" in texts and "大 中 小" in texts and "扫码使用手机浏览本页内容" in texts


def test_004_yuncheng() -> None:
    doc = load("004")
    md = doc.metadata
    assert md.index_no == "012870556/2022-00020"
    assert md.issuer == "市人民政府办公室"
    assert md.doc_number == "运政函〔2022〕3号"
    assert md.written_date == dt.date(2022, 1, 28)
    assert md.publish_date == dt.date(2022, 2, 9)
    assert doc.title and len(doc.title.spans) == 1
    body_text = "".join(p.text for _, p in doc.paragraphs())
    assert "运城市人民政府 关于2021年度法治政府建设情况的报告" not in body_text
    assert levels(doc, 1) == 9
    fifth = doc.sections[4]
    assert fifth.marker.recovered and fifth.marker.ordinal == 5 and fifth.heading_span.line == 30
    assert [d.code for d in doc.diagnostics] == ["DP201"]
    assert doc.diagnostics[0].span and doc.diagnostics[0].span.line == 30
    assert doc.closing and [s.text for s in doc.closing.signature] == ["运城市人民政府"]
    assert doc.closing.date == dt.date(2022, 1, 28)
    last = doc.sections[-1]
    assert [i.marker for _, i in doc.enum_items()] == ["一是", "二是", "三是", "四是", "五是"]
    assert all(s is last for s, _ in doc.enum_items())


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_spans_slice_back(stem: str) -> None:
    doc = load(stem)
    for section in doc.walk():
        assert doc.text[section.heading_span.start:].startswith(section.marker.raw)
        if section.title_span:
            assert doc.text[section.title_span.start:section.title_span.end].replace(" ", "") \
                .replace("\u3000", "") .startswith(section.title[:4])
    for _, paragraph in doc.paragraphs():
        assert doc.text[paragraph.span.start:paragraph.span.end] == paragraph.text
        for item in paragraph.items:
            assert doc.text[item.lead_span.start:item.lead_span.end] == item.lead
