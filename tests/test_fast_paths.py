"""Each fast path decides exactly what the plain definition beside it in the same module decides.

Kept fast paths (each buys more than 3 % of a full parse; docs/benchmarks.md): chrome's anchored
prefilter, the title and claim role patterns written literal-first, and fold by replacement. They
are compared on generated strings made of the pieces that matter.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docparse import chrome, normalize
from docparse.body import roles

CHROME_PIECES = ["当前位置", ":", ">", "»", "首页", "正文", "详情", "详细内容", "内容", "\n",
                 "字号", "大中小", "[", "]", "【", "】", "打印",
                 "关闭", "分享到", "浏览次数", "12", "相关链接", "联系我们", "版权所有", "English", "|", "-",
                 "第", "页", "共", "责任编辑", "王小明", "今天是", "2023年", "报告", "工作", "。", "x" * 40]
CLAIM_PIECES = ["存在", "仍有", "还有", "问题", "不足", "差距", "短板", "不够", "不到位", "有待", "进一步",
                "薄弱", "亟需", "亟待", "尚需", "仍需", "工作", "的", "。", " ", "\n", "x" * 5]
TITLE_PIECES = ["主要", "问题", "不足", "存在", "的", "短板", "和", "原因", "差距", "今后", "明年", "来年",
                "工作", "打算", "安排", "2023", "二〇二三", "年", "计划", "下一步", "举措", "成效", "回顾",
                "第一责任人", "履行", "职责", "情况", "x", " ", "\n"]
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
