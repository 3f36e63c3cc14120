"""政府工作报告 (``gzbg``): a speech to the 人民代表大会 — its meeting subtitle and salutation, and its
review and tasks parts (DP511–DP514; domain-rules.md §2.2, §6.7).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...body.roles import role_of_title
from ...diagnostics import Code
from ...models import Diagnostic, Document
from ..context import RuleContext, rule
from .profile import Profile

_REVIEW = re.compile(r"回顾|过去一年|过去五年|过去的一年|工作总结|取得的成绩|主要工作")
_TASKS = re.compile(r"任务|工作安排|建议|总体要求|预期目标|重点工作|工作部署|主要工作|打算|政策取向")
_MEETING = re.compile(r"人民代表大会|人大.{0,10}会议|会议上")


def _speech_head(doc: Document) -> str:
    first = doc.sections[0].span.start if doc.sections else len(doc.text)
    return doc.text[:first]


@rule(
    Code("DP511", "warning", "政府工作报告缺少称呼“各位代表：”"),
    Code("DP512", "warning", "政府工作报告缺少会议副标题（——某年某月某日在…会议上）"),
)
def check_gz_front(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A 政府工作报告 is a speech: a meeting subtitle (with the date) and the salutation 各位代表."""
    doc = ctx.doc
    head = _speech_head(doc)
    title = doc.title.spans[0] if doc.title else None
    where = (title.start, title.end) if title else (None, None)
    if not (doc.subtitle and _MEETING.search(doc.subtitle.text)) and not _MEETING.search(head):
        yield ctx.diag("DP512", "没有找到会议副标题"
                       "（如“——2024年1月20日在某市第十七届人民代表大会第三次会议上”）",
                       *where, hint="在标题下补上报告的日期和会议")
    if "各位代表" not in head:
        yield ctx.diag("DP511", "正文前没有称呼“各位代表：”", *where, hint="在正文前加称呼“各位代表：”")


@rule(
    Code("DP513", "warning", "政府工作报告缺少工作回顾部分"),
    Code("DP514", "warning", "政府工作报告缺少工作任务（安排、建议）部分"),
)
def check_gz_parts(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The body reviews the past year and sets out this year's tasks (or, in 换届 years, 建议)."""
    doc = ctx.doc
    if not doc.sections:
        return
    top = doc.sections
    title = doc.title.spans[0] if doc.title else None
    where = (title.start, title.end) if title else (None, None)
    if not any(_REVIEW.search(s.title) for s in top):
        yield ctx.diag("DP513", "一级标题中没有工作回顾部分（如“一、2023年工作回顾”）", *where,
                       hint="用一级标题单列上一年工作回顾")
    if not any(_TASKS.search(s.title) or role_of_title(s.title) == "plans" for s in top):
        yield ctx.diag("DP514", "一级标题中没有工作任务部分（如“三、2024年政府工作任务”）", *where,
                       hint="用一级标题单列今年的工作任务或建议")


GZBG = Profile(
    name="gzbg", label="政府工作报告", aliases=("gov_work_report",),
    title=re.compile(r"^(.{0,20}?(\d{4}年)?)政府工作报告$"),
    doc_types=("gov_work_report",),
    checks=(check_gz_front, check_gz_parts),
    disabled=frozenset({"DP405", "DP406", "DP408", "DP409"}),  # the date lives in the subtitle
)
