"""Body lines → the tokens of the block grammar: a marker and TITLE for a heading, TEXT for a paragraph.

:func:`match_markers` tries the marker terminals of grammars/document.lark at the start of each body
line; the line rules (rules.py) then demote or recover markers by context; :class:`BodyLexer` hands
the result to lark, and :class:`HeadingLeveler` (a postlexer modelled on ``lark.indenter.Indenter``)
closes every section with a zero-width ``_CLOSE`` token by the rank of its heading's marker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Lark, Token
from lark.common import LexerConf
from lark.lexer import Lexer

from .. import ladder
from ..chrome import SCRAPER_ESCAPE
from ..grammar import GRAMMAR, grammar_text
from ..ladder import MarkerStyle
from ..lines import Line
from ..normalize import CJK_CHARS

_TAG = r"<[a-zA-Z/][^<>\n]{0,80}>"
_EMPHASIS = r"\*{1,3}|_{2,3}"
_LEADING_MARKUP = re.compile(
    rf"(?:{_TAG}|{SCRAPER_ESCAPE}|#{{1,6}}(?= )|{_EMPHASIS}|>(?= ))"
    rf"(?:[ ]*(?:{_TAG}|{SCRAPER_ESCAPE}|{_EMPHASIS}))*[ ]*")
"""Markup or escapes before a marker, left by a scraper or written in Markdown (``<p>一、…</p>``,
``&#160;一、``, ``## 一、…``, ``**第五条**``): they hide no heading, and are no part of it."""
_TRAILING_EMPHASIS = re.compile(_EMPHASIS)
"""Markdown emphasis closed right after a marker (``**第五条**　…``): part of the marker's gap."""
_QUANTITY_AFTER_DOT = re.compile(r"[0-9万亿%]|(?!日常|年度|月度)[年月日]")
"""After ``2、`` or ``1.``: what reads as a date or a quantity (2、3月份, 1.5万, 3.15日, 1.5年内).

年, 月 and 日 are units only where they end the figure: in 日常, 年度 and 月度 they open the word a
heading's title starts with (``3.1日常监测``, ``1.2 年度评估``, ``1.日常巡查``)."""
_TITLE_START = re.compile(rf"[{CJK_CHARS}《“Ⅰ-ⅿ]|[IVX]{{1,4}}级")
"""How a heading's title starts after a decimal number (``3.1.1《嘉定工业区…》明确…``), also with a
response level in Roman numerals (``6.3.1 Ⅳ级响应``, ``4.2 IV级响应``)."""


@dataclass(slots=True)
class BodyLine:
    """A body line (or a virtual line cut out of run-on text) and the marker it starts with."""

    start: int
    end: int
    folded: str
    """Folded text of ``[start, end)``."""
    squeezed: str
    """The folded line without spaces: the form lines are compared in."""
    terminal: str | None = None
    """The marker's terminal (or ``RECOVERED`` / ``UNNUMBERED_PART``); ``None`` for a paragraph line."""
    marker_start: int = 0
    """Offset of the marker (after any markup or escapes before it: ``## ``, ``**``, ``<p>``, ``&#160;``)."""
    marker_end: int = 0
    """Offset after the marker and the spaces after it."""
    marker: str = ""
    """The marker as matched (folded): a decimal number's parts give its rank."""
    ordinal: int | None = None
    recovered_style: MarkerStyle | None = None
    """For a RECOVERED heading: the style of the siblings whose number it takes."""
    tentative: bool = False
    """A ``1.`` before what reads as a quantity (``5.万元GDP能耗``): kept only where it continues
    the numbering (line rule ``confirm_tentative_numbers``)."""
    markdown_depth: int = 0
    """The number of ``#`` of a Markdown heading line (``## 报送内容`` → 2); 0 for any other line."""
    part_nesting: tuple[int, int] = (ladder.BY_STYLE["part"].rank, 0)
    """For an UNNUMBERED_PART heading: where it nests (:func:`docparse.ladder.nesting`); a part by
    default, a Markdown heading at the depth its ``#`` give it."""


    @property
    def rank(self) -> int | None:
        """The ladder rank of the line's marker (a recovered one takes its siblings' rank)."""
        if self.recovered_style:
            return ladder.BY_STYLE[self.recovered_style].rank
        if self.terminal == ladder.UNNUMBERED_PART:
            return self.part_nesting[0]
        return ladder.rank_of(self.terminal, self.marker) if self.terminal else None

    def demote(self) -> None:
        """Make the line a paragraph line: its marker is not a heading's."""
        self.terminal = None
        self.marker = ""
        self.ordinal = None

    def mark(self, terminal_name: str, ordinal: int | None, *, style: MarkerStyle | None = None) -> None:
        """Make the line a heading without a marker in the text (recovered or an unnumbered part)."""
        self.terminal = terminal_name
        self.marker = ""
        self.ordinal = ordinal
        self.recovered_style = style
        self.marker_start = self.marker_end = self.start + _markup_end(self.folded, _indentation(self.folded))


def body_lines(lines: list[Line]) -> list[BodyLine]:
    """The body lines with the marker each starts with, before the line rules look at the context."""
    body = [BodyLine(line.start, line.end, line.folded, line.folded.replace(" ", "")) for line in lines]
    for line in body:
        _match_marker(line)
    _read_dots_over_decimals(body)
    return body


_TOP_DECIMAL = re.compile(r"[0-9]{1,2}[.、]")
"""``1.`` or ``1、`` written as the top level of a decimal numbering (``1.总则`` or ``1、总则`` over
``1.1 编制目的``)."""


def _read_dots_over_decimals(body: list[BodyLine]) -> None:
    """``1.总则`` / ``1.1 编制目的`` … ``2.组织体系`` / ``2.1 …`` (also ``1、总则``): where decimal
    numbers N.M follow a heading ``N.``, that ``N.`` is the top level of the decimal numbering (rank 1
    → 1.1 → 1.1.1), not a list number under its own subsections.

    A ``N.`` is such a heading when the next number after it is its first subsection ``N.1`` (or
    ``N.2``, one lost), or when it carries the top numbering on (``4.信息报告`` between ``3.4`` and
    ``5.``) where no list of its own style leads up to it (``3.`` … ``4.`` items under ``3.2 预警``).
    """
    numbered = [line for line in body if line.terminal in ("ARABIC_DOT", "DECIMAL")]
    top = 0
    """The number of the decimal section the lines so far stand in."""
    previous_dot: BodyLine | None = None
    """The last ``N.`` seen, whichever way it was read."""
    for index, line in enumerate(numbered):
        if line.terminal == "DECIMAL":
            top = ladder.decimal_parts(line.marker)[0]
            continue
        if not _TOP_DECIMAL.fullmatch(line.marker) or line.ordinal is None:
            continue
        number = line.ordinal
        following = numbered[index + 1] if index + 1 < len(numbered) else None
        opens = (following is not None and following.terminal == "DECIMAL"
                 and ladder.decimal_parts(following.marker)[:1] == (number,)
                 and len(ladder.decimal_parts(following.marker)) == 2)
        in_list = (previous_dot is not None and previous_dot.terminal == "ARABIC_DOT"
                   and previous_dot.ordinal == number - 1)
        continues = top > 0 and number == top + 1 and not in_list
        if opens or continues:
            line.terminal = "DECIMAL"
            line.tentative = False
            top = number
        previous_dot = line


def _markup_end(text: str, offset: int) -> int:
    """Where a line's text starts after its indentation (up to ``offset``) and any markup."""
    if text.startswith(("<", "&", "\\", "#", "*", "_", ">"), offset):
        markup = _LEADING_MARKUP.match(text, offset)
        if markup:
            return markup.end()
    return offset


def _indentation(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _markdown_depth(text: str, indent: int) -> int:
    """The number of ``#`` that open a Markdown heading line (``## 报送内容`` → 2), else 0."""
    hashes = 0
    while text.startswith("#", indent + hashes):
        hashes += 1
    return hashes if 1 <= hashes <= 6 and text.startswith(" ", indent + hashes) else 0


def _match_marker(line: BodyLine) -> None:
    text = line.folded
    indent = _indentation(text)
    offset = _markup_end(text, indent)
    if offset > indent:
        line.markdown_depth = _markdown_depth(text, indent)
    match = ladder.marker_at(text, offset) or ladder.tentative_marker_at(text, offset)
    if not match:
        return
    name = match.lastgroup or ""
    rest = match.end()  # where the text after the marker starts
    while text.startswith(" ", rest):
        rest += 1
    if name in ("CN_DUN", "ARABIC_DOT") and rest == len(text):
        return  # a bare "1." or "一、" line is a list number, not a heading
    quantity = _QUANTITY_AFTER_DOT.match(text, rest)
    if name == "ARABIC_DOT" and (quantity or match.re is ladder.TENTATIVE_ARABIC_DOT):
        line.tentative = True  # 5.万元GDP能耗…, 8.2025年目标任务: a heading if the numbering expects it
    if name == "DECIMAL" and not (_TITLE_START.match(text, rest) and not quantity):
        return  # a decimal number is a heading's only before its title: not 2.5亿元, 12月, 3 2
    if match.group().startswith("0") and not (name == "DECIMAL" and len(match.group()) == 2):
        return  # 01. 预防保健科: a catalogue code, not a list number (a bare 01综合 may count on)
    end = match.end()
    emphasis = _TRAILING_EMPHASIS.match(text, end)
    if emphasis:
        end = emphasis.end()
    while end < len(text) and text[end] in " \n":  # a title may stand on the next line
        end += 1
    line.terminal = name
    line.marker_start = line.start + match.start()
    line.marker = match.group()
    line.ordinal = ladder.ordinal_of_marker(line.marker)
    line.marker_end = line.start + end


class BodyLexer(Lexer):
    """A lark lexer over the prepared body lines: MARKER TITLE? for a heading, TEXT for a paragraph.

    A marker token's value is the marker as matched; a RECOVERED token's is ``style:ordinal``
    (``cn_dun:5``), an UNNUMBERED_PART's where it nests (``0,0``): what the text does not say.
    """

    def __init__(self, lexer_conf: LexerConf) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lines: list[BodyLine]) -> Iterator[Token]:  # type: ignore[override]  # lark's simple interface
        for line in lines:
            lead = len(line.folded) - len(line.folded.lstrip(" "))
            start, end = line.start + lead, line.start + len(line.folded.rstrip(" "))
            if line.terminal:
                value = _token_value(line)
                yield _token(line.terminal, value, line.marker_start, line.marker_end)
                if line.marker_end < end:
                    yield _token("TITLE", "", line.marker_end, end)
            else:
                yield _token("TEXT", "", start, end)


class HeadingLeveler:
    """Postlexer: ``_CLOSE`` after each section, before the next heading of the same or a higher
    rank (or at the end); a section opens at its heading's marker token."""

    always_accept: tuple[str, ...] = ()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        open_ranks: list[tuple[int, int]] = []
        last_end = 0
        for token in stream:
            rank = _rank(token)
            if rank is not None:
                while open_ranks and open_ranks[-1] >= rank:
                    open_ranks.pop()
                    yield _token("_CLOSE", "", last_end, last_end)
                open_ranks.append(rank)
            yield token
            last_end = token.end_pos or last_end
        for _ in open_ranks:
            yield _token("_CLOSE", "", last_end, last_end)


def _token_value(line: BodyLine) -> str:
    if line.recovered_style:
        return f"{line.recovered_style}:{line.ordinal}"
    if line.terminal == ladder.UNNUMBERED_PART:
        return "{},{}".format(*line.part_nesting)
    return line.marker


def _token(kind: str, value: str, start: int | None, end: int | None) -> Token:
    """A token with offsets only (no line and column: spans are made from offsets later). The
    arguments by position, in ``Token``'s order: its keyword path checks for a deprecated name."""
    return Token(kind, value, start, None, None, None, None, end)


def _rank(token: Token) -> tuple[int, int] | None:
    """Where a marker token nests (:func:`docparse.ladder.nesting`); ``None`` for TITLE and TEXT."""
    if token.type == ladder.RECOVERED:
        style = token.value.split(":", 1)[0]
        return ladder.BY_STYLE[style].rank, 0
    if token.type in ("TITLE", "TEXT"):
        return None
    if token.type == ladder.UNNUMBERED_PART:
        rank, sub_rank = token.value.split(",")
        return int(rank), int(sub_rank)
    return ladder.nesting(token.type, token.value)


@functools.cache
def document_parser() -> Lark:
    """The LALR block parser of grammars/document.lark, fed by :class:`BodyLexer` and
    :class:`HeadingLeveler`."""
    return Lark(grammar_text(), parser="lalr", lexer=BodyLexer, postlex=HeadingLeveler(),
                propagate_positions=False, maybe_placeholders=False, source_path=f"grammars/{GRAMMAR}")
