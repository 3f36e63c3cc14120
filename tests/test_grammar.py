"""The grammars: they build as LALR with no conflicts or terminal collisions, and say what they mean."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest
from lark import Lark

from docparse import grammar
from docparse.grammar import document_parser, enumerator_pattern, inline_parser, marker_patterns
from docparse.lexer import prepare
from docparse.lines import split_lines

SAMPLE = "一、总体情况\n开展培训12次。\n二、存在问题\n"


def test_document_grammar_is_strict() -> None:
    """strict=True fails on shift/reduce conflicts and on regex collisions between terminals."""
    Lark.open_from_package("docparse.grammars", "document.lark", parser="lalr", lexer="basic", strict=True)


def test_inline_grammar_builds_as_lalr() -> None:
    """inline.lark's terminals use lookbehind, which interegular (strict's collision check) cannot
    compare; the enumerators are kept apart by their distinct characters (是 要 第 其) instead."""
    parser = inline_parser()
    assert parser.options.parser == "lalr"
    assert {t.name for t in parser.terminals} >= {"ENUM_SHI", "ENUM_YAO", "ENUM_DI", "ENUM_QI"}


def test_rule_names_are_plain_strings() -> None:
    """The parse table is looked up by rule name after every reduction: with a ``str`` name that
    lookup runs no Python code (see grammar._plain_rule_names), and the tree is the same."""
    parser = document_parser()
    assert {type(rule.origin.name) for rule in parser.rules} == {str}
    tree = parser.parse(prepare(split_lines(SAMPLE, SAMPLE), marker_patterns()))
    assert [child.data for child in tree.children] == ["section", "section"]
    assert tree.children[0].children[1].data == "paragraph"


def test_built_rules_hash_by_identity() -> None:
    """Every rule the LALR loop reduces by is a ``_BuiltRule`` (hashed and compared in C) and has
    its tree-building callback under its new hash."""
    parser = document_parser()
    loop = parser.parser.parser.parser
    reduced = [arg for actions in loop.parse_table.states.values() for action, arg in actions.values()
               if action.name == "Reduce"]
    assert reduced and all(type(rule).__name__ == "_BuiltRule" and rule in loop.callbacks for rule in reduced)
    assert {type(rule).__name__ for rule in parser.rules} == {"_BuiltRule"}


def test_grammars_read_from_a_checkout_that_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the package ``docparse.grammars`` (a checkout on ``sys.path``), the grammars are read
    from grammars/ beside docparse/: the same text, where lark would build from an empty grammar."""
    installed = grammar.grammar_text("document.lark")
    monkeypatch.setattr(pkgutil, "get_data", lambda package, resource: None)
    assert grammar.grammar_text("document.lark") == installed
    assert grammar.grammar_text("inline.lark") == (Path(__file__).parent.parent / "grammars" / "inline.lark"
                                                  ).read_text(encoding="utf-8")


def test_parsers_are_built_once() -> None:
    assert document_parser() is document_parser()
    assert inline_parser() is inline_parser()


@pytest.mark.parametrize(("terminal", "accepted", "rejected"), [
    ("CN_DUN", ["一、", "十一、", "二十三、", "一.", "一．"], ["一是", "一,", "1、"]),
    ("CN_PAREN", ["(一)", "（一）", "(十二)", "(一)、", "㈠"], ["(1)", "一)"]),
    ("ARABIC_DOT", ["1.", "1．", "12、", "⒈"], ["1.5", "3.15", "11.5.14.2"]),
    ("ARABIC_PAREN", ["(1)", "（12）", "⑴"], ["(一)", "(2021-2025年)"]),
    ("ARABIC_HALF_PAREN", ["1)", "12）"], ["2.5)"]),
    ("CIRCLED", ["①", "⑳"], ["1"]),
    ("ARTICLE", ["第一条", "第一百零一条", "第101条"], ["第一条的", "第十条,"]),
    ("CHAPTER", ["第一章", "第十二章"], ["第一章的规定"]),
])
def test_marker_terminals(terminal: str, accepted: list[str], rejected: list[str]) -> None:
    from docparse.normalize import fold

    pattern = marker_patterns()[terminal]
    for text in accepted:
        assert pattern.match(fold(text)), f"{terminal} should match {text}"
    for text in rejected:
        assert not pattern.match(fold(text)), f"{terminal} should not match {text}"


@pytest.mark.parametrize(("text", "markers"), [
    ("一是加强学习。二是健全制度。", ["一是", "二是"]),
    ("主要有:一是统一思想;二是完善制度。", ["一是", "二是"]),
    ("统一是基础,这一是关键。", []),
    ("第一,坚持学习。第二,狠抓落实。", ["第一,", "第二,"]),
    ("落实第一责任人职责。", []),
    ("一要加强领导。二要压实责任。", ["一要", "二要"]),
])
def test_enumerator_terminals(text: str, markers: list[str]) -> None:
    found = [m.group().strip() for m in enumerator_pattern().finditer(text)]
    assert found == markers
