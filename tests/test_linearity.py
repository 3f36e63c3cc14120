"""Every stage is linear in the input: each shape that was once quadratic is parsed at two sizes,
and the CPU time of the larger may grow with its size, not with its square.

CPU time (``time.process_time``) of this process, not wall-clock time, so that a busy machine does
not fail the test; the smaller size is large enough that the fixed costs do not hide a square.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable

import pytest

import docparse

SCALE = 8
"""The larger input is this many times the smaller: linear work takes ×8, quadratic ×64."""
LIMIT = 20
"""A ratio above this is not linear (noise and the fixed costs keep a linear one well below)."""


def _contents(n: int) -> str:
    """A table of contents of ``n`` entries, then the headings it lists (each checked against the rest)."""
    entries = "".join(f"第{i}章　总则第{i}部分\n" for i in range(1, n + 1))
    body = "".join(f"第{i}章　总则第{i}部分\n第{i}条　本办法适用于全市。\n" for i in range(1, n + 1))
    return f"某某管理办法\n目录\n{entries}{body}"


def _related(n: int) -> str:
    """Lines that each say 相关解读, among body lines (each once rebuilt the rest of the document)."""
    return "关于工作的通知\n" + "".join(f"相关解读\n第{i}项工作已经完成。\n" for i in range(n))


def _enumerator_in_headings(n: int) -> str:
    """Headings whose titles run into 一是 with no 二是, over long paragraphs (each heading once
    looked for its 二是 in a copy of the rest of the text)."""
    return "关于工作的报告\n" + "".join("（一）组织领导工作一是学习。\n" + "正文内容。" * 100 + "\n"
                                      for _ in range(n))


def _run_of_yi(n: int) -> str:
    """A numeral of ``n`` 亿 that reads as a number (一亿亿…亿一千二, as 一万二 reads: each 亿 once
    multiplied an integer as long as the run so far)."""
    return "关于工作的报告\n完成投资一" + "亿" * n + "一千二元。\n"


def _short_lines(n: int) -> str:
    lines = (f"一、第{i % 9 + 1}\n" if i % 50 == 0 else "短行。\n" for i in range(n))
    return "关于工作的报告\n" + "".join(lines)


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "contents": (_contents, 300),
    "related": (_related, 600),
    "enumerator_in_headings": (_enumerator_in_headings, 100),
    "run_of_yi": (_run_of_yi, 5000),
    "short_lines": (_short_lines, 3000),
}


def _cpu_seconds(text: str) -> float:
    started = time.process_time()
    docparse.parse(text)
    return time.process_time() - started


@pytest.mark.parametrize("shape", SHAPES)
def test_parsing_is_linear(shape: str) -> None:
    make, size = SHAPES[shape]
    docparse.parse(make(10))  # warm up: grammar and caches
    small = min(_cpu_seconds(make(size)) for _ in range(2))
    large = _cpu_seconds(make(size * SCALE))
    assert large < LIMIT * max(small, 0.01), f"{shape}: {small:.3f}s → {large:.3f}s for ×{SCALE} the input"


def _long_runs(n: int) -> str:
    """Figures and numerals ``n`` characters long, as in a heading marker, a metric and a date."""
    return (f"关于工作的报告\n第{'一' * n}章　总则\n"
            f"投资{'9' * n}元，{'一' * n}万元，{'1,000' * (n // 5)}亿元。\n"
            f"某县人民政府\n{'二' * n}年一月一日\n")


def test_a_long_lived_process_keeps_nothing_of_a_document() -> None:
    """The caches of a long-lived process (a library user, a Dask worker) hold short keys only:
    after a report of runs 200,000 characters long (400 KB each) is parsed and let go, Python holds
    no more than after a report of short runs (what caches keep of either is the same few keys)."""
    docparse.parse(_long_runs(10))  # warm up: patterns compiled on first use

    def held_after(n: int) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            docparse.parse(_long_runs(n))
            gc.collect()
            return tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()

    short = held_after(1_000)
    held = held_after(200_000)
    assert held < short + 100 * 1024, f"{held} bytes held after the document ({short} after a short one)"
