"""The head of pages docparse had not seen: site notices, column names, counters after a value,
labels of disclosure tables, addressees with bracketed districts, bylines without a space.

Each text is made of the real lines of a county or city page (named in its test)."""

from __future__ import annotations

import datetime as dt

import docparse
import docparse.metadata


def _fields(doc: docparse.Document) -> list[tuple[str, str]]:
    return [(field.label, field.value) for field in doc.metadata.fields]


def test_a_sites_notice_about_the_browser_above_the_title_is_banner() -> None:
    """tjnh.gov.cn (宁河区, 2024): the IE notice made the head body, title and fields were lost."""
    doc = docparse.parse("IE版本小于11,为了不影响您的浏览效果,请升级IE版本! x\n"
                         "当前位置:首页 > 政务公开 > 法治政府建设情况报告\n\n"
                         "天津市宁河区人民政府2024年法治政府建设情况报告\n\n"
                         "来源:  天津市宁河区人民政府 发布时间: 2025-03-25 14:39\n\n"
                         "2024年,在区委坚强领导下,区政府坚持以习近平新时代中国特色社会主义思想为指导。\n"
                         "一、切实履行法治政府建设第一责任人职责\n")
    assert doc.title is not None and doc.title.text == "天津市宁河区人民政府2024年法治政府建设情况报告"
    assert doc.doc_type == "fazhi_annual" and doc.report_year == 2024
    assert doc.metadata.source == "天津市宁河区人民政府"
    assert doc.furniture[0].category == "banner"
    for notice in ("您好,欢迎访问本网站!", "为了更好的浏览效果,请使用IE9以上浏览器。"):
        assert docparse.parse(notice + "\n静海区2023年度法治政府建设情况报告\n"
                                       "正文。\n").furniture[0].category == "banner"
    assert docparse.parse("关于开展体验活动的通知\n群众体验感不断提升，推动政务服务升级。\n").preamble


def test_the_pages_column_named_by_its_trail_is_not_the_title() -> None:
    """jinghai.gov.cn (2020): the column 工作报告 over the report, named again by the trail."""
    doc = docparse.parse("今天是:2019年10月31日 星期三 农历十月初七\n工作报告\n"
                         "\n您所在的位置:政务公开 > 工作报告\n\n"
                         "2020年静海区法治政府建设情况报告\n文章来源:司法局 更新时间:2021/03/29 11:30:01\n"
                         "\n\n"
                         "2020年静海区法治政府建设情况报告\n"
                         "\n2020年,静海区坚持以习近平新时代中国特色社会主义思想为指导。\n")
    assert doc.title is not None and doc.title.text == "2020年静海区法治政府建设情况报告"
    assert doc.doc_type == "fazhi_annual" and doc.report_year == 2020
    assert [(f.category, f.text) for f in doc.furniture][1] == ("banner", "工作报告")
    assert doc.preamble[0].text.startswith("2020年,静海区")
    titled_trail = docparse.parse("首页 > 政务公开 > 关于做好2024年防汛工作的通知\n"
                                  "\n关于做好2024年防汛工作的通知\n"
                                  "各乡镇：\n现将有关事项通知如下。\n")
    assert titled_trail.title is not None and titled_trail.title.text == "关于做好2024年防汛工作的通知"


def test_a_column_name_over_a_fuller_title_and_a_byline_without_a_space() -> None:
    """A county portal's 政府工作报告 (静海区, 2019): the column 工作报告 under a menu item, the page's
    title, its counters, the text's own short title, subtitle and the 区长 with his name run on."""
    doc = docparse.parse("• WAP手机版\n工作报告\n\n天津市静海区2019年政府工作报告\n\n"
                         "时间:2023-03-18   作者:中国县域   来源:政府官网   阅读:186   评论:0\n"
                         "  政府工作报告\n\n  ——2019年1月6日在天津市静海区第二届人民代表大会第四次会议上\n\n"
                         "  天津市静海区区长张庆恩\n\n  各位代表:\n\n"
                         "  现在,我代表静海区人民政府,向大会报告政府工作,请予审议。\n")
    assert doc.title is not None and doc.title.text == "天津市静海区2019年政府工作报告"
    assert doc.byline is not None and doc.byline.text == "天津市静海区区长张庆恩"
    assert doc.subtitle is not None and doc.subtitle.text.startswith("——2019年1月6日")
    assert doc.doc_type == "gov_work_report" and doc.report_year == 2019
    assert _fields(doc) == [("时间", "2023-03-18"), ("作者", "中国县域"), ("来源", "政府官网")]
    assert [(f.category, f.text) for f in doc.furniture if f.category == "counter"] == [
        ("counter", "阅读:186"), ("counter", "评论:0")]
    assert [p.text for p in doc.preamble] == ["现在,我代表静海区人民政府,向大会报告政府工作,请予审议。"]


def test_a_label_line_over_a_short_title_is_not_part_of_it() -> None:
    """A hand-made Markdown 政府工作报告 (广东, 2026) whose header block ends in an unusual label."""
    doc = docparse.parse("发布机构：广东省人民政府\n通过或发布日期：2026年1月26日\n\n政府工作报告\n\n"
                         "——2026年1月26日在广东省第十四届人民代表大会第五次会议上\n\n广东省省长 孟凡利\n"
                         "\n各位代表：\n\n"
                         "现在，我代表省人民政府，向大会报告工作，请予审议。\n")
    assert doc.title is not None and doc.title.text == "政府工作报告"
    assert doc.metadata.publish_date is not None and doc.metadata.publish_date.isoformat() == "2026-01-26"


def test_the_labels_of_disclosure_tables_end_the_values_before_them() -> None:
    """太湖县 (2019) and 益阳市 (2015) disclosure pages: 组配分类, 生效时间, 废止时间 and a counter with
    a font switch after the 来源 no longer run into the value before them."""
    taihu = docparse.parse("首页 > 太湖县人民政府办公室信息公开 > 信息浏览\n"
                           "索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n"
                           "发文日期: 2019-01-23 生效时间: 2019-01-23\n"
                           "废止时间: 2020-01-23 "
                           "名称: 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知\n"
                           "信息来源: 关键词:\n浏览次数: 590 内容概述:\n\n"
                           "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知\n"
                           "\n各乡、镇人民政府,县政府各部门:\n"
                           "《太湖县人民政府工作规则》已经县政府第三次全体会议通过,现予印发,请遵照执行。\n")
    assert _fields(taihu)[:6] == [("索引号", "003129766/201901-00336"), ("组配分类", "规范性文件发布"),
                                  ("发文日期", "2019-01-23"), ("生效时间", "2019-01-23"),
                                  ("废止时间", "2020-01-23"),
                                  ("名称", "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知")]
    assert ("关键词", "") in _fields(taihu)
    yiyang = docparse.parse("益阳市人民政府办公室关于印发《益阳市重污染天气应急预案》的通知\n"
                            "发布时间:2015-07-27 11:44 作者: 来源:市环境保护局 "
                            "浏览次数: 字体:【大】 【中】 【小】\n\n"
                            "各区县(市)人民政府,益阳高新区管委会,市政府各局委、各直属机构:\n\n"
                            "《益阳市重污染天气应急预案》已经市人民政府第34次常务会议审议通过,现印发给你们。\n"
                            ""
                            ""
                            ""
                            ""
                            ""
                            ""
                            "")
    assert yiyang.metadata.source == "市环境保护局"
    assert [(f.category, f.text) for f in yiyang.furniture] == [
        ("counter", "浏览次数:"), ("font_size", "字体:【大】 【中】 【小】")]
    assert yiyang.metadata.addressees == [
        "各区县(市)人民政府", "益阳高新区管委会", "市政府各局委", "各直属机构"]


def test_districts_in_brackets_are_part_of_the_organ_the_addressee_names() -> None:
    doc = docparse.parse("关于做好2024年预算执行工作的通知\n"
                         "各县（市、区）人民政府，市政府各部门：\n现将有关事项通知如下。\n")
    assert doc.metadata.addressees == ["各县（市、区）人民政府", "市政府各部门"]


def test_a_report_whose_title_only_its_page_gave_is_known_by_how_it_opens() -> None:
    """岳阳 (2022) opens with 现将…报告如下; 司法部 (2022) and 南昌县 (2019) with the year and a
    paragraph on 法治政府建设; gzbg-002 with the salutation and 向大会报告政府工作. Their metrics get the
    year as their period; a text that opens otherwise stays unknown."""
    yueyang = docparse.parse(
        "根据《中共中央办公厅 国务院办公厅关于印发〈法治政府建设与责任落实督察工作规定〉的通知》"
        "(厅字〔2019〕28号)有关规定,现将县人民政府2022年法治政府建设工作情况报告如下。\n"
        "一、主要成效\n全年办理行政复议案件35件。\n")
    assert (yueyang.doc_type, yueyang.report_year) == ("fazhi_annual", 2022)
    assert [metric.period for metric in yueyang.metrics()] == ["2022"]
    ministry = docparse.parse(
        "2022年,司法部坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实《法治政府建设实施纲要"
        "(2021—2025年)》,扎实推进法治政府建设,各项工作取得新进展。\n一、主要工作\n")
    assert (ministry.doc_type, ministry.report_year) == ("fazhi_annual", 2022)
    speech = docparse.parse("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
                            "一、2021年工作回顾\n")
    assert speech.doc_type == "gov_work_report"
    other = docparse.parse("2022年,全县经济平稳运行,法治政府建设扎实推进。\n一、主要工作\n")
    assert other.doc_type == "unknown" and other.report_year is None


def test_what_a_page_puts_around_a_title_is_not_part_of_it() -> None:
    """A bullet (五大连池, 2024), a column before a bar (济宁, 政务服务丨), a column in brackets (湖北省
    司法厅), the date in brackets after it (上海市司法局) and a year after the genre word (云和县)."""
    cases = [
        ("  • 五大连池市人民政府办公室关于印发《五大连池市城市供热突发故障(事故)应急预案》的通知",
         "五大连池市人民政府办公室关于印发《五大连池市城市供热突发故障(事故)应急预案》的通知"),
        ("政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见",
         "济宁市人民政府关于持续深化“市县同权”改革的实施意见"),
        ("【法治建设报告】湖北省司法厅2022年法治政府建设年度报告", "湖北省司法厅2022年法治政府建设年度报告"),
        ("上海市司法局2023年法治政府建设情况报告 (2024-02-26)", "上海市司法局2023年法治政府建设情况报告"),
        ("2022年云和县国民经济和社会发展统计公报 2022", "2022年云和县国民经济和社会发展统计公报"),
        ("关于印发《2021—2025年发展规划》的通知", "关于印发《2021—2025年发展规划》的通知"),
        ("年度工作报告|某某市人民政府门户网站", "年度工作报告|某某市人民政府门户网站"),  # not the site's name
    ]
    for line, title in cases:
        doc = docparse.parse(line + "\n\n2023年,我市坚持以习近平新时代中国特色社会主义思想为指导。\n")
        assert doc.title is not None and doc.title.text == title
        span = doc.title.spans[0]
        assert doc.text[span.start:span.end] == title


def test_a_disclosure_table_as_a_converter_writes_it_gives_its_fields() -> None:
    """湖北省司法厅 (2022): the 信息公开 table as Markdown rows of label and value cells."""
    doc = docparse.parse("【法治建设报告】湖北省司法厅2022年法治政府建设年度报告\n"
                         "索 引 号 | 011043217/2023-06630 | 分 类 | 政务公开 |\n---|---|---|---|\n"
                         "发布机构 | 湖北省司法厅 | 发文日期 | 2023-03-16 |\n文 号 | 无 | 有 效 性 | 有效 |\n"
                         "2022年,在省委省政府的坚强领导下,省司法厅坚持以习近平新时代中国特色社会主义思想为指导。\n"
                         ""
                         ""
                         ""
                         ""
                         ""
                         ""
                         "")
    assert _fields(doc) == [("索引号", "011043217/2023-06630"), ("分类", "政务公开"),
                            ("发布机构", "湖北省司法厅"), ("发文日期", "2023-03-16"), ("文号", "无"),
                            ("有效性", "有效")]
    assert doc.metadata.issuer == "湖北省司法厅"
    assert ("markup", "---|---|---|---|") in [(f.category, f.text) for f in doc.furniture]
    assert [p.text[:5] for p in doc.preamble] == ["2022年"]


def test_a_news_pages_date_before_its_source_is_the_publish_date() -> None:
    """jsb.nea.gov.cn (2019) and gov.cn (2021): the date and time alone, then 来源, under the title;
    the font switch split one button a line."""
    doc = docparse.parse("江苏能源监管办关于印发《江苏增量配电网企业供电服务规范（试行）》的通知\n"
                         "2019-01-07 09:30 来源：江苏能源监管办\n字体： 小\n各有关单位：\n"
                         "现将规范印发给你们。\n")
    assert [(f.key, f.label, f.value) for f in doc.metadata.fields] == [
        ("publish_date", "发布日期", "2019-01-07 09:30"), ("source", "来源", "江苏能源监管办")]
    assert doc.metadata.publish_date is not None and doc.metadata.publish_date.isoformat() == "2019-01-07"
    assert [(f.category, f.text) for f in doc.furniture] == [("font_size", "字体： 小")]
    assert [p.text for p in doc.preamble] == ["现将规范印发给你们。"]
    news = docparse.parse("关于做好防汛工作的通知\n2021-08-01 06:59 来源： 新华社\n正文第一段。\n")
    assert news.metadata.source == "新华社"
    dated_text = docparse.parse("关于做好防汛工作的通知\n2021-08-01 全市召开防汛会议。\n")
    assert dated_text.metadata.fields == []


def test_the_organ_under_a_notices_last_sentence_signs_it_and_is_no_byline() -> None:
    """东宁市 (2018): the 印发 sentence lacks its 。, so the organ and date under it stand in the head;
    the organ signs the notice, it is not named under the title."""
    doc = docparse.parse("东宁市人民政府办公室关于印发东宁市干旱灾害应急预案的通知\n\n"
                         "各镇人民政府,市政府各有关直属单位:\n\n"
                         "经市政府同意,现将东宁市干旱灾害应急预案》现印发给你们,请认真贯彻执行\n\n"
                         "东宁市人民政府办公室\n\n2018525\n")
    assert doc.byline is None


def test_the_footer_of_a_page_after_the_copy_to_line_is_not_the_text() -> None:
    """sdb.nea.gov.cn (2019): the 抄送 line, then the page's footer with its address and 邮编."""
    doc = docparse.parse("关于修订《山东省电力市场监管办法(试行)》的通知\n"
                         "各有关单位：\n现将修订条款印发给你们。\n"
                         "国家能源局山东监管办公室\n2019年3月29日\n"
                         "抄送：国家能源局法制和体制改革司、市场监管司，省能源局，各市市场监管局、发展改革委。\n"
                         ""
                         ""
                         ""
                         ""
                         ""
                         "扫一扫在手机打开当前页\n"
                         "网站地图 联系我们\n地址: 济南市市中区七里山路55号 邮编:250002\n")
    assert doc.metadata.copy_to == [
        "国家能源局法制和体制改革司", "市场监管司", "省能源局", "各市市场监管局", "发展改革委"]
    footers = [f.text for f in doc.furniture if f.category == "footer"]
    assert "地址: 济南市市中区七里山路55号 邮编:250002" in footers


def test_the_organ_on_the_line_above_a_title_that_starts_with_its_year_is_part_of_it() -> None:
    """赵县 (2022): the government's name over ``2022年度法治政府建设情况报告``."""
    doc = docparse.parse("赵县人民政府\n"
                         "2022年度法治政府建设情况报告\n2022年,县政府深入学习贯彻习近平法治思想。\n")
    assert doc.title is not None and doc.title.text == "赵县人民政府2022年度法治政府建设情况报告"


def test_a_closing_date_a_page_left_as_eight_digits_is_read() -> None:
    """兴城市 (2017): ``20171116`` under the signature; seven digits (``2018525``) stay unread."""
    doc = docparse.parse("兴城市人民政府办公室关于印发兴城市突发水污染事件应急预案的通知\n各乡镇人民政府：\n"
                         "现将《兴城市突发水污染事件应急预案》印发给你们，请认真贯彻执行。\n"
                         "兴城市人民政府办公室\n20171116\n")
    assert doc.closing is not None and doc.closing.date == dt.date(2017, 11, 16)
    assert docparse.metadata.parse_date("2018525") is None


def test_a_document_re_hosted_in_traditional_characters_reads_as_its_simplified_form() -> None:
    """東莞市 (2021) on a site that serves traditional characters: the 發文字號 with 號, the 主送機關,
    the 一、（一）1. ladder and the figures are read; the text keeps its characters."""
    doc = docparse.parse("東府〔2021〕54號\n"
                         "東莞市人民政府關于貫徹落實《廣東省進一步穩定和擴大就業若干政策措施》的實施意見\n"
                         "各鎮人民政府(街道辦事處),市府直屬各單位:\n"
                         "為貫徹落實《廣東省人民政府關于印發廣東省進一步穩定和擴大就業若干政策措施的通知》,"
                         "結合我市實際,提出以下實施意見。\n一、減負穩崗留工并舉,深層次優化用工生態\n"
                         "(一)減輕企業負擔,穩定就業崗位\n"
                         "1.繼續實施失業保險穩崗返還政策,全年返還資金1.2億元。\n")
    assert doc.title is not None and doc.title.text.startswith("東莞市人民政府關于")
    assert doc.doc_type == "gongwen" and doc.metadata.doc_number == "東府〔2021〕54號"
    assert doc.metadata.addressees == ["各鎮人民政府(街道辦事處)", "市府直屬各單位"]
    assert [section.marker.raw for section in doc.walk()] == ["一、", "(一)", "1."]
    assert [(metric.value, metric.unit) for metric in doc.metrics()] == [(1.2e8, "元")]


def test_a_crawlers_sql_record_line_before_the_page_is_markup() -> None:
    """A gov.cn page as a crawler stored it (ge_policy_raw, 2019): the INSERT line before the HTML."""
    doc = docparse.parse("INSERT INTO ge_policy_raw (id, crawl_url, title, content) VALUES (2, "
                         "'http://www.gov.cn/zhengce/content/2018-12/27/content_5352666.htm', '\n"
                         "国务院办公厅关于推进\n政务新媒体健康有序发展的意见\n国办发〔2018〕123号\n"
                         "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
                         "为推动政务新媒体健康有序发展，经国务院同意，现提出如下意见。\n")
    assert doc.title is not None and doc.title.text == "国务院办公厅关于推进政务新媒体健康有序发展的意见"
    assert doc.furniture[0].category == "markup"
    assert doc.metadata.doc_number == "国办发〔2018〕123号"


def test_a_one_line_report_whose_text_opens_with_its_year_right_after_its_title() -> None:
    """湖北省 (2023) from a content farm, its name and address before the title; 某县 (2025) from a
    PDF with spaces around its figures: title, type and year, and the text from its year on."""
    hubei = docparse.parse("秘书之家—全网资源每日更新www.mishuzj.com"
                           "湖北省人民政府关于2023年度法治政府建设情况的报告"
                           "2023年,省政府坚持以习近平法治思想为指导,深入推进法治政府建设。一、主要工作")
    assert hubei.title is not None and hubei.title.text == "湖北省人民政府关于2023年度法治政府建设情况的报告"
    assert (hubei.doc_type, hubei.report_year) == ("fazhi_annual", 2023)
    assert hubei.preamble[0].text.startswith("2023年,省政府")
    county = docparse.parse("某县 2025 年度法治政府建设情况报告2025 年,"
                            "全县坚持以习近平新时代中国特色社会主义思想为指导。")
    assert county.title is not None and county.title.text == "某县2025年度法治政府建设情况报告"
    assert county.report_year == 2025


def test_a_trail_split_after_its_home_or_drawn_with_arrows_is_navigation() -> None:
    """jindong.gov.cn (澧浦镇, 2024): 首页 on a line of its own, the trail's rest on the next (``>> 政务
    公开 >> 法治政府工作报告``) was the title, which made the report a 政府工作报告 (DP511–DP514);
    0516peicheng.com (石家庄市, 2017): ``首页→ 网站公告`` with the column over it was the title."""
    lipu = docparse.parse("首页\n>> 政务公开 >> 法治政府工作报告\n\n"
                          "澧浦镇2023年度法治政府建设工作报告\n\n"
                          "今年以来,在区委、区政府的坚强领导下,澧浦镇坚持以习近平新时代中国特色社会主义思想为指导。"
                          "现将相关情况汇报如下:\n\n一、主要举措与成效\n\n一是强化统筹,坚持依法行政。\n")
    assert lipu.title is not None and lipu.title.text == "澧浦镇2023年度法治政府建设工作报告"
    assert (lipu.doc_type, lipu.report_year) == ("fazhi_annual", 2023)
    assert ("navigation", ">> 政务公开 >> 法治政府工作报告") in [(f.category, f.text) for f in lipu.furniture]
    assert not [f for f in docparse.validate(lipu) if f.code in ("DP511", "DP512", "DP513", "DP514")]
    sjz = docparse.parse("法制查询\n \n 首页→ 网站公告\n \n \n"
                         "石家庄市人民政府关于2016年度法治政府建设情况的报告\n发布时间:2017年02月28日\n \n"
                         "    2016年以来,在省委、省政府和市委的正确领导下,我市全面推进依法行政。"
                         "现将主要工作情况报告如下:\n"
                         "    一、坚持以习总书记系列重要讲话精神为导向,全面部署法治政府建设工作\n"
                         "    市委、市政府坚持把法治政府建设贯穿全面深化改革和依法治市全过程。\n")
    assert sjz.title is not None and sjz.title.text == "石家庄市人民政府关于2016年度法治政府建设情况的报告"
    assert ("navigation", "首页→ 网站公告") in [(f.category, f.text) for f in sjz.furniture]
    flow = docparse.parse("关于办理事项的通知\n办理流程如下：\n申请→受理→审查→决定\n")
    assert "申请→受理→审查→决定" in [p.text for p in flow.preamble]  # a process, no trail


def test_a_metadata_block_written_as_a_list_is_metadata() -> None:
    """jiangle.gov.cn (古镛镇, 2025): ``- 备注/文号: 将镛委〔2025〕5号`` was the title, the other items
    text; jindong.gov.cn (澧浦镇, 2024): ``• 发布机构:`` over its value was the addressee."""
    guyong = docparse.parse("\n- 索 引 号: sm09901-1800-2025-00003\n- 备注/文号: 将镛委〔2025〕5号\n"
                            "- 发布机构: 古镛镇人民政府\n- 公文生成日期: 2025-02-07\n"
                            "中共将乐县委员会,将乐县人民政府:\n"
                            "2024年,古镛镇法治政府建设工作在县委、县政府的有力指导下,围绕年度法治政府建设工作要点。"
                            "现将古镛镇2024年法治建设工作情况及2025年度工作思路总结如下:\n"
                            "一、2024年度推进法治政府建设的主要举措和成效\n(一)坚持学习重要思想,提升思想素质。\n"
                            "推进法治政府建设工作,关键在组织领导。\n")
    assert guyong.title is None
    assert (guyong.metadata.index_no, guyong.metadata.doc_number, guyong.metadata.issuer) == (
        "sm09901-1800-2025-00003", "将镛委〔2025〕5号", "古镛镇人民政府")
    assert guyong.metadata.written_date == dt.date(2025, 2, 7)
    assert guyong.addressee is not None
    assert guyong.metadata.addressees == ["中共将乐县委员会", "将乐县人民政府"]
    assert guyong.preamble[0].text.startswith("2024年,古镛镇")
    lipu = docparse.parse("首页\n>> 政务公开 >> 法治政府工作报告\n  • 信息索引号:\n\n"
                          "    11330703736873621E/2024-139175\n\n  • 发布机构:\n\n    澧浦镇\n\n"
                          "  • 发文字号:\n\n"
                          "  • 发布日期:\n\n    2024-01-31\n\n澧浦镇2023年度法治政府建设工作报告\n\n"
                          "今年以来,澧浦镇坚持以习近平新时代中国特色社会主义思想为指导。\n\n一、主要举措与成效\n")
    assert lipu.addressee is None
    assert (lipu.metadata.index_no, lipu.metadata.issuer, lipu.metadata.doc_number) == (
        "11330703736873621E/2024-139175", "澧浦镇", None)
    assert lipu.metadata.publish_date == dt.date(2024, 1, 31)


def test_a_label_docparse_does_not_know_ends_the_value_before_it() -> None:
    """xialuqu.gov.cn (下陆区, 2025): ``文 号: 文件分类: 所属机构:`` gave the 发文字号 ``文件分类:
    所属机构:``; jindong.gov.cn: ``信息来源: 党政综合管理办公室 访问次数: 字体:[ ]`` the 来源 with its
    counter."""
    xialu = docparse.parse("名 称: 下陆区2024年法治政府建设工作报告\n"
                           "索 引 号: 000014349/2025-17645 发布日期: 2025-02-28 发布机构: 下陆区司法局\n"
                           "文 号: 文件分类: 所属机构:\n下陆区2024年法治政府建设工作报告\n"
                           "2024年,下陆区坚持以习近平法治思想为指导。现将工作情况报告如下。\n"
                           "一、2024年法治政府建设主要举措及成效\n")
    assert xialu.metadata.doc_number is None and xialu.metadata.issuer == "下陆区司法局"
    assert ("文号", "") in _fields(xialu)
    lipu = docparse.parse("澧浦镇2023年度法治政府建设工作报告\n\n"
                          "发布时间: 2024-01-31 15:51 信息来源: 党政综合管理办公室 访问次数: 字体:[ ]\n\n"
                          "今年以来,澧浦镇坚持以习近平新时代中国特色社会主义思想为指导。\n")
    assert lipu.metadata.source == "党政综合管理办公室"


def test_a_content_sites_line_before_the_text_is_banner() -> None:
    """xuncaibao.com (2023): ``下面是小编为大家整理的…,供大家参考。`` was the first paragraph."""
    doc = docparse.parse("2023年区五年法治政府建设工作情况报告\n\n"
                         "时间:2023-05-07 17:15:05 公文范文 来源:网友投稿\n\n"
                         "下面是小编为大家整理的2023年区五年法治政府建设工作情况报告,供大家参考。\n\n"
                         "五年来,*区严格落实党政主要负责人履行推进法治建设第一责任人职责规定,全面推进依法行政。"
                         "我区认真梳理了近五年法治政府建设情况,现报告如下:\n\n"
                         "一、抬高政治站位,统筹推进法治政府建设\n")
    assert ("banner", "下面是小编为大家整理的2023年区五年法治政府建设工作情况报告,供大家参考。") in [
        (f.category, f.text) for f in doc.furniture]
    assert doc.preamble[0].text.startswith("五年来")


def test_a_table_row_of_fields_whose_labels_keep_their_colons_is_read_cell_by_cell() -> None:
    """qz.gov.cn (衢州市应急管理局, 2025): ``索引号: | 11330800002618736G/2025-00251 | 成文日期: | …``
    gave the 索引号 ``| 11330800002618736G/2025-00251 |`` and the 发布机构 ``| 市应急管理局 | ||``."""
    doc = docparse.parse("索引号: | 11330800002618736G/2025-00251 | 成文日期: | 2025-01-13 |\n"
                         "公开方式: | 主动公开 | 组配分类: | 2024年度 |\n发布机构: | 市应急管理局 | ||\n"
                         "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度"
                         "报告格式》规定编制本报告。\n一、总体情况\n2024年,我局坚持以习近平新时代中国特色社会主义思想为指导。\n")
    assert (doc.metadata.index_no, doc.metadata.issuer) == ("11330800002618736G/2025-00251", "市应急管理局")
    assert doc.metadata.written_date == dt.date(2025, 1, 13)
    assert ("公开方式", "主动公开") in _fields(doc)


def test_the_salutation_of_a_report_to_a_peoples_congress_committee_is_the_addressee() -> None:
    """sg.gov.cn (乳源瑶族自治县审计局, 2021): ``县人大常委会主任、各位副主任,委员:`` was the first paragraph;
    ``主任、各位副主任、各位委员：`` named three organs (主任, 各位副主任, 各位委员)."""
    head = ("关于2020年度县级预算执行和其他财政收支的\n审计工作报告\n—2021年9月2日在乳源瑶族自治县第十二届\n"
            "人民代表大会常务委员会第三十九次会议上\n乳源瑶族自治县审计局局长 温存\n\n"
            "时间:2021-09-03 11:20:04 来源:本网 访问量: -\n\n  {}\n\n"
            "  我受县人民政府委托,向县人大常委会报告2020年度县级预算执行和其他财政收支的审计情况,请审议。\n")
    for salutation in ("县人大常委会主任、各位副主任,委员:", "主任、各位副主任、秘书长、各位委员："):
        doc = docparse.parse(head.format(salutation))
        assert doc.title is not None
        assert doc.title.text == "关于2020年度县级预算执行和其他财政收支的审计工作报告"
        assert doc.addressee is not None and doc.addressee.text == salutation
        assert doc.metadata.addressees == []
        assert doc.preamble[0].text.startswith("我受县人民政府委托")


def test_a_page_that_lists_its_fields_as_bullets_has_them_as_metadata() -> None:
    """xjss.gov.cn (鄯善县, 2018) and fjmx.gov.cn (明溪县, 2016) write their disclosure fields as a list
    (``- 发文字号:…``): the fields are metadata, and no line of the list is the title."""
    doc = docparse.parse("\n".join([
        "- 索引号:010603120/2023-00979", "- 发布机构:鄯善县生态环境局", "- 发文字号:鄯政办发〔2018〕109号",
        "- 有效性:有效", "- 公开日期:2018-12-07 19:56", "各乡镇人民政府、园艺场,县直有关单位:",
        "《关于鄯善县重污染天气应急预案》已经县人民政府同意,现印发你们,请对照预案内容,明确责任,认真贯彻落实。",
        "鄯善县人民政府办公室", "2018年12月6日", "鄯善县重污染天气应急预案", "1 总 则", "1.1 编制目的",
        "为建立健全鄯善县重污染天气应急工作机制,制订本预案。", "1.2 编制依据",
        "《中华人民共和国大气污染防治法》等。"]))
    assert doc.title is None
    assert doc.metadata.doc_number == "鄯政办发〔2018〕109号"
    assert doc.metadata.issuer == "鄯善县生态环境局"
    assert doc.metadata.index_no == "010603120/2023-00979"
    doc = docparse.parse("\n".join([
        "", "- 索 引 号:SM04100-1100-2016-00100", "- 备注/文号:明政办〔2016〕82号", "- 发布机构:县政府办",
        "- 公文生成日期:2016-06-23", "各乡(镇)人民政府,县有关部门:",
        "新修订的《明溪县食品安全事故应急预案》已经县政府常务会议研究通过,现印发给你们,请认真贯彻执行。",
        "明溪县人民政府办公室", "2016年6月23日"]))
    assert doc.title is None
    assert doc.metadata.doc_number == "明政办〔2016〕82号"
    assert doc.metadata.written_date == dt.date(2016, 6, 23)


def test_an_empty_field_at_the_end_of_a_line_does_not_take_a_plans_title() -> None:
    """ynnh.gov.cn (南华县应急局, 2022): ``生效日期:`` ends the line of fields, empty; the plan's title
    two lines below is the title, not the field's value (a title ending with 预案 names a document)."""
    fields = ("索  引  号:nhxyjj-/2022-0922002 公开范围:公开 发布机关:南华县应急局 著录日期: "
              "发文字号: 主  题  词: 标      题:南华县森林火灾应急预案 生效日期:")
    doc = docparse.parse("\n".join([fields, "", "南华县森林火灾应急预案", "", "", "", "1总则", "",
                                    "1.1编制目的", "", "建立健全指挥有序、职责明确的森林火灾应急机制。"]))
    assert doc.title is not None and doc.title.text == "南华县森林火灾应急预案"
    assert dict(_fields(doc)).get("生效日期") == ""
