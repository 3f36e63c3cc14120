"""Stage 1, read: the bytes of a file → the text the rest of the pipeline parses.

One reader per input format, behind :class:`Reader`; :func:`read` chooses one by content (magic
bytes, markup), then by the file's extension, unless the caller names a format. The plain text
reader (text.py) decodes any common encoding; readers of other formats produce the same
:class:`Reading`.
"""

from __future__ import annotations

from pathlib import PurePath

from ..errors import UnknownFormatError
from .base import Anchor, Reader, Reading, TableRegion
from .doc import DocReader
from .docx import DocxReader
from .html import HtmlReader
from .ofd import OfdReader
from .pdf import PdfReader
from .text import MarkdownReader, TextReader

__all__ = ["EXTENSIONS", "READERS", "Anchor", "Reader", "Reading", "TableRegion", "choose", "read"]

READERS: tuple[Reader, ...] = (PdfReader(), OfdReader(), DocxReader(), DocReader(), HtmlReader(),
                               MarkdownReader(), TextReader())
"""Every reader, in the order their content tests are tried; the last is the fallback."""

EXTENSIONS: frozenset[str] = frozenset(extension for reader in READERS for extension in reader.extensions
                                       if extension)
"""The file extensions some reader reads (lower case, with the dot): what ``convert DIR`` picks up."""


def choose(data: bytes, *, path: str | None = None, format: str | None = None) -> Reader:
    """The reader for ``data``: the one named by ``format``, else the first whose content test
    accepts it, else the one for the file's extension, else the plain text reader."""
    if format is not None:
        for reader in READERS:
            if reader.name == format:
                return reader
        names = "、".join(reader.name for reader in READERS)
        raise UnknownFormatError(f"不支持的输入格式“{format}”（可用：{names}）", path=path)
    for reader in READERS:
        if reader.sniff(data):
            return reader
    suffix = PurePath(path).suffix.lower() if path else ""
    for reader in READERS:
        if suffix in reader.extensions:
            return reader
    return READERS[-1]


def read(data: bytes, *, encoding: str | None = None, path: str | None = None,
         format: str | None = None) -> Reading:
    """Read ``data`` with the reader :func:`choose` picks.

    Raises:
        DocparseError: input that reader cannot read (empty, binary, undecodable …).
    """
    return choose(data, path=path, format=format).read(data, encoding=encoding, path=path)
