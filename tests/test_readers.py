"""Choosing a reader: by content, then extension, or as asked (``--format-in``); what every
reader's Document says of where it came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.errors import UnknownFormatError
from docparse.readers import EXTENSIONS, READERS, choose

from .conftest import SAMPLES

REPORT = "关于2022年度工作的报告\n一、主要工作\n开展培训12次。\n"


def test_every_extension_belongs_to_one_reader() -> None:
    owners = [extension for reader in READERS for extension in reader.extensions if extension]
    assert len(owners) == len(set(owners)) == len(EXTENSIONS)
    assert {".txt", ".md"} <= EXTENSIONS


def test_markdown_files_are_read_as_markdown_and_text_as_text(tmp_path: Path) -> None:
    for name, expected in (("a.md", "markdown"), ("b.MD", "markdown"), ("c.txt", "text"), ("d", "text")):
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
        assert docparse.parse_file(tmp_path / name).source.format == expected, name
    assert docparse.parse(REPORT).source.format == "text"


def test_a_named_format_wins_over_the_extension(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    assert docparse.parse_file(tmp_path / "a.txt", format="markdown").source.format == "markdown"


def test_an_unknown_format_is_refused_with_the_formats_there_are() -> None:
    with pytest.raises(UnknownFormatError, match=r"不支持的输入格式“excel”.*text") as caught:
        choose(REPORT.encode(), path="a.txt", format="excel")
    assert caught.value.code == "DP008"


def test_the_command_line_takes_format_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    assert main(["parse", "--format-in", "markdown", str(tmp_path / "a.txt")]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["format"] == "markdown"
    assert main(["parse", "--format-in", "excel", str(tmp_path / "a.txt")]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DP008" in err and "a.txt" in err


def test_plain_text_has_no_source_map() -> None:
    doc = docparse.parse_file(SAMPLES[0])
    assert doc.source_map == [] and doc.locate(0) is None


def test_convert_picks_up_every_readable_extension_and_counts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "B.TXT", "c.md", "notes.xlsx", "logo.png"):
        (inputs / name).write_text(REPORT, encoding="utf-8")
    assert main(["convert", str(inputs), "--out", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["B.json", "a.json", "c.json"]
    assert "另有 2 个非支持格式的文件未处理" in capsys.readouterr().err
