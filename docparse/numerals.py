"""Chinese numerals: ordinals of heading markers and enumerators (一 → 1, 十一 → 11, 二十三 → 23) and
the quantities the metrics stage cuts out (两万 → 20000, 三千零五十二 → 3052, 三点五 → 3.5).

The same few numerals (一 … 十) number every heading and item of a report, so the ordinal readers
are memoized: a cache hit is a tenth of reading the numeral again.
"""

from __future__ import annotations

import functools
import re
import sys

_WRITTEN_DIGITS = "零一二三四五六七八九"
"""The digits 0 … 9 as numerals write them."""
DIGITS: dict[str, int] = {**{char: value for value, char in enumerate(_WRITTEN_DIGITS)}, "〇": 0, "两": 2}
"""Every digit character of a Chinese numeral and its value: also 〇 (二〇二二) and 两 (两万)."""
UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
"""The unit characters of a Chinese numeral and their values."""
ZEROS = "".join(char for char, value in DIGITS.items() if value == 0)
"""The digits that are zero (零 〇)."""
_ORDINAL_DIGITS = {**DIGITS, "○": 0}
"""An ordinal also takes ○ (a white circle), which dates write for 〇 (二○二二年)."""
_ORDINAL_UNITS = {char: value for char, value in UNITS.items() if value < 10_000}
"""Ordinals stay below 一万."""
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_PAREN_AR = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_DOT_AR = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


@functools.lru_cache(maxsize=1024)
def cn_to_int(numeral: str) -> int | None:
    """Read a Chinese numeral below 10,000 (``十一`` → 11, ``一百零一`` → 101); ``None`` if malformed."""
    if not numeral:
        return None
    if all(ch in _ORDINAL_DIGITS for ch in numeral):
        if len(numeral) == 1:
            return _ORDINAL_DIGITS[numeral]
        # digit by digit, as in years: 二〇二二
        return int("".join(str(_ORDINAL_DIGITS[ch]) for ch in numeral))
    total, digit = 0, None
    for ch in numeral:
        if ch in _ORDINAL_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row inside a positional numeral
            digit = _ORDINAL_DIGITS[ch]
        elif ch in _ORDINAL_UNITS:
            total += (1 if digit is None else digit) * _ORDINAL_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


_PLACES = (*sorted(((value, char) for char, value in _ORDINAL_UNITS.items()), reverse=True), (1, ""))
"""The places of an ordinal, highest first: (1000, 千) … (1, no unit)."""


@functools.lru_cache(maxsize=1024)
def int_to_cn(number: int) -> str:
    """Write 1…9999 as a Chinese ordinal (11 → 十一, 101 → 一百零一), as headings use them."""
    if not 0 < number < 10000:
        raise ValueError(f"out of range: {number}")
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in _PLACES:
        digit = number // unit_value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == "十" and digit == 1 and not parts):
            parts.append(_WRITTEN_DIGITS[digit])
        parts.append(unit)
    return "".join(parts)


@functools.lru_cache(maxsize=1024)
def ordinal_of(numeral: str) -> int | None:
    """Read the number inside any marker body: Arabic, full-width, Chinese or an enclosed glyph."""
    if not numeral:
        return None
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    if len(numeral) == 1:
        for table in (_CIRCLED, _PAREN_CN, _PAREN_AR, _DOT_AR):
            index = table.find(numeral)
            if index >= 0:
                return index + 1
    if all("０" <= ch <= "９" for ch in numeral):
        return int("".join(chr(ord(ch) - 0xFEE0) for ch in numeral))
    return cn_to_int(numeral)


# ---------------------------------------------------------------------------- quantities
#
# :func:`cn_quantity` reads numerals the way cn2an 0.5 (MIT licence) reads them in its "smart"
# mode, for the characters docparse passes it: which strings are numbers, and their values,
# including its float arithmetic for decimals (tests/test_numerals.py holds it to cn2an). cn2an
# itself is not a dependency: its import costs 0.1 s and 5 MB in every process, most of it a
# regular expression of every Chinese place name.

_UNIT_BELOW = {value * 10: char for char, value in _ORDINAL_UNITS.items()}
"""The unit a trailing digit counts in after each unit (一万二: 2 千, 三百四: 4 十)."""

_ANY_DIGIT = "[" + "".join(DIGITS) + "]"
_ZERO = f"[{ZEROS}]"
_DIGIT = "[" + "".join(char for char, value in DIGITS.items() if value) + "]"
"""A digit other than zero."""
_N10_99 = f"{_DIGIT}?[十]{_DIGIT}?"
_N1_99 = f"(?:{_N10_99}|{_DIGIT})"
_N100_999 = f"(?:{_DIGIT}[百](?:{_ZERO}{_DIGIT})?|{_DIGIT}[百]{_DIGIT}[十]{_DIGIT}?)"
_N1_999 = re.compile(f"{_N100_999}|{_N1_99}")
_N1000_9999 = re.compile(f"{_DIGIT}[千](?:{_ZERO}{_N1_99})?|{_DIGIT}[千]{_N100_999}")
_N1_9999 = re.compile(f"{_N1000_9999.pattern}|{_N1_999.pattern}")
"""Well-formed integers below 一万 (三千二百, 十五, 一百零五), as cn2an's pattern of them."""


def _well_formed(integer: str) -> bool:
    """Whether ``integer`` is written as cn2an's grammar of integers says (一万零五, 两亿三千万, 零).

    The grammar nests the part below 一万 inside the 万 part and that inside the 亿 part: as one
    regular expression it is 5,700 characters, slow to compile. Here the 亿 and 万 (at most one of
    each) split the numeral and small patterns check the parts."""
    if DIGITS.get(integer) == 0:
        return True
    high, yi, low = integer.partition("亿")
    if not yi:
        return _below_1e8(integer)
    return _below_1e8(high) and (low == "" or (low[0] in ZEROS and _below_1e8(low[1:]))
                                 or ("万" in low and _below_1e8(low)))


def _below_1e8(integer: str) -> bool:
    """1 … 99,999,999 (``n1_1e8``): an optional 万 part, then the part below 一万."""
    high, wan, low = integer.partition("万")
    if not wan:
        return _N1_9999.fullmatch(integer) is not None
    return "亿" not in integer and _N1_9999.fullmatch(high) is not None and (
        low == "" or (low[0] in ZEROS and _N1_999.fullmatch(low[1:]) is not None)
        or _N1000_9999.fullmatch(low) is not None)


LARGEST = int(sys.float_info.max)
"""The largest value a numeral may have: no float holds more. Reading a numeral with a higher
place on would only grow integers whose every multiplication costs as much as their length (a
run of k 亿 would take time k²), to give a metric no float can hold."""

_DIGIT_STRING = re.compile(f"{_ANY_DIGIT}+")
"""一二三: read digit by digit (123)."""
_SPOKEN = re.compile(f"({_ANY_DIGIT}{{0,2}}[{''.join(UNITS)}])+{_ANY_DIGIT}")
"""一万二, 三百四: the last digit counts in the unit below the last one written (12000, 340)."""
_DECIMALS = re.compile(f"{_ANY_DIGIT}{{0,16}}")
# what cn2an adds to accept the forms people also write (and its own output): 十万零一千 → 十万一千,
# 一万一百 → 一万零一百, 一千十 → 一千零十, 一百十 → 一百一十, 零十 → 零一十
_ZERO_BEFORE_THOUSAND = re.compile(f"(万)零(?={_ANY_DIGIT}[千])")
_BIG_UNIT_MISSING_ZERO = re.compile(f"([万亿])({_ANY_DIGIT}[十百])")
_THOUSAND_MISSING_ZERO = re.compile(f"([千])({_ANY_DIGIT}?[十])")
_HUNDRED_MISSING_ONE = re.compile("([百])([十])")


def cn_quantity(numeral: str) -> int | float:
    """The value of a Chinese numeral (``两万`` → 20000, ``三点五`` → 3.5, ``一二三`` → 123).

    Raises:
        ValueError: not a numeral (``百``, ``十十``, ``万万``), or a character other than
            〇零一二两三四五六七八九十百千万亿 and one 点 before the decimals; or a value above
            :data:`LARGEST` (a long run of 亿 or of digits, which cn2an reads on).
    """
    if not numeral or any(ch not in DIGITS and ch not in UNITS and ch != "点"
                          for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    numeral = numeral.replace("零十", "零一十").replace("零百", "零一百")
    integer, _, decimals = numeral.partition("点")
    if "点" in decimals:
        raise ValueError(f"more than one 点: {numeral!r}")
    decimal = decimals if "点" in numeral else None
    integer = _ZERO_BEFORE_THOUSAND.sub(r"\1", integer)
    integer = _BIG_UNIT_MISSING_ZERO.sub(r"\1零\2", integer)
    integer = _THOUSAND_MISSING_ZERO.sub(r"\1零\2", integer)
    integer = _HUNDRED_MISSING_ONE.sub(r"\1一\2", integer).replace("零十", "零一十")
    if decimal is not None and not _DECIMALS.fullmatch(decimal):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if _well_formed(integer):
        value: int | float = _positional(integer)
    elif _DIGIT_STRING.fullmatch(integer):
        value = int("".join(str(DIGITS[ch]) for ch in integer))
    else:
        spoken = _SPOKEN.fullmatch(integer) if len(integer) >= 3 else None
        if spoken is None:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
        last_unit = UNITS[spoken.group(1)[-1]]
        if last_unit not in _UNIT_BELOW:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")  # 三十五十一, 一亿二: no unit below
        value = _positional(integer + _UNIT_BELOW[last_unit])
    if value > LARGEST:
        raise ValueError(f"too large for a float: {numeral[:20]}…")
    if decimal is None:
        return value
    return round(value + _fraction(decimal), len(decimal))


def _positional(integer: str) -> int:
    """Sum digits times their units, right to left; 万 and 亿 scale what stands before them.

    Raises:
        ValueError: a place beyond :data:`LARGEST`.
    """
    total, unit, big_unit = 0, 1, 1
    last = len(integer) - 1
    for index, ch in enumerate(reversed(integer)):
        if ch in DIGITS:
            total += DIGITS[ch] * unit
            continue
        unit = UNITS[ch]
        if unit % 10_000 == 0:
            if unit > big_unit:
                big_unit = unit
            else:  # 万亿
                big_unit = unit * big_unit
                unit = big_unit
        if unit < big_unit:
            unit = unit * big_unit
        if unit > LARGEST:
            raise ValueError(f"too large for a float: {integer[:20]}…")
        if index == last:
            total += unit  # a leading unit counts once: 十五 = 15
    return total


def _fraction(decimals: str) -> float:
    """The decimals as a float, summed as cn2an sums them (so that values agree to the last bit)."""
    fraction: float = 0
    for index in range(len(decimals) - 1, -1, -1):
        fraction += DIGITS[decimals[index]] * 10 ** -(index + 1)
    return round(fraction, len(decimals))
