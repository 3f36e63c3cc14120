"""Embedded parts (``w:altChunk``): a body Word imports when it opens the file, usually a web
page, plain or saved as a web archive (MHT). Converters of laws and web pages write whole
documents this way, with nothing else in ``document.xml``."""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser

_WEB_ARCHIVES = frozenset({"message/rfc822", "multipart/related"})
_PAGES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def chunk_text(data: bytes, content_type: str) -> str | None:
    """The text of an embedded part, or ``None`` for a kind not read (RTF, another .docx)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in _WEB_ARCHIVES or data.lstrip()[:13].lower().startswith(b"mime-version"):
        page = _archived_page(data)
        return None if page is None else html_text(*page)
    if kind in _PAGES:
        return html_text(data, None)
    if kind == "text/plain":
        return data.decode("utf-8", "replace")
    return None


def _archived_page(data: bytes) -> tuple[bytes, str | None] | None:
    """The first web page of a web archive (MIME, its parts quoted-printable or base64) and its
    declared charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in _PAGES:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    return None


def _decode(data: bytes, charset: str | None) -> str:
    declared = charset
    if declared is None:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    for codec in (declared, "utf-8"):
        if codec is None:
            continue
        try:
            return data.decode("gb18030" if codec.lower() in ("gb2312", "gbk") else codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def html_text(data: bytes, charset: str | None) -> str:
    """A web page as lines: a line break around every block element and ``<br>``, table cells
    separated by tabs, scripts, styles and the head left out, runs of white space as one space
    (the lines of ``<pre>`` kept)."""
    parser = _Lines()
    parser.feed(_decode(data, charset))
    parser.close()
    return parser.text()


_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl",
                     "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                     "header", "hr", "li", "main", "nav", "ol", "p", "section", "table", "tbody",
                     "thead", "tfoot", "tr", "ul"})
_CELLS = frozenset({"td", "th"})
_UNSHOWN = frozenset({"script", "style", "head", "template", "noscript"})
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._pieces: list[str] = []
        self._unshown = 0
        self._cells = 0
        self._preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSHOWN:
            self._unshown += 1
        elif tag == "pre":
            self._preformatted += 1
            self._pieces.append("\n")
        elif tag == "br" or tag in _BLOCKS:
            self._pieces.append("\n")
            if tag == "tr":
                self._cells = 0
        elif tag in _CELLS:
            if self._cells:
                self._pieces.append("\t")
            self._cells += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCKS:
            self._pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNSHOWN:
            self._unshown = max(0, self._unshown - 1)
        elif tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)
            self._pieces.append("\n")
        elif tag in _BLOCKS:
            self._pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if self._unshown:
            return
        if self._preformatted:
            self._pieces.append(data.replace("\r\n", "\n").replace("\t", " "))
        else:
            self._pieces.append(_ASCII_SPACE.sub(" ", data))

    def text(self) -> str:
        lines = ("\t".join(cell.strip(" ") for cell in line.split("\t"))
                 for line in "".join(self._pieces).split("\n"))
        return "\n".join(line for line in lines if line.strip())
