"""Offsets into the text → :class:`~docparse.models.Span` objects with line and column: the span
arithmetic every stage shares."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol

from .models import Span, build_span


class PagedAnchor(Protocol):
    """A stretch of the text and the page of the original it came from (a reader's anchor or a
    :class:`~docparse.models.SourceAnchor`)."""

    @property
    def start(self) -> int: ...

    @property
    def page(self) -> int | None: ...


def page_starts(anchors: Iterable[PagedAnchor]) -> list[tuple[int, int]]:
    """(offset, page) where each page of a paged original starts in the text, in text order; empty
    for a text without pages. A page runs to the next one's start, so that every offset, also a
    line break the reader added between two pages, has a page."""
    starts: list[tuple[int, int]] = []
    for anchor in anchors:
        if anchor.page is not None and (not starts or anchor.page != starts[-1][1]):
            starts.append((anchor.start, anchor.page))
    return starts


class Locator:
    """Turns offsets into :class:`Span` objects with 1-based line and column numbers, and the
    page numbers of a paged original (:func:`page_starts`)."""

    def __init__(self, text: str, pages: list[tuple[int, int]] | None = None) -> None:
        self.line_starts = [0]
        """The offset each line starts at, and a last start past every offset (``len(text) + 1``):
        the line after any line exists (see :meth:`span`)."""
        find = text.find
        pos = find("\n")
        while pos >= 0:
            self.line_starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.line_numbers = list(range(1, len(self.line_starts) + 1))
        """One int object per line number, shared by every span on that line (ints above 256 are
        separate objects of 28 bytes each: two per span for a 10 MB document were 28 MB), and by
        the lines of :func:`docparse.lines.split_lines` (their numbers and starts are these)."""
        self.line_starts.append(len(text) + 1)
        self._page_offsets = [start for start, _ in pages or ()]
        self._page_numbers = [page for _, page in pages or ()]
        self._last: Span | None = None
        """The span made last: a paragraph of one sentence asks for its claim's span and then its
        own, the same; spans are frozen, so the two nodes share one object (a tenth of a document
        of short paragraphs)."""

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``text[start:end]`` (one bisect; two when it crosses a line end)."""
        if start < 0 or end < 0:  # no valid span: let validation say so
            line, column = self.position(start)
            end_line, end_column = self.position(end)
            return Span(start=start, end=end, line=line, column=column, end_line=end_line,
                        end_column=end_column, page=self.page(start), end_page=self.page(end))
        last = self._last
        if last is not None and last.start == start and last.end == end:
            return last
        starts = self.line_starts
        index = bisect.bisect_right(starts, start) - 1
        if start <= end and end < starts[index + 1]:
            end_index = index  # most spans end on the line they start on
        else:
            end_index = bisect.bisect_right(starts, end, index if start <= end else 0) - 1
        numbers = self.line_numbers
        if self._page_offsets:
            page, end_page = self.page(start), self.page(max(start, end - 1))
        else:
            page = end_page = None
        self._last = build_span(start, end, numbers[index], start - starts[index] + 1,
                                numbers[end_index], end - starts[end_index] + 1, page, end_page)
        return self._last

    def page(self, offset: int) -> int | None:
        """The page of the original that holds ``text[offset]``, or ``None`` for a text without pages."""
        if not self._page_offsets:
            return None
        index = bisect.bisect_right(self._page_offsets, offset) - 1
        return self._page_numbers[max(index, 0)]
