"""Texts whose line breaks were lost (a dataset record holding a whole document on one line, a page
scraped without them), each the real lines it needs, shortened: what docparse reads in them should
be what it reads in the same text with its line breaks (the audit of /work/extra3/oneline18)."""

from __future__ import annotations

import docparse

from .spans import coverage_problems, span_problems


def _sound(text: str) -> docparse.Document:
    doc = docparse.parse(text)
    assert span_problems(doc) == [] and coverage_problems(doc) == []
    return doc


def test_a_law_databases_header_and_repeated_title_run_on_into_a_notice() -> None:
    """北大法宝's copy of a notice as one line (notice-005 without its line breaks): the citation code
    and the link are its header, the listing's title (brackets written otherwise) is repeated, then
    the notice's own title, its bracketed 发文字号 and its addressee."""
    doc = _sound(
        "【法宝引证码】 CLI.12.4638041原文链接：https://www.pkulaw.com/lar/e069caa6e9e192c2d4e5fade93a3d543"
        "bdfb.html安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划"
        "(2021—2023年)的通知安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新"
        "发展行动计划（2021-2023年）的通知（皖政办秘〔2021〕82号）各市人民政府，省政府各部门，各直属机构："
        "《支持工业互联网发展若干政策》《安徽省工业互联网创新发展行动计划（2021-2023年）》已经省政府同意，"
        "现印发给你们，请认真贯彻执行。")
    assert doc.title is not None and doc.title.text == (
        "安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划"
        "（2021-2023年）的通知")
    assert doc.metadata.doc_number == "皖政办秘〔2021〕82号"
    assert doc.metadata.addressees == ["各市人民政府", "省政府各部门", "各直属机构"]
    assert [item.category for item in doc.furniture] == ["banner", "repeated_title"]
    assert doc.preamble[0].text.startswith("《支持工业互联网发展若干政策》")


def test_a_law_databases_header_and_title_run_on_into_the_order_that_issues_it() -> None:
    """regulation-018 without its line breaks: the header, the 办法's title, the order that
    promulgates it (中山市人民政府令（第16号）) and the promulgation sentence, all on one line."""
    doc = _sound(
        "【法宝引证码】 CLI.11.1598088原文链接：https://www.pkulaw.com/lar/0dc4a42aa439a46d1bcb31e8423e6a87"
        "bdfb.html中山市政务数据管理办法中山市人民政府令（第16号）《中山市政务数据管理办法》已经2020年4月29日"
        "中山市人民政府十五届94次常务会议审议通过，现予公布，自2020年6月15日起施行。市长 危伟汉2020年5月15日"
        "中山市政务数据管理办法第一章　总　则第一条　为了加强和规范政务数据管理，促进政务数据共享利用，"
        "全面提高行政效率，制定本办法。")
    assert doc.title is not None and doc.title.text == "中山市政务数据管理办法"
    assert doc.metadata.doc_number == "中山市人民政府令（第16号）"
    assert [section.marker.raw.strip() for section in doc.walk()] == ["第一章", "第一条"]


def test_a_short_text_of_one_line_is_cut_where_its_headings_start() -> None:
    """A report's page kept as one line of less than a thousand characters (静海区2020年法治政府建设情况
    报告, its start): its items glued to the titles of their parents (…落实1.加强…, …职能3.深化…) are
    headings, as they are in a longer line."""
    doc = _sound(
        "2020年,静海区坚持以习近平新时代中国特色社会主义思想为指导,依法全面履行政府职能,为全区经济社会发展"
        "创造良好法治环境。一、2020年推进法治政府建设的主要举措和成效(一)加强法治政府建设组织领导落实"
        "1.加强党对法治政府建设的领导。区委常委会、区委全面依法治区委员会着力研究部署法治政府建设工作,"
        "推动任务落实。2.强化考核评价和督促检查。区委始终将法治建设成效作为衡量各乡镇、各部门、各单位领导"
        "班子和领导干部工作实绩的重要内容。(二)依法全面履行政府职能3.深化行政审批制度改革。一是梳理各类"
        "事项清单,实行动态管理。")
    assert [(section.marker.raw, section.title) for section in doc.walk()] == [
        ("一、", "2020年推进法治政府建设的主要举措和成效"), ("(一)", "加强法治政府建设组织领导落实"),
        ("1.", "加强党对法治政府建设的领导"), ("2.", "强化考核评价和督促检查"),
        ("(二)", "依法全面履行政府职能"), ("3.", "深化行政审批制度改革")]


def test_page_numbers_run_into_one_line_are_furniture_and_end_a_line() -> None:
    """A PDF's text kept as one line with its page numbers between the pages' text (关于开展智能监管
    改革试点的通知, 医保办函〔2025〕40号): ``第2页 共4页`` and ``- 3 -`` are page numbers, not text of
    the heading or paragraph before them, and the item after one is a heading that continues its
    numbering. A dash-number-dash is a page number next to the one of the page before or after."""
    for first, page in (("第1页 共4页", "第2页 共4页"), (" - 1 - ", " - 2 - ")):
        doc = _sound(
            "关于开展智能监管改革试点的通知（医保办函〔2025〕40 号）各省、自治区、直辖市及新疆生产建设兵团"
            "医疗保障局：为推进智能监管在各统筹地区和定点医药机构落地应用，现就相关工作安排通知如下：四、试点目标"
            "（一）试点地区。1.数据应用和归集。（1）数据归集。将医疗保障智能监管子系统事前、事中、事后"
            f"{first}业务数据及时、完整、准确归集到国家医疗保障信息平台。2.工作机制。{page}（2）业务人员培养。"
            "统筹地区至少培育2—3名智能审核和监控 业务骨干。（3）工作机制协调顺畅。行政监管、信息化建设、"
            "经办机构等 相关协同工作机制顺畅。")
        assert [section.title for section in doc.walk()] == [
            "试点目标", "试点地区", "数据应用和归集", "数据归集", "工作机制", "业务人员培养",
            "工作机制协调顺畅"]
        assert doc.metadata.doc_number == "医保办函〔2025〕40号"
        assert [(item.category, item.text) for item in doc.furniture] == [
            ("page_number", first.strip()), ("page_number", page.strip())]


def test_a_wenku_copys_page_number_before_a_heading_or_its_title() -> None:
    """A 文库 copy opens each page with ``第n页共m页`` run into its text (交通局上半年工作总结): the page
    number is furniture, and the title and the heading after one are what they are without it; a
    date or a range with dashes is no page number."""
    doc = _sound(
        "第1页共9页交通局上半年工作总结和下半年工作安排\n2022年上半年,在市委、市政府和上级主管部门的正确领导下,"
        "圆满地完成了上半年各项工作任务。\n第2页共9页二、下半年工作安排\n加快推进了“通畅安保工程”,"
        "2021-3-5开工的项目于2022—2023年完成。")
    assert doc.title is not None and doc.title.text == "交通局上半年工作总结和下半年工作安排"
    assert [section.title for section in doc.walk()] == ["下半年工作安排"]
    assert [item.text for item in doc.furniture] == ["第1页共9页", "第2页共9页"]


def test_a_saved_pages_window_title_over_its_chrome_is_the_title_of_a_page_kept_as_one_line() -> None:
    """notice-013 with each line break a space (a crawler's record of the page): the page's window
    title (the title and the site's name), the site's menu, then the title again with its date. The
    window title's title is the document's title, as it is in the page with its line breaks."""
    title = "关于开展江苏售电企业电力市场交易规则执行情况专项监管工作的通知"
    doc = _sound(
        f"{title}_国家能源局江苏监管办公室 设为首页 工作邮箱 搜索 首页 机构概览 动态要闻 信息公开 "
        f"在线办事 互动回应 专题专栏 {title} 2018-09-29 16:45 来源：江苏能源监管办 Aa 字体： "
        "小 | 中 | 大 江苏电力交易中心，各售电企业： 根据《电力监管条例》，我办决定开展江苏售电企业"
        "电力市场交易规则执行情况专项监管工作。 一、监管内容 （一）售电企业市场注册情况。 二、工作安排 "
        "（一）企业自查阶段。")
    assert doc.title is not None and doc.title.text == title
    assert [section.title for section in doc.walk()] == [
        "监管内容", "售电企业市场注册情况", "工作安排", "企业自查阶段"]


def test_a_law_databases_header_before_a_space_ends_where_its_code_ends() -> None:
    """北大法宝's copy with each line break a space: the header's code and link end at the space."""
    title = "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知"
    doc = _sound(
        "【法宝引证码】 CLI.12.5115678 原文链接：https://www.pkulaw.com/lar/"
        f"ea5258e56c60aba96802bb670d6bf530bdfb.html {title} {title} 包府办发〔2022〕43号 "
        "各旗、县、区人民政府，稀土高新区管委会，市直有关部门、单位： 按照市政府2022年第4次常务会议"
        "要求，为加快推进全市数字政府建设，现将《包头市2022年数字政府建设考评办法》印发给你们，"
        "请认真贯彻落实。")
    assert doc.title is not None and doc.title.text == title
    assert doc.metadata.doc_number == "包府办发〔2022〕43号"
    assert doc.metadata.addressees[0] == "各旗、县、区人民政府"


def test_a_pages_chrome_before_its_title_in_a_page_kept_as_one_line() -> None:
    """静海区's report page with each line break a space: the date of the day, the column's name and the
    navigation trail before the title, the page's fields and the title again after it, then the text.
    The chrome is furniture, the title and fields what they are with line breaks, and the text stays
    text (the date of the day took everything up to the first heading as one line of chrome)."""
    title = "2020年静海区法治政府建设情况报告"
    doc = _sound(
        f"今天是:2019年10月31日 星期三 农历十月初七 工作报告 您所在的位置:政务公开 > 工作报告 {title} "
        f"文章来源:司法局 更新时间:2021/03/29 11:30:01 {title} 2020年,静海区坚持以习近平新时代中国特色"
        "社会主义思想为指导,依法全面履行政府职能,为全区经济社会发展创造良好法治环境。 一、2020年推进法治"
        "政府建设的主要举措和成效 (一)加强法治政府建设组织领导落实 1.加强党对法治政府建设的领导。区委常委会"
        "着力研究部署法治政府建设工作。")
    assert doc.title is not None and doc.title.text == title
    assert (doc.metadata.source, str(doc.metadata.publish_date)) == ("司法局", "2021-03-29")
    assert [(item.category, item.text) for item in doc.furniture] == [
        ("accessibility", "今天是:2019年10月31日 星期三 农历十月初七"), ("banner", "工作报告"),
        ("navigation", "您所在的位置:政务公开 > 工作报告"), ("repeated_title", title)]
    assert [paragraph.text[:8] for paragraph in doc.preamble] == ["2020年,静海"]
    assert [section.title for section in doc.walk()] == [
        "2020年推进法治政府建设的主要举措和成效", "加强法治政府建设组织领导落实",
        "加强党对法治政府建设的领导"]


def test_a_notices_closing_and_the_plan_it_issues_run_on_in_one_line() -> None:
    """崇明区's notice issuing its 城市体检工作方案, kept as one line: the closing date and the note run
    on between the notice and the plan, and the plan's title (the name the notice gives it in 《》)
    runs on into the plan's text. The date closes the notice, as it does with line breaks, and the
    plan's title is a line of its own, not the start of a paragraph."""
    plan = "2021年崇明区城市体检工作方案"
    for gap in ("", "\u3000\u3000"):
        doc = _sound(
            f"{gap}上海市崇明区人民政府办公室关于印发2021年本区城市体检工作方案的通知{gap}各乡、镇人民政府，"
            f"区政府各委、办、局，区各直属单位，在崇市属有关部门：{gap}《{plan}》已经区政府同意，现印发给"
            f"你们，请认真按照执行。{gap}2021年9月9日{gap}（此件公开发布）{gap}{plan}{gap}为深入贯彻落实"
            "习近平总书记关于城市体检工作的重要指示精神，结合本区实际，现制定2021年本区城市体检工作方案如下:"
            f"{gap}一、工作内容{gap}围绕生态宜居、健康舒适等8个方面开展评估。")
        assert doc.closing is not None and str(doc.closing.date) == "2021-09-09"
        assert doc.title is not None and doc.title.text.endswith("城市体检工作方案的通知")
        assert plan in [paragraph.text for paragraph in doc.preamble]


def test_a_short_heading_title_run_into_its_enumeration() -> None:
    """notice-032 kept as one line: ``二、申报条件`` runs into its 一是 … 二是 …: the title is the four
    characters before 一是 (as 总体要求, 工作意义 are), the items are the section's enumeration."""
    doc = _sound(
        "现就相关工作安排通知如下：一、工作意义通过智能监管改革试点赋能定点医药机构、赋能医保基金监管工作。"
        "二、申报条件一是地方党委政府高度重视医保基金监管工作，为智能监管工作提供必要支持。统筹地区智能监管"
        "应用成效较好。二是定点医疗机构、定点零售药店接入医保部门智能监管子系统事前提醒或自建事前提醒系统，"
        "应用成效较好。三、试点方式以智能监管改革试点为抓手，带动智能监管事前提醒、事中审核、事后监管全流程"
        "工作质效提升。")
    section = doc.section("二")
    assert section.title == "申报条件"
    assert [item.marker for paragraph in section.body for item in paragraph.items] == ["一是", "二是"]
