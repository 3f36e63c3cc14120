"""The metric finder's fast paths find exactly what their plain definitions beside them find.

Each is checked on seeded random strings of the characters that matter to it (delimiters,
brackets, quotes, years, lead words, numerals, spaces, newlines).
"""

from __future__ import annotations

import random

import pytest

from docparse.lines import Locator
from docparse.metrics import context, quantity, scan

EXAMPLES = 3000


def windows(pieces: list[str], seed: int, max_pieces: int = 30) -> list[tuple[str, int, int]]:
    """Strings of random pieces, each with a random window ``[start, end)``."""
    rng = random.Random(seed)
    found = []
    for _ in range(EXAMPLES):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, max_pieces)))
        start = rng.randint(0, len(text))
        found.append((text, start, rng.randint(start, len(text))))
    return found


RUN_PIECES = [*"0123456789,.点百分之十千万亿两〇零一二三四五六七八九", "甲", " ", "。", "12", "1,234", "٣",
              "百分之", "百分", "1.5", "3,00"]


@pytest.mark.parametrize("text", ["百分之九十五", "百分之3.5", "百分之", "5分之3", "十分之一", "三百分之二",
                                  "1,234.5万", "12,34", "一百零三点五", "点五", "2023年百分百"])
def test_run_pattern_finds_the_runs_of_its_definition(text: str) -> None:
    assert [m.span() for m in quantity.RUN.finditer(text)] == [
        m.span() for m in quantity.RUN_DEFINITION.finditer(text)]


def test_runs_are_the_runs_of_the_definition_and_each_is_a_candidate() -> None:
    """``scan`` reports one candidate per run, ending where the run ends unless it became a metric."""
    for text, start, end in windows(RUN_PIECES, seed=1):
        runs = [m.span() for m in quantity.RUN_DEFINITION.finditer(text, start, end)]
        assert [m.span() for m in quantity.RUN.finditer(text, start, end)] == runs, text
        candidates = scan(text, text, start, end, locator=Locator(text))
        assert [c.start for c in candidates] == [run_start for run_start, _ in runs]
        assert all(c.end == run_end for c, (_, run_end) in zip(candidates, runs, strict=True)
                   if c.reason is not None)


YEAR_PIECES = ["2022年", "1999年", "20٢٣年", "截至", "截止", "至", "到", "在", "于", " ", "。", ",", ";",
               "\n", "x", "1", "年", "20", "12"]


def test_opening_years_are_the_matches_of_the_pattern() -> None:
    for text, start, end in windows(YEAR_PIECES, seed=2):
        expected = [(m.start(), m["year"]) for m in context.YEAR_OPENING.finditer(text, start, end)]
        assert context.opening_years(text, start, end) == expected, (text, start, end)


@pytest.mark.parametrize("pieces", [
    [*",;:。!?、()《》〈〉“”‘’「」『』\"", "甲", "乙", "12", " "],
    [*",;:。!?、\"", "甲", "乙", "12", " "],  # no brackets: the fast path's own case
], ids=["brackets", "no-brackets"])
def test_clause_is_the_one_walking_back_finds(pieces: list[str]) -> None:
    for text, start, end in windows(pieces, seed=3, max_pieces=80):
        for at in (start, (start + end) // 2, end):
            assert context.clause_of(text, start, at) == context.clause_by_walk(text, start, at), (text, at)


def test_clause_skips_a_closed_quote_but_not_an_open_one() -> None:
    text = "他说“甲,乙”,丙12个"
    assert context.clause_of(text, 0, text.index("12")).start == text.index("丙")
    text = "他说“甲,乙12个"
    assert context.clause_of(text, 0, text.index("12")).start == text.index("乙")
