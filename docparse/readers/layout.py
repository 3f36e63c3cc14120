"""Characters placed on pages → the text as its author wrote it (shared by the PDF and OFD readers).

A PDF or OFD page holds characters with boxes, in whatever order the producer drew them: no lines,
no paragraphs, page numbers and running heads among the body. This module rebuilds what a careful
typist would have typed:

* **lines**: characters that share a band of the page, left to right; no space between Chinese
  characters however far apart (a letter-spaced 版头 ``国 务 院 文 件``, a justified line), a space
  where Latin words part or where a wide gap parts two Chinese words (``第一条　为了``, table cells);
  superscript footnote references are left out;
* **reading order**: lines by position, not drawing order; a two-column page column by column;
* **paragraphs**: a line that ends short of the right margin, that is followed by an indented line or
  by a wider gap than the lines of a paragraph leave, or whose type (size, weight, font) changes,
  ends its paragraph; otherwise the next line continues it, also across a page break. A line that
  starts with a heading marker inside a wrapped paragraph (``五、“3·15”…``) continues it; one whose
  marker is followed by a gap (``第一条　…``) starts a paragraph;
* **tables**: a ruled table (horizontal and vertical rules that meet) is read cell by cell between
  its rules, a cell's lines joined; rows whose stretches, parted by gaps wider than a paragraph's
  line has, stand in the same columns are a table set without rules (a 三线表). A table is a row
  a line, its cells parted by tabs, and its cells are marked (``Layout.tables``);
* **page furniture**: the first and last lines of a page that are a bare number, or that repeat
  on most pages with only their numbers changed (``— 3 —``, ``-3-``, ``第3页 共10页``, running heads
  and feet), are left out of the text: between the two halves of a paragraph that runs over the page
  break they would split it, and the later stages cannot tell a running head from body. (A page
  number of a one-page document stays a line, where the furniture rules find it.) Footnotes
  (smaller type below the body, starting with their number or 注) are kept, after the paragraph
  that runs over their page's end, so that they never split it.

Every line of the text is anchored to its page (``page[N]``, with the line's offset in the page's
own text: its lines in reading order, one per line).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..ladder import BY_TERMINAL, marker_at
from ..normalize import fold
from .base import Anchor, TableRegion


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character on a page: its box in points from the page's top-left corner (``top`` <
    ``bottom``), the size of its type in points, and its font."""

    char: str
    left: float
    top: float
    right: float
    bottom: float
    size: float
    font: str = ""
    bold: bool = False


@dataclass(frozen=True)
class Page:
    """The characters of one page (``number`` from 1), in the order the producer drew them, and the
    straight lines drawn on it (the borders of ruled tables)."""

    number: int
    width: float
    height: float
    glyphs: Sequence[Glyph]
    rules: Sequence[Rule] = ()


@dataclass(frozen=True)
class Layout:
    """The text rebuilt from the pages, and where each of its lines came from."""

    text: str
    anchors: tuple[Anchor, ...]
    tables: tuple[TableRegion, ...] = ()


@dataclass
class Line:
    """A line of a page, as read: its text and its place and type."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    size: float
    font: str
    bold: bool
    page: int
    offset: int = 0
    """Where the line starts in its page's text (the page's lines in reading order, one per line)."""
    column: int = 0
    """0 on a one-column page or a line across both columns; 1 and 2 for the left and right column."""
    role: str = "body"
    """``body``, ``note`` (a footnote) or ``furniture`` (left out of the text)."""
    segments: tuple[_Segment, ...] = ()
    """The stretches of the line parted by gaps as wide as a table's (two or more), where it has them."""
    table: tuple[int, int] | None = None
    """The table whose row the line is: (page, number of the table on its page)."""
    cells: tuple[tuple[int, int], ...] = ()
    """Where each cell of a table row stands in ``text`` (the cells are parted by tabs)."""


@dataclass(frozen=True)
class _Segment:
    """A stretch of a line between wide gaps: where it stands in the text and across the page."""

    start: int
    end: int
    left: float
    right: float


@dataclass(frozen=True)
class Rule:
    """A line drawn on a page (a table's border), as a thin box from the page's top-left corner."""

    left: float
    top: float
    right: float
    bottom: float


@dataclass
class _Row:
    """Glyphs that share a band of the page."""

    glyphs: list[Glyph] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0


SUPERSCRIPT_RATIO = 0.8
"""A character whose type is this much smaller than its line's and sits high is a superscript."""
STYLE_RATIO = 1.1
"""Type this much larger (or smaller) than the line before it is another paragraph: a heading."""
SHORT_LINE_EMS = 1.5
"""A line that ends more than this many ems before the right margin ends its paragraph (a full
line can end an em early: punctuation may not start a line, a Latin word does not break)."""
INDENT_EMS = 0.8
"""A line that starts more than this many ems right of the left margin is indented."""
CJK_GAP_EMS = 0.4
"""A gap this wide beside a Chinese character is a space (``第一条　为了``, table cells); a justified
line spreads its characters less."""
LATIN_GAP_EMS = 0.15
"""A gap this wide between two Latin letters or digits is a space between words."""
PARAGRAPH_GAP = 1.4
"""Lines further apart than this many times the usual line pitch belong to two paragraphs."""
NOTE_STARTS = ("注", "*", "＊", "①", "1", "2", "3", "4", "5", "6", "7", "8", "9")
"""How a footnote starts (its number, 注：): smaller type below the body that does not start so is
body (a table at the foot of a page)."""
CELL_GAP_EMS = 0.95
"""A gap this wide (beyond the line's tracking) parts two cells of a table row; a line of a
paragraph, justified or not, has none (``第一条　为了`` parts its words by one space, an em)."""
RULE_WIDTH = 2.0
"""A drawn line at most this thick is a rule (a table border), not a shape."""
RULE_SLACK = 2.0
"""Rules this close (in points) meet, or stand at the same place."""
MAX_RULES = 1000
"""A page with more straight lines than this is a drawing (a chart, a map), not ruled tables."""
MARGIN_ZONE = 0.12
"""The top and bottom of a page where running heads, feet and page numbers stand (a fraction of
the page height)."""


def is_wide(char: str) -> bool:
    """A Chinese character or full-width punctuation: never spaced from its neighbours."""
    code = ord(char[0])
    return code >= 0x2E80 or 0x2000 <= code <= 0x206F


def page_lines(page: Page) -> list[Line]:
    """The lines of a page in reading order, each with its offset in the page's text."""
    glyphs = [glyph for glyph in page.glyphs if glyph.char and glyph.right >= glyph.left
              and glyph.bottom > glyph.top]
    if not any(not glyph.char.isspace() for glyph in glyphs):
        return []
    body = statistics.median(glyph.size for glyph in glyphs if not glyph.char.isspace())
    grids = _grids(page.rules)
    ruled = [_grid_rows(grid, [glyph for glyph in glyphs if grid.holds(glyph)], page.number, number)
             for number, grid in enumerate(grids, start=1)]
    glyphs = [glyph for glyph in glyphs if not any(grid.holds(glyph) for grid in grids)]
    rows = _rows(glyphs)
    gutter = _gutter(rows, body)
    if gutter is None:
        lines = [_line(row, page.number) for row in rows]
    else:
        lines = _two_columns(rows, gutter, body, page.number)
    lines = [line for line in lines if line.text]
    _aligned_tables(lines, first_number=len(grids) + 1)
    for table in ruled:
        if table:
            place = next((index for index, line in enumerate(lines) if line.top > table[0].top), len(lines))
            lines[place:place] = table
    offset = 0
    for line in lines:
        line.offset = offset
        offset += len(line.text) + 1
    return lines


def _rows(glyphs: Iterable[Glyph]) -> list[_Row]:
    """Glyphs grouped by the band of the page they stand in, top to bottom.

    A glyph joins the row whose band it overlaps by half its height (or half the band's, for a
    superscript above a line); the glyphs are taken by the middle of their boxes.
    """
    rows: list[_Row] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        row = rows[-1] if rows else None
        if row is not None:
            overlap = min(row.bottom, glyph.bottom) - max(row.top, glyph.top)
            if overlap >= 0.5 * min(row.bottom - row.top, glyph.bottom - glyph.top):
                row.glyphs.append(glyph)
                row.top = min(row.top, glyph.top)
                row.bottom = max(row.bottom, glyph.bottom)
                continue
        rows.append(_Row([glyph], glyph.top, glyph.bottom))
    return rows


def _dominant(values: Iterable[object]) -> object:
    return Counter(values).most_common(1)[0][0]


def _line(row: _Row, page: int) -> Line:
    """A row's glyphs left to right as text: superscripts left out, spaces where words part (or
    where the producer wrote one), none in a letter-spaced line."""
    glyphs = sorted(row.glyphs, key=lambda g: g.left)
    visible = [g for g in glyphs if not g.char.isspace()]
    if not visible:
        return Line("", row.glyphs[0].left, row.top, row.glyphs[0].right, row.bottom, row.glyphs[0].size,
                    "", False, page)
    size = max(g.size for g in visible)
    main = [g for g in visible if g.size > SUPERSCRIPT_RATIO * size]
    middle = statistics.median((g.top + g.bottom) / 2 for g in main)
    kept: list[Glyph] = []
    spaced: set[int] = set()
    """The indices in ``kept`` of the glyphs the producer wrote a space before."""
    for glyph in glyphs:
        if glyph.char.isspace():
            if kept:
                spaced.add(len(kept))
            continue
        if glyph.size <= SUPERSCRIPT_RATIO * size and (glyph.top + glyph.bottom) / 2 < middle - 0.1 * size \
                and not (kept and kept[-1].char.isascii() and kept[-1].char.isalpha()):
            continue  # a footnote reference (a unit's ² after a Latin letter stays)
        if kept and glyph.char == kept[-1].char and abs(glyph.left - kept[-1].left) < 0.1 * glyph.size:
            continue  # the same character drawn twice over (a producer's fake bold)
        kept.append(glyph)
    size = float(_dominant(round(g.size, 1) for g in kept))  # type: ignore[arg-type]
    letter_spaced = _letter_spaced(kept)
    tracking = _tracking(kept)
    parts: list[str] = []
    length = 0
    segments: list[_Segment] = []
    first = kept[0]
    for index, (previous, glyph) in enumerate(zip([None, *kept], kept, strict=False)):
        if previous is not None and not letter_spaced:
            gap = glyph.left - previous.right - tracking
            em = max(previous.size, glyph.size)
            wide = is_wide(previous.char[-1]) or is_wide(glyph.char[0])
            if gap >= CELL_GAP_EMS * em:
                segments.append(_Segment(segments[-1].end + 1 if segments else 0, length, first.left,
                                         previous.right))
                first = glyph
            if index in spaced or gap > (CJK_GAP_EMS if wide else LATIN_GAP_EMS) * em:
                parts.append(" ")
                length += 1
        parts.append(glyph.char)
        length += len(glyph.char)
    if segments:
        segments.append(_Segment(segments[-1].end + 1, length, first.left, kept[-1].right))
    counted = [g for g in kept if is_wide(g.char[0])] or kept
    return Line("".join(parts), min(g.left for g in kept), row.top, max(g.right for g in kept), row.bottom,
                size, str(_dominant(g.font for g in counted)),
                sum(g.bold for g in counted) * 2 > len(counted), page, segments=tuple(segments))


@dataclass(frozen=True)
class _Grid:
    """A ruled table: the rules that draw it, and its outer box."""

    across: tuple[Rule, ...]
    """The horizontal rules, top to bottom."""
    down: tuple[Rule, ...]
    """The vertical rules, left to right."""
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, glyph: Glyph) -> bool:
        x, y = (glyph.left + glyph.right) / 2, (glyph.top + glyph.bottom) / 2
        return self.left < x < self.right and self.top < y < self.bottom


def straight(start: tuple[float, float], end: tuple[float, float]) -> list[Rule]:
    """The side of a drawn path from ``start`` to ``end`` (points from the page's top-left
    corner) as a rule, if it is horizontal or vertical."""
    (x0, y0), (x1, y1) = start, end
    if abs(y1 - y0) <= RULE_WIDTH / 2 or abs(x1 - x0) <= RULE_WIDTH / 2:
        return [Rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))]
    return []


def _grids(rules: Sequence[Rule]) -> list[_Grid]:
    """The ruled tables of a page: horizontal and vertical rules that meet, with two columns or more
    (a box drawn around a paragraph is no table)."""
    if len(rules) > MAX_RULES:
        return []
    across = [rule for rule in rules if rule.bottom - rule.top <= RULE_WIDTH < rule.right - rule.left]
    down = [rule for rule in rules if rule.right - rule.left <= RULE_WIDTH < rule.bottom - rule.top]
    if not across or not down:
        return []
    found = across + down
    parent = list(range(len(found)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, flat in enumerate(across):
        for j, upright in enumerate(down, start=len(across)):
            if flat.left - RULE_SLACK <= upright.left <= flat.right + RULE_SLACK \
                    and upright.top - RULE_SLACK <= flat.top <= upright.bottom + RULE_SLACK:
                parent[root(i)] = root(j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for index, rule in enumerate(found):
        flats, uprights = groups.setdefault(root(index), ([], []))
        (flats if index < len(across) else uprights).append(rule)
    grids = []
    for flats, uprights in groups.values():
        if len(flats) < 2 or len(_places([rule.left for rule in uprights])) < 3:
            continue
        group = flats + uprights
        grids.append(_Grid(tuple(sorted(flats, key=lambda rule: rule.top)),
                           tuple(sorted(uprights, key=lambda rule: rule.left)),
                           min(rule.left for rule in group), min(rule.top for rule in group),
                           max(rule.right for rule in group), max(rule.bottom for rule in group)))
    return grids


def _places(values: Iterable[float]) -> list[float]:
    """Positions with the ones closer than the rules' slack made one."""
    places: list[float] = []
    for value in sorted(values):
        if not places or value - places[-1] > RULE_SLACK:
            places.append(value)
    return places


def _grid_rows(grid: _Grid, glyphs: list[Glyph], page: int, number: int) -> list[Line]:
    """A ruled table's rows as lines, a cell's lines joined into one cell: the rows between the
    horizontal rules, the cells between the vertical rules that cross the row (a merged cell spans
    the columns whose rule stops short of it)."""
    tops = _places(rule.top for rule in grid.across)
    lines: list[Line] = []
    for top, bottom in pairwise(tops):
        band = [glyph for glyph in glyphs if top < (glyph.top + glyph.bottom) / 2 < bottom]
        if not any(not glyph.char.isspace() for glyph in band):
            continue
        middle = (top + bottom) / 2
        crossing = [rule.left for rule in grid.down
                    if rule.top - RULE_SLACK < middle < rule.bottom + RULE_SLACK]
        edges = _places([grid.left, grid.right, *crossing])
        texts: list[str] = []
        parts: list[Line] = []
        for left, right in pairwise(edges):
            inside = [glyph for glyph in band if left < (glyph.left + glyph.right) / 2 < right]
            cell = [line for line in (_line(row, page) for row in _rows(inside)) if line.text]
            texts.append(_joined([line.text for line in cell]))
            parts.extend(cell)
        if not parts:
            continue
        cells: list[tuple[int, int]] = []
        position = 0
        for text in texts:
            cells.append((position, position + len(text)))
            position += len(text) + 1
        lines.append(Line("\t".join(texts), grid.left, top, grid.right, bottom, parts[0].size, parts[0].font,
                          parts[0].bold, page, table=(page, number), cells=tuple(cells)))
    return lines


def _joined(texts: Sequence[str]) -> str:
    """The lines of a cell as one text: a space only between two Latin words."""
    joined = ""
    for text in texts:
        joined += " " + text if joined and _spaced(joined, text) else text
    return joined


def _aligned_tables(lines: list[Line], first_number: int) -> None:
    """Mark the tables a page sets without rules (or with only a rule above and below): two rows or
    more in a run whose stretches, parted by wide gaps, stand in the same columns. A line of one
    stretch between two such rows (a header cell over two lines) is a row of its own."""
    number = first_number
    run: list[Line] = []

    def close() -> None:
        nonlocal number
        while run and not run[-1].segments:
            run.pop()
        if sum(1 for line in run if line.segments) >= 2:
            for line in run:
                segments = line.segments or (_Segment(0, len(line.text), line.left, line.right),)
                line.cells = tuple((segment.start, segment.end) for segment in segments)
                text = list(line.text)
                for segment in segments[1:]:
                    text[segment.start - 1] = "\t"
                line.text = "".join(text)
                line.table = (line.page, number)
            number += 1
        run.clear()

    previous: Line | None = None
    for line in lines:
        if _row_like(line) and (previous is None or not run or _aligned(previous, line)):
            run.append(line)
            previous = line
        elif run and run[-1].segments and not line.segments and line.column == run[-1].column \
                and 3 * (line.right - line.left) < run[-1].right - run[-1].left:
            run.append(line)  # a lone cell, narrow beside the rows: kept only between two rows
        else:
            close()
            if _row_like(line):
                run.append(line)
                previous = line
    close()


def _row_like(line: Line) -> bool:
    """A line parted into stretches that is not a heading marker set off from its text."""
    if not line.segments:
        return False
    first = fold(line.text[line.segments[0].start:line.segments[0].end])
    found = marker_at(first)
    return found is None or found.end() < len(first)


def _aligned(above: Line, below: Line) -> bool:
    """Whether two rows stand in the same columns: every stretch of the row with fewer lies under
    a stretch of the other."""
    if above.column != below.column:
        return False
    fewer, more = sorted((above.segments, below.segments), key=len)
    return all(any(a.left <= b.right and b.left <= a.right for b in more) for a in fewer)


def _tracking(glyphs: Sequence[Glyph]) -> float:
    """The space a line sets between its Chinese characters (a line spread to the margins, or set
    with wider spacing): a gap is a space only beyond it."""
    gaps = sorted(b.left - a.right for a, b in pairwise(glyphs) if is_wide(a.char[-1]) and is_wide(b.char[0]))
    return max(0.0, gaps[len(gaps) // 2]) if len(gaps) >= 3 else 0.0


def _letter_spaced(glyphs: Sequence[Glyph]) -> bool:
    """Chinese characters set apart evenly (``国 务 院 文 件``, ``通  知``): one word, no spaces."""
    if len(glyphs) < 2 or not all(is_wide(g.char[0]) for g in glyphs):
        return False
    gaps = [b.left - a.right for a, b in pairwise(glyphs)]
    em = max(g.size for g in glyphs)
    return min(gaps) >= 0.3 * em and max(gaps) <= 2 * min(gaps) + 0.2 * em


@dataclass(frozen=True)
class _Extent:
    """Where a row's text stands across the page, and the gaps in it as wide as a character or
    wider: (start, end, how many characters stand before it)."""

    left: float
    right: float
    count: int
    gaps: tuple[tuple[float, float, int], ...]


def _extent(row: _Row, body: float) -> _Extent | None:
    visible = sorted((g for g in row.glyphs if not g.char.isspace()), key=lambda g: g.left)
    if not visible:
        return None
    gaps = tuple((a.right, b.left, index) for index, (a, b) in enumerate(pairwise(visible), start=1)
                 if b.left - a.right >= body)
    return _Extent(visible[0].left, max(g.right for g in visible), len(visible), gaps)


def _gutter(rows: Sequence[_Row], body: float) -> float | None:
    """The x of the white strip between two columns of text, if the page is set in two.

    Two columns: some x in the middle of the text that few rows cross, with text on both sides of
    it in many rows, as lines (several characters each side, no other wide gap), not as the cells
    of a table.
    """
    extents = [extent for extent in (_extent(row, body) for row in rows) if extent is not None]
    needed = max(4, len(extents) // 3)
    if len(extents) < 6 or sum(1 for extent in extents if extent.gaps) < needed:
        return None
    left = min(extent.left for extent in extents)
    right = max(extent.right for extent in extents)
    best: tuple[int, float] | None = None
    steps = 40
    for step in range(steps // 4, steps * 3 // 4 + 1):
        x = left + (right - left) * step / steps
        crossing = both = 0
        for extent in extents:
            if not extent.left < x < extent.right:
                continue
            before = next((count for start, end, count in extent.gaps if start <= x <= end), None)
            if before is None:
                crossing += 1
            elif before >= 6 and extent.count - before >= 6 and all(
                    end - start < 1.5 * body or start <= x <= end for start, end, _ in extent.gaps):
                both += 1  # a line each side; a table row has more cells, parted as widely
        if crossing * 4 <= len(extents) and both >= needed and (best is None or both > best[0]):
            best = (both, x)
    return None if best is None else best[1]


def _two_columns(rows: Sequence[_Row], gutter: float, body: float, page: int) -> list[Line]:
    """The lines of a two-column page: between the lines that run across the gutter (a title), the
    left column's lines, then the right column's."""
    lines: list[Line] = []
    left: list[Glyph] = []
    right: list[Glyph] = []

    def flush() -> None:
        for column, part in ((1, left), (2, right)):
            for row in _rows(part):
                line = _line(row, page)
                line.column = column
                lines.append(line)
        left.clear()
        right.clear()

    for row in rows:
        extent = _extent(row, body)
        if extent is not None and extent.left < gutter < extent.right \
                and not any(start <= gutter <= end for start, end, _ in extent.gaps):
            flush()
            lines.append(_line(row, page))
        else:
            left.extend(g for g in row.glyphs if (g.left + g.right) / 2 < gutter)
            right.extend(g for g in row.glyphs if (g.left + g.right) / 2 >= gutter)
    flush()
    return lines


def lay_out(pages: Iterable[Page]) -> Layout:
    """The text of the pages: lines in reading order, furniture set aside, paragraphs rebuilt.

    Each page is reduced to its lines as it comes, so that only lines, not characters, are held for
    the whole document.
    """
    by_page: list[list[Line]] = []
    heights: dict[int, float] = {}
    for page in pages:
        by_page.append(page_lines(page))
        heights[page.number] = page.height
    _mark_furniture(by_page, heights)
    return _assemble(by_page)


def _mark_furniture(by_page: list[list[Line]], heights: dict[int, float]) -> None:
    """Set the role of page numbers, running heads and feet, and footnotes."""
    counts: Counter[tuple[str, str]] = Counter()
    for lines in by_page:
        seen = {(zone, _shape(line.text)) for zone, line in _margin_lines(lines, heights)}
        counts.update(seen)
    repeated = max(2, (len(by_page) + 1) // 2)
    for lines in by_page:
        for zone, line in _margin_lines(lines, heights):
            if line.table:
                continue  # a table's head, repeated on each page the table runs over
            if line.text.replace(" ", "").isdigit() or counts[zone, _shape(line.text)] >= repeated:
                line.role = "furniture"
    body = _body_style(by_page)
    if body is None:
        return
    for lines in by_page:
        trailing: list[Line] = []
        for line in reversed([line for line in lines if line.role == "body"]):
            if line.size >= body.size / STYLE_RATIO or line.column or line.table:
                break
            trailing.insert(0, line)
        while trailing and not trailing[0].text.startswith(NOTE_STARTS):
            trailing.pop(0)
        for line in trailing:
            line.role = "note"


def _margin_lines(lines: list[Line], heights: dict[int, float]) -> list[tuple[str, Line]]:
    """The lines of a page that stand in its top or bottom margin zone, from the page's edges in:
    the only places furniture is looked for."""
    if not lines:
        return []
    height = heights.get(lines[0].page, 0.0)
    by_top = sorted(lines, key=lambda line: line.top)
    found = [("head", line) for line in by_top[:2] if line.bottom <= height * MARGIN_ZONE]
    for line in by_top[::-1][:2]:
        if line.top >= height * (1 - MARGIN_ZONE) and all(line is not other for _, other in found):
            found.append(("foot", line))
    return found


_DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    """A line with its numbers blanked: a running head or foot is the same on every page but its
    page number."""
    return _DIGITS.sub("#", text.replace(" ", ""))


@dataclass(frozen=True)
class _BodyStyle:
    size: float
    pitch: float
    """The usual distance from one line's top to the next line's, within a paragraph."""


def _body_style(by_page: list[list[Line]]) -> _BodyStyle | None:
    """The type of most of the text outside tables (of all of it, in a document that is only a
    table), weighed by characters, and its line pitch."""
    sizes: Counter[float] = Counter()
    in_tables: Counter[float] = Counter()
    for lines in by_page:
        for line in lines:
            if line.role == "body":
                (in_tables if line.table else sizes)[round(line.size, 1)] += len(line.text)
    sizes = sizes or in_tables
    if not sizes:
        return None
    size = sizes.most_common(1)[0][0]
    pitches: Counter[float] = Counter()
    for lines in by_page:
        body = [line for line in lines
                if line.role == "body" and not line.table and round(line.size, 1) == size]
        for above, below in pairwise(body):
            distance = below.top - above.top
            if above.column == below.column and 0 < distance < 3 * size:
                pitches[round(distance)] += 1
    pitch = float(pitches.most_common(1)[0][0]) if pitches else 1.5 * size
    return _BodyStyle(size, pitch)


@dataclass(frozen=True)
class _Margins:
    left: float
    right: float


def _margins(by_page: list[list[Line]], body: _BodyStyle) -> dict[int, _Margins]:
    """The left and right margins of the body text for each column kind (0: the whole page, 1 and
    2: the columns of a two-column page), over the whole document: the most common start, and the
    end most full lines reach."""
    starts: dict[int, Counter[float]] = {}
    ends: dict[int, list[float]] = {}
    for lines in by_page:
        for line in lines:
            if line.role == "body" and not line.table and abs(line.size - body.size) < 0.5:
                starts.setdefault(line.column, Counter())[round(line.left)] += 1
                ends.setdefault(line.column, []).append(line.right)
    margins: dict[int, _Margins] = {}
    for column, counter in starts.items():
        left = float(counter.most_common(1)[0][0])
        rights = sorted(ends[column])
        margins[column] = _Margins(left, rights[int(0.9 * (len(rights) - 1))])
    return margins


@dataclass
class _Paragraph:
    lines: list[Line] = field(default_factory=list)


def _assemble(by_page: list[list[Line]]) -> Layout:
    """Join the body lines into paragraphs; footnotes follow the paragraph that runs over their
    page's end."""
    body = _body_style(by_page)
    if body is None:
        return Layout("", ())
    margins = _margins(by_page, body)
    paragraphs: list[list[Line]] = []
    pending: list[Line] = []
    previous: Line | None = None
    for lines in by_page:
        for line in lines:
            if line.role != "body":
                continue
            if previous is None or _breaks(previous, line, margins, body):
                for note in pending:
                    _add(paragraphs, note,
                         new=not paragraphs or _breaks(paragraphs[-1][-1], note, margins, body))
                pending.clear()
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
            previous = line
        pending.extend(line for line in lines if line.role == "note")
    for note in pending:
        _add(paragraphs, note, new=not paragraphs or _breaks(paragraphs[-1][-1], note, margins, body))
    return _render(paragraphs)


def _add(paragraphs: list[list[Line]], line: Line, *, new: bool) -> None:
    if new:
        paragraphs.append([line])
    else:
        paragraphs[-1].append(line)


def _breaks(above: Line, below: Line, margins: dict[int, _Margins], body: _BodyStyle) -> bool:
    """Whether ``below`` starts a paragraph rather than continuing ``above``'s."""
    if above.role != below.role or above.table or below.table:
        return True
    if not _same_type(above, below):
        return True
    if not margins:
        return True
    margin = margins.get(below.column) or margins.get(0) or next(iter(margins.values()))
    above_margin = margins.get(above.column) or margin
    em = below.size
    if above.right < above_margin.right - SHORT_LINE_EMS * above.size:
        return True
    if below.left > margin.left + INDENT_EMS * em:
        return True
    if above.page == below.page and above.column == below.column \
            and below.top - above.top > PARAGRAPH_GAP * body.pitch * below.size / body.size:
        return True
    return _marker_then_gap(below.text)


def _same_type(above: Line, below: Line) -> bool:
    """The same size, weight and font: a change of type is a heading's edge."""
    ratio = max(above.size, below.size) / max(min(above.size, below.size), 0.1)
    return ratio < STYLE_RATIO and above.bold == below.bold and _family(above.font) == _family(below.font)


_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(r"[-,]?(Bold|Regular|Light|Medium|Italic|Oblique)\b.*$", re.IGNORECASE)


def _family(font: str) -> str:
    """A font's family: without the subset tag (``ABCDEF+``) and the weight (``-Bold``)."""
    return _STYLE_SUFFIX.sub("", _SUBSET.sub("", font))


def _marker_then_gap(text: str) -> bool:
    """A line that starts with a strong heading marker set off by a space (``第一条 为了``): a new
    paragraph even after a full line, which a marker that merely wrapped to a line start is not."""
    folded = fold(text)
    found = marker_at(folded)
    return found is not None and BY_TERMINAL[found.lastgroup or ""].strong \
        and folded[found.end():found.end() + 1] == " "


def _render(paragraphs: list[list[Line]]) -> Layout:
    """The paragraphs as text, one per line, and an anchor for each of their lines; the rows of a
    table (each a paragraph of its own) make one table region."""
    parts: list[str] = []
    anchors: list[Anchor] = []
    tables: list[TableRegion] = []
    rows: list[tuple[tuple[int, int], ...]] = []
    table: tuple[int, int] | None = None
    position = 0
    for number, paragraph in enumerate(paragraphs):
        row = paragraph[0]
        if row.table != table and rows:
            tables.append(TableRegion(rows[0][0][0], rows[-1][-1][1], tuple(rows)))
            rows = []
        table = row.table
        if number:
            parts.append("\n")
            position += 1
        if table is not None:
            rows.append(tuple((position + start, position + end) for start, end in row.cells))
        for index, line in enumerate(paragraph):
            if index and _spaced(paragraph[index - 1].text, line.text):
                parts.append(" ")
                position += 1
            parts.append(line.text)
            anchors.append(Anchor(position, position + len(line.text), f"page[{line.page}]", line.offset,
                                  line.page))
            position += len(line.text)
    if rows:
        tables.append(TableRegion(rows[0][0][0], rows[-1][-1][1], tuple(rows)))
    return Layout("".join(parts), tuple(anchors), tuple(tables))


def _spaced(before: str, after: str) -> bool:
    """Whether a line break stood for a space: between two Latin words."""
    last, first = before[-1], after[0]
    return last.isascii() and first.isascii() and last.isalnum() and first.isalnum() \
        and not (last.isdigit() and first.isdigit())
