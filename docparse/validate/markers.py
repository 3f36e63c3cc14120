"""The validator's own copies of what the parser also defines about heading markers.

These move to the ladder table (docparse/ladder.py: one row per marker style with its rank, its
standard form and its fix), which will replace this module: they are gathered here, unchanged, so
that the validator reads them from one place until then.
"""

from __future__ import annotations

import re

from ..numerals import int_to_cn

NUMERAL = re.compile(r"[一二三四五六七八九十百千零〇]+|[0-9]+")
"""The number inside a marker (``（二）``, ``12.``, ``三是``)."""

LIST_LINE = re.compile(r"^\s*\d{1,2}\s*[.．、]")
"""A line that starts with an Arabic-numbered marker (``1.``, ``2、``)."""

LADDER = range(4, 10)
"""Ranks of the GB/T 9704 ladder and below (一、 （一） 1. （1） 1） ①).

Laws (编章节条) nest by their own rules (章 straight to 条 is normal)."""

LEVEL_NAMES = ("一级", "二级", "三级", "四级", "五级", "六级")

STANDARD_FORMS = {"cn_dun": {"、"}, "cn_paren": {"（）"}, "arabic_dot": {".", "．"},
                  "arabic_paren": {"（）"}, "circled": {""}, "arabic_half_paren": {"）", ")"}}
"""The punctuation each style is written with by the standard (GB/T 15834 B.3), number left out."""

FIXES = {"cn_dun": "一、", "cn_paren": "（一）", "arabic_dot": "1.", "arabic_paren": "（1）"}
"""The standard form of the first marker of a style, offered as the fix."""

_ENCLOSED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑"
"""Markers written as one enclosed character (parenthesized or with a full stop)."""


def relabel(raw: str, style: str, number: int) -> str:
    """``raw`` with its number replaced: ``(二)`` → ``(三)``, keeping the writer's own form."""
    if style == "circled" and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    match = NUMERAL.search(raw)
    if not match:
        return raw
    digits = match.group().isdigit()
    return raw[: match.start()] + (str(number) if digits else int_to_cn(number)) + raw[match.end():]


def marker_form(raw: str) -> str:
    """The punctuation of a marker without its number: ``(一)`` → ``()``, ``1、`` → ``、``."""
    if raw and raw[0] in _ENCLOSED:
        return "字符"
    return NUMERAL.sub("", raw) if not ("①" <= raw[:1] <= "⑳") else raw[1:]


def level_name(level: int) -> str:
    """``一级`` … ``六级``, then ``7级``."""
    return LEVEL_NAMES[level - 1] if level <= len(LEVEL_NAMES) else f"{level}级"
