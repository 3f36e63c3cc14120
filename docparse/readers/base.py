"""What a reader is and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Reading:
    """The text a reader produced from a file, and how it got it."""

    text: str
    format: str
    """The reader's name (``text`` …)."""
    encoding: str
    """The codec the bytes were decoded with."""
    confidence: float
    """How sure the decoding is: 1.0 for a BOM, strict UTF-8 or a forced encoding."""
    bom: bool = False
    replaced: int = 0
    """How many undecodable bytes became U+FFFD."""
    misread_as: str | None = None
    """The encoding mojibake that decoding undid had been misread with (DP104)."""
    title_hint: str | None = None
    """The title as the format states it outside the body text (HTML ``<meta name="ArticleTitle">``
    or ``<h1>``, a Word file's title property), for the front matter to prefer."""
    metadata: tuple[tuple[str, str], ...] = ()
    """Labelled values the format carries outside the text (``<meta name="PubDate">``, a Word
    file's core properties), as (label, value) pairs in the labels of docparse.metadata."""
    anchors: tuple[Anchor, ...] = ()
    """The source map: where each stretch of ``text`` came from, in text order."""
    tables: tuple[TableRegion, ...] = ()
    """The tables of the input, in text order."""


@dataclass(frozen=True)
class Anchor:
    """A stretch of the reading's text and the element of the original it came from
    (:class:`docparse.models.SourceAnchor`)."""

    start: int
    end: int
    where: str
    offset: int = 0
    page: int | None = None


@dataclass(frozen=True)
class TableRegion:
    """A table in the reading's text: its extent and the extent of each cell, row by row."""

    start: int
    end: int
    rows: tuple[tuple[tuple[int, int], ...], ...]


class Reader(Protocol):
    """Reads one input format."""

    name: str
    """The format's name (``--format-in``, ``SourceInfo``)."""
    extensions: tuple[str, ...]
    """File extensions of the format, lower case with the dot (``.txt``)."""

    def sniff(self, data: bytes) -> bool:
        """Whether the content is unmistakably this format (magic bytes, markup)."""
        ...

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        """The text of ``data``; raises a DocparseError naming ``path`` for input it cannot read."""
        ...
