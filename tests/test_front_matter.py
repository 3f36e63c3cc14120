"""Title, metadata and furniture of real pages, one fixture per layout (tests/fixtures/frontmatter/).

Each fixture holds lines copied from a public government document of ../shared/corpus (a few lines
cut short, a header block or escapes written around real lines where the layout is a scraper's);
each test says what a reader of the page sees: the title, the metadata fields, what is chrome, and
where the text starts. Metadata values never reach the body.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import docparse
from docparse import chrome
from docparse.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "frontmatter"


def parse(name: str) -> Document:
    return docparse.parse_file(FIXTURES / name)


def body_text(doc: Document) -> str:
    """Everything the body holds: preamble paragraphs and section headings and paragraphs."""
    parts = [paragraph.text for paragraph in doc.preamble]
    for top in doc.sections:
        for section in top.walk():
            parts.append(section.title)
            parts.extend(paragraph.text for paragraph in section.body)
    return "\n".join(parts)


def fields(doc: Document) -> dict[str, str]:
    return {field.key: field.value for field in doc.metadata.fields}


def furniture(doc: Document, category: str) -> list[str]:
    return [item.text for item in doc.furniture if item.category == category]


def assert_title_spans_hold_the_title(doc: Document) -> None:
    assert doc.title is not None
    written = "".join(doc.text[span.start:span.end] for span in doc.title.spans)
    # as written, its line breaks and spaces left out (one kept between joint issuers)
    assert "".join(written.split()) == doc.title.text.replace(" ", "")


# Titles run on into what follows them ------------------------------------------------------------

def test_title_run_into_its_doc_number() -> None:
    doc = parse("title_run_into_number.txt")
    assert doc.title is not None
    assert doc.title.text == "国务院办公厅关于印发生态环境领域中央与地方财政事权和支出责任划分改革方案的通知"
    assert doc.metadata.doc_number == "国办发〔2020〕13号"
    assert "国办发〔2020〕13号" not in body_text(doc)
    assert_title_spans_hold_the_title(doc)


def test_one_line_text_gives_title_doc_number_and_addressee() -> None:
    doc = parse("one_line_title_number_addressee.txt")
    assert doc.title is not None and doc.title.text == "国务院关于北京市环境污染防治目标和对策的批复"
    assert doc.metadata.doc_number == "国函〔1999〕134号"
    assert doc.addressee is not None and doc.addressee.text == "北京市人民政府、国家环境保护总局："
    assert doc.preamble[0].text.startswith("你们报送的")


def test_title_over_two_lines_whose_second_runs_on() -> None:
    doc = parse("two_line_title_run_on.txt")
    assert doc.title is not None and doc.title.text == "国务院关于印发国家环境保护“十一五”规划的通知"
    assert len(doc.title.spans) == 2
    assert doc.metadata.doc_number == "国发〔2007〕37号"
    assert doc.addressee is not None and doc.addressee.text.endswith("各直属机构：")
    assert_title_spans_hold_the_title(doc)


def test_interview_title_run_into_its_text() -> None:
    doc = parse("interview_title_run_on.txt")
    assert doc.title is not None and doc.title.text.endswith("有关问题答记者问")
    assert doc.preamble[0].text.startswith("近日，")


# Titles stacked over lines ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "title", "lines"), [
    ("title_organ_over_rest.txt", "江西省人民政府外事办公室2022年招考外语类公务员考试大纲", 2),
    ("title_three_lines.txt",
     "江西省2022年度考试录用公务员财政金融类、会计与审计类职位财经管理专业科目考试大纲", 3),
    ("title_year_over_genre.txt", "国家税务总局江西省税务局2023年度拟录用公务员公示公告（第一批）", 2),
    ("title_continued_by_conjunction.txt", "公安机关录用人民警察体能测评标准及实施规范", 2),
    ("title_organ_line_over_guanyu.txt", "国务院办公厅关于生态环境保护综合行政执法有关事项的通知", 2),
])
def test_a_title_stacked_over_lines_is_one_title(name: str, title: str, lines: int) -> None:
    doc = parse(name)
    assert doc.title is not None and doc.title.text == title
    assert len(doc.title.spans) == lines
    assert_title_spans_hold_the_title(doc)
    body_lines = body_text(doc).split("\n")
    for span in doc.title.spans:  # no line of the title is left in the body
        assert doc.text[span.start:span.end].strip() not in body_lines


@pytest.mark.parametrize("under", ["深圳市统计局", "二〇二二年十二月"])
def test_an_organ_or_a_month_under_a_title_is_no_part_of_it(under: str) -> None:
    # lines of other-004.docx and stats-005.pdf: the byline and the month a report is dated by
    doc = docparse.parse(f"2022年招考外语类公务员考试大纲\n{under}\n\n一、考试目的\n")
    assert doc.title is not None and doc.title.text == "2022年招考外语类公务员考试大纲"


def test_a_masthead_over_the_doc_number_is_the_issuer_not_the_title() -> None:
    doc = parse("masthead_number_title_addressee.txt")
    assert doc.title is not None and doc.title.text == "关于同意张阿三同志辞职的批复"
    assert furniture(doc, "banner") == ["文件"]
    assert doc.metadata.issuer == "测试符路桥区卫生局"
    assert doc.metadata.doc_number == "路卫发〔2011〕76号"
    assert doc.metadata.addressees == ["区中医院"]


def test_a_masthead_right_over_the_title_stays_out_of_it() -> None:
    lines = (FIXTURES / "masthead_number_title_addressee.txt").read_text(encoding="utf-8").splitlines()
    doc = docparse.parse("\n".join([lines[0], *lines[2:]]))  # the 发文字号 left out
    assert doc.title is not None and doc.title.text == "关于同意张阿三同志辞职的批复"
    assert furniture(doc, "banner") == ["文件"]
    assert doc.metadata.issuer == "测试符路桥区卫生局"


# 主送机关 ------------------------------------------------------------------------------------------

def test_addressee_of_organs_and_kinds_of_organs() -> None:
    doc = parse("addressee_organs_and_kinds.txt")
    assert doc.addressee is not None
    assert doc.addressee.text == "各旗、县、区人民政府，稀土高新区管委会，市直有关部门、单位："
    # 各旗、县、区人民政府 share one head noun, 市直有关部门、单位 one prefix: a class name each
    assert doc.metadata.addressees == ["各旗、县、区人民政府", "稀土高新区管委会", "市直有关部门、单位"]
    assert doc.preamble[0].text.startswith("按照市政府2022年第4次常务会议")
    assert "稀土高新区管委会" not in body_text(doc)


def test_addressee_ending_with_the_organs_of_a_kind() -> None:
    doc = parse("addressee_ends_with_kind_of_organs.txt")
    assert doc.metadata.doc_number == "华北监能市场〔2021〕47号"
    assert doc.metadata.addressees[-2:] == ["内蒙古电力（集团）有限责任公司", "各有关市场主体"]
    assert doc.preamble[0].text.startswith("按照党中央、国务院关于简政放权")
    assert [section.title for section in doc.sections] == ["调整优化市场结算流程"]


def test_addressee_run_on_into_the_text_under_the_title() -> None:
    doc = parse("addressee_run_on_under_title.txt")
    assert doc.title is not None and doc.title.text == "国务院办公厅关于修复贵州省生态环境问题的复函"
    assert doc.addressee is not None and doc.addressee.text == "钱正英同志："
    assert doc.metadata.addressees == ["钱正英同志"]
    assert doc.preamble[0].text.startswith("国务院领导同志对您")


def test_a_salutation_names_no_addressed_organ() -> None:
    doc = docparse.parse("2022年政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n")
    assert doc.addressee is not None and doc.addressee.text == "各位代表："
    assert doc.metadata.addressees == []


def test_a_sentence_up_to_a_colon_is_no_addressee() -> None:
    doc = docparse.parse("上饶市2019年度考录人民警察体能测评通知\n\n"
                         "根据考务工作的安排，2019年度上饶市录用人民警察体能测试的具体安排如下：\n"
                         "一、体能测试的时间和地点\n")
    assert doc.addressee is None and doc.metadata.addressees == []
    assert doc.preamble[0].text.startswith("根据考务工作的安排")


# Promulgation orders: the order is metadata, the title is the text it issues ---------------------

@pytest.mark.parametrize(("name", "title", "number"), [
    ("order_title_run_into_article.txt", "气象设施和气象探测环境保护条例",
     "中华人民共和国国务院令第623号"),
    ("order_title_broken_spaced.txt", "防治海洋工程建设项目污染损害海洋环境管理条例",
     "中华人民共和国国务院令第475号"),
    ("order_split_number.txt", "国务院关于修改《建设项目环境保护管理条例》的决定",
     "中华人民共和国国务院令 第682号"),
])
def test_promulgation_order_names_the_title(name: str, title: str, number: str) -> None:
    doc = parse(name)
    assert doc.title is not None and doc.title.text == title
    assert doc.metadata.doc_number == number
    assert "国务院令" not in body_text(doc)
    assert_title_spans_hold_the_title(doc)


def test_title_cut_from_its_first_chapter_leaves_the_chapter_a_heading() -> None:
    doc = parse("order_title_broken_spaced.txt")
    assert doc.sections[0].marker.raw == "第一章"


# Markdown -------------------------------------------------------------------------------------------

def test_markdown_front_matter_is_metadata() -> None:
    doc = parse("markdown_front_matter.md")
    assert doc.title is not None
    assert doc.title.text == "关于废止规范性文件《徐汇区既有玻璃幕墙建筑管理办法》的通知"
    found = fields(doc)
    assert found["doc_number"] == "徐建规〔2025〕1号"
    assert found["admin_level"] == "区级"
    assert found["url"].startswith("https://www.shanghai.gov.cn/")
    assert doc.metadata.publish_date == dt.date(2025, 1, 20)
    assert doc.metadata.validity == "有效"
    body = body_text(doc)
    for value in ("层级", "区级", "官方链接", "---", "本文正文由脚本"):
        assert value not in body
    assert doc.preamble[0].text.startswith("根据《上海市行政规范性文件管理规定》")
    assert not [d for d in docparse.validate(doc) if d.code == "DP601"]


def test_markdown_heading_is_the_title_without_its_marks() -> None:
    doc = parse("markdown_title_law.md")
    assert doc.title is not None and doc.title.text == "中华人民共和国法律援助法"
    assert doc.text[doc.title.spans[0].start - 2:doc.title.spans[0].start] == "# "
    assert doc.subtitle is not None and doc.subtitle.text.endswith("会议通过")


# Metadata blocks --------------------------------------------------------------------------------------

def test_gov_cn_label_per_line_block() -> None:
    doc = parse("label_per_line_page.txt")
    assert doc.title is not None
    assert doc.title.text == "市工业和信息化局关于印发2021年春节期间电力需求响应实施细则的通知"
    assert len(doc.title.spans) == 4  # the title as the page shows it, not the 名称 value
    meta = doc.metadata
    assert meta.index_no == "11120000MB1896646L/2021-00073"
    assert meta.issuer == "天津市工业和信息化局"
    assert meta.doc_number == "津工信电力〔2021〕3号"
    assert meta.topic_class == "科技工业信息化\\工业;科技工业信息化\\信息化"
    assert meta.validity == "有效"
    assert meta.written_date is None  # 成文日期 and 发文日期 are empty: neither takes the next label
    assert furniture(doc, "navigation") == ["政务公开", "政策法规", "委局文件"]
    assert doc.addressee is not None and doc.addressee.text == "国网天津市电力公司，有关单位："
    assert meta.addressees == ["国网天津市电力公司", "有关单位"]
    assert doc.preamble[0].text.startswith("为落实国家和我市关于春节期间能源保供工作部署要求")
    body = body_text(doc)
    for value in ("11120000MB1896646L", "主 题", "有 效 性", "委局文件"):
        assert value not in body


def test_labels_in_cells_without_colons() -> None:
    doc = parse("label_cells.md")
    found = fields(doc)
    assert found["index_no"] == "3589258689/2024-00028"
    assert found["issuer"] == "上海市住房和城乡建设管理委员会"
    assert found["disclosure"] == "主动公开"
    assert doc.metadata.doc_number == "沪建综规〔2024〕61号"
    assert doc.title is not None and doc.title.text == "关于开展2024年本市海绵城市建设工作的函"
    assert doc.addressee is not None and doc.addressee.text.startswith("各区人民政府")
    body = body_text(doc)
    for value in ("索取号", "载体类型", "主动公开", "内容描述"):
        assert value not in body


def test_statistics_page_label_and_value_lines() -> None:
    doc = parse("stats_label_value_lines.txt")
    assert doc.title is not None and doc.title.text == "万载县2022年国民经济和社会发展统计公报"
    assert doc.metadata.index_no == "014742224A/2023-0043406"
    assert doc.metadata.written_date == dt.date(2023, 5, 11)
    assert fields(doc)["department"] == "万载县统计局"
    assert "面向全社会" not in body_text(doc)


@pytest.mark.parametrize("name", ["scraper_header_block.txt", "scraper_header_block_en.txt"])
def test_scraper_header_block_names_the_title(name: str) -> None:
    doc = parse(name)
    assert doc.title is not None and doc.title.text == "关于做好2019年电力市场化交易注册绑定有关工作的通知"
    found = fields(doc)
    assert found["column"] == "通知公告"  # a column name is never the title
    assert found["local_path"] == "data/jsb/2018/20181029100411.txt"
    assert doc.metadata.publish_date == dt.date(2018, 10, 29)
    assert "jsb.nea.gov.cn" in (found.get("url") or found["source"])
    body = body_text(doc)
    assert "通知公告" not in body and "data/jsb" not in body
    assert doc.metadata.addressees == ["省电力公司", "江苏电力交易中心", "各售电公司", "电力用户"]
    assert doc.preamble[0].text.startswith("根据《中共中央 国务院关于进一步深化电力体制改革的若干意见》")


# Chrome scraped one token per line -----------------------------------------------------------------

def test_chrome_one_token_per_line() -> None:
    doc = parse("chrome_one_token_per_line.txt")
    assert doc.title is not None
    assert doc.title.text == "华北能源监管局关于延长华北电力调峰辅助服务市场运行时间的通知"
    assert doc.title.spans[0].line == 11  # the page's heading, not its window title on line 1
    assert set(furniture(doc, "font_size")) >= {"Aa", "字体：", "小", "中", "大"}
    assert "2019-03-18 00:00" in furniture(doc, "other")
    assert doc.metadata.doc_number == "华北监能市场〔2019〕117号"
    assert doc.addressee is not None and doc.addressee.text.startswith("国家电网华北分部")
    assert doc.metadata.addressees[0] == "国家电网华北分部"
    assert doc.metadata.addressees[-1] == "华北区域主要发电企业"
    assert doc.preamble[0].text.startswith("近日，国家电网华北分部致函我局")
    body = body_text(doc)
    for token in ("设为首页", "机构概览", "Aa", "2019-03-18"):
        assert token not in body


def test_breadcrumb_words_one_per_line_and_value_under_its_label() -> None:
    doc = parse("breadcrumb_words_per_line.txt")
    assert furniture(doc, "navigation") == ["首页", "政务公开", "政策", "规范性文件"]
    assert doc.metadata.source == "能源局"
    assert doc.title is not None
    assert doc.title.text == "国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作的通知"
    assert len(doc.title.spans) == 2


def test_escapes_and_comment_fences_are_markup_and_hide_no_marker() -> None:
    doc = parse("escapes_before_markers.txt")
    assert set(furniture(doc, "markup")) == {"<!--", "-->", "&nbsp;", "&nbsp;&nbsp;", "<U+00A0><U+00A0>"}
    assert [(s.marker.raw, s.marker.ordinal) for s in doc.sections] == [
        ("一、", 1), ("二、", 2), ("三、", 3)]
    assert doc.metadata.doc_number == "医保办函〔2025〕40号"
    assert not [d for d in docparse.validate(doc) if d.code.startswith("DP20")]


def test_subtitle_over_two_lines_with_a_horizontal_bar() -> None:
    doc = parse("subtitle_two_lines.txt")
    assert doc.title is not None and doc.title.text == "政府工作报告"
    assert doc.subtitle is not None
    assert "".join(doc.subtitle.text.split()) == "――2018年3月5日在第十三届全国人民代表大会第一次会议上"
    assert doc.byline is not None and doc.byline.text == "国务院总理 李克强"
    assert doc.addressee is not None and doc.addressee.text == "各位代表："


# What these rules must leave alone ---------------------------------------------------------------

def test_text_between_two_rules_is_not_front_matter() -> None:
    text = ("关于开展智能监管改革试点的通知\n---\n"
            "为推进智能监管在各统筹地区和定点医药机构落地应用，提炼典型经验和做法。\n"
            "---\n一、工作意义\n通过智能监管改革试点赋能定点医药机构。\n")
    doc = docparse.parse(text)
    assert doc.metadata.fields == []
    assert "提炼典型经验和做法" in body_text(doc)


def test_lone_size_words_in_the_body_stay_text() -> None:
    text = ("关于开展智能监管改革试点的通知\n一、试点规模\n按统筹地区规模分为三档。\n规模\n大\n中\n小\n"
            "二、试点方式\n以智能监管改革试点为抓手。\n")
    doc = docparse.parse(text)
    assert not furniture(doc, "font_size")
    assert "大" in body_text(doc)


def test_a_bare_label_over_a_paragraph_leaves_the_paragraph_in_the_body() -> None:
    paragraph = ("为推进智能监管在各统筹地区和定点医药机构落地应用，提炼典型经验和做法，做好技术总结推广，"
                 "提高智能监管工作质效，根据有关文件要求，决定开展智能监管改革试点工作。")
    doc = docparse.parse(f"关于开展智能监管改革试点的通知\n摘要\n{paragraph}\n"
                         "一、工作意义\n通过试点赋能定点医药机构。\n")
    assert paragraph in body_text(doc)
    assert doc.metadata.summary is None


@pytest.mark.parametrize("squeezed", ["政务公开>政策法规>委局文件", "首页»政务公开»通知公告", "政务公开>政策",
                                      "<U+00A0><U+00A0>二、申报条件", "一、工作意义", "2019-03-1800:00"])
def test_chrome_fast_path_decides_as_the_plain_definition(squeezed: str) -> None:
    assert chrome._classify_whole(squeezed) == chrome.classify_whole_plain(squeezed)


# The closing block of a page scraped as one line ----------------------------------------------------

def test_a_closing_block_run_on_at_the_end_of_one_line() -> None:
    """notice-042 (shortened): the signature right after the last sentence, the date and the note
    after wide gaps (no-break spaces), all on the one line of the page."""
    doc = docparse.parse(
        "国务院办公厅关于生态环境保护综合行政执法有关事项的通知国办函〔2020〕18号各省、自治区、直辖市人民政府："
        "一、统一实行生态环境保护执法的事项。二、各地区、各部门要高度重视深化生态环境保护综合行政执法改革。"
        "《指导目录》由生态环境部根据本通知精神印发。国务院办公厅\xa0\xa0\xa0\xa0\xa02020年2月28日"
        "\xa0\xa0\xa0\xa0\xa0（此件公开发布）")
    assert doc.closing is not None
    assert [b.text for b in doc.closing.signature] == ["国务院办公厅"]
    assert doc.closing.date == dt.date(2020, 2, 28)
    assert [b.text for b in doc.closing.notes] == ["（此件公开发布）"]
    assert doc.sections[-1].body[-1].text.endswith("根据本通知精神印发。")


def test_a_spaced_signature_and_a_date_in_chinese_numerals_run_on_after_a_gap() -> None:
    """notice-019 (shortened): 国　务　院 and 一九九九年十月三十一日 after the last sentence."""
    doc = docparse.parse(
        "国务院关于北京市环境污染防治目标和对策的批复国函〔1999〕134号北京市人民政府、国家环境保护总局："
        "一、原则同意《目标和对策》。二、北京市要认真组织实施。为把北京市建设成为清洁、优美、现代化的文明城市作出贡献。"
        "\xa0\u3000\u3000\u3000\xa0 国\u3000务\u3000院\u3000\u3000\u3000\u3000一九九九年十月三十一日")
    assert doc.closing is not None
    assert [b.text for b in doc.closing.signature] == ["国\u3000务\u3000院"]
    assert doc.closing.date == dt.date(1999, 10, 31)
    assert [s.marker.raw for s in doc.sections] == ["一、", "二、"]


def test_a_title_broken_over_four_lines_under_the_page_s_long_title_line() -> None:
    """notice-047 as text: the page repeats the title with its 发文字号 in one line of 114
    characters (no body), and the title is broken over four lines inside its 《》: one title."""
    doc = parse("ndrc_four_line_title.txt")
    assert doc.title is not None
    assert doc.title.text == ("国家发展改革委关于印发《区域电网输电价格定价办法（试行）》"
                              "《跨省跨区专项工程输电价格定价办法（试行）》"
                              "和《关于制定地方电网和增量配电网配电价格的指导意见》的通知")
    assert doc.metadata.doc_number == "发改价格规﹝2017﹞2269号"
    assert doc.metadata.publish_date == dt.date(2018, 1, 3)
    assert doc.metadata.addressees[-1] == "内蒙古电力公司"


def test_the_banji_after_the_closing_is_metadata_not_body() -> None:
    """A 公文's 版记 under its closing: 抄送 lists organs, the last line names the 印发机关 and the
    印发日期; before, both lines ran on as paragraphs of the last section."""
    doc = parse("banji_printed_by.txt")
    assert doc.metadata.copy_to == ["县委办公室", "县人大常委会办公室", "县政协办公室"]
    assert doc.metadata.printed_by == "某某县人民政府办公室"
    assert doc.metadata.printed_date == dt.date(2024, 3, 1)
    assert doc.closing is not None and doc.closing.date == dt.date(2024, 2, 28)
    assert "抄送" not in body_text(doc) and "印发" not in body_text(doc)
    printed = next(f for f in doc.metadata.fields if f.key == "printed_by")
    assert doc.text[printed.value_span.start:printed.value_span.end] == "某某县人民政府办公室"


@pytest.mark.parametrize(("line", "title"), [
    ("国家发展改革委 国家能源局关于做好2021年电力中长期合同签订工作的通知",
     "国家发展改革委 国家能源局关于做好2021年电力中长期合同签订工作的通知"),  # joint issuers: kept
    ("运城市人民政府 关于2021年度法治政府建设情况的报告", "运城市人民政府关于2021年度法治政府建设情况的报告"),
    ("关 于 加 强 安 全 管 理 的 通 知", "关于加强安全管理的通知"),  # letter-spaced
])
def test_spaces_in_a_title(line: str, title: str) -> None:
    doc = docparse.parse(f"{line}\n\n一、总体要求\n内容。\n")
    assert doc.title is not None and doc.title.text == title


@pytest.mark.parametrize(("title", "doc_type", "year"), [
    ("乡宁县2023年工作总结和2024年工作计划", "work_summary", 2023),
    ("市场监管局2023年工作总结及2024年工作打算", "work_summary", 2023),
    ("2024年政府工作报告", "gov_work_report", 2024),
    ("政府工作报告", "gov_work_report", None),
    ("关于2023年度法治政府建设工作的报告", "fazhi_annual", 2023),
])
def test_the_kind_and_year_of_a_report_from_its_title(title: str, doc_type: str, year: int | None) -> None:
    """A work summary with next year's plan in its title is a summary of the year it names first;
    a 政府工作报告 is of the year its title names (else its subtitle's date)."""
    doc = docparse.parse(f"{title}\n一、主要工作\n全年完成各项任务。\n")
    assert (doc.doc_type, doc.report_year) == (doc_type, year)
