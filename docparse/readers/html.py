"""Web pages (.html, .htm): the page as the text a careful reader would copy from it.

The page is parsed with selectolax's Lexbor engine (``docparse[html]``). On the 15 saved pages of
the development corpus (0.6 M characters; CPU time to parse them all, then to visit every node and
its text as the renderer does): selectolax 4.5 + 2.7 ms, lxml 7.2 + 4.2 ms, resiliparse 2.7 +
51 ms (its node access from Python is the slow part). Lexbor and resiliparse build the tree a
browser builds (HTML5: a ``<div>`` in a ``<span>``, unclosed ``<p>``); libxml2 (lxml) drops all text
after a stray ``</html>``. Selectolax is the fastest of the two that read a page whole.

The rendering keeps the whole page, navigation and footers included (the chrome rules set them
aside as furniture): block elements make lines, ``<br>`` a line break, the ``<title>`` is the first
line; what a browser never shows never reaches the text: scripts, styles, comments, the rest of
``<head>``, a ``<title>`` inside the body (a Word export's) and elements hidden by their own
``style="display:none"`` or ``hidden`` attribute (a share box's copy of the title); ASCII whitespace
runs collapse to one space and lines are trimmed of it, but U+3000 and no-break spaces stay (they
carry indentation). A ``<table>`` of data is a line per row, its cells separated by a tab; a table
that lays out the page (one holding a nested table, a heading or several paragraphs in a cell, a
single column, or long prose beside a side bar) is read as the blocks it holds. A text file that
holds a page's markup (a crawler's export: :func:`is_fragment`) is rendered here too, the lines of
its text outside the elements kept.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..decode import Decoded, decode, forced_codec
from ..errors import DecodeError, EmptyInputError, MissingExtraError, install_hint
from .base import Anchor, Reading, TableRegion

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_SNIFF_BYTES = 4096
_MARKUP_START = re.compile(
    rb"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|title)[\s>/]",
    re.IGNORECASE | re.DOTALL)
"""How a web page starts (after a BOM, an XML declaration or comments such as a browser's
``<!-- saved from url=… -->``): a doctype or one of the elements of a page's head."""
_PRESCAN_BYTES = 16 * 1024
_META_CHARSET = re.compile(rb"<meta[^>]{0,400}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{2,40})", re.IGNORECASE)
"""``<meta charset="gbk">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=gb2312">``."""
_TRUSTED_DECLARATIONS = frozenset(("gb18030", "big5hkscs"))
"""Declared charsets taken when the bytes decode with them: a Chinese page that declares a
single-byte charset (iso-8859-1, windows-1252) lies, and UTF-8 is told by the bytes themselves."""

_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
))
"""Elements that stand on lines of their own."""
_SKIPPED = frozenset(("script", "style", "noscript", "template", "iframe", "object", "canvas", "svg",
                      "math", "textarea", "select"))
"""Elements whose content is no text of the page (code, fallbacks, form state)."""
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.IGNORECASE)
"""An inline style that hides its element (``display:none``, ``display: none;``)."""
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_TITLE_SEPARATOR = re.compile(r"[_|｜]|(?<![0-9A-Za-z])-|-(?![0-9A-Za-z])")
"""What a ``<title>`` puts between the article's title and the names of the site and its column
(``标题_栏目_站点``, ``站点 | 标题``, ``【标题】-站点``); a hyphen between digits or Latin letters
(``2021-2025年``, ``COVID-19``) is part of a title."""
_TITLE_BRACKETS = "【】"
_REPEAT_LINES = 3
"""The most lines a heading's repetition in the text may be broken over."""
_CELLS = frozenset(("td", "th"))
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_FIRST_CONTENT = re.compile(r"[^ \t\n\r\f]")

_CELL_MAX_LINES = 3
"""A data cell holds a value or a note: more lines than this are paragraphs laid out in a table."""
_PROSE_CHARS = 300
"""A cell this long in a table of one or two columns is an article laid out beside a side bar (a
table of more columns may well hold a long 主要内容 cell)."""

_META_LABELS = {
    "articletitle": "标题",
    "pubdate": "发布日期",
    "firstpublishedtime": "发布日期",
    "contentsource": "来源",
    "keywords": "关键词",
    "columnname": "栏目",
    "author": "作者",
}
"""``<meta name="…">`` of government sites (the 政府网站 page template) → the metadata label it gives."""


class HtmlReader:
    """Reads a saved web page (see the module docstring)."""

    name: str = "html"
    extensions: tuple[str, ...] = (".html", ".htm", ".shtml", ".xhtml")

    def sniff(self, data: bytes) -> bool:
        """A doctype or a page's head element near the start (after a BOM and whitespace)."""
        head = data[:_SNIFF_BYTES]
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        return _MARKUP_START.match(head.removeprefix(codecs.BOM_UTF8)) is not None

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        return self.render(_decode(data, encoding, path), path=path)

    def render(self, decoded: Decoded, *, path: str | None = None, fragment: bool = False) -> Reading:
        """The reading of a decoded page; of a ``fragment`` of one in a text file (a crawler's
        export: :func:`is_fragment`), whose text outside the elements keeps its line breaks."""
        try:
            from selectolax.lexbor import LexborHTMLParser
        except ImportError:
            raise MissingExtraError(f"读取网页需要 selectolax：{install_hint('html')}", path=path) from None
        renderer = _Renderer(fragment=fragment)
        renderer.walk(LexborHTMLParser(decoded.text).root)
        page = renderer.page()
        if not page.text.strip():
            raise EmptyInputError("网页中没有文字", path=path)
        return Reading(page.text, self.name, decoded.encoding, decoded.confidence, decoded.bom,
                       decoded.replaced, decoded.misread_as, title_hint=renderer.title_hint(),
                       metadata=tuple(renderer.metadata), anchors=page.anchors, tables=page.tables)


_FRAGMENT_BLOCK = re.compile(r"<(?:p|div|br|h[1-6]|li|table|tr|td)\b[^<>]{0,2000}>", re.IGNORECASE)
_FRAGMENT_CLOSE = re.compile(r"</(?:p|div|h[1-6]|li|table|tr|td)\s*>", re.IGNORECASE)
_FRAGMENT_ELEMENTS = 3
"""The fewest closed block elements of a fragment: a text quoting a tag or two stays text."""


def is_fragment(text: str) -> bool:
    """Whether a text file holds a page's markup rather than text: block elements (``<p>``…
    ``</p>``, at least :data:`_FRAGMENT_ELEMENTS`) from the first tag to the last over most of
    it (a crawler's export of the ``content`` column: a label header or an SQL ``INSERT`` around
    the HTML)."""
    closes = list(_FRAGMENT_CLOSE.finditer(text))
    if len(closes) < _FRAGMENT_ELEMENTS:
        return False
    first = _FRAGMENT_BLOCK.search(text)
    return first is not None and 2 * (closes[-1].end() - first.start()) > len(text)


def _decode(data: bytes, encoding: str | None, path: str | None) -> Decoded:
    """The page's text: a forced encoding, a BOM, valid UTF-8, the charset the page declares if
    the bytes decode with it, else what detection finds (a page that lies about its charset)."""
    if encoding or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, encoding=encoding, path=path)
    declared = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if declared:
        try:
            codec = forced_codec(declared.group(1).decode("ascii"), path)
        except DecodeError:
            codec = ""
        if codec in _TRUSTED_DECLARATIONS and not _is_utf8(data):
            try:
                return Decoded(data.decode(codec), codec, 1.0, False)
            except UnicodeDecodeError:
                pass
    return decode(data, path=path)


def _is_utf8(data: bytes) -> bool:
    """Bytes that are valid UTF-8 beyond ASCII are UTF-8 whatever the page declares."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


@dataclass(frozen=True)
class _Piece:
    """Where a stretch of a rendered line came from: offsets relative to the line."""

    start: int
    end: int
    where: str
    offset: int


@dataclass
class _Line:
    """A rendered line; ``table`` numbers the data table whose row it is (its pieces are the cells)."""

    text: str
    pieces: list[_Piece]
    table: int | None = None


@dataclass
class _Cell:
    lines: list[_Line] = field(default_factory=list)
    heading: bool = False


@dataclass
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    nested: bool = False


@dataclass
class _Heading:
    """A heading element: where its lines go and how many were there when it opened, then its
    text; ``linked`` while all its text is a link's."""

    tag: str
    sink: list[_Line]
    start: int
    text: str = ""
    linked: bool = True


@dataclass(frozen=True)
class _Page:
    text: str
    anchors: tuple[Anchor, ...]
    tables: tuple[TableRegion, ...]


@dataclass
class _Open:
    """An element being walked: its path, and for a block, how much text the walk had seen
    when it opened (the offset of a line inside it)."""

    tag: str
    path: str
    seen: int
    counts: dict[str, int] = field(default_factory=dict)


class _Renderer:
    """Walks the tree once (no recursion: pages nest deep) and renders it as lines."""

    def __init__(self, *, fragment: bool = False) -> None:
        self.fragment = fragment
        """Whether the line breaks of the text outside the elements are kept (:func:`is_fragment`)."""
        self.lines: list[_Line] = []
        self.sinks: list[list[_Line]] = [self.lines]
        """Where finished lines go: the page, or the innermost open table cell."""
        self.tables: list[_Table] = []
        self.cells: list[_Cell] = []
        self.blocks: list[_Open] = []
        self.pieces: list[str] = []
        self.line_where: tuple[str, int] | None = None
        self.seen = 0
        self.table_count = 0
        self.metadata: list[tuple[str, str]] = []
        self.meta_title: str | None = None
        self.page_title: str | None = None
        """The text of the ``<title>`` of the ``<head>``."""
        self.headings: list[_Heading] = []
        self.heading: _Heading | None = None
        """The outermost heading element open."""
        self.links = 0
        """How many ``<a>`` elements are open."""

    # the walk ---------------------------------------------------------------------------------

    def walk(self, root: LexborNode | None) -> None:
        if root is None:
            return
        stack: list[tuple[LexborNode, _Open]] = []
        top = _Open("#root", "", 0)
        node: LexborNode | None = root
        parent = top
        while node is not None:
            tag = node.tag or ""
            descend = False
            if tag == "-text":
                self.loose_text(node.text_content or "")
            elif not tag.startswith("-") and tag not in _SKIPPED:
                count = parent.counts.get(tag, 0) + 1
                parent.counts[tag] = count
                opened = _Open(tag, f"{parent.path}/{tag}[{count}]" if parent.path else tag, self.seen)
                if tag == "head":
                    self.head(node, opened.path)
                elif tag == "meta":
                    self.meta(node)
                elif tag == "title" or _hidden(node):
                    pass  # (counted all the same: the paths of what follows stay those of the page)
                else:
                    self.start(opened)
                    if node.child is not None:
                        stack.append((node, parent))
                        parent = opened
                        node = node.child
                        descend = True
                    else:
                        self.end(opened)
            if descend:
                continue
            following = node.next
            while following is None and stack:
                node, grand = stack.pop()
                self.end(parent)
                parent = grand
                following = node.next
            node = following
        self.flush()

    def head(self, node: LexborNode, path: str) -> None:
        """The ``<head>``: its title is the page's first line; its ``<meta>`` carry metadata."""
        titles = 0
        for child in _children(node):
            if child.tag == "meta":
                self.meta(child)
            elif child.tag == "title":
                titles += 1
                title = _Open("title", f"{path}/title[{titles}]", self.seen)
                text = child.text(deep=True) or ""
                if self.page_title is None:
                    self.page_title = " ".join(text.split())
                self.start(title)
                self.text(text)
                self.end(title)

    def meta(self, node: LexborNode) -> None:
        attributes = node.attributes
        name = (attributes.get("name") or "").strip().lower()
        label = _META_LABELS.get(name)
        value = " ".join((attributes.get("content") or "").split())
        if label and value:
            self.metadata.append((label, value))
            if name == "articletitle" and self.meta_title is None:
                self.meta_title = value

    def start(self, element: _Open) -> None:
        tag = element.tag
        if tag == "br":
            self.flush()
            return
        if tag == "a":
            self.links += 1
        if tag not in _BLOCKS:
            return
        self.flush()
        self.blocks.append(element)
        if tag == "table":
            if self.tables:
                self.tables[-1].nested = True
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in _CELLS and self.tables:
            cell = _Cell()
            rows = self.tables[-1].rows
            if not rows:
                rows.append([])
            rows[-1].append(cell)
            self.cells.append(cell)
            self.sinks.append(cell.lines)
        elif tag in _HEADINGS:
            if self.cells:
                self.cells[-1].heading = True
            if self.heading is None:
                self.heading = _Heading(tag, self.sinks[-1], len(self.sinks[-1]))

    def end(self, element: _Open) -> None:
        tag = element.tag
        if tag == "a" and self.links:
            self.links -= 1
        if tag not in _BLOCKS:
            return
        self.flush()
        if self.blocks and self.blocks[-1] is element:
            self.blocks.pop()
        if tag in _CELLS and self.cells:
            self.cells.pop()
            self.sinks.pop()
        elif tag == "table" and self.tables:
            self.emit_table(self.tables.pop(), element.path)
        elif self.heading is not None and tag == self.heading.tag:
            heading = self.heading
            heading.text = _joined(line.text for line in heading.sink[heading.start:])
            if heading.text:
                self.headings.append(heading)
            self.heading = None

    def loose_text(self, text: str) -> None:
        """A text node: in a fragment, text outside the elements is a text file's, its lines
        lines of the reading."""
        if not self.fragment or any(block.tag not in ("html", "body") for block in self.blocks):
            self.text(text)
            return
        for index, line in enumerate(text.split("\n")):
            if index:
                self.flush()
                self.seen += 1
            self.text(line)

    def text(self, text: str) -> None:
        if self.heading is not None and not self.links and _FIRST_CONTENT.search(text):
            self.heading.linked = False
        if self.line_where is None:
            first = _FIRST_CONTENT.search(text)
            if first is not None:
                block = self.blocks[-1] if self.blocks else None
                where = block.path if block else ""
                self.line_where = (where, self.seen + first.start() - (block.seen if block else 0))
        self.pieces.append(text)
        self.seen += len(text)

    def flush(self) -> None:
        """End the line being built (if it has any text) and send it where lines go."""
        if self.line_where is not None:
            text = _WHITESPACE.sub(" ", "".join(self.pieces)).strip(" ")
            if text:
                where, offset = self.line_where
                self.sinks[-1].append(_Line(text, [_Piece(0, len(text), where, offset)]))
        self.pieces.clear()
        self.line_where = None

    # tables -----------------------------------------------------------------------------------

    def emit_table(self, table: _Table, path: str) -> None:
        """A data table as a line per row; a layout table as the lines its cells hold."""
        sink = self.sinks[-1]
        if not _is_data(table):
            sink.extend(line for row in table.rows for cell in row for line in cell.lines)
            return
        self.table_count += 1
        for row in table.rows:
            if not any(cell.lines for cell in row):
                continue
            texts = [" ".join(line.text for line in cell.lines) for cell in row]
            pieces: list[_Piece] = []
            position = 0
            for cell, text in zip(row, texts, strict=True):
                if cell.lines:
                    first = cell.lines[0].pieces[0]
                    pieces.append(_Piece(position, position + len(text), first.where, first.offset))
                else:
                    pieces.append(_Piece(position, position, path, 0))
                position += len(text) + 1
            sink.append(_Line("\t".join(texts), pieces, self.table_count))
            self.metadata.extend(_label_pairs(texts))

    # results ----------------------------------------------------------------------------------

    def title_hint(self) -> str | None:
        """The title the page states, in the order a government site's template states it: its
        ArticleTitle; else its longest heading (``<h1>``…``<h6>``, not a link to another page)
        that something else on the page names too, the ``<title>`` (less the site's name) or a
        line of the text (the article repeating the ``<h3 class="title">`` above it); else the
        ``<title>`` less the site's name; else its longest ``<h1>``."""
        if self.meta_title:
            return self.meta_title
        named = _title_name(self.page_title or "")
        repeated = _repetitions([_squeezed(line.text) for line in self.lines])
        stated = [heading.text for heading in self.headings if not heading.linked and (
            _squeezed(heading.text) == named or repeated.get(_squeezed(heading.text), 0) > 1)]
        if stated:
            return max(stated, key=len)
        if named and named != _squeezed(self.page_title or ""):
            return _title_name(self.page_title or "", squeeze=False)
        return max((heading.text for heading in self.headings if heading.tag == "h1"), key=len,
                   default=None)

    def page(self) -> _Page:
        parts: list[str] = []
        anchors: list[Anchor] = []
        regions: list[TableRegion] = []
        rows: list[tuple[tuple[int, int], ...]] = []
        table: int | None = None
        table_start = table_end = 0
        position = 0
        for line in self.lines:
            if table is not None and line.table != table:
                regions.append(TableRegion(table_start, table_end, tuple(rows)))
                table, rows = None, []
            if line.table is not None:
                if table is None:
                    table, table_start = line.table, position
                rows.append(tuple((position + piece.start, position + piece.end) for piece in line.pieces))
                table_end = position + len(line.text)
            anchors.extend(Anchor(position + piece.start, position + piece.end, piece.where, piece.offset)
                           for piece in line.pieces if piece.end > piece.start)
            parts.append(line.text)
            position += len(line.text) + 1
        if table is not None:
            regions.append(TableRegion(table_start, table_end, tuple(rows)))
        return _Page("\n".join(parts), tuple(anchors), tuple(regions))


def _hidden(node: LexborNode) -> bool:
    """Whether an element hides itself (``hidden``, ``style="display:none"``): a browser shows
    none of it (a share box's copy of the title and lead, an empty 附件 box)."""
    attributes = node.attributes
    if "hidden" in attributes:
        return True
    return _HIDDEN_STYLE.search(attributes.get("style") or "") is not None


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _title_name(title: str, *, squeeze: bool = True) -> str:
    """What a ``<title>`` names besides the site: its longest part between separators, out of
    【】; the whole ``<title>`` when it has no separator."""
    parts = [part.strip().strip(_TITLE_BRACKETS).strip() for part in _TITLE_SEPARATOR.split(title)]
    name = max(parts, key=len, default="")
    return _squeezed(name) if squeeze else name


def _repetitions(lines: list[str]) -> dict[str, int]:
    """How often each text stands as a line, or as the run of up to :data:`_REPEAT_LINES` lines
    a title is broken over (squeezed)."""
    counts: dict[str, int] = {}
    for first in range(len(lines)):
        joined = ""
        for line in lines[first:first + _REPEAT_LINES]:
            joined += line
            counts[joined] = counts.get(joined, 0) + 1
    return counts


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _is_data(table: _Table) -> bool:
    """Whether a table holds data rather than the page's layout. A table lays out blocks when it
    holds a table, a cell holds a heading or more than :data:`_CELL_MAX_LINES` lines, it has a
    single column, or it has two and a cell of :data:`_PROSE_CHARS` characters or more."""
    columns = max((len(row) for row in table.rows), default=0)
    if table.nested or columns < 2:
        return False
    for row in table.rows:
        for cell in row:
            if cell.heading or len(cell.lines) > _CELL_MAX_LINES:
                return False
            if columns <= 2 and sum(len(line.text) for line in cell.lines) >= _PROSE_CHARS:
                return False
    return True


_LABEL_CELL = re.compile(r"([^:：。；;，,]{1,24})[:：]")
"""A cell of a 信息公开 table that labels the next (``索 引 号：``, ``标　　题：``): a few characters and a
colon (spaces counted; the label is read with its spaces removed). Which labels name which field,
the front matter knows (docparse.metadata)."""


def _label_pairs(cells: list[str]) -> Iterator[tuple[str, str]]:
    """The (label, value) pairs of a row of a 信息公开 table: a label cell and the value cell after it,
    the label without its spaces and colon (``索引号``)."""
    for index in range(len(cells) - 1):
        label = _LABEL_CELL.fullmatch(cells[index])
        value = cells[index + 1].strip()
        if label is not None and value and _LABEL_CELL.fullmatch(value) is None:
            yield "".join(label.group(1).split()), value


def _joined(lines: Iterator[str]) -> str:
    """Lines of one element read as one: a title broken over two lines stays whole (a space only
    between two words of Latin letters or digits)."""
    result = ""
    for line in lines:
        if result and _latin(result[-1]) and _latin(line[:1]):
            result += " "
        result += line
    return result


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()
