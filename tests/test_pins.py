"""Dependency floors that keep known vulnerabilities out of an install."""

from __future__ import annotations

import pytest
from packaging.requirements import Requirement

from .conftest import ROOT

tomllib = pytest.importorskip("tomllib")


def test_pyarrow_is_above_the_versions_whose_parquet_reader_unpickles() -> None:
    """CVE-2023-47248: pyarrow 0.14.0–14.0.0 unpickle data found in an Arrow IPC or Parquet file;
    ``convert --resume --format parquet`` reads the tables of the output directory back."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(text) for extra in project["optional-dependencies"].values() for text in extra
             if Requirement(text).name == "pyarrow"]
    assert len(found) >= 2  # the parquet extra and dev
    for requirement in found:
        assert not requirement.specifier.contains("14.0.0") and requirement.specifier.contains("14.0.1")
