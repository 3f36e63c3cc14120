"""Word's automatic numbering: the labels (一、 （一） 1.1 第一章) Word draws before a paragraph
and keeps out of the paragraph's text.

numbering.xml holds abstract list definitions (``w:abstractNum``: one ``w:lvl`` per level with
its start value, number format, label template ``w:lvlText`` such as ``%1、`` or ``%1.%2``, what
follows the label ``w:suff``, when it restarts ``w:lvlRestart``) and list instances (``w:num``)
that point at one definition and may override a level's start (``w:startOverride``: a list
restarted by hand) or the whole level. Paragraphs name an instance and a level, directly or
through their paragraph style. The counters belong to the abstract definition: two instances of
one definition continue one list unless the second restarts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element

from ...numerals import _CIRCLED, _DOT_AR, _PAREN_AR, _PAREN_CN, int_to_cn
from .wordml import W, flag, integer, value

LEVELS = 9
"""Word lists have levels 0 … 8 (``%1`` … ``%9`` in a label template)."""

_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
"""What ``w:suff`` puts between the label and the paragraph's text (a tab when absent)."""

_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖拾佰仟"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖拾佰仟"
_CIRCLED_IDEOGRAPHS = "".join(chr(code) for code in range(0x3280, 0x328A))
"""㊀ … ㊉ (ideographEnclosedCircle)."""
_DIGIT_BY_DIGIT = "○一二三四五六七八九"
"""chineseCounting from 100 on: one character a digit, zero a white circle (一○五)."""
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
BULLET = "•"
"""A bullet Word draws from a symbol font's private code point or a picture: written as a bullet."""
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_PLACEHOLDER = re.compile("%([1-9])")

_FALLBACK_FORMAT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent/" \
                   "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback/" + W("numFmt")
"""Where Word 2010 and later put the format it writes for older readers beside a custom one
(``w:numFmt w:val="custom" w:format="01, 02, 03, ..."``, in a choice older readers skip)."""

Writer = Callable[[int], str]


def format_number(number: int, fmt: str) -> str:
    """``number`` written in the Word number format ``fmt`` as Word draws it in a list label.

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 105)]
    ['一', '十', '十一', '二十', '一○五']
    >>> [format_number(n, "chineseCountingThousand") for n in (10, 101, 110, 1010)]
    ['十', '一百〇一', '一百一十', '一千〇一十']
    >>> format_number(3, "decimalEnclosedParen"), format_number(12, "decimalFullWidth")
    ('⑶', '１２')
    >>> format_number(28, "upperLetter"), format_number(14, "lowerRoman")
    ('BB', 'xiv')
    """
    if fmt == "none":
        return ""
    if number <= 0:
        return str(number)
    writer = _WRITERS.get(fmt)
    return writer(number) if writer else str(number)


def _chinese_counting(number: int) -> str:
    """Below 100 as counted (十一, 二十三); from 100 digit by digit with ○ (一○五)."""
    if number < 100:
        return int_to_cn(number)
    return "".join(_DIGIT_BY_DIGIT[int(digit)] for digit in str(number))


def _ideograph_digits(number: int) -> str:
    """One character a digit, zero 〇 (一〇)."""
    return "".join(_IDEOGRAPH_DIGITS[int(digit)] for digit in str(number))


def _chinese_counting_thousand(number: int) -> str:
    """With places (一百〇一, 一千一百): the counted form, its zero written 〇."""
    return int_to_cn(number).replace("零", "〇") if number < 10_000 else str(number)


def _japanese_counting(number: int) -> str:
    """Places without a leading 一 or a zero (百一, 千十)."""
    if number >= 10_000:
        return str(number)
    written = int_to_cn(number).replace("零", "")
    for unit in "千百":
        if written.startswith("一" + unit):
            written = written[1:]
    return written


def _legal(characters: str) -> Writer:
    """Financial numerals (壹拾壹): the counted form with every digit and unit written large."""
    table = str.maketrans("零一二三四五六七八九十百千", characters)

    def write(number: int) -> str:
        if number >= 10_000:
            return str(number)
        counted = int_to_cn(number)
        return ("一" + counted if counted.startswith("十") else counted).translate(table)
    return write


def _table(glyphs: str) -> Writer:
    """Numbers 1 … len(glyphs) as the glyphs, larger ones in decimal (as Word does past ⑳)."""
    return lambda number: glyphs[number - 1] if number <= len(glyphs) else str(number)


def _letter(number: int) -> str:
    """A, B … Z, AA, BB … (Word repeats the letter)."""
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    parts: list[str] = []
    for place, numeral in _ROMAN:
        count, number = divmod(number, place)
        parts.append(numeral * count)
    return "".join(parts)


def _full_width(number: int) -> str:
    return "".join(chr(ord(digit) + 0xFEE0) for digit in str(number))


_WRITERS: dict[str, Writer] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda number: f"{number:02d}",
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _table(_CIRCLED),
    "decimalEnclosedCircleChinese": _table(_CIRCLED),
    "decimalEnclosedFullstop": _table(_DOT_AR),
    "decimalEnclosedParen": _table(_PAREN_AR),
    "ideographEnclosedCircle": _table(_CIRCLED_IDEOGRAPHS),
    "ideographParenthesized": _table(_PAREN_CN),
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": _chinese_counting_thousand,
    "japaneseCounting": _japanese_counting,
    "ideographDigital": _ideograph_digits,
    "taiwaneseDigital": _ideograph_digits,
    "japaneseDigitalTenThousand": _ideograph_digits,
    "chineseLegalSimplified": _legal(_LEGAL_SIMPLIFIED),
    "ideographLegalTraditional": _legal(_LEGAL_TRADITIONAL),
    "japaneseLegal": _legal(_LEGAL_TRADITIONAL),
    "ideographTraditional": _table(_HEAVENLY_STEMS),
    "ideographZodiac": _table(_EARTHLY_BRANCHES),
    "upperLetter": _letter,
    "lowerLetter": lambda number: _letter(number).lower(),
    "upperRoman": lambda number: _roman(number).upper(),
    "lowerRoman": _roman,
}


@dataclass(frozen=True)
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int = 1
    format: str = "decimal"
    template: str = ""
    """``w:lvlText``: the label with ``%1`` … ``%9`` standing for the counters of levels 1 … 9."""
    restart_after: int | None = None
    """``w:lvlRestart``: the level (1-based) whose use restarts this one; 0 never; ``None``
    (absent): any higher level's."""
    legal: bool = False
    """``w:isLgl``: every number of the label in decimal (1.1, not 一.1)."""
    suffix: str = "\t"
    style: str | None = None
    """``w:pStyle``: the paragraph style this level belongs to."""


def read_level(element: Element) -> Level:
    """A ``w:lvl`` element as a :class:`Level`."""
    start = integer(element.find(W("start")))
    template = value(element.find(W("lvlText")))
    number_format = element.find(W("numFmt"))
    if number_format is None:
        number_format = element.find(_FALLBACK_FORMAT)
    fmt = value(number_format) or "decimal"
    if element.find(W("lvlPicBulletId")) is not None:
        fmt, template = "bullet", BULLET
    return Level(start=1 if start is None else start, format=fmt, template=template or "",
                 restart_after=integer(element.find(W("lvlRestart"))), legal=flag(element.find(W("isLgl"))),
                 suffix=_SUFFIXES.get(value(element.find(W("suff"))) or "tab", "\t"),
                 style=value(element.find(W("pStyle"))))


def _levels(definition: Element) -> list[Level | None]:
    levels: list[Level | None] = [None] * LEVELS
    for element in definition.iter(W("lvl")):
        index = integer(element, W("ilvl"))
        if index is not None and 0 <= index < LEVELS:
            levels[index] = read_level(element)
    return levels


@dataclass(frozen=True)
class _Instance:
    """A list instance (``w:num``): its definition's levels with the instance's overrides."""

    definition: str
    levels: tuple[Level | None, ...]
    restarts: tuple[int, ...]
    """The levels whose start the instance overrides: they start again at its first paragraph."""


class Numbering:
    """The lists of one document and their counters, advanced paragraph by paragraph in
    document order by :meth:`label`."""

    def __init__(self, root: Element | None, list_styles: dict[str, str]) -> None:
        """``root`` is numbering.xml's ``w:numbering`` (``None`` when the file has none);
        ``list_styles`` maps a numbering style to the list instance it names (``w:numStyleLink``)."""
        definitions: dict[str, Element] = {}
        numbers: dict[str, Element] = {}
        if root is not None:
            for element in root.iter(W("abstractNum")):
                definitions.setdefault(element.get(W("abstractNumId"), ""), element)
            for element in root.iter(W("num")):
                numbers.setdefault(element.get(W("numId"), ""), element)
        self._definitions = definitions
        self._numbers = numbers
        self._list_styles = list_styles
        self._instances: dict[str, _Instance | None] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._begun: set[str] = set()

    def instance(self, num_id: str) -> _Instance | None:
        """The list instance ``num_id`` with its overrides applied (``None`` when undefined)."""
        if num_id not in self._instances:
            self._instances[num_id] = self._read_instance(num_id)
        return self._instances[num_id]

    def _read_instance(self, num_id: str) -> _Instance | None:
        number = self._numbers.get(num_id)
        if number is None:
            return None
        definition_id = value(number.find(W("abstractNumId")))
        definition = self._definitions.get(definition_id or "")
        for _ in range(LEVELS):  # a definition that only links to a numbering style: follow the link
            link = value(definition.find(W("numStyleLink"))) if definition is not None else None
            linked_num = self._numbers.get(self._list_styles.get(link or "", ""))
            if link is None or linked_num is None:
                break
            definition_id = value(linked_num.find(W("abstractNumId")))
            definition = self._definitions.get(definition_id or "")
        if definition is None or definition_id is None:
            return None
        levels = _levels(definition)
        restarts: list[int] = []
        for override in number.iter(W("lvlOverride")):
            index = integer(override, W("ilvl"))
            if index is None or not 0 <= index < LEVELS:
                continue
            level = override.find(W("lvl"))
            if level is not None:
                levels[index] = read_level(level)
            start = integer(override.find(W("startOverride")))
            if start is not None:
                levels[index] = replace(levels[index] or Level(), start=start)
                restarts.append(index)
        return _Instance(definition_id, tuple(levels), tuple(restarts))

    def level_of_style(self, num_id: str, style_id: str) -> int | None:
        """The level of list ``num_id`` that belongs to paragraph style ``style_id``, if any."""
        instance = self.instance(num_id)
        if instance is None:
            return None
        for index, level in enumerate(instance.levels):
            if level is not None and level.style == style_id:
                return index
        return None

    def label(self, num_id: str, index: int) -> tuple[str, str] | None:
        """The label of the next paragraph of list ``num_id`` at level ``index`` and what
        follows it (a tab, a space or nothing), advancing the list's counters; ``None`` when the
        list or level is undefined.

        >>> from xml.etree.ElementTree import fromstring
        >>> level = '<w:lvl w:ilvl="{}"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{}"/></w:lvl>'
        >>> markup = (f'<w:numbering xmlns:w="{W("")[1:-1]}"><w:abstractNum w:abstractNumId="0">'
        ...           + level.format(0, "%1、") + level.format(1, "（%2）") +
        ...           '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
        >>> numbering = Numbering(fromstring(markup), {})
        >>> [numbering.label("1", level)[0] for level in (0, 1, 1, 0, 1)]
        ['一、', '（一）', '（二）', '二、', '（一）']
        """
        instance = self.instance(num_id)
        if instance is None or not 0 <= index < LEVELS:
            return None
        level = instance.levels[index]
        if level is None:
            return None
        counters = self._counters.setdefault(instance.definition, [None] * LEVELS)
        if num_id not in self._begun:
            self._begun.add(num_id)
            for restarted in instance.restarts:
                counters[restarted] = None
        current = counters[index]
        counters[index] = level.start if current is None else current + 1
        for deeper in range(index + 1, LEVELS):
            below = instance.levels[deeper]
            restart_after = below.restart_after if below is not None else None
            if index < (deeper if restart_after is None else restart_after):
                counters[deeper] = None
        return self._render(instance, level, counters), level.suffix

    @staticmethod
    def _render(instance: _Instance, level: Level, counters: list[int | None]) -> str:
        if level.format == "bullet":
            return _PRIVATE_USE.sub(BULLET, level.template)

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = instance.levels[index] or Level()
            count = counters[index]
            fmt = "decimal" if level.legal and shown.format != "none" else shown.format
            return format_number(shown.start if count is None else count, fmt)
        return _PLACEHOLDER.sub(number, level.template)
