"""What a section reports — measures, the first-responsible-person duty, problems, plans — from its title.

The 督察规定 asks 法治政府 reports for five parts (domain-rules.md §2.1); 工作总结 and 政府工作报告 have
the same review / problems / plans shape. Matching is by meaning (keywords), not exact heading text.
"""

from __future__ import annotations

import re

from ..metadata import CN_YEAR
from ..models import SectionRole
from ..normalize import fold

_PLANS_AFTER = r".{0,6}(工作|打算|安排|思路)"
_ROLE_PATTERNS: tuple[tuple[SectionRole, re.Pattern[str]], ...] = (
    ("duty", re.compile(r"第一责任人|第一职责|主要负责人.{0,12}(履行|职责)|履行.{0,10}职责情况")),
    ("problems", re.compile(r"存在的?(主要)?(问题|不足|短板|困难)|不足(之处)?(和|及|与)原因|问题(和|及|与)(不足|原因|差距)|"
                            r"短板|差距和不足|不足和差距|薄弱环节")),
    ("problems", re.compile(r"^(主要)?问题$|^不足$")),
    ("plans", re.compile(r"下一(年度?|步)|工作(打算|计划|思路|安排|重点)|主要安排|"
                         rf"今后{_PLANS_AFTER}|明年{_PLANS_AFTER}|来年{_PLANS_AFTER}|"
                         r"努力方向|工作任务|政府工作任务|对今年政府工作的建议|总体要求|目标任务|下步")),
    ("plans", re.compile(rf"(\d{{4}}|{CN_YEAR})年(工作)?(打算|计划|安排|思路|目标|重点|主要任务)")),
    ("plans", re.compile(r"预期目标$")),
    ("measures", re.compile(r"举措|成效|工作开展情况|主要工作|工作情况|工作回顾|回顾|主要做法|做法(和|及)成效|"
                            r"取得的成绩|工作成绩|推进情况|完成情况|落实情况|基本情况|进展")),
)
"""Tried in order; the first that is found names the role: :data:`_PLAIN_ROLE_PATTERNS`, written so
that every alternative of a pattern starts with a literal (``re`` then skips to where one can start);
the alternatives that cannot (anchored titles, a year) are patterns of their own."""
_PLAIN_ROLE_PATTERNS: tuple[tuple[SectionRole, re.Pattern[str]], ...] = (
    ("duty", re.compile(r"第一责任人|第一职责|主要负责人.{0,12}(履行|职责)|履行.{0,10}职责情况")),
    ("problems", re.compile(r"存在的?(主要)?(问题|不足|短板|困难)|不足(之处)?(和|及|与)原因|"
                            r"问题(和|及|与)(不足|原因|差距)|短板|差距和不足|不足和差距|薄弱环节|"
                            r"^(主要)?问题$|^不足$")),
    ("plans", re.compile(r"下一(年度?|步)|工作(打算|计划|思路|安排|重点)|主要安排|"
                         r"(今后|明年|来年).{0,6}(工作|打算|安排|思路)|努力方向|"
                         rf"(\d{{4}}|{CN_YEAR})年(工作)?(打算|计划|安排|思路|目标|重点|主要任务)|"
                         r"工作任务|政府工作任务|对今年政府工作的建议|总体要求|目标任务|下步|预期目标$")),
    ("measures", re.compile(r"举措|成效|工作开展情况|主要工作|工作情况|工作回顾|回顾|主要做法|"
                            r"做法(和|及)成效|取得的成绩|工作成绩|推进情况|完成情况|落实情况|基本情况|进展")),
)
"""The definition of the title roles, one pattern per role, in order."""
# Claims outside role-bearing sections are judged by their own wording.
_GAP_WORD = r".{0,12}(?:问题|不足|差距|短板)"
_CLAIM_PROBLEMS = re.compile(rf"存在{_GAP_WORD}|仍有{_GAP_WORD}|还有{_GAP_WORD}|不够|不到位|有待(?:进一步)?|薄弱|亟需|亟待|"
                             r"尚需|仍需")
""":data:`_PLAIN_CLAIM_PROBLEMS` written so that every alternative starts with a literal: ``re`` then
skips to the possible first characters instead of trying the pattern everywhere."""
_PLAIN_CLAIM_PROBLEMS = re.compile(r"(存在|仍有|还有).{0,12}(问题|不足|差距|短板)|不够|不到位|有待(进一步)?|薄弱|"
                                   r"亟需|亟待|尚需|仍需")
"""The definition of problem wording in a claim."""
_CLAIM_PLANS = re.compile(r"(\d{4}年|下一步|今后|明年|来年)?.{0,6}(我们将|我县将|我市将|我区将|将继续|将进一步|要继续|"
                          r"要进一步|力争|计划|拟)|下一步")
"""Matched at the start of the sentence only (``match``, not ``search``, which would try every position)."""


def role_of_title(title: str) -> SectionRole | None:
    """The role a heading's title announces, or ``None`` when it names a topic instead; read in the
    folded title, where traditional characters are simplified (過去五年工作回顧 reviews)."""
    folded = fold(title)
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(folded):
            return role
    return None


def role_of_claim(text: str) -> SectionRole | None:
    """The role a sentence states by its own wording (used outside role-bearing sections)."""
    if _CLAIM_PLANS.match(text):
        return "plans"
    if _CLAIM_PROBLEMS.search(text):
        return "problems"
    return None
