"""How the quantities of a claim relate: the figures of a 分别 list, totals and their parts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import COMPLETED, LIST_JOINS, PARTS_INTRO, RESPECTIVELY, one_of

if TYPE_CHECKING:
    from .context import Draft

_LIST_JOIN = re.compile(f"[{''.join(LIST_JOINS)}]")


def continues_list(between: str) -> bool:
    """Whether a figure after a change continues its list, with only a list join or a comma
    ``between`` them (分别下降28.3%、8.4%; 4次、专题讲座1次)."""
    joint = between.strip(" ")
    return joint in LIST_JOINS or joint == ","


def listed_names(wide_left: str) -> list[tuple[int, int]]:
    """Where the names listed before a 分别 in ``wide_left`` start and end (全市治安案件、刑事案件
    分别下降…): the figures of the list go with them in turn."""
    if RESPECTIVELY not in wide_left:
        return []
    names = _LIST_JOIN.split(wide_left[:wide_left.index(RESPECTIVELY)])
    return [(wide_left.find(name), wide_left.find(name) + len(name)) for name in names if name.strip(" ")]


_COMPLETED = re.compile(rf"(?<![,\s])[,\s]*({one_of(COMPLETED)})")
"""Matched at the start of the text between two quantities; the lookbehind keeps a search linear."""


def relate_parts(folded: str, drafts: list[Draft]) -> None:
    """Totals and parts: ``13027个,其中企业3866个、…`` and ``109个,已办结90个``."""
    total: int | None = None
    for index in range(1, len(drafts)):
        draft, previous = drafts[index], drafts[index - 1]
        between = folded[previous.quantity.end:draft.quantity.start]
        if PARTS_INTRO in between and previous.measure == "level" and previous.breakdown != "part":
            total = index - 1
        elif total is not None and (draft.measure != "level"
                                    or draft.quantity.unit != drafts[total].quantity.unit
                                    or ";" in between or "。" in between):
            total = None
        completed = _COMPLETED.match(between)  # 109个,已办结90个
        if total is None and completed and draft.measure == "level" and previous.measure == "level" \
                and draft.quantity.unit == previous.quantity.unit and previous.breakdown is None:
            previous.breakdown = "total"
            draft.breakdown, draft.total = "part", index - 1
            continue
        if total is not None:
            drafts[total].breakdown = "total"
            draft.breakdown, draft.total = "part", total
