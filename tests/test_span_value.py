"""Span is a small frozen value (one or two per node), yet behaves like the models around it."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

import docparse
from docparse.models import Span
from docparse.spans import Locator

EXAMPLE = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))[0]


def test_span_validates_compares_hashes_pickles() -> None:
    span = Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3)
    assert span == Span(0, 2, 1, 1, 1, 3) and hash(span) == hash(Span(0, 2, 1, 1, 1, 3))
    assert pickle.loads(pickle.dumps(span)) == span
    assert dataclasses.asdict(span) == {"start": 0, "end": 2, "line": 1, "column": 1, "end_line": 1,
                                        "end_column": 3, "page": None, "end_page": None}
    with pytest.raises(ValidationError):
        Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3, page=0)
    with pytest.raises(ValidationError):
        Span(start=-1, end=2, line=1, column=1, end_line=1, end_column=3)
    with pytest.raises(ValidationError):
        Span(start=0, end=2, line=0, column=1, end_line=1, end_column=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 5  # type: ignore[misc]


def test_document_with_spans_round_trips_and_pickles() -> None:
    doc = docparse.parse_file(EXAMPLE)
    again = type(doc).model_validate_json(doc.model_dump_json())
    assert again == doc and isinstance(again.sections[0].span, Span)
    assert '"page"' not in docparse.to_json(doc)  # a text has no pages: not written
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_spans_count_lines_and_columns_from_one() -> None:
    text = "段落。\n" * 400
    locator = Locator(text)
    span = locator.span(1200, 1206)
    assert (span.line, span.column, span.end_line, span.end_column) == (301, 1, 302, 3)


def test_spans_of_a_paged_text_carry_the_pages_of_both_ends() -> None:
    text = "第一页的段落，\n续到第二页。\n第二页"
    locator = Locator(text, [(0, 1), (8, 2)])
    assert (locator.span(0, 7).page, locator.span(0, 7).end_page) == (1, 1)
    assert (locator.span(0, 14).page, locator.span(0, 14).end_page) == (1, 2)
    assert (locator.span(8, 8).page, locator.span(8, 8).end_page) == (2, 2)
    assert Locator(text).span(0, 14).page is None


def test_locator_spans_are_frozen_spans_equal_to_validated_ones() -> None:
    text = "第一行\n第二行很长\n\n第四行"
    locator = Locator(text)
    for start, end in [(0, 0), (0, 3), (2, 6), (4, 9), (10, 14), (0, len(text))]:
        span = locator.span(start, end)
        assert isinstance(span, Span)
        line, column = locator.position(start)
        end_line, end_column = locator.position(end)
        assert span == Span(start=start, end=end, line=line, column=column, end_line=end_line,
                            end_column=end_column)
        assert hash(span) == hash(Span(start, end, line, column, end_line, end_column))
        with pytest.raises(dataclasses.FrozenInstanceError):
            span.end = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        locator.span(-1, 2)
