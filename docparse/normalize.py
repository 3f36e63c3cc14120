"""Stage 2: one text that every span indexes into, and a same-length folded view for matching.

The text is the decoded input as it is, so that a span's line and column are those of the file:
``normalize_newlines`` only makes a lone CR (old Mac files) a LF, one character for one; CR LF
stays, and the folded view reads its CR as a space.
``fold`` maps character for character, so offsets into the folded view are offsets into the
text: full-width forms become ASCII (（一） and (一) are the same marker, ： and : the same
colon), every Unicode space or invisible character becomes an ASCII space, a traditional character
its simplified form (關於 and 关于 are the same words).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from . import diagnostics
from .traditional import SIMPLIFIED, TRADITIONAL

if TYPE_CHECKING:
    from .models import Diagnostic
    from .spans import Locator

Newline = Literal["LF", "CRLF", "CR", "CRCRLF", "mixed", "none"]

_NEWLINE = re.compile(r"\r\r\n|\r\n|\r")
_LONE_CR = re.compile(r"\r(?!\r*\n)")
"""A CR that ends a line on its own (not the start of CR LF or CR CR LF)."""


def normalize_newlines(text: str) -> tuple[str, Newline]:
    """Make every line end hold a LF (a lone CR becomes one: the same length), and say which
    convention the input used. CR LF and CR CR LF are kept: lines are split at LF."""
    if "\r" not in text:
        return text, ("LF" if "\n" in text else "none")
    kinds = {m.group() for m in _NEWLINE.finditer(text)}
    lf_alone = text.count("\n") > text.count("\r\n")
    style: Newline
    if len(kinds) == 1 and not lf_alone:
        style = {"\r\r\n": "CRCRLF", "\r\n": "CRLF", "\r": "CR"}[kinds.pop()]  # type: ignore[assignment]
    else:
        style = "mixed"
    return _LONE_CR.sub("\n", text), style


def _build_fold_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII: （ ） ． ， ： ； ０-９ Ａ-Ｚ …
        table[code] = code - 0xFEE0
    spaces = [0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B, 0x200C, 0x200D,
              0x2060, 0x180E, 0x0009, 0x000B, 0x000C, 0x0000, 0x00AD]
    spaces += list(range(0x2000, 0x200B))
    spaces += [c for c in range(0x01, 0x20) if c != 0x0A]
    for code in spaces:
        table[code] = 0x20
    for char, target in (("﹙", "("), ("﹚", ")"), ("〔", "〔"), ("．", "."), ("｡", "。"),
                         ("，", ","), ("﹐", ","), ("﹒", "."), ("\u2024", "."),
                         ("〝", "“"), ("〞", "”"), ("〟", "”")):  # a converter's quotation marks: “八大工程〞
        table[ord(char)] = ord(target)
    for code in range(0x2F00, 0x2FD6):  # Kangxi radicals a converter left for characters: ⼀ ⼆ ⻋
        table[code] = ord(unicodedata.normalize("NFKC", chr(code)))
    for code in range(0x2E80, 0x2EF4):  # CJK radicals supplement with a compatibility form
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = ord(folded)
    for code in range(0xE000, 0xF900):  # private-use glyphs (font bullets, icons): read as spaces
        table[code] = 0x20
    for traditional, simplified in zip(TRADITIONAL, SIMPLIFIED, strict=True):  # 關於 發 號 億 → 关于 发 号 亿
        table[ord(traditional)] = ord(simplified)
    return table


FOLD_TABLE = _build_fold_table()
_FOLD_CHARS = {chr(code): chr(target) for code, target in FOLD_TABLE.items() if code != target}
"""The characters fold changes (no target is one of them, so that each is replaced once)."""
_FOLDABLE = re.compile("[" + "".join(re.escape(char) for char in sorted(_FOLD_CHARS)) + "]")


def fold_plain(text: str) -> str:
    """Map full-width forms to ASCII, every space-like character to ' ' and traditional characters to
    simplified ones (:mod:`docparse.traditional`), keeping the length.
    The definition; :func:`fold` gives the same, faster.

    >>> fold_plain("（一）\\u3000总体　情况：")
    '(一) 总体 情况:'
    """
    return text.translate(FOLD_TABLE)


def fold(text: str) -> str:
    """:func:`fold_plain`, by one ``replace`` per distinct foldable character present: ``translate``
    looks the table up for every character of the text. Each search goes on from the character
    just replaced, so the text is searched once, however many of its characters fold.

    >>> fold("（一）\\u3000总体　情况：")
    '(一) 总体 情况:'
    """
    found = _FOLDABLE.search(text)
    while found is not None:
        char = found.group()
        text = text.replace(char, _FOLD_CHARS[char])
        found = _FOLDABLE.search(text, found.start() + 1)
    return text


CJK_CHARS = r"\u3400-\u9fff\uf900-\ufaff"
"""The Chinese characters (CJK unified ideographs with extension A, and the compatibility ones), as
the inside of a character class: every pattern that names them takes them from here."""
CJK = re.compile(f"[{CJK_CHARS}]")
"""A Chinese character."""


_ESCAPE_GARBAGE = re.compile(
    r"<U\+[0-9A-Fa-f]{4,6}>|&(?:nbsp|ensp|emsp|amp|lt|gt|quot);|\\u[0-9a-fA-F]{4}")
"""Escapes a scraper or converter left in the text instead of the characters they stand for."""
LOW_CONFIDENCE = 0.5
"""Below this, the decoding is reported (DP103): the text may be mojibake."""


def text_diagnostics(text: str, locator: Locator, *, replaced: int, confidence: float,
                     misread_as: str | None = None) -> list[Diagnostic]:
    """What is wrong with the text itself: lost bytes (DP101), escapes left in it (DP102), an unsure
    decoding (DP103), mojibake undone (DP104). ``replaced``, ``confidence`` and ``misread_as`` are
    the reader's."""
    found = []
    if replaced or "\ufffd" in text:
        first = text.find("\ufffd")
        message = (f"文本中有 {replaced} 处无法解码的字节被替换为“\ufffd”，原文内容已丢失" if replaced else
                   f"文本中有 {text.count(chr(0xFFFD))} 处替换字符“\ufffd”，原文在此前已损坏")
        hint = "确认文件编码，或用 --encoding 指定正确的编码" if replaced else "找回未损坏的原文"
        found.append(diagnostics.make("DP101", message, locator, first, first + 1, hint=hint))
    garbage = _ESCAPE_GARBAGE.search(text)
    if garbage:
        count = len(_ESCAPE_GARBAGE.findall(text))
        found.append(diagnostics.make(
            "DP102", f"文本含 {count} 处转义残留（如“{garbage.group()}”），应为实际字符", locator,
            garbage.start(), garbage.end(), hint="抓取或转换网页时把实体和转义序列还原为字符"))
    if confidence < LOW_CONFIDENCE:
        found.append(diagnostics.make(
            "DP103", f"编码识别置信度低（{confidence:.2f}），请核对文字是否正确",
            hint="用 --encoding 指定编码"))
    if misread_as:
        found.append(diagnostics.make(
            "DP104", f"文件是乱码：UTF-8 中文曾被按 {misread_as} 误读后另存，已还原为原文",
            hint="向来源索取未经转存的原文，并核对还原后的文字"))
    return found
