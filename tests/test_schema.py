"""The schema names its version; JSON of another version is refused or read as the version allows.

The schema itself is held equal to the published one by tests/test_published_schema.py."""

from __future__ import annotations

import json

import pytest

import docparse
from docparse.models import SCHEMA_VERSION


def test_schema_names_its_version() -> None:
    schema = docparse.json_schema()
    assert SCHEMA_VERSION in schema["$id"]
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION


def test_documents_round_trip_through_json() -> None:
    from .conftest import SAMPLES

    doc = docparse.parse_file(SAMPLES[0])
    assert docparse.from_json(doc.model_dump_json()) == doc


_MAJOR, _MINOR, _ = (int(part) for part in SCHEMA_VERSION.split("."))


@pytest.mark.parametrize("version", [f"{_MAJOR - 1}.1.0", f"{_MAJOR + 1}.0.0", f"{_MAJOR}.{_MINOR + 1}.0"])
def test_json_of_another_major_or_a_newer_minor_version_is_refused(version: str) -> None:
    from pydantic import ValidationError

    from .conftest import SAMPLES

    data = json.loads(docparse.to_json(docparse.parse_file(SAMPLES[0])))
    data["schema_version"] = version
    with pytest.raises(ValidationError, match=f"结构版本为 {version}.*读取 {SCHEMA_VERSION}"):
        docparse.from_json(json.dumps(data, ensure_ascii=False))


def test_json_of_an_older_minor_version_is_read() -> None:
    from .conftest import SAMPLES

    data = json.loads(docparse.to_json(docparse.parse_file(SAMPLES[0])))
    data["schema_version"] = f"{_MAJOR}.0.0"
    assert docparse.from_json(json.dumps(data, ensure_ascii=False)).title is not None
