"""Stage 6: a paragraph → its introduction and enumeration items (grammars/inline.lark).

The ENUM_* terminals of inline.lark find the enumerators; an enumerator inside the paragraph
(after 。；：) counts only when it starts or continues a sequence (一是 … 二是 …), so a stray
``。三是指…`` is text. The accepted pieces are parsed with the inline grammar, which shapes them
into ``paragraph: INTRO? item*``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lark import Token

from .grammar import enumerator_pattern, enumerator_stops, inline_parser
from .models import EnumStyle
from .numerals import cn_to_int
from .sentences import first_stop

_STYLE: dict[str, EnumStyle] = {"ENUM_SHI": "shi", "ENUM_YAO": "yao", "ENUM_DI": "di", "ENUM_QI": "qi"}


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


def cut_paragraph(folded: str, start: int, end: int, previous: tuple[EnumStyle, int] | None = None
                  ) -> ParagraphCut:
    """Find the enumeration items of ``folded[start:end]`` (offsets absolute).

    ``previous`` is the style and ordinal of the last item of the preceding paragraph in the same
    section, so that a paragraph opening with 三是 continues 一是/二是 paragraphs before it.
    """
    text = folded[start:end]
    lead = len(text) - len(text.lstrip(" "))  # an enumerator at or before it opens the paragraph
    found: list[tuple[int, int, str, int]] = []
    last = previous
    for match in _enumerators(text):
        name = match.lastgroup or ""
        style = _STYLE[name]
        matched = match.group()
        marker = matched.strip(" ")
        ordinal = cn_to_int(marker.strip("第其是要,、"))
        if ordinal is None:
            continue
        at_start = match.start() <= lead
        continues = last is not None and last[0] == style and ordinal == last[1] + 1
        if not (at_start or ordinal == 1 or continues):
            continue
        if found and not continues and ordinal != 1:
            continue
        marker_start = match.start() + (len(matched) - len(matched.lstrip(" ")))
        found.append((marker_start, match.end(), name, ordinal))
        last = (style, ordinal)
    if not found:
        return ParagraphCut(end, [])
    _check_sequence(found[0][0] > lead, tuple(name for _, _, name, _ in found))
    items: list[ItemCut] = []
    for index, (item_start, marker_end, name, ordinal) in enumerate(found):
        item_end = found[index + 1][0] if index + 1 < len(found) else len(text)
        items.append(_item(folded, start + item_start, start + marker_end, start + _trim_end(text, item_end),
                           _STYLE[name], ordinal))
    return ParagraphCut(start + _trim_end(text, found[0][0]), items)


def _trim_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip(" "))`` without copying the prefix."""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end


def _item(folded: str, start: int, marker_end: int, end: int, style: EnumStyle, ordinal: int) -> ItemCut:
    lead_start = marker_end
    while lead_start < end and folded[lead_start] == " ":
        lead_start += 1
    stop = first_stop(folded, lead_start, end)
    lead_end = stop if stop is not None else end
    rest_start = stop + 1 if stop is not None else end
    while rest_start < end and folded[rest_start] == " ":
        rest_start += 1
    return ItemCut(start, marker_end, end, style, ordinal, lead_start, lead_end, rest_start)


def _enumerators(text: str) -> Iterator[re.Match[str]]:
    """The matches of the ENUM_* terminals, as ``finditer`` would give them, but tried only where
    one can start (offset 0 and after a clause stop) instead of at every character."""
    pattern = enumerator_pattern()
    stops = enumerator_stops()
    if stops is None:
        yield from pattern.finditer(text)
        return
    match = pattern.match(text, 0)
    if match:
        yield match
    for stop in stops.finditer(text):
        match = pattern.match(text, stop.end())
        if match:
            yield match


_CHECKED: set[tuple[bool, tuple[str, ...]]] = set()


def _check_sequence(intro: bool, kinds: tuple[str, ...]) -> None:
    """Shape the pieces with inline.lark: the grammar states what a paragraph may hold.

    The parse depends only on whether there is an introduction and on the sequence of token
    types, so each sequence is parsed once.
    """
    if (intro, kinds) in _CHECKED:
        return
    tokens = [Token("INTRO", "")] if intro else []
    for name in kinds:
        tokens += [Token(name, ""), Token("ITEM", "")]
    inline_parser().parse(tokens)
    if len(_CHECKED) < 4096:
        _CHECKED.add((intro, kinds))
