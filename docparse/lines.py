"""Stage 3: the normalized text as lines with offsets, run-on text cut into virtual lines."""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from . import ladder
from .grammar import terminal


class Line(NamedTuple):
    """One line of the text: ``text[start:end]`` (without its ``\\n``), plus the folded view."""

    number: int
    """1-based line number."""
    start: int
    end: int
    raw: str
    folded: str
    """Same length as ``raw``: full-width forms as ASCII, every space-like character as ' '."""

    @property
    def content_start(self) -> int:
        """Offset of the first non-space character (``end`` for a blank line)."""
        return self.start + (len(self.folded) - len(self.folded.lstrip(" ")))

    @property
    def content_end(self) -> int:
        """Offset after the last non-space character."""
        return self.start + len(self.folded.rstrip(" "))

    @property
    def stripped(self) -> str:
        """The folded line without leading and trailing spaces."""
        return self.folded.strip(" ")

    @property
    def blank(self) -> bool:
        return not self.folded.strip(" ")


def split_lines(text: str, folded: str) -> list[Line]:
    """Cut the text at ``\\n``; a final line without ``\\n`` counts, an empty tail does not."""
    lines: list[Line] = []
    start = 0
    number = 1
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        lines.append(Line(number, start, end, text[start:end], folded[start:end]))
        number += 1
        start = end + 1
    return lines


def text_lines(text: str, folded: str) -> list[Line]:
    """The lines of the text, a run-on line (a page scraped without line breaks) cut into virtual
    lines where a heading starts (:func:`cut_run_on`)."""
    return cut_run_on(split_lines(text, folded))


RUN_ON_LENGTH = 1000
"""A line at least this long is treated as run-on text and cut at strong markers."""
RUN_ON_DEEP = 3000
"""A line this long is certainly run-on: headings may also be cut where their numbering continues."""
_GENRE_END = "告知见定法例案划要结函书"
"""The last characters of a title's genre word (报告, 通知, 意见 …): a 一、 right after one starts the
body of a report whose title and text were run together (…的报告一、…)."""
_QUOTE_OPENERS = "“「『《"
_QUOTE_CLOSERS = "”」』》"
_STOPS = "。;!?:"


def cut_run_on(lines: list[Line]) -> list[Line]:
    """Cut every run-on line into virtual lines; offsets stay those of the text.

    A cut goes before a strong marker (一、 （一） 第X章 第X条) that follows a sentence stop, and at a
    run of two or more spaces after a stop (where scrapers left the lost line break's indentation).
    """
    result: list[Line] = []
    for line in lines:
        if len(line.folded) < RUN_ON_LENGTH:
            result.append(line)
            continue
        cuts = _run_on_cuts(line.folded)
        for begin, finish in itertools.pairwise(cuts):
            result.append(Line(line.number, line.start + begin, line.start + finish,
                               line.raw[begin:finish], line.folded[begin:finish]))
    return result


@functools.cache
def _cut_candidates() -> re.Pattern[str]:
    """Where a cut may go: a quotation mark (to track depth), after a stop, inside a wide gap, or
    before 一、 / （一） not preceded by a numeral."""
    numeral = terminal("_CN_DIGIT").pattern
    starts = "|".join(f"(?:{terminal(name).pattern})" for name in ("CN_DUN", "CN_PAREN"))
    return re.compile(f"[{_QUOTE_OPENERS}{_QUOTE_CLOSERS}]|(?<=[{_STOPS}])\\s*|(?<=\\S) {{2,}}(?=\\S)"
                      f"|(?<!{numeral})(?={starts})")


def _run_on_cuts(text: str) -> list[int]:
    """Offsets where virtual lines start (0 and ``len(text)`` included).

    Always: a strong marker after a sentence stop or a wide gap, or a wide gap after a stop. In a
    very long line also: 一、/（一） wherever their numbering continues the last one cut (二、 after
    一、), a （一） anywhere, and a 一、 right after a title's genre word (…的报告一、…).
    """
    cuts = [0]
    depth = 0
    deep = len(text) >= RUN_ON_DEEP
    last: dict[str, int] = {}
    strong = [rung.terminal for rung in ladder.LADDER if rung.strong]
    for match in _cut_candidates().finditer(text):
        token = match.group()
        if token and token in _QUOTE_OPENERS:
            depth += 1
            continue
        if token and token in _QUOTE_CLOSERS:
            depth = max(depth - 1, 0)
            continue
        position = match.end()
        if depth or position - cuts[-1] < 2 or position >= len(text):
            continue
        before = text[match.start() - 1] if match.start() > 0 else ""
        after_stop = before in _STOPS
        gap = len(token) >= 2
        found = next(((name, m) for name in strong if (m := terminal(name).match(text, position))), None)
        marker = found[0] if found else None
        ordinal = ladder.ordinal_of_marker(found[1].group()) if found else None
        cut = bool(marker and (after_stop or gap)) or (after_stop and gap)
        if not cut and gap:  # any heading number where a lost line break left a wide gap
            cut = ladder.marker_at(text, position) is not None
        if deep and not cut and marker in ("CN_DUN", "CN_PAREN") and ordinal is not None:
            continues = ordinal == last.get(marker, 0) + 1
            cut = continues and (marker == "CN_PAREN" or ordinal > 1 or before in _GENRE_END)
        if cut:
            cuts.append(position)
            if marker and ordinal is not None:
                last[marker] = ordinal
                if marker == "CN_DUN":
                    last.pop("CN_PAREN", None)
    cuts.append(len(text))
    return cuts
