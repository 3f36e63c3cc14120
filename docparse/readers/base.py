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
