"""Encodings (issue 5, point 1): the same report in any common encoding gives the same Document.

Every encoded file is generated here from the UTF-8 samples; no binary is committed.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

import docparse
from docparse.decode import decode
from docparse.errors import DecodeError

from .conftest import SAMPLES


def content(doc: docparse.Document) -> dict[str, Any]:
    """Everything but ``source`` (which rightly records the encoding)."""
    return doc.model_dump(exclude={"source"})


def reference(text: str) -> dict[str, Any]:
    return content(docparse.parse_bytes(text.encode("utf-8")))


def sample_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


ENCODINGS: dict[str, tuple[str, bytes, str]] = {
    # label: (codec, BOM, encoding docparse must report)
    "utf-8": ("utf-8", b"", "utf-8"),
    "utf-8-bom": ("utf-8", codecs.BOM_UTF8, "utf-8"),
    "gb18030": ("gb18030", b"", "gb18030"),
    "utf-16-le-bom": ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    "utf-16-be-bom": ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    "utf-16-le": ("utf-16-le", b"", "utf-16-le"),
    "utf-16-be": ("utf-16-be", b"", "utf-16-be"),
}


@pytest.mark.parametrize("label", ENCODINGS)
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:3])
def test_every_sample_in_every_unicode_or_gb18030_encoding(path: Path, label: str) -> None:
    codec, bom, reported = ENCODINGS[label]
    text = sample_text(path)
    doc = docparse.parse_bytes(bom + text.encode(codec))
    assert doc.source.encoding == reported
    assert doc.source.bom == bool(bom)
    assert content(doc) == reference(text)
    assert not doc.diagnostics or all(d.code not in ("DP101", "DP103") for d in doc.diagnostics)


GBK_SAMPLES = [p for p in SAMPLES if all(ch.encode("gbk", "ignore") for ch in sample_text(p))]
GB2312_SAMPLES = [p for p in SAMPLES if all(ch.encode("gb2312", "ignore") for ch in sample_text(p))]


def test_there_are_gbk_and_gb2312_samples() -> None:
    assert len(GBK_SAMPLES) >= 2 and len(GB2312_SAMPLES) >= 1


@pytest.mark.parametrize("codec", ["gbk", "gb2312"])
def test_gbk_and_gb2312_files(codec: str) -> None:
    for path in GBK_SAMPLES if codec == "gbk" else GB2312_SAMPLES:
        text = sample_text(path)
        doc = docparse.parse_bytes(text.encode(codec))
        assert doc.source.encoding == "gb18030", path.name  # the superset: no character is lost
        assert content(doc) == reference(text), path.name


def test_gbk_character_outside_gb2312_after_the_first_kilobyte() -> None:
    """Detection sees plain GB2312 first; 镕 (GBK only) must still decode, not become U+FFFD."""
    text = sample_text(GB2312_SAMPLES[0])
    assert len(text.encode("gb2312")) > 2048
    text = text.rstrip("\n") + "\n学习朱镕基同志关于依法行政的论述，形成长效机制。\n"
    data = text.encode("gbk")
    with pytest.raises(UnicodeEncodeError):
        "镕".encode("gb2312")
    assert data.index("镕".encode("gbk")) > 1024
    doc = docparse.parse_bytes(data)
    assert doc.source.encoding == "gb18030"
    assert "朱镕基" in doc.text and "\ufffd" not in doc.text
    assert content(doc) == reference(text)


# A traditional-character report (Big5 has no simplified forms): title, metadata, headings,
# enumerations and a closing, long enough for detection.
BIG5_REPORT = """\
發布時間：2023-03-01　　來源：縣司法局
某縣2022年度法治政府建設情況報告
2022年，我縣在縣委、縣政府的正確領導下，深入學習貫徹習近平法治思想，全面推進依法行政，法治政府建設取得了新的成效。現將有關情況報告如下：
一、主要工作開展情況
（一）加強組織領導。一是健全工作機制，召開常務會議專題研究法治政府建設工作四次。二是落實第一責任人職責，主要負責人帶頭學法講法。三是強化督導考核，將法治建設納入年度績效考核。
（二）推進依法決策。嚴格執行重大行政決策程序規定，對涉及群眾切身利益的重大事項廣泛聽取意見，組織專家論證和風險評估，重大決策合法性審查率達到百分之百。
（三）規範行政執法。全面推行行政執法公示制度、執法全過程記錄制度和重大執法決定法制審核制度，開展執法人員培訓十二次，參訓人員五百餘人次。
二、存在的問題
一是部分幹部法治意識仍需提高。二是基層執法力量相對薄弱，執法裝備不足。三是法治宣傳的針對性和實效性有待加強。
三、下一步工作打算
（一）持續深化學習。把學習貫徹習近平法治思想作為重要政治任務，推動領導幹部帶頭尊法學法守法用法。
（二）提升執法水平。加強執法隊伍建設，開展執法案卷評查，提高執法規範化水平。
某縣人民政府
2023年2月20日
"""


def test_big5_traditional_report() -> None:
    data = BIG5_REPORT.encode("big5")
    doc = docparse.parse_bytes(data)
    assert doc.source.encoding == "big5hkscs"
    assert doc.text == BIG5_REPORT
    assert content(doc) == reference(BIG5_REPORT)
    assert [s.title for s in doc.sections] == ["主要工作開展情況", "存在的問題", "下一步工作打算"]
    assert sum(1 for _ in doc.enum_items()) == 6


def test_bytes_that_decode_only_with_replacement_are_reported() -> None:
    """Broken bytes in a GB18030 file: parsed anyway, DP101 points at the first U+FFFD."""
    text = sample_text(GB2312_SAMPLES[0])
    data = bytearray(text.encode("gb18030"))
    middle = len(data) // 2
    middle -= middle % 2
    data[middle:middle + 2] = b"\xff\xff"
    doc = docparse.parse_bytes(bytes(data))
    assert "\ufffd" in doc.text
    found = [d for d in doc.diagnostics if d.code == "DP101"]
    assert len(found) == 1 and found[0].span is not None
    assert doc.text[found[0].span.start] == "\ufffd"
    assert doc.sections  # the structure survives the damage


@pytest.mark.parametrize("garbage", ["<U+00A0>", "&nbsp;", "\\u3000"])
def test_escape_garbage_is_reported(garbage: str) -> None:
    text = f"关于2022年度工作的报告\n一、主要工作\n开展{garbage}培训12次。\n"
    doc = docparse.parse(text)
    found = [d for d in doc.diagnostics if d.code == "DP102"]
    assert len(found) == 1 and found[0].span is not None
    assert doc.text[found[0].span.start:found[0].span.end] == garbage


def test_replacement_characters_already_in_text_are_reported() -> None:
    doc = docparse.parse("关于2022年度工作的报告\n一、主要工作\n开展\ufffd\ufffd培训。\n")
    assert [d.code for d in doc.diagnostics if d.code.startswith("DP1")] == ["DP101"]


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16", "big5"])
def test_forced_encoding_decodes_exactly(codec: str) -> None:
    text = BIG5_REPORT if codec == "big5" else sample_text(SAMPLES[0])
    decoded = decode(text.encode(codec), encoding=codec)
    assert decoded.text == text


def test_forced_wrong_encoding_is_a_typed_error() -> None:
    with pytest.raises(DecodeError) as caught:
        docparse.parse_bytes(sample_text(SAMPLES[0]).encode("gb18030"), encoding="utf-8", path="x.txt")
    assert "x.txt" in str(caught.value) and "utf-8" in caught.value.message


GOVCN_RECORD = """索 引 号：\t000014349/2004-00207\t主题分类：\t综合政务\\应急管理
发文机关：\t国务院办公厅\t成文日期：\t2004年11月04日
标　　题：\t国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函
发文字号：\t国办函〔2004〕80号\t发布日期：\t2018年12月24日
国务院办公厅关于湖北省巴东县
地质灾害险情有关问题的复函
国办函〔2004〕80号
湖北省人民政府：
附件：1.国土资源部关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告
　　　2.湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见
国务院办公厅
二〇〇四年十一月四日
"""
"""A gov.cn page's 信息公开 block and head as text (国办函〔2004〕80号): a third of its characters ASCII
(digits, dates, tabs), and 一 and the ideographic space, whose UTF-16 holds a NUL byte too."""


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_with_many_ascii_characters_is_text_not_binary(codec: str) -> None:
    decoded = decode(GOVCN_RECORD.encode(codec))
    assert decoded.text == GOVCN_RECORD
    assert decoded.encoding == codec and not decoded.bom


def test_binary_whose_nul_bytes_fall_on_one_side_is_still_binary() -> None:
    noise = bytes((index * 7919 + 13) % 251 + 1 for index in range(4000))
    data = bytes(byte if index % 2 == 0 or index % 3 else 0 for index, byte in enumerate(noise))
    with pytest.raises(docparse.DocparseError):
        decode(data)


@pytest.mark.parametrize("text", [
    "特此通知。",
    "表1 补贴价格（元/kWh）\n" + "".join(f"2021-02-{day:02d}\t0:00-06:00\t1.2\t2.0\n"
                                      for day in range(13, 60)),
])
def test_gbk_with_few_chinese_characters_is_not_read_as_damaged_utf8(text: str) -> None:
    """Few Chinese characters in GBK make few bytes that are not UTF-8: no Chinese read as UTF-8
    around them says they are another encoding, not damage."""
    decoded = decode(text.encode("gbk"))
    assert decoded.text == text and decoded.encoding == "gb18030" and not decoded.replaced
