"""Models built without validation (``models.trusted``) must be exactly what validation would build.

The parser builds claims, metrics, spans and sections with :func:`docparse.models.trusted`, which
skips validation. These tests re-validate whole documents of every genre and require the same
values, the same types (a float stays a float: ``12`` and ``12.0`` dump differently) and the same JSON.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import docparse
from docparse.models import Claim, Metric, Span, trusted

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = sorted((Path(__file__).parent.parent / "examples").glob("*.txt")) + sorted(
    (FIXTURES / "genres").glob("*.txt"))


def _types(node: object) -> list[tuple[str, str]]:
    """Every field's Python type, depth first: catches an int where validation would give a float,
    and every model's key order (``trusted_exact`` takes the caller's)."""
    found: list[tuple[str, str]] = []
    if isinstance(node, BaseModel):
        found.append((type(node).__name__, ",".join(node.__dict__)))
        for name in type(node).model_fields:
            value = getattr(node, name)
            found.append((f"{type(node).__name__}.{name}", type(value).__name__))
            found.extend(_types(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_types(item))
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_trusted_tree_equals_validated_tree(path: Path) -> None:
    doc = docparse.parse_file(path)
    assert any(True for _ in doc.claims())  # there is something built without validation to check
    revalidated = type(doc).model_validate(doc.model_dump())
    assert revalidated == doc
    assert _types(revalidated) == _types(doc)
    assert revalidated.model_dump_json() == doc.model_dump_json()


def test_trusted_fills_defaults_and_fresh_lists() -> None:
    span = Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3)
    first = trusted(Claim, id="c1", span=span, text="开展")
    second = trusted(Claim, id="c2", span=span, text="培训")
    assert first.role == "other" and first.topic is None and first.metrics == []
    assert first.metrics is not second.metrics  # a list default is never shared
    assert list(first.model_dump()) == list(Claim.model_fields)  # declaration order, as validation keeps


def test_trusted_models_stay_frozen() -> None:
    span = Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3)
    metric = trusted(Metric, id="m1", span=span, raw="12次", value=12.0, unit="次")
    with pytest.raises(ValidationError):
        metric.value = 3.0  # type: ignore[misc]
    copy = metric.model_copy(update={"value": 13.0})
    assert copy.value == 13.0 and metric.value == 12.0
    assert metric.model_fields_set == set(Metric.model_fields)


def test_trusted_nodes_share_their_field_names() -> None:
    """The memory point of issue 5: a node built by ``trusted`` keeps only its values, its dict
    sharing one key table per class (where that is smaller on this Python: not for the classes
    with few fields on 3.13); for a metric, the most numerous node, a dict with keys of its own is
    half as large again or more. Markers, enumerators and metric labels that recur are one object each."""
    doc = docparse.parse_file(DOCUMENTS[0])
    nodes: list[BaseModel] = [*doc.walk(), *(paragraph for _, paragraph in doc.paragraphs()),
                              *(item for _, item in doc.enum_items()), *(claim for _, claim in doc.claims()),
                              *doc.metrics()]
    assert {type(node).__name__ for node in nodes} == {"Section", "Paragraph", "EnumItem", "Claim", "Metric"}
    for node in nodes:
        assert sys.getsizeof(node.__dict__) <= sys.getsizeof(dict(node.__dict__)), type(node).__name__
    metric = next(doc.metrics())
    assert sys.getsizeof(metric.__dict__) * 1.5 <= sys.getsizeof(dict(metric.__dict__))
    markers = [section.marker for section in doc.walk()]
    for marker in markers:
        assert next(m for m in markers if m == marker) is marker
    labels = [metric.label for metric in doc.metrics() if metric.label]
    assert len(labels) > len(set(labels))
    for label in labels:
        assert next(other for other in labels if other == label) is label
    enumerators = [item.marker for _, item in doc.enum_items()]
    assert len(enumerators) > len(set(enumerators))
    for enumerator in enumerators:
        assert next(e for e in enumerators if e == enumerator) is enumerator
