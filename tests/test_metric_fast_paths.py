"""The metric finder's fast paths find exactly what their plain definitions beside them find.

Each is checked on seeded random strings of the characters that matter to it (delimiters,
brackets, quotes, years, lead words, numerals, units, change words, spaces, newlines).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import docparse
from docparse.metrics import ClaimState, context, find_metrics, quantity, scan
from docparse.metrics.claim import ClaimText
from docparse.normalize import fold
from docparse.spans import Locator

EXAMPLES = 3000
ROOT = Path(__file__).parent


def windows(pieces: list[str], seed: int, max_pieces: int = 30) -> list[tuple[str, int, int]]:
    """Strings of random pieces, each with a random window ``[start, end)``."""
    rng = random.Random(seed)
    found = []
    for _ in range(EXAMPLES):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, max_pieces)))
        start = rng.randint(0, len(text))
        found.append((text, start, rng.randint(start, len(text))))
    return found


# --- quantity.RUN: the numeral runs ---------------------------------------------------------------

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


# --- what follows a run ----------------------------------------------------------------------------

TAIL_PIECES = [*"个次件人户场批年元%项名家米", "百分点", "工作日", "月", "人次", "平方米", "千米", "余次",
               "以上", "以上率", "以下", "左右", "上下", "至", "到", "~", "-", "—", "5", "三", "余", "多",
               "几", "万", "千", "亿", "率", ",", "。", "甲", " "]


# --- quantity.may_be_quantity and the finder's lazy look-ups ------------------------------------------

CLAIM_PIECES = [*RUN_PIECES, *TAIL_PIECES, "第", "进一步", "统一", "二十大", "“", "”", "《", "》", "\"",
                "目标是:", "确保", "2022年,", "截至2023年", "增长", "下降", "同比", "较上年", "分别", "其中",
                "已办结", "、"]


def claim_of(text: str, start: int, end: int) -> ClaimText:
    return ClaimText(text, text, start, end, Locator(text), "", "", ClaimState(period="2021"), False)


def test_a_run_that_cannot_be_a_quantity_is_none() -> None:
    for text, start, end in windows(CLAIM_PIECES, seed=5):
        for run in quantity.RUN.finditer(text, start, end):
            if not quantity.may_be_quantity(text, run.start(), run.end(), end):
                read = quantity.read_quantity(claim_of(text, start, end), run.start(), run.end(), None)
                assert isinstance(read, quantity.Rejection), (text, run.group())


def test_runs_passed_over_in_real_documents_are_no_quantities() -> None:
    """And there are such runs: the fast path is taken."""
    passed_over = 0
    for path in sorted((ROOT.parent / "examples").glob("*.txt")):
        doc = docparse.parse_file(path)
        folded = fold(doc.text)
        for _, claim in doc.claims():
            start, end = claim.span.start, claim.span.end
            for run in quantity.RUN.finditer(folded, start, end):
                if not quantity.may_be_quantity(folded, run.start(), run.end(), end):
                    passed_over += 1
                    claim_text = ClaimText(doc.text, folded, start, end, Locator(doc.text), "", "",
                                           ClaimState(period=None), False)
                    read = quantity.read_quantity(claim_text, run.start(), run.end(), None)
                    assert isinstance(read, quantity.Rejection), folded[run.start():run.end() + 3]
    assert passed_over > 100


CLAIMS = [
    "十四五,截至2023年,办理12件",
    "“八五”普法,2023年新增5个",
    "主要目标是:增长5%左右;",
    "确保完成30%的年度目标任务",
    "进一步统一二十大精神",
]


def test_find_metrics_finds_the_metrics_scan_finds() -> None:
    """``scan`` reads every run and looks for titles, quotes and 目标 at once; ``find_metrics`` passes
    over the runs that cannot be quantities and looks for the rest when it needs them. The same
    metrics, and the same state for the next claim (but for the years inside a title or quote:
    ``find_metrics`` passes over the rest of a title at its first run)."""
    for text, start, end in [(claim, 0, len(claim)) for claim in CLAIMS] + windows(CLAIM_PIECES, seed=6):
        scan_state, find_state = ClaimState(period="2021"), ClaimState(period="2021")
        scanned = scan(text, text, start, end, locator=Locator(text), state=scan_state)
        found = find_metrics(text, text, start, end, locator=Locator(text), claim_id="", path="",
                             state=find_state)
        assert found == [c.metric for c in scanned if c.metric is not None], text[start:end]
        assert find_state.target_open == scan_state.target_open
        if not any(mark in text[start:end] for mark in "《“\""):
            assert find_state.period == scan_state.period, text[start:end]


def test_a_year_among_the_runs_of_a_title_is_passed_over_with_them() -> None:
    state = ClaimState(period="2021")
    text = "《十四五,截至2023年》"
    assert find_metrics(text, text, 0, len(text), locator=Locator(text), claim_id="", path="",
                        state=state) == []
    assert state.period == "2021"


# --- words looked for only where they can end -----------------------------------------------------------

CUE_PIECES = [*"增加减少降多了达到至为约近超过逾不足率速幅度是比较将接大数几上\n ", "增长", "下降", "提高",
              "压缩", "增长率", "下降幅度", "同比", "较上年", "甲", "12", "不少于", "多于"]


@pytest.mark.parametrize(("pattern", "ends"), [
    (context.CHANGE_CUE, context.CUE_ENDS), (context.CHANGE_RATE, context.RATE_ENDS),
    (quantity.PREFIX, quantity.PREFIX_ENDS)], ids=["change", "rate", "prefix"])
def test_words_end_with_one_of_their_last_characters(pattern: re.Pattern[str], ends: frozenset[str]) -> None:
    for text, start, _ in windows(CUE_PIECES, seed=7, max_pieces=8):
        for end in range(start + 1, len(text) + 1):
            if text[end - 1] not in ends:
                assert pattern.search(text, start, end) is None, text[start:end]


TRAIL_PIECES = ["同比", "环比", "较", "比", "上年", "去年", "底", "末", "同期", "上一年度", "增长", "下降",
                "增", "降", "了", "达到", "达", "为", "共", "累计", "的", "等", "案件", "率", "\n", " "]


def test_the_trail_is_taken_off_as_the_pattern_takes_it() -> None:
    rng = random.Random(8)
    for _ in range(EXAMPLES):
        label = "".join(rng.choice(TRAIL_PIECES) for _ in range(rng.randint(0, 10)))
        assert context.strip_trail(label) == context.LABEL_TRAIL.sub("", label), label


# --- context.opening_years ------------------------------------------------------------------------

YEAR_PIECES = ["2022年", "1999年", "20٢٣年", "截至", "截止", "至", "到", "在", "于", " ", "。", ",", ";",
               "\n", "x", "1", "年", "20", "12"]


def test_opening_years_are_the_matches_of_the_pattern() -> None:
    for text, start, end in windows(YEAR_PIECES, seed=2):
        expected = [(m.start(), m["year"]) for m in context.YEAR_OPENING.finditer(text, start, end)]
        assert context.opening_years(text, start, end) == expected, (text, start, end)
