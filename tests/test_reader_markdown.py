"""The Markdown reader on real excerpts (tests/fixtures/markdown/, cut from ../shared/corpus): its
decoration is structure and formatting, never text of a title; pipe tables are tables; a Markdown
conversion gives the outline of the same document as plain text.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import docparse
from docparse import Document, Section
from docparse.readers import read
from docparse.readers.text import pipe_tables

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
SERVICE = FIXTURES / "service_table.md"
"""other-015 cut down: # title, ## sections, **bold**, an HTML comment and a pipe table."""
LAW = FIXTURES / "legal_aid_law.md"
"""regulation-012 cut down: a law converted to Markdown (# title, ***目 录*** of links, ## chapters)."""


def _outline(doc: Document) -> list[tuple[int, str, str]]:
    def walk(sections: list[Section]) -> list[Section]:
        return [found for section in sections for found in (section, *walk(section.children))]

    return [(section.level, section.marker.raw, section.title) for section in walk(doc.sections)]


def test_headings_and_bold_are_structure_not_title_text() -> None:
    doc = docparse.parse_file(SERVICE)
    assert doc.source.format == "markdown"
    assert doc.title is not None and doc.title.text == "关于报送2026年度服务事项标准化建设情况的函"
    assert [(level, title) for level, _, title in _outline(doc)] == [
        (1, "报送内容"), (1, "2026年度服务事项标准化建设情况统计表"), (2, "填表说明")]


def test_a_pipe_table_is_a_table_of_cells_and_its_rows_are_no_headings() -> None:
    doc = docparse.parse_file(SERVICE)
    tables = [paragraph.table for section in doc.sections for child in (section, *section.children)
              for paragraph in child.body if paragraph.table is not None]
    assert len(tables) == 1
    rows = [[cell.text for cell in row] for row in tables[0].rows]
    assert rows[0] == ["序号", "单位名称", "联系人姓名", "事项总数", "已完成规范事项数", "完成率",
                       "主要成效及备注"]
    assert [row[:3] for row in rows[1:]] == [["1", "示例单位一", "张伟"], ["2", "示例单位二", "李明华"],
                                            ["3", "示例单位三", "欧阳雨晴"], ["7", "合计", "—"]]
    for row in tables[0].rows:
        for cell in row:
            assert doc.text[cell.span.start:cell.span.end] == cell.text
    assert all(marker not in ("1", "2", "3", "7") for _, marker, _ in _outline(doc))


def test_a_markdown_conversion_gives_the_outline_of_the_same_law_as_text() -> None:
    """legal_aid_law.txt is the excerpt with its Markdown taken off (# and *** marks, link targets)."""
    markdown = docparse.parse_file(LAW)
    text = docparse.parse_file(FIXTURES / "legal_aid_law.txt")
    assert _outline(markdown) == _outline(text)
    assert [marker for _, marker, _ in _outline(markdown)] == [
        "第一章", "第一条", "第二条", "第三条", "第二章", "第十二条", "第十三条"]
    assert markdown.title is not None and text.title is not None
    assert markdown.title.text == text.title.text == "中华人民共和国法律援助法"


def _cells(text: str) -> list[list[list[str]]]:
    return [[[text[start:end] for start, end in row] for row in table.rows] for table in pipe_tables(text)]


@pytest.mark.parametrize(("markdown", "tables"), [
    ("| 项目 | 金额 |\n| --- | ---: |\n| 投资 | 5 |\n\n正文", [[["项目", "金额"], ["投资", "5"]]]),
    ("项目 | 金额\n:-- | --\n投资 | 5\n正文", [[["项目", "金额"], ["投资", "5"]]]),
    ("| 名称 | 说明 |\n|---|---|\n| 甲\\|乙 | |\n", [[["名称", "说明"], ["甲\\|乙", ""]]]),
    ("| 项目 | 金额 |\n| 投资 | 5 |\n", []),  # no delimiter row: text with pipes
    ("| 项目 | 金额 |\n| --- |\n| 投资 | 5 |\n", []),  # the delimiter row has fewer cells
    ("```\n| 项目 | 金额 |\n| --- | --- |\n```\n", []),  # inside a code block
    ("| 项目 | 金额 |\r\n| --- | --- |\r\n| 投资 | 5 |\r\n", [[["项目", "金额"], ["投资", "5"]]]),
])
def test_pipe_tables(markdown: str, tables: list[list[list[str]]]) -> None:
    assert _cells(markdown) == tables


def test_plain_text_with_a_pipe_table_is_left_as_text() -> None:
    """A .txt file is not Markdown: its pipes stay text (the text reader marks no tables)."""
    data = SERVICE.read_bytes()
    assert read(data, path="a.md").tables and not read(data, path="a.txt").tables


MINERU = FIXTURES / "mineru_work_report.md"
"""A 2026 政府工作报告 (cut down) as MinerU converts a PDF: figures as inline LaTeX, page numbers
between paragraphs."""


def test_a_converters_latex_number_reads_as_the_number_and_the_source_map_finds_it_in_the_file() -> None:
    doc = docparse.parse_file(MINERU)
    assert "地区生产总值增长3.9%、总量连续37年" in doc.text
    assert "研发投入强度达3.6%。" in doc.text
    changes = {(metric.label, metric.value) for metric in doc.metrics() if metric.unit == "%"}
    assert {("地区生产总值", 3.9), ("地方一般公共预算收入", 3), ("研发投入强度", 3.6)} <= changes
    assert [item.text for item in doc.furniture if item.category == "page_number"] == ["— 2 —", "— 3 —"]
    lines = MINERU.read_text(encoding="utf-8").split("\n")
    at = doc.text.index("3.6%")
    anchor = doc.locate(at)
    assert anchor is not None
    line = int(anchor.where.removeprefix("line[").removesuffix("]"))
    assert lines[line - 1][anchor.offset + at - anchor.start:].startswith("$3 . 6 \\%$")
    after = doc.text.index("。", at)
    anchor = doc.locate(after)
    assert anchor is not None and lines[line - 1][anchor.offset + after - anchor.start] == "。"


@pytest.mark.parametrize("markdown", ["价格为\\$5$。", "公式 $$1$$ 。", "```\n$1 0 0$\n```", "$x + 1$"])
def test_math_that_is_no_number_and_fenced_code_stay_as_written(markdown: str) -> None:
    reading = read(markdown.encode(), path="a.md")
    assert reading.text == markdown and not reading.anchors


MINERU_TABLE = FIXTURES / "mineru_html_table.md"
"""The 实施细则 attached to 津工信电力〔2021〕3号 (天津市工业和信息化局, cut down) as MinerU converts a
PDF: ``# `` headings, a page number, and its table written as HTML on one line."""


def _tables(doc: Document) -> list[list[list[str]]]:
    def walk(sections: list[Section]) -> list[Section]:
        return [found for section in sections for found in (section, *walk(section.children))]

    return [[[cell.text for cell in row] for row in paragraph.table.rows]
            for section in walk(doc.sections) for paragraph in section.body if paragraph.table is not None]


def test_a_converters_html_table_is_a_table_of_cells_not_markup() -> None:
    doc = docparse.parse_file(MINERU_TABLE)
    assert "<td>" not in doc.text and "<table>" not in doc.text
    assert _tables(doc) == [[
        ["响应日期", "响应时段", "固定补贴价格（元/kWh）", "竞价补贴上限（元/kWh）"],
        ["2021年2月13日至2021年2月15日（农历正月初二至农历正月初四）", "0:00-06:00", "1.2", "2.0"]]]
    assert [title for _, _, title in _outline(doc)] == ["实施背景", "补贴价格"]
    last_line = doc.text.rstrip("\n").split("\n")[-1]
    assert last_line == "为提高申报响应量准确性，提升需求响应实际效果，特制订如下规则："


def test_the_source_map_finds_a_converters_table_on_its_line_and_the_text_after_it_in_place() -> None:
    doc = docparse.parse_file(MINERU_TABLE)
    lines = MINERU_TABLE.read_text(encoding="utf-8").split("\n")
    anchor = doc.locate(doc.text.index("0:00-06:00"))
    assert anchor is not None
    assert "<td>0:00-06:00</td>" in lines[int(anchor.where.removeprefix("line[").removesuffix("]")) - 1]
    after = doc.text.index("为提高申报响应量准确性")
    anchor = doc.locate(after)
    assert anchor is not None
    line = lines[int(anchor.where.removeprefix("line[").removesuffix("]")) - 1]
    assert line[anchor.offset + after - anchor.start:].startswith("为提高申报响应量准确性")


@pytest.mark.parametrize("markdown", [
    # MinerU 2: attributes on the table and its cells, a cell spanning rows
    "表1 补贴价格\n\n<table border=1 style='margin: auto; word-wrap: break-word;'><tr>"
    "<td style='text-align: center; word-wrap: break-word;'>响应时段</td>"
    "<td style='text-align: center; word-wrap: break-word;'>固定补贴价格（元/kWh）</td></tr>"
    "<tr><td rowspan=\"2\">0:00-06:00</td><td>1.2</td></tr></table>\n\n正文",
    # a table broken over lines
    "表1 补贴价格\n<table>\n<tr><td>响应时段</td><td>固定补贴价格（元/kWh）</td></tr>\n"
    "<tr><td>0:00-06:00</td><td>1.2</td></tr>\n</table>\n正文",
])
def test_html_tables_in_markdown_are_read_as_rows_of_cells(markdown: str) -> None:
    reading = read(markdown.encode(), path="a.md")
    assert "<t" not in reading.text and reading.text.endswith("正文")
    text = reading.text
    cells = [[[text[start:end] for start, end in row] for row in table.rows] for table in reading.tables]
    assert cells == [[["响应时段", "固定补贴价格（元/kWh）"], ["0:00-06:00", "1.2"]]]


@pytest.mark.parametrize("markdown", [
    "```html\n<table><tr><td>响应时段</td><td>1.2</td></tr></table>\n```\n",  # code, as written
    "<table><tr><td>响应时段</td><td>1.2</td></tr>\n正文\n",  # never closed: text
    "说明见 <table> 标签。\n",  # a tag in the text
])
def test_html_table_markup_that_is_no_table_stays_as_written(markdown: str) -> None:
    reading = read(markdown.encode(), path="a.md")
    assert reading.text == markdown and not reading.tables


MARKER = FIXTURES / "marker_anchor_spans.md"
"""发改能源规〔2020〕816号 (ndrc.gov.cn, cut down) as marker converts a PDF: an empty
``<span id="page-N-M"></span>`` link target before the title, headings and a paragraph, and a
picture of the page left as an image link."""


def test_a_converters_link_targets_and_images_are_no_text_of_the_title_or_the_body() -> None:
    doc = docparse.parse_file(MARKER)
    assert doc.title is not None
    assert doc.title.text == "国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作的通知"
    assert "<span" not in doc.text and "_page_0_Picture_14" not in doc.text
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "一、", "切实加强电网规划统筹协调与实施"), (2, "（一）", "深化电网规划编制内容要求"),
        (1, "二、", "规范纳入规划的电网项目投资管理")]
    assert doc.closing is not None and doc.closing.date == datetime.date(2020, 5, 28)
    assert _in_file(MARKER, doc, doc.text.index("规划编制过程中")).startswith("规划编制过程中")


def _in_file(path: Path, doc: Document, at: int) -> str:
    """The rest of the file's line from where the source map places ``doc.text[at]``."""
    anchor = doc.locate(at)
    assert anchor is not None
    number = int(anchor.where.removeprefix("line[").removesuffix("]"))
    line = path.read_text(encoding="utf-8").split("\n")[number - 1]
    return line[anchor.offset + at - anchor.start:]


@pytest.mark.parametrize(("markdown", "text"), [
    ("![图1 天津市需求响应实施流程](images/3f2a.jpg)\n正文", "图1 天津市需求响应实施流程\n正文"),
    ('<a name="_Toc503453679"></a>一、实施背景', "一、实施背景"),
    ('<span id="page-2-0"></span>（一）增长$3 . 9 \\%$', "（一）增长3.9%"),
    ('<span class="bold">加粗</span>', '<span class="bold">加粗</span>'),  # not an empty link target
    ("```\n![](images/a.jpg)\n```", "```\n![](images/a.jpg)\n```"),
])
def test_inline_markup_of_a_converter_is_read_as_a_reader_sees_it(markdown: str, text: str) -> None:
    assert read(markdown.encode(), path="a.md").text == text


ESCAPED = FIXTURES / "markitdown_escapes.md"
"""notice-013 (江苏能源监管办, cut down) as a docx-to-Markdown converter escapes it: a number that
starts a paragraph is ``1\\.``, so that it is no Markdown list."""


def test_a_converters_backslash_escapes_are_the_characters_so_the_numbered_headings_are_found() -> None:
    doc = docparse.parse_file(ESCAPED)
    assert "\\" not in doc.text
    assert [(level, marker) for level, marker, _ in _outline(doc)] == [
        (1, "一、"), (2, "1."), (2, "2."), (2, "3."), (1, "二、"), (2, "1."), (2, "2."), (2, "3."),
        (1, "三、"), (2, "1."), (2, "2."), (2, "3.")]
    assert _outline(doc)[1][2] == "基本情况"


@pytest.mark.parametrize(("markdown", "text"), [
    ("（卫医发\\[2006\\]94号）", "（卫医发[2006]94号）"),
    ("注：带\\*为约束性指标。", "注：带*为约束性指标。"),
    ("价格为\\$5$。", "价格为\\$5$。"),  # an escaped dollar keeps a dollar from opening math
    ("`C:\\*` 与 C:\\Users", "`C:\\*` 与 C:\\Users"),  # inline code; no punctuation escaped
    ("| 名称 | 说明 |\n|---|---|\n| 甲\\|乙 | |\n",  # the pipe inside a table's cell
     "| 名称 | 说明 |\n|---|---|\n| 甲\\|乙 | |\n"),
])
def test_backslash_escapes_of_punctuation_are_read_as_the_characters(markdown: str, text: str) -> None:
    assert read(markdown.encode(), path="a.md").text == text


def test_a_line_break_in_a_pipe_tables_cell_is_a_space_of_the_cells_text() -> None:
    markdown = ("| 响应时段 | 固定补贴价格<br>（元/kWh） | 竞价补贴上限<br/>（元/kWh） |\n"
                "| --- | --- | --- |\n| 0:00-06:00 | 1.2 | 2.0 |\n\n请落实。<br>\n")
    reading = read(markdown.encode(), path="a.md")
    header = [reading.text[start:end] for start, end in reading.tables[0].rows[0]]
    assert header == ["响应时段", "固定补贴价格 （元/kWh）", "竞价补贴上限 （元/kWh）"]
    assert reading.text.endswith("请落实。<br>\n")  # a line that is no table row keeps its markup


VUEPRESS = FIXTURES / "vuepress_regulation.md"
"""江门市扬尘污染防治条例 (cut down) as a VuePress site keeps it: front matter, its adoption record in a
``::: tip`` container, a ``::: details`` table of contents with tabs, indents and spaces written as
``&emsp;``."""


def test_character_references_and_container_fences_of_a_static_site_are_no_text() -> None:
    doc = docparse.parse_file(VUEPRESS)
    assert doc.title is not None and doc.title.text == "江门市扬尘污染防治条例"
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "第一章", "总则"), (2, "第一条", ""), (2, "第二条", ""),
        (1, "第二章", "防治要求及措施"), (2, "第十条", ""), (3, "（一）", ""), (3, "（二）", "")]
    assert "&emsp;" not in doc.text and ":::" not in doc.text and "@tab" not in doc.text
    assert doc.subtitle is not None and doc.subtitle.text.startswith("（2021年11月5日江门市")
    codes = {finding.code for finding in docparse.validate(doc)}
    assert not codes & {"DP102", "DP214", "DP601"}
    at = doc.text.index("防治要求及措施")
    assert _in_file(VUEPRESS, doc, at).startswith("防治要求及措施")
    assert _in_file(VUEPRESS, doc, at - 1).startswith("&emsp;防治")  # the em space: its reference


@pytest.mark.parametrize(("markdown", "text"), [
    ("第一章&emsp;总则", "第一章\u2003总则"),
    ("&nbsp;&nbsp;一、总体要求", "\u00a0\u00a0一、总体要求"),
    ("（一）&#12288;工作目标 &#x3000;", "（一）\u3000工作目标 \u3000"),
    ("PM2.5浓度&lt;35微克&amp;立方米", "PM2.5浓度<35微克&立方米"),
    ("&foo; 与 &amp 与 R&D", "&foo; 与 &amp 与 R&D"),  # no reference: an unknown name, no semicolon
    ("\\&amp;", "&amp;"),  # an escaped ampersand starts no reference
    ("`&emsp;` 与 &emsp;", "`&emsp;` 与 \u2003"),  # inline code
    ("```\n&emsp;\n```", "```\n&emsp;\n```"),
])
def test_character_references_are_read_as_their_characters(markdown: str, text: str) -> None:
    assert read(markdown.encode(), path="a.md").text == text


def test_a_character_reference_in_an_html_table_is_decoded_once() -> None:
    markdown = "<table><tr><td>&amp;lt;5%</td><td>&lt;5%</td></tr></table>\n正文&emsp;。\n"
    reading = read(markdown.encode(), path="a.md")
    assert reading.text == "&lt;5%\t<5%\n正文\u2003。\n"


@pytest.mark.parametrize(("markdown", "text"), [
    ("::: tip 修订信息\n（2021年11月5日通过）\n:::\n", "\n（2021年11月5日通过）\n\n"),
    (":::: details 目录\n[[toc]]\n::::\n", "\n\n\n"),
    ("::: tabs\n@tab 条例\n- 第1~20条\n:::", "\n\n- 第1~20条\n"),
    ("> [!NOTE]\n> 本文已废止。\n", "\n> 本文已废止。\n"),
    ("比例为1:::2", "比例为1:::2"),  # not at the start of its line
    ("```\n::: tip\n```", "```\n::: tip\n```"),
])
def test_the_markup_of_a_static_site_generator_around_the_text_is_no_text(markdown: str, text: str) -> None:
    assert read(markdown.encode(), path="a.md").text == text
