"""Plain text in any common encoding (and the fallback reader: what no other reader claims)."""

from __future__ import annotations

from ..decode import decode
from .base import Reading


class TextReader:
    """Decodes text (BOM, UTF-8, then detection; GB18030, Big5, UTF-16 …)."""

    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".text", "")

    def sniff(self, data: bytes) -> bool:
        """Plain text has no signature: it is what the other readers leave."""
        return False

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        decoded = decode(data, encoding=encoding, path=path)
        return Reading(decoded.text, self.name, decoded.encoding, decoded.confidence, decoded.bom,
                       decoded.replaced, decoded.misread_as)


class MarkdownReader(TextReader):
    """Markdown, from converters and repositories: decoded as text; its decoration (``#``, ``**``,
    tables, front matter) is read by the later stages, as it is inside a .txt file."""

    name: str = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown")
