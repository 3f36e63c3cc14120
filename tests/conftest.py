"""Shared fixtures: where the sample reports are, and the golden-file switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = sorted(EXAMPLES.glob("*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite golden files from current output (review the diff by hand!)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    flag = bool(request.config.getoption("--update-goldens"))
    return flag or os.environ.get("DOCPARSE_UPDATE_GOLDENS") == "1"
