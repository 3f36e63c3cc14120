"""The fast paths of segmentation, lexing and claims decide exactly what their plain definitions decide.

Each fast path (a prefilter, a regex rewritten for speed, a pre-check before a slow search) is
compared here with the plain version it replaced, on generated strings made of the pieces that matter.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docparse import chrome, lexer, normalize, roles, sentences
from docparse.lines import Locator

CHROME_PIECES = ["当前位置", ":", ">", "»", "首页", "正文", "详情", "详细内容", "内容", "\n",
                 "字号", "大中小", "[", "]", "【", "】", "打印",
                 "关闭", "分享到", "浏览次数", "12", "相关链接", "联系我们", "版权所有", "English", "|", "-",
                 "第", "页", "共", "责任编辑", "王小明", "今天是", "2023年", "报告", "工作", "。", "x" * 40]
CLAIM_PIECES = ["存在", "仍有", "还有", "问题", "不足", "差距", "短板", "不够", "不到位", "有待", "进一步",
                "薄弱", "亟需", "亟待", "尚需", "仍需", "工作", "的", "。", " ", "\n", "x" * 5]
LINE_PIECES = [" ", "  ", "\t", "一、", "第一章", "……", "...", "·", "-", "_", "12", "3", "总则", "|", "x"]

_PLAIN_PROBLEMS = re.compile(r"(存在|仍有|还有).{0,12}(问题|不足|差距|短板)|不够|不到位|有待(进一步)?|薄弱|"
                             r"亟需|亟待|尚需|仍需")


def _plain_classify(squeezed: str) -> str | None:
    """chrome._classify_whole as it was written first: every pattern in order."""
    if not squeezed:
        return None
    if len(squeezed) <= 2 and not re.search(r"[\u4e00-\u9fff0-9A-Za-z]", squeezed):
        return "other"
    for kind, pattern in chrome._LINE_PATTERNS:
        if pattern.search(squeezed):
            if kind == "footer" and len(squeezed) > 80:
                continue
            return kind
    return None


def texts(pieces: list[str], max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def test_anchored_chrome_patterns_have_no_top_level_alternation() -> None:
    """The prefilter matches the anchored patterns' alternation at offset 0, which is only a
    search of each of them when ``^`` anchors the whole pattern."""
    for _, pattern in chrome._RAW_PATTERNS:
        if not pattern.startswith("^"):
            continue
        depth, escaped, in_class = 0, False, False
        for char in pattern:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif in_class:
                in_class = char != "]"
            elif char == "[":
                in_class = True
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
            else:
                assert not (char == "|" and depth == 0), pattern


@settings(max_examples=1500, deadline=None)
@given(texts(CHROME_PIECES))
def test_chrome_classification_matches_the_plain_loop(squeezed: str) -> None:
    assert chrome._classify_whole(squeezed) == _plain_classify(squeezed)


@pytest.mark.parametrize("squeezed", ["政务公开>正文", "政务公开»详细内容\n", "工作动态>内容", "内容>正文x",
                                      "正文"])
def test_trail_lines_match_the_plain_loop(squeezed: str) -> None:
    assert chrome._classify_whole(squeezed) == _plain_classify(squeezed)


_PLAIN_TITLE_ROLES = (
    ("duty", re.compile(r"第一责任人|主要负责人.{0,12}(履行|职责)|履行.{0,10}职责情况")),
    ("problems", re.compile(r"存在的?(主要)?(问题|不足|短板|困难)|不足(之处)?(和|及|与)原因|"
                            r"问题(和|及|与)(不足|原因|差距)|短板|差距和不足|不足和差距|薄弱环节|"
                            r"^(主要)?问题$|^不足$")),
    ("plans", re.compile(r"下一(年度?|步)|工作(打算|计划|思路|安排|重点)|主要安排|"
                         r"(今后|明年|来年).{0,6}(工作|打算|安排|思路)|努力方向|"
                         r"(\d{4}|[〇一二三四五六七八九]{4})年(工作)?(打算|计划|安排|思路|目标|重点|主要任务)|"
                         r"工作任务|政府工作任务|对今年政府工作的建议|总体要求|目标任务|下步")),
    ("measures", re.compile(r"举措|成效|工作开展情况|主要工作|工作情况|工作回顾|回顾|主要做法|"
                            r"做法(和|及)成效|取得的成绩|工作成绩|推进情况|完成情况|落实情况|基本情况|进展")),
)
"""roles._ROLE_PATTERNS as first written: one pattern per role."""
TITLE_PIECES = ["主要", "问题", "不足", "存在", "的", "短板", "和", "原因", "差距", "今后", "明年", "来年",
                "工作", "打算", "安排", "2023", "二〇二三", "年", "计划", "下一步", "举措", "成效", "回顾",
                "第一责任人", "履行", "职责", "情况", "x", " ", "\n"]


@settings(max_examples=2000, deadline=None)
@given(texts(TITLE_PIECES, 8))
def test_title_roles_match_the_plain_patterns(title: str) -> None:
    plain = next((role for role, pattern in _PLAIN_TITLE_ROLES if pattern.search(title)), None)
    assert roles.role_of_title(title) == plain


@settings(max_examples=1000, deadline=None)
@given(texts(CLAIM_PIECES))
def test_problem_wording_matches_the_plain_pattern(text: str) -> None:
    assert bool(roles._CLAIM_PROBLEMS.search(text)) == bool(_PLAIN_PROBLEMS.search(text))


@settings(max_examples=1000, deadline=None)
@given(texts(LINE_PIECES))
def test_toc_and_table_checks_match_the_plain_searches(folded: str) -> None:
    squeezed = folded.replace(" ", "")
    assert lexer._is_toc_entry(squeezed) == bool(lexer._TOC_ENTRY.search(squeezed))
    assert lexer._is_table_row(folded) == (len(lexer._TABLE_GAP.findall(folded.strip(" "))) >= 2)


SENTENCE_PIECES = ["。", "!", "?", ";", ":", ",", "“", "”", "《", "》", "(", ")", "甲", "乙", " ", "\n"]


@settings(max_examples=1000, deadline=None)
@given(texts(SENTENCE_PIECES, 30), st.data())
def test_sentence_stops_match_the_character_class(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [m.end() for m in re.finditer("[。!?;]", text[:end]) if m.start() >= start]
    assert sentences._stop_offsets(text, start, end, sentences.STOPS) == expected


def _plain_sentence_ends(folded: str, start: int, end: int) -> list[int]:
    """sentences.sentence_ends as first written: one walk over every stop and bracket."""
    result, depth = [], 0
    for match in re.finditer("[" + re.escape(sentences._OPENERS + sentences._CLOSERS + sentences.STOPS) + "]",
                             folded[:end]):
        if match.start() < start:
            continue
        char = match.group()
        if char in sentences._OPENERS:
            depth += 1
        elif char in sentences._CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            result.append(match.end())
    return result


@settings(max_examples=1500, deadline=None)
@given(texts(SENTENCE_PIECES, 30), st.data())
def test_sentence_ends_match_the_plain_walk(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentences.sentence_ends(text, start, end) == _plain_sentence_ends(text, start, end)


@settings(max_examples=1500, deadline=None)
@given(texts(SENTENCE_PIECES, 30), st.data(), st.sampled_from([sentences.STOPS, "。!?;:", "。!?;"]))
def test_first_stop_is_the_first_of_the_plain_walk(text: str, data: st.DataObject, stops: str) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    depth, expected = 0, None
    for index in range(start, end):
        char = text[index]
        if char in sentences._OPENERS:
            depth += 1
        elif char in sentences._CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in stops:
            expected = index
            break
    assert sentences.first_stop(text, start, end, stops) == expected


@settings(max_examples=500, deadline=None)
@given(texts(["\n", "甲", "乙乙", " "], 30), st.data())
def test_spans_match_positions(text: str, data: st.DataObject) -> None:
    locator = Locator(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    span = locator.span(start, end)
    assert (span.line, span.column) == locator.position(start)
    assert (span.end_line, span.end_column) == locator.position(end)


def test_lexer_tokens_are_lark_tokens() -> None:
    """``lexer._token`` skips a layer of ``lark.Token``: the token must be the same in every field."""
    from lark import Token

    made = lexer._token("TITLE", 3, 9, "cn_dun:5")
    plain = Token("TITLE", "cn_dun:5", 3, None, None, None, None, 9)
    assert type(made) is Token and made == plain
    for name in Token.__slots__:
        assert getattr(made, name) == getattr(plain, name), name


FOLD_PIECES = [*"（）．，：；０９ＡＺ　\u00a0\t\x0b\u200b〔｡﹙，", "甲乙", "ab", " ", "\n", "（一）"]


@settings(max_examples=1000, deadline=None)
@given(texts(FOLD_PIECES, 30))
def test_fold_matches_the_translation_table(text: str) -> None:
    assert normalize.fold(text) == text.translate(normalize.FOLD_TABLE)


try:  # the regex parser's parse tree: only this test reads it
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants
    import sre_parse as sre_parser


def _first_characters(items: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
    """The characters a match of a parsed pattern (``re._parser``) can start with, and whether it
    can match nothing; ``None`` where any character could (a class this does not expand)."""
    c = sre_constants
    found: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars, nullable = {chr(av)}, False  # type: ignore[arg-type]
        elif op is c.IN:
            chars, nullable = set(), False
            for kind, value in av:  # type: ignore[attr-defined]
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars.update(chr(code) for code in range(value[0], value[1] + 1))
                else:
                    return None, False
        elif op is c.AT:
            chars, nullable = set(), True
        elif op is c.SUBPATTERN:
            chars, nullable = _first_characters(av[3].data)  # type: ignore[index]
        elif op is c.BRANCH:
            chars, nullable = set(), False
            for alternative in av[1]:  # type: ignore[index]
                more, empty = _first_characters(alternative.data)
                if more is None:
                    return None, False
                chars |= more
                nullable = nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            chars, empty = _first_characters(av[2].data)  # type: ignore[index]
            nullable = av[0] == 0 or empty  # type: ignore[index]
        else:
            return None, False
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def test_anchored_chrome_starts_with_the_listed_characters() -> None:
    first, can_be_empty = _first_characters(sre_parser.parse(chrome._ANCHORED.pattern).data)
    assert first is not None and not can_be_empty
    assert first <= chrome._ANCHORED_FIRST
