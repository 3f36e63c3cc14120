"""Span is a slotted value (memory: one or two per node), yet behaves like the models around it."""

from __future__ import annotations

import dataclasses
import pickle
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

import docparse
from docparse.models import Span
from docparse.spans import Locator

EXAMPLE = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))[0]


def test_span_has_no_instance_dict_and_is_small() -> None:
    span = docparse.parse_file(EXAMPLE).sections[0].span
    assert not hasattr(span, "__dict__")
    assert sys.getsizeof(span) <= 100  # a model with a __dict__ took ~350 bytes


def test_span_validates_compares_hashes_pickles() -> None:
    span = Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3)
    assert span == Span(0, 2, 1, 1, 1, 3) and hash(span) == hash(Span(0, 2, 1, 1, 1, 3))
    assert pickle.loads(pickle.dumps(span)) == span
    assert dataclasses.asdict(span) == {"start": 0, "end": 2, "line": 1, "column": 1, "end_line": 1,
                                        "end_column": 3}
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
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_spans_on_one_line_share_their_line_number() -> None:
    text = "段落。\n" * 400  # ints above 256 are separate objects: one per line, not two per span
    locator = Locator(text)
    first, second = locator.span(1200, 1202), locator.span(1201, 1203)
    assert first.line == 301 and first.end_line == 301 and first.column == 1
    assert first.line is second.line is first.end_line is second.end_line


def test_locator_spans_are_frozen_spans_equal_to_validated_ones() -> None:
    text = "第一行\n第二行很长\n\n第四行"
    locator = Locator(text)
    for start, end in [(0, 0), (0, 3), (2, 6), (4, 9), (10, 14), (0, len(text))]:
        span = locator.span(start, end)
        assert type(span) is Span and not hasattr(span, "__dict__")
        line, column = locator.position(start)
        end_line, end_column = locator.position(end)
        assert span == Span(start=start, end=end, line=line, column=column, end_line=end_line,
                            end_column=end_column)
        assert hash(span) == hash(Span(start, end, line, column, end_line, end_column))
        with pytest.raises(dataclasses.FrozenInstanceError):
            span.end = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        locator.span(-1, 2)
