"""Sentence boundaries in folded text that respect quotation marks, 《》 and brackets.

A 。 inside “……” or 《……》 or （……） does not end the sentence around it; splitting there would
cut a quoted slogan or a law's title in two.
"""

from __future__ import annotations

import functools
import re

_OPENERS = "“‘「『《〈([【〔"
_CLOSERS = "”’」』》〉)]】〕"
STOPS = "。!?;"
"""Folded sentence stops: 。 ！ ？ and ； (clauses of parallel claims)."""


@functools.cache
def _scanner(stops: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(_OPENERS + _CLOSERS + stops) + "]")


def _in_number(folded: str, position: int) -> bool:
    """Whether the colon at ``position`` stands between two digits (``中午12:00前``, a ratio ``1:2``):
    no stop."""
    return (0 < position < len(folded) - 1 and folded[position - 1].isdigit()
            and folded[position + 1].isdigit())


def sentence_ends(folded: str, start: int = 0, end: int | None = None, stops: str = STOPS) -> list[int]:
    """Offsets just after each sentence stop at depth 0 in ``folded[start:end]``.

    >>> sentence_ends("他说“好。”然后走了。再见")  # not after the quoted 好。
    [11]
    """
    end = len(folded) if end is None else end
    result: list[int] = []
    depth = 0
    for match in _scanner(stops).finditer(folded, start, end):
        char = match.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and not (char == ":" and _in_number(folded, match.start())):
            result.append(match.end())
    return result


def first_stop(folded: str, start: int, end: int, stops: str = STOPS) -> int | None:
    """Offset of the first sentence stop at depth 0 in ``folded[start:end]``, or ``None``."""
    depth = 0
    for match in _scanner(stops).finditer(folded, start, end):
        char = match.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and not (char == ":" and _in_number(folded, match.start())):
            return match.start()
    return None
