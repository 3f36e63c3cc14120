"""Chinese and Arabic ordinals of heading markers and enumerators (一 → 1, 十一 → 11, 二十三 → 23).

Quantities in the text (两万, 三千零五十二) are converted by cn2an in the metrics stage; this
module only reads the small ordinals that number headings, articles and enumerations.

The same few numerals (一 … 十) number every heading and item of a report, so the readers are
memoized: a cache hit is a tenth of reading the numeral again.
"""

from __future__ import annotations

import functools

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
