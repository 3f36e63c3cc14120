"""The CLI in-process and as a real subprocess: exit codes, stdin, UTF-8 output, error lines."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import docparse
from docparse.cli import main

from .conftest import EXAMPLES, ROOT

SAMPLE = str(next(EXAMPLES.glob("004_*.txt")))


def test_parse_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", SAMPLE]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_name"] == "docparse.Document"
    assert data["metadata"]["doc_number"] == "运政函〔2022〕3号"


def test_parse_into_a_text_only_stream() -> None:
    """``docparse parse`` writes bytes to stdout's buffer; a stream without one gets the same text."""
    stream = io.StringIO()
    with contextlib.redirect_stdout(stream):
        assert main(["parse", SAMPLE]) == 0
    assert stream.getvalue() == docparse.parse_file(SAMPLE).model_dump_json(indent=2) + "\n"


def test_outline_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", SAMPLE]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["14", "一、加强党的领导,法治政府建设稳步推进"]
    assert "（缺序号）严格决策程序" in out[5]


def test_outline_marks_a_missing_number_not_an_unnumbered_part(capsys: pytest.CaptureFixture[str]) -> None:
    """A bulletin's notes under ``注释：`` are a part without a number, not a heading that lost one."""
    notes = str(Path(__file__).parent / "fixtures" / "numbering" / "stats_notes_block.txt")
    assert main(["outline", notes]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.split() == [line.split()[0], "注释"] for line in out)
    assert not any("缺序号" in line for line in out)


def test_outline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--json", SAMPLE]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 9
    assert {k: rows[4][k] for k in ("line", "column", "level", "marker", "ordinal", "path")} == {
        "line": 30, "column": 3, "level": 1, "marker": "", "ordinal": 5, "path": "五"}


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Document" and "Section" in schema["$defs"]


def test_bad_file_is_one_line_and_the_batch_goes_on(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty), SAMPLE, str(tmp_path / "missing.txt")]) == 3
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert "空.txt" in errors[0] and "DP002" in errors[0]
    assert "missing.txt" in errors[1] and "DP001" in errors[1] and "文件不存在" in errors[1]
    assert len(captured.out.strip().splitlines()) == 1  # the good file's document


def test_subprocess_stdin_and_exit_codes() -> None:
    data = Path(SAMPLE).read_text(encoding="utf-8").encode("gb18030")
    run = subprocess.run([sys.executable, "-m", "docparse", "outline", "-"], input=data,
                         capture_output=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr.decode()
    assert "运城市人民政府关于2021年度法治政府建设情况的报告" in run.stdout.decode("utf-8")
    bad = subprocess.run([sys.executable, "-m", "docparse", "parse", "-"], input=b"%PDF-1.7\n\x00\x01",
                         capture_output=True, cwd=ROOT, check=False)
    assert bad.returncode == 3
    assert "Traceback" not in bad.stderr.decode() and "DP003" in bad.stderr.decode("utf-8")
    usage = subprocess.run([sys.executable, "-m", "docparse", "parse"], capture_output=True, cwd=ROOT,
                           check=False)
    assert usage.returncode == 2


def test_the_command_line_imports_the_pipeline_only_to_run_a_command() -> None:
    """``docparse --help`` and argument errors answer at once: the commands' modules import the
    models and the parser (a fifth of a second) in ``run``, not when the parser is built."""
    probe = ("import sys; from docparse.cli import build_parser; "
             "build_parser().parse_args(['parse', 'x.txt']); "
             "print([m for m in ('pydantic', 'lark', 'docparse.api', 'docparse.models') "
             "if m in sys.modules])")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.strip() == "[]"


def test_an_unknown_profile_is_named_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", SAMPLE, "--profile", "nope"])
    assert exit_info.value.code == 2
    assert "未知的检查配置“nope”，可选：auto、fzzf" in capsys.readouterr().err


def test_metrics_csv_escapes_text_cells_that_start_like_a_formula(tmp_path: Path) -> None:
    """Formula injection: a text cell starting with = + - @ (a file named ``=HYPERLINK(…).txt``, a
    label) gets a leading apostrophe; a number stays a number, a negative one too."""
    import csv

    from docparse.renderers.metrics import RENDERERS, ROW_COLUMNS

    row: dict[str, object] = dict.fromkeys(ROW_COLUMNS)
    row.update(doc_id="=HYPERLINK(\"http://x\")", label="-3.5", unit="@元", raw="+1", period="2022年",
               value=-3.5, value_high=-2, line=3, start=0, end=4)
    text = b"".join(RENDERERS["csv"].chunks([row])).decode("utf-8-sig")
    (cells,) = list(csv.DictReader(text.splitlines()))
    assert (cells["doc_id"], cells["label"], cells["unit"], cells["raw"]) == (
        "'=HYPERLINK(\"http://x\")", "'-3.5", "'@元", "'+1")
    numbers = (cells["period"], cells["value"], cells["value_high"], cells["line"])
    assert numbers == ("2022年", "-3.5", "-2", "3")
    named = tmp_path / "=1+1.txt"
    named.write_bytes(Path(SAMPLE).read_bytes())
    assert main(["metrics", str(named), "-o", str(tmp_path / "m.csv")]) == 0
    with open(tmp_path / "m.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["doc_id"] == str(named) for r in rows)  # a path starting with / is safe
    relative = subprocess.run([sys.executable, "-m", "docparse", "metrics", "=1+1.txt"], cwd=tmp_path,
                              capture_output=True, check=True)
    first = next(csv.DictReader(relative.stdout.decode("utf-8-sig").splitlines()))
    assert first["doc_id"] == "'=1+1.txt"


def test_tls_options_need_a_scheduler(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", SAMPLE, "--out", "unused", "--tls-ca-file", "ca.pem"]) == 2
    assert "--scheduler" in capsys.readouterr().err
