"""OFD (GB/T 33190-2016), China's format for official electronic documents: a ZIP of XML files.

``OFD.xml`` names the document (``DocBody/DocRoot`` → ``Document.xml``) and its properties
(``DocInfo``); ``Document.xml`` lists the pages (``Pages/Page/@BaseLoc`` → ``Content.xml``), the
page size (``PhysicalBox``, in millimetres) and the fonts (``PublicRes.xml``). A page's text is
``TextObject`` elements (a ``Boundary`` box, a font ``Size``, an optional ``CTM``) holding
``TextCode`` runs: a start ``X``/``Y`` (the baseline) and the advance to each next character in
``DeltaX``/``DeltaY`` (``g 3 5.57`` repeats 5.57 three times). Every character is placed and the
pages go through the same layout as PDF (:mod:`.layout`). Read with the standard library alone
(zipfile, ElementTree): no extra to install.
"""

from __future__ import annotations

import io
import itertools
import posixpath
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from ..errors import BinaryInputError, EmptyInputError, LimitError
from .base import Reading
from .layout import MAX_RULES, RULE_WIDTH, Glyph, Page, Rule, is_wide, lay_out, straight

POINTS_PER_MM = 72 / 25.4
MAX_PART_BYTES = 256 * 1024 * 1024
"""The most a single XML part of the archive may unpack to (a ZIP bomb is refused)."""
ASCENT = 0.88
"""Where a character's box starts above its baseline, in ems (the layout needs a box, OFD gives the
baseline only)."""


class OfdReader:
    """OFD files (a ZIP whose root holds ``OFD.xml``)."""

    name: str = "ofd"
    extensions: tuple[str, ...] = (".ofd",)

    def sniff(self, data: bytes) -> bool:
        """A ZIP archive with ``OFD.xml`` at its root (a ZIP stores its entries' names as they are:
        an archive without those bytes, a .docx for one, is not opened)."""
        if not data.startswith(b"PK\x03\x04") or b"OFD.xml" not in data:
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return any(name.lstrip("/") == "OFD.xml" for name in archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return False

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise BinaryInputError("OFD 文件已损坏或不完整（不是有效的 ZIP 包），无法读取",
                                   path=path) from None
        with archive:
            package = _Package(archive, path)
            layout = lay_out(package.pages())
            title = package.info.get("Title", "").strip()
        if not layout.text:
            raise EmptyInputError("OFD 没有文字（可能是扫描件），需要先做文字识别（OCR），docparse 不做 OCR",
                                  path=path)
        head = "".join(layout.text[:2000].split())
        hint = title if len("".join(title.split())) >= 4 and "".join(title.split()) in head else None
        metadata = tuple((label, package.info[key].strip()) for key, label in (("Keywords", "关键词"),)
                         if package.info.get(key, "").strip())
        return Reading(layout.text, self.name, self.name, 1.0, title_hint=hint, metadata=metadata,
                       anchors=layout.anchors, tables=layout.tables)


def _local(tag: str) -> str:
    """An element's name without its namespace (``{http://www.ofdspec.org/2016}Page`` → ``Page``)."""
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in element if _local(child.tag) == name)


def _child(element: ElementTree.Element | None, *names: str) -> ElementTree.Element | None:
    for name in names:
        if element is None:
            return None
        element = next(_children(element, name), None)
    return element


_PATH_OPERANDS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
"""How many numbers follow each command of a path's ``AbbreviatedData`` (GB/T 33190 §9.1)."""


def _numbers(text: str | None) -> list[float]:
    """A list of numbers, ``g N V`` expanded to N times V (GB/T 33190 §11.3)."""
    values: list[float] = []
    tokens = (text or "").split()
    index = 0
    while index < len(tokens):
        if tokens[index] == "g" and index + 2 < len(tokens):
            values.extend([float(tokens[index + 2])] * int(float(tokens[index + 1])))
            index += 3
        else:
            values.append(float(tokens[index]))
            index += 1
    return values


def _sides(tokens: list[str], placing: tuple[float, ...]) -> Iterator[Rule]:
    """The horizontal and vertical sides a path's commands draw; ``placing`` is the path's box
    origin and its CTM (x, y, a, b, c, d, e, f), in millimetres."""
    x, y, a, b, c, d, e, f = placing

    def place(u: float, v: float) -> tuple[float, float]:
        return ((x + a * u + c * v + e) * POINTS_PER_MM, (y + b * u + d * v + f) * POINTS_PER_MM)

    pen = start = None
    index = 0
    while index < len(tokens):
        count = _PATH_OPERANDS.get(tokens[index])
        try:
            values = [float(token) for token in tokens[index + 1:index + 1 + (count or 0)]]
        except ValueError:
            return
        if count is None or len(values) < count:
            return
        command = tokens[index]
        index += 1 + count
        if command in ("M", "S"):
            pen = start = place(*values)
        elif command == "L" and pen is not None:
            point = place(*values)
            yield from straight(pen, point)
            pen = point
        elif command == "C" and pen is not None and start is not None:
            yield from straight(pen, start)
            pen = start
        elif command in ("B", "Q", "A"):
            pen = place(*values[-2:])


class _Package:
    """The parts of an OFD archive: its document, fonts, pages."""

    def __init__(self, archive: zipfile.ZipFile, path: str | None) -> None:
        self.archive = archive
        self.path = path
        self.names = {name.lstrip("/"): name for name in archive.namelist()}
        root = self.xml("OFD.xml")
        body = _child(root, "DocBody")
        doc_root = _child(body, "DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise self.broken("OFD.xml 中没有 DocRoot")
        info = _child(body, "DocInfo")
        self.info = {_local(child.tag): child.text or "" for child in info} if info is not None else {}
        self.document_path = self.resolve("", doc_root.text or "")
        self.document = self.xml(self.document_path)
        self.fonts: dict[str, tuple[str, bool]] = {}
        self.templates: dict[str, str] = {}
        base = posixpath.dirname(self.document_path)
        common = _child(self.document, "CommonData")
        self.default_box = _child(common, "PageArea", "PhysicalBox")
        if common is not None:
            for kind in ("PublicRes", "DocumentRes"):
                for resource in _children(common, kind):
                    self.read_fonts(self.resolve(base, resource.text or ""))
            for template in _children(common, "TemplatePage"):
                self.templates[template.get("ID", "")] = self.resolve(base, template.get("BaseLoc", ""))

    def broken(self, why: str) -> BinaryInputError:
        return BinaryInputError(f"OFD 文件已损坏，无法读取：{why}", path=self.path)

    def resolve(self, base: str, location: str) -> str:
        """A location inside the archive: absolute (``/Doc_0/…``) or relative to ``base``."""
        location = location.strip()
        joined = location.lstrip("/") if location.startswith("/") else posixpath.join(base, location)
        return posixpath.normpath(joined)

    def xml(self, name: str) -> ElementTree.Element:
        member = self.names.get(name)
        if member is None:
            raise self.broken(f"缺少 {name}")
        info = self.archive.getinfo(member)
        if info.file_size > MAX_PART_BYTES:
            raise LimitError(f"OFD 中的 {name} 解压后超过 {MAX_PART_BYTES} 字节的上限", path=self.path)
        try:
            return ElementTree.fromstring(self.archive.read(member))
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise self.broken(f"{name} 不是有效的 XML") from None

    def read_fonts(self, name: str) -> None:
        if name not in self.names:
            return
        resources = self.xml(name)
        for element in resources.iter():
            if _local(element.tag) == "Font":
                family = element.get("FontName") or element.get("FamilyName") or ""
                self.fonts[element.get("ID", "")] = (family, element.get("Bold") == "true")

    def pages(self) -> Iterator[Page]:
        base = posixpath.dirname(self.document_path)
        listed = _child(self.document, "Pages")
        for number, entry in enumerate(_children(listed, "Page") if listed is not None else (), start=1):
            content_path = self.resolve(base, entry.get("BaseLoc", ""))
            content = self.xml(content_path)
            box = _numbers((_child(content, "Area", "PhysicalBox") or self.default_box or
                            ElementTree.Element("x")).text) or [0.0, 0.0, 210.0, 297.0]
            glyphs: list[Glyph] = []
            rules: list[Rule] = []
            for template in _children(content, "Template"):
                template_path = self.templates.get(template.get("TemplateID", ""))
                if template_path and template_path in self.names:
                    glyphs.extend(self.glyphs(self.xml(template_path)))
            glyphs.extend(self.glyphs(content))
            if glyphs:
                rules.extend(itertools.islice(self.rules(content), MAX_RULES + 1))
            yield Page(number, box[2] * POINTS_PER_MM, box[3] * POINTS_PER_MM, glyphs, rules)

    def rules(self, content: ElementTree.Element) -> Iterator[Rule]:
        """The straight lines the page's path objects draw (a ruled table's borders), in points: a
        path whose box is thin, or the horizontal and vertical sides of its outline (the
        ``AbbreviatedData`` commands M, L and C; curves B, Q and A move the pen only)."""
        for shape in content.iter():
            if _local(shape.tag) != "PathObject":
                continue
            try:
                x, y, width, height = (_numbers(shape.get("Boundary")) + [0.0] * 4)[:4]
                a, b, c, d, e, f = (_numbers(shape.get("CTM")) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])[:6]
            except ValueError:
                continue
            if min(width, height) * POINTS_PER_MM <= RULE_WIDTH:
                yield Rule(x * POINTS_PER_MM, y * POINTS_PER_MM, (x + width) * POINTS_PER_MM,
                           (y + height) * POINTS_PER_MM)
                continue
            data = _child(shape, "AbbreviatedData")
            tokens = (data.text or "").split() if data is not None else []
            yield from _sides(tokens, (x, y, a, b, c, d, e, f))

    def glyphs(self, content: ElementTree.Element) -> Iterator[Glyph]:
        """Every character of the page's text objects, placed on the page in points."""
        for text_object in content.iter():
            if _local(text_object.tag) != "TextObject":
                continue
            boundary = _numbers(text_object.get("Boundary")) or [0.0, 0.0, 0.0, 0.0]
            a, b, c, d, e, f = (_numbers(text_object.get("CTM")) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])[:6]
            scale = abs(a * d - b * c) ** 0.5 or 1.0
            size = float(text_object.get("Size") or 0) * scale
            family, bold = self.fonts.get(text_object.get("Font", ""), ("", False))
            weight = float(text_object.get("Weight") or 400)
            bold = bold or text_object.get("Bold") == "true" or weight >= 600
            x = y = 0.0
            for code in _children(text_object, "TextCode"):
                text = code.text or ""
                x = float(code.get("X", x))
                y = float(code.get("Y", y))
                deltas_x = _numbers(code.get("DeltaX"))
                deltas_y = _numbers(code.get("DeltaY"))
                for index, char in enumerate(text):
                    width = size * (1.0 if is_wide(char) else 0.5)
                    advance = deltas_x[index] if index < len(deltas_x) else width
                    left, baseline = boundary[0] + a * x + c * y + e, boundary[1] + b * x + d * y + f
                    right = left + advance * scale
                    yield Glyph(char, left * POINTS_PER_MM, (baseline - ASCENT * size) * POINTS_PER_MM,
                                right * POINTS_PER_MM, (baseline + (1 - ASCENT) * size) * POINTS_PER_MM,
                                size * POINTS_PER_MM, family, bold)
                    x += deltas_x[index] if index < len(deltas_x) else advance
                    y += deltas_y[index] if index < len(deltas_y) else 0.0
