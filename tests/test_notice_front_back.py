"""Front and back matter of notices as new real documents write it: the 主送机关's class names, a closing
run on inside a one-line page or followed by a page's pictures, a PDF's repeated signers, a 发文字号
spread by a PDF. The lines are copied from public government documents."""

from __future__ import annotations

import datetime

import pytest

import docparse


@pytest.mark.parametrize(("addressee", "organs"), [
    ("各省、自治区、直辖市及新疆生产建设兵团医疗保障局：",  # 医保办函〔2025〕85号 (PDF text)
     ["各省、自治区、直辖市及新疆生产建设兵团医疗保障局"]),
    ("各乡、镇人民政府,街道办事处,区政府各部门:",  # 淮政〔2022〕16号
     ["各乡、镇人民政府", "街道办事处", "区政府各部门"]),
    ("各区人民政府,市政府各委、办、局,各市属机构:",  # 京政办发〔2016〕26号
     ["各区人民政府", "市政府各委、办、局", "各市属机构"]),
    ("各县、自治县、区人民政府（管委会），市政府各工作部门、各直属事业单位，市属国有企业：",  # 安顺市
     ["各县、自治县、区人民政府（管委会）", "市政府各工作部门", "各直属事业单位", "市属国有企业"]),
    ("各省、自治区、直辖市及新疆生产建设兵团医保局、财政厅（局）：",  # 医保办发〔2024〕19号
     ["各省、自治区、直辖市及新疆生产建设兵团医保局", "财政厅（局）"]),
    ("国网上海市电力公司、上海电力交易中心、申能（集团）公司、宝钢股份、上海石化、高桥石化：",
     ["国网上海市电力公司", "上海电力交易中心", "申能（集团）公司", "宝钢股份", "上海石化", "高桥石化"]),
])
def test_a_class_name_of_organs_is_one_addressee(addressee: str, organs: list[str]) -> None:
    text = f"关于进一步加强超量开药智能监管工作的通知\n{addressee}\n现就有关工作通知如下：\n一、目标任务\n"
    doc = docparse.parse(text)
    assert doc.addressee is not None and doc.addressee.text == addressee
    assert doc.metadata.addressees == organs


def test_a_picture_strip_after_the_closing_is_chrome() -> None:
    """嘉政发〔2024〕1号 as its county page ends: the date and the note above the page's pictures."""
    text = ("县人民政府关于给予县城管执法局、县供电公司集体嘉奖的决定\n\n"
            "各镇人民政府,县政府各部门,嘉鱼开发区管委会:\n\n"
            "根据《嘉鱼县机关事业单位记功奖励办法(试行)规定县政府研究决定,给予县城管执法局、县供电公司集体嘉奖。\n\n"
            "2024年2月6日\n\n(此件公开发布)\n\n  • xndy01.jpg\n  • |\n  • |\n  • xngb03.jpg\n")
    doc = docparse.parse(text)
    assert doc.closing is not None and doc.closing.date is not None
    assert doc.closing.date.isoformat() == "2024-02-06"
    assert [note.text for note in doc.closing.notes] == ["(此件公开发布)"]
    assert {item.text for item in doc.furniture} >= {"• xndy01.jpg", "• xngb03.jpg"}
    assert all("2024年2月6日" not in block.text for block in doc.preamble)


def test_a_closing_run_on_inside_a_one_line_notice() -> None:
    """安顺市人民政府 issues a 管理办法, its page scraped without line breaks."""
    text = ("安顺市人民政府关于印发安顺市市级储备粮管理办法的通知\n"
            "各县、自治县、区人民政府（管委会），市政府各工作部门、各直属事业单位，市属国有企业："
            "现将《安顺市市级储备粮管理办法》印发给你们，请认真抓好贯彻落实。安顺市人民政府2023年9月5日"
            "（此件公开发布）安顺市市级储备粮管理办法第一章  总    则"
            "第一条  为加强市级储备粮管理，制定本办法。"
            "第二条  本办法所称市级储备粮，是指市人民政府储备的原粮。第三条  本办法自印发之日起施行。\n")
    doc = docparse.parse(text)
    assert doc.closing is not None
    assert [block.text for block in doc.closing.signature] == ["安顺市人民政府"]
    assert doc.closing.date is not None and doc.closing.date.isoformat() == "2023-09-05"
    assert [note.text for note in doc.closing.notes] == ["（此件公开发布）"]
    assert doc.preamble[0].text == "现将《安顺市市级储备粮管理办法》印发给你们，请认真抓好贯彻落实。"


def test_a_run_on_date_with_no_note_is_no_closing() -> None:
    """Without its note a name and a date inside a sentence stay text."""
    text = ("关于做好防汛工作的通知\n各乡镇人民政府：\n"
            "近日，省防汛抗旱指挥部2023年6月5日发出预警。各地要高度重视。请认真贯彻执行。\n")
    doc = docparse.parse(text)
    assert doc.closing is None


def test_signers_repeated_after_the_date_are_furniture() -> None:
    """医保办发〔2024〕19号 as its PDF's text ends: the two signers, the date, the signers again."""
    text = ("关于稳妥有序扩大跨省直接结算门诊慢特病病种范围的通知\n（医保办发〔2024〕19 号）\n"
            "各省、自治区、直辖市及新疆生产建设兵团医保局、财政厅（局）：\n"
            "现将有关事项通知如下：\n一、工作要求\n（一）加强组织领导。各省医保部门务必高度重视。\n"
            "国家医保局办公室\n财政部办公厅\n2024年9月5日\n国家医保局 财政部\n")
    doc = docparse.parse(text)
    assert doc.closing is not None
    assert [block.text for block in doc.closing.signature] == ["国家医保局办公室", "财政部办公厅"]
    assert [item.text for item in doc.furniture] == ["国家医保局 财政部"]
    last = doc.sections[-1].children[-1]
    assert all("财政部" not in block.text for block in last.body)
    assert doc.metadata.doc_number == "医保办发〔2024〕19号"


def test_a_line_naming_other_organs_after_the_date_stays() -> None:
    """A line after the date that does not repeat the signers is not taken for them."""
    text = ("关于做好防汛工作的通知\n各乡镇人民政府：\n现就有关事项通知如下：\n"
            "一、工作要求\n请认真贯彻执行。\n国家医保局办公室\n2024年9月5日\n某某县人民政府办公室\n")
    doc = docparse.parse(text)
    assert not any(item.text == "某某县人民政府办公室" for item in doc.furniture)


@pytest.mark.parametrize(("line", "number"), [
    ("内政字〔2020〕102 号", "内政字〔2020〕102号"),  # a 批复 as nmg.gov.cn's PDF text gives it
    ("（医保办函〔2025〕85 号）", "医保办函〔2025〕85号"),
    ("国发 〔2011〕 35 号", "国发〔2011〕35号"),
])
def test_a_doc_number_without_the_spaces_of_a_pdf(line: str, number: str) -> None:
    text = (f"内蒙古自治区人民政府关于《根河市城市总体规划（2019—2030）》的批复\n{line}\n"
            "呼伦贝尔市人民政府：\n你市请示收悉。\n")
    doc = docparse.parse(text)
    assert doc.metadata.doc_number == number


def test_an_addressee_whose_colon_the_page_dropped() -> None:
    """嘉政发〔2024〕1号: the county page lost the colon after the 主送机关."""
    text = ("县人民政府关于给予县城管执法局、县供电公司集体嘉奖的决定\n\n"
            "各镇人民政府,县政府各部门,嘉鱼开发区管委会\n\n"
            "近日,我县遭受了历史罕见的低温雨雪冰冻灾害,严重破坏了道路、电力等基础设施。\n\n2024年2月6日\n")
    doc = docparse.parse(text)
    assert doc.byline is None
    assert doc.addressee is not None and doc.addressee.text == "各镇人民政府,县政府各部门,嘉鱼开发区管委会"
    assert doc.metadata.addressees == ["各镇人民政府", "县政府各部门", "嘉鱼开发区管委会"]


def test_issuers_under_a_title_stay_its_byline() -> None:
    """Organs a space apart under a bulletin's title sign it: no addressee without a colon."""
    doc = docparse.parse("宜春市2023年国民经济和社会发展统计公报\n宜春市统计局 国家统计局宜春调查队\n"
                         "2023年，全市经济运行稳中向好。\n")
    assert doc.byline is not None and doc.addressee is None


def test_a_title_after_its_doc_number_on_a_law_site() -> None:
    """京政办发〔2016〕26号 as an aggregator lists it: the number, then the title in 《》."""
    text = ("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
            "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
            "京政办发〔2016〕26号\n各区人民政府,市政府各委、办、局,各市属机构:\n"
            "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。\n"
            "北京市人民政府办公厅\n2016年5月28日\n")
    doc = docparse.parse(text)
    assert doc.title is not None
    assert doc.title.text == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    assert doc.metadata.doc_number == "京政办发〔2016〕26号"
    assert doc.doc_type == "gongwen"


def test_a_page_line_of_where_from_and_when() -> None:
    """襄阳市政府门户网站's line under the title: 来自 names the source, 时间 the publish date."""
    text = ("市人民政府关于进一步优化营商环境的实施方案\n\n来自:襄阳市政府门户网站 时间:2018-11-22\n\n"
            "各县(市、区)人民政府、开发区管委会,市直各单位:\n\n为深入贯彻落实有关意见,特制定本实施方案。\n")
    doc = docparse.parse(text)
    assert doc.metadata.source == "襄阳市政府门户网站"
    assert doc.metadata.publish_date is not None and doc.metadata.publish_date.isoformat() == "2018-11-22"
    assert all("来自" not in block.text for block in doc.preamble)


_GAP = "\u3000" * 4
"""The ideographic spaces a page or a dataset sets a signature or a date apart with."""


def _closing_of(text: str) -> tuple[list[str], str | None, list[str]]:
    doc = docparse.parse(text)
    closing = doc.closing
    assert closing is not None
    return ([block.text for block in closing.signature], closing.date.isoformat() if closing.date else None,
            [note.text for note in closing.notes])


def test_a_signature_run_on_after_the_last_sentence_above_a_date_with_its_note() -> None:
    """国发〔2016〕65号 as a dataset holds it: the signature ends the 印发 paragraph, the note is glued
    to the date, the plan follows."""
    text = ("国务院关于印发“十三五”生态环境保护规划的通知\n国发〔2016〕65号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将《“十三五”生态环境保护规划》印发给你们，"
            f"请认真贯彻实施。{_GAP} 国务院\n\n{_GAP}2016年11月24日（此件有删改）\n\n"
            "“十三五”生态环境保护规划\n\n第一章\u3000全国生态环境保护形势\n\n生态环境保护取得积极进展。\n")
    assert _closing_of(text) == (["国务院"], "2016-11-24", ["（此件有删改）"])


def test_a_signature_run_on_above_the_date_and_the_note_at_the_end() -> None:
    """国办发〔2015〕94号: …作出更大贡献。国务院办公厅 / 2015年12月29日 / （此件公开发布）."""
    text = ("国务院办公厅关于优化学术环境的指导意见\n国办发〔2015〕94号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
            f"{_GAP}各地区和有关部门要增强大局意识，为建设创新型国家作出更大贡献。{_GAP}国务院办公厅\n\n"
            f"{_GAP}2015年12月29日\n\n{_GAP}（此件公开发布）\n")
    assert _closing_of(text) == (["国务院办公厅"], "2015-12-29", ["（此件公开发布）"])


def test_a_signature_glued_to_the_attachment_note() -> None:
    """国办函〔2021〕12号: the 附件说明 runs on into the signature, the organ the title names first."""
    text = ("国务院办公厅关于同意建立铁路沿线安全环境治理部际联席会议制度的函\n国办函〔2021〕12号\n"
            "交通运输部：\n"
            "你部关于建立铁路沿线安全环境治理部际联席会议制度的请示收悉。经国务院同意，现函复如下：\n\n"
            "附件：铁路沿线安全环境治理部际联席会议制度国务院办公厅\n\n2021年1月26日（此件公开发布）\n\n\n\n"
            "附件\n\n铁路沿线安全环境治理部际联席会议制度\n\n一、主要职责\n\n统筹协调铁路沿线安全环境治理工作。\n")
    assert _closing_of(text) == (["国务院办公厅"], "2021-01-26",
                                 ["附件：铁路沿线安全环境治理部际联席会议制度", "（此件公开发布）"])


def test_a_closing_starting_a_virtual_line_of_a_one_line_plan() -> None:
    """国办函〔2014〕119号 on one line: the signature, the date and the note before the plan's title."""
    text = ("国务院办公厅关于印发国家突发环境事件应急预案的通知国办函〔2014〕119号"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
            "经国务院同意，现将修订后的《国家突发环境事件应急预案》印发给你们，请认真组织实施。"
            f"{_GAP} 国务院办公厅{_GAP}{_GAP}2014年12月29日{_GAP}（此件公开发布）\xa0国家突发环境事件应急预案"
            f"{_GAP}1\u3000总则{_GAP}1.1\u3000编制目的{_GAP}健全突发环境事件应对工作机制。\n")
    assert _closing_of(text) == (["国务院办公厅"], "2014-12-29", ["（此件公开发布）"])


def test_an_attachment_note_run_on_into_signature_date_and_note() -> None:
    """国办函〔2018〕46号: the 附件说明, the signature, the date and the note on one line."""
    text = ("国务院办公厅关于部分地方优化营商环境典型做法的通报\n国办函〔2018〕46号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
            "各地区要认真学习借鉴典型做法，及时总结推广好的经验做法。\n\n"
            "附件：部分地方优化营商环境典型做法国务院办公厅 \xa0 \xa0 \xa0\xa0"
            "2018年7月24日\xa0\xa0\xa0\xa0（此件公开发布）\n\n"
            "附件\n\n部分地方优化营商环境典型做法（共计28项）\n\n一、改革投资审批等制度\n\n企业投资项目承诺制改革。\n")
    assert _closing_of(text) == (["国务院办公厅"], "2018-07-24",
                                 ["附件：部分地方优化营商环境典型做法", "（此件公开发布）"])


@pytest.mark.parametrize("head", ["中国人民银行令〔2019〕第4号", "中国人民银行令\n〔2019〕第4号",
                                  "中国人民银行令\n(2019)第4号"])
def test_an_order_numbered_with_its_year(head: str) -> None:
    """中国人民银行令〔2019〕第4号 (its PDF's text gives the year in round brackets): the order is the
    发文字号, the title the 办法 it issues."""
    text = (f"{head}\n《应收账款质押登记办法》已经2019年9月18日中国人民银行2019年第1次行务会议审议通过,"
            "现予发布,自2020年1月1日起施行。\n行长 易纲\n2019年11月22日\n应收账款质押登记办法\n第一章总则\n"
            "第一条为规范应收账款质押登记,保护质押当事人和利害关系人的合法权益,制定本办法。\n"
            "第二条本办法所称应收账款是指权利人因提供一定的货物、服务或设施而获得的付款请求权。\n")
    doc = docparse.parse(text)
    assert doc.title is not None and doc.title.text == "应收账款质押登记办法"
    assert doc.metadata.doc_number is not None
    assert doc.metadata.doc_number.startswith("中国人民银行令") and doc.metadata.doc_number.endswith("第4号")
    assert "2019" in doc.metadata.doc_number


def test_a_reply_is_closed_above_its_attachments_that_carry_their_own_closings() -> None:
    """国办函〔2004〕70号 on gov.cn: the 复函 signs and dates its text before 附件1, and each attached
    report ends with its own 署名 and 日期; the document's closing is the 复函's."""
    text = ("国务院办公厅关于湖北省巴东县官渡口镇马鬃山村地质险情有关问题的复函\n"
            "国土资源部：\n"
            "你部《关于湖北省巴东县官渡口镇马鬃山村地质险情有关问题的请示》收悉。经国务院同意，现函复如下。\n"
            "附件：1.国土资源部关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告\n"
            "      2.湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见\n"
            "国务院办公厅\n"
            "二〇〇四年十一月四日\n"
            "附件1\n"
            "关于湖北省巴东县官渡口镇马鬃山村\n"
            "地质险情调研情况的报告\n"
            "国务院：\n"
            "一、基本情况\n"
            "马鬃山村位于巴东县官渡口镇。\n"
            "国土资源部\n"
            "二〇〇四年十月十日\n"
            "附件2\n"
            "湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见\n"
            "专家组认为险情属实。\n"
            "湖北省巴东县官渡口镇马鬃山村\n"
            "地质险情调查专家组\n"
            "二〇〇四年九月二十三日\n")
    doc = docparse.parse(text)
    assert doc.closing is not None
    assert doc.closing.date == datetime.date(2004, 11, 4)
    assert [signer.text for signer in doc.closing.signature] == ["国务院办公厅"]
    assert [attachment.label for attachment in doc.attachments] == ["附件1", "附件2"]


def test_a_closing_at_the_end_stays_when_the_attachment_label_follows_no_closing() -> None:
    """The 附件说明 above the signature is no attachment of its own: the closing at the end is found."""
    text = ("某某县人民政府关于印发某某办法的通知\n各乡镇人民政府：\n"
            "现将《某某办法》印发给你们，请认真贯彻执行。\n"
            "附件：某某办法\n某某县人民政府\n2024年3月1日\n")
    doc = docparse.parse(text)
    assert doc.closing is not None and doc.closing.date == datetime.date(2024, 3, 1)
    assert [signer.text for signer in doc.closing.signature] == ["某某县人民政府"]
