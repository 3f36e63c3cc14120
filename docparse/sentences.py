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


_TIME_COLON = r"(?<!\d):|:(?!\d)"
"""A colon that is a stop: not one between two digits (``中午12:00前``, a ratio ``1:2``)."""


@functools.cache
def _scanner(stops: str) -> re.Pattern[str]:
    pattern = "[" + re.escape(_OPENERS + _CLOSERS + stops.replace(":", "")) + "]"
    return re.compile(pattern + "|" + _TIME_COLON if ":" in stops else pattern)


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
        elif depth == 0:
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
        elif depth == 0:
            return match.start()
    return None
