"""No regular expression in docparse backtracks catastrophically (issue 5, point 6).

Every compiled pattern of every module (module-level patterns, pattern tables, and the patterns
compiled from the lark grammars) runs ``search``, ``findall`` and ``match`` at offset 0 on
adversarial strings of 100,000 characters: long runs of what the pattern's repetitions consume,
followed by what makes the match fail at the very end. A linear engine path takes milliseconds;
a quadratic one takes seconds. This is a regression guard, kept fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest

import docparse
from docparse import grammar

N = 100_000
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
    for info in pkgutil.iter_modules(docparse.__path__):
        if info.name == "__main__":
            continue  # runs the CLI on import
        module = importlib.import_module(f"docparse.{info.name}")
        for name, value in vars(module).items():
            for candidate in _flatten(value):
                if isinstance(candidate, re.Pattern) and isinstance(candidate.pattern, str) \
                        and id(candidate) not in seen:
                    seen.add(id(candidate))
                    yield f"{info.name}.{name}", candidate
    for name, pattern in grammar.marker_patterns().items():
        yield f"document.lark {name}", pattern
    yield "inline.lark ENUM_*", grammar.enumerator_pattern()


def _flatten(value: object) -> Iterator[object]:
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    else:
        yield value


def adversarial() -> Iterator[str]:
    for unit in UNITS:
        yield unit * (N // len(unit)) + TAIL
    yield "a" + " " * (N - 2) + "a"
    yield ("一、" + "." * 50) * (N // 52)


INPUTS = list(adversarial())
ALL = list(patterns())
BUDGET = 0.2
"""Seconds per pattern and input: a linear scan of 100k characters takes about a millisecond,
a quadratic one (as ``\\.{3,}\\s*\\d$`` was) takes minutes."""


def test_every_module_pattern_is_collected() -> None:
    names = {name for name, _ in ALL}
    assert {"lexer._TOC_ENTRY", "segment._SUBTITLE", "chrome._LINE_PATTERNS", "document.lark CN_DUN"} <= names
    assert len(ALL) > 60


@pytest.mark.parametrize(("name", "pattern"), ALL, ids=[name for name, _ in ALL])
def test_pattern_is_linear_on_adversarial_input(name: str, pattern: re.Pattern[str]) -> None:
    slow = []
    for text in INPUTS:
        started = time.perf_counter()
        pattern.search(text)
        for _ in pattern.finditer(text):
            pass
        elapsed = time.perf_counter() - started
        if elapsed > BUDGET:
            slow.append(f"{elapsed:.2f}s on {text[:6]!r}…")
    assert not slow, f"{name}: {slow}"
