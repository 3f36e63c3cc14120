"""A wheel built from the project carries the grammar and every module of the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from docparse.cli import COMMANDS

from .conftest import ROOT


def test_wheel_contents(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
         str(tmp_path), str(ROOT)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("docparse_cn-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "docparse/grammars/document.lark" in names
    assert {f"docparse/commands/{name}.py" for name in COMMANDS} <= names
    assert "docparse/py.typed" in names
    modules = {str(path.relative_to(ROOT)) for path in (ROOT / "docparse").rglob("*.py")}
    assert modules <= names, f"missing from the wheel: {sorted(modules - names)}"
    archive = zipfile.ZipFile(wheel)
    info = next(name for name in names if name.endswith(".dist-info/METADATA"))
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "docparse = docparse.cli:run" in archive.read(entry_points).decode()
    assert "License-Expression: MIT" in archive.read(info).decode()  # PEP 639, not a deprecated table
