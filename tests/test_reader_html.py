"""The HTML reader on real pages (tests/fixtures/html/, cut down from ../shared/corpus and gov.cn):
the page's text, its encoding, metadata, title, tables and source map, and the document docparse
builds from it compared with the same document as text.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import pytest

import docparse
from docparse import Document, Section
from docparse.cli import main
from docparse.errors import EmptyInputError, MissingExtraError
from docparse.readers import choose, read
from docparse.readers.html import HtmlReader

FIXTURES = Path(__file__).parent / "fixtures" / "html"
NDRC = FIXTURES / "ndrc_notice_051.html"
"""notice-051: an NDRC page; <strong> headings in <span>s separated by <br />, a two-line title."""
STATS = FIXTURES / "county_stats_002.html"
"""stats-002: a county statistics bureau page with a 信息公开 block and ArticleTitle/PubDate meta."""
GOV_CN = FIXTURES / "gov_cn_gbk_metadata_table.html"
"""A gov.cn policy page in GB2312: a metadata table, the body in a layout table."""


def _sections(doc: Document) -> list[tuple[int, str, str]]:
    def walk(sections: list[Section]) -> list[Section]:
        return [found for section in sections for found in (section, *walk(section.children))]

    return [(section.level, section.marker.raw, section.title) for section in walk(doc.sections)]


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html>\n<html><body>\xe6\x96\x87</body></html>",
    b"\xef\xbb\xbf  \r\n<html lang=\"zh\">",
    b"<!-- saved from url=(0041)http://www.gov.cn/ -->\n<html>",
    b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    b"\n<HEAD><TITLE>",
    "<!doctype html>".encode("utf-16"),
])
def test_a_page_is_told_by_its_markup_whatever_its_name(data: bytes) -> None:
    assert choose(data, path="page.txt").name == "html"


def test_text_that_holds_a_tag_is_text_and_an_htm_file_is_a_page_by_its_name() -> None:
    assert choose("<p>一、总体要求</p>".encode(), path="a.txt").name == "text"
    assert choose("一、总体要求".encode(), path="A.HTM").name == "html"


def test_a_text_file_that_is_a_pages_markup_is_read_as_the_page() -> None:
    """A crawler's export (laodongfa.com): a label header, then the 正文 as one line of ``<p>``s."""
    path = FIXTURES / "shanxi_notice_export.txt"
    reading = read(path.read_bytes(), path=str(path))
    assert reading.format == "html"
    assert reading.text.split("\n")[:8] == [
        "发文机关:山西省人民政府", "发布日期:2018年03月27", "生效日期:2018年03月27", "时效性 :现行有效",
        "文号 :晋政发〔2018〕13号", "各市、县人民政府,省人民政府各委、办、厅、局:",
        "现将《山西省激发重点群体活力带动城乡居民增收的实施方案》印发给你们,请认真组织实施。",
        "山西省人民政府"]
    doc = docparse.parse_file(path)
    assert doc.metadata.doc_number == "晋政发〔2018〕13号"
    assert [title for _, _, title in _sections(doc)] == ["指导思想", "总体目标"]
    anchor = doc.locate(doc.text.index("现将"))
    assert anchor is not None and anchor.where == "html/body[1]/p[2]"


@pytest.mark.parametrize("text", [
    "<p>一、总体要求</p>",
    "网页的段落写作<p>…</p>，标题写作<h1>…</h1>，表格写作<table>…</table>。\n" + "正文。" * 100,
])
def test_a_text_that_quotes_a_few_tags_stays_text(text: str) -> None:
    assert read(text.encode(), path="a.txt").format == "text"


def test_the_page_reads_as_its_text_rendering() -> None:
    """The gold annotates notice-051.txt, the page rendered a block a line: the reader gives that
    text, less the related-policies box the page hides (``<div class="xgwz" style="display:none">``)
    that the rendering kept."""
    rendering = (FIXTURES / "ndrc_notice_051.txt").read_text(encoding="utf-8")
    hidden = ("相关政策与解读\n"
              "《国家发展改革委 国家能源局关于加强和规范电网 规划投资管理工作的通知》政策解读\n")
    assert hidden in rendering
    assert read(NDRC.read_bytes()).text == rendering.replace(hidden, "").rstrip("\n")


@pytest.mark.parametrize(("page", "rendering"), [
    (NDRC, "ndrc_notice_051.txt"),
    (STATS, "county_stats_002.txt"),
])
def test_the_outline_of_a_page_is_that_of_its_text(page: Path, rendering: str) -> None:
    from_page = docparse.parse_file(page)
    from_text = docparse.parse_file(FIXTURES / rendering)
    assert from_page.source.format == "html"
    assert _sections(from_page) == _sections(from_text)
    assert from_page.title is not None and from_text.title is not None
    assert from_page.title.text == from_text.title.text


def test_strong_headings_between_line_breaks_are_the_gold_headings() -> None:
    doc = docparse.parse_file(NDRC)
    sections = _sections(doc)
    assert [(level, marker) for level, marker, _ in sections if level == 1] == [
        (1, "一、"), (1, "二、"), (1, "三、"), (1, "四、")]
    assert len(sections) == 13
    assert (2, "（二）", "深化电网规划编制的技术经济论证要求") in sections
    assert doc.title is not None
    assert doc.title.text == "国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作的通知"
    assert doc.closing is not None and doc.closing.date == dt.date(2020, 5, 28)


def test_meta_tags_fill_what_the_text_does_not_say_and_stay_out_of_fields() -> None:
    doc = docparse.parse_file(STATS)
    assert doc.metadata.written_date == dt.date(2023, 5, 11)  # 生成日期 in the page's text
    assert doc.metadata.publish_date == dt.date(2023, 8, 16)  # <meta name="PubDate">
    assert doc.metadata.source == "万载县统计局"  # <meta name="ContentSource">
    labels = {field.label for field in doc.metadata.fields}
    assert "生成日期" in labels and not labels & {"发布日期", "来源"}
    for field in doc.metadata.fields:
        assert doc.text[field.value_span.start:field.value_span.end] == field.value


def test_a_gbk_page_with_a_metadata_table_and_a_layout_table_around_its_text() -> None:
    reading = read(GOV_CN.read_bytes())
    assert (reading.encoding, reading.confidence) == ("gb18030", 1.0)
    assert ("索引号", "000014349/2018-00222") in reading.metadata
    doc = docparse.parse_file(GOV_CN)
    metadata = doc.metadata
    assert (metadata.index_no, metadata.issuer, metadata.doc_number, metadata.topic_class) == (
        "000014349/2018-00222", "国务院", "国发〔2018〕43号", "卫生、体育\\医药管理")
    assert (metadata.written_date, metadata.publish_date) == (dt.date(2018, 12, 21), dt.date(2018, 12, 29))
    title = ("国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施"
             "《中华人民共和国药品管理法实施条例》有关规定的决定")
    assert doc.title is not None and doc.title.text == title and len(doc.title.spans) == 3
    assert doc.addressee is not None
    assert doc.addressee.text == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert doc.closing is not None and doc.closing.date == dt.date(2018, 12, 21)
    # the metadata table is a table of the text (its rows are lines); the body's layout table is not
    first = reading.tables[0]
    assert [reading.text[start:end] for start, end in first.rows[0]] == [
        "索 引 号：", "000014349/2018-00222", "主题分类：", "卫生、体育\\医药管理"]
    assert "为进一步支持海南省试点发展国际医疗旅游相关产业" in doc.preamble[0].text
    assert all(paragraph.table is None for paragraph in doc.preamble)


def test_a_page_that_declares_the_wrong_charset_still_reads() -> None:
    lying = docparse.parse_file(FIXTURES / "gov_cn_gbk_declared_utf8.html")  # GB2312 bytes, says UTF-8
    assert lying.source.encoding == "gb18030"
    assert lying.text == docparse.parse_file(GOV_CN).text
    utf8 = NDRC.read_bytes().replace(b'<meta charset="UTF-8">', b'<meta charset="gbk">')
    assert read(utf8).text == read(NDRC.read_bytes()).text  # UTF-8 bytes that say GBK


def test_a_page_that_declares_no_charset_is_read_by_detection() -> None:
    declaration = b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
    data = GOV_CN.read_bytes().replace(declaration, b"")
    reading = read(data)
    assert declaration not in data and reading.encoding == "gb18030"
    assert reading.text == read(GOV_CN.read_bytes()).text


def test_a_data_table_is_one_paragraph_of_rows_of_cells_with_exact_spans() -> None:
    doc = docparse.parse_file(FIXTURES / "county_stats_data_table.html")
    assert [marker for _, marker, _ in _sections(doc)] == ["一、", "二、", "三、"]
    tables = [paragraph for section in doc.sections for paragraph in section.body if paragraph.table]
    assert len(tables) == 1
    table = tables[0].table
    assert table is not None
    assert [cell.text for cell in table.rows[0]] == ["产品名称", "计量单位", "产量", "较上年±%"]
    assert [cell.text for cell in table.rows[1]] == ["饮料酒", "千升", "15767", "18.64"]
    assert len(table.rows) == 8 and all(len(row) == 4 for row in table.rows)
    for row in table.rows:
        for cell in row:
            assert doc.text[cell.span.start:cell.span.end] == cell.text
    assert doc.text[tables[0].span.start:tables[0].span.end] == tables[0].text
    assert tables[0].text.count("\n") == 7


NUMBERED_ROWS = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报</title></head><body>
<p>国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报</p>
<p>一、典型经验做法</p>
<table border="1"><tr><td>序号</td><td>改革举措</td><td>主要内容</td></tr>
<tr><td colspan="3">一、改革投资审批等制度</td></tr>
<tr><td>1</td><td>企业投资项目承诺制改革</td><td>山西开展企业投资项目承诺制改革试点，备案类企业投资项目报建阶段的28项审批事项中，7项政府承诺供地前服务；3项由政府、企业双向承诺。</td></tr>
<tr><td>2</td><td>“多规合一”和完善工程建设项目审批体系改革</td><td>福建厦门以“多规合一”为抓手，建立“五个一”工程建设项目审批体系。<br>海南推进“多规合一”改革，在海口美安科技新城等三个园区试行六项改革措施。</td></tr>
</table>
<p>二、有关要求</p><p>各地区要认真学习借鉴。</p>
</body></html>"""
"""Rows of the table in notice-044 (a 通报 whose table numbers its rows 1, 2 … under 一、 bands)."""


def test_table_rows_that_start_with_a_number_are_never_headings() -> None:
    doc = docparse.parse_bytes(NUMBERED_ROWS.encode(), path="tongbao.html")
    assert [(level, marker) for level, marker, _ in _sections(doc)] == [(1, "一、"), (1, "二、")]
    table = doc.sections[0].body[0].table
    assert table is not None
    assert [cell.text for cell in table.rows[1]] == ["一、改革投资审批等制度"]
    assert table.rows[2][0].text == "1"
    assert table.rows[3][2].text == ("福建厦门以“多规合一”为抓手，建立“五个一”工程建设项目审批体系。 "
                                     "海南推进“多规合一”改革，在海口美安科技新城等三个园区试行六项改革措施。")


LAYOUT = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>国务院办公厅关于推进政务新媒体健康有序发展的意见</title></head>
<body><table width="724"><tr><td><br><table width="650"><tr><td class="b12c" id="UCAP-CONTENT">
<p style="text-align: center;"><span style="font-weight: bold;">国务院办公厅关于推进</span></p>
<p style="text-align: center;"><span style="font-weight: bold;">政务新媒体健康有序发展的意见</span></p>
<p style="text-align: center;">国办发〔2018〕123号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>政务新媒体是移动互联网时代党和政府联系群众、服务群众、凝聚群众的重要渠道。为推动政务新媒体健康有序发展，经国务院同意，现提出如下意见。</p>
<p><span style="font-weight: bold;">一、总体要求</span></p>
<p><span style="font-family: 楷体;">（一）指导思想。</span></p>
<p>以习近平新时代中国特色社会主义思想为指导，大力推进政务新媒体工作。</p>
<p><span style="font-weight: bold;">二、明确工作职责</span></p>
<p>各级政务新媒体按照主管主办和属地管理原则，接受宣传、网信部门的有关业务统筹指导和宏观管理。</p>
</td></tr><tr><td></td></tr></table></td></tr></table></body></html>"""
"""gov.cn's page layout (国办发〔2018〕123号, cut down): the whole body inside <table><tr><td>."""


def test_a_layout_table_around_the_article_is_read_as_its_blocks() -> None:
    reading = read(LAYOUT.encode())
    assert reading.tables == ()
    assert "一、总体要求\n（一）指导思想。\n" in reading.text
    doc = docparse.parse_bytes(LAYOUT.encode(), path="layout.html")
    assert [marker for _, marker, _ in _sections(doc)] == ["一、", "（一）", "二、"]
    assert doc.title is not None and doc.title.text == "国务院办公厅关于推进政务新媒体健康有序发展的意见"
    assert doc.metadata.doc_number == "国办发〔2018〕123号"


HINTED = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="宜春市2022年国民经济和社会发展统计公报">
<meta name="PubDate" content="2023-05-16 12:34:05"></head><body>
<div>分类：</div><div>统计公报</div>
<h1><ucaptitle>宜春市2022年国民经济和社会发展统计公报</ucaptitle></h1>
<p>2022年，面对复杂严峻的发展环境，全市上下坚持稳中求进工作总基调，经济运行总体平稳。</p>
<p>一、综合</p><p>初步核算，全年全市地区生产总值3741.94亿元。</p></body></html>"""
"""stats-003: a 分类 cell whose value (统计公报) reads like a title stands above the page's title."""


def test_the_title_the_page_names_decides_between_title_like_lines() -> None:
    doc = docparse.parse_bytes(HINTED.encode(), path="stats.html")
    assert doc.title is not None and doc.title.text == "宜春市2022年国民经济和社会发展统计公报"
    assert doc.metadata.publish_date == dt.date(2023, 5, 16)
    without = docparse.parse_bytes(HINTED.replace('name="ArticleTitle"', 'name="x"').encode(), path="s.html")
    assert without.title is not None and without.title.text == "宜春市2022年国民经济和社会发展统计公报"


def test_a_two_line_h1_is_one_title_hint() -> None:
    page = ("<html><body><h1>国家发展改革委关于印发《区域电网输电价格<br>定价办法》的通知</h1>"
            "<p>正文。</p></body></html>")
    assert read(page.encode()).title_hint == "国家发展改革委关于印发《区域电网输电价格定价办法》的通知"


def test_a_heading_the_article_repeats_is_the_title_over_the_menus() -> None:
    """A power-exchange page: a generic ``<title>``, menus of links (some in ``<h5>``), the title in
    an ``<h3 class="title">`` that the article's first line repeats."""
    page = FIXTURES / "gzpx_notice_h3_title.html"
    assert read(page.read_bytes()).title_hint == "关于印发《南方区域跨区跨省电力中长期交易规则》的通知"
    doc = docparse.parse_file(page)
    assert doc.title is not None and doc.title.text == "关于印发《南方区域跨区跨省电力中长期交易规则》的通知"
    assert doc.addressee is not None and doc.addressee.text.startswith("各经营主体")
    assert all(paragraph.text not in ("最新通知", "政策法规") for paragraph in doc.preamble)


@pytest.mark.parametrize(("head", "body", "hint"), [
    ("<title>王勇在河北检查指导防汛减灾工作_国务委员王勇_中国政府网</title>",
     "<h6>分享到：</h6><h1>王勇在河北检查指导防汛减灾工作</h1>", "王勇在河北检查指导防汛减灾工作"),
    ("<title>国家能源局印发《关于加强电力中长期交易监管的意见》的通知（国能发监管〔2019〕70号）_国家能源局福建监管办公室</title>",
     "<div>国家能源局印发《关于加强电力中长期交易监管的意见》的通知（国能发监管〔2019〕70号）</div>",
     "国家能源局印发《关于加强电力中长期交易监管的意见》的通知（国能发监管〔2019〕70号）"),
    ("<title>万载县人民政府 | 万载县2015年国民经济和社会发展统计公报</title>",
     "<h1>万载县人民政府</h1><p>万载县2015年国民经济和社会发展统计公报</p>",
     "万载县2015年国民经济和社会发展统计公报"),
    ("<title>【关于核定2020～2022年省级电网输配电价的通知(发改价格规〔2020〕1508号)】-国家发展和改革委员会</title>",
     "<p>正文。</p>", "关于核定2020～2022年省级电网输配电价的通知(发改价格规〔2020〕1508号)"),
    ("<title>广州电力交易中心</title>", "<div>广州电力交易中心</div><h5><a href='/'>政策文件</a></h5>", None),
    ("<title>“十四五”规划 2021-2025年_某某市人民政府</title>", "<p>正文。</p>", "“十四五”规划 2021-2025年"),
])
def test_without_an_article_title_the_hint_is_a_heading_the_page_names_twice_or_the_title_less_the_site(
        head: str, body: str, hint: str | None) -> None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert read(page.encode()).title_hint == hint


def test_what_a_browser_does_not_show_is_no_text_of_the_page() -> None:
    """gov.cn's article template hides a copy of the title and lead for its share box; a Word
    export pasted into an article keeps its ``<title>`` in the body."""
    text = read((FIXTURES / "gov_cn_news_hidden_share.html").read_bytes()).text
    assert text.count("王勇在河北张家口详细检查") == 1
    assert "\n王勇在河北检查指导防汛减灾工作\n" in text  # the <h1>, not the share box's copy
    page = ('<html><head><title>华北能源监管局关于公示华北电力调峰辅助服务市场模拟运行试结算报告'
            '的公告</title></head><body><div class="wrapper_detail_text"><title>华北电力监管局文件</title>'
            '<p class="p4"><span class="s1">国家能源局华北监管局</span></p>'
            '<p class="p5"><span class="s1">公 &nbsp; &nbsp;告</span></p><p hidden>草稿</p>'
            '<p class="p7">2018第3号</p></div></body></html>')
    reading = read(page.encode())
    assert reading.text.split("\n")[1:] == ["国家能源局华北监管局", "公 \xa0 \xa0告", "2018第3号"]
    assert reading.anchors[-1].where == "html/body[1]/div[1]/p[4]"  # hidden elements still count


def test_the_source_map_names_the_element_and_the_offset_of_each_line() -> None:
    from selectolax.lexbor import LexborHTMLParser

    data = NDRC.read_bytes()
    doc = docparse.parse_bytes(data, path=NDRC.name)
    tree = LexborHTMLParser(data.decode("utf-8"))
    assert doc.source_map and doc.source_map[0].where == "html/head[1]/title[1]"
    covered = 0
    for anchor in doc.source_map:
        element = tree.root
        for step in anchor.where.split("/")[1:]:
            tag, index = step.rstrip("]").split("[")
            element = [child for child in element.iter() if child.tag == tag][int(index) - 1]
        original = element.text(deep=True)
        assert original[anchor.offset] == doc.text[anchor.start]
        covered += anchor.end - anchor.start
    heading = next(a for a in doc.source_map if doc.text.startswith("一、切实加强", a.start))
    assert heading.where.startswith("html/body[1]/div[2]/div[2]/div[1]")
    assert covered == len(doc.text) - doc.text.count("\n")  # every character of every line


def test_scripts_styles_comments_and_the_head_never_reach_the_text() -> None:
    text = read(NDRC.read_bytes()).text
    for leftover in ("uaredirect", "position: relative", "startprint", "viewport", "文章详情", "$("):
        assert leftover not in text


def test_a_page_with_no_text_is_refused_naming_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "empty_page.html"
    with pytest.raises(EmptyInputError):
        docparse.parse_file(path)
    assert main(["outline", str(path)]) == 3
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "DP002" in err and "empty_page.html" in err


def test_without_the_extra_the_page_gets_dp012(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)  # import fails as if not installed
    with pytest.raises(MissingExtraError) as raised:
        HtmlReader().read(NDRC.read_bytes(), path="a.html")
    assert raised.value.code == "DP012" and "docparse-cn[html]" in raised.value.message


def _large_page(copies: int) -> bytes:
    """notice-051 with its body repeated: a long page of <span>s between <br />s."""
    page = NDRC.read_text(encoding="utf-8")
    start = page.index("<span>各省")
    end = page.index("<div align=\"center\"><span>国家发")
    return (page[:start] + page[start:end] * copies + page[end:]).encode("utf-8")


def test_reading_a_large_page_takes_time_in_proportion_to_its_size() -> None:
    reader = HtmlReader()
    small, large = _large_page(40), _large_page(320)
    reader.read(small)
    timings = []
    for data in (small, large):  # the least of three runs: a collector pass or another process's
        runs = []                # cache pressure lands in one run, not in all three
        for _ in range(3):
            start = time.process_time()
            reader.read(data)
            runs.append(time.process_time() - start)
        timings.append(min(runs))
    assert timings[1] < timings[0] * 8 * 2.5  # ×8 the size; a square would take ×64
