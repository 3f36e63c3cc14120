"""Stage 4: body lines → heading and paragraph tokens for the block grammar (grammars/document.lark).

The marker terminals are defined in the grammar; this module matches them at the start of each
body line, then applies what a regular expression cannot see:

* context that makes a marker not a heading: inside a quotation that spans lines, a table row,
  a table-of-contents entry, an Arabic number that continues no sequence (``25、`` in running text);
* recovery: a short title line standing where a missing sibling should be (四、 … 六、) becomes a
  RECOVERED heading; a short line above a numbering that restarts at 一 becomes an UNNUMBERED_PART;
* run-on text: a line of thousands of characters (a page scraped without line breaks) is cut
  into virtual lines where a strong marker follows a sentence stop.

:class:`HeadingLeveler` (a lark postlexer, modelled on ``lark.indenter.Indenter``) then wraps every
heading in zero-width ``_OPEN``/``_CLOSE`` tokens by marker rank.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer, LexerState

from .lines import Line
from .models import MarkerStyle
from .numerals import ordinal_of

# terminal → (style, rank); rank orders the ladder, smaller is higher.
TERMINALS: dict[str, tuple[MarkerStyle, int]] = {
    "PART": ("part", 0),
    "UNNUMBERED_PART": ("part", 0),
    "CHAPTER": ("chapter", 1),
    "SECTION_NO": ("section", 2),
    "ARTICLE": ("article", 3),
    "CN_DUN": ("cn_dun", 4),
    "CN_PAREN": ("cn_paren", 5),
    "ARABIC_DOT": ("arabic_dot", 6),
    "ARABIC_PAREN": ("arabic_paren", 7),
    "ARABIC_HALF_PAREN": ("arabic_half_paren", 8),
    "CIRCLED": ("circled", 9),
}
STYLE_TERMINAL = {style: name for name, (style, _) in TERMINALS.items() if name != "UNNUMBERED_PART"}
# Tried in this order at a line start: the bracketed and 第X forms before the bare ones.
_MATCH_ORDER = ("PART", "CHAPTER", "SECTION_NO", "ARTICLE", "CN_PAREN", "ARABIC_PAREN",
                "CN_DUN", "ARABIC_DOT", "ARABIC_HALF_PAREN", "CIRCLED")
_STRONG = ("PART", "CHAPTER", "SECTION_NO", "ARTICLE", "CN_DUN", "CN_PAREN")
"""Markers unambiguous enough to start a virtual line inside run-on text."""
_ARABIC = ("ARABIC_DOT", "ARABIC_PAREN", "ARABIC_HALF_PAREN", "CIRCLED")
_NUMERAL = re.compile(r"[一二三四五六七八九十百千零〇0-9]+|[①-⒛㈠-㈩]")
_LEADING_TAGS = re.compile(r"(?:<[a-zA-Z/][^<>\n]{0,80}>[ ]*)+")
_TOC_ENTRY = re.compile(r"(?:\.{3}|…|·{3}|-{4}|_{4})\s*\d{1,4}$")  # fixed counts: {3,} backtracked O(n²)
_TABLE_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_SENTENCE_STOP = re.compile(r"[。;!?]")
_LINE_END_PUNCT = re.compile(r"[。;:,、!?]$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENUM_START = re.compile(r"^[一二三四五六七八九十]{1,3}[是要]|^第[一二三四五六七八九十]{1,3}[,、]")
_QUANTITY_AFTER_DOT = re.compile(r"(?:[0-9]|年|月|日|万|亿|%)")
"""After ``2、`` or ``1.``: a date or a quantity (2、3月份, 1.5万), not a heading."""
RUN_ON_LENGTH = 1000
"""A line at least this long is treated as run-on text and cut at strong markers."""
MAX_ARABIC_START = 3
"""An Arabic marker that continues no sequence must number one of the first items to count."""


@dataclass
class BodyLine:
    """A body line (or a virtual line cut out of run-on text) and the marker it starts with."""

    start: int
    end: int
    folded: str
    """Folded text of ``[start, end)``."""
    terminal: str | None = None
    marker_end: int = 0
    """Offset after the marker (and the spaces after it)."""
    ordinal: int | None = None
    recovered_style: MarkerStyle | None = None
    """For a RECOVERED heading: the style of the siblings whose number it takes."""

    @property
    def squeezed(self) -> str:
        return self.folded.replace(" ", "")


@dataclass
class LexedBody:
    """The prepared token source handed to the lark parser."""

    lines: list[BodyLine]


def prepare(lines: list[Line], patterns: dict[str, re.Pattern[str]]) -> LexedBody:
    """Match markers on every body line and apply the context rules of the module docstring."""
    body = [BodyLine(line.start, line.end, line.folded) for line in lines]
    # Most lines are running text: one match of all the markers' alternation rules them out.
    any_marker = re.compile("|".join(f"(?:{patterns[name].pattern})" for name in _MATCH_ORDER))
    for line in body:
        _match_marker(line, patterns, any_marker)
    _demote_in_quotes(body)
    _demote_tables_and_toc(body)
    _demote_stray_arabic(body)
    _recover_missing(body)
    _mark_unnumbered_parts(body)
    return LexedBody(body)


def _match_marker(line: BodyLine, patterns: dict[str, re.Pattern[str]], any_marker: re.Pattern[str]) -> None:
    text = line.folded
    offset = _content_bounds(text)[0]
    if text.startswith("<", offset):
        tags = _LEADING_TAGS.match(text, offset)
        if tags:
            offset = tags.end()  # <p>一、总体情况</p>: markup left by a scraper hides no heading
    if not any_marker.match(text, offset):
        return
    for name in _MATCH_ORDER:
        match = patterns[name].match(text, offset)
        if not match:
            continue
        rest = text[match.end():].strip(" ")
        if name in ("CN_DUN", "ARABIC_DOT") and not rest:
            continue  # a bare "1." or "一、" line is a list number, not a heading
        if name == "ARABIC_DOT" and _QUANTITY_AFTER_DOT.match(rest):
            continue  # 2、3月份 / 1.5万
        numeral = _NUMERAL.search(match.group())
        line.terminal = name
        line.ordinal = ordinal_of(numeral.group()) if numeral else None
        end = match.end()
        while end < len(text) and text[end] == " ":
            end += 1
        line.marker_end = line.start + end
        return


def cut_run_on(lines: list[Line], patterns: dict[str, re.Pattern[str]]) -> list[Line]:
    """Cut every run-on line (a page scraped without line breaks) into virtual lines.

    A cut goes before a strong marker (一、 （一） 第X章 第X条) that follows a sentence stop, and at a
    run of two or more spaces after a stop (where scrapers left the lost line break's indentation).
    Offsets stay those of the text; only the line boundaries are virtual.
    """
    result: list[Line] = []
    for line in lines:
        if len(line.folded) < RUN_ON_LENGTH:
            result.append(line)
            continue
        cuts = _run_on_cuts(line.folded, patterns)
        for begin, finish in itertools.pairwise(cuts):
            result.append(Line(line.number, line.start + begin, line.start + finish,
                               line.raw[begin:finish], line.folded[begin:finish]))
    return result


_CUT_CANDIDATE = re.compile(
    r"[“「『《”」』》]|(?<=[。;!?:])\s*|(?<=\S) {2,}(?=\S)"
    r"|(?<![一二三四五六七八九十百])(?=[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))"
)
_GENRE_END = "告知见定法例案划要结函书"
RUN_ON_DEEP = 3000
"""A line this long is certainly run-on: headings may also be cut where their numbering continues."""


def _run_on_cuts(text: str, patterns: dict[str, re.Pattern[str]]) -> list[int]:
    """Offsets where virtual lines start (0 and ``len(text)`` included).

    Always: a strong marker after a sentence stop or a wide gap, or a wide gap after a stop. In a
    very long line also: 一、/（一） wherever their numbering continues the last one cut (二、 after
    一、), a （一） anywhere, and a 一、 right after a title's genre word (…的报告一、…).
    """
    cuts = [0]
    depth = 0
    deep = len(text) >= RUN_ON_DEEP
    last: dict[str, int] = {}
    for match in _CUT_CANDIDATE.finditer(text):
        token = match.group()
        if token and token in "“「『《":
            depth += 1
            continue
        if token and token in "”」』》":
            depth = max(depth - 1, 0)
            continue
        position = match.end()
        if depth or position - cuts[-1] < 2 or position >= len(text):
            continue
        before = text[match.start() - 1] if match.start() > 0 else ""
        after_stop = before in "。;!?:"
        gap = len(token) >= 2
        strong = next((name for name in _STRONG if patterns[name].match(text, position)), None)
        ordinal = _ordinal_at(text, position) if strong else None
        cut = bool(strong and (after_stop or gap)) or (after_stop and gap)
        if deep and not cut and strong in ("CN_DUN", "CN_PAREN") and ordinal is not None:
            continues = ordinal == last.get(strong, 0) + 1
            cut = continues and (strong == "CN_PAREN" or ordinal > 1 or before in _GENRE_END)
        if cut:
            cuts.append(position)
            if strong and ordinal is not None:
                last[strong] = ordinal
                if strong == "CN_DUN":
                    last.pop("CN_PAREN", None)
    cuts.append(len(text))
    return cuts


def _ordinal_at(text: str, position: int) -> int | None:
    numeral = _NUMERAL.match(text, position + (text[position] == "("))
    return ordinal_of(numeral.group()) if numeral else None


def _demote(line: BodyLine) -> None:
    line.terminal = None
    line.ordinal = None


def _demote_in_quotes(body: list[BodyLine]) -> None:
    """A marker on a line that starts inside an open quotation is quoted text (修改为：“一、…”)."""
    open_quotes = 0
    carried = 0
    for line in body:
        if open_quotes and line.terminal:
            _demote(line)
        text = line.folded
        open_quotes += text.count("“") + text.count("「") + text.count("『")
        open_quotes -= text.count("”") + text.count("」") + text.count("』")
        open_quotes = max(open_quotes, 0)
        carried = carried + 1 if open_quotes else 0
        if carried > 20:  # an unbalanced quotation mark, not a quoted block
            open_quotes = carried = 0


def _demote_tables_and_toc(body: list[BodyLine]) -> None:
    """Table rows and table-of-contents entries carry numbers but are not headings."""
    toc_entries: set[str] | None = None
    squeezed_lines = [line.squeezed for line in body]
    for line, squeezed in zip(body, squeezed_lines, strict=True):
        if squeezed in ("目录", "目次"):
            toc_entries = set()
            continue
        if not line.terminal:
            continue
        if _is_toc_entry(squeezed) or _is_table_row(line.folded) or (
                "|" in line.folded and line.folded.count("|") >= 2):
            _demote(line)
            continue
        if toc_entries is not None:
            if squeezed in toc_entries:
                toc_entries = None  # the body repeats the first entries: the contents list ended
            else:
                toc_entries.add(squeezed)
    # Second pass: demote what the contents list held, up to where the body starts repeating it.
    toc_seen: set[str] = set()
    in_toc = False
    for line, squeezed in zip(body, squeezed_lines, strict=True):
        if squeezed in ("目录", "目次"):
            in_toc = True
            toc_seen = set()
            continue
        if in_toc and line.terminal:
            if squeezed in toc_seen:
                in_toc = False
            else:
                toc_seen.add(squeezed)
                if _toc_repeated_later(body, line, squeezed):
                    _demote(line)
                else:
                    in_toc = False


def _is_toc_entry(squeezed: str) -> bool:
    """``第一章 总则……1``: a contents entry ends with a page number (checked first: the search is slow)."""
    return squeezed[-1:].isdecimal() and _TOC_ENTRY.search(squeezed) is not None


def _is_table_row(folded: str) -> bool:
    """Two or more wide gaps between cells (a gap needs two spaces: skip the scan when there are none)."""
    stripped = folded.strip(" ")
    return ("  " in stripped or "\t" in stripped) and len(_TABLE_GAP.findall(stripped)) >= 2


def _toc_repeated_later(body: list[BodyLine], entry: BodyLine, squeezed: str) -> bool:
    return any(other.start > entry.start and other.squeezed == squeezed and other.terminal
               for other in body)


def _demote_stray_arabic(body: list[BodyLine]) -> None:
    """An Arabic-numbered line that continues no sequence (``25、…`` in text) is not a heading.

    Numbering may run on across higher headings (State Council notices number their tasks 1.–20.
    through （一）…（六）), so a marker continues the last one of its style wherever that stood.
    """
    last: dict[str, int] = {}
    for line in body:
        name = line.terminal
        if name is None or line.ordinal is None or name not in _ARABIC:
            continue
        previous = last.get(name)
        continues = previous is not None and 0 < line.ordinal - previous <= 3
        if not continues and line.ordinal > MAX_ARABIC_START:
            _demote(line)
            continue
        last[name] = line.ordinal


def _is_short_title(line: BodyLine) -> bool:
    text = line.squeezed
    return (4 <= len(text) <= 40 and not _SENTENCE_STOP.search(text) and not _LINE_END_PUNCT.search(text)
            and len(_CJK.findall(text)) >= 4 and not _ENUM_START.match(text)
            and not text.startswith(("“", "《", "(")))


def _rank(line: BodyLine) -> int | None:
    """The ladder rank of a line's marker (a RECOVERED one takes its siblings' rank)."""
    if line.recovered_style:
        return TERMINALS[STYLE_TERMINAL[line.recovered_style]][1]
    return TERMINALS[line.terminal][1] if line.terminal else None


def _recover_missing(body: list[BodyLine]) -> None:
    """Between siblings 四、 and 六、, one short title line without a number is the missing 五、."""
    for name in ("CHAPTER", "CN_DUN", "CN_PAREN"):
        rank = TERMINALS[name][1]
        previous: int | None = None
        for index, line in enumerate(body):
            line_rank = _rank(line)
            if line_rank is not None and line_rank < rank:
                previous = None  # a higher heading: a new sibling list begins
                continue
            if line.terminal != name or line.ordinal is None:
                continue
            if previous is not None:
                prior = body[previous]
                missing = line.ordinal - (prior.ordinal or 0) - 1
                if 0 < missing <= 2:
                    between = [body[i] for i in range(previous + 1, index)]
                    if any((_rank(b) or 99) <= rank for b in between):
                        previous = index
                        continue
                    found = [b for b in between if not b.terminal and _is_short_title(b)]
                    if len(found) == missing:
                        for offset, candidate in enumerate(found, start=1):
                            candidate.terminal = "RECOVERED"
                            candidate.recovered_style = TERMINALS[name][0]
                            candidate.ordinal = (prior.ordinal or 0) + offset
                            candidate.marker_end = candidate.start + (
                                len(candidate.folded) - len(candidate.folded.lstrip(" ")))
            previous = index


def _mark_unnumbered_parts(body: list[BodyLine]) -> None:
    """Numbering that restarts at 一 under an unnumbered short line: that line heads a part."""
    numbered = [line for line in body if line.terminal and line.terminal != "RECOVERED"]
    if not numbered:
        return
    top_rank = min(TERMINALS[line.terminal][1] for line in numbered if line.terminal)
    top = [line for line in numbered if line.terminal and TERMINALS[line.terminal][1] == top_rank]
    firsts = [line for line in top if line.ordinal == 1]
    if len(firsts) < 2 or top_rank < 4:
        return
    index_of = {id(line): i for i, line in enumerate(body)}
    for first in firsts:
        i = index_of[id(first)] - 1
        if i >= 0 and not body[i].terminal and _is_short_title(body[i]) and len(body[i].squeezed) <= 30:
            part = body[i]
            part.terminal = "UNNUMBERED_PART"
            part.ordinal = None
            part.marker_end = part.start + (len(part.folded) - len(part.folded.lstrip(" ")))


class BodyLexer(Lexer):
    """A lark lexer that replays the prepared body lines as MARKER / TITLE / TEXT tokens.

    A RECOVERED token's value is ``style:ordinal`` (``cn_dun:5``): what the text does not say.
    """

    __future_interface__ = 2

    def __init__(self, lexer_conf: LexerConf) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: LexerState, parser_state: object) -> Iterator[Token]:
        data: LexedBody = lexer_state.text  # type: ignore[assignment]
        for line in data.lines:
            folded = line.folded
            lead, trail = _content_bounds(folded)
            start, end = line.start + lead, line.start + trail
            if line.terminal:
                value = f"{line.recovered_style}:{line.ordinal}" if line.recovered_style else ""
                yield _token(line.terminal, start, line.marker_end, value)
                if line.marker_end < end:
                    yield _token("TITLE", line.marker_end, end)
            else:
                yield _token("TEXT", start, end)


def _content_bounds(text: str) -> tuple[int, int]:
    """``len(text) - len(text.lstrip(" "))`` and ``len(text.rstrip(" "))``, without copying the text
    (a body line is often a whole paragraph)."""
    lead, trail = 0, len(text)
    while lead < len(text) and text[lead] == " ":
        lead += 1
    while trail > 0 and text[trail - 1] == " ":
        trail -= 1
    return lead, trail


def _token(kind: str, start: int | None, end: int | None, value: str = "") -> Token:
    """A token with offsets only. Passed by position: lark's keyword path costs 40% more per token."""
    return _new_token(kind, value, start, None, None, None, None, end)


_new_token = getattr(Token, "_future_new", Token)
"""``Token(…)`` without the layer that checks for the deprecated ``type_`` keyword (lark 1.2, 1.3):
a fifth of a token's cost. Same arguments as ``Token``, which stands in if lark renames it."""


_RANKS = {name: rank for name, (_, rank) in TERMINALS.items()}


class HeadingLeveler:
    """Postlexer: ``_OPEN`` before each heading and ``_CLOSE`` after its section, by marker rank."""

    always_accept = (*TERMINALS, "RECOVERED")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        open_ranks: list[int] = []
        last_end = 0
        for token in stream:
            rank = _RANKS.get(token.type)
            if rank is None and token.type == "RECOVERED":
                rank = self._rank(token)
            if rank is not None:
                while open_ranks and open_ranks[-1] >= rank:
                    open_ranks.pop()
                    yield _token("_CLOSE", last_end, last_end)
                open_ranks.append(rank)
                yield _token("_OPEN", token.start_pos, token.start_pos)
            yield token
            last_end = token.end_pos or last_end
        for _ in open_ranks:
            yield _token("_CLOSE", last_end, last_end)

    def _rank(self, token: Token) -> int | None:
        if token.type == "RECOVERED":
            style = token.value.split(":", 1)[0]
            return TERMINALS[STYLE_TERMINAL[style]][1]
        spec = TERMINALS.get(token.type)
        return spec[1] if spec else None
