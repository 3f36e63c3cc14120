"""Offsets into the text → :class:`~docparse.models.Span` objects with line and column: the span
arithmetic every stage shares."""

from __future__ import annotations

import bisect

from .models import Span, build_span


class Locator:
    """Turns offsets into :class:`Span` objects with 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
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
            return Span(start=start, end=end, line=line, column=column,
                        end_line=end_line, end_column=end_column)
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
        self._last = build_span(start, end, numbers[index], start - starts[index] + 1,
                                numbers[end_index], end - starts[end_index] + 1)
        return self._last
