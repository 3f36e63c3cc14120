"""Nothing is lost to a few bad bytes, and nothing is parsed as garbage: a UTF-8 report with a
damaged byte is read as UTF-8 (DP101 says where), a byte-order mark before bytes of another
encoding is looked through or refused, a lone surrogate in a str is a replacement character."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import docparse
from docparse.errors import BinaryInputError

from .conftest import SAMPLES


@pytest.mark.parametrize("seed", range(30))
def test_one_bad_byte_in_utf8_keeps_the_document(seed: int) -> None:
    data = bytearray(SAMPLES[seed % len(SAMPLES)].read_bytes())
    at = random.Random(seed).randrange(len(data))
    data[at] = random.Random(seed).choice([0xFF, 0xFE, 0xC0, 0x80])
    original = docparse.parse_bytes(SAMPLES[seed % len(SAMPLES)].read_bytes())
    damaged = docparse.parse_bytes(bytes(data))
    assert damaged.source.encoding == "utf-8"
    try:
        bytes(data).decode("utf-8")
    except UnicodeDecodeError:  # (a byte changed into another continuation byte is still UTF-8)
        assert "DP101" in {d.code for d in damaged.diagnostics}
    assert damaged.title is not None and original.title is not None
    assert len(list(damaged.walk())) >= len(list(original.walk())) - 1


@pytest.mark.parametrize("seed", range(20))
def test_a_few_bad_bytes_in_utf8_keep_the_document(seed: int) -> None:
    """Up to eight bytes that are never UTF-8, each of which can orphan the two continuation bytes
    after it (three replacement characters a byte)."""
    rng = random.Random(seed)
    data = bytearray(SAMPLES[seed % len(SAMPLES)].read_bytes())
    for _ in range(rng.randint(2, 8)):
        data[rng.randrange(len(data))] = rng.choice([0xFF, 0xFE])
    damaged = docparse.parse_bytes(bytes(data))
    assert damaged.source.encoding == "utf-8"
    assert "DP101" in {d.code for d in damaged.diagnostics} and damaged.title is not None


def test_a_utf8_bom_before_gb18030_is_looked_through() -> None:
    text = SAMPLES[0].read_text(encoding="utf-8")
    doc = docparse.parse_bytes(b"\xef\xbb\xbf" + text.encode("gb18030"))
    assert doc.source.encoding == "gb18030" and doc.source.bom
    assert doc.text == text


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"])
def test_a_bom_before_random_bytes_is_refused(bom: bytes) -> None:
    noise = random.Random(7).randbytes(4000)
    with pytest.raises(BinaryInputError):
        docparse.parse_bytes(bom + noise)


def test_a_lone_surrogate_in_a_str_becomes_a_replacement_character() -> None:
    doc = docparse.parse("关于工作的报告\n一、情况\n内容\ud800完成。")
    assert "\ud800" not in doc.text and "\ufffd" in doc.text
    assert "DP101" in {d.code for d in doc.diagnostics}
    assert docparse.from_json(docparse.to_json(doc)).text == doc.text


MOJIBAKE = Path(__file__).parent / "fixtures" / "damaged" / "mojibake_mac_cyrillic.txt"


def test_utf8_chinese_misread_as_mac_cyrillic_and_saved_again_is_read_as_it_was_meant() -> None:
    """The first lines of a State Council order as a scraper saved it (中华人民共和国 as
    дЄ≠еНОдЇЇж∞СеЕ±еТМеЫљ)."""
    doc = docparse.parse_file(MOJIBAKE)
    assert doc.text.startswith("中华人民共和国国务院令")
    assert doc.title is not None and doc.title.text == "无障碍环境建设条例"
    assert doc.metadata.doc_number == "中华人民共和国国务院令 第622号"
    assert [(s.marker.raw, s.title, len(s.children)) for s in doc.sections] == [
        ("第一章", "总则", 8), ("第二章", "无障碍设施建设", 9)]
    assert [d.code for d in doc.diagnostics] == ["DP104"]
    assert "mac_cyrillic" in doc.diagnostics[0].message
    assert "\ufffd" not in doc.text  # the no-break spaces the misreading kept are kept


def test_utf8_chinese_misread_as_windows_1252_is_read_as_it_was_meant() -> None:
    text = SAMPLES[0].read_text(encoding="utf-8")
    undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D}  # read as the control character of that number
    misread = "".join(chr(byte) if byte in undefined else bytes([byte]).decode("cp1252")
                      for byte in text.encode("utf-8"))  # ä¸­ for 中
    doc = docparse.parse_bytes(misread.encode("utf-8"))
    assert "DP104" in {d.code for d in doc.diagnostics}
    assert doc.title is not None and doc.title.text == docparse.parse(text).title.text  # type: ignore[union-attr]


def test_text_without_chinese_that_is_no_mojibake_is_still_refused() -> None:
    with pytest.raises(docparse.DocparseError) as caught:
        docparse.parse_bytes("Отчёт о работе правительства за 2023 год.\n".encode())
    assert caught.value.code == "DP005"
