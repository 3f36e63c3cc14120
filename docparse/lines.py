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
    """The lines of the text: a heading number broken over lines made one line again
    (:func:`join_split_markers`), and a run-on line (a page scraped without line breaks) cut into
    virtual lines where a heading starts (:func:`cut_run_on`)."""
    return cut_run_on(join_split_markers(split_lines(text, folded), text, folded))


_LONE_NUMERAL = re.compile(r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}")
"""A line that is nothing but a number: a piece of a marker when the next line goes on with it."""


def join_split_markers(lines: list[Line], text: str, folded: str) -> list[Line]:
    """Lines that hold the pieces of one heading number, made one line: text extracted from a PDF
    often puts ``（`` / ``1`` / ``）对于…`` or ``1`` / ``．需求响应…`` on lines of their own. The
    marker terminals allow the line breaks between the pieces."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        pieces = _marker_pieces(lines, index)
        if pieces > 1:
            first, last = lines[index], lines[index + pieces - 1]
            result.append(Line(first.number, first.start, last.end, text[first.start:last.end],
                               folded[first.start:last.end]))
        else:
            result.append(lines[index])
        index += max(pieces, 1)
    return result


def _marker_pieces(lines: list[Line], index: int) -> int:
    """How many lines from ``index`` on hold one broken marker and its title (1: not broken)."""
    here = lines[index].stripped
    after = lines[index + 1].stripped if index + 1 < len(lines) else ""
    if here == "(" and _LONE_NUMERAL.fullmatch(after) and index + 2 < len(lines) \
            and lines[index + 2].stripped.startswith(")"):
        return 3  # ( / 1 / )…
    if _LONE_NUMERAL.fullmatch(here) and after[:1] in (".", "、", ")") and not after[1:2].isdigit():
        return 2  # 1 / ．…
    return 1


RUN_ON_LENGTH = 1000
"""A line at least this long is run-on text (a page scraped without line breaks): any heading number
after a wide gap also starts a virtual line there."""
RUN_ON_DEEP = 3000
"""A line this long is certainly run-on: headings may also be cut where their numbering continues."""
_GENRE_END = "告知见定法例案划要结函书"
"""The last characters of a title's genre word (报告, 通知, 意见 …): a 一、 right after one starts the
body of a report whose title and text were run together (…的报告一、…)."""
_QUOTE_OPENERS = "“「『《"
_QUOTE_CLOSERS = "”」』》"
_STOPS = "。;!?:"


def cut_run_on(lines: list[Line]) -> list[Line]:
    """Cut lines into virtual lines where a heading starts inside them; offsets stay the text's.

    In any line, a cut goes before a strong marker (一、 （一） 第X章 第X条) that follows a sentence
    stop (articles run together: ``…制定本条例。第二条　…``; a heading glued to the text before it:
    ``…制度。一、主要职责…``). In run-on text (:data:`RUN_ON_LENGTH`) also at a run of two or more
    spaces after a stop, and before any heading number after such a gap (where scrapers left a lost
    line break's indentation).
    """
    result: list[Line] = []
    for line in lines:
        run_on = len(line.folded) >= RUN_ON_LENGTH
        if not run_on and not _strong_after_stop().search(line.folded):
            result.append(line)
            continue
        cuts = _run_on_cuts(line.folded, run_on)
        for begin, finish in itertools.pairwise(cuts):
            result.append(Line(line.number, line.start + begin, line.start + finish,
                               line.raw[begin:finish], line.folded[begin:finish]))
    return result


@functools.cache
def _cut_candidates() -> re.Pattern[str]:
    """Where a cut may go: a quotation mark (to track depth), after a stop, inside a wide gap, at a
    space before an attachment label, or before 一、 / （一） not preceded by a numeral."""
    numeral = terminal("_CN_DIGIT").pattern
    starts = "|".join(f"(?:{terminal(name).pattern})" for name in ("CN_DUN", "CN_PAREN"))
    attachment = terminal("ATTACHMENT").pattern
    return re.compile(f"[{_QUOTE_OPENERS}{_QUOTE_CLOSERS}]|(?<=[{_STOPS}])\\s*|(?<=\\S) {{2,}}(?=\\S)"
                      f"|(?<=\\S) (?={attachment})|(?<!{numeral})(?={starts})")


@functools.cache
def _strong_after_stop() -> re.Pattern[str]:
    """A strong marker right after a sentence stop (spaces between): a line that has none is not cut."""
    strong = "|".join(f"(?:{terminal(rung.terminal).pattern})" for rung in ladder.LADDER if rung.strong)
    return re.compile(f"[{_STOPS}] *(?:{strong})")


def _run_on_cuts(text: str, run_on: bool) -> list[int]:
    """Offsets where virtual lines start (0 and ``len(text)`` included).

    Always: a strong marker after a sentence stop. In run-on text also: a strong marker after a
    wide gap, any heading number after a wide gap, a wide gap after a stop; and in a very long line
    一、/（一） wherever their numbering continues the last one cut (二、 after 一、), a （一）
    anywhere, and a 一、 right after a title's genre word (…的报告一、…).
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
        if run_on:
            cut = bool(marker and (after_stop or gap)) or (after_stop and gap)
            if not cut and gap:  # any heading number where a lost line break left a wide gap
                cut = ladder.marker_at(text, position) is not None
            if not cut and (after_stop or token):  # 附件1 after a stop or a space: an attachment starts
                label = terminal("ATTACHMENT").match(text, position)
                cut = label is not None and label.end() - label.start() > 2
            if not cut and gap:  # the title of an attachment ends at the first wide gap after its label
                cut = terminal("ATTACHMENT").match(text, cuts[-1]) is not None
        else:
            cut = bool(marker and after_stop)
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
