"""Stage 6: a paragraph → its introduction and enumeration items (grammars/inline.lark).

The ENUM_* terminals of inline.lark find the enumerators; an enumerator inside the paragraph
(after 。；：) counts only when it starts or continues a sequence (一是 … 二是 …), so a stray
``。三是指…`` is text. The accepted pieces are parsed with the inline grammar, which shapes them
into ``paragraph: INTRO? item*``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Tree

from .grammar import enumerator_pattern, inline_parser
from .models import EnumStyle
from .numerals import cn_to_int
from .sentences import first_stop

_STYLE: dict[str, EnumStyle] = {"ENUM_SHI": "shi", "ENUM_YAO": "yao", "ENUM_DI": "di", "ENUM_QI": "qi"}


@dataclass(frozen=True)
class ItemCut:
    """Offsets of one enumeration item (absolute, into the document text)."""

    start: int
    marker_end: int
    end: int
    style: EnumStyle
    ordinal: int
    lead_start: int
    lead_end: int
    rest_start: int


@dataclass(frozen=True)
class ParagraphCut:
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
    found: list[tuple[int, int, str, int]] = []
    last = previous
    for match in enumerator_pattern().finditer(text):
        name = match.lastgroup or ""
        style = _STYLE[name]
        marker = match.group().strip(" ")
        ordinal = cn_to_int(marker.strip("第其是要,、"))
        if ordinal is None:
            continue
        at_start = not text[: match.start()].strip(" ")
        continues = last is not None and last[0] == style and ordinal == last[1] + 1
        if not (at_start or ordinal == 1 or continues):
            continue
        if found and not continues and ordinal != 1:
            continue
        marker_start = match.start() + (len(match.group()) - len(match.group().lstrip(" ")))
        found.append((marker_start, match.end(), name, ordinal))
        last = (style, ordinal)
    if not found:
        return ParagraphCut(end, [])
    _check_with_grammar(text, found)
    items: list[ItemCut] = []
    for index, (item_start, marker_end, name, ordinal) in enumerate(found):
        item_end = found[index + 1][0] if index + 1 < len(found) else len(text)
        absolute_end = start + len(text[:item_end].rstrip(" "))
        items.append(_item(folded, start + item_start, start + marker_end, absolute_end,
                           _STYLE[name], ordinal))
    return ParagraphCut(start + len(text[: found[0][0]].rstrip(" ")), items)


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


def _check_with_grammar(text: str, found: list[tuple[int, int, str, int]]) -> Tree[Token]:
    """Shape the pieces with inline.lark: the grammar states what a paragraph may hold."""
    tokens = []
    if text[: found[0][0]].strip(" "):
        tokens.append(Token("INTRO", text[: found[0][0]]))
    for index, (item_start, marker_end, name, _) in enumerate(found):
        item_end = found[index + 1][0] if index + 1 < len(found) else len(text)
        tokens.append(Token(name, text[item_start:marker_end]))
        tokens.append(Token("ITEM", text[marker_end:item_end]))
    return inline_parser().parse(tokens)  # type: ignore[arg-type]
