"""Inputs that once broke docparse, kept as files in tests/fixtures/fuzz/ (raw bytes, any encoding).

Each is parsed as bytes (only a DocparseError may come out) and, decoded, as text (never raises);
the Document must have sound spans and lose no character. ``make fuzz`` finds new ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse
from docparse.errors import DocparseError

from .conftest import FIXTURES
from .spans import coverage_problems, span_problems

CASES = sorted(p for p in (FIXTURES / "fuzz").iterdir() if p.is_file() and not p.name.startswith("."))


def test_fixture_set_is_not_empty() -> None:
    assert CASES


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fuzz_regression(path: Path) -> None:
    data = path.read_bytes()
    try:
        doc = docparse.parse_bytes(data)
    except DocparseError:
        pass
    else:
        assert span_problems(doc) == [] and coverage_problems(doc) == []
    doc = docparse.parse(data.decode("utf-8", errors="replace"))
    assert span_problems(doc) == []
    assert coverage_problems(doc) == []
