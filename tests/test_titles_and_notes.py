"""Titles, metadata and notes of real documents, one fixture per class of layout.

The fixtures hold lines copied from public government documents of ../shared/corpus (as docparse
reads them): a page's title line that runs on into a bracket of fields (notice-052), a law headed by
its name in 书名号 (regulation-011), a joint title whose second issuer is a 司 (notice-017), an
empty label before a visit counter (stats-001), one-line interviews with no title at all (other-010,
other-012), the notes that end a statistical bulletin (stats-002, stats-005), and a database's copy
of a regulation whose header repeats the title its promulgation order issues (regulation-017), and
titles run on into their fields, subtitle or bracketed 发文字号 where every line break was lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docparse
from docparse.models import Document

FIXTURES = Path(__file__).parent / "fixtures"
FRONT = FIXTURES / "frontmatter"
NUMBERING = FIXTURES / "numbering"


def title_as_written(doc: Document) -> str:
    assert doc.title is not None
    return "".join(doc.text[span.start:span.end] for span in doc.title.spans)


def furniture(doc: Document, category: str) -> list[str]:
    return [item.text for item in doc.furniture if item.category == category]


# A database's header over a promulgation order ---------------------------------------------------

def test_the_title_an_order_issues_is_the_title_and_the_headers_copy_furniture() -> None:
    doc = docparse.parse_file(FRONT / "pkulaw_order_title.txt")
    title = "中国（上海）自由贸易试验区临港新片区管理办法"
    assert doc.title is not None and title_as_written(doc) == title
    assert furniture(doc, "repeated_title") == ["中国(上海)自由贸易试验区临港新片区管理办法"]
    assert title not in [paragraph.text for paragraph in doc.preamble]
    assert doc.sections[0].title == "总则" and doc.sections[0].marker.raw.startswith("第一章")


# A title line that runs on into its fields --------------------------------------------------------

def test_a_title_line_that_runs_on_into_bracketed_fields_gives_title_and_metadata() -> None:
    doc = docparse.parse_file(FRONT / "title_run_into_bracketed_fields.txt")
    title = "关于印发《上海市省间清洁购电交易机制实施办法（试行）》的通知"
    assert doc.title is not None and doc.title.text == title
    assert title_as_written(doc) == title
    fields = [(field.label, field.value) for field in doc.metadata.fields]
    assert ("发布日期", "2019年05月31日") in fields and ("文号", "沪发改规范〔2019〕7号") in fields
    assert doc.metadata.publish_date == dt.date(2019, 5, 31)
    assert doc.metadata.doc_number == "沪发改规范〔2019〕7号"
    assert furniture(doc, "markup") == ["(", ")"]
    assert furniture(doc, "banner")[0].endswith("的通知_能源")  # the window title is not the title
    assert doc.preamble[0].text.startswith("为有效促进上海")  # the text starts after the addressee


def test_an_addressee_that_ends_with_short_names_of_enterprises_is_the_addressee() -> None:
    """``…、申能（集团）公司、宝钢股份、上海石化、高桥石化：`` (notice-052): the last names have no organ's
    ending, but most of the list does; a sentence up to a colon that lists organs is no addressee."""
    doc = docparse.parse_file(FRONT / "title_run_into_bracketed_fields.txt")
    assert doc.addressee is not None and doc.addressee.text.endswith("上海石化、高桥石化：")
    assert doc.metadata.addressees[-3:] == ["宝钢股份", "上海石化", "高桥石化"]
    sentence = docparse.parse("关于做好防汛工作的通知\n根据省委、省政府、市委、市政府部署：\n一、加强领导\n")
    assert sentence.addressee is None


def test_the_saved_page_of_that_title_line_reads_the_same() -> None:
    doc = docparse.parse_file(FIXTURES / "html" / "shanghai_notice_052.html")
    assert doc.title is not None
    assert doc.title.text == "关于印发《上海市省间清洁购电交易机制实施办法（试行）》的通知"
    assert doc.metadata.publish_date == dt.date(2019, 5, 31)
    assert doc.metadata.doc_number == "沪发改规范〔2019〕7号"


def test_a_title_with_its_number_in_brackets_is_not_cut_as_fields() -> None:
    """The brackets are no fields' (``(国办发〔2014〕56号)`` is no ``(发布日期:… 文号:…)``): the number
    in them is the 发文字号, the title ends before them."""
    doc = docparse.parse("国务院办公厅关于加强环境监管执法的通知(国办发〔2014〕56号)\n"
                         "各省、自治区、直辖市人民政府：\n现就有关事项通知如下。")
    assert doc.title is not None and doc.title.text == "国务院办公厅关于加强环境监管执法的通知"
    assert furniture(doc, "markup") == ["(", ")"]
    assert [(field.label, field.value) for field in doc.metadata.fields] == [
        ("发文字号", "国办发〔2014〕56号")]
    assert doc.metadata.doc_number == "国办发〔2014〕56号"


# A title in 书名号 --------------------------------------------------------------------------------

def test_a_title_written_in_book_brackets_is_the_name_inside_them() -> None:
    doc = docparse.parse_file(FRONT / "title_in_book_brackets.txt")
    assert doc.title is not None and doc.title.text == "中华人民共和国选举法"
    assert title_as_written(doc) == "中华人民共和国选举法"
    assert furniture(doc, "markup") == ["《", "》"]


def test_a_title_that_names_two_works_keeps_its_brackets() -> None:
    doc = docparse.parse("《区域电网输电价格定价办法》和《跨省跨区专项工程输电价格定价办法》\n"
                         "各有关单位：\n现予印发。")
    assert doc.title is not None
    assert doc.title.text == "《区域电网输电价格定价办法》和《跨省跨区专项工程输电价格定价办法》"


# Joint titles and signatures with a 司 ----------------------------------------------------------

def test_a_joint_title_keeps_the_space_before_an_issuer_that_is_a_department() -> None:
    doc = docparse.parse_file(FRONT / "joint_title_department.txt")
    assert doc.title is not None
    assert doc.title.text == ("国家发展改革委办公厅 国家能源局综合司关于"
                              "做好电力现货市场试点连续试结算相关工作的通知")
    assert doc.closing is not None
    assert [block.text for block in doc.closing.signature] == ["国家发展改革委办公厅", "国家能源局综合司"]
    assert doc.closing.date == dt.date(2020, 3, 26)


# An empty label before a counter -----------------------------------------------------------------

def test_an_empty_label_does_not_take_the_counter_after_it() -> None:
    doc = docparse.parse_file(FRONT / "empty_label_before_counter.txt")
    fields = {field.label: field.value for field in doc.metadata.fields}
    assert fields == {"来源": "", "发布日期": "2017-05-15 10:49:00"}
    assert doc.metadata.source is None
    assert furniture(doc, "counter") == ["访问量：199"]
    assert doc.title is not None and doc.title.text == "万载县2015年国民经济和社会发展统计公报"


# Texts with no title -----------------------------------------------------------------------------

def test_a_one_line_question_and_answer_text_has_no_title() -> None:
    """other-010 starts with its first question: no line of it is a title (the manifest's title is
    the record's, not the text's)."""
    doc = docparse.parse_file(FRONT / "qa_one_line_no_title.txt")
    assert doc.title is None
    assert [section.marker.raw for section in doc.sections] == ["一、", "二、"]


def test_a_one_line_interview_has_no_title() -> None:
    doc = docparse.parse_file(FRONT / "interview_one_line_no_title.txt")
    assert doc.title is None
    assert doc.preamble and doc.preamble[0].text.startswith("近日，生态环境部印发")


# Notes at the end of a statistical bulletin ------------------------------------------------------

def test_notes_under_a_notes_label_stand_beside_the_sections_not_under_the_last() -> None:
    doc = docparse.parse_file(NUMBERING / "stats_notes_block.txt")
    assert [section.marker.raw or section.title for section in doc.sections] == ["十一、", "十二、", "注释"]
    last, notes = doc.sections[1], doc.sections[2]
    assert last.title == "资源和环境保护" and last.children == []
    assert notes.level == 1 and notes.marker.ordinal is None
    assert [(child.marker.raw, child.level) for child in notes.children] == [
        ("1.", 2), ("2.", 2), ("3.", 2), ("4.", 2), ("5.", 2)]


def test_notes_that_define_terms_stand_beside_bare_numbered_sections() -> None:
    doc = docparse.parse_file(NUMBERING / "stats_notes_definitions.txt")
    assert [section.marker.raw for section in doc.sections][:9] == [str(n) for n in range(1, 10)]
    notes = doc.sections[-1]
    assert notes.title == "注解"
    assert [child.title for child in notes.children][:2] == ["人口性别比", "小学学龄儿童净入学率"]
    assert doc.sections[8].children == []


def test_notes_followed_by_more_sections_stay_where_they_are() -> None:
    """A 注释 block with headings of another kind after it does not end the body: nothing moves."""
    lines = (NUMBERING / "stats_notes_block.txt").read_text(encoding="utf-8").splitlines()
    notes = lines[lines.index("注释："):lines.index("注释：") + 6]
    rest = [line for line in lines if line not in notes]
    moved = rest[:5] + notes + rest[5:]  # the notes under 十一、, before 十二、
    doc = docparse.parse("\n".join(moved))
    assert [section.marker.raw for section in doc.sections] == ["十一、", "十二、"]
    assert [child.marker.raw for child in doc.sections[0].children] == ["1.", "2.", "3.", "4.", "5."]


# A title repeated with another dash --------------------------------------------------------------

def test_a_title_a_database_header_repeats_with_another_dash_is_the_texts_own() -> None:
    """A pkulaw export names the document (…行动计划(2021—2023年)的通知) over its own title line
    (…行动计划（2021-2023年）的通知): one title, the text's, and the header's copy is furniture."""
    doc = docparse.parse_file(FRONT / "pkulaw_title_repeated_other_dash.txt")
    assert doc.title is not None
    assert doc.title.text == ("安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和"
                              "安徽省工业互联网创新发展行动计划（2021-2023年）的通知")
    assert doc.title.spans[0].line == 4
    assert furniture(doc, "repeated_title")[0].endswith("(2021—2023年)的通知")
    assert doc.preamble[0].text.startswith("《支持工业互联网发展若干政策》")
    assert doc.metadata.doc_number == "皖政办秘〔2021〕82号"


# A title run on into what follows it, in a text that lost every line break ---------------------------

def test_a_title_run_on_into_its_fields_subtitle_or_bracketed_number_ends_at_its_genre_word() -> None:
    """The first characters of three real documents with their line breaks lost (examples/001,
    gzbg-003, notice-032): the title runs straight on into a ``日期:`` field, a subtitle, or its
    发文字号 in brackets and the addressee."""
    cases = [
        ("奉节县云雾土家族乡人民政府2023年法治政府建设报告日期:2024-03-12    2023年,云雾土家族乡在县委、"
         "县政府的坚强领导下,坚持以习近平法治思想为指导,现将有关情况汇报如下:",
         "奉节县云雾土家族乡人民政府2023年法治政府建设报告"),
        ("政府工作报告——2018年3月5日在第十三届全国人民代表大会第一次会议上国务院总理 李克强各位代表：现在，"
         "我代表国务院，向大会报告过去五年政府工作，请予审议。",
         "政府工作报告"),
        ("关于开展智能监管改革试点的通知（医保办函〔2025〕40 号）"
         "各省、自治区、直辖市及新疆生产建设兵团医疗保障局：为推进智能监管在各统筹地区和定点医药机构落地应用，提炼典型经验和做法。",
         "关于开展智能监管改革试点的通知"),
    ]
    for text, title in cases:
        doc = docparse.parse(text)
        assert "\n" not in doc.text and doc.title is not None and title_as_written(doc) == title
    dated = docparse.parse(cases[0][0])
    assert dated.metadata.publish_date == dt.date(2024, 3, 12)
    assert [(field.label, field.value) for field in dated.metadata.fields] == [("日期", "2024-03-12")]
    assert dated.preamble[0].text.startswith("2023年,云雾土家族乡")  # the text is no part of the field
    assert docparse.parse(cases[2][0]).metadata.doc_number == "医保办函〔2025〕40号"


def test_a_speech_run_on_gives_title_subtitle_byline_and_salutation_apart() -> None:
    """gzbg-003's head with its line breaks lost (the 2024 report's words): the subtitle ends at
    会议上, the byline stands before the salutation, and the text starts after 各位代表：."""
    doc = docparse.parse("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强"
                         "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议。一、2023年工作回顾"
                         "过去一年是全面贯彻党的二十大精神的开局之年。")
    assert doc.title is not None and doc.title.text == "政府工作报告"
    subtitle = "——2024年3月5日在第十四届全国人民代表大会第二次会议上"
    assert doc.subtitle is not None and doc.subtitle.text == subtitle
    assert doc.byline is not None and doc.byline.text == "国务院总理 李强"
    assert doc.addressee is not None and doc.addressee.text == "各位代表："
    assert doc.preamble[0].text.startswith("现在，我代表国务院")
    assert doc.report_year == 2024


def test_a_title_run_on_into_its_bracketed_number_and_then_its_text() -> None:
    """No addressee between the bracketed 发文字号 and the text (made up from the usual words)."""
    doc = docparse.parse("关于印发某某办法的通知（国办发〔2020〕1号）"
                         "经国务院同意，现将《某某办法》印发给你们，请认真贯彻执行。")
    assert doc.title is not None and doc.title.text == "关于印发某某办法的通知"
    assert doc.metadata.doc_number == "国办发〔2020〕1号"
    assert doc.preamble[0].text.startswith("经国务院同意")


def test_a_page_widget_between_a_title_and_its_text_is_furniture_and_the_text_stays_text() -> None:
    """examples/003 with its line breaks lost: ``…情况报告字号:大 中 小2022年,在市委…``."""
    doc = docparse.parse("槐荫区2022年度法治政府建设情况报告字号:大 中 小2022年,在市委、市政府的坚强领导下,"
                         "槐荫区坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下:"
                         "一、法治政府建设推进措施(一)加强党的领导。")
    assert doc.title is not None and doc.title.text == "槐荫区2022年度法治政府建设情况报告"
    assert furniture(doc, "font_size") == ["字号:大 中 小"]
    assert doc.preamble[0].text.startswith("2022年,在市委")


def test_a_banner_that_repeats_the_title_and_its_number_in_brackets_is_not_cut() -> None:
    """A page's banner line ``【…的通知(发改能源规〔2020〕816号)】-国家发展和改革委员会`` holds a title
    and a bracketed number too, but no addressee follows: it stays one line of chrome (notice-012)."""
    doc = docparse.parse_file(FRONT / "breadcrumb_words_per_line.txt")
    assert doc.title is not None
    assert doc.title.text == "国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作的通知"


def test_the_title_an_order_issues_is_found_on_the_orders_own_line() -> None:
    """regulation-027 with its line breaks lost: the order, its promulgation sentence, the premier's
    signature and date, the regulation's title (letter-spaced in part) and its first articles are one
    line; the title is the name the order issues, where it stands after the date, not in 《》."""
    text = ("中华人民共和国国务院令第　475　号　　《防治海洋工程建设项目污染损害海洋环境管理条例》"
            "已经2006年8月30日国务院第148次常务会议通过，现予公布，自2006年11月1日起施行。"
            "总　理 　温家宝二○○六年九月十九日 防治海洋工程建设项目污染损害海 洋 环 境 管 理 条 例"
            "第一章　总　　则　　第一条　为了防治和减轻海洋工程建设项目污染损害海洋环境，制定本条例。"
            "第二条　在中华人民共和国管辖海域内从事海洋工程污染损害海洋环境防治活动，适用本条例。")
    doc = docparse.parse(text)
    assert doc.title is not None and doc.title.text == "防治海洋工程建设项目污染损害海洋环境管理条例"
    assert title_as_written(doc) == "防治海洋工程建设项目污染损害海 洋 环 境 管 理 条 例"
    assert [(s.marker.raw, s.title) for s in doc.walk()][:2] == [("第一章", "总则"), ("第一条", "")]


def test_the_organs_under_a_bulletins_title_are_its_byline_not_its_first_paragraphs() -> None:
    """stats-005 names three issuers on three lines under its title, stats-002 two on one line."""
    three = docparse.parse_file(NUMBERING / "stats_bare_numbers.txt")
    assert three.byline is not None
    issuers = ["深圳市统计局", "深圳市妇女儿童工作委员会", "深圳市性别平等促进办公室"]
    assert three.byline.text.split("\n") == issuers
    assert "深圳市统计局" not in [paragraph.text for paragraph in three.preamble]
    two = docparse.parse_file(FRONT / "stats_label_value_lines.txt")
    assert two.byline is not None and two.byline.text.split() == ["万载县统计局", "国家统计局万载调查队"]



def test_a_date_alone_under_a_title_or_its_byline_is_the_documents_date_line() -> None:
    """stats-005's ``二〇二二年十二月`` under its issuers; a bulletin's ``2024年3月20日`` under its
    organ. A date after the first paragraph is the text's, not the head's."""
    three = docparse.parse_file(NUMBERING / "stats_bare_numbers.txt")
    assert three.subtitle is not None and three.subtitle.text == "二〇二二年十二月"
    assert "二〇二二年十二月" not in [paragraph.text for paragraph in three.preamble]
    bulletin = docparse.parse("宜春市2023年国民经济和社会发展统计公报\n宜春市统计局\n2024年3月20日\n\n"
                              "2023年，全市经济稳中有进。\n一、综合\n全年地区生产总值1000亿元。\n")
    assert bulletin.byline is not None and bulletin.byline.text == "宜春市统计局"
    assert bulletin.subtitle is not None and bulletin.subtitle.text == "2024年3月20日"
    later = docparse.parse("关于开展安全生产检查的通知\n各乡镇：\n现将有关事项通知如下。\n2024年3月20日\n"
                           "一、检查范围\n全县企业。\n")
    assert later.subtitle is None


def test_a_title_repeated_with_its_footnotes_reference_is_the_same_title() -> None:
    """stats-004 as the page gives it: the header's title, then the text's own with the reference
    ``[1]`` of the note that says who compiled it: the title less the reference, the copy furniture,
    not the first paragraph."""
    doc = docparse.parse("江西省2022年国民经济和社会发展统计公报\n访问量：2487\n"
                         "江西省2022年国民经济和社会发展统计公报[1]\n\u2002\n"
                         "江西省统计局 \u2002国家统计局江西调查总队\n2023年3月28日\n"
                         "2022年是党的二十大胜利召开之年，是党和国家历史上极为重要的一年。\n")
    assert doc.title is not None and doc.title.text == "江西省2022年国民经济和社会发展统计公报"
    first = "2022年是党的二十大胜利召开之年，是党和国家历史上极为重要的一年。"
    assert [p.text for p in doc.preamble] == [first]
    assert [(f.category, f.text) for f in doc.furniture] == [
        ("repeated_title", "江西省2022年国民经济和社会发展统计公报"), ("counter", "访问量：2487"),
        ("markup", "[1]")]
    span = doc.title.spans[0]
    assert doc.text[span.start:span.end] == doc.title.text
    assert doc.byline is not None and doc.subtitle is not None and doc.subtitle.text == "2023年3月28日"


def test_a_bulletins_title_run_on_into_its_issuers_and_date_gives_them_apart() -> None:
    """stats-003's head with its line breaks lost: title, the two issuers, the bracketed date and the
    text on one line; a report's bracketed date alone after its title, too."""
    bulletin = docparse.parse("宜春市2022年国民经济和社会发展统计公报宜春市统计局 \u2002国家统计局宜春调查队"
                              "（2023年4月12日）2022年，在市委、市政府的坚强领导下，全市上下坚持以习近平新时代"
                              "中国特色社会主义思想为指导。")
    assert bulletin.title is not None and bulletin.title.text == "宜春市2022年国民经济和社会发展统计公报"
    assert bulletin.byline is not None
    assert bulletin.byline.text.split() == ["宜春市统计局", "国家统计局宜春调查队"]
    assert bulletin.subtitle is not None and bulletin.subtitle.text == "（2023年4月12日）"
    assert bulletin.preamble[0].text.startswith("2022年，在市委")
    report = docparse.parse("关于2023年法治政府建设情况的报告（2024年1月20日）2023年，我县深入推进"
                            "法治政府建设。一、主要工作")
    assert report.title is not None and report.title.text == "关于2023年法治政府建设情况的报告"
    assert report.subtitle is not None and report.subtitle.text == "（2024年1月20日）"


def test_a_source_field_run_on_into_the_text_ends_at_the_year_the_text_opens_with() -> None:
    """A county page flattened: the 来源 value has no gap before the text, or a counter after it."""
    head = "XX县司法局关于2023年法治政府建设情况的报告发布时间：2024-03-20 来源："
    glued = docparse.parse(head + "县司法局2023年，我县深入推进法治政府建设。一、主要工作")
    assert [(field.label, field.value) for field in glued.metadata.fields] == [
        ("发布时间", "2024-03-20"), ("来源", "县司法局")]
    assert glued.preamble[0].text == "2023年，我县深入推进法治政府建设。"
    counted = docparse.parse(head + "县司法局 浏览次数：25 2023年，我县深入推进法治政府建设。一、主要工作")
    assert counted.metadata.source == "县司法局"
    assert [(f.category, f.text) for f in counted.furniture] == [("counter", "浏览次数：25")]
    assert counted.preamble[0].text == "2023年，我县深入推进法治政府建设。"


def test_a_statistical_bulletin_reports_on_the_year_its_title_names() -> None:
    """stats-004 and stats-005: the bulletin of 2022 and the statistics report of 2021; their
    全年 figures are of that year (they had no period)."""
    bulletin = docparse.parse_file(NUMBERING / "stats_zero_padded_numbers.txt")
    assert bulletin.report_year == 2022
    gdp = next(metric for metric in bulletin.metrics() if metric.raw == "32074.7亿元")
    assert gdp.period == "2022"
    assert docparse.parse_file(NUMBERING / "stats_bare_numbers.txt").report_year == 2021
    assert docparse.parse("关于2023年统计工作的通知\n各乡镇：\n现将有关事项通知如下。\n").report_year is None


def test_a_page_title_named_with_its_number_in_brackets_is_found_on_the_page() -> None:
    """fjb.nea.gov.cn: the ArticleTitle and the page's title line both end in the 发文字号 in
    brackets; the menu above the title is banner, not the first paragraphs."""
    page = ("<html><head><meta charset='utf-8'><title>"
            "国家能源局印发《关于加强电力中长期交易监管的意见》的通知（国能发监管〔2019〕70号）_国家能源局福建监管办公室</title>"
            "<meta name='ArticleTitle' content='国家能源局印发《关于加强电力中长期交易监管的意见》的通知"
            "（国能发监管〔2019〕70号）'></head><body><div>设为首页</div><div>搜索</div><div>首页</div>"
            "<div>机构概览</div><div>信息公开</div>"
            "<div>国家能源局印发《关于加强电力中长期交易监管的意见》的通知（国能发监管〔2019〕70号）</div>"
            "<p>各派出机构：</p><p>现将《关于加强电力中长期交易监管的意见》印发给你们，请遵照执行。</p></body></html>")
    doc = docparse.parse_bytes(page.encode(), path="fj.html")
    assert doc.title is not None
    assert doc.title.text.startswith("国家能源局印发《关于加强电力中长期交易监管的意见》的通知")
    assert "首页" not in [paragraph.text for paragraph in doc.preamble]
    assert doc.preamble[0].text.startswith("现将")


def test_a_laws_notes_under_its_title_give_the_order_and_date_that_issued_it() -> None:
    """国务院令第285号 (个人存款账户实名制规定) and 国家安全部令第2号, a note a line each or in brackets."""
    deposit = docparse.parse("个人存款账户实名制规定\n\n"
                             "2000年3月20日 中华人民共和国国务院令第285号发布\u3000\n\n2000年4月1日 施行\n\n"
                             "第一条 为了保证个人存款账户的真实性，维护存款人的合法权益，制定本规定。\n")
    assert deposit.subtitle is not None and deposit.subtitle.text.endswith("2000年4月1日 施行")
    assert deposit.preamble == []
    assert deposit.metadata.doc_number == "中华人民共和国国务院令第285号"
    assert deposit.metadata.publish_date == dt.date(2000, 3, 20)
    funeral = docparse.parse("殡葬管理条例\n（1997年7月11日国务院第60次常务会议通过　"
                             "1997年7月21日中华人民共和国国务院令第225号发布）\n"
                             "第一条 为了加强殡葬管理，制定本条例。\n")
    assert funeral.metadata.doc_number == "中华人民共和国国务院令第225号"
    assert funeral.metadata.publish_date == dt.date(1997, 7, 21)


# A title stacked over three lines, the 关于 line on top ----------------------------------------------

def test_a_title_over_three_lines_apart_takes_its_organ_and_about_line() -> None:
    """A 33jin.com copy of 粤府办〔2023〕5号: 广东省人民政府办公厅关于印发广东省 / 进一步加鼎力度支持民间
    投资生长 / 实行方案的通知, blank lines between and a cut headline over them; the first line was
    lost (it ends inside a name, not with 关于 or 的)."""
    doc = docparse.parse_file(FRONT / "title_three_lines_blank_between.txt")
    assert doc.title is not None
    assert doc.title.text == "广东省人民政府办公厅关于印发广东省进一步加鼎力度支持民间投资生长实行方案的通知"
    assert [span.line for span in doc.title.spans] == [5, 7, 9]
    assert furniture(doc, "banner") == ["《广东省进一步加鼎力度支持民间投资生长实行"]
    assert doc.metadata.doc_number == "粤府办〔2023〕5号"


# A page titled after the document its notice issues -----------------------------------------------

def test_a_page_titled_after_the_issued_rule_has_the_notice_title() -> None:
    """A 法律资料网 page (law318.infoeach.com) titled 武汉市高级中等学校招生统一考试管理规定(2005年),
    twice, over the notice that transmits it (关于批转…管理规定的通知 / 武政〔2005〕32 号 / 主送): the
    notice is the text and its title the title, no longer the page's."""
    doc = docparse.parse_file(FRONT / "page_titled_after_issued_rule.txt")
    assert doc.title is not None
    assert doc.title.text == "关于批转武汉市高级中等学校招生统一考试管理规定的通知"
    assert doc.subtitle is None
    assert doc.metadata.issuer == "湖北省武汉市人民政府"
    assert doc.metadata.doc_number == "武政〔2005〕32号"
    assert doc.addressee is not None and doc.addressee.text == "各区人民政府,市人民政府各部门:"


def test_a_title_line_that_ends_with_its_bracketed_number_gives_title_and_number_apart() -> None:
    """A county site's copy of 岳办发〔2017〕2号: the page's title line ends with the 发文字号 in brackets
    (``…印发《关于全面推进政务公开工作的实施意见》的通知(岳办发〔2017〕2号)``) over the page's fields and
    the 主送: the title ends at 通知, the number in the brackets is the 发文字号 field."""
    doc = docparse.parse_file(FRONT / "title_line_ends_with_bracketed_number.txt")
    assert doc.title is not None
    assert doc.title.text == ("中共岳阳市委办公室岳阳市人民政府办公室印发"
                              "《关于全面推进政务公开工作的实施意见》的通知")
    assert title_as_written(doc) == doc.title.text
    number = next(field for field in doc.metadata.fields if field.key == "doc_number")
    assert doc.text[number.span.start:number.span.end] == "岳办发〔2017〕2号"
    assert doc.metadata.doc_number == "岳办发〔2017〕2号"
    assert [block.text for block in doc.closing.signature] == ["中共岳阳市委办公室", "岳阳市人民政府办公室"]


def test_a_copy_that_starts_at_its_addressee_keeps_the_addressee() -> None:
    """A county site's text of 禄丰市人民政府's 印发 notice starts at the 主送 (the title kept apart):
    the first line is the addressee, no longer a banner of furniture, and nothing is the title."""
    doc = docparse.parse_file(FRONT / "no_title_starts_at_addressee.txt")
    assert doc.title is None
    assert doc.addressee is not None
    assert doc.addressee.text == "云南禄丰产业园区管委会,各乡镇人民政府,市级各部门:"
    assert doc.metadata.addressees == ["云南禄丰产业园区管委会", "各乡镇人民政府", "市级各部门"]
    assert furniture(doc, "banner") == []
    assert doc.preamble[0].text.startswith("《禄丰市人民政府常务会议议事规则》已经")
    assert doc.closing is not None and [block.text for block in doc.closing.signature] == ["禄丰市人民政府"]
