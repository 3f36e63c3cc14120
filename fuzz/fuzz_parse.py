"""Atheris fuzz target: arbitrary bytes through parse_bytes, and the decoded text through parse.

Run with ``make fuzz`` (installs the ``fuzz`` extra). Only DocparseError may escape parse_bytes;
parse(str) must never raise; every node's span must lie in the text, at its line and column and
inside its parent's, every character must be accounted for once (tests/spans.py, the checks of the
property tests), and the JSON must load back to the same Document. A crash is written by libFuzzer
as ``crash-<sha1>``: copy it to tests/fixtures/fuzz/ so tests/test_fuzz_regressions.py keeps it.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris

import docparse
from docparse.errors import DocparseError, LimitError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository: tests.spans
from tests.spans import coverage_problems, span_problems

# instrument_imports() saw only the package itself here; instrument_all() covers every loaded
# function, docparse's stages included (the parse of a sample warms up the lazy imports first).
docparse.parse("关于2022年度工作的报告\n一、主要工作\n一是开展培训12次。")
atheris.instrument_all()


def check(doc: docparse.Document) -> None:
    problems = span_problems(doc) + coverage_problems(doc)
    if problems:
        raise AssertionError("; ".join(problems[:5]))
    if docparse.Document.model_validate_json(doc.model_dump_json()) != doc:
        raise AssertionError("the JSON does not load back to the same Document")


def test_one_input(data: bytes) -> None:
    with contextlib.suppress(DocparseError):  # the typed refusals: empty, binary, not Chinese …
        check(docparse.parse_bytes(data, max_chars=1 << 20))
    text = data.decode("utf-8", errors="replace")
    with contextlib.suppress(LimitError):
        check(docparse.parse(text, max_chars=1 << 20))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
