"""The .docx container: a ZIP of XML parts found through relationships (Open Packaging Conventions).

Parts are read with a size cap (a ZIP's declared sizes can lie: a small file may inflate to
gigabytes) and parsed by the standard library's ElementTree, refusing any part that declares a
DTD (Word never writes one; entity definitions are how XML bombs work).

Most of a Word part is formatting no reader of its text needs: Word and WPS write the fonts,
sizes and spacing of every run and paragraph again (three quarters of the bytes of a typical
document.xml, nine tenths of a styles.xml with its latent and table styles). Those elements are
cut from the bytes before parsing (:data:`FORMATTING`, :func:`unread_styles`), which makes the
parse three to five times faster; the patterns match only whole elements that hold no text.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from io import BytesIO
from xml.etree.ElementTree import Element, ParseError, fromstring

from ...errors import BinaryInputError, LimitError
from .wordml import STRICT_NAMESPACES

PART_LIMIT = 256 * 1024 * 1024
"""The most bytes one part may inflate to (the text reader's own input limit)."""

_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = re.compile(r"/officeDocument$")
WORD_MAIN_TYPES = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
})
"""The content types of a Word document's main part (.docx, .dotx, .docm, .dotm)."""
FORMATTING = re.compile(
    rb"<w:(?:rFonts|sz|szCs|b|bCs|i|iCs|caps|smallCaps|strike|dstrike|outline|shadow|emboss|imprint|"
    rb"noProof|color|kern|lang|spacing|w|position|u|effect|bdr|shd|highlight|vertAlign|fitText|"
    rb"eastAsianLayout|rtl|cs|webHidden|ind|jc|keepNext|keepLines|pageBreakBefore|widowControl|"
    rb"suppressLineNumbers|suppressAutoHyphens|kinsoku|wordWrap|overflowPunct|topLinePunct|autoSpaceDE|"
    rb"autoSpaceDN|bidi|adjustRightInd|snapToGrid|textAlignment|contextualSpacing|mirrorIndents|"
    rb"top|left|bottom|right|start|end|insideH|insideV|tcW|vAlign|noWrap|tblW|tblInd|tblLook|gridCol|"
    rb"trHeight|rsid)\b[^>]*/>")
"""Empty formatting elements of runs, paragraphs and tables (fonts, sizes, spacing, borders …),
written ``<w:sz w:val="32"/>``: none is read. Only the ``w:`` prefix Word and WPS use is matched;
a file that binds the namespace to another prefix is read whole, as correctly."""


def formatting(data: bytes) -> bytes:
    """A document part without :data:`FORMATTING`."""
    return FORMATTING.sub(b"", data)
_STYLE_START = re.compile(rb"<w:style\b[^>]*>|<w:latentStyles\b[^>]*>")
_UNREAD_STYLE = re.compile(rb"^<w:style\b[^>]*w:type=\"(?:table|character)\"")


def unread_styles(data: bytes) -> bytes:
    """styles.xml without its character and table styles and its latent style list (``w:style``
    does not nest): only paragraph and numbering styles are read."""
    pieces: list[bytes] = []
    kept = 0
    for start in _STYLE_START.finditer(data):
        if start.start() < kept or start.group().endswith(b"/>"):
            continue
        latent = start.group().startswith(b"<w:latentStyles")
        if not latent and not _UNREAD_STYLE.match(start.group()):
            continue
        close = b"</w:latentStyles>" if latent else b"</w:style>"
        end = data.find(close, start.end())
        if end < 0:
            break
        pieces.append(data[kept:start.start()])
        kept = end + len(close)
    pieces.append(data[kept:])
    return b"".join(pieces)


_DTD_MARKS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))

NOT_WORD = "不是 Word 文档（.docx）"


class Package:
    """The parts of an opened .docx."""

    def __init__(self, data: bytes, path: str | None) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            self._names = {info.filename: info for info in self._zip.infolist()}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise BinaryInputError("Word 文档无法打开：ZIP 结构已损坏或文件不完整", path=path) from None
        self._types = self._content_types()
        self.main = self._main_part()

    def _content_types(self) -> dict[str, str]:
        """The content type of each part, by its name without the leading slash."""
        root = self.xml("[Content_Types].xml")
        if root is None:
            raise BinaryInputError(f"{NOT_WORD}：ZIP 中没有 [Content_Types].xml", path=self.path)
        defaults: dict[str, str] = {}
        types: dict[str, str] = {}
        for element in root:
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "Default":
                defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
            elif tag == "Override":
                types[element.get("PartName", "").lstrip("/")] = element.get("ContentType", "")
        for name in self._names:
            extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            types.setdefault(name, defaults.get(extension, ""))
        return types

    def _main_part(self) -> str:
        """The main document part, named by the package's officeDocument relationship."""
        candidates = [target for kind, target in self.relationships("").values()
                      if _OFFICE_DOCUMENT.search(kind)]
        candidates.append("word/document.xml")
        for name in candidates:
            if self.content_type(name) in WORD_MAIN_TYPES:
                return name
        raise BinaryInputError(f"{NOT_WORD}：ZIP 中没有 Word 正文部件（word/document.xml）", path=self.path)

    def content_type(self, name: str) -> str:
        return self._types.get(name, "") if name in self._names else ""

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name`` (``None`` when the package has no such part)."""
        info = self._names.get(name)
        if info is None:
            return None
        if info.file_size > PART_LIMIT:
            raise LimitError(f"Word 部件 {name} 超过 {PART_LIMIT} 字节的上限", path=self.path)
        try:
            with self._zip.open(info) as stream:
                data = stream.read(PART_LIMIT + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            # a damaged or cut entry (CRC, zlib), an unknown compression method, an encrypted entry
            raise BinaryInputError(f"Word 文档已损坏：部件 {name} 无法解压", path=self.path) from None
        if len(data) > PART_LIMIT:
            raise LimitError(f"Word 部件 {name} 超过 {PART_LIMIT} 字节的上限", path=self.path)
        return data

    def xml(self, name: str, unread: Callable[[bytes], bytes] | None = None) -> Element | None:
        """Part ``name`` parsed (``None`` when absent), after ``unread`` cut what is not read."""
        data = self.read(name)
        if data is None:
            return None
        if any(mark in data for mark in _DTD_MARKS):
            raise BinaryInputError(f"Word 部件 {name} 含有 DTD，不予读取", path=self.path)
        for strict, transitional in STRICT_NAMESPACES:
            if strict in data:
                data = data.replace(strict, transitional)
        if unread is not None:
            data = unread(data)
        try:
            return fromstring(data)
        except ParseError as error:
            line, column = error.position
            raise BinaryInputError(f"Word 文档已损坏：部件 {name} 不是完整的 XML"
                                   f"（第 {line} 行第 {column} 列）", path=self.path) from None

    def relationships(self, source: str) -> dict[str, tuple[str, str]]:
        """The relationships of part ``source`` (``""``: the package's): id → (type, target
        part name). External targets (hyperlinks) are left out."""
        folder, base = posixpath.split(source)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found: dict[str, tuple[str, str]] = {}
        if root is None:
            return found
        for element in root.iter(f"{{{_PACKAGE_RELS}}}Relationship"):
            if element.get("TargetMode") == "External":
                continue
            target = element.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found[element.get("Id", "")] = (element.get("Type", ""), name)
        return found


def is_word_zip(data: bytes) -> bool:
    """A ZIP holding a Word document: the names of a ZIP's entries are stored as they are, so a
    .docx shows ``word/`` near its start (every entry) and in its directory at the end."""
    return data.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in data and b"word/" in data
