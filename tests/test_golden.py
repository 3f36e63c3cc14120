"""Goldens of what the parser finds, each read by hand against its input.

Two kinds: for each sample report a JSON dump of the structure with every span (front matter,
furniture, sections, paragraphs, items; no text, no claims), and for each sample and genre fixture
an outline (tests/outline.py) that says in one line per node what the product found, claims and
metrics included. Where today's outline is wrong, fixtures/golden/KNOWN_ERRORS.md says which line,
what is right and why: a fix shows up as a reviewed diff of the golden and a shorter list.
After ``pytest --update-goldens`` review the diff before committing it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import docparse

from .conftest import FIXTURES, SAMPLES
from .outline import outline

GOLDEN = FIXTURES / "golden"
GENRES = sorted((FIXTURES / "genres").glob("*.txt"))
OUTLINED = [*SAMPLES, *GENRES]
"""Every input that has an outline golden: the sample reports and one fixture per genre."""
OUTLINE_SUFFIX = ".outline.txt"


SPAN_FIELDS = {"start", "end", "line", "column", "end_line", "end_column", "page", "end_page"}


def structure(value: Any) -> Any:
    """JSON data without ``claims``, each span written compactly as ``L4:1-L4:29 [56,84)`` (and its
    pages, ``p1-2``, for a paged original)."""
    if isinstance(value, dict):
        if {"start", "end", "line", "column", "end_line", "end_column"} <= set(value) <= SPAN_FIELDS:
            pages = f" p{value['page']}-{value['end_page']}" if "page" in value else ""
            return (f"L{value['line']}:{value['column']}-L{value['end_line']}:{value['end_column']} "
                    f"[{value['start']},{value['end']}){pages}")
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


def test_every_input_has_an_outline_golden() -> None:
    """No input without its outline golden, and no golden left over from a removed input."""
    assert len(SAMPLES) == 5 and len(GENRES) == 5
    goldens = sorted(p.name.removesuffix(OUTLINE_SUFFIX) for p in GOLDEN.glob(f"*{OUTLINE_SUFFIX}"))
    assert goldens == sorted(p.stem for p in OUTLINED)


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


@pytest.mark.parametrize("source", OUTLINED, ids=lambda p: p.stem[:3] if p in SAMPLES else p.stem)
def test_outline_golden(source, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    actual = outline(docparse.parse_file(source))
    expected = GOLDEN / f"{source.stem}{OUTLINE_SUFFIX}"
    if update_goldens:
        expected.write_text(actual, encoding="utf-8")
        pytest.skip("golden rewritten: review the diff against the input and KNOWN_ERRORS.md")
    assert expected.exists(), f"missing golden {expected.name}: run pytest --update-goldens and review it"
    assert actual == expected.read_text(encoding="utf-8")
