"""Chinese numerals: ordinals of heading markers and enumerators (一 → 1, 十一 → 11, 二十三 → 23) and
the quantities the metrics stage cuts out (两万 → 20000, 三千零五十二 → 3052, 三点五 → 3.5).

The same few numerals (一 … 十) number every heading and item of a report, so the ordinal readers
are memoized: a cache hit is a tenth of reading the numeral again.
"""

from __future__ import annotations

import functools
import re

_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_PAREN_AR = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_DOT_AR = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_CN_ORDINALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]


@functools.lru_cache(maxsize=1024)
def cn_to_int(numeral: str) -> int | None:
    """Read a Chinese numeral below 10,000 (``十一`` → 11, ``一百零一`` → 101); ``None`` if malformed."""
    if not numeral:
        return None
    if all(ch in _DIGITS for ch in numeral):
        if len(numeral) == 1:
            return _DIGITS[numeral]
        # digit by digit, as in years: 二〇二二
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total, digit = 0, None
    for ch in numeral:
        if ch in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row inside a positional numeral
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


@functools.lru_cache(maxsize=1024)
def int_to_cn(number: int) -> str:
    """Write 1…9999 as a Chinese ordinal (11 → 十一, 101 → 一百零一), as headings use them."""
    if not 0 < number < 10000:
        raise ValueError(f"out of range: {number}")
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == "十" and digit == 1 and not parts):
            parts.append(_CN_ORDINALS[digit])
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
# including its float arithmetic for decimals. tests/test_numerals.py holds it to cn2an on every
# string of up to four of these characters and on generated longer ones. docparse used cn2an itself
# until its import (0.1 s and 5 MB in every process, most of it a regular expression of every
# Chinese place name, for a library that needs none of that) became a quarter of a batch worker's
# start-up.

# the digits of quantities are the ordinal digits (_DIGITS) without ○, which cn2an does not read
_QUANTITY_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                    "七": 7, "八": 8, "九": 9}
_QUANTITY_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_UNIT_BELOW = {100: "十", 1000: "百", 10_000: "千"}


_ZERO, _DIGIT = "[零〇]", "[一二两三四五六七八九]"
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
    regular expression it is 5,700 characters that took 20 ms to compile in every process. Here
    the 亿 and 万 (at most one of each) split the numeral and small patterns check the parts."""
    if integer in ("零", "〇"):
        return True
    high, yi, low = integer.partition("亿")
    if not yi:
        return _below_1e8(integer)
    return _below_1e8(high) and (low == "" or (low[0] in "零〇" and _below_1e8(low[1:]))
                                 or ("万" in low and _below_1e8(low)))


def _below_1e8(integer: str) -> bool:
    """1 … 99,999,999 (``n1_1e8``): an optional 万 part, then the part below 一万."""
    high, wan, low = integer.partition("万")
    if not wan:
        return _N1_9999.fullmatch(integer) is not None
    return "亿" not in integer and _N1_9999.fullmatch(high) is not None and (
        low == "" or (low[0] in "零〇" and _N1_999.fullmatch(low[1:]) is not None)
        or _N1000_9999.fullmatch(low) is not None)


_DIGIT_STRING = re.compile("[零〇一二两三四五六七八九]+")
"""一二三: read digit by digit (123)."""
_SPOKEN = re.compile("([零〇一二两三四五六七八九]{0,2}[十百千万亿])+[零〇一二两三四五六七八九]")
"""一万二, 三百四: the last digit counts in the unit below the last one written (12000, 340)."""
_DECIMALS = re.compile("[零〇一二两三四五六七八九]{0,16}")
# what cn2an adds to accept the forms people also write (and its own output): 十万零一千 → 十万一千,
# 一万一百 → 一万零一百, 一千十 → 一千零十, 一百十 → 一百一十, 零十 → 零一十
_ZERO_BEFORE_THOUSAND = re.compile("(万)零(?=[零〇一二两三四五六七八九][千])")
_BIG_UNIT_MISSING_ZERO = re.compile("([万亿])([零〇一二两三四五六七八九][十百])")
_THOUSAND_MISSING_ZERO = re.compile("([千])([零〇一二两三四五六七八九]?[十])")
_HUNDRED_MISSING_ONE = re.compile("([百])([十])")


def cn_quantity(numeral: str) -> int | float:
    """The value of a Chinese numeral (``两万`` → 20000, ``三点五`` → 3.5, ``一二三`` → 123).

    Raises:
        ValueError: not a numeral (``百``, ``十十``, ``万万``), or a character other than
            〇零一二两三四五六七八九十百千万亿 and one 点 before the decimals.
    """
    if not numeral or any(ch not in _QUANTITY_DIGITS and ch not in _QUANTITY_UNITS and ch != "点"
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
        value = int("".join(str(_QUANTITY_DIGITS[ch]) for ch in integer))
    else:
        spoken = _SPOKEN.fullmatch(integer) if len(integer) >= 3 else None
        if spoken is None:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
        last_unit = _QUANTITY_UNITS[spoken.group(1)[-1]]
        if last_unit not in _UNIT_BELOW:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")  # 三十五十一, 一亿二: no unit below
        value = _positional(integer + _UNIT_BELOW[last_unit])
    if decimal is None:
        return value
    return round(value + _fraction(decimal), len(decimal))


def _positional(integer: str) -> int:
    """Sum digits times their units, right to left; 万 and 亿 scale what stands before them."""
    total, unit, big_unit = 0, 1, 1
    last = len(integer) - 1
    for index, ch in enumerate(reversed(integer)):
        if ch in _QUANTITY_DIGITS:
            total += _QUANTITY_DIGITS[ch] * unit
            continue
        unit = _QUANTITY_UNITS[ch]
        if unit % 10_000 == 0:
            if unit > big_unit:
                big_unit = unit
            else:  # 万亿
                big_unit = unit * big_unit
                unit = big_unit
        if unit < big_unit:
            unit = unit * big_unit
        if index == last:
            total += unit  # a leading unit counts once: 十五 = 15
    return total


def _fraction(decimals: str) -> float:
    """The decimals as a float, summed as cn2an sums them (so that values agree to the last bit)."""
    fraction: float = 0
    for index in range(len(decimals) - 1, -1, -1):
        fraction += _QUANTITY_DIGITS[decimals[index]] * 10 ** -(index + 1)
    return round(fraction, len(decimals))
