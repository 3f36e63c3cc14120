"""Memory grows with the input, at a bounded rate: the two shapes with the most nodes per byte
(a paragraph per short line; paragraphs of short 一是 … 十是 items) are parsed and converted at
two sizes, and the most memory Python held (tracemalloc's peak), per byte of input, stays under the
bounds docs/benchmarks.md gives and does not grow with the size: for a parse, the Document and what
building it needs at once; for ``convert``, which writes the JSON as the body is built and never
holds the whole Document, the stage before the body (the text's lines and the parser's tokens).
Allocations are counted, not timed: the result is the same on a busy machine.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import docparse
from docparse import batch, models
from docparse.numerals import int_to_cn

BOUND = 66
"""Bytes of memory per byte of UTF-8 input while parsing (docs/benchmarks.md, "Linearity and
memory": the worst shape peaks at 62, nearly all of it the Document)."""
CONVERT_BOUND = 46
"""Bytes of memory per byte of UTF-8 input while ``convert`` writes a document's JSON
(docs/benchmarks.md: short lines peak at 43, in the structure stage; enumerations at 6)."""
SIZE = 64 * 1024
"""The smaller input, in bytes; the larger is four times as long."""
CONVERT_SIZE = 256 * 1024
"""The smaller input converted (a document this long is written as its body is built; a shorter
one, whose JSON is a few megabytes at most, whole); the larger is twice as long."""


def _short_lines(size: int) -> str:
    """Lines of six characters, an 一、 heading every 50 lines: a paragraph and a claim per line."""
    count = size // len("短行内容完成。\n".encode())
    return "某县2022年度工作报告\n" + "".join(
        f"{int_to_cn(i // 50 % 99 + 1)}、第{i // 50}部分\n" if i % 50 == 0 else "短行内容完成。\n"
        for i in range(count))


def _enumerations(size: int) -> str:
    """Paragraphs of ten items (一是加强学习。… 十是加强学习。): an item, its lead and a claim
    every seven characters."""
    paragraph = "".join(f"{numeral}是加强学习。" for numeral in "一二三四五六七八九十") + "\n"
    return "某县2022年度工作报告\n一、主要工作\n" + paragraph * (size // len(paragraph.encode()))


def _peak_per_byte(text: str) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        doc = docparse.parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.sections
    return peak / len(text.encode("utf-8"))


@pytest.mark.parametrize("make", [_short_lines, _enumerations], ids=["short_lines", "enumerations"])
def test_memory_per_input_byte_is_bounded(make: Callable[[int], str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "CHECK_BUILDS", False)  # as users run it: no validating copy of each node
    docparse.parse(make(4096))  # warm up: grammar, patterns and caches are not the document's
    small = _peak_per_byte(make(SIZE))
    large = _peak_per_byte(make(SIZE * 4))
    assert small < BOUND and large < BOUND, f"{small:.1f} and {large:.1f} bytes per input byte"
    assert large < small * 1.1, f"{small:.1f} → {large:.1f} bytes per input byte for ×4 the input"


def _convert_peak_per_byte(text: str, folder: Path) -> float:
    source = folder / "report.txt"
    source.write_text(text, encoding="utf-8")
    gc.collect()
    tracemalloc.start()
    try:
        summary = batch.convert([str(source)], folder / "out")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary.converted == 1 and (folder / "out" / "report.json").stat().st_size > len(text)
    return peak / source.stat().st_size


@pytest.mark.parametrize("make", [_short_lines, _enumerations], ids=["short_lines", "enumerations"])
def test_convert_memory_per_input_byte_is_bounded(make: Callable[[int], str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "CHECK_BUILDS", False)
    docparse.parse(make(4096))
    (tmp_path / "small").mkdir()
    (tmp_path / "large").mkdir()
    small = _convert_peak_per_byte(make(CONVERT_SIZE), tmp_path / "small")
    large = _convert_peak_per_byte(make(CONVERT_SIZE * 2), tmp_path / "large")
    assert max(small, large) < CONVERT_BOUND, f"{small:.1f} and {large:.1f} bytes per input byte"
    assert large < small * 1.1, f"{small:.1f} → {large:.1f} bytes per input byte for ×2 the input"
