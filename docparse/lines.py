"""Stage 3: the normalized text as lines with offsets, run-on text cut into virtual lines."""

from __future__ import annotations

import bisect
import itertools
from typing import NamedTuple

from .cuts import RUN_ON_LENGTH, alone, cut_points, page_numbers, places_to_cut
from .ladder import marker_at
from .spans import Locator


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


def split_lines(text: str, folded: str, locator: Locator | None = None) -> list[Line]:
    """Cut the text at ``\\n``; a final line without ``\\n`` counts, an empty tail does not.

    The numbers and starts of the lines are the int objects of the text's ``locator`` (made here
    if not given), which its spans share; a line without foldable characters is one string as
    ``raw`` and as ``folded`` (most lines of a text without full-width punctuation): a line of a
    few characters costs a third less."""
    locator = locator or Locator(text)
    lines: list[Line] = []
    length = len(text)
    pairs = itertools.pairwise(locator.line_starts)  # a line's start and the next one's
    for number, (start, next_start) in zip(locator.line_numbers, pairs, strict=True):
        if start >= length:
            break
        end = next_start - 1
        raw, view = text[start:end], folded[start:end]
        lines.append(Line(number, start, end, raw, raw if view == raw else view))
    return lines


def text_lines(text: str, folded: str, locator: Locator | None = None) -> list[Line]:
    """The lines of the text: a heading number broken over lines made one line again
    (:func:`join_split_markers`), and a run-on line (a page scraped without line breaks) cut into
    virtual lines where a heading starts (:func:`cut_run_on`)."""
    return cut_run_on(join_split_markers(split_lines(text, folded, locator), text, folded), folded)


_BRACKETED = ("CN_PAREN", "ARABIC_PAREN")
_FOLLOWED = ("ARABIC_DOT", "CN_DUN", "ARABIC_HALF_PAREN")
_NUMBER_PIECE = 3
"""A line of at most this many characters may be the number of a marker whose ``.``, ``、`` or
``)`` a PDF extraction put on the next line."""


def join_split_markers(lines: list[Line], text: str, folded: str) -> list[Line]:
    """Lines that hold the pieces of one heading, made one line: text extracted from a PDF often puts
    ``（`` / ``1`` / ``）对于…`` or ``1`` / ``．需求响应…`` on lines of their own, and a marker may stand
    alone above its title (``一、`` / ``总体要求``). The marker terminals allow the line breaks between
    the pieces of a number; the break between marker and title is a space to the lexer."""
    result: list[Line] = []
    done = 0  # lines[:done] are in result
    for index, line in enumerate(lines):
        if index < done or not 0 < len(line.folded) <= MAX_MARKER_LINE:
            continue  # a line that holds more than a marker is no piece of one (most lines)
        pieces = _marker_pieces(lines, index)
        if pieces > 1:
            last = lines[index + pieces - 1]
            result += lines[done:index]
            result.append(Line(line.number, line.start, last.end, text[line.start:last.end],
                               folded[line.start:last.end]))
            done = index + pieces
    return result + lines[done:] if result else lines


def _marker_pieces(lines: list[Line], index: int) -> int:
    """How many lines from ``index`` on hold one broken marker and its title (1: not broken)."""
    here = lines[index].stripped
    after = lines[index + 1].stripped if index + 1 < len(lines) else ""
    if here == "(" and index + 2 < len(lines) and lines[index + 2].stripped.startswith(")"):
        marker = marker_at(here + after + ")")
        if marker is not None and marker.lastgroup in _BRACKETED:
            return 3  # ( / 1 / )…
    if 0 < len(here) <= _NUMBER_PIECE:
        marker = marker_at(here + after)
        if marker is not None and marker.lastgroup in _FOLLOWED and marker.end() > len(here):
            return 2  # 1 / ．…
    alone = marker_at(here)
    if alone is not None and alone.lastgroup == "ARTICLE" and alone.end() == len(here):
        breaks = 2 if not after and index + 2 < len(lines) else 1  # (a blank line between, too)
        rest = lines[index + breaks].stripped if index + breaks < len(lines) else ""
        joined = marker_at(here + "\n" * breaks + rest)
        if joined is not None and joined.end() > len(here) + breaks:
            return breaks + 1  # 第十七条 / 之一: an inserted article's number broken by a conversion
    if alone is not None and alone.end() == len(here) and alone.lastgroup in _TITLE_ON_NEXT_LINE \
            and 0 < len(after) <= MAX_TITLE_ON_NEXT_LINE and marker_at(after) is None:
        return 2  # 一、 / 总体要求: the heading's title on the next line
    return 1


MAX_MARKER_LINE = 16
"""A line holding nothing but (a piece of) a marker is at most this long, spaces included."""
_TITLE_ON_NEXT_LINE = ("CN_DUN", "CN_PAREN", "ARABIC_DOT", "DECIMAL")
"""Markers that, alone on a line, take the next line as their title (an article's text may simply
start on the next line: 第一条 alone stays a heading of its own)."""
MAX_TITLE_ON_NEXT_LINE = 40


def cut_run_on(lines: list[Line], folded: str) -> list[Line]:
    """Cut lines into virtual lines where a heading starts inside them (docparse/cuts.py); offsets
    stay the text's."""
    places = places_to_cut(folded)
    starts = [line.start for line in lines]
    places_in: dict[int, list[int]] = {}
    for place in places:
        index = bisect.bisect_right(starts, place) - 1
        places_in.setdefault(index, []).append(place - starts[index])
    pages_in: dict[int, list[int]] = {}
    for begin, finish in page_numbers(folded):
        index = bisect.bisect_right(starts, begin) - 1
        pages_in.setdefault(index, []).extend((begin - starts[index], finish - starts[index]))
    single = alone(folded)
    long_lines = [index for index, line in enumerate(lines)
                  if len(line.folded) >= RUN_ON_LENGTH or (single and line.folded.strip(" "))]
    result: list[Line] = []
    done = 0  # lines[:done] are in result
    for index in sorted({*places_in, *long_lines, *pages_in}):
        line = lines[index]
        run_on = single or len(line.folded) >= RUN_ON_LENGTH
        cuts = cut_points(line.folded, None if run_on else places_in.get(index, []), run_on=single,
                          pages=pages_in.get(index))
        if len(cuts) > 2:
            result += lines[done:index]
            result += [Line(line.number, line.start + begin, line.start + finish, line.raw[begin:finish],
                            line.folded[begin:finish]) for begin, finish in itertools.pairwise(cuts)]
            done = index + 1
    return result + lines[done:] if result else lines
