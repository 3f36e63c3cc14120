"""``docparse validate --fix`` and ``--explain``, and the pre-commit hook on correct documents."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.validate import validate
from docparse.validate.fixes import fixes
from docparse.validate.registry import CODES

from .conftest import EXAMPLES, FIXTURES, ROOT

FIXABLE = FIXTURES / "validate" / "fixable.txt"
MECHANICAL = {"DP401", "DP210", "DP211", "DP212", "DP419"}
"""The codes fixable.txt has that --fix removes (DP210: its mixed forms were 一、/二. and 1./1、)."""


def codes(path: Path) -> set[str]:
    return {d.code for d in validate(docparse.parse_file(path))}


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8", "\n"), ("gb18030", "\r\n")])
def test_fix_removes_the_mechanical_findings_and_changes_nothing_else(
        tmp_path: Path, encoding: str, newline: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = FIXABLE.read_text(encoding="utf-8").replace("\n", newline)
    source, fixed = tmp_path / "draft.txt", tmp_path / "fixed.txt"
    source.write_bytes(text.encode(encoding))
    assert codes(source) >= MECHANICAL
    assert main(["validate", "--fix", "-o", str(fixed), str(source)]) == 0
    assert not MECHANICAL & codes(fixed)
    assert "DP208" in codes(fixed)  # a level skipped is no mechanical fix
    after = fixed.read_bytes().decode(encoding)
    assert len(after) == len(text) and after.count(newline) == text.count(newline)
    changed = "".join(f"{a}{b}" for a, b in zip(text, after, strict=True) if a != b)
    assert changed == "[〔]〕(（)）(（)）.、、.２2０0２2２2１1２2８8"
    before_doc, after_doc = docparse.parse_file(source), docparse.parse_file(fixed)
    assert [s.heading_span for s in after_doc.walk()] == [s.heading_span for s in before_doc.walk()]
    assert "修正 15 处" in capsys.readouterr().err


def test_fix_in_place_writes_the_input(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(FIXABLE.read_bytes())
    assert main(["validate", "--fix", "--in-place", str(draft)]) == 0
    assert "某政发〔2022〕5号" in draft.read_text(encoding="utf-8")
    assert fixes(docparse.parse_file(draft)) == []
    assert list(tmp_path.iterdir()) == [draft]  # written through a temporary file, none left behind


def test_fix_refuses_what_it_cannot_rewrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A garbled file (UTF-8 read as Mac Cyrillic and saved again) is read restored: its text is not
    its bytes, so no offset of the text can be fixed in the file."""
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(FIXABLE.read_bytes().decode("mac_cyrillic").encode("utf-8"))
    before = garbled.read_bytes()
    assert main(["validate", "--fix", "--in-place", str(garbled)]) == 3
    err = capsys.readouterr().err
    assert "DP013" in err and "garbled.txt" in err
    assert garbled.read_bytes() == before


@pytest.mark.parametrize(("argv", "message"), [
    (["--fix"], "--fix 需要 -o 输出文件或 --in-place"),
    (["--fix", "--in-place", "-o", "x.txt"], "--fix 需要 -o 输出文件或 --in-place"),
    (["-o", "x.txt"], "-o 和 --in-place 只用于 --fix"),
])
def test_fix_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *argv, str(FIXABLE)]) == 2
    assert message in capsys.readouterr().err


def test_explain_prints_rule_source_example_and_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--explain", "dp205"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"DP205 {CODES['DP205'].summary}（默认级别：warning）")
    for part in ("**检查**", "**依据**", "**示例**", "**修改**"):
        assert part in out
    assert main(["validate", "--explain", "DP999"]) == 2
    assert "没有诊断代码“DP999”" in capsys.readouterr().err


def test_files_are_required_without_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert "请给出要检查的文件" in capsys.readouterr().err


def _hook_command() -> list[str]:
    """The hook's entry and args from .pre-commit-hooks.yaml, run as pre-commit runs it."""
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"^\s*entry:\s*(.+)$", hooks, flags=re.M)
    args = re.search(r"^\s*args:\s*\[(.*)\]\s*$", hooks, flags=re.M)
    assert entry and args
    command = entry.group(1).split()
    assert command[0] == "docparse"
    return [sys.executable, "-m", "docparse", *command[1:], *(a.strip() for a in args.group(1).split(","))]


CORRECT = [*sorted(EXAMPLES.glob("*.txt")), *sorted((FIXTURES / "genres").glob("*.txt"))]


def test_the_pre_commit_hook_passes_correct_documents() -> None:
    """The hook runs on every changed .txt of a commit at once: it never blocks a published document."""
    done = subprocess.run([*_hook_command(), *map(str, CORRECT)], capture_output=True, check=False)
    assert done.returncode == 0, done.stdout.decode("utf-8")


def test_the_pre_commit_hook_blocks_an_error(tmp_path: Path) -> None:
    done = subprocess.run([*_hook_command(), str(FIXTURES / "validate" / "gap.txt")], capture_output=True,
                          check=False)
    assert done.returncode == 1 and "DP202 error" in done.stdout.decode("utf-8")
