"""The body of a Word document as text: one line per paragraph, as Word shows it.

Paragraphs come in document order, also inside content controls (``w:sdt``) and text boxes (after
the paragraph that anchors them); each numbered paragraph starts with the label Word draws for
it. A table is one line per row with its cells separated by tabs. What Word does not show is left
out: tracked deletions, hidden text, field instructions (their results are kept), headers,
footers and footnotes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ..base import Anchor, TableRegion
from .numbering import Numbering
from .styles import Styles
from .wordml import W, flag, integer, value

_P, _R, _T, _TBL, _TR, _TC = W("p"), W("r"), W("t"), W("tbl"), W("tr"), W("tc")
_PPR, _RPR, _PSTYLE, _NUMPR = W("pPr"), W("rPr"), W("pStyle"), W("numPr")
_NUM_ID, _ILVL = W("numId"), W("ilvl")
_OUTLINE_LVL, _SDT, _SDT_CONTENT = W("outlineLvl"), W("sdt"), W("sdtContent")
_TAB, _PTAB, _BR, _CR, _SYM = W("tab"), W("ptab"), W("br"), W("cr"), W("sym")
_NO_BREAK_HYPHEN, _FLD_CHAR, _DEL, _MOVE_FROM = W("noBreakHyphen"), W("fldChar"), W("del"), W("moveFrom")
_VANISH, _TXBX_CONTENT, _ALT_CHUNK = W("vanish"), W("txbxContent"), W("altChunk")
_TC_PR, _V_MERGE, _GRID_SPAN = W("tcPr"), W("vMerge"), W("gridSpan")
_MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_MATH_TEXT = f"{{{_MATH_NS}}}t"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE_CONTENT, _CHOICE = f"{{{_MC_NS}}}AlternateContent", f"{{{_MC_NS}}}Choice"

_CONTAINERS = frozenset({W("hyperlink"), W("ins"), W("moveTo"), W("smartTag"), W("customXml"),
                         W("fldSimple"), W("dir"), W("bdo")})
"""Inline elements whose content is shown as it is (a hyperlink's text, a tracked insertion, a
simple field's result)."""
_BLOCK_CONTAINERS = frozenset({W("customXml"), W("ins"), W("moveTo")})
"""Block-level wrappers around paragraphs and tables."""
_SKIPPED = frozenset({_DEL, _MOVE_FROM, _PPR, _RPR})

_PRIVATE_USE_START, _PRIVATE_USE_END = 0xE000, 0xF8FF
_SEPARATOR = " "
"""Between the paragraphs of a table cell, and for a tab or line break inside a cell (a row is
one line)."""


@dataclass
class Rendering:
    """The text of a body as it is built, with its source map and tables."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    anchors: list[Anchor] = field(default_factory=list)
    tables: list[TableRegion] = field(default_factory=list)
    lines: int = 0

    def write(self, text: str, where: str | None = None, offset: int = 0) -> None:
        if not text:
            return
        if where is not None:
            self.anchors.append(Anchor(self.length, self.length + len(text), where, offset))
        self.parts.append(text)
        self.length += len(text)

    def new_line(self) -> None:
        """Start a line (no break before the first)."""
        if self.lines:
            self.parts.append("\n")
            self.length += 1
        self.lines += 1

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Paragraph:
    """A paragraph's shown text, label and the text boxes anchored in it."""

    label: str = ""
    pieces: list[str] = field(default_factory=list)
    boxes: list[Element] = field(default_factory=list)


class BodyReader:
    """Renders ``w:body`` (and text boxes, table cells) into a :class:`Rendering`."""

    def __init__(self, styles: Styles, numbering: Numbering,
                 alt_chunk: Callable[[str], str | None]) -> None:
        """``alt_chunk`` gives the text of an embedded part (``w:altChunk``) by relationship id."""
        self.styles = styles
        self.numbering = numbering
        self.alt_chunk = alt_chunk
        self.out = Rendering()
        self._fields: list[bool] = []
        """Open complex fields, innermost last: True once past the instruction (showing the result)."""
        self._counts: dict[str, int] = {}

    # ------------------------------------------------------------------ blocks

    def blocks(self, container: Element, path: str = "") -> None:
        """Each paragraph, table and embedded part of ``container`` in order, as lines."""
        for element in _block_elements(container):
            tag = element.tag
            if tag == _P:
                self.paragraph_line(element, self._path(path, "p"))
            elif tag == _TBL:
                self.table(element, self._path(path, "table"))
            elif tag == _ALT_CHUNK:
                where = self._path(path, "altChunk")
                text = self.alt_chunk(value(element, _R_ID) or "")
                for offset, line in _lines_with_offsets(text or ""):
                    self.out.new_line()
                    self.out.write(line, where, offset)

    def _path(self, path: str, kind: str) -> str:
        key = f"{path}/{kind}"
        self._counts[key] = self._counts.get(key, 0) + 1
        return f"{path}/{kind}[{self._counts[key]}]".lstrip("/")

    def paragraph_line(self, element: Element, where: str) -> None:
        paragraph = self.paragraph(element, in_cell=False)
        if paragraph is None:
            return
        self.out.new_line()
        if paragraph.label:
            self.out.write(paragraph.label, f"{where}/numbering")
        text = "".join(paragraph.pieces)
        shown = text.strip("\n")
        self.out.write(shown, where, len(text) - len(text.lstrip("\n")))
        for index, box in enumerate(paragraph.boxes, start=1):
            self.blocks(box, f"{where}/txbx[{index}]")

    def paragraph(self, element: Element, *, in_cell: bool) -> _Paragraph | None:
        """The shown content of a paragraph; ``None`` for one Word does not show (its mark
        and all its text deleted in tracked changes)."""
        properties = element.find(_PPR)
        style_id = value(properties.find(_PSTYLE)) if properties is not None else None
        style = self.styles.properties(style_id)
        heading = style.heading or _outline_heading(properties)
        tab = _SEPARATOR if in_cell or heading else "\t"
        paragraph = _Paragraph()
        self._inline(element, paragraph, tab, _SEPARATOR if in_cell else "\n")
        if properties is not None and not any(paragraph.pieces) and _mark_not_shown(properties):
            return None
        numbered = self._label(properties, style_id)
        if numbered is not None:
            label, suffix = numbered
            if label:
                paragraph.label = label + (tab if suffix == "\t" else suffix)
        return paragraph

    def _label(self, properties: Element | None, style_id: str | None) -> tuple[str, str] | None:
        """The numbering label of a paragraph (its own ``w:numPr``, else its style's)."""
        style = self.styles.properties(style_id)
        numbering = properties.find(_NUMPR) if properties is not None else None
        num_id = value(numbering.find(_NUM_ID)) if numbering is not None else None
        level = integer(numbering.find(_ILVL)) if numbering is not None else None
        if num_id is None:
            num_id = style.num_id
        if num_id is None or num_id == "0":
            return None
        if level is None:
            level = style.level
        if level is None:
            for candidate in (style_id, self.styles.numbered_style(style_id)):
                level = self.numbering.level_of_style(num_id, candidate) if candidate else None
                if level is not None:
                    break
        return self.numbering.label(num_id, level or 0)

    # ------------------------------------------------------------------ runs

    def _inline(self, container: Element, paragraph: _Paragraph, tab: str, line_break: str) -> None:
        for child in container:
            tag = child.tag
            if tag == _R:
                self._run(child, paragraph, tab, line_break)
            elif tag in _CONTAINERS:
                self._inline(child, paragraph, tab, line_break)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._inline(content, paragraph, tab, line_break)
            elif tag == _ALTERNATE_CONTENT:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._inline(choice, paragraph, tab, line_break)
            elif tag.startswith(f"{{{_MATH_NS}}}") and self._showing():
                paragraph.pieces.extend(text.text or "" for text in child.iter(_MATH_TEXT))

    def _showing(self) -> bool:
        return all(self._fields)

    def _run(self, run: Element, paragraph: _Paragraph, tab: str, line_break: str) -> None:
        properties = run.find(_RPR)
        hidden = properties is not None and flag(properties.find(_VANISH))
        pieces = paragraph.pieces
        for child in run:
            tag = child.tag
            if tag == _FLD_CHAR:
                kind = child.get(W("fldCharType"))
                if kind == "begin":
                    self._fields.append(False)
                elif kind == "separate" and self._fields:
                    self._fields[-1] = True
                elif kind == "end" and self._fields:
                    self._fields.pop()
                continue
            if hidden or (self._fields and not self._showing()):
                continue
            if tag == _T:
                pieces.append(child.text or "")
            elif tag in (_TAB, _PTAB):
                pieces.append(tab)
            elif tag in (_BR, _CR):
                pieces.append(line_break)
            elif tag == _NO_BREAK_HYPHEN:
                pieces.append("-")
            elif tag == _SYM:
                pieces.append(_symbol(child))
            elif tag not in _SKIPPED:
                paragraph.boxes.extend(_text_boxes(child))

    # ------------------------------------------------------------------ tables

    def table(self, element: Element, where: str) -> None:
        """One line per row, cells separated by tabs, and a :class:`TableRegion` over them."""
        rows: list[tuple[tuple[int, int], ...]] = []
        start = None
        for row_index, row in enumerate(_children(element, _TR), start=1):
            cells = [(cell_index, self.cell_pieces(cell, f"{where}/tr[{row_index}]/tc[{cell_index}]"))
                     for cell_index, cell in enumerate(_children(row, _TC), start=1)]
            if not any(pieces for _, pieces in cells):
                continue
            self.out.new_line()
            start = self.out.length if start is None else start
            spans: list[tuple[int, int]] = []
            for position, (_, pieces) in enumerate(cells):
                if position:
                    self.out.write("\t")
                cell_start = self.out.length
                for text, cell_where, offset in pieces:
                    self.out.write(text, cell_where, offset)
                spans.append((cell_start, self.out.length))
            rows.append(tuple(spans))
        if rows and start is not None:
            self.out.tables.append(TableRegion(start, self.out.length, tuple(rows)))

    def cell_pieces(self, cell: Element, where: str) -> list[tuple[str, str | None, int]]:
        """The text of a cell as (text, source, offset) pieces on one line: its paragraphs (and
        those of tables nested in it) separated by spaces; empty for a cell merged into the one
        above."""
        properties = cell.find(_TC_PR)
        merge = properties.find(_V_MERGE) if properties is not None else None
        if merge is not None and merge.get(W("val"), "continue") == "continue":
            return []
        pieces: list[tuple[str, str | None, int]] = []
        for element, inner in _cell_paragraphs(cell):
            paragraph = self.paragraph(element, in_cell=True)
            if paragraph is None:
                continue
            raw = "".join(paragraph.pieces)
            text = raw.strip()
            if not (paragraph.label or text):
                continue
            if pieces:
                pieces.append((_SEPARATOR, None, 0))
            if paragraph.label:
                pieces.append((paragraph.label, f"{where}/{inner}/numbering", 0))
            pieces.append((text, f"{where}/{inner}", len(raw) - len(raw.lstrip())))
        return pieces


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _block_elements(container: Element) -> list[Element]:
    """The paragraphs, tables and embedded parts of a container, content controls and other
    block wrappers opened."""
    found: list[Element] = []
    for element in container:
        tag = element.tag
        if tag in (_P, _TBL, _ALT_CHUNK):
            found.append(element)
        elif tag == _SDT:
            content = element.find(_SDT_CONTENT)
            if content is not None:
                found.extend(_block_elements(content))
        elif tag in _BLOCK_CONTAINERS:
            found.extend(_block_elements(element))
    return found


def _children(element: Element, tag: str) -> list[Element]:
    """The rows of a table or cells of a row, also inside content controls."""
    found: list[Element] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag == _SDT or child.tag in _BLOCK_CONTAINERS:
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                found.extend(_children(content, tag))
    return found


def _cell_paragraphs(cell: Element) -> list[tuple[Element, str]]:
    """Every paragraph of a cell in order with its path inside the cell (``p[2]``), those of
    nested tables included (``table[1]/tr[1]/tc[2]/p[1]``)."""
    found: list[tuple[Element, str]] = []
    paragraphs = tables = 0
    for element in _block_elements(cell):
        if element.tag == _P:
            paragraphs += 1
            found.append((element, f"p[{paragraphs}]"))
        elif element.tag == _TBL:
            tables += 1
            for row_index, row in enumerate(_children(element, _TR), start=1):
                for cell_index, inner in enumerate(_children(row, _TC), start=1):
                    found.extend((paragraph, f"table[{tables}]/tr[{row_index}]/tc[{cell_index}]/{path}")
                                 for paragraph, path in _cell_paragraphs(inner))
    return found


def _text_boxes(element: Element) -> list[Element]:
    """The text boxes (``w:txbxContent``) of a drawing, a VML picture or an alternate content
    (only its first choice: the fallback repeats the same box for older readers); a box inside a
    box is found when that box is read."""
    if element.tag == _TXBX_CONTENT:
        return [element]
    if element.tag == _ALTERNATE_CONTENT:
        choice = element.find(_CHOICE)
        return [] if choice is None else _text_boxes(choice)
    return [box for child in element for box in _text_boxes(child)]


def _outline_heading(properties: Element | None) -> bool:
    level = integer(properties.find(_OUTLINE_LVL)) if properties is not None else None
    return level is not None and 0 <= level < 9


def _mark_not_shown(properties: Element) -> bool:
    """A paragraph mark deleted in tracked changes or hidden: with no text, Word shows no line."""
    marks = properties.find(_RPR)
    return marks is not None and (marks.find(_DEL) is not None or flag(marks.find(_VANISH)))


def _symbol(element: Element) -> str:
    """A ``w:sym`` character: kept unless it is a symbol font's private code point."""
    try:
        code = int(element.get(W("char"), ""), 16)
    except ValueError:
        return ""
    return "" if _PRIVATE_USE_START <= code <= _PRIVATE_USE_END or code > 0x10FFFF else chr(code)


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines
