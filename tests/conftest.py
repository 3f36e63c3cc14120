"""Shared fixtures: where the sample reports are, the golden-file switch, and checked builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Every node the parser builds is validated as it is built (docparse.models.build), here and in the
# command-line processes the tests start: a missing or mistyped field fails at its call site.
os.environ["DOCPARSE_CHECK_BUILDS"] = "1"

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
