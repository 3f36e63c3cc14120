"""Property tests (issue 5, point 5): any string parses, spans nest, JSON round-trips, nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import docparse
from docparse.models import Document
from docparse.normalize import fold, normalize_newlines
from docparse.numerals import cn_to_int, int_to_cn, ordinal_of

from .spans import coverage_problems, span_problems

# Pieces real reports are made of, so that generated text exercises headings, enumerations,
# metadata, furniture and closings rather than only random code points.
FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "1.", "2．", "（1）", "1）", "①",
    "第一章", "第二条", "第一部分",
    "一是", "二是", "三要", "第一，", "其一，", "。", "；", "：", "，", "“", "”", "《", "》",
    "关于2022年度法治政府建设情况的报告", "政府工作报告", "总体情况", "主要工作",
    "存在的问题", "下一步工作打算",
    "开展培训12次，办结率100%。", "发布时间：2023-02-28", "来源：司法局", "索引号：012870556/2022-00020",
    "运政函〔2022〕3号", "字号：大 中 小", "关闭本页", "打印", "运城市人民政府", "2022年1月28日",
    "（此件公开发布）", "附件：1.", "各位代表：", "——2024年3月5日在第十四届全国人民代表大会上",
    "<p>", "</div>", "&nbsp;", "<U+00A0>", "\u3000", "\u200b", "\t", "\x00", " ",
    "\n", "\n", "\n", "\r\n", "\r",
]
report_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=60).map("".join)
any_text = st.text(max_size=300)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_document(doc: Document) -> None:
    assert span_problems(doc) == []
    assert coverage_problems(doc) == []
    assert Document.model_validate_json(doc.model_dump_json()) == doc


@SETTINGS
@given(any_text)
@example("")
@example("\r\r\n")
@example("时间：")  # an empty metadata value once dropped its label
@example("府一月件\n五")  # a line between title and body once belonged nowhere
@example("1.\n2022年1月8日局2022年1月8日")  # a signature line with two dates lost its tail
def test_any_string_parses_with_sound_spans(text: str) -> None:
    check_document(docparse.parse(text))


@SETTINGS
@given(report_like)
def test_report_like_text_parses_with_sound_spans(text: str) -> None:
    check_document(docparse.parse(text))


def test_samples_lose_nothing() -> None:
    from .conftest import SAMPLES

    assert SAMPLES
    for path in SAMPLES:
        doc = docparse.parse_file(path)
        assert span_problems(doc) == [], path.name
        assert coverage_problems(doc) == [], path.name


FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures").rglob("*")
                  if p.suffix in (".txt", ".md") and "fuzz" not in p.parts)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_loses_nothing(path: Path) -> None:
    """Every real shape kept as a fixture: each character in exactly one place, every span exact."""
    doc = docparse.parse_file(path)
    assert span_problems(doc) == []
    assert coverage_problems(doc) == []


def test_coverage_check_can_fail() -> None:
    """The checker itself: a Document that drops a paragraph is reported."""
    doc = docparse.parse("关于2022年度法治政府建设情况的报告\n一、总体情况\n开展培训12次。")
    assert coverage_problems(doc) == []
    section = doc.sections[0].model_copy(update={"body": []})
    broken = doc.model_copy(update={"sections": [section]})
    assert coverage_problems(broken) == ["'开展培训12次。' at 27 is in nowhere"]


@SETTINGS
@given(any_text)
def test_normalize_and_fold_are_idempotent(text: str) -> None:
    once, _ = normalize_newlines(text)
    assert normalize_newlines(once)[0] == once
    assert len(once) == len(text)  # offsets into the input stay valid
    assert all(once[index + 1:].lstrip("\r").startswith("\n")  # a CR left only at a CR LF line end
               for index, char in enumerate(once) if char == "\r")
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_numerals_round_trip(number: int) -> None:
    written = int_to_cn(number)
    assert cn_to_int(written) == number
    assert ordinal_of(written) == number
