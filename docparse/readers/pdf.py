"""PDF: the characters of each page's text layer, laid out again as the author wrote them.

The characters come from PDFium (pypdfium2, Apache-2.0/BSD, the ``pdf`` extra): it maps glyphs to
Unicode through the font's ToUnicode map or CMap (a non-embedded CID font such as STSong-Light
too), inserts no spaces between Chinese characters, and gives every character its box, font and
size, which :mod:`.layout` needs to rebuild lines, paragraphs and reading order. pdfplumber
(pdfminer.six) gives the same characters about eight times slower; PyMuPDF is AGPL-licensed.

A character in a font the file does not embed is drawn with a font of the machine: where the
machine has no Chinese font, PDFium measures such characters as empty and drops a text object that
holds only one of them (a 版头 set character by character). Rather than lose them, the reader
refuses the file and says to install a Chinese font (DP004).

A PDF without a text layer (a scan) or whose fonts map to no characters is refused with an error
that says so: docparse does no OCR.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Iterator
from typing import Any

from ..errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    MissingExtraError,
    install_hint,
)
from .base import Reading
from .layout import MAX_RULES, RULE_WIDTH, Glyph, Page, Rule, lay_out, straight

UNMAPPED_SHARE = 0.2
"""A PDF more than this share of whose characters map to nothing readable (U+FFFD, the private
use area, control codes: a font without a ToUnicode map; ``(cid:123)`` written into the text) is
refused rather than read as garbage."""


_CID_CODE = re.compile(r"\(cid:\d+\)")
"""A glyph a converter could not map, written as its code (``(cid:123)``, pdfminer's way): text
of a PDF made from such output."""


class PdfReader:
    """PDF files with a text layer (office exports, printed web pages, OCRed scans)."""

    name: str = "pdf"
    extensions: tuple[str, ...] = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        """``%PDF-`` in the first kilobyte (where readers look for it; a few producers put bytes before)."""
        return b"%PDF-" in data[:1024]

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        try:
            import pypdfium2
        except ImportError:
            raise MissingExtraError(f"读取 PDF 需要安装 pypdfium2：{install_hint('pdf')}",
                                    path=path) from None
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            if getattr(error, "err_code", None) in (pypdfium2.raw.FPDF_ERR_PASSWORD,
                                                   pypdfium2.raw.FPDF_ERR_SECURITY):
                raise InputError("PDF 已加密，需要密码才能读取", path=path) from None
            raise BinaryInputError("PDF 文件已损坏或不完整，无法读取", path=path) from None
        try:
            counts = _Counts()
            layout = lay_out(_pages(document, counts, path))
            if not counts.glyphs and not counts.unmapped:
                raise EmptyInputError("PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR），"
                                      "docparse 不做 OCR", path=path)
            if counts.lost:
                raise DecodeError(f"PDF 用了未嵌入的字体，本机没有可替代的中文字体，有 {counts.lost} 处"
                                  "文字取不到：请安装中文字体（如 Debian 的 fonts-noto-cjk）后再读",
                                  path=path)
            unmapped = counts.unmapped + sum(len(found) for found in _CID_CODE.findall(layout.text))
            if unmapped > UNMAPPED_SHARE * (counts.glyphs + counts.unmapped):
                raise DecodeError(f"PDF 的字体缺少字符映射（{unmapped} 个字符无法识别），"
                                  "无法取得正确文字", path=path)
            title = _title(document, layout.text)
        finally:
            document.close()
        return Reading(layout.text, self.name, self.name, 1.0, title_hint=title, anchors=layout.anchors,
                       tables=layout.tables)


class _Counts:
    """What the pages held: characters, characters that map to nothing readable, and text that
    PDFium could not place."""

    glyphs = 0
    unmapped = 0
    lost = 0
    """Text objects in a font the file does not embed and the machine has no substitute for (a
    Chinese font on a machine without one): PDFium measures their glyphs as empty and leaves a
    lone character out of the page's text."""


def _pages(document: Any, counts: _Counts, path: str | None) -> Iterator[Page]:
    """Each page's characters, with boxes from the top-left corner; a page's text is freed before
    the next is read."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    for index in range(len(document)):
        try:
            page = document[index]
        except pypdfium2.PdfiumError:
            raise BinaryInputError(f"PDF 第 {index + 1} 页已损坏，无法读取", path=path) from None
        width, height = page.get_size()
        textpage = page.get_textpage()
        glyphs: list[Glyph] = []
        styles: dict[int | None, tuple[float, str, bool]] = {}
        for char in range(textpage.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(textpage, char):
                continue  # a space or line break PDFium inferred: the layout decides those
            code = pdfium_c.FPDFText_GetUnicode(textpage, char)
            if code in (0xFFFE, 0xFFFF) or (code < 0x20 and chr(code) not in "\t\r\n"):
                counts.unmapped += 1
                continue
            if code == 0xFFFD or 0xE000 <= code <= 0xF8FF:
                counts.unmapped += 1
            pdfium_c.FPDFText_GetLooseCharBox(textpage, char, box)
            owner = ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage, char), ctypes.c_void_p).value
            style = styles.get(owner)
            if style is None:  # the characters of one text object share its font and size
                pdfium_c.FPDFText_GetMatrix(textpage, char, matrix)
                size = pdfium_c.FPDFText_GetFontSize(textpage, char) * math.hypot(matrix.c, matrix.d)
                pdfium_c.FPDFText_GetFontInfo(textpage, char, name, len(name), flags)
                font = name.value.decode("utf-8", "replace")
                bold = pdfium_c.FPDFText_GetFontWeight(textpage, char) >= 600 or "bold" in font.lower()
                style = styles[owner] = (size, font, bold)
            size, font, bold = style
            glyphs.append(Glyph(chr(code), box.left, height - box.top, box.right, height - box.bottom,
                                size, font, bold))
        counts.glyphs += sum(not glyph.char.isspace() for glyph in glyphs)
        counts.lost += sum(1 for text in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,))
                           if _unplaced(text, pdfium_c))
        rules = _rules(page, height, pdfium_c) if glyphs else []
        textpage.close()
        page.close()
        yield Page(index + 1, width, height, glyphs, rules)


def _rules(page: Any, height: float, pdfium_c: Any) -> list[Rule]:
    """The straight lines drawn on a page, horizontal or vertical (a ruled table's borders): the
    sides of its paths, and the paths that are thin boxes (a border drawn as a filled bar)."""
    rules: list[Rule] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for shape in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = shape.get_bounds()
        if min(right - left, top - bottom) <= RULE_WIDTH:
            rules.append(Rule(left, height - top, right, height - bottom))
            continue
        matrix = shape.get_matrix()
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for number in range(pdfium_c.FPDFPath_CountSegments(shape.raw)):
            segment = pdfium_c.FPDFPath_GetPathSegment(shape.raw, number)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = (matrix.a * x.value + matrix.c * y.value + matrix.e,
                     height - (matrix.b * x.value + matrix.d * y.value + matrix.f))
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and points:
                rules.extend(straight(points[-1], point))
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                rules.extend(straight(point, start))
            points.append(point)
        if len(rules) > MAX_RULES:
            break
    return rules


def _unplaced(text: Any, pdfium_c: Any) -> bool:
    """A text object PDFium measured as empty because it has no glyphs for its font (not embedded
    in the file, no substitute on the machine)."""
    left, _, right, _ = text.get_bounds()
    return right - left < 0.01 and not pdfium_c.FPDFFont_GetIsEmbedded(pdfium_c.FPDFTextObj_GetFont(text.raw))


def _title(document: Any, text: str) -> str | None:
    """The title the file's properties state, where the first page shows it too (a converter's
    own name in the Title property is no title)."""
    title = str(document.get_metadata_dict().get("Title") or "").strip()
    squeezed = "".join(title.split())
    head = "".join(text[:2000].split())
    return title if len(squeezed) >= 4 and squeezed in head else None
