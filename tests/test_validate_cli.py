"""``docparse validate``: text lines, JSON, SARIF 2.1.0, exit codes, a bad file in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from docparse.cli import main

from .conftest import EXAMPLES, FIXTURES, ROOT

SAMPLE_004 = str(EXAMPLES / "004_96091dc0ec9ac7c9.txt")
GAP = str(FIXTURES / "validate" / "gap.txt")


def test_text_line_for_sample_004(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", SAMPLE_004]) == 0
    out = capsys.readouterr().out
    assert out == f"{SAMPLE_004}:30:3: DP201 warning: 一级标题缺少序号，按位置应为“五、”\n"


def test_errors_give_exit_1_and_min_severity_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", GAP, SAMPLE_004, "--min-severity", "error"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{GAP}:6:1: DP202 error: 序号从“二、”跳到“四、”，缺少“三、”"]


def test_bad_file_is_reported_and_batch_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    assert main(["validate", missing, SAMPLE_004, "--format", "json"]) == 3
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [f["path"] for f in report["files"]] == [missing, SAMPLE_004]
    assert "error" in report["files"][0]
    assert report["files"][1]["profile"] == "fzzf"
    assert [d["code"] for d in report["files"][1]["diagnostics"]] == ["DP201"]
    assert report["files"][1]["diagnostics"][0]["span"]["line"] == 30
    assert "missing.txt" in captured.err


def test_sarif_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", GAP, "--format", "sarif", "--profile", "gongwen"]) == 1
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["DP202"]
    [result] = run["results"]
    assert result["ruleId"] == "DP202" and result["level"] == "error" and result["ruleIndex"] == 0
    location = result["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 6 and location["region"]["startColumn"] == 1
    assert location["region"]["snippet"]["text"] == "四、"
    assert location["artifactLocation"]["uri"].endswith("gap.txt")


def test_unknown_profile_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", SAMPLE_004, "--profile", "nope"])
    assert exit_info.value.code == 2


def test_pre_commit_hook_runs_the_command() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: docparse-validate" in hooks and "entry: docparse validate" in hooks


def test_real_process_exit_code_and_utf8() -> None:
    command = [sys.executable, "-m", "docparse", "validate", GAP]
    done = subprocess.run(command, capture_output=True, check=False)
    assert done.returncode == 1
    assert "DP202 error: 序号从“二、”跳到“四、”" in done.stdout.decode("utf-8")
