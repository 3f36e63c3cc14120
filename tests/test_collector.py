"""The cyclic garbage collector is paused while the CLI and the local batch parse (docparse/collector.py).

That is safe only because a parse makes no reference cycles: everything it builds is freed by
reference counting. These tests hold the parser to that, and the pause to its contract.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import docparse
from docparse import api, batch
from docparse.cli import main
from docparse.collector import collector_paused

from .conftest import FIXTURES, SAMPLES


@pytest.fixture
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on (as in any process) and leaves it on."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def inputs() -> list[Path]:
    """Every sample and fixture report, and the bad inputs of the fixtures (empty, binary …)."""
    return [*SAMPLES, *sorted(p for p in FIXTURES.rglob("*.txt") if p.is_file())]


def parse_all(paths: list[Path]) -> None:
    for path in paths:
        try:
            doc = docparse.parse_file(path)
        except docparse.DocparseError:
            continue
        docparse.to_json(doc)


def test_parsing_makes_no_reference_cycles(collector_on: None) -> None:
    paths = inputs()
    assert len(paths) > 40
    parse_all(paths)  # first use builds the grammars and caches once (lark's objects do have cycles)
    gc.collect()
    gc.disable()
    try:
        parse_all(paths)
        unreachable = gc.collect()  # objects only the collector could free: garbage in cycles
    finally:
        gc.enable()
    assert unreachable == 0


def test_pause_switches_back_on_only_what_it_switched_off(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner one leaves it to the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()  # an application that runs without the collector keeps it off
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_cli_and_local_batch_parse_with_the_collector_paused(
        collector_on: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[bool] = []
    build = api._pipeline

    def recording(*args: object, **kwargs: object) -> docparse.Document:
        seen.append(gc.isenabled())
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "_pipeline", recording)
    assert main(["parse", str(SAMPLES[0])]) == 0
    assert main(["convert", str(SAMPLES[1]), "--out", str(tmp_path / "out")]) == 0
    batch.convert([str(SAMPLES[2])], tmp_path / "lib")
    capsys.readouterr()
    assert seen == [False, False, False]
    assert gc.isenabled()
    docparse.parse_file(SAMPLES[0])  # the library's own functions leave the collector alone
    assert seen[-1] is True


def test_the_executable_freezes_the_heap_before_exiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """``docparse`` (cli.run) returns main's exit code with every object frozen: the interpreter's
    tear-down then skips the collector's passes over them. ``main`` itself leaves the collector be."""
    import docparse.cli

    monkeypatch.setattr(docparse.cli, "main", lambda: 3)
    before = gc.get_freeze_count()
    try:
        assert docparse.cli.run() == 3
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
