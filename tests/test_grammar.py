"""The grammar: it builds as LALR with no conflicts or terminal collisions, its terminals say what
they mean, and the ladder table and the grammar agree."""

from __future__ import annotations

import pkgutil
import typing
from pathlib import Path

import pytest
from lark import Lark

from docparse import grammar, ladder
from docparse.body.enumerations import cut_paragraph
from docparse.grammar import terminal
from docparse.lines import split_lines
from docparse.normalize import fold
from docparse.spans import Locator
from docparse.structure import structure
from docparse.structure.lexer import document_parser


def test_document_grammar_is_strict() -> None:
    """strict=True fails on shift/reduce conflicts and on regex collisions between terminals."""
    Lark.open_from_package("docparse.grammars", "document.lark", parser="lalr", lexer="basic", strict=True)


def test_the_ladder_and_the_grammar_name_the_same_markers() -> None:
    marker_rule = {symbol.name for rule in document_parser().rules if rule.origin.name == "marker"
                   for symbol in rule.expansion}
    made_by_the_lexer = {ladder.RECOVERED, ladder.UNNUMBERED_PART}
    assert marker_rule == {rung.terminal for rung in ladder.LADDER} | made_by_the_lexer
    assert set(ladder.MATCH_ORDER) == {rung.terminal for rung in ladder.LADDER}
    assert max(r.rank for r in ladder.LADDER if r.law) < min(r.rank for r in ladder.LADDER if not r.law)
    assert [rung.style for rung in ladder.LADDER] == list(typing.get_args(ladder.MarkerStyle))
    assert {name.removeprefix("ENUM_").lower() for name in ladder.ENUMERATORS} == set(
        typing.get_args(ladder.EnumStyle))


def test_the_grammar_is_read_from_a_checkout_that_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the package ``docparse.grammars`` (a checkout on ``sys.path``), the grammar is read
    from grammars/ beside docparse/: the same text, where lark would build from an empty grammar."""
    installed = grammar.grammar_text()
    monkeypatch.setattr(pkgutil, "get_data", lambda package, resource: None)
    assert grammar.grammar_text() == installed == (
        Path(__file__).parent.parent / "grammars" / "document.lark").read_text(encoding="utf-8")


def test_sections_nest_by_the_rank_of_their_markers() -> None:
    text = "一、总体情况\n（一）基本情况\n1.组织领导\n开展培训12次。\n（二）主要做法\n二、存在问题\n"
    folded = fold(text)
    found = structure(split_lines(text, folded), text, folded, Locator(text), max_depth=12)
    sections = found.outline.sections
    assert [(s.path, [c.path for c in s.children]) for s in sections] == [
        ("一", ["一/（一）", "一/（二）"]), ("二", [])]
    assert [c.path for c in sections[0].children[0].children] == ["一/（一）/1"]


@pytest.mark.parametrize(("name", "accepted", "rejected"), [
    ("CN_DUN", ["一、", "十一、", "二十三、", "一.", "一．"], ["一是", "一,", "1、", "一.5"]),
    ("CN_PAREN", ["(一)", "（一）", "(十二)", "(一)、", "㈠", "〈一〉"], ["(1)", "一)", "〈1〉", "〈一"]),
    ("ARABIC_DOT", ["1.", "1．", "12、", "⒈"], ["1.5", "3.15", "11.5.14.2", "2022年", "1。"]),
    ("ARABIC_PAREN", ["(1)", "（12）", "⑴"], ["(一)", "(2021-2025年)"]),
    ("ARABIC_HALF_PAREN", ["1)", "12）"], ["2.5)", "1)2"]),
    ("CIRCLED", ["①", "⑳"], ["1"]),
    ("ARTICLE", ["第一条", "第一百零一条", "第101条"], ["第一条的", "第十条,", "第一条、"]),
    ("CHAPTER", ["第一章", "第十二章"], ["第一章的规定"]),
    ("PART", ["第一编", "第二部分"], ["第一部分的"]),
])
def test_marker_terminals(name: str, accepted: list[str], rejected: list[str]) -> None:
    pattern = terminal(name)
    for text in accepted:
        assert pattern.fullmatch(fold(text)), f"{name} should match {text}"
    for text in rejected:
        assert pattern.match(fold(text)) is None, f"{name} should not match {text}"


@pytest.mark.parametrize(("text", "markers"), [
    ("一是加强学习。二是健全制度。", ["一是", "二是"]),
    ("主要有:一是统一思想;二是完善制度。", ["一是", "二是"]),
    ("统一是基础,这一是关键。", []),
    ("第一,坚持学习。第二,狠抓落实。", ["第一,", "第二,"]),
    ("落实第一责任人职责。", []),
    ("一要加强领导。二要压实责任。", ["一要", "二要"]),
    ("一是否到位。", []),
    ("一要求到位。", []),
    ("其一,加强领导;其二,压实责任。", ["其一,", "其二,"]),
    ("一是加强学习。三是指导到位。", ["一是"]),
])
def test_enumerators_start_clauses(text: str, markers: list[str]) -> None:
    cut = cut_paragraph(text, 0, len(text))
    assert [text[item.start:item.marker_end] for item in cut.items] == markers


def test_the_parser_is_built_once() -> None:
    assert document_parser() is document_parser()
