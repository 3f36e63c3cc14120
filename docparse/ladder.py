"""The marker ladder: every style of heading number, its rank, and how a standard document writes it;
and the enumerators (一是 …) that number the items inside a paragraph.

The shapes of the markers are the terminals of grammars/document.lark; this table says what each
one means. Rank orders the ladder, smaller is higher: 第X编 → 章 → 节 → 条 in laws and regulations
(立法法), 一、 → （一） → 1. → （1） everywhere else (GB/T 9704-2012 §7.3.3), then the informal
1） and ①. Every stage that needs to know about a marker style asks this table: the line lexer
(which terminals to try, in which order), the structure stage (nesting by rank, recovering a missing
number), the section paths, and the validator (standard forms and the fixes it suggests).

Adding a style is a terminal in the grammar, a row here, and tests.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from .grammar import terminal
from .numerals import cn_to_int, int_to_cn, ordinal_of

if TYPE_CHECKING:
    from .models import Marker

MarkerStyle = Literal[
    "part", "chapter", "section", "article", "cn_dun", "cn_paren", "arabic_dot", "arabic_paren",
    "arabic_half_paren", "circled", "decimal",
]
"""The name of a marker style in the output (``Marker.style``): one per rung of :data:`LADDER`."""
EnumStyle = Literal["shi", "yao", "di", "qi"]
"""The style of an enumerator (``EnumItem.style``): 一是, 一要, 第一，, 其一，."""


@dataclass(frozen=True)
class Rung:
    """One marker style of the ladder."""

    terminal: str
    """Its terminal in grammars/document.lark."""
    style: MarkerStyle
    """Its name in the output (``Marker.style``)."""
    rank: int
    """Its place in the ladder: smaller is higher."""
    standard: str
    """How a standard document writes it: ``{cn}`` stands for the Chinese ordinal, ``{n}`` for the
    Arabic one (``（{cn}）`` → ``（三）``)."""
    path_label: str
    """How a section path names it (``二/（三）/2``), in the same notation."""
    forms: frozenset[str] = frozenset()
    """The punctuation around the number that GB/T 15834 accepts (``、`` after 一, ``（）`` around 一)."""
    strong: bool = False
    """Unambiguous enough to start a heading inside run-on text (a page scraped without newlines)."""
    recoverable: bool = False
    """A missing number of this style is recovered from its siblings (四、 … 六、 around a short title)."""
    must_continue: bool = False
    """Arabic numbers: one that continues no sequence of its style (``25、`` in running text) is not
    a heading unless it is one of the first few."""
    law: bool = False
    """The 编章节条 of laws and regulations, which nest by their own rules (章 straight to 条 is normal)."""

    def written(self, ordinal: int) -> str:
        """The marker of ``ordinal`` in the standard form (3 → ``（三）``)."""
        return _fill(self.standard, ordinal)


LADDER: tuple[Rung, ...] = (
    Rung("PART", "part", 0, "第{cn}编", "第{cn}编", strong=True, law=True),
    Rung("CHAPTER", "chapter", 1, "第{cn}章", "第{cn}章", strong=True, recoverable=True, law=True),
    Rung("SECTION_NO", "section", 2, "第{cn}节", "第{cn}节", strong=True, law=True),
    Rung("ARTICLE", "article", 3, "第{cn}条", "第{cn}条", strong=True, law=True),
    Rung("CN_DUN", "cn_dun", 4, "{cn}、", "{cn}", frozenset({"、"}), strong=True, recoverable=True),
    Rung("CN_PAREN", "cn_paren", 5, "（{cn}）", "（{cn}）", frozenset({"（）"}), strong=True,
         recoverable=True),
    Rung("ARABIC_DOT", "arabic_dot", 6, "{n}.", "{n}", frozenset({".", "．"}), must_continue=True),
    Rung("ARABIC_PAREN", "arabic_paren", 7, "（{n}）", "（{n}）", frozenset({"（）"}), must_continue=True),
    Rung("ARABIC_HALF_PAREN", "arabic_half_paren", 8, "{n}）", "{n}）", frozenset({"）", ")"}),
         must_continue=True),
    Rung("CIRCLED", "circled", 9, "{circled}", "{circled}", frozenset({""}), must_continue=True),
    Rung("DECIMAL", "decimal", 4, "{n}", "{n}"),
)
"""In the order the lexer tries them at a line start: the bracketed and 第X forms before the bare
ones would be the same here, as no two terminals match the same start."""

BY_TERMINAL: dict[str, Rung] = {rung.terminal: rung for rung in LADDER}
BY_STYLE: dict[MarkerStyle, Rung] = {rung.style: rung for rung in LADDER}
UNNUMBERED_PART = "UNNUMBERED_PART"
"""The token of an unnumbered part heading (a short line above numbering that restarts at 一):
ranked as a 第X编/部分."""
RECOVERED = "RECOVERED"
"""The token of a heading whose number is missing: ranked as the siblings whose number it takes."""
MATCH_ORDER: tuple[str, ...] = ("PART", "CHAPTER", "SECTION_NO", "ARTICLE", "CN_PAREN", "ARABIC_PAREN",
                                "CN_DUN", "ARABIC_DOT", "ARABIC_HALF_PAREN", "CIRCLED", "DECIMAL")
"""The order the line lexer tries the terminals in at a line start: bracketed and 第X forms first,
and a decimal number (1 / 1.1) last, where ``1.`` and ``1、`` are not."""


@functools.cache
def _any_marker() -> re.Pattern[str]:
    """The marker terminals as one alternation in :data:`MATCH_ORDER`, a named group each.

    No two terminals match at the same start (their first or second characters differ), so the
    first alternative that matches is the only one that could.
    """
    return re.compile("|".join(f"(?P<{name}>{terminal(name).pattern})" for name in MATCH_ORDER))


def marker_at(text: str, offset: int = 0) -> re.Match[str] | None:
    """The heading marker at ``text[offset]`` (folded text), if one starts there; ``lastgroup`` names
    its terminal."""
    return _any_marker().match(text, offset)


TENTATIVE_ARABIC_DOT = re.compile(r"(?P<ARABIC_DOT>[0-9]{1,3}\.)(?=[0-9]{4}年|[0-9]{1,2}[+＋])")
"""``8.2025年目标任务``, ``9.3+1工作机制``: a list number before a year or a formula, which the
ARABIC_DOT terminal refuses (a digit after the point); a heading only where the numbering expects it."""


def tentative_marker_at(text: str, offset: int = 0) -> re.Match[str] | None:
    """A :data:`TENTATIVE_ARABIC_DOT` at ``text[offset]``; ``lastgroup`` is ``ARABIC_DOT``."""
    return TENTATIVE_ARABIC_DOT.match(text, offset)


class Enumerator(NamedTuple):
    """An enumerator (一是, 二要, 第三，, 其一，) found in the text: where, its style and number."""

    start: int
    end: int
    style: EnumStyle
    ordinal: int


ENUMERATORS: dict[str, EnumStyle] = {"ENUM_SHI": "shi", "ENUM_YAO": "yao", "ENUM_DI": "di", "ENUM_QI": "qi"}
"""The enumerator terminals of the grammar and their styles."""


@functools.cache
def _any_enumerator() -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{terminal(name).pattern})" for name in ENUMERATORS))


def enumerator_at(text: str, offset: int = 0) -> Enumerator | None:
    """The enumerator that starts at ``text[offset]`` (folded text), if one does."""
    match = _any_enumerator().match(text, offset)
    return _enumerator(match, match.lastgroup or "") if match else None


def enumerators_after_stops(text: str, start: int, end: int, *, commas: bool = False) -> Iterator[Enumerator]:
    """Every enumerator of ``text[start:end]`` (folded text) that opens a clause after a stop
    (``。二是``, ``；其二，``), or with ``commas`` after a comma (``《通知》提出，一是…``); one at the very
    start is :func:`enumerator_at`'s."""
    for match in _enumerator_after(commas).finditer(text, start, end):
        found = _enumerator(match, match.lastgroup or "")
        if found is not None:
            yield found


@functools.cache
def _enumerator_after(commas: bool) -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<{name}>{terminal(name).pattern})" for name in ENUMERATORS)
    before = "," if commas else terminal("CLAUSE_STOP").pattern
    return re.compile(f"{before}[ ]*(?:{alternatives})")


def _enumerator(match: re.Match[str], name: str) -> Enumerator | None:
    ordinal = ordinal_of_marker(match.group(name))
    if ordinal is None:
        return None
    return Enumerator(match.start(name), match.end(name), ENUMERATORS[name], ordinal)


def rank_of(terminal_name: str, marker: str = "") -> int:
    """The rank of a marker (``UNNUMBERED_PART`` ranks as a part; a decimal number one lower for
    each part after the first: 1 → 4, 2.3 → 5, 2.3.1 → 6; ``1.`` over ``1.1`` is 1)."""
    if terminal_name == UNNUMBERED_PART:
        return BY_STYLE["part"].rank
    if terminal_name == "DECIMAL":
        return BY_TERMINAL["DECIMAL"].rank + max(len(decimal_parts(marker)) - 1, 0)
    return BY_TERMINAL[terminal_name].rank


def decimal_parts(marker: str) -> tuple[int, ...]:
    """The numbers of a decimal marker (folded): ``2.3.1`` → (2, 3, 1); ``1.`` → (1,), the top level
    of a numbering written ``1.总则`` (or ``1、总则``) / ``1.1 编制目的``."""
    return tuple(int(part) for part in marker.rstrip(".、").split(".") if part)


def nesting(terminal_name: str, marker: str = "") -> tuple[int, int]:
    """What nests sections: the rank, then the sub-rank of a 分编, which sits under its 编 with the
    same rank (民法典: 第二编 物权 → 第一分编 通则 → 第一章 …). A decimal number of two parts or
    more ranks as deep as a bracketed or pointed one (2.3.1.1 as （1）), and holds it: the items
    under ``6.3.1.1 启动条件`` are ``(1)`` … ``(5)``."""
    if terminal_name == "DECIMAL" and "." in marker.rstrip(".、"):
        return rank_of(terminal_name, marker), -1
    return rank_of(terminal_name, marker), int("分编" in marker)


@functools.lru_cache(maxsize=1024)
def ordinal_of_marker(marker: str) -> int | None:
    """The number a marker stands for, its last numeral: ``（十一）`` → 11, ``第3条`` → 3, ``⑤`` → 5,
    ``2.3.1`` → 1 (whose parents are 2 and 2.3)."""
    numerals = terminal("NUMERAL").findall(marker.split("之", 1)[0])  # 第二百零五条之一: 205
    return ordinal_of(numerals[-1]) if numerals else None


def is_inserted(marker: Marker) -> bool:
    """An article an amendment inserted after another, numbered after it (第二百零五条之一): it
    continues no sequence and breaks none."""
    return marker.style == "article" and "之" in marker.raw


def path_label(marker: Marker, title: str) -> str:
    """One step of a section path, written canonically (full-width): 二, （三）, 2, 第五条.

    An unnumbered part heading is named by the start of its title; ``第X部分`` keeps its word.
    """
    if marker.ordinal is None:
        return title[:20]
    if marker.style == "circled":
        return marker.raw or str(marker.ordinal)
    if marker.style == "part" and ("部分" in marker.raw or "分编" in marker.raw):
        return _fill("第{cn}部分" if "部分" in marker.raw else "第{cn}分编", marker.ordinal)
    if marker.style == "decimal":  # 2.3.1 as written; 1. (over 1.1) as 1
        return marker.raw.rstrip(".．、")
    if is_inserted(marker):  # 第二百零五条之一: as written
        return marker.raw
    return _fill(BY_STYLE[marker.style].path_label, marker.ordinal)


def _fill(form: str, ordinal: int) -> str:
    cn = int_to_cn(ordinal) if 0 < ordinal < 10000 else str(ordinal)
    circled = chr(0x2460 + ordinal - 1) if 1 <= ordinal <= 20 else str(ordinal)
    return form.format(cn=cn, n=ordinal, circled=circled)


def renumbered(raw: str, ordinal: int) -> str:
    """A marker or enumerator with its number replaced, in the writer's own form: ``(二)`` → ``(三)``,
    ``2、`` → ``3、``, ``⑵`` → ``⑶``, ``二是`` → ``三是``, ``2.3.1`` → ``2.3.2``."""
    numerals = list(terminal("NUMERAL").finditer(raw))
    if not numerals:
        return raw
    found = numerals[-1]  # the last numeral: the one a decimal number counts with
    numeral = found.group()
    if numeral.isascii():
        written = str(ordinal)
    elif len(numeral) == 1 and cn_to_int(numeral) is None:  # one enclosed glyph: ⑵, ㈡, ⒉, ②
        shifted = chr(ord(numeral) + ordinal - (ordinal_of(numeral) or 0))
        written = shifted if ordinal_of(shifted) == ordinal else numeral
    else:
        written = int_to_cn(ordinal)
    return raw[: found.start()] + written + raw[found.end():]


LEVEL_NAMES = ("一级", "二级", "三级", "四级", "五级", "六级")


def level_name(level: int) -> str:
    """The Chinese name of a heading level: ``一级`` … ``六级``, then ``7级``."""
    return LEVEL_NAMES[level - 1] if level <= len(LEVEL_NAMES) else f"{level}级"


def punctuation(raw: str, style: MarkerStyle) -> str:
    """The punctuation of a marker without its number: ``(一)`` → ``()``, ``1、`` → ``、``, ``①`` → ``''``;
    ``字符`` for a number written as one enclosed glyph (㈠, ⑴, ⒈), which has none of its own."""
    found = terminal("NUMERAL").search(raw)
    if found is None:
        return raw
    numeral = found.group()
    if style != "circled" and len(numeral) == 1 and not numeral.isdigit() and cn_to_int(numeral) is None:
        return "字符"
    return raw[: found.start()] + raw[found.end():]
