"""Enumerations inside a paragraph: 一是……二是……, 一要……, 第一，……, 其一，…… (the ENUM_* terminals of
grammars/document.lark) → the paragraph's introduction and its items.

An enumerator counts only where a clause starts (the paragraph's start, or after a CLAUSE_STOP), and
inside the paragraph only when it starts or continues a sequence (一是 … 二是 …): a stray ``。三是指…``
is text.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from .. import ladder
from ..ladder import Enumerator, EnumStyle
from ..sentences import first_stop


class ItemCut(NamedTuple):
    """Offsets of one enumeration item (absolute, into the document text)."""

    start: int
    marker_end: int
    end: int
    style: EnumStyle
    ordinal: int
    lead_start: int
    lead_end: int
    rest_start: int


class ParagraphCut(NamedTuple):
    """A paragraph's introduction end and its items."""

    intro_end: int
    items: list[ItemCut]


def _skip_spaces(text: str, offset: int, end: int) -> int:
    while offset < end and text[offset] == " ":
        offset += 1
    return offset


def cut_paragraph(folded: str, start: int, end: int, previous: tuple[EnumStyle, int] | None = None
                  ) -> ParagraphCut:
    """Find the enumeration items of ``folded[start:end]`` (offsets absolute).

    ``previous`` is the style and ordinal of the last item of the preceding paragraph in the same
    section, so that a paragraph opening with 三是 continues 一是/二是 paragraphs before it.
    """
    found: list[Enumerator] = []
    last = previous
    opening = ladder.enumerator_at(folded, _skip_spaces(folded, start, end))
    candidates = list(ladder.enumerators_after_stops(folded, start, end))
    if opening is None and previous is None:
        opening = _first_after_comma(folded, start, end, candidates)
    for enumerator in itertools.chain([opening] if opening else [], candidates):
        if enumerator.end > end:
            continue
        at_start = enumerator is opening
        continues = last is not None and last[0] == enumerator.style and enumerator.ordinal == last[1] + 1
        if not (at_start or enumerator.ordinal == 1 or continues):
            continue
        if found and not continues and enumerator.ordinal != 1:
            continue
        found.append(enumerator)
        last = (enumerator.style, enumerator.ordinal)
    if not found:
        return ParagraphCut(end, [])
    items = []
    for index, enumerator in enumerate(found):
        item_end = found[index + 1].start if index + 1 < len(found) else end
        items.append(_item(folded, enumerator, _trim_end(folded, start, item_end)))
    return ParagraphCut(_trim_end(folded, start, found[0].start), items)


def _first_after_comma(folded: str, start: int, end: int, after_stops: list[Enumerator]) -> Enumerator | None:
    """一是 after a comma (``《通知》提出，一是…。二是…``) opens an enumeration when its 二是 follows
    after a stop and no 一是 comes before that; elsewhere a comma does not open one."""
    second = next((e for e in after_stops if e.ordinal == 2), None)
    if second is None or any(e.ordinal == 1 and e.start < second.start for e in after_stops):
        return None
    first = next(ladder.enumerators_after_stops(folded, start, second.start, commas=True), None)
    return first if first is not None and first.ordinal == 1 and first.style == second.style else None


def _trim_end(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] == " ":
        end -= 1
    return end


def _item(folded: str, enumerator: Enumerator, end: int) -> ItemCut:
    lead_start = _skip_spaces(folded, enumerator.end, end)
    stop = first_stop(folded, lead_start, end)
    lead_end = stop if stop is not None else end
    rest_start = _skip_spaces(folded, stop + 1, end) if stop is not None else end
    return ItemCut(enumerator.start, enumerator.end, end, enumerator.style, enumerator.ordinal, lead_start,
                   lead_end, rest_start)
