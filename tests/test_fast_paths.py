"""Each fast path decides exactly what the plain definition beside it in the same module decides.

Kept fast paths (each buys more than 3 % of a full parse; docs/benchmarks.md): chrome's anchored
prefilter, the title and claim role patterns written literal-first, fold by replacement, and the
places a cut rule may cut at found by one scan of the text. They are compared on generated strings
made of the pieces that matter, and the cuts also on every real input in the repository.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docparse import chrome, cuts, normalize
from docparse.body import roles
from docparse.lines import cut_run_on, split_lines

ROOT = Path(__file__).resolve().parent.parent

CHROME_PIECES = ["当前位置", ":", ">", "»", "首页", "正文", "详情", "详细内容", "内容", "\n",
                 "字号", "大中小", "[", "]", "【", "】", "打印",
                 "关闭", "分享到", "浏览次数", "12", "相关链接", "联系我们", "版权所有", "English", "|", "-",
                 "第", "页", "共", "责任编辑", "王小明", "今天是", "2023年", "报告", "工作", "。", "x" * 40]
CLAIM_PIECES = ["存在", "仍有", "还有", "问题", "不足", "差距", "短板", "不够", "不到位", "有待", "进一步",
                "薄弱", "亟需", "亟待", "尚需", "仍需", "工作", "的", "。", " ", "\n", "x" * 5]
TITLE_PIECES = ["主要", "问题", "不足", "存在", "的", "短板", "和", "原因", "差距", "今后", "明年", "来年",
                "工作", "打算", "安排", "2023", "二〇二三", "年", "计划", "下一步", "举措", "成效", "回顾",
                "第一责任人", "履行", "职责", "情况", "x", " ", "\n"]
CUT_PIECES = ["。", "；", ":", "）", ")", "〕", "  ", "　", "\n", "一、", "二、", "三、", "（一）", "（二）",
              "(三)", "㈡", "1.", "2．", "8.2025年", "（1）", "(2)", "第一条", "第二条", "第一章", "第二节",
              "条例", "报告", "通知", " ", "“", "”", '"', "加强", "2023年", "十", "工作", "x" * 20]
FOLD_PIECES = [*"（）．，：；０９ＡＺ　\u00a0\t\x0b\u200b〔｡﹙，", "甲乙", "ab", " ", "\n", "（一）"]


def texts(pieces: list[str], max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts(CHROME_PIECES))
def test_chrome_classification_is_the_plain_one(squeezed: str) -> None:
    assert chrome._classify_whole(squeezed) == chrome.classify_whole_plain(squeezed)


@pytest.mark.parametrize("squeezed", ["政务公开>正文", "政务公开»详细内容\n", "工作动态>内容", "内容>正文x",
                                      "正文"])
def test_trail_lines_are_classified_as_the_plain_one(squeezed: str) -> None:
    assert chrome._classify_whole(squeezed) == chrome.classify_whole_plain(squeezed)


@settings(max_examples=600, deadline=None)
@given(texts(TITLE_PIECES, 8))
def test_title_roles_are_the_plain_ones(title: str) -> None:
    plain = next((role for role, pattern in roles._PLAIN_ROLE_PATTERNS if pattern.search(title)), None)
    assert roles.role_of_title(title) == plain


@settings(max_examples=600, deadline=None)
@given(texts(CLAIM_PIECES))
def test_problem_wording_is_the_plain_one(text: str) -> None:
    assert bool(roles._CLAIM_PROBLEMS.search(text)) == bool(roles._PLAIN_CLAIM_PROBLEMS.search(text))


@settings(max_examples=600, deadline=None)
@given(texts(FOLD_PIECES, 30))
def test_fold_is_the_plain_one(text: str) -> None:
    assert normalize.fold(text) == normalize.fold_plain(text)


def lines_cut_plainly(text: str) -> list[tuple[int, int]]:
    """Every line cut where :func:`docparse.cuts.cut_points` cuts it trying every marker of it."""
    folded = normalize.fold(text)
    return [(line.start + begin, line.start + end) for line in split_lines(text, folded)
            for begin, end in itertools.pairwise(cuts.cut_points(line.folded))]


def lines_cut(text: str) -> list[tuple[int, int]]:
    folded = normalize.fold(text)
    return [(line.start, line.end) for line in cut_run_on(split_lines(text, folded), folded)]


@settings(max_examples=1500, deadline=None)
@given(texts(CUT_PIECES, 30))
def test_the_places_to_cut_give_the_plain_cuts(text: str) -> None:
    assert lines_cut(text) == lines_cut_plainly(text)


@pytest.mark.parametrize("path", sorted([*(ROOT / "examples").glob("*.txt"),
                                         *(ROOT / "tests" / "fixtures").rglob("*.txt")]),
                         ids=lambda path: path.name)
def test_the_places_to_cut_give_the_plain_cuts_of_real_inputs(path: Path) -> None:
    text = normalize.normalize_newlines(path.read_bytes().decode("utf-8", "replace"))[0]
    assert lines_cut(text) == lines_cut_plainly(text)
