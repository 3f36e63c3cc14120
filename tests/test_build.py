"""Nodes are built without validation (``models.build``); the test suite validates each one as it is
built (``DOCPARSE_CHECK_BUILDS=1``, set in conftest.py), and these tests hold the two ways equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import docparse
from docparse import models
from docparse.models import Claim, Document, Metric, Span, build

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = sorted((Path(__file__).parent.parent / "examples").glob("*.txt")) + sorted(
    (FIXTURES / "genres").glob("*.txt"))
SPAN = Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3)


def test_the_suite_checks_every_build() -> None:
    assert models.CHECK_BUILDS


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_unchecked_build_gives_the_same_document(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = docparse.parse_file(path)
    monkeypatch.setattr(models, "CHECK_BUILDS", False)
    unchecked = docparse.parse_file(path)
    assert any(True for _ in unchecked.claims())
    assert unchecked.model_dump_json() == checked.model_dump_json()
    assert Document.model_validate_json(unchecked.model_dump_json()) == unchecked


def test_a_missing_field_fails_where_the_node_is_built() -> None:
    with pytest.raises(ValidationError, match="text"):
        build(Claim, id="c1", span=SPAN)


def test_a_mistyped_field_fails_where_the_node_is_built() -> None:
    with pytest.raises(TypeError, match=r"Metric\.value"):
        build(Metric, id="m1", span=SPAN, raw="12次", value=12, unit="次")  # an int where a float is due


def test_an_unknown_field_fails_where_the_node_is_built() -> None:
    with pytest.raises(ValidationError):
        build(Claim, id="c1", span=SPAN, text="开展", colour="red")


def test_build_fills_defaults_and_fresh_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "CHECK_BUILDS", False)
    first = build(Claim, id="c1", span=SPAN, text="开展")
    second = build(Claim, id="c2", span=SPAN, text="培训")
    assert first.role == "other" and first.topic is None and first.metrics == []
    assert first.metrics is not second.metrics  # a list default is never shared
    assert list(first.model_dump()) == list(Claim.model_fields)  # declaration order, as validation keeps


def test_built_nodes_stay_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "CHECK_BUILDS", False)
    metric = build(Metric, id="m1", span=SPAN, raw="12次", value=12.0, unit="次")
    with pytest.raises(ValidationError):
        metric.value = 3.0  # type: ignore[misc]
    copy = metric.model_copy(update={"value": 13.0})
    assert copy.value == 13.0 and metric.value == 12.0
    assert metric.model_fields_set == set(Metric.model_fields)
