"""grammars/document.lark: its text, and every terminal compiled for matching.

The grammar is the readable spec of the numbers that organise a document (markers, numerals,
enumerators) and of how sections nest. The structure stage builds its LALR parser from the same
text (docparse/structure/lexer.py); the other stages match the terminals compiled here.
"""

from __future__ import annotations

import functools
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

from lark import Lark, Token
from lark.common import LexerConf
from lark.lexer import Lexer

GRAMMAR = "document.lark"


def grammar_text() -> str:
    """The text of grammars/document.lark.

    Installed, the grammars are the package ``docparse.grammars`` (pyproject maps the top-level
    grammars/ directory there). From a source checkout that is not installed (the checkout on
    ``sys.path``), that package does not exist: the file is read from grammars/ beside docparse/.
    """
    data = pkgutil.get_data("docparse.grammars", GRAMMAR)
    if data is None:
        return (Path(__file__).resolve().parent.parent / "grammars" / GRAMMAR).read_text(encoding="utf-8")
    return data.decode("utf-8")


class _NoLexer(Lexer):
    """A lexer for a grammar loaded only to read its terminals (lark's own would compile them all
    into one scanner, and check them for collisions, for nothing)."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]  # lark's simple interface
        raise RuntimeError("the grammar's terminals are matched by docparse's stages, never by this lexer")


@functools.cache
def terminals() -> dict[str, re.Pattern[str]]:
    """Every terminal of the grammar, compiled (the ``_``-prefixed parts they are made of too).

    A parser keeps only the terminals its rules use (the markers); the numerals, the clause stop and
    the enumerators are read by other stages, so the grammar is compiled here with all of them kept.
    """
    loaded = Lark(grammar_text(), parser="lalr", lexer=_NoLexer, source_path=f"grammars/{GRAMMAR}")
    defined, _, _ = loaded.grammar.compile(loaded.options.start, "*")
    return {t.name: re.compile(t.pattern.to_regexp()) for t in defined}


def terminal(name: str) -> re.Pattern[str]:
    """One terminal of the grammar, compiled (``terminal("CN_DUN")``)."""
    return terminals()[name]
