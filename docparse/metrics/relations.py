"""How the quantities of a claim relate: the figures of a 分别 list, totals and their parts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..normalize import fold
from .lexicon import (
    CHANGE_WORDS,
    COMPLETED,
    DURATION_UNITS,
    FROM_WORDS,
    LIST_DELIMITER,
    LIST_JOINS,
    PARTS_INTRO,
    RESPECTIVELY,
    SHARED_HEAD_MODIFIERS,
    SUFFIX_QUALIFIERS,
    TO_LINKS,
    YEAR_ENDS,
    one_of,
)

if TYPE_CHECKING:
    from .context import Draft

def _join_word(join: str) -> str:
    """The join as a pattern that leaves the suffixes it begins alone (及, but not 及以上)."""
    rests = [suffix[len(join):] for suffix in SUFFIX_QUALIFIERS if suffix.startswith(join)]
    return re.escape(join) + (f"(?!{one_of(rests)})" if rests else "")


_LIST_JOIN = re.compile("|".join(_join_word(join) for join in LIST_JOINS))
"""A join between the names of a list (治安案件、刑事案件), not the 及 of 60岁及以上户籍人口."""


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
    return names_in(wide_left[:wide_left.index(RESPECTIVELY)])


def names_in(listing: str) -> list[tuple[int, int]]:
    """Where the names of the list ``listing`` start and end (治安案件、刑事案件)."""
    names = _LIST_JOIN.split(listing)
    return [(listing.find(name), listing.find(name) + len(name)) for name in names if name.strip(" ")]


_HEAD_MIN = 2
"""A shared head noun is at least this long (居民人均可支配收入, 工业占比)."""


def share_head(names: tuple[str, ...]) -> tuple[str, ...] | None:
    """The names of a list whose first items only modify the head noun of the last (城镇、农村居民人均可支配
    收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入; 轻、重工业占比), each with that head; ``None``
    if the list names its items in full."""
    if len(names) < 2:
        return None
    folded = [fold(name) for name in names]  # 城、鄉居民…: the words in either script
    if any(name not in SHARED_HEAD_MODIFIERS for name in folded[:-1]):
        return None
    last = names[-1]
    modifier = next((word for word in SHARED_HEAD_MODIFIERS if folded[-1].startswith(word)), None)
    if modifier is None or len(last) - len(modifier) < _HEAD_MIN:
        return None
    head = last[len(modifier):]
    return (*(name + head for name in names[:-1]), last)


def fit_list_names(drafts: list[Draft]) -> None:
    """A 分别 list with fewer figures than the names before it: the last names label them, the first
    ones say where or what else (全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%:
    与 joins 全省 to the first name)."""
    index = 0
    while index < len(drafts):
        names = drafts[index].list_names
        end = index + 1
        while end < len(drafts) and drafts[end].list_names is names and drafts[end].list_index == end - index:
            end += 1
        count = end - index
        if len(names) > count > 1 and drafts[index].label == names[0]:
            for draft, name in zip(drafts[index:end], names[-count:], strict=True):
                draft.label, draft.subject = name, None
        index = end


_COMPLETED = re.compile(rf"(?<![,\s])[,\s]*({one_of(COMPLETED)})")
"""Matched at the start of the text between two quantities; the lookbehind keeps a search linear."""


_NOT_SUMMED = frozenset(DURATION_UNITS)
"""Ages and durations are never a total and its part of each other."""


def relate_parts(folded: str, drafts: list[Draft]) -> None:
    """Totals and parts: ``13027个,其中企业3866个、…`` and ``109个,已办结90个``."""
    total: int | None = None
    for index in range(1, len(drafts)):
        draft, previous = drafts[index], drafts[index - 1]
        if draft.quantity.unit in _NOT_SUMMED or previous.quantity.unit in _NOT_SUMMED:
            total = None
            continue
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


_YEAR_OF = r"(?:(?P<{name}>(?:19|20)\d\d)年(?:" + one_of(YEAR_ENDS) + ")?(?:的)?)?"
_FROM = re.compile(f"(?:{one_of(FROM_WORDS)}){_YEAR_OF.format(name='year')}$")
"""Right before the first figure of 从2020年的1.2万户增至…: 从, with the figure's own year."""
_FROM_REACH = 10
_TO = re.compile(
    f"(?:的)?(?P<cue>{one_of(CHANGE_WORDS)})(?:{one_of(TO_LINKS)}){_YEAR_OF.format(name='year')}$")
"""Between the two figures: the change word, 到/至 and the new level's own year (增加到, 增至2024年的)."""
_POINTS = ("exact", "approx")
"""The qualifiers of a figure that is one point, between which a change is derived."""
_UP_WORDS = frozenset(word for word, direction in CHANGE_WORDS.items() if direction == "up")


def relate_from_to(folded: str, drafts: list[Draft]) -> None:
    """``从120件增加到150件``: the second figure is the new level, reached from the first (its
    baseline_value, the change between them, one label for both); each keeps its own year."""
    for index in range(1, len(drafts)):
        old, new = drafts[index - 1], drafts[index]
        start = old.quantity.start
        before = _FROM.search(folded, max(0, start - _FROM_REACH), start)
        if before is None:
            continue
        to = _TO.fullmatch(folded, old.quantity.end, new.quantity.start)
        if to is None:
            continue
        if before["year"]:
            old.period = before["year"]
            new.baseline = f"{before['year']}年"
        if to["year"]:
            new.period = to["year"]
        new.measure, new.direction = "level", "up" if to["cue"] in _UP_WORDS else "down"
        new.baseline_value = old.quantity.value
        if old.quantity.unit == new.quantity.unit and old.quantity.qualifier in _POINTS \
                and new.quantity.qualifier in _POINTS:
            new.change_value = round(new.quantity.value - old.quantity.value, 10)
        if old.label:
            new.label, new.subject = old.label, old.subject


def share_list_bound(folded: str, drafts: list[Draft]) -> None:
    """``分别为60岁、55岁以下``: a bound written after the last figure of a 分别 list applies to
    every figure of the list before it, in its unit."""
    index = len(drafts) - 1
    while index > 0:
        last = drafts[index]
        first = index
        while first > 0 and _joined(folded, drafts[first - 1], drafts[first], last):
            first -= 1
        if first < index and last.quantity.qualifier in _BOUNDS and RESPECTIVELY in folded[
                max(0, drafts[first].quantity.start - _FROM_REACH):drafts[first].quantity.start]:
            for draft in drafts[first:index]:
                draft.quantity.qualifier = last.quantity.qualifier
        index = first - 1 if first < index else index - 1


_BOUNDS = ("lower_bound", "upper_bound")


def _joined(folded: str, previous: Draft, following: Draft, last: Draft) -> bool:
    """Whether ``previous`` is an exact figure in the unit of ``last`` that a 、 joins to ``following``."""
    return (previous.quantity.qualifier == "exact" and previous.quantity.unit == last.quantity.unit
            and folded[previous.quantity.end:following.quantity.start] == LIST_DELIMITER)
