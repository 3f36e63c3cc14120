"""No regular expression in docparse backtracks catastrophically.

Every compiled pattern of every module (module-level patterns, pattern tables, the patterns a cached
function of no arguments builds, and the terminals of grammars/document.lark) runs ``search`` and
``finditer`` on adversarial strings: long runs of what the pattern's repetitions consume, followed
by what makes the match fail at the very end, at two sizes. A linear pattern takes four times the
CPU time on the input four times as long; a quadratic one sixteen times. CPU time, not wall-clock
time, so that a busy machine does not fail the test.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest

import docparse
from docparse import grammar

# Long runs of what the patterns repeat (leader dots and ellipses of contents lines, spaces, tabs
# and ideographic spaces of gaps, CJK and numerals of titles, dates and markers, brackets, tags,
# entities, label words), each ending in a character that makes a match fail at the very end.
UNITS = [
    ".", "…", "·", "-", " ", "\t", "\u3000", "一", "1", "。", "(一", "<a", "&#1", "2022年",
    "建议使用", "第一",
]
TAIL = "x"


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    seen: set[int] = set()
    for info in pkgutil.walk_packages(docparse.__path__, "docparse."):
        if info.name == "docparse.__main__":
            continue  # runs the CLI on import
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for candidate in _flatten(value):
                if isinstance(candidate, re.Pattern) and isinstance(candidate.pattern, str) \
                        and id(candidate) not in seen:
                    seen.add(id(candidate))
                    yield f"{info.name.removeprefix('docparse.')}.{name}", candidate
    for name, pattern in grammar.terminals().items():
        yield f"document.lark {name}", pattern


def _flatten(value: object) -> Iterator[object]:
    if callable(value) and hasattr(value, "cache_info") and not inspect.signature(value).parameters:
        value = value()  # a pattern built once, on first use (functools.cache)
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    else:
        yield value


def adversarial(size: int) -> Iterator[str]:
    for unit in UNITS:
        yield unit * (size // len(unit)) + TAIL
    yield "a" + " " * (size - 2) + "a"
    yield ("一、" + "." * 50) * (size // 52)


SMALL, LARGE = 8_000, 32_000
INPUTS = list(zip(adversarial(SMALL), adversarial(LARGE), strict=True))
ALL = list(patterns())


def test_every_module_pattern_is_collected() -> None:
    names = {name for name, _ in ALL}
    assert {"structure.rules._TOC_ENTRY", "segment._SUBTITLE", "chrome._LINE_PATTERNS",
            "document.lark CN_DUN", "document.lark ENUM_SHI", "cuts._scans", "cuts._points"} <= names
    assert len(ALL) > 60


def _cpu_seconds(pattern: re.Pattern[str], text: str) -> float:
    started = time.process_time()
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass
    return time.process_time() - started


@pytest.mark.parametrize(("name", "pattern"), ALL, ids=[name for name, _ in ALL])
def test_pattern_is_linear_on_adversarial_input(name: str, pattern: re.Pattern[str]) -> None:
    slow = []
    for small, large in INPUTS:
        large_time = _cpu_seconds(pattern, large)
        if large_time < 0.02:
            continue  # too fast to be anything but linear at this size
        small_time = _cpu_seconds(pattern, small)
        if large_time > 10 * max(small_time, 0.005):
            slow.append(f"{small_time:.3f}s → {large_time:.3f}s on {small[:6]!r}…")
    assert not slow, f"{name}: {slow}"
