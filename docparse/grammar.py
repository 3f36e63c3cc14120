"""grammars/document.lark, loaded once: the block parser, and every terminal compiled for matching."""

from __future__ import annotations

import functools
import pkgutil
import re
from pathlib import Path

from lark import Lark

GRAMMAR = "document.lark"


def grammar_text(name: str = GRAMMAR) -> str:
    """The text of ``grammars/<name>``.

    Installed, the grammars are the package ``docparse.grammars`` (pyproject maps the top-level
    grammars/ directory there). From a source checkout that is not installed (the checkout on
    ``sys.path``), that package does not exist: the file is read from grammars/ beside docparse/.
    """
    data = pkgutil.get_data("docparse.grammars", name)
    if data is None:
        return (Path(__file__).resolve().parent.parent / "grammars" / name).read_text(encoding="utf-8")
    return data.decode("utf-8")


@functools.cache
def document_parser() -> Lark:
    """The LALR block parser, fed line tokens by the structure stage's lexer and postlexer."""
    from .structure.lexer import BodyLexer, HeadingLeveler

    return Lark(grammar_text(), parser="lalr", lexer=BodyLexer, postlex=HeadingLeveler(),
                propagate_positions=False, maybe_placeholders=False, source_path=f"grammars/{GRAMMAR}")


@functools.cache
def terminals() -> dict[str, re.Pattern[str]]:
    """Every terminal of the grammar, compiled (the ``_``-prefixed parts they are made of too).

    The block parser keeps only the terminals its rules use (the markers); the numerals, the clause
    stop and the enumerators are read by other stages, so the grammar is compiled once more with all
    of them kept.
    """
    parser = document_parser()
    defined, _, _ = parser.grammar.compile(parser.options.start, "*")
    return {t.name: re.compile(t.pattern.to_regexp()) for t in defined}


def terminal(name: str) -> re.Pattern[str]:
    """One terminal of the grammar, compiled (``terminal("CN_DUN")``)."""
    return terminals()[name]
