"""The README's library example runs and says what it claims."""

from __future__ import annotations

import os
import re

from .conftest import ROOT


def test_library_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Library\n\n```python\n(.*?)```", readme, re.S)
    assert block
    code = block.group(1)
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    doc = namespace["doc"]
    for line in code.splitlines():
        expression, _, comment = line.partition("#")
        expression = expression.strip()
        if comment.strip().startswith(("'", "datetime", "Marker")) and expression:
            expected = comment.strip()
            assert repr(eval(expression, namespace)) == expected, expression
    assert doc is not None
