"""Word 97–2003 .doc: the binary format inside an OLE2 compound file.

Two ways to read one, the first that is available:

* **LibreOffice** (``soffice`` on the PATH): converted to .docx in headless mode, in a temporary
  folder with a profile of its own, links never updated and a proxy that leads nowhere, then read
  by the .docx reader. This is the way that keeps Word's automatic numbering (一、 （一） 1. drawn
  from the list tables, not typed), which is where the structure of most Word files lies. Its
  cost is LibreOffice's start, a few seconds a file (README, "Input formats").
* **olefile** (``pip install 'docparse-cn[doc]'``): the text straight from the binary format,
  through the piece table (the CLX in the table stream) and the paragraph properties (for table
  cells and rows). olefile is a small pure-Python library for the compound file itself, kept for
  two decades and BSD-licensed. Automatic numbering is *not* in that text: a paragraph Word
  numbers is read without its label, so a reading made this way has a confidence below 1.0.

Neither installed: a DP012 error saying what to install.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import BinaryInputError, EmptyInputError, MissingExtraError, install_hint
from .base import Anchor, Reading, TableRegion

__all__ = ["OLE_SIGNATURE", "DocReader", "convert_ahead", "convert_with_libreoffice", "libreoffice",
           "use_conversions"]

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first eight bytes of every OLE2 compound file (.doc, .xls, .ppt, .msg …)."""

NOT_WORD = "不是 Word 文档（OLE 复合文件中没有 WordDocument 流，可能是 Excel 或 PowerPoint 文件）"

BINARY_CONFIDENCE = 0.8
"""The confidence of a reading made from the binary format: its text is right, but the labels of
automatic numbering, which Word draws and does not store as text, are missing."""

CONVERSION_TIMEOUT = 120
"""Seconds LibreOffice may take to convert one call's files before it is stopped."""

_INSTALL = f"请安装 LibreOffice（如 apt-get install libreoffice-writer-nogui）或 {install_hint('doc')}"


class DocReader:
    """Reads Word 97–2003 .doc files (and .dot templates)."""

    name: str = "doc"
    extensions: tuple[str, ...] = (".doc", ".dot")

    def sniff(self, data: bytes) -> bool:
        """An OLE2 compound file; :meth:`read` refuses the ones that are not Word."""
        return data.startswith(OLE_SIGNATURE)

    def read(self, data: bytes, *, encoding: str | None = None, path: str | None = None) -> Reading:
        """The text of the document's body; ``encoding`` is not used (the format says its own).

        Raises:
            BinaryInputError: not an OLE2 file, an OLE2 file that is not Word, encrypted, damaged
                or older than Word 97 (DP003).
            MissingExtraError: neither LibreOffice nor olefile is installed (DP012).
        """
        if not data.startswith(OLE_SIGNATURE):
            raise BinaryInputError("不是 Word 97–2003 文档（缺少 OLE2 复合文件签名）", path=path)
        if not _names_word_stream(data):
            raise BinaryInputError(NOT_WORD, path=path)
        soffice = libreoffice()
        if soffice is not None and _docx_reader() is not None:
            converted = _converted_ahead(data)
            if converted is None:
                converted = convert_with_libreoffice([data], soffice)[0]
            if converted is not None:
                return read_converted(converted, path=path)
        return read_binary(data, path=path)


BATCH_SIZE = 100
"""The most .doc files one LibreOffice call converts ahead of a batch (each call has its timeout)."""

_conversions: Path | None = None
"""The folder of .docx files LibreOffice made ahead of a batch, named by the SHA-256 of their .doc."""


def use_conversions(folder: str | None) -> None:
    """Read a .doc from the conversions made ahead in ``folder`` (:func:`convert_ahead`) when it is
    there; ``None``: convert each on its own."""
    global _conversions
    _conversions = Path(folder) if folder else None


def _converted_ahead(data: bytes) -> bytes | None:
    if _conversions is None:
        return None
    try:
        return (_conversions / f"{hashlib.sha256(data).hexdigest()}.docx").read_bytes()
    except OSError:
        return None


@contextlib.contextmanager
def convert_ahead(paths: list[str]) -> Iterator[str | None]:
    """The .doc files at ``paths`` converted to .docx by LibreOffice in as few calls as
    :data:`BATCH_SIZE` allows (its start is most of the cost of a file), into a temporary folder
    for :func:`use_conversions`, removed on leaving; ``None`` when LibreOffice or the .docx reader
    is not installed or there are fewer than two files. A file that fails here is converted again
    on its own when it is read (or read from its binary format)."""
    soffice = libreoffice()
    if soffice is None or _docx_reader() is None or len(paths) < 2:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="docparse-docs-") as folder:
        for first in range(0, len(paths), BATCH_SIZE):
            documents: list[bytes] = []
            for path in paths[first:first + BATCH_SIZE]:
                with contextlib.suppress(OSError):  # an unreadable file is the batch's error later
                    documents.append(Path(path).read_bytes())
            for data, docx in zip(documents, convert_with_libreoffice(documents, soffice), strict=True):
                if docx is not None:
                    (Path(folder) / f"{hashlib.sha256(data).hexdigest()}.docx").write_bytes(docx)
        try:
            yield folder
        finally:
            use_conversions(None)


def libreoffice() -> str | None:
    """The LibreOffice program on the PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _docx_reader() -> Callable[..., Reading] | None:
    """The .docx reader's ``read``, when that reader is part of this installation."""
    try:
        from .docx import DocxReader  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    reader: Callable[..., Reading] = DocxReader().read
    return reader


def read_converted(docx: bytes, *, path: str | None) -> Reading:
    """A reading of the .docx LibreOffice made of a .doc, under the .doc's name."""
    read_docx = _docx_reader()
    if read_docx is None:  # pragma: no cover - callers check first
        raise MissingExtraError(f"读取 .doc 需要 .docx 读取器：{_INSTALL}", path=path)
    return replace(read_docx(docx, path=path), format=DocReader.name, encoding="doc")


# LibreOffice settings for the conversion's own profile: never update a link (a .doc may link
# images or other files by URL) and send any request that LibreOffice would still make to a proxy
# that answers nothing (the discard port of this machine).
_PROFILE_SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "2"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    *(("/org.openoffice.Inet/Settings", f"ooInet{scheme}Proxy{field}", value)
      for scheme in ("HTTP", "HTTPS", "FTP") for field, value in (("Name", "127.0.0.1"), ("Port", "9"))),
)
_NOWHERE = "http://127.0.0.1:9"


def _profile_settings() -> str:
    """The registrymodifications.xcu of a new LibreOffice profile holding :data:`_PROFILE_SETTINGS`."""
    items = "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value>'
                    f"</prop></item>\n" for path, name, value in _PROFILE_SETTINGS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
            ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            f"{items}</oor:items>\n")


def convert_with_libreoffice(documents: list[bytes], soffice: str, *, suffix: str = ".doc",
                             timeout: float = CONVERSION_TIMEOUT) -> list[bytes | None]:
    """Each .doc (or other file LibreOffice reads, named with ``suffix``) converted to .docx by
    one headless LibreOffice call (its start is most of the cost: one call for many files is
    several times faster than a call for each); ``None`` for a file it did not convert, or for
    all of them when it failed or ran out of time."""
    with tempfile.TemporaryDirectory(prefix="docparse-doc-") as folder:
        root = Path(folder)
        settings = root / "profile" / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True)
        settings.write_text(_profile_settings(), encoding="utf-8")
        (root / "in").mkdir()
        (root / "out").mkdir()
        inputs = []
        for index, data in enumerate(documents):
            name = root / "in" / f"{index}{suffix}"
            name.write_bytes(data)
            inputs.append(str(name))
        command = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(root / "out"), *inputs]
        environment = {**os.environ, "HOME": str(root), "no_proxy": "", "NO_PROXY": "",
                       **dict.fromkeys(("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"), _NOWHERE)}
        with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=environment, cwd=root,
                              start_new_session=True) as process:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _stop(process)
                return [None] * len(documents)
            finally:
                _stop(process)  # LibreOffice's own helpers, left behind in its session
        results: list[bytes | None] = []
        for index in range(len(documents)):
            output = root / "out" / f"{index}.docx"
            results.append(output.read_bytes() if output.is_file() else None)
        return results


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the process group LibreOffice started (its launcher forks the real program)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _names_word_stream(data: bytes) -> bool:
    """Whether the compound file's directory names a WordDocument stream (names are UTF-16LE)."""
    return "WordDocument".encode("utf-16-le") in data


# ---------------------------------------------------------------------------------------------
# The binary format ([MS-DOC]): the File Information Block (FIB) at the start of the WordDocument
# stream says where the piece table (CLX) and the paragraph properties (PlcBtePapx) are in the
# table stream; the piece table says where each stretch of characters is in the WordDocument
# stream, as 8-bit cp1252 or as UTF-16LE.

_WORD_IDENT = 0xA5EC
_WORD97 = 0x00C0
"""The lowest nFib of Word 97's format (Word 6 and 95 wrote 101–105, a format of their own)."""
_FLAG_ENCRYPTED = 0x0100
_FLAG_TABLE1 = 0x0200
_FIB_BASE = 32
_LW_CCP_TEXT = 3
"""Index of ccpText (the main document's length in characters) in FibRgLw97."""
_FC_PLCF_BTE_PAPX = 13
_FC_CLX = 33
"""Indexes of (fc, lcb) pairs in FibRgFcLcb97."""

# sprms of paragraph properties read here (their operand is one byte)
_SPRM_IN_TABLE = 0x2416
_SPRM_TTP = 0x2417
_SPRM_INNER_TTP = 0x244C
_SPRM_ITAP = 0x6649

_CELL = "\x07"
_PARAGRAPH = "\r"
_FIELD_START, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_KEPT_CONTROLS = {"\t": "\t", "\x0b": "\n", "\x0c": "\n", "\x1e": "-"}
"""Control characters that stand for text: tab, line break, page or section break,
non-breaking hyphen. Every other one (pictures, footnote marks, optional hyphens) is dropped."""


@dataclass(frozen=True)
class _Piece:
    cp: int
    end: int
    fc: int
    compressed: bool

    def position(self, cp: int) -> int:
        """The byte offset of character ``cp`` in the WordDocument stream."""
        return self.fc + (cp - self.cp) * (1 if self.compressed else 2)


@dataclass(frozen=True)
class _ParagraphProperties:
    in_table: bool = False
    row_end: bool = False


_PLAIN = _ParagraphProperties()


def read_binary(data: bytes, *, path: str | None) -> Reading:
    """The text of a .doc read from its binary format with olefile."""
    try:
        import olefile
    except ImportError:
        raise MissingExtraError(f"读取 .doc 需要 LibreOffice 或 olefile：{_INSTALL}", path=path) from None
    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists("WordDocument"):
                raise BinaryInputError(NOT_WORD, path=path)
            word = ole.openstream("WordDocument").read()
            flags = _u16(word, 0x0A, path)
            if _u16(word, 0, path) != _WORD_IDENT:
                raise BinaryInputError("Word 文档已损坏（WordDocument 流的标识不对）", path=path)
            if _u16(word, 2, path) < _WORD97:
                raise BinaryInputError("这是 Word 95 或更早的格式，请安装 LibreOffice 后再读", path=path)
            if flags & _FLAG_ENCRYPTED:
                raise BinaryInputError("Word 文档已加密，无法读取", path=path)
            table_name = "1Table" if flags & _FLAG_TABLE1 else "0Table"
            if not ole.exists(table_name):
                raise BinaryInputError(f"Word 文档已损坏（缺少 {table_name} 流）", path=path)
            table = ole.openstream(table_name).read()
    except (OSError, ValueError, IndexError, struct.error) as exc:  # olefile's damaged-file errors
        raise BinaryInputError(f"Word 文档已损坏，无法读取（{exc}）", path=path) from None
    return _BinaryDocument(word, table, path).reading()


def _u16(data: bytes, offset: int, path: str | None) -> int:
    try:
        value: int = struct.unpack_from("<H", data, offset)[0]
    except struct.error:
        raise BinaryInputError("Word 文档已损坏（文件信息块不完整）", path=path) from None
    return value


class _BinaryDocument:
    """The main document's characters and paragraph properties of one .doc."""

    def __init__(self, word: bytes, table: bytes, path: str | None) -> None:
        self.word = word
        self.table = table
        self.path = path
        try:
            self.text_length, fc_lcb = self._fib()
            self.pieces = self._pieces(*fc_lcb(_FC_CLX))
            self.paragraph_runs = self._paragraph_runs(*fc_lcb(_FC_PLCF_BTE_PAPX))
        except (struct.error, IndexError, ValueError):
            raise BinaryInputError("Word 文档已损坏（文本位置表无法读取）", path=path) from None
        self.run_starts = [start for start, _, _ in self.paragraph_runs]

    def _fib(self) -> tuple[int, Callable[[int], tuple[int, int]]]:
        """ccpText, and the (fc, lcb) pair at an index of FibRgFcLcb."""
        word = self.word
        position = _FIB_BASE
        (csw,) = struct.unpack_from("<H", word, position)
        position += 2 + 2 * csw
        (cslw,) = struct.unpack_from("<H", word, position)
        (text_length,) = struct.unpack_from("<i", word, position + 2 + 4 * _LW_CCP_TEXT)
        position += 2 + 4 * cslw
        (pairs,) = struct.unpack_from("<H", word, position)
        blob = position + 2

        def fc_lcb(index: int) -> tuple[int, int]:
            if index >= pairs:
                return 0, 0
            fc, lcb = struct.unpack_from("<II", word, blob + 8 * index)
            return int(fc), int(lcb)

        return max(int(text_length), 0), fc_lcb

    def _pieces(self, fc: int, lcb: int) -> list[_Piece]:
        """The piece table (PlcPcd of the CLX), after any property runs (Prc) before it."""
        clx = self.table[fc:fc + lcb]
        position = 0
        while position < len(clx) and clx[position] == 0x01:
            (size,) = struct.unpack_from("<h", clx, position + 1)
            position += 3 + size
        if position >= len(clx) or clx[position] != 0x02:
            raise ValueError("no piece table")
        (size,) = struct.unpack_from("<I", clx, position + 1)
        plc = clx[position + 5:position + 5 + size]
        count = (len(plc) - 4) // 12
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pieces = []
        for index in range(count):
            (packed,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)
            compressed = bool(packed & 0x40000000)
            offset = packed & 0x3FFFFFFF
            pieces.append(_Piece(cps[index], cps[index + 1], offset // 2 if compressed else offset,
                                 compressed))
        return pieces

    def _paragraph_runs(self, fc: int, lcb: int) -> list[tuple[int, int, _ParagraphProperties]]:
        """(first byte, end byte, properties) of the paragraphs as the formatted disk pages of
        paragraph properties (PapxFkp) list them, by their position in the WordDocument stream."""
        plc = self.table[fc:fc + lcb]
        count = (len(plc) - 4) // 8 if lcb else 0
        runs: list[tuple[int, int, _ParagraphProperties]] = []
        for index in range(count):
            (page,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 4 * index)
            fkp = self.word[(page & 0x3FFFFF) * 512:(page & 0x3FFFFF) * 512 + 512]
            if len(fkp) < 512:
                continue
            entries = fkp[511]
            bounds = struct.unpack_from(f"<{entries + 1}I", fkp, 0)
            for entry in range(entries):
                offset = fkp[4 * (entries + 1) + 13 * entry] * 2
                runs.append((bounds[entry], bounds[entry + 1], _properties(fkp, offset)))
        runs.sort(key=lambda run: run[0])
        return runs

    def characters(self) -> Iterator[tuple[str, int]]:
        """The main document's characters with the byte position of each in the WordDocument
        stream."""
        remaining = self.text_length
        for piece in self.pieces:
            if remaining <= 0:
                break
            length = min(piece.end - piece.cp, remaining)
            remaining -= length
            if piece.compressed:
                raw = self.word[piece.fc:piece.fc + length]
                text = raw.decode("cp1252", "replace")
                step = 1
            else:
                raw = self.word[piece.fc:piece.fc + 2 * length]
                text = raw[:len(raw) // 2 * 2].decode("utf-16-le", "replace")
                step = 2
            for index, character in enumerate(text):
                yield character, piece.fc + index * step

    def properties(self, position: int) -> _ParagraphProperties:
        """The properties of the paragraph whose mark is at byte ``position``."""
        index = bisect.bisect_right(self.run_starts, position) - 1
        if index >= 0:
            start, end, found = self.paragraph_runs[index]
            if start <= position < end:
                return found
        return _PLAIN

    def reading(self) -> Reading:
        out = _Writer()
        paragraph: list[str] = []
        codes = 0  # how many of the open fields are still in their code (before the separator)
        fields: list[bool] = []
        for character, position in self.characters():
            if character == _FIELD_START:
                fields.append(True)
                codes += 1
            elif character == _FIELD_SEPARATOR:
                if fields and fields[-1]:
                    fields[-1] = False
                    codes -= 1
            elif character == _FIELD_END:
                if fields and fields.pop():
                    codes -= 1
            elif character in (_PARAGRAPH, _CELL):
                out.paragraph("".join(paragraph), self.properties(position), cell_end=character == _CELL)
                paragraph = []
            elif codes:
                continue
            elif character < " ":
                if character in _KEPT_CONTROLS:
                    paragraph.append(_KEPT_CONTROLS[character])
            else:
                paragraph.append(character)
        if paragraph:
            out.paragraph("".join(paragraph), _PLAIN, cell_end=False)
        out.end_table()
        text = out.text()
        if not text.strip():
            raise EmptyInputError("Word 文档没有正文文字", path=self.path)
        return Reading(text, DocReader.name, DocReader.name, BINARY_CONFIDENCE,
                       anchors=tuple(out.anchors), tables=tuple(out.tables))


def _properties(fkp: bytes, offset: int) -> _ParagraphProperties:
    """The properties read here from one PapxInFkp (a style index, then sprms)."""
    if offset == 0 or offset >= 511:
        return _PLAIN
    size = fkp[offset]
    if size == 0:
        start, end = offset + 2, offset + 2 + 2 * fkp[offset + 1]
    else:
        start, end = offset + 1, offset + 2 * size
    grpprl = fkp[start + 2:min(end, 511)]  # after the style index (istd)
    values: dict[int, int] = {}
    position = 0
    while position + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, position)
        position += 2
        size = _operand_size(sprm, grpprl, position)
        if size < 0 or position + size > len(grpprl):
            break
        if size in (1, 2, 4):
            values[sprm] = int.from_bytes(grpprl[position:position + size], "little")
        position += size
    in_table = bool(values.get(_SPRM_IN_TABLE)) or values.get(_SPRM_ITAP, 0) > 0
    row_end = bool(values.get(_SPRM_TTP)) or bool(values.get(_SPRM_INNER_TTP))
    return _ParagraphProperties(in_table, row_end)


def _operand_size(sprm: int, grpprl: bytes, position: int) -> int:
    """How many bytes the operand of ``sprm`` at ``position`` takes (its spra, bits 13–15)."""
    spra = sprm >> 13
    if spra in (0, 1):
        return 1
    if spra in (2, 4, 5):
        return 2
    if spra == 3:
        return 4
    if spra == 7:
        return 3
    if position >= len(grpprl):
        return -1
    if sprm == 0xD608:  # sprmTDefTable: a two-byte size
        if position + 2 > len(grpprl):
            return -1
        return int.from_bytes(grpprl[position:position + 2], "little") + 1
    return grpprl[position] + 1


class _Writer:
    """The reading's text, source map and tables, paragraph by paragraph: one line a paragraph,
    one line a table row with its cells separated by tabs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[Anchor] = []
        self.tables: list[TableRegion] = []
        self.paragraphs = 0
        self.table_count = 0
        self.rows: list[tuple[tuple[int, int], ...]] = []
        self.table_start: int | None = None
        self.cells: list[tuple[int, int]] = []
        self.cell: list[str] = []
        self.row_start: int | None = None

    def _write(self, text: str, where: str | None = None) -> None:
        if where is not None and text:
            self.anchors.append(Anchor(self.length, self.length + len(text), where))
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self, text: str, properties: _ParagraphProperties, *, cell_end: bool) -> None:
        self.paragraphs += 1
        if not (properties.in_table or cell_end):
            self.end_table()
            self._write(text, f"p[{self.paragraphs}]")
            self._write("\n")
            return
        if self.table_start is None:
            self.table_count += 1
            self.table_start = self.length
        if cell_end and properties.row_end:
            self._end_row()
            return
        self.cell.append(" ".join(text.split()))
        if cell_end:
            self.cells.append(self._cell_range(" ".join(part for part in self.cell if part)))
            self.cell = []

    def _cell_range(self, text: str) -> tuple[int, int]:
        """Write one cell (after a tab when it is not the row's first) and give its extent."""
        if self.row_start is None:
            self.row_start = self.length
        elif self.cells:
            self._write("\t")
        start = self.length
        where = f"table[{self.table_count}]/tr[{len(self.rows) + 1}]/tc[{len(self.cells) + 1}]"
        self._write(text, where)
        return start, self.length

    def _end_row(self) -> None:
        if self.cell:  # text after the last cell mark (a damaged row): its own cell
            self.cells.append(self._cell_range(" ".join(part for part in self.cell if part)))
            self.cell = []
        if self.row_start is not None and any(start < end for start, end in self.cells):
            self._write("\n")
            self.rows.append(tuple(self.cells))
        elif self.row_start is not None:  # a row with no text: take it back
            del self.parts[self._part_index(self.row_start):]
            self.anchors = [anchor for anchor in self.anchors if anchor.start < self.row_start]
            self.length = self.row_start
        self.cells = []
        self.row_start = None

    def _part_index(self, offset: int) -> int:
        length = 0
        for index, part in enumerate(self.parts):
            if length >= offset:
                return index
            length += len(part)
        return len(self.parts)

    def end_table(self) -> None:
        if self.table_start is None:
            return
        if self.cells or self.cell:
            self._end_row()
        if self.rows:
            self.tables.append(TableRegion(self.table_start, self.length - 1, tuple(self.rows)))
        self.rows = []
        self.table_start = None

    def text(self) -> str:
        return "".join(self.parts)
