"""Plain text in any common encoding (and the fallback reader: what no other reader claims)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace

from ..decode import Decoded, decode
from ..errors import DocparseError
from ..normalize import CJK_CHARS
from .base import Anchor, Reading, TableRegion
from .html import HtmlReader, is_fragment


class TextReader:
    """Decodes text (BOM, UTF-8, then detection; GB18030, Big5, UTF-16 …); the pinyin a mirror site
    annotated its characters with (``發(fā)展``) is no text (:func:`pinyin_annotations`)."""

    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".text", "")

    def sniff(self, data: bytes) -> bool:
        """Plain text has no signature: it is what the other readers leave."""
        return False

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        """The decoded text; a page's markup that a crawler exported as text (:func:`is_fragment`)
        is read as the page."""
        decoded = decode(data, encoding=encoding, path=path)
        if is_fragment(decoded.text):
            return HtmlReader().render(decoded, path=path, fragment=True)
        text, anchors = pinyin_annotations(decoded.text)
        return Reading(text, self.name, decoded.encoding, decoded.confidence, decoded.bom,
                       decoded.replaced, decoded.misread_as, anchors=anchors)


class MarkdownReader(TextReader):
    """Markdown, from converters and repositories: decoded as text; its decoration (``#``, ``**``,
    front matter) is read by the later stages, as it is inside a .txt file. Its pipe tables are
    tables of the text (their rows never headings, the table a Table node), and so are the HTML
    tables a PDF converter writes into it (MinerU, marker: ``<table><tr><td>…</td></tr></table>``,
    read as a web page's table is: a line per row, its cells separated by a tab). A number a PDF
    converter wrote as inline LaTeX (MinerU: ``增长$3 . 9 \\%$``) reads as the number (``3.9%``);
    the source map then names the line and column of the file each stretch of the text is from."""

    name: str = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown")

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        decoded = decode(data, encoding=encoding, path=path)
        text, anchors = inline_markup(decoded.text)
        text, anchors, tables = html_tables(text, anchors)
        tables.extend(pipe_tables(text))
        return Reading(text, self.name, decoded.encoding, decoded.confidence, decoded.bom,
                       decoded.replaced, decoded.misread_as, anchors=anchors,
                       tables=tuple(sorted(tables, key=lambda table: table.start)))


_DIGITS = r"\d(?: *\d)*"
_GROUPS = rf"{_DIGITS}(?: *(?:,|\{{ *, *\}}) *{_DIGITS})*"
_MATH_NUMBER = re.compile(rf"(?<![$\\])\$ *([+\-−]?) *({_GROUPS}(?: *\. *{_DIGITS})?) *(\\?%)? *\$(?!\$)")
"""Inline math that is only a number (``$1 0 0$``, ``$3 . 9 \\%$``, ``$- 0 . 5 \\%$``, ``$1 { , } 2 0 0$``):
a converter's LaTeX for a figure of the text, its digits spaced out."""
_NUMBER_SPACING = re.compile(r" |\{|\}")
_EMPTY_ANCHOR = re.compile(
    r"""<(span|a)\s+(?:id|name)\s*=\s*(?:"[^"<>]{0,100}"|'[^'<>]{0,100}')\s*>\s*</\1\s*>""", re.IGNORECASE)
"""An element that only marks a place to link to, with nothing in it (marker's ``<span id="page-3-1"></span>``
before a heading or a paragraph, Word's ``<a name="_Toc503453679"></a>``)."""
_ESCAPE = re.compile(r"\\([!\"#%&'()*+,\-./:;<=>?@\[\\\]^_`{}~])")
"""A backslash escape of ASCII punctuation, as converters write them (pandoc, markitdown: ``1\\.基本情况``,
``卫医发\\[2006\\]94号``, ``带\\*为约束性指标``): the character. (``\\$`` stays: it keeps a literal dollar
from opening math; so does ``\\|``, a pipe inside a table's cell.)"""
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")
"""Inline code, where a backslash is a backslash."""
_CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""A line break inside a cell of a pipe table (GitHub's way, as markitdown and pandoc write a cell of
several paragraphs): a space, as the web page reader joins the lines of a cell."""
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\s]{1,1000}(?:\s+\"[^\"\n]{0,300}\")?\)")
"""An image (MinerU's ``![](images/3f2a….jpg)``, marker's ``![](_page_1_Picture_2.jpeg)``)."""
_INTERNAL_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,300}\]\(#[^()\s]{0,200}\)){1,300})\]\(#[^()\s]{0,200}\)")
"""A link to a place in the document itself (a table of contents a converter writes: pandoc's
``[一、规划背景 [1](#_Toc81234501)](#_Toc81234501)``, ``[二、总体要求 3](#二总体要求)``): its text, as a
reader sees it (the page number a link of its own inside it)."""
_CONTAINER_MARKUP = re.compile(
    r"[ \t]{0,3}(?::{3,}(?:[ \t]*[^\s:][^\n]*)?|>[ \t]*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]"
    r"|\[\[toc\]\]|@tab(?::active)?(?:[ \t][^\n]*)?)[ \t]*", re.IGNORECASE)
"""A line of a static-site generator's markup around the text, which no reader sees as text: the
fences of a container (VuePress, VitePress: ``::: tip 修订信息`` … ``:::``, the type and caption of a
box), the tabs of one (``@tab 条例``), a GitHub alert's type (``> [!NOTE]``), the place of a table of
contents (``[[toc]]``). What the container holds is text, where it stands."""
_CONTAINER_START = ":>[@"
"""The characters such a line starts with (after its indent)."""
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""An HTML character reference, which Markdown reads as its character (``&emsp;``, ``&nbsp;``, ``&#12288;``,
``&lt;``), as converters and static-site sources write indents and spaces (VuePress: ``第一章&emsp;总则``)."""


def inline_markup(text: str) -> tuple[str, tuple[Anchor, ...]]:
    """``text`` with a converter's inline markup written as a reader sees it: each inline math
    number as the number, an image as its alternative text (mostly none), an empty link target
    as nothing; and the source map of the result: for each line, the stretches before, inside
    and after what was rewritten, each named by the file's line (``line[12]``) and the column it
    starts at there. No map (and ``text`` itself) when there is nothing to rewrite; fenced code
    is left as written."""
    if not any(mark in text for mark in ("$", "<", "![", "\\", "&", ":::", "[!", "[[toc]]", "@tab", "](#")):
        return text, ()
    lines = text.split("\n")
    code_lines = _code_lines(lines)
    table_lines = (_html_table_lines(lines, code_lines) if "<table" in text or "<TABLE" in text
                   else [False] * len(lines))
    return _rewritten(lines, [[] if code else _rewrites(line, references=not table)
                              for line, code, table in zip(lines, code_lines, table_lines, strict=True)])


def _rewritten(lines: list[str], rewrites: list[list[tuple[re.Match[str], str]]]
               ) -> tuple[str, tuple[Anchor, ...]]:
    """The text of ``lines`` with each line's ``rewrites`` (matches in line order, and what each
    is read as) made, and its source map (:func:`inline_markup`); the text itself and no map when
    there is no rewrite."""
    if not any(rewrites):
        return "\n".join(lines), ()
    parts: list[str] = []
    anchors: list[Anchor] = []
    position = 0
    for number, (line, found) in enumerate(zip(lines, rewrites, strict=True), start=1):
        where = f"line[{number}]"
        column = 0
        for match, written in found:
            if match.start() > column:
                anchors.append(Anchor(position, position + match.start() - column, where, column))
                parts.append(line[column:match.start()])
                position += match.start() - column
            if written:
                anchors.append(Anchor(position, position + len(written), where, match.start()))
                parts.append(written)
                position += len(written)
            column = match.end()
        if len(line) > column:
            anchors.append(Anchor(position, position + len(line) - column, where, column))
            parts.append(line[column:])
            position += len(line) - column
        parts.append("\n")
        position += 1
    return "".join(parts)[:-1], tuple(anchors)


_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_ANNOTATION = re.compile(rf"(?<=[{CJK_CHARS}])\([a-zü]{{0,4}}[{_TONED_VOWELS}][a-zü]{{0,3}}\)")
"""A syllable of pinyin with its tone mark in brackets right after a Chinese character: the reading
of that character, as mirror sites annotate the traditional-script texts they copy (``發(fā)展``,
``增長(zhǎng)``, ``萬(wàn)人``)."""
_PINYIN_ANNOTATIONS_MIN = 3
"""A text annotates its characters so at least this often: one annotation alone is a writer's note
on the reading of a rare name (``东莞(guǎn)``), and stays."""


def pinyin_annotations(text: str) -> tuple[str, tuple[Anchor, ...]]:
    """``text`` with the pinyin a mirror site put after its characters (:data:`_PINYIN_ANNOTATION`)
    read as nothing, and the source map of the result (:func:`inline_markup`); ``text`` itself and
    no map when it has fewer than :data:`_PINYIN_ANNOTATIONS_MIN` of them."""
    if "(" not in text or not any(vowel in text for vowel in _TONED_VOWELS):
        return text, ()
    found = _PINYIN_ANNOTATION.finditer(text)
    if sum(1 for _ in zip(range(_PINYIN_ANNOTATIONS_MIN), found, strict=False)) < _PINYIN_ANNOTATIONS_MIN:
        return text, ()
    lines = text.split("\n")
    return _rewritten(lines, [[(match, "") for match in _PINYIN_ANNOTATION.finditer(line)] if "(" in line
                              else [] for line in lines])


def _rewrites(line: str, *, references: bool = True) -> list[tuple[re.Match[str], str]]:
    """The inline markup of a line (:func:`inline_markup`) and what each is read as, in line order;
    its character references only when ``references`` (inside an HTML table, the page reader that
    renders the table decodes them, once)."""
    found: list[tuple[re.Match[str], str]] = []
    opening = line.lstrip(" \t")[:1]
    if opening and opening in _CONTAINER_START:
        container = _CONTAINER_MARKUP.fullmatch(line)
        if container is not None:
            return [(container, "")]
    if "$" in line:
        for match in _MATH_NUMBER.finditer(line):
            written = match.group(1).replace("−", "-") + _NUMBER_SPACING.sub("", match.group(2))
            found.append((match, written + ("%" if match.group(3) else "")))
    if "</" in line:
        found.extend((match, "") for match in _EMPTY_ANCHOR.finditer(line))
    if "![" in line:
        found.extend((match, match.group(1).strip()) for match in _IMAGE.finditer(line))
    if "](#" in line:
        found.extend((match, _INTERNAL_LINK.sub(r"\1", match.group(1)))
                     for match in _INTERNAL_LINK.finditer(line))
    if "|" in line and "<" in line:
        found.extend((match, " ") for match in _CELL_BREAK.finditer(line))
    references = references and "&" in line
    code = ([span.span() for span in _CODE_SPAN.finditer(line)]
            if "`" in line and ("\\" in line or references) else [])
    if "\\" in line:
        found.extend((match, match.group(1)) for match in _ESCAPE.finditer(line)
                     if not any(start <= match.start() < end for start, end in code))
    if references:
        for match in _CHARACTER_REFERENCE.finditer(line):
            character = html.unescape(match.group())
            if character != match.group() and not any(start <= match.start() < end for start, end in code):
                found.append((match, character))
    found.sort(key=lambda item: item[0].start())
    kept: list[tuple[re.Match[str], str]] = []
    for match, written in found:
        if not kept or match.start() >= kept[-1][0].end():
            kept.append((match, written))
    return kept


_HTML_TABLE_START = re.compile(r"[ \t]{0,3}(?:<html>\s*<body>\s*)?<table\b", re.IGNORECASE)
"""A line that opens an HTML table as converters write one into Markdown: ``<table>``, MinerU's
``<html><body><table>`` and ``<table border=1 style='…'>``."""
_HTML_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)


def html_tables(text: str, anchors: tuple[Anchor, ...] = ()
                ) -> tuple[str, tuple[Anchor, ...], list[TableRegion]]:
    """``text`` with each HTML table block (from a line that opens a ``<table>`` to the line that
    closes it, outside fenced code) rendered as the web page reader renders a table, the source
    map of the result and the regions of those tables. ``anchors`` is the map of ``text`` to its
    file (none: ``text`` is the file's); each row of a table is mapped to the line its table
    starts on. ``text`` itself, ``anchors`` and no region when it has no such table, or when
    rendering needs the ``html`` extra that is not installed."""
    if "<table" not in text and "<TABLE" not in text:
        return text, anchors, []
    lines = text.split("\n")
    blocks = list(_html_table_blocks(lines))
    if not blocks:
        return text, anchors, []
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    source = anchors or tuple(Anchor(starts[index], starts[index] + len(line), f"line[{index + 1}]")
                              for index, line in enumerate(lines) if line)
    parts: list[str] = []
    mapped: list[Anchor] = []
    regions: list[TableRegion] = []
    shift = 0
    """How much the text before the current position grew (or shrank) in the rendering."""
    kept = 0
    """The first line not yet copied."""
    pending = iter(source)
    anchor = next(pending, None)
    for first, last, reading in blocks:
        copied_end = starts[first]
        parts.append(text[starts[kept]:copied_end])
        while anchor is not None and anchor.start < copied_end:
            mapped.append(_shifted(anchor, shift))
            anchor = next(pending, None)
        block_end = starts[last + 1] - 1
        while anchor is not None and anchor.start < block_end:
            anchor = next(pending, None)
        where = f"line[{first + 1}]"  # (the number rewriting keeps the file's lines: its n-th is the file's)
        offset = copied_end + shift
        position = 0
        for row in reading.text.split("\n"):
            if row:
                mapped.append(Anchor(offset + position, offset + position + len(row), where))
            position += len(row) + 1
        regions.extend(TableRegion(region.start + offset, region.end + offset,
                                   tuple(tuple((start + offset, end + offset) for start, end in row)
                                         for row in region.rows)) for region in reading.tables)
        parts.append(reading.text)
        shift += len(reading.text) - (block_end - copied_end)
        kept = last + 1
        parts.append("\n" if kept < len(lines) else "")
    parts.append(text[starts[kept]:] if kept < len(lines) else "")
    while anchor is not None:
        mapped.append(_shifted(anchor, shift))
        anchor = next(pending, None)
    return "".join(parts), tuple(mapped), regions


def _html_table_blocks(lines: list[str]) -> Iterator[tuple[int, int, Reading]]:
    """(first line, last line, rendering) of each HTML table block of ``lines`` outside fenced code."""
    for index, last in _html_table_spans(lines, _code_lines(lines)):
        try:
            reading = HtmlReader().render(Decoded("\n".join(lines[index:last + 1]), "utf-8", 1.0, False))
        except DocparseError:  # a table without text, or no selectolax: the block stays as written
            reading = None
        if reading is not None:
            yield index, last, reading


def _html_table_spans(lines: list[str], code: list[bool]) -> Iterator[tuple[int, int]]:
    """(first line, last line) of each HTML table block of ``lines`` outside fenced code (``code``:
    :func:`_code_lines`)."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if code[index] or "<" not in line[:5] or _HTML_TABLE_START.match(line) is None:
            index += 1
            continue
        last = next((end for end in range(index, len(lines)) if _HTML_TABLE_END.search(lines[end])), None)
        if last is None:
            return
        yield index, last
        index = last + 1


def _html_table_lines(lines: list[str], code: list[bool]) -> list[bool]:
    """Whether each line is inside an HTML table block."""
    marks = [False] * len(lines)
    for first, last in _html_table_spans(lines, code):
        marks[first:last + 1] = [True] * (last + 1 - first)
    return marks


def _shifted(anchor: Anchor, shift: int) -> Anchor:
    return replace(anchor, start=anchor.start + shift, end=anchor.end + shift)


_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
"""A line that opens or closes a fenced code block (no table inside one)."""


def _code_lines(lines: list[str]) -> list[bool]:
    """Whether each line is a fence or inside fenced code, where nothing is read as a table or
    a number: a fence closes with the character that opened it, as many times or more."""
    marks: list[bool] = []
    fence = ""
    for line in lines:
        opening = _FENCE.match(line)
        if fence and opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
            fence = ""
            marks.append(True)
        elif fence or opening:
            fence = fence or (opening.group(1) if opening else "")
            marks.append(True)
        else:
            marks.append(False)
    return marks
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
"""A pipe that separates cells (``\\|`` is a pipe in a cell's text)."""
_ALIGNMENT = re.compile(r":?-+:?")
_EDGE_SPACE = " \t"


def pipe_tables(text: str) -> Iterator[TableRegion]:
    """The pipe tables of Markdown (GitHub's form): a header row, a row of ``---`` cells as many as
    the header's, then the rows up to a blank line or a line with no pipe. The region runs from
    the header to the last row; its rows are the header and the body rows, each cell the text
    between its pipes without the spaces around it."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line.removesuffix("\r")))
        offset += len(line) + 1
    code = _code_lines([line for _, line in lines])
    index = 0
    while index < len(lines):
        start, line = lines[index]
        if code[index]:
            index += 1
            continue
        header = _cells(start, line)
        if (header is None or index + 1 >= len(lines)
                or not _is_delimiter_row(lines[index + 1][1], len(header))):
            index += 1
            continue
        rows = [header]
        end = start + len(line)
        index += 2
        while index < len(lines):
            row_start, row = lines[index]
            cells = _cells(row_start, row)
            if cells is None:
                break
            rows.append(cells)
            end = row_start + len(row)
            index += 1
        yield TableRegion(start, end, tuple(tuple(row) for row in rows))


def _cells(start: int, line: str) -> list[tuple[int, int]] | None:
    """The (start, end) of each cell of a table row at offset ``start``; ``None`` for a line
    that is no row (blank, or without a pipe)."""
    if "|" not in line or not line.strip(_EDGE_SPACE):
        return None
    left = len(line) - len(line.lstrip(_EDGE_SPACE))
    right = len(line.rstrip(_EDGE_SPACE))
    if line.startswith("|", left):
        left += 1
    if right > left and line[right - 1] == "|" and line[right - 2:right - 1] != "\\":
        right -= 1
    separators = [match.start() for match in _CELL_SEPARATOR.finditer(line, left, right)]
    cells = []
    for first, last in zip([left, *(at + 1 for at in separators)], [*separators, right], strict=True):
        content = line[first:last]
        lead = len(content) - len(content.lstrip(_EDGE_SPACE))
        cells.append((start + first + lead, start + first + lead + len(content.strip(_EDGE_SPACE))))
    return cells


def _is_delimiter_row(line: str, columns: int) -> bool:
    """``| --- | :---: |``: as many alignment cells as the header has cells."""
    if "-" not in line:
        return False
    inner = line.strip(_EDGE_SPACE).removeprefix("|").removesuffix("|")
    cells = inner.split("|")
    return len(cells) == columns and all(_ALIGNMENT.fullmatch(cell.strip(_EDGE_SPACE)) for cell in cells)
