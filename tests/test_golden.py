"""Golden structure of each sample report: front matter, furniture, sections, paragraphs, items, spans.

The goldens leave out the text (it is the input) and the claims (checked by the metrics tests), so
that they change only when the structure changes. Each was read by hand against its report; after
``pytest --update-goldens`` review the diff before committing it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import docparse

from .conftest import FIXTURES, SAMPLES

GOLDEN = FIXTURES / "golden"


def structure(value: Any) -> Any:
    """JSON data without ``claims``, each span written compactly as ``L4:1-L4:29 [56,84)``."""
    if isinstance(value, dict):
        if set(value) == {"start", "end", "line", "column", "end_line", "end_column"}:
            return (f"L{value['line']}:{value['column']}-L{value['end_line']}:{value['end_column']} "
                    f"[{value['start']},{value['end']})")
        return {k: structure(v) for k, v in value.items() if k != "claims"}
    if isinstance(value, list):
        return [structure(v) for v in value]
    return value


def render(doc: docparse.Document) -> str:
    data = structure(doc.model_dump(mode="json", exclude={"text"}))
    data["source"].pop("path", None)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def test_every_sample_has_a_golden() -> None:
    assert len(SAMPLES) == 5
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(p.stem for p in SAMPLES)


def test_update_flag_is_off(update_goldens: bool) -> None:
    """CI must never pass by rewriting its own expectations."""
    import os

    assert os.environ.get("DOCPARSE_UPDATE_GOLDENS") != "1"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_golden(sample, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    actual = render(docparse.parse_file(sample))
    expected = GOLDEN / f"{sample.stem}.json"
    if update_goldens:
        expected.write_text(actual, encoding="utf-8")
        pytest.skip("golden rewritten: review the diff")
    assert expected.exists(), f"missing golden {expected.name}: run pytest --update-goldens and review it"
    assert actual == expected.read_text(encoding="utf-8")
