"""The JSON Schema published under schemas/ is the models' (``make schema`` regenerates it)."""

from __future__ import annotations

import json

import pytest

import docparse
from docparse.cli import main

from .conftest import ROOT

PUBLISHED = ROOT / "schemas" / f"document-{docparse.SCHEMA_VERSION}.json"


def test_the_published_schema_is_the_models(capsys: pytest.CaptureFixture[str]) -> None:
    assert PUBLISHED.exists(), "no schema for this version: run `make schema` and commit it"
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == PUBLISHED.read_text(encoding="utf-8"), (
        "the models changed: run `make schema`, review the diff, and bump SCHEMA_VERSION")


def test_every_published_schema_names_its_version_in_its_id() -> None:
    published = sorted((ROOT / "schemas").glob("document-*.json"))
    assert PUBLISHED in published
    for path in published:
        version = path.stem.removeprefix("document-")
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"].endswith(f"document-{version}.json")
        assert schema["properties"]["schema_version"]["default"] == version
