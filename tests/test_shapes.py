"""Shapes (issue 5, point 2): line-end conventions, no line breaks at all, a title split over lines,
tabs, NUL bytes, zero-width characters and HTML left in the text — the structure stays the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import docparse
from docparse.models import Document

from .conftest import FIXTURES, SAMPLES
from .outline import outline
from .spans import coverage_problems, span_problems


def shape(doc: Document) -> dict[str, Any]:
    """What the reader sees: title, the heading outline, enumeration markers, closing date."""
    return {
        "title": doc.title.text if doc.title else None,
        "outline": [(s.level, s.marker.style, s.marker.ordinal, s.title) for s in doc.walk()],
        "items": [(i.marker, i.lead) for _, i in doc.enum_items()],
        "date": doc.closing.date if doc.closing else None,
    }


def load(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sound(doc: Document) -> Document:
    assert span_problems(doc) == []
    assert coverage_problems(doc) == []
    return doc


@pytest.mark.parametrize(("newline", "name"), [("\n", "LF"), ("\r\n", "CRLF"), ("\r", "CR"),
                                                ("\r\r\n", "CRCRLF")])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:3])
def test_line_end_conventions(path: Path, newline: str, name: str) -> None:
    """Every convention gives the same document, line for line; the text is the input as it is
    (a lone CR read as a LF), so that spans point into the file as an editor shows it."""
    text = load(path)
    written = text.replace("\n", newline)
    doc = sound(docparse.parse_bytes(written.encode("utf-8")))
    assert doc.source.newline == name
    assert doc.text == (text if newline == "\r" else written)
    assert outline(doc) == outline(docparse.parse(text))


def test_mixed_line_ends_are_recorded() -> None:
    doc = docparse.parse("关于2022年度工作的报告\r\n一、主要工作\n开展培训。\r二、问题\r\n")
    assert doc.source.newline == "mixed"
    assert [s.title for s in doc.sections] == ["主要工作", "问题"]
    assert doc.text == "关于2022年度工作的报告\r\n一、主要工作\n开展培训。\n二、问题\r\n"


def one_line(text: str) -> str:
    return "".join(line.strip(" \u3000\xa0\t") for line in text.splitlines())


# One report per line: headings and enumerations must still be found inside the single line.
# Headings that exist only by layout (a recovered 五、 between 四、 and 六、, an unnumbered part line)
# cannot be seen without line breaks, so the comparison is on the numbered headings as written.
ONE_LINE_KNOWN: dict[str, str] = {}


def numbered(doc: Document) -> list[tuple[str, int | None, str]]:
    """Numbered headings as written, each with the first 6 characters of its title.

    Without a line break, where a title without end punctuation stops is unknowable
    (``一、加强党的领导深入学习…``), so only its start is compared.
    """
    return [(s.marker.style, s.marker.ordinal, s.title[:6]) for s in doc.walk() if not s.marker.recovered
            and s.marker.ordinal is not None]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:3])
def test_whole_report_on_one_line(path: Path, request: pytest.FixtureRequest) -> None:
    stem = path.stem[:3]
    if stem in ONE_LINE_KNOWN:
        request.applymarker(pytest.mark.xfail(strict=True, reason=ONE_LINE_KNOWN[stem]))
    text = load(path)
    doc = sound(docparse.parse(one_line(text)))
    assert "\n" not in doc.text and doc.source.newline == "none"
    expected = docparse.parse(text)
    assert numbered(doc) == numbered(expected)
    assert [i.marker for _, i in doc.enum_items()] == [i.marker for _, i in expected.enum_items()]


@pytest.mark.parametrize("path", sorted((FIXTURES / "lost_line_breaks").glob("*.txt")), ids=lambda p: p.stem)
def test_real_text_with_every_line_break_lost_keeps_its_numbered_headings(path: Path) -> None:
    """Every line break and indentation taken out of real lines: a heading's title then runs
    straight into its first item (``（一）大力发展货物贸易1.扩大优势产品出口。``, notice-006) or
    article (``第一章总则第一条（目的和依据）``, regulation-017), which still start headings."""
    text = load(path)
    flat = one_line(text)
    assert len(flat) >= 1000  # run-on text
    assert numbered(sound(docparse.parse(flat))) == numbered(docparse.parse(text))


def test_one_line_government_work_report_finds_headings_and_enumerations() -> None:
    body = "".join(
        f"{cn}、{title}。"
        + "".join(f"{e}是加强第{cn}项工作，完成任务{n}项。" for n, e in enumerate("一二三", 1))
        + "经济社会发展取得新成效，" * 60 + "人民生活水平稳步提高。"
        for cn, title in (("一", "过去一年工作回顾"), ("二", "今年工作总体要求"), ("三", "今年重点任务")))
    head = ("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上"
            "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议。")
    doc = sound(docparse.parse(head + body))
    assert len(doc.text) > 2000 and "\n" not in doc.text
    assert [(s.marker.raw, s.title) for s in doc.sections] == [
        ("一、", "过去一年工作回顾"), ("二、", "今年工作总体要求"), ("三、", "今年重点任务")]
    assert [i.marker for _, i in doc.enum_items()] == ["一是", "二是", "三是"] * 3


@pytest.mark.parametrize("lines", [
    ["关于2022年度法治政府建设情况的", "报告"],
    ["关于2022年度法治政府", "建设情况的报告"],
    ["保德县2022年度法治政府建设", "情况报告"],
    ["关于2022年度法治", "政府建设情况的报告"],
    ["关于", "2022年度法治政府建设情况的报告"],
])
def test_title_split_by_stray_line_breaks(lines: list[str]) -> None:
    text = "\n".join([*lines, "一、总体情况", "开展培训12次。一是加强学习。二是健全制度。"]) + "\n"
    doc = sound(docparse.parse(text))
    assert doc.title and doc.title.text == "".join(lines)
    assert [doc.text[s.start:s.end] for s in doc.title.spans] == lines
    assert [s.title for s in doc.sections] == ["总体情况"]


def with_invisible(text: str, char: str) -> str:
    """``char`` before and after the content of every line (indentation included)."""
    return "\n".join(f"{char}{line}{char}" if line.strip() else line for line in text.split("\n"))


@pytest.mark.parametrize(("label", "char"), [("tab", "\t"), ("nul", "\x00"), ("zero-width-space", "\u200b"),
                                             ("zero-width-joiner", "\u200d"), ("word-joiner", "\u2060"),
                                             ("bom-inside", "\ufeff"), ("soft-hyphen", "\xad")])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:3])
def test_invisible_characters_around_lines(path: Path, label: str, char: str) -> None:
    text = load(path)
    doc = sound(docparse.parse(with_invisible(text, char)))
    assert shape(doc) == shape(docparse.parse(text))


def test_tabs_as_indentation_and_separators() -> None:
    text = ("关于2022年度工作的报告\n\t一、主要工作\n\t\t开展培训12次。一是加强学习。\n"
            "\t二、\t存在问题\n\t(一)\t基层力量薄弱。\n")
    doc = sound(docparse.parse(text))
    assert [(s.marker.raw, s.title) for s in doc.walk()] == [
        ("一、", "主要工作"), ("二、", "存在问题"), ("(一)", "基层力量薄弱")]


def test_nul_bytes_in_a_file_are_not_binary() -> None:
    text = "关于2022年度工作的报告\n一、主要工作\x00\n开展培训12次。\x00\n"
    doc = docparse.parse_bytes(text.encode("utf-8"))
    assert doc.text == text and [s.title for s in doc.sections] == ["主要工作"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:3])
def test_html_tag_lines_are_furniture(path: Path) -> None:
    text = load(path)
    tagged = text.replace("\n", "\n<p>\n", 3).replace("\n\n", "\n<br/>\n")
    tagged = "<div class=\"article\">\n" + tagged + "</div>\n"
    doc = sound(docparse.parse(tagged))
    assert shape(doc) == shape(docparse.parse(text))
    assert sum(f.category == "markup" for f in doc.furniture) >= 4


def test_inline_html_tags_around_lines() -> None:
    text = "关于2022年度工作的报告\n<p>一、总体情况</p>\n<p>开展培训12次。</p>\n"
    doc = sound(docparse.parse(text))
    assert [s.title for s in doc.sections] == ["总体情况"]
