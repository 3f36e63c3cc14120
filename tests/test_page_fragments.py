"""Pages and Markdown conversions whose head is not a title over a 主送机关 on one line: a
crawler's content column that opens with its addressee, an addressee wrapped over lines, a
converter's note between title and addressee, the links a page lists its attachments' files by.

Each text is made of the real lines of a page (named in its test)."""

from __future__ import annotations

import docparse

_BAOAN = ("<p>各相关企业：</p>\n\n"
          "<p>　　按照区委区政府统一部署，我区决定于近期实施宝安区2016年紧缺人才引进&ldquo;1000工程&rdquo;，"
          "现开展2016年金融类、物流类特色紧缺人才岗位需求预申报工作，具体内容和要求如下：</p>\n\n"
          "<p>　　一、金融类、物流类特色紧缺人才引进工作的实施范围</p>\n\n"
          "<p>　　（一） 根据全区工作时间进度要求，请预申报企业于8月23日（星期二）中午12:00前报送至联络邮箱"
          "bajmj1304@163.com，逾期不报视为自动放弃资格。</p>\n\n"
          "<p>　　深圳市宝安区经济促进局</p>\n\n<p>　　2016年8月19日</p>\n\n"
          "<p>附件下载：1.<a href=\"http://www.iiachina.org/upfiles/a.xlsx\">宝安区2016年金融类特色产业"
          "紧缺人才引进岗位需求申报表</a></p>\n\n"
          "<p>&nbsp;&nbsp; 2.<a href=\"http://www.iiachina.org/upfiles/b.docx\">申报材料清单</a></p>")


def test_a_content_column_that_opens_with_its_addressee_has_it_as_its_addressee() -> None:
    """宝安区经济促进局 (2016), the content column of a site's SQL dump: no title, the first line
    the 主送机关 (it was banner furniture, the metadata without addressees)."""
    doc = docparse.parse_bytes(_BAOAN.encode(), path="baoan.html")
    assert doc.addressee is not None and doc.addressee.text == "各相关企业："
    assert doc.metadata.addressees == ["各相关企业"]
    assert not [item for item in doc.furniture if item.category == "banner"]
    assert doc.preamble and doc.preamble[0].text.startswith("按照区委区政府统一部署")


def test_a_time_in_a_numbered_paragraph_does_not_end_its_title() -> None:
    """The same page: ``中午12:00前`` is no colon that ends a run-in title (it was cut at ``12``)."""
    doc = docparse.parse_bytes(_BAOAN.encode(), path="baoan.html")
    item = doc.sections[0].children[0]
    assert item.title is not None and "中午12:00前报送" in item.title


def test_the_links_a_page_lists_its_attachments_by_head_no_sections() -> None:
    """The same page: ``附件下载：1.<a>…</a>`` / ``2.<a>…</a>`` under the signature are the files'
    links, not sections 1. and 2. of the last heading."""
    doc = docparse.parse_bytes(_BAOAN.encode(), path="baoan.html")
    item = doc.sections[0].children[0]
    assert not item.children


def test_an_addressee_wrapped_over_two_lines_is_one_addressee() -> None:
    """国发〔2018〕43号 as gov.cn gives its 主送机关, broken after a comma as a page's ``<br>`` breaks a
    long addressee: both lines were preamble paragraphs, the metadata without addressees."""
    doc = docparse.parse("国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施"
                         "《中华人民共和国药品管理法实施条例》有关规定的决定\n\n各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构：\n\n"
                         "为进一步支持海南省试点发展国际医疗旅游相关产业，国务院决定在海南博鳌乐城国际医疗旅游先行区"
                         "暂时调整实施《中华人民共和国药品管理法实施条例》第三十六条的规定。\n\n"
                         "国务院\n\n2018年12月21日\n")
    assert doc.addressee is not None
    assert doc.addressee.text == "各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构："
    assert doc.metadata.addressees == ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]
    assert len(doc.preamble) == 1 and doc.preamble[0].text.startswith("为进一步支持")
    sentence = docparse.parse("关于做好安全生产工作的通知\n\n为加强安全管理，根据有关规定，\n"
                              "现通知如下：\n\n一、提高认识\n")
    assert sentence.addressee is None


def test_a_markdown_note_between_title_and_addressee_is_no_text() -> None:
    """国办发〔2022〕15号 converted to Markdown with the converter's ``> [!NOTE]`` box under its title:
    the box's sentences ended the head, the 主送机关 became a preamble paragraph."""
    text = ("# 国务院办公厅关于印发新污染物治理行动方案的通知\n\n> [!NOTE]\n"
            "> 来源：中国政府网。发布时间：2022年5月24日。\n\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
            "《新污染物治理行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n\n"
            "国务院办公厅\n\n2022年5月4日\n")
    doc = docparse.parse_bytes(text.encode(), path="notice.md")
    assert doc.addressee is not None and doc.addressee.text.startswith("各省、自治区、直辖市人民政府")
    assert [p.text for p in doc.preamble] == [
        "《新污染物治理行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。"]
    assert any(item.category == "other" and "来源" in doc.text[item.span.start:item.span.end]
               for item in doc.furniture)


def test_character_references_left_after_a_signature_do_not_hide_the_closing() -> None:
    """国办函〔2006〕82号 on gov.cn (a 提案答复): the signature ``国务院办公厅 &nbsp; &amp;bsp;`` shows a
    mistyped ``&bsp;``, and a page escaped twice shows ``&nbsp;``: the closing was lost (no 署名,
    no 成文日期); the references are markup. Its ``（本文有删减）`` is the closing's note."""
    html = ("<p>王超斌委员：</p> <p>您提出的《关于设立总理热线电话的提案》收悉。经研究，答复如下：</p> "
            "<p>感谢您对政府工作的关心与支持。</p> "
            "<p style=\"text-align: right;\">国务院办公厅 &nbsp; &amp;bsp; &nbsp; &nbsp; &nbsp; &nbsp;</p> "
            "<p style=\"text-align: right;\">二〇〇六年十月十八日 &nbsp; &nbsp; &nbsp; &nbsp;</p> "
            "<p style=\"text-align: left;\">（本文有删减）</p>")
    doc = docparse.parse_bytes(html.encode(), path="answer.html")
    assert doc.closing is not None
    assert [item.text for item in doc.closing.signature] == ["国务院办公厅"]
    assert doc.closing.date_text == "二〇〇六年十月十八日"
    assert [note.text for note in doc.closing.notes] == ["（本文有删减）"]
    assert ("markup", "&bsp;") in [(item.category, doc.text[item.span.start:item.span.end])
                                   for item in doc.furniture]
    escaped = docparse.parse("关于开展检查的通知\n\n各有关单位：\n\n为加强管理，现通知如下。&nbsp;\n\n"
                             "国务院办公厅 &nbsp; &nbsp;\n二〇〇六年十月十八日 &nbsp;\n")
    assert escaped.closing is not None and escaped.closing.date_text == "二〇〇六年十月十八日"
    assert [p.text for p in escaped.preamble] == ["为加强管理，现通知如下。"]


def test_metadata_a_converter_wrote_as_a_bulleted_list_gives_its_fields() -> None:
    """zb.gov.cn (镇巴县, 2024) as a converter renders its 信息公开 list: ``  • 索引号:`` over the value,
    empty labels between; all but the 发文字号 were banner furniture."""
    doc = docparse.parse("返回顶部\n\n镇巴县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n"
                         "  • 主题分类:\n\n  • 来源:\n\n  • 发文机构:\n\n    县政府网站\n  • 发文字号:\n\n"
                         "    镇政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n  • 有效性:\n\n"
                         "  • 发布日期:\n\n    2024年04月06日 16:34\n  • 内容概述:\n\n"
                         "镇巴县人民政府工作规则\n\n"
                         "第一章总则\n\n一、根据《中华人民共和国宪法》,结合本县实际,制定本规则。\n")
    assert doc.title is not None and doc.title.text == "镇巴县人民政府工作规则"
    assert doc.metadata.index_no == "6107280000/2024-001005"
    assert doc.metadata.doc_number == "镇政发〔2024〕7号"
    assert doc.metadata.source is None  # ``• 来源:`` with no value takes none of the next label's
    assert not [f for f in doc.furniture if f.category == "banner"]
    assert doc.metadata.written_date is not None and doc.metadata.written_date.isoformat() == "2024-04-06"
    assert [field.label for field in doc.metadata.fields][:4] == ["索引号", "主题分类", "来源", "发文机构"]
    assert not [item for item in doc.furniture if item.category == "banner"]
    listed = docparse.parse("关于开展检查的通知\n\n- 发文字号：某政发〔2024〕7号\n\n"
                            "各有关单位：\n\n现通知如下。\n")
    assert listed.metadata.doc_number == "某政发〔2024〕7号"


def test_a_pages_font_switch_and_eye_care_colour_are_chrome() -> None:
    """pingjiang.gov.cn (岳阳市, 2017): ``来源:… 日期:… 字号:【`` with the switch's buttons lost, then
    ``视力保护色:``; the date's value ran on to ``字号:【``, the colour switch was a preamble
    paragraph. The title's bracketed 发文字号 is the number, not part of the title."""
    doc = docparse.parse("当前位置: 首页 > 政务公开 > 政务公开工作要点 > 公开制度化 > 政策法规\n\n"
                         "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知"
                         "(岳办发〔2017〕2号)\n\n来源:岳阳市政府门户网 日期:2017-01-12 17:08 字号:【\n"
                         "视力保护色:\n浏览量:\n\n各县市区委、人民政府,岳阳经济技术开发区、城陵矶新港区、南湖新区、屈原管理区,"
                         "市直各单位,中央、省驻岳单位:\n\n《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,"
                         "现印发给你们,请结合实际认真贯彻执行。\n")
    assert doc.title is not None and doc.title.text.endswith("工作的实施意见》的通知")
    assert doc.metadata.doc_number == "岳办发〔2017〕2号"
    assert ("日期", "2017-01-12 17:08") in [(field.label, field.value) for field in doc.metadata.fields]
    assert [(item.category, item.text) for item in doc.furniture if item.category != "markup"][1:] == [
        ("font_size", "字号:【"), ("accessibility", "视力保护色:"), ("counter", "浏览量:")]
    assert [p.text for p in doc.preamble] == [
        "《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,现印发给你们,请结合实际认真贯彻执行。"]


def test_a_print_button_and_a_font_switch_of_bracketed_buttons_are_chrome() -> None:
    """mee.gov.cn (生态环境部, 2022): ``[打印]`` and ``字号：[大] [中] [小]`` render as one line, which was
    the page's only preamble paragraph."""
    html = ("<html><head><title>生态环境部一周要闻（4.10-4.16）_中华人民共和国生态环境部</title></head><body>"
            "<h2 class=\"neiright_Title\">生态环境部一周要闻（4.10-4.16）</h2>"
            "<div><p><span>2022-04-17</span> <span>来源：生态环境部</span></p>"
            "<div class=\"neiright_JPZGK\">分享到：</div>"
            "<span class=\"zzjgLdPrint\"><a href=\"javascript:void(1)\">[打印]</a></span>\n"
            "<span class=\"zzjgLdFont\">字号：<a>[大]</a> <a class=\"active\">[中]</a> <a >[小]</a></span>"
            "</div>"
            "<div>　　<b>1.生态环境部召开部常务会议</b></div>"
            "<div>　　4月12日，生态环境部部长黄润秋主持召开部常务会议。</div></body></html>")
    doc = docparse.parse_bytes(html.encode(), path="mee.html")
    assert not doc.preamble
    assert ("action", "[打印] 字号：[大] [中] [小]") in [(item.category, item.text) for item in doc.furniture]
    assert [section.title for section in doc.sections] == ["生态环境部召开部常务会议"]


def test_a_converters_links_to_places_in_the_document_read_as_their_text() -> None:
    """pandoc's Markdown of a Word plan keeps its table of contents as links to Word's bookmarks, a
    page number a link inside each (``[一、规划背景 [1](#_Toc81234501)](#_Toc81234501)``, the shape a
    public chunk cleaner strips: ``[..](#_Toc..)``): the entries read as the contents they are
    (``一、规划背景 1``), no longer as link syntax in the preamble; a link elsewhere keeps its text."""
    text = ("# 某某市“十四五”应急体系规划\n\n[一、规划背景 [1](#_Toc81234501)](#_Toc81234501)\n\n"
            "[二、总体要求 [3](#_Toc81234503)](#_Toc81234503)\n\n# 一、规划背景\n\n"
            "“十三五”期间，全市应急管理工作取得明显成效（见[附表](#附表1)）。\n\n"
            "# 二、总体要求\n\n坚持人民至上。\n")
    doc = docparse.parse_bytes(text.encode(), path="plan.md")
    assert [p.text for p in doc.preamble] == ["一、规划背景 1", "二、总体要求 3"]
    assert [section.title for section in doc.sections] == ["规划背景", "总体要求"]
    assert doc.sections[0].body[0].text == "“十三五”期间，全市应急管理工作取得明显成效（见附表）。"
    assert doc.locate(doc.text.index("二、总体要求 3")) is not None
