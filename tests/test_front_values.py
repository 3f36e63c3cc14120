"""Front matter of real documents docparse had not seen: placeholder values, a collector's label
header, chrome lines above a title, replies addressed to a person, the issuer's masthead."""

from __future__ import annotations

import datetime as dt

import docparse
from docparse.models import Document


def _furniture(doc: Document, category: str) -> list[str]:
    return [item.text for item in doc.furniture if item.category == category]


def test_a_placeholder_value_fills_no_field() -> None:
    doc = docparse.parse(
        "---\n标题: 中共黄浦区委办公室  黄浦区人民政府办公室关于印发《黄浦区消防安全责任制实施细则》的通知\n"
        "文号: -\n发布日期: 2020-06-02\n---\n\n"
        "中共黄浦区委办公室 黄浦区人民政府办公室关于印发《黄浦区消防安全责任制实施细则》的通知\n\n"
        "区委、区人民政府各部、委、办、局，各街道，各区级机关，各人民团体，区属企业集团：\n\n"
        "《黄浦区消防安全责任制实施细则》已经区委、区政府同意，现印发给你们，请认真按照执行。\n")
    assert doc.metadata.doc_number is None
    assert [field.value for field in doc.metadata.fields if field.key == "doc_number"] == ["-"]
    assert doc.metadata.publish_date == dt.date(2020, 6, 2)


def test_placeholders_of_a_disclosure_table() -> None:
    doc = docparse.parse(
        "索引号: 无\n发文字号: 暂无\n成文日期: ——\n抄送: /\n\n关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n"
        "现就做好今年防汛工作通知如下。\n")
    assert doc.metadata.index_no is None and doc.metadata.doc_number is None
    assert doc.metadata.written_date is None and doc.metadata.copy_to == []


def test_a_collectors_title_label_is_the_title_and_its_bracketed_date_the_written_date() -> None:
    doc = docparse.parse(
        "标题：中共广东省委 广东省人民政府关于进一步发挥标准引领作用促进广东经济社会高质量发展的意见 "
        "（2026年3月20日）\n"
        "媒体或发布机构：广东省人民政府网（页面标注“来源 : 南方日报网络版”）\n"
        "发布日期：2026-08-13（广东省人民政府网发布日）\n"
        "来源链接1：https://www.gd.gov.cn/gdywdt/gdyw/content/post_4941259.html\n\n"
        "为深入贯彻习近平总书记关于标准化工作的重要论述，进一步夯实广东标准化发展基础，现提出如下意见。\n\n"
        "一、总体要求\n\n坚持以习近平新时代中国特色社会主义思想为指导。\n")
    assert doc.title is not None
    assert doc.title.text == ("中共广东省委 广东省人民政府关于进一步发挥标准引领作用"
                              "促进广东经济社会高质量发展的意见")
    assert doc.metadata.written_date == dt.date(2026, 3, 20)
    assert doc.doc_type == "gongwen"


def test_a_breadcrumb_line_is_no_title() -> None:
    doc = docparse.parse(
        "手机版\n您的当前位置: 诚达文秘网 > 范文大全 > 调查报告 > 县2023年法治政府建设工作情况报告\n\n"
        "xx年,在市委、市政府的正确领导下,我县全面贯彻党的二十大精神,全力推进法治政府建设各项工作。"
        "现将有关情况报告如下:\n\n一、主要工作措施及成效\n\n我县把法治政府建设作为重点工作任务。\n")
    assert doc.title is None or "当前位置" not in doc.title.text
    assert _furniture(doc, "navigation") == [
        "您的当前位置: 诚达文秘网 > 范文大全 > 调查报告 > 县2023年法治政府建设工作情况报告"]


def test_a_reading_time_line_is_no_title() -> None:
    doc = docparse.parse(
        "本篇文章933字,读完约2分钟\n\n据《闵行区新闻》报道:7月25日下午,2019年上半年工作总结和下半年工作部署会议"
        "在我局5楼会议室举行。\n\n会上,分管领导总结了上半年各自的业务。\n")
    assert doc.title is None
    assert _furniture(doc, "counter") == ["本篇文章933字,读完约2分钟"]


def test_a_reply_to_a_proposal_is_addressed_to_its_member() -> None:
    doc = docparse.parse(
        "国务院办公厅对全国政协十届四次会议第4626号提案的答复\n\n国办函〔2006〕82号\n\n王超斌委员：\n\n"
        "您提出的《关于设立总理热线电话的提案》收悉。经研究，答复如下：\n\n"
        "推进政务公开，实行科学民主决策是政府工作的一项基本制度。\n\n国务院办公厅\n\n二〇〇六年七月十四日\n")
    assert doc.addressee is not None and doc.addressee.text == "王超斌委员："
    assert doc.metadata.addressees == ["王超斌委员"]
    assert doc.doc_type == "gongwen"


def test_replies_to_deputies_and_a_vice_chairman() -> None:
    for addressee in ("周桂英等代表", "马万祺副主席"):
        doc = docparse.parse(
            f"国务院办公厅关于科技节水建议的复函\n\n{addressee}：\n\n"
            "你们提出的关于科技节水的建议收悉，现答复如下：\n\n一、关于加强节水工作\n\n各地积极推进节水工作。\n")
        assert doc.metadata.addressees == [addressee]


def test_the_joint_issuers_line_over_a_title_is_the_issuer() -> None:
    doc = docparse.parse(
        "重庆市粮食局 重庆市财政局\n关于印发《重庆市政策性粮食购销违法违规\n"
        "行为举报奖励实施细则（试行）》的通知\n"
        "渝粮规范〔2023〕2号\n"
        "各区县（自治县）发展改革委、财政局：\n"
        "为动员社会力量参与政策性粮食购销领域监督，现将《实施细则》印发给你们，请遵照执行。\n"
        "重庆市粮食局 重庆市财政局\n2023年12月31日\n")
    assert doc.title is not None
    assert doc.title.text == "关于印发《重庆市政策性粮食购销违法违规行为举报奖励实施细则（试行）》的通知"
    assert doc.metadata.issuer == "重庆市粮食局 重庆市财政局"


def test_a_sites_name_over_an_offices_title_is_no_issuer() -> None:
    doc = docparse.parse(
        "北京市人民政府\n\n北京市人民政府办公厅关于做好2016年政务公开工作的通知\n\n各区人民政府，市政府各委、办、局：\n\n"
        "现就做好政务公开工作通知如下。\n")
    assert doc.metadata.issuer is None


def test_a_copy_to_list_wrapped_over_two_lines_is_the_copy_to_field() -> None:
    closing = ("\n国家医疗保障局办公室\n2025年10月22日\n\n抄送：国家卫生健康委办公厅，国家药监局综合司，\n"
               "　　　　　国家中医药局办公室{stop}\n国家医疗保障局办公室　　　　　　　　2025年10月23日印发\n")
    head = ("关于开展超量开药智能监管工作的通知\n\n各省、自治区、直辖市医疗保障局：\n\n"
            "现就有关事项通知如下。\n")
    for stop in ("。", ""):
        doc = docparse.parse(head + closing.format(stop=stop))
        assert doc.metadata.copy_to == ["国家卫生健康委办公厅", "国家药监局综合司", "国家中医药局办公室"]
        assert doc.metadata.printed_by == "国家医疗保障局办公室"
        assert doc.closing is not None and doc.closing.date == dt.date(2025, 10, 22)
        warned = [d for d in docparse.validate(doc) if d.code == "DP421"]
        assert bool(warned) == (stop == "")


def test_an_organ_without_its_place_shares_the_place_before_it() -> None:
    doc = docparse.parse(
        "关于进一步做好政务公开工作的通知\n\n"
        "各县市区委、人民政府,岳阳经济技术开发区、城陵矶新港区、南湖新区、屈原管理区,市直各单位,中央、省驻岳单位:\n\n"
        "现就进一步做好政务公开工作通知如下。\n")
    assert doc.metadata.addressees[0] == "各县市区委、人民政府"
    assert doc.metadata.addressees[1:3] == ["岳阳经济技术开发区", "城陵矶新港区"]


def test_a_class_of_organs_in_traditional_script_stays_one() -> None:
    """notices18's audit (a 國辦發明電 copy in traditional script): ``中央、省在懷各單位`` names one class
    of organs, as ``中央、省在怀各单位`` does (it was split at the 顿号: 單位 was no organ's ending)."""
    for addressee, organs in (("中央、省在懷各單位：", ["中央、省在懷各單位"]),
                              ("各省、自治區、直轄市人民政府，國務院各部委：",
                               ["各省、自治區、直轄市人民政府", "國務院各部委"])):
        doc = docparse.parse(f"關於做好工作的通知\n{addressee}\n現將有關事項通知如下。\n")
        assert doc.metadata.addressees == organs
