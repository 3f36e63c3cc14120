"""Atheris fuzz target: arbitrary bytes through parse_bytes, and the decoded text through parse.

Run with ``make fuzz`` (installs the ``fuzz`` extra). Only DocparseError may escape parse_bytes;
parse(str) must never raise; every span must lie inside the text. A crash is written by libFuzzer
as ``crash-<sha1>``: copy it to tests/fixtures/fuzz/ so tests/test_fuzz_regressions.py keeps it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

import docparse
from docparse.errors import DocparseError, LimitError

# instrument_imports() saw only the package itself here; instrument_all() covers every loaded
# function, docparse's stages included (the parse of a sample warms up the lazy imports first).
docparse.parse("关于2022年度工作的报告\n一、主要工作\n一是开展培训12次。")
atheris.instrument_all()


def check(doc: docparse.Document) -> None:
    length = len(doc.text)
    for section in doc.walk():
        for span in (section.span, section.heading_span):
            if not 0 <= span.start <= span.end <= length:
                raise AssertionError(f"span out of bounds: {span}")
    for _, paragraph in doc.paragraphs():
        if doc.text[paragraph.span.start:paragraph.span.end] != paragraph.text:
            raise AssertionError(f"paragraph text differs from its span: {paragraph.span}")


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
