"""Tables a reader marked in the text (``Reading.tables``): their rows stay lines of their own, are
never headings, and become one table paragraph in the body.

A reader writes a table a row a line, its cells separated by tabs, and says where each cell is
(:class:`docparse.readers.TableRegion`). A row such as ``1\\t项目\\t金额`` would read as a heading
numbered 1, and a long row could be cut where a marker stands inside it: the stages ask here first.
"""

from __future__ import annotations

import bisect

from .lines import Line, split_lines
from .models import Table, TableCell, build
from .readers import TableRegion
from .spans import Locator


class Tables:
    """The table regions of a text, found by offset."""

    def __init__(self, regions: tuple[TableRegion, ...] | list[TableRegion] = ()) -> None:
        self.regions = sorted(regions, key=lambda region: region.start)
        self.starts = [region.start for region in self.regions]

    def __bool__(self) -> bool:
        return bool(self.regions)

    def around(self, start: int, end: int) -> TableRegion | None:
        """The table that ``[start, end)`` overlaps, if any."""
        index = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        if index >= 0 and self.regions[index].end > start:
            return self.regions[index]
        return None

    def holding(self, start: int, end: int) -> TableRegion | None:
        """The table ``[start, end)`` lies in, if any."""
        region = self.around(start, end)
        return region if region is not None and region.start <= start and end <= region.end else None


def keep_table_rows(lines: list[Line], regions: tuple[TableRegion, ...], text: str,
                    folded: str) -> list[Line]:
    """The lines, with every line that touches a table as the text has it: a row a line, not cut
    where a marker stands inside it nor joined to the line after it."""
    if not regions:
        return lines
    tables = Tables(regions)
    result: list[Line] = []
    done = 0  # text before this offset is in result
    for line in lines:
        if line.end < done:
            continue
        if tables.around(line.start, max(line.end, line.start + 1)) is None:
            result.append(line)
            continue
        first = text.rfind("\n", 0, line.start) + 1
        start = max(first, done)
        number = line.number + text.count("\n", line.start, start) if start > line.start else line.number
        last = text.find("\n", line.end)
        stop = len(text) if last < 0 else last
        result.extend(Line(number + row.number - 1, start + row.start, start + row.end, row.raw, row.folded)
                      for row in split_lines(text[start:stop], folded[start:stop]))
        done = stop + 1
    return result


def merge_table_lines(lines: list[Line], tables: Tables, text: str, folded: str) -> list[Line]:
    """The body lines with the rows of each table made one line (one paragraph of the body)."""
    if not tables:
        return lines
    result: list[Line] = []
    for line in lines:
        region = tables.holding(line.start, line.end)
        previous = result[-1] if result else None
        if (region is not None and previous is not None
                and tables.holding(previous.start, previous.end) is region):
            result[-1] = Line(previous.number, previous.start, line.end, text[previous.start:line.end],
                              folded[previous.start:line.end])
        else:
            result.append(line)
    return result


def table_model(region: TableRegion, table_id: str, text: str, locator: Locator) -> Table:
    """The Table of a region: its rows of cells, each with its text and span."""
    rows = [[build(TableCell, text=text[start:end], span=locator.span(start, end)) for start, end in row]
            for row in region.rows]
    return build(Table, id=table_id, span=locator.span(region.start, region.end), rows=rows)
