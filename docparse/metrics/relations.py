"""How the quantities of a claim relate: the figures of a 分别 list, totals and their parts."""

from __future__ import annotations

import re

from .claim import ClaimText
from .context import Clause, Draft, clean_label
from .lexicon import COMPLETED, LIST_JOINS, PARTS_INTRO, RESPECTIVELY, one_of

_LIST_JOIN = re.compile(f"[{''.join(LIST_JOINS)}]")


def open_list(claim: ClaimText, clause: Clause, draft: Draft) -> None:
    """A change after 分别 opens a list: the names before 分别 label its figures in turn
    (全市治安案件、刑事案件分别下降28.3%、8.4%)."""
    folded = claim.folded
    wide_left = folded[clause.wide_start:draft.quantity.start]
    if RESPECTIVELY not in wide_left:
        return
    names_text = wide_left[:wide_left.index(RESPECTIVELY)]
    names: list[str] = []
    for name in _LIST_JOIN.split(names_text):
        if name.strip(" "):
            start = clause.wide_start + wide_left.find(name)
            names.append(clean_label(claim.text[start:start + len(name)]))
    draft.list_names = tuple(names)
    draft.label = names[0] if names else None


def continue_list(folded: str, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether ``draft`` continues the change before it (分别下降28.3%、8.4%; 4次、专题讲座1次): only
    a 、, 和, 及, 与 or comma is between them. Then it is that change again, with the next name."""
    previous = drafts[-1] if drafts else None
    if previous is None or previous.measure != "change":
        return False
    between = folded[previous.quantity.end:draft.quantity.start].strip(" ")
    if between not in LIST_JOINS and between != ",":
        return False
    draft.measure, draft.direction, draft.baseline = previous.measure, previous.direction, previous.baseline
    draft.list_names, draft.list_index = previous.list_names, previous.list_index + 1
    draft.label = (previous.list_names[draft.list_index]
                   if draft.list_index < len(previous.list_names) else previous.label)
    return True


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
