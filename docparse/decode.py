"""Stage 1: bytes → text. BOM first, then strict UTF-8, then chardet; GB2312/GBK are read as GB18030.

chardet is wrapped here and nowhere else: its API changed between 5.x and 7.x, and its names
for Chinese codecs need mapping (``GB2312`` is too narrow for real files; GB18030 is a superset).
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from .errors import BinaryInputError, DecodeError, EmptyInputError
from .normalize import CJK

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\xd0\xcf\x11\xe0", "Office 97"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7z"),
    (b"\x7fELF", "ELF"),
)
# chardet's name → the codec docparse decodes with (supersets, so no character is lost).
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz-gb-2312": "gb18030",
    "ascii": "utf-8",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "euc-tw": "big5hkscs",
}
_CONTENT_BYTE = re.compile(rb"[^ \t\r\n\x00\x0b\x0c]")
"""A byte that is not blank: empty input has none."""
_CHINESE = frozenset(("gb18030", "big5hkscs", "utf-16-le", "utf-16-be", "utf-16"))
_DETECT_BYTES = 256 * 1024
"""chardet reads at most this much: enough for any report, bounded for huge inputs."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus how it was obtained."""

    text: str
    encoding: str
    confidence: float
    bom: bool
    replaced: int = 0
    """How many undecodable bytes became U+FFFD (0 unless nothing decoded cleanly)."""
    misread_as: str | None = None
    """The single-byte encoding the text had been misread with and saved in, when it was mojibake
    that decoding undid (``mac_cyrillic``: 中华 saved as дЄ≠еНО)."""


def decode(data: bytes, *, encoding: str | None = None, path: str | None = None) -> Decoded:
    """Decode report bytes; raise a :class:`DocparseError` for empty, binary or undecodable input.

    >>> decode("一、总体情况".encode("gb18030")).text
    '一、总体情况'
    """
    if _CONTENT_BYTE.search(data) is None:  # (not .strip(): a copy of the whole input)
        raise EmptyInputError("文件为空或只有空白字符", path=path)
    if encoding:
        return _decode_forced(data, encoding, path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, bom, codec, path)
    _reject_binary(data, path)
    try:
        return _undo_mojibake(Decoded(data.decode("utf-8"), "utf-8", 1.0, False))
    except UnicodeDecodeError:
        pass
    text, bad = _lenient(data, "utf-8")
    if _is_damage(bad, text) and CJK.search(text):  # UTF-8 but for a few damaged bytes
        return Decoded(text, "utf-8", _DAMAGED_CONFIDENCE, False, bad)
    decoded = _decode_detected(data, path)
    _reject_binary_text(decoded.text, path)
    return _undo_mojibake(decoded)


def _decode_with_bom(data: bytes, bom: bytes, codec: str, path: str | None) -> Decoded:
    """Text after a byte-order mark, if it is text of that encoding. Else: the bytes after a UTF-8
    BOM decoded by what they are (a GB18030 file some tool put a BOM on), or refused as binary."""
    text = data.decode(codec, errors="replace").lstrip("\ufeff")
    bad = text.count("\ufffd")
    if _is_damage(bad, text) and _plausible(text):
        return Decoded(text, codec.replace("-sig", ""), 1.0, True, bad)
    if bom == codecs.BOM_UTF8:
        rest = _decode_detected(data[len(bom):], path)
        if not rest.replaced and _plausible(rest.text):
            return Decoded(rest.text, rest.encoding, rest.confidence, True)
    raise BinaryInputError("文件以字节序标记开头，但其后的内容不是该编码的文本", path=path)


_FEW_BAD_BYTES = 8
"""So many replacement characters (or one in a hundred characters) are damage, not another encoding."""


def _is_damage(bad: int, text: str) -> bool:
    """Whether ``bad`` replacement characters in ``text`` (decoded with replacement) are damage to
    a file in that encoding rather than a file in another one: another encoding fails at nearly
    every Chinese character. A damaged byte can cost UTF-8 three characters (a lead byte and the
    two continuation bytes it orphans), so a few bytes are more than a few characters."""
    return bad <= max(_FEW_BAD_BYTES, len(text) // 100)


_DAMAGED_CONFIDENCE = 0.8
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\xa0-\u2fff\u3000-\u9fff\uf900-\uffef]")
"""Characters of text: ASCII, Latin and punctuation, CJK and its symbols, full-width forms."""


def _plausible(text: str) -> bool:
    """Whether decoded text reads as text: random bytes decoded as UTF-16 give characters of every
    plane, unassigned ones and controls among them."""
    head = text[:4096]
    return not head or len(_PLAUSIBLE.findall(head)) >= len(head) * 0.8


def forced_codec(encoding: str, path: str | None = None) -> str:
    """The codec a forced ``encoding`` names, if it decodes bytes to text: not an unknown name,
    not a bytes-to-bytes or text-to-text transform (base64, zlib, hex, rot13), not ``undefined``.

    >>> forced_codec("GBK")
    'gb18030'

    Raises:
        DecodeError: the name is not that of a text encoding.
    """
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"未知的编码名称“{encoding}”", path=path) from None
    try:
        b" ".decode(codec)  # (not b"": decoding nothing never asks the codec)
    except UnicodeDecodeError:  # a text encoding of more than one byte a character (UTF-16)
        pass
    except (LookupError, UnicodeError):  # a transform, not a text encoding; or 'undefined'
        raise DecodeError(f"“{encoding}”不是文本编码，不能用来读取报告", path=path) from None
    return _ALIASES.get(codec, codec)


def _decode_forced(data: bytes, encoding: str, path: str | None) -> Decoded:
    codec = forced_codec(encoding, path)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"无法按指定编码 {encoding} 解码：第 {exc.start} 字节处不是合法的 {encoding} 字符", path=path
        ) from None
    return Decoded(text.lstrip("\ufeff"), codec, 1.0, data.startswith(codecs.BOM_UTF8))


def _reject_binary(data: bytes, path: str | None) -> None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"这是 {name} 二进制文件，不是文本", path=path)
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 10 and _utf16_without_bom(head) is None:
        raise BinaryInputError("文件含大量 NUL 字节，是二进制文件而不是文本", path=path)


_BINARY_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def _reject_binary_text(text: str, path: str | None) -> None:
    """Bytes without a magic number (random binary) decode to control characters and U+FFFD."""
    head = text[:4096]
    if len(_BINARY_TEXT.findall(head)) > len(head) // 20:
        raise BinaryInputError("文件含大量控制字符或无法解码的字节，是二进制文件而不是文本", path=path)


_UTF16_NULS = 4
"""The fewest NUL bytes that tell UTF-16: a line break or a digit each (text in other encodings
has none)."""


def _utf16_without_bom(head: bytes) -> str | None:
    """The UTF-16 codec of text without a byte-order mark, or ``None``: the NUL bytes of its ASCII
    characters (digits, dates, Latin letters, tabs) fall on one side of every byte pair, a few on
    the other from Chinese characters whose other byte is NUL (一 U+4E00, the ideographic space
    U+3000), and the bytes read as characters of text in that byte order."""
    even = head[0::2].count(b"\x00")
    odd = head[1::2].count(b"\x00")
    if max(even, odd) < _UTF16_NULS or min(even, odd) * 3 > max(even, odd):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    return codec if _plausible(head[:len(head) // 2 * 2].decode(codec, errors="replace")) else None


def _decode_detected(data: bytes, path: str | None) -> Decoded:
    import chardet  # deferred: keeps `import docparse` fast for callers that never decode bytes

    guess = chardet.detect(data[:_DETECT_BYTES])
    name = (guess.get("encoding") or "").lower()
    confidence = float(guess.get("confidence") or 0.0)
    guessed = _ALIASES.get(name, name)
    # Chinese reports: GB18030 and Big5 come before a single-byte guess (IBM855, cp1252 …), which
    # decodes any bytes at all and so would turn a slightly damaged GB18030 file into mojibake.
    candidates = [guessed] if guessed in _CHINESE or guessed.startswith("utf") else []
    utf16 = _utf16_without_bom(data[:4096])
    if utf16 is not None:
        candidates.insert(0, utf16)
    candidates += [c for c in ("gb18030", "big5hkscs") if c not in candidates]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        sure = confidence if codec == guessed else min(confidence, 0.5)
        return Decoded(text, codec, round(sure, 3), False)
    # Nothing decodes cleanly: a damaged Chinese file if few bytes are bad, else whatever chardet saw.
    replaced = {codec: _lenient(data, codec) for codec in candidates}
    codec = min(replaced, key=lambda c: replaced[c][1])
    lenient, bad = replaced[codec]
    if _is_damage(bad, lenient) or not guessed:
        return Decoded(lenient, codec, round(min(confidence, 0.3), 3), False, bad)
    try:
        return Decoded(data.decode(guessed), guessed, round(confidence, 3), False)
    except (UnicodeDecodeError, LookupError):
        pass
    try:
        text = data.decode(guessed or "gb18030", errors="replace")
    except LookupError:
        raise DecodeError("无法识别文件编码", path=path) from None
    return Decoded(text, guessed, round(min(confidence, 0.3), 3), False, text.count("\ufffd"))


def _lenient(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes; the text and how many replacements it holds."""
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return "", len(data) + 1
    return text, text.count("\ufffd")


_MISREAD_AS = ("mac_cyrillic", "cp1251", "cp1252", "mac_roman")
"""Single-byte encodings Chinese UTF-8 is misread with before it is saved again as UTF-8 (中 → дЄ≠
in Mac Cyrillic, ä¸­ in Windows-1252): each maps every character it decodes to one byte back."""
_MOJIBAKE_CHINESE = 0.3
"""Undone mojibake is taken when at least this share of its characters is Chinese."""
_MOJIBAKE_HEAD = 4096


@functools.cache
def _byte_table(codec: str) -> dict[int, str]:
    """The characters ``codec`` reads bytes as, mapped back to their bytes (as Latin-1 characters).
    A byte the codec leaves undefined stands for itself, as lenient decoders read it."""
    table = {}
    for byte in range(256):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte)
        table[ord(char)] = chr(byte)
    return table


def _undo_mojibake(decoded: Decoded) -> Decoded:
    """The text meant, if ``decoded`` has no Chinese but its characters, encoded back with one of
    :data:`_MISREAD_AS`, are Chinese UTF-8. A byte that is no part of a UTF-8 character (a no-break
    space the misreading left as it was) keeps the character it was."""
    head = decoded.text[:_MOJIBAKE_HEAD]
    if CJK.search(decoded.text) or not head.strip():
        return decoded
    for codec in _MISREAD_AS:
        table = _byte_table(codec)
        try:
            raw = decoded.text.translate(table).encode("latin-1")
        except UnicodeEncodeError:  # a character the codec does not have: not misread with it
            continue
        text = raw.decode("utf-8", "surrogateescape")
        meant = text[:_MOJIBAKE_HEAD]
        if len(CJK.findall(meant)) < len(meant) * _MOJIBAKE_CHINESE:
            continue
        kept = {0xDC00 + ord(byte): chr(char) for char, byte in table.items() if ord(byte) >= 0x80}
        text = text.translate(kept)  # (surrogateescape gave the byte U+DC00 + byte)
        return Decoded(text, decoded.encoding, decoded.confidence, decoded.bom, decoded.replaced, codec)
    return decoded
