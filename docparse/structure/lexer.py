"""Body lines → the tokens of the block grammar: a marker and TITLE for a heading, TEXT for a paragraph.

:func:`match_markers` tries the marker terminals of grammars/document.lark at the start of each body
line; the line rules (rules.py) then demote or recover markers by context; :class:`BodyLexer` hands
the result to lark, and :class:`HeadingLeveler` (a postlexer modelled on ``lark.indenter.Indenter``)
wraps every heading in zero-width ``_OPEN`` / ``_CLOSE`` tokens by the rank of its marker.
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
from ..chrome import LEADING_MARKUP
from ..grammar import GRAMMAR, grammar_text
from ..ladder import MarkerStyle
from ..lines import Line

_QUANTITY_AFTER_DOT = re.compile(r"(?:[0-9]|年|月|日|万|亿|%)")
"""After ``2、`` or ``1.``: a date or a quantity (2、3月份, 1.5万), not a heading."""


@dataclass(slots=True)
class BodyLine:
    """A body line (or a virtual line cut out of run-on text) and the marker it starts with."""

    start: int
    end: int
    folded: str
    """Folded text of ``[start, end)``."""
    terminal: str | None = None
    """The marker's terminal (or ``RECOVERED`` / ``UNNUMBERED_PART``); ``None`` for a paragraph line."""
    marker_start: int = 0
    """Offset of the marker, after any markup or escapes a scraper left before it (0: the line's start)."""
    marker_end: int = 0
    """Offset after the marker and the spaces after it."""
    ordinal: int | None = None
    recovered_style: MarkerStyle | None = None
    """For a RECOVERED heading: the style of the siblings whose number it takes."""

    @property
    def squeezed(self) -> str:
        """The folded line without spaces: the form lines are compared in."""
        return self.folded.replace(" ", "")

    @property
    def rank(self) -> int | None:
        """The ladder rank of the line's marker (a recovered one takes its siblings' rank)."""
        if self.recovered_style:
            return ladder.BY_STYLE[self.recovered_style].rank
        return ladder.rank_of(self.terminal) if self.terminal else None

    def demote(self) -> None:
        """Make the line a paragraph line: its marker is not a heading's."""
        self.terminal = None
        self.ordinal = None

    def mark(self, terminal_name: str, ordinal: int | None, *, style: MarkerStyle | None = None) -> None:
        """Make the line a heading without a marker in the text (recovered or an unnumbered part)."""
        self.terminal = terminal_name
        self.ordinal = ordinal
        self.recovered_style = style
        self.marker_end = self.start + (len(self.folded) - len(self.folded.lstrip(" ")))


def body_lines(lines: list[Line]) -> list[BodyLine]:
    """The body lines with the marker each starts with, before the line rules look at the context."""
    body = [BodyLine(line.start, line.end, line.folded) for line in lines]
    for line in body:
        _match_marker(line)
    return body


def _match_marker(line: BodyLine) -> None:
    text = line.folded
    offset = len(text) - len(text.lstrip(" "))
    if text.startswith(("<", "&", "\\"), offset):  # markup or escapes before the marker hide no heading
        markup = LEADING_MARKUP.match(text, offset)
        if markup:
            offset = markup.end()
    match = ladder.marker_at(text, offset)
    if not match:
        return
    name = match.lastgroup or ""
    rest = text[match.end():].strip(" ")
    if name in ("CN_DUN", "ARABIC_DOT") and not rest:
        return  # a bare "1." or "一、" line is a list number, not a heading
    if name == "ARABIC_DOT" and _QUANTITY_AFTER_DOT.match(rest):
        return
    end = match.end()
    while end < len(text) and text[end] == " ":
        end += 1
    line.terminal = name
    line.ordinal = ladder.ordinal_of_marker(match.group())
    line.marker_start = line.start + match.start()
    line.marker_end = line.start + end


class BodyLexer(Lexer):
    """A lark lexer over the prepared body lines: MARKER TITLE? for a heading, TEXT for a paragraph.

    A RECOVERED token's value is ``style:ordinal`` (``cn_dun:5``): what the text does not say.
    """

    def __init__(self, lexer_conf: LexerConf) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lines: list[BodyLine]) -> Iterator[Token]:  # type: ignore[override]  # lark's simple interface
        for line in lines:
            lead = len(line.folded) - len(line.folded.lstrip(" "))
            start, end = line.start + lead, line.start + len(line.folded.rstrip(" "))
            if line.terminal:
                value = f"{line.recovered_style}:{line.ordinal}" if line.recovered_style else ""
                yield _token(line.terminal, value, max(start, line.marker_start), line.marker_end)
                if line.marker_end < end:
                    yield _token("TITLE", "", line.marker_end, end)
            else:
                yield _token("TEXT", "", start, end)


class HeadingLeveler:
    """Postlexer: ``_OPEN`` before each heading and ``_CLOSE`` after its section, by marker rank."""

    always_accept: tuple[str, ...] = ()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        open_ranks: list[int] = []
        last_end = 0
        for token in stream:
            rank = _rank(token)
            if rank is not None:
                while open_ranks and open_ranks[-1] >= rank:
                    open_ranks.pop()
                    yield _token("_CLOSE", "", last_end, last_end)
                open_ranks.append(rank)
                yield _token("_OPEN", "", token.start_pos, token.start_pos)
            yield token
            last_end = token.end_pos or last_end
        for _ in open_ranks:
            yield _token("_CLOSE", "", last_end, last_end)


def _token(kind: str, value: str, start: int | None, end: int | None) -> Token:
    """A token with offsets only (no line and column: spans are made from offsets later). The
    arguments by position, in ``Token``'s order: its keyword path checks for a deprecated name."""
    return Token(kind, value, start, None, None, None, None, end)


def _rank(token: Token) -> int | None:
    """The rank of a marker token; ``None`` for TITLE and TEXT."""
    if token.type == ladder.RECOVERED:
        style = token.value.split(":", 1)[0]
        return ladder.BY_STYLE[style].rank
    if token.type in ("TITLE", "TEXT"):
        return None
    return ladder.rank_of(token.type)


@functools.cache
def document_parser() -> Lark:
    """The LALR block parser of grammars/document.lark, fed by :class:`BodyLexer` and
    :class:`HeadingLeveler`."""
    return Lark(grammar_text(), parser="lalr", lexer=BodyLexer, postlex=HeadingLeveler(),
                propagate_positions=False, maybe_placeholders=False, source_path=f"grammars/{GRAMMAR}")
