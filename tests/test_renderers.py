"""The renderers (docparse/renderers/): one protocol, one JSON path, one table of metric columns."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import pytest

import docparse
from docparse.renderers import Renderer, findings, metrics, outline
from docparse.renderers.document import DocumentJson, DocumentJsonLines
from docparse.renderers.parquet import TABLES, ParquetTable, rows, to_arrow

from .conftest import FIXTURES, SAMPLES

DOCUMENTS = [*SAMPLES, *sorted((FIXTURES / "genres").glob("*.txt"))]


def every_renderer(doc: docparse.Document) -> list[tuple[Renderer[Any], object]]:
    """Each renderer with something it renders."""
    report = findings.Findings("a.txt", "gongwen", doc, docparse.validate(doc))
    cases: list[tuple[Renderer[Any], object]] = [(DocumentJson(indent=2), doc), (DocumentJsonLines(), doc)]
    cases += [(renderer, ("a.txt", doc)) for renderer in outline.RENDERERS.values()]
    cases += [(renderer, list(metrics.metric_rows(doc, "a.txt"))) for renderer in metrics.RENDERERS.values()]
    cases += [(renderer, [report, findings.Findings("b.txt", error="DP002 文件为空")])
              for renderer in findings.RENDERERS.values()]
    return cases


def test_every_renderer_names_its_format_and_writes_what_it_renders() -> None:
    doc = docparse.parse_file(SAMPLES[4])
    for renderer, item in every_renderer(doc):
        assert renderer.name and "/" in renderer.media_type and renderer.extension.startswith(".")
        stream = io.BytesIO()
        renderer.write(item, stream)
        assert stream.getvalue() == renderer.render(item) == b"".join(renderer.chunks(item))
        assert renderer.render(item).endswith(b"\n"), renderer


def test_a_family_lists_its_renderers_by_name() -> None:
    assert list(metrics.RENDERERS) == ["csv", "json", "jsonl"]
    assert list(findings.RENDERERS) == ["text", "json", "sarif"]
    assert list(outline.RENDERERS) == ["text", "jsonl"]
    for family in (metrics.RENDERERS, findings.RENDERERS, outline.RENDERERS):
        assert all(name == renderer.name for name, renderer in family.items())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize("indent", [None, 0, 1, 2])
def test_one_json_path(path: Path, indent: int | None) -> None:
    """``to_json``, ``docparse parse`` and the files of ``convert`` are the serializer's JSON."""
    doc = docparse.parse_file(path)
    expected = doc.model_dump_json(indent=indent)
    assert docparse.to_json(doc, indent=indent) == expected
    assert DocumentJson(indent=indent).render(doc) == (expected + "\n").encode()
    if indent is None:  # a line of JSON Lines is the compact JSON
        assert DocumentJsonLines(consume=True).render(doc) == (expected + "\n").encode()


def test_the_metric_rows_are_the_metrics_table_in_other_clothes() -> None:
    """One table of columns: a metrics row (CSV, JSON) holds the same values as the Parquet row."""
    assert set(metrics.ROW_COLUMNS) <= set(metrics.COLUMNS)
    assert TABLES["metrics"] is metrics.COLUMNS
    for path in SAMPLES:
        doc = docparse.parse_file(path)
        table = rows(doc, "x.txt")["metrics"]
        from_table = [{column: table[column][i] for column in metrics.ROW_COLUMNS}
                      for i in range(len(table["doc_id"]))]
        assert from_table == list(metrics.metric_rows(doc, "x.txt"))
        assert from_table


def test_metric_rows_write_whole_numbers_as_whole_numbers() -> None:
    doc = docparse.parse("关于2022年度工作的报告\n一、主要工作\n开展培训12次，覆盖率达到95.5%。")
    values = [row["value"] for row in metrics.metric_rows(doc, "a.txt")]
    assert values == [12, 95.5] and isinstance(values[0], int)
    csv = metrics.RENDERERS["csv"].render(metrics.metric_rows(doc, "a.txt")).decode("utf-8")
    assert csv.startswith("\ufeffdoc_id,section_path,") and ",12," in csv and "\r\n" in csv
    assert json.loads(metrics.RENDERERS["json"].render(metrics.metric_rows(doc, "a.txt")))[0]["value"] == 12


def test_a_parquet_table_of_one_document() -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    doc = docparse.parse_file(SAMPLES[4])
    for name in TABLES:
        table = pq.read_table(io.BytesIO(ParquetTable(name).render(doc)))
        assert table.equals(to_arrow(rows(doc)[name], name))
        assert table.num_rows > 0


def huge_numbers(digits: int) -> str:
    """A report whose figures no float holds (``digits`` long), written every way a run is read,
    beside one that fits."""
    nines, cn_nines = "9" * digits, "九" * digits
    return ("关于2022年度工作的报告\n一、主要工作\n开展培训12次。"
            f"投资{nines}元，增长{nines}.5%，共{nines}万人次，{cn_nines}亿元，{cn_nines}点五个，"
            f"一{'亿' * (digits // 8)}二千元，百分之{nines}。\n")


@pytest.mark.parametrize("digits", [309, 400, 5000])
def test_a_number_no_float_holds_makes_no_metric_and_no_null_or_infinity(digits: int) -> None:
    """Never ``null`` in a required field (the JSON would not load back), never ``Infinity``
    (no JSON reader takes it), in the Document's JSON and every metrics format."""
    doc = docparse.parse(huge_numbers(digits))
    assert [(m.raw, m.value) for m in doc.metrics()] == [("12次", 12)]
    assert docparse.Document.model_validate_json(doc.model_dump_json()) == doc
    for renderer, item in every_renderer(doc):
        written = renderer.render(item)
        assert b"Infinity" not in written and b"NaN" not in written and b"inf," not in written, renderer
    if importlib.util.find_spec("pyarrow") is not None:
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(ParquetTable("metrics").render(doc)))
        assert table.column("value").to_pylist() == [12]


def test_the_text_outline_heads_each_attachment_with_its_label_and_title() -> None:
    doc = docparse.parse(
        "国务院办公厅关于印发政务信息系统整合共享实施方案的通知\n各省、自治区、直辖市人民政府：\n"
        "　　《政务信息系统整合共享实施方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
        "国务院办公厅\n2017年5月3日\n政务信息系统整合共享实施方案\n　　一、总体要求\n　　加强领导。\n"
        "附件\n相关部门、单位的职责\n一、区建设管理委\n编制和修订本区地下空间应急预案。\n")
    text = b"".join(outline.RENDERERS["text"].chunks(("a.txt", doc))).decode()
    assert text.splitlines()[1:] == ["    6  【政务信息系统整合共享实施方案】", "    7  一、总体要求",
                                     "    9  【附件 相关部门、单位的职责】", "   11  一、区建设管理委"]
