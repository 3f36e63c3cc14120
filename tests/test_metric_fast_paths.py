"""The metric finder's fast paths find exactly what their plain definitions find.

``_opening_years`` replaces a search with lookbehinds (:data:`docparse.metrics._YEAR_OPENING`, kept
as the readable definition) and ``_clause_starts`` replaces a walk over every character before a quantity.
Both are checked here against the plain versions on generated strings made of the characters that
matter (delimiters, brackets, quotes, years, lead words, spaces, newlines).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docparse
from docparse import metrics
from docparse.normalize import fold
from docparse.spans import Locator

YEAR_PIECES = ["2022年", "1999年", "20٢٣年", "截至", "截止", "至", "到", "在", "于", " ", "。", ",", ";",
               "\n", "x", "1", "年", "20", "12"]
CLAUSE_PIECES = [*",;:。!?、()《》〈〉“”‘’「」『』\"", "甲", "乙", "12", " "]


@st.composite
def windows(draw: st.DrawFn, pieces: list[str]) -> tuple[str, int, int]:
    text = "".join(draw(st.lists(st.sampled_from(pieces), max_size=50)))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@settings(max_examples=800, deadline=None)
@given(windows(YEAR_PIECES))
def test_opening_years_match_the_pattern(window: tuple[str, int, int]) -> None:
    text, start, end = window
    expected = [(m.start(), m.group("y")) for m in metrics._YEAR_OPENING.finditer(text, start, end)]
    assert metrics._opening_years(text, start, end) == expected


def walk_back(folded: str, cstart: int, s: int, delims: str) -> int:
    """The plain definition: walk back from ``s`` over at most 60 characters, skipping closed brackets."""
    index = s - 1
    limit = max(cstart, s - 60)
    depth = 0
    while index >= limit:
        char = folded[index]
        if char in metrics._CLOSERS or char == ")":
            depth += 1
        elif char in metrics._OPENERS or char == "(":
            depth = max(depth - 1, 0)
        elif depth == 0 and char in delims:
            break
        index -= 1
    return index + 1 if index >= limit else limit


@settings(max_examples=800, deadline=None)
@given(windows(CLAUSE_PIECES), st.data())
def test_clause_starts_match_the_walk(window: tuple[str, int, int], data: st.DataObject) -> None:
    text, start, end = window
    s = data.draw(st.integers(start, end))
    assert metrics._clause_starts(text, start, s) == (walk_back(text, start, s, ",;:。!?、"),
                                                      walk_back(text, start, s, ",;:。!?"))


@settings(max_examples=800, deadline=None)
@given(windows([*",;:。!?、\"", "甲", "乙", "12", " "]), st.data())
def test_clause_starts_without_brackets_match_the_walk(window: tuple[str, int, int],
                                                       data: st.DataObject) -> None:
    """The common case, a window without brackets or quotes, takes a path of its own."""
    text, start, end = window
    s = data.draw(st.integers(start, end))
    assert metrics._clause_starts(text, start, s) == (walk_back(text, start, s, ",;:。!?、"),
                                                      walk_back(text, start, s, ",;:。!?"))


def test_clause_start_skips_a_closed_quote_but_not_an_open_one() -> None:
    text = "他说“甲,乙”,丙12个"
    assert metrics._clause_starts(text, 0, text.index("12"))[0] == text.index("丙")
    text = "他说“甲,乙12个"
    assert metrics._clause_starts(text, 0, text.index("12"))[0] == text.index("乙")


CUE_PIECES = [*"增加减少降多了达到至为约近超过逾不足率速幅度是比较\n ", "增长", "下降", "提高", "压缩",
              "增长率", "下降幅度", "同比", "较上年", "甲", "12"]


@settings(max_examples=800, deadline=None)
@given(windows(CUE_PIECES))
def test_change_prechecks_never_drop_a_match(window: tuple[str, int, int]) -> None:
    """A quantity whose preceding character is not a possible last character of a change cue or a
    rate word has neither; a window without 比 or 较 has no baseline."""
    text, start, end = window
    last = text[end - 1] if end > start else ""
    if last not in metrics._CUE_ENDS:
        assert metrics._CHANGE_CUE.search(text, start, end) is None
    if last not in metrics._RATE_ENDS:
        assert metrics._CHANGE_RATE.search(text, start, end) is None
    window_text = text[start:end]
    if "比" not in window_text and "较" not in window_text:
        assert metrics._BASELINE.search(window_text) is None


RUN_PIECES = [*"0123456789,.点百分之十千万亿两〇零一二三四五六七八九", "甲", " ", "。", "12", "1,234", "٣",
              "百分之", "百分", "1.5", "3,00"]


PLAIN_RUN = re.compile(rf"(?=[0-9{metrics._CN_CHARS}])"
                       rf"(?:百分之(?:{metrics._AR}|{metrics._CN})|{metrics._AR}|{metrics._CN})")
""":data:`docparse.metrics._RUN` as first written: the three kinds of numeral, in order of priority."""


@pytest.mark.parametrize("text", ["百分之九十五", "百分之3.5", "百分之", "5分之3", "十分之一", "三百分之二",
                                  "1,234.5万", "12,34", "一百零三点五", "点五", "2023年百分百"])
def test_run_pattern_reads_like_the_plain_one(text: str) -> None:
    assert [m.span() for m in metrics._RUN.finditer(text)] == [m.span() for m in PLAIN_RUN.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(windows(RUN_PIECES))
def test_runs_match_finditer(window: tuple[str, int, int]) -> None:
    """The finder looks at every run of the plain pattern, in order: ``scan`` reports one candidate
    per run, ending where the run ends unless it became a metric."""
    text, start, end = window
    runs = [m.span() for m in PLAIN_RUN.finditer(text, start, end)]
    assert [m.span() for m in metrics._RUN.finditer(text, start, end)] == runs
    candidates = metrics.scan(text, text, start, end, locator=Locator(text))
    assert [c.start for c in candidates] == [s for s, _ in runs]
    assert all(c.end == e for c, (_, e) in zip(candidates, runs, strict=True) if c.reason is not None)


NESTED_TRAIL = re.compile(
    rf"(?:(?:同比|环比|(?:较|比)(?:上年|去年)(?:底|末|同期)?)?(?:{metrics._UP}|{metrics._DOWN})?(?:了)?"
    rf"(?:{metrics._TRAIL_WORDS})*)+$")
"""The label trail as first written: optional baseline, change word, 了 and trail words, repeated."""
TRAIL_PIECES = ["同比", "环比", "较", "比", "上年", "去年", "底", "同期", "增长", "下降", "增", "降", "了",
                "达到", "达", "为", "共", "累计", "的", "等", "案件", "率", "\n", " "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TRAIL_PIECES), max_size=10))
def test_label_trail_is_the_nested_pattern(pieces: list[str]) -> None:
    label = "".join(pieces)
    assert metrics._LABEL_TRAIL.sub("", label) == NESTED_TRAIL.sub("", label)


TAIL_TEXT = [*"万亿千百十余多几至到~-—－–以左上下内", *"个件次人年%元户项名米瓦克率的和,。",
             "平方公里", "人次", "12", "三"]
TAIL_FIRST = sorted({chr(c) for c in range(0x20, 0x7F)} | set("".join(TAIL_TEXT)) | set("案件办结率"))


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(TAIL_FIRST), st.lists(st.sampled_from(TAIL_TEXT), max_size=6))
def test_tail_is_empty_after_any_other_character(first: str, rest: list[str]) -> None:
    """After a character outside _TAIL_STARTS, the finder skips the tail pattern: it matches nothing."""
    text = first + "".join(rest)
    if first not in metrics._TAIL_STARTS:
        match = metrics._TAIL.match(text)
        assert match is not None and match.end() == 0


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([*"将接大约近超过逾多于高不少低突破足到数几上x\n", "12"]), max_size=6))
def test_prefix_ends_with_one_of_its_end_characters(pieces: list[str]) -> None:
    text = "".join(pieces)
    if text and text[-1] not in metrics._PREFIX_ENDS:
        assert metrics._PREFIX.search(text, max(0, len(text) - 3)) is None


TAIL_PIECES = [*"个次件人户场批年元%项名家米", "百分点", "工作日", "月", "以上", "以下", "左右", "上下", "至",
               "到", "~", "-", "—", "5", "余", "多", "万", "千", "率", ",", "。", "甲"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES), max_size=6).map("".join), st.integers(0, 8))
def test_a_lone_unit_reads_as_the_tail_pattern_reads_it(tail: str, cut: int) -> None:
    """:func:`metrics._read` takes a one-character unit without the pattern where nothing after it
    can extend the tail: the same draft as the pattern gives, up to the claim's end (``cut``)."""
    text = "办理12" + tail
    end = min(len(text), 4 + cut)
    read = metrics._read(text, text, 0, end, 2, 4, None)
    with_pattern = dict(metrics._UNIT_ALONE)
    metrics._UNIT_ALONE.clear()
    try:
        expected = metrics._read(text, text, 0, end, 2, 4, None)
    finally:
        metrics._UNIT_ALONE.update(with_pattern)
    assert read == expected


def test_label_leads_start_with_the_listed_characters() -> None:
    rest = "至目前2023年度以来其中累计已经"
    starts = {chr(code) for code in range(0x20, 0x10000)
              if not 0xD800 <= code < 0xE000 and metrics._LABEL_LEAD.match(chr(code) + rest)}
    assert starts <= metrics._LEAD_FIRST


BARE_PIECES = [*RUN_PIECES, "个", "人次", "%", "年", "余", "多", "以上", "至", "-", "万", "亿", "元", "第",
               "进一步", "统一", "二十大", "“", "”", "《", "》", "目标是:"]


def _assert_bare_runs_give_reasons(text: str, folded: str, start: int, end: int) -> int:
    """Every run ``_bare`` calls certainly no metric is one ``_read`` gives a reason for."""
    bare = 0
    for run in metrics._RUN.finditer(folded, start, end):
        s, e = run.span()
        if metrics._bare(folded, s, e, end):
            bare += 1
            assert isinstance(metrics._read(text, folded, start, end, s, e, None), str), folded[s:e + 3]
    return bare


@settings(max_examples=800, deadline=None)
@given(windows(BARE_PIECES))
def test_bare_runs_are_no_metrics(window: tuple[str, int, int]) -> None:
    text, start, end = window
    _assert_bare_runs_give_reasons(text, text, start, end)


def test_bare_runs_of_real_documents_are_no_metrics() -> None:
    """On the samples and genre fixtures, every run ``find_metrics`` passes over unread would not
    have been a metric (and there are such runs: the fast path is used)."""
    root = Path(__file__).parent
    bare = 0
    paths = [*sorted((root.parent / "examples").glob("*.txt")),
             *sorted((root / "fixtures" / "genres").glob("*.txt"))]
    for path in paths:
        doc = docparse.parse_file(path)
        folded = fold(doc.text)
        for _, claim in doc.claims():
            bare += _assert_bare_runs_give_reasons(doc.text, folded, claim.span.start, claim.span.end)
    assert bare > 100
