"""Chunks for retrieval (RAG): pieces of a document's text that never cross a section, each with
its heading path and the document's metadata.

A chunk is a stretch of ``doc.text`` (``chunk.text == doc.text[chunk.start:chunk.end]``), so a hit
can be shown in its source and its neighbours found by offset. The rules follow what users of
retrieval pipelines ask for: a section's heading goes with its first text (a heading alone retrieves
nothing); a long paragraph is cut where a sentence (a claim) ends, never inside one unless that
sentence alone is over the limit; an enumeration item (一是…) stays whole when it fits; a table is its
own chunk, cut between rows; furniture, metadata lines and a table of contents are never in a chunk
(they are not in the body). ``length`` measures a text: ``len`` for characters, or a tokenizer's
count, so that the limit can be in tokens.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from ..spans import Locator, page_starts
from .base import Renderer

if TYPE_CHECKING:
    from ..models import Document, Paragraph, Section

Length = Callable[[str], int]

_SOFT_BREAKS = "，；、：,;:"
"""Where a sentence longer than the limit is cut, the last such mark before the limit."""


class Chunk(BaseModel):
    """One chunk: its text and offsets, where it sits in the document, and the document's metadata."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    id: str
    """``{doc_id}#{index}``."""
    doc_id: str
    """The document's id: its path as given, else the first 16 hex digits of its SHA-256."""
    index: int
    """The chunk's place in the document, from 0."""
    kind: Literal["text", "table"]
    text: str
    """``doc.text[start:end]``."""
    start: int
    end: int
    line: int
    """The line (from 1) where the chunk starts."""
    end_line: int
    page: int | None = None
    """The page of the original where the chunk starts (PDF, OFD); ``None`` for other formats."""
    end_page: int | None = None
    """The page where it ends (a chunk may run over a page break)."""
    heading_path: list[str]
    """The headings above the chunk, outermost first, each its marker and title (``一、主要工作``)."""
    path: str
    """The section's path (``一/（一）``); empty before the first heading."""
    section_id: str | None
    """The id of the section the chunk is in (``s1.2``); ``None`` before the first heading."""
    level: int
    """The section's level (0 before the first heading)."""
    role: str
    """The section's role (measures, duty, problems, plans, other)."""
    title: str | None
    """The document's title."""
    doc_number: str | None
    issuer: str | None
    written_date: dt.date | None
    publish_date: dt.date | None
    doc_type: str
    report_year: int | None
    text_with_context: str
    """The document title and the heading path, then the text: what to embed, so that a chunk
    reads with its context."""


@dataclass(frozen=True)
class _Unit:
    """A piece a chunk is made of: a heading, a paragraph, a sentence, an item or a table row."""

    start: int
    end: int


def chunks(doc: Document, *, max_chars: int = 500, overlap: int = 0, length: Length = len,
           doc_id: str | None = None) -> list[Chunk]:
    """The chunks of ``doc``, in text order (see the module docstring).

    ``max_chars`` is the limit as ``length`` measures it (characters by default); ``overlap`` how
    much of the previous chunk's end (whole sentences, as ``length`` measures) a chunk repeats at its
    start, within a section.

    >>> import docparse
    >>> doc = docparse.parse("关于2022年度工作的报告\\n一、主要工作\\n开展培训12次。完成验收3项。")
    >>> [(c.path, c.text) for c in chunks(doc)]
    [('一', '一、主要工作\\n开展培训12次。完成验收3项。')]
    """
    if max_chars < 1:
        raise ValueError("max_chars 至少为 1")
    if overlap < 0 or overlap >= max_chars:
        raise ValueError("overlap 应不小于 0 且小于 max_chars")
    return list(_Chunker(doc, max_chars, overlap, length, doc_id).run())


class _Chunker:
    def __init__(self, doc: Document, max_chars: int, overlap: int, length: Length,
                 doc_id: str | None) -> None:
        self.doc = doc
        self.text = doc.text
        self.limit = max_chars
        self.overlap = overlap
        self.length = length
        self.doc_id = doc_id or doc.source.path or doc.source.sha256[:16]
        self.count = 0
        self.locator = Locator(doc.text, page_starts(doc.source_map))
        self.barriers = sorted(furniture.span.start for furniture in doc.furniture)
        """Where furniture stands (a footer inside a section): no chunk reaches over it."""

    def run(self) -> Iterator[Chunk]:
        yield from self._group(None, [], [], self.doc.preamble)
        for section in self.doc.sections:
            yield from self._section(section, [])
        for attachment in self.doc.attachments:
            label = self.text[attachment.heading_span.start:attachment.heading_span.end].strip()
            heading = [_Unit(attachment.heading_span.start, attachment.heading_span.end)]
            yield from self._group(None, [label], heading, attachment.preamble)
            for section in attachment.sections:
                yield from self._section(section, [label])

    def _section(self, section: Section, above: list[str]) -> Iterator[Chunk]:
        heading = f"{section.marker.raw}{section.title}".strip()
        path = [*above, heading]
        units = [_Unit(section.heading_span.start, section.heading_span.end)]
        paragraphs: list[Paragraph] = []
        for block in section.blocks():  # a paragraph may follow the sections below (an article's 款)
            if block.kind == "paragraph":
                paragraphs.append(block)
                continue
            if units or paragraphs:
                yield from self._group(section, path, units, paragraphs)
            units, paragraphs = [], []
            yield from self._section(block, path)
        if units or paragraphs:
            yield from self._group(section, path, units, paragraphs)

    def _group(self, section: Section | None, path: list[str], heading: list[_Unit],
               paragraphs: list[Paragraph]) -> Iterator[Chunk]:
        """The chunks of one section's own text: its heading, joined to the first piece of its
        first paragraph, then its paragraphs."""
        pending = list(heading)
        for paragraph in paragraphs:
            if paragraph.table is not None:
                yield from self._pack(section, path, self._cut_all(pending), "text")
                pending = []
                rows = [_Unit(row[0].span.start, row[-1].span.end) for row in paragraph.table.rows if row]
                yield from self._pack(section, path, self._cut_all(rows), "table")
                continue
            units = self._units(paragraph)
            if (len(pending) == 1 and heading and pending[0] == heading[0] and units
                    and not self._barrier_between(heading[0].end, units[0].start)):
                units[0] = _Unit(heading[0].start, units[0].end)  # the heading goes with its first text
                pending = []
            pending.extend(units)
        yield from self._pack(section, path, self._cut_all(pending), "text")

    def _cut_all(self, units: list[_Unit]) -> list[_Unit]:
        return [piece for unit in units for piece in self._cut(unit)]

    def _units(self, paragraph: Paragraph) -> list[_Unit]:
        """A paragraph whole if it fits; else its sentences and items (cut later if one alone is
        over the limit)."""
        if self._fits(paragraph.span.start, paragraph.span.end):
            return [_Unit(paragraph.span.start, paragraph.span.end)]
        units: list[_Unit] = [_Unit(claim.span.start, claim.span.end) for claim in paragraph.claims]
        for item in paragraph.items:
            if self._fits(item.span.start, item.span.end):
                units.append(_Unit(item.span.start, item.span.end))
            else:
                marker_end = item.claims[0].span.start if item.claims else item.span.end
                units.append(_Unit(item.span.start, marker_end))
                units.extend(_Unit(claim.span.start, claim.span.end) for claim in item.claims)
        if not units:
            units = [_Unit(paragraph.span.start, paragraph.span.end)]
        units.sort(key=lambda unit: unit.start)
        return units

    def _cut(self, unit: _Unit) -> Iterator[_Unit]:
        """``unit`` in pieces within the limit: at the last soft break (，；) before it, else where
        the limit falls."""
        start = unit.start
        while not self._fits(start, unit.end):
            end = self._longest_fit(start, unit.end)
            soft = max(self.text.rfind(mark, start + 1, end) for mark in _SOFT_BREAKS)
            end = soft + 1 if soft > start else end
            yield _Unit(start, end)
            start = end
        if start < unit.end:
            yield _Unit(start, unit.end)

    def _longest_fit(self, start: int, end: int) -> int:
        """The largest ``stop`` in ``(start, end]`` with ``text[start:stop]`` within the limit (at
        least one character)."""
        low, high = start + 1, end
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(start, middle):
                low = middle
            else:
                high = middle - 1
        return low

    def _barrier_between(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.barriers, start)
        return index < len(self.barriers) and self.barriers[index] < end

    def _fits(self, start: int, end: int) -> bool:
        return self.length(self.text[start:end]) <= self.limit

    def _pack(self, section: Section | None, path: list[str], units: list[_Unit],
              kind: Literal["text", "table"]) -> Iterator[Chunk]:
        """Consecutive units joined while the chunk stays within the limit."""
        first = 0
        while first < len(units):
            last = first
            while (last + 1 < len(units) and self._fits(units[first].start, units[last + 1].end)
                   and not self._barrier_between(units[last].end, units[last + 1].start)):
                last += 1
            yield self._chunk(section, path, units[first].start, units[last].end, kind)
            if last + 1 >= len(units):
                break
            following = last + 1
            if self.overlap and kind == "text":
                while (following - 1 > first
                       and self.length(self.text[units[following - 1].start:units[last].end]) <= self.overlap
                       and self._fits(units[following - 1].start, units[last + 1].end)):
                    following -= 1
            first = following

    def _chunk(self, section: Section | None, path: list[str], start: int, end: int,
               kind: Literal["text", "table"]) -> Chunk:
        doc = self.doc
        text = self.text[start:end]
        context = " > ".join([doc.title.text, *path] if doc.title else path)
        index = self.count
        self.count += 1
        written = doc.metadata.written_date or (doc.closing.date if doc.closing else None)
        span = self.locator.span(start, end)
        return Chunk(
            id=f"{self.doc_id}#{index}", doc_id=self.doc_id, index=index, kind=kind, text=text,
            start=start, end=end, line=span.line, end_line=span.end_line,
            page=span.page, end_page=span.end_page,
            heading_path=path, path=section.path if section else "",
            section_id=section.id if section else None,
            level=section.level if section else 0, role=section.role if section else "other",
            title=doc.title.text if doc.title else None, doc_number=doc.metadata.doc_number,
            issuer=doc.metadata.issuer, written_date=written, publish_date=doc.metadata.publish_date,
            doc_type=doc.doc_type, report_year=doc.report_year,
            text_with_context=f"{context}\n{text}" if context else text)


class ChunksJsonLines(Renderer["Document"]):
    """Chunks as JSON Lines, one chunk a line."""

    name = "chunks"
    media_type = "application/jsonl"
    extension = ".chunks.jsonl"

    def __init__(self, *, max_chars: int = 500, overlap: int = 0) -> None:
        self.max_chars = max_chars
        self.overlap = overlap

    def chunks(self, item: Document, doc_id: str | None = None) -> Iterator[bytes | memoryview]:
        for chunk in chunks(item, max_chars=self.max_chars, overlap=self.overlap, doc_id=doc_id):
            yield chunk.model_dump_json().encode("utf-8") + b"\n"
