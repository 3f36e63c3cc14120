"""The lark parsers, built once and lazily from the grammars shipped in ``docparse.grammars``."""

from __future__ import annotations

import functools
import pkgutil
import re
from pathlib import Path

from lark import Lark
from lark.grammar import Rule

from .lexer import BodyLexer, HeadingLeveler


def grammar_text(name: str) -> str:
    """The text of ``grammars/<name>``.

    Installed, the grammars are the package ``docparse.grammars`` (pyproject maps the top-level
    grammars/ directory there). Run from a source checkout that is not installed (the checkout on
    ``sys.path``), that package does not exist: the grammars are then read from grammars/ beside
    docparse/, instead of lark building a parser from no grammar at all.
    """
    data = pkgutil.get_data("docparse.grammars", name)
    if data is None:
        return (Path(__file__).resolve().parent.parent / "grammars" / name).read_text(encoding="utf-8")
    return data.decode("utf-8")


@functools.cache
def document_parser() -> Lark:
    """The LALR block parser of grammars/document.lark, fed by :class:`BodyLexer`."""
    parser = Lark(
        grammar_text("document.lark"), parser="lalr", lexer=BodyLexer, postlex=HeadingLeveler(),
        propagate_positions=False, maybe_placeholders=False, source_path="grammars/document.lark",
    )
    _plain_rule_names(parser)
    _identity_rules(parser)
    return parser


def _plain_rule_names(parser: Lark) -> None:
    """Make the name of every rule a plain ``str``.

    lark names the grammar's own rules with :class:`lark.Token` objects, and after each reduction
    looks the rule's name up in the parse table, whose keys are ``str``: the lookup then runs
    ``Token.__eq__``, a Python function, once per reduction (a tenth of the parse). A ``str`` of the
    same text hashes and compares the same, so nothing else changes (trees are built by callbacks
    made before this).
    """
    for rule in parser.rules:
        rule.origin.name = str(rule.origin.name)


class _BuiltRule(Rule):
    """A rule of a built parser: hashed and compared by identity, in C.

    At every reduction lark's LALR loop hashes the rule (to find its tree-building callback) and
    compares it with the end state (an ``assert``): :class:`lark.grammar.Rule` does both in Python,
    by value (its origin and expansion): Python calls at every reduction, 0.7 M of the 114 M
    instructions of a full parse of the samples. Once the parse table is built, each rule is one
    object, so identity is the same test.
    """

    __slots__ = ()
    __hash__ = object.__hash__
    __eq__ = object.__eq__


def _identity_rules(parser: Lark) -> None:
    """Make the rules of the built parser :class:`_BuiltRule` (same layout: only the class changes)
    and rebuild the callback table, whose keys they are, under the new hashes."""
    callbacks = parser.parser.parser.parser.callbacks  # the LALR loop's table (also Lark._callbacks)
    entries = list(callbacks.items())
    for rule in parser.rules:
        rule.__class__ = _BuiltRule
    callbacks.clear()
    callbacks.update(entries)


@functools.cache
def marker_patterns() -> dict[str, re.Pattern[str]]:
    """The marker terminals of document.lark, compiled for matching at a line start."""
    return _compile_terminals(document_parser())


@functools.cache
def inline_parser() -> Lark:
    """The LALR parser of grammars/inline.lark (a paragraph → introduction and items)."""
    return Lark(
        grammar_text("inline.lark"), parser="lalr", lexer=_ReplayLexer, start="paragraph",
        propagate_positions=False, maybe_placeholders=False, source_path="grammars/inline.lark",
    )


@functools.cache
def enumerator_pattern() -> re.Pattern[str]:
    """One alternation of the ENUM_* terminals of inline.lark, with a named group per terminal."""
    terminals = [t for t in inline_parser().terminals if t.name.startswith("ENUM_")]
    return re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))


_CLAUSE_START = re.compile(r"\(\?:\(\?<=\^\)\|\(\?<=(\[[^\]]+\])\)\)")
"""The ``(?:(?<=^)|(?<=[。;:!?]))`` prefix every ENUM_* terminal of inline.lark starts with."""


@functools.cache
def enumerator_stops() -> re.Pattern[str] | None:
    """The clause stops after which an enumerator starts, read from the ENUM_* terminals.

    An enumerator matches only at the paragraph start or right after one of these characters, so
    :func:`docparse.inline.cut_paragraph` tries the pattern at the offsets this finds instead of
    scanning every character (the scan was a sixth of the inline stage). The pattern is the stop
    character followed (lookahead) by the rest of any ENUM_* terminal: the regex engine skips the
    stops that open no item (most of them) without a call per stop. ``None`` when a terminal does
    not start with the shared prefix: the caller then scans everywhere.
    """
    classes = set()
    rests = []
    for terminal in inline_parser().terminals:
        if terminal.name.startswith("ENUM_"):
            regexp = terminal.pattern.to_regexp()
            found = _CLAUSE_START.match(regexp)
            if found is None:
                return None
            classes.add(found.group(1))
            rests.append(f"(?:{regexp[found.end():]})")
    return re.compile(f"{classes.pop()}(?={'|'.join(rests)})") if len(classes) == 1 else None


def _compile_terminals(parser: Lark) -> dict[str, re.Pattern[str]]:
    return {t.name: re.compile(t.pattern.to_regexp()) for t in parser.terminals
            if t.pattern.type == "re"}


class _ReplayLexer(BodyLexer):
    """Replays a prepared token list (inline.py cuts the paragraph itself)."""

    def lex(self, lexer_state, parser_state):  # type: ignore[no-untyped-def]
        return iter(lexer_state.text)
