"""Attachments (附件1, 附件, 附录2 …) are nodes of their own after the document, each with its own
sections numbered afresh; lists of attachments and contents entries start none. Lines from the
development corpus (plan-003, plan-001, notice-005, notice-015), shortened."""

from __future__ import annotations

import datetime

import docparse

from .spans import coverage_problems, span_problems


def _sound(text: str) -> docparse.Document:
    doc = docparse.parse(text)
    assert span_problems(doc) == [] and coverage_problems(doc) == []
    return doc


def test_a_label_alone_and_the_title_on_the_next_line() -> None:
    doc = _sound(
        "上海市崇明区地下空间突发事件应急预案\n一、总则\n本预案自印发之日起实施。\n"
        "附件：相关部门、单位的职责\n"  # the attachment note of the document: starts nothing
        "附件\n相关部门、单位的职责\n"
        "一、区建设管理委\n编制和修订本区地下空间应急预案。\n二、区公安分局\n参加应急处置。\n")
    assert [s.path for s in doc.sections] == ["一"]
    [attachment] = doc.attachments
    assert (attachment.label, attachment.title) == ("附件", "相关部门、单位的职责")
    assert [s.path for s in attachment.sections] == ["附件/一", "附件/二"]
    assert [s.id for s in attachment.sections] == ["a1/s1", "a1/s2"]
    assert attachment.sections[0].body[0].id == "a1/s1/p1"
    assert doc.text[attachment.label_span.start:attachment.label_span.end] == "附件"


def test_numbered_attachments_in_one_line_of_text() -> None:
    items = ((1, "因环境污染直接导致30人以上死亡的。"), (2, "因环境污染需疏散的。"))
    body = "　　".join(f"{n}.{t}" for n, t in items)
    text = ("国家突发环境事件应急预案　　一、总则　　为健全突发环境事件应对工作机制，制定本预案。" * 30
            + "　　附件：1.突发环境事件分级标准　　　　　2.国家环境应急指挥部组成及工作组职责"
            + "\xa0附件1突发环境事件分级标准　　一、特别重大突发环境事件　　凡符合下列情形之一的：　　" + body
            + "\xa0附件2国家环境应急指挥部组成及工作组职责　　一、污染处置组。由环境保护部牵头。")
    doc = _sound(text)
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("附件1", "突发环境事件分级标准"), ("附件2", "国家环境应急指挥部组成及工作组职责")]
    assert [s.path for s in doc.attachments[0].sections] == ["附件1/一"]
    assert [s.path for s in doc.attachments[1].sections] == ["附件2/一"]


def test_the_numbering_of_an_attachment_is_not_a_restart_of_the_documents() -> None:
    doc = _sound("关于印发实施细则的通知\n一、实施背景\n内容。\n二、实施方式\n内容。\n"
                 "附录2：竞价指引\n一、竞价目的\n内容。\n二、参与用户资格\n内容。\n")
    assert [s.path for s in doc.sections] == ["一", "二"]
    assert [s.path for s in doc.attachments[0].sections] == ["附录2/一", "附录2/二"]
    assert not [d for d in docparse.validate(doc) if d.code in ("DP206", "DP203", "DP204")]


def test_contents_entries_and_sentences_start_no_attachment() -> None:
    doc = _sound("关于印发实施细则的通知\n目\n录\n一、实施背景....\n二、实施方式....\n附录\n..........\n"
                 "- 6 -\n一、实施背景\n内容。\n二、实施方式\n附件所列事项由各区负责，请认真落实。\n")
    assert doc.attachments == []
    assert [s.path for s in doc.sections] == ["一", "二"]


def test_a_list_of_attachments_scraped_one_token_per_line_starts_none() -> None:
    """notice-010: a page whose every span became a line; 附件 / ： / the title is the 附件说明
    above the signature, not an attachment."""
    doc = _sound(
        "华北能源监管局关于开展河北南网电力调峰辅助服务市场模拟运行的通知\n"
        "国网河北省电力有限公司，河北南网各有关发电企业：\n"
        "一、有关要求\n各单位要对规则在市场模拟运行中的实际效果进行测试。\n"
        "附件\n：\n河北南网电力调峰辅助服务市场运营规则（模拟运行版）\n国家能源局华北监管局\n"
        "2019\n年\n11\n月\n15\n日\n")
    assert doc.attachments == []
    assert [s.path for s in doc.sections] == ["一"]


def test_a_document_a_notice_issues_after_its_closing_without_a_label() -> None:
    # notice-004 (pkulaw copy of 京经信发〔2022〕87号), shortened
    doc = _sound(
        "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知\n京经信发〔2022〕87号\n"
        "各区政府,各相关单位：\n　　为促进政企数据融合应用，"
        "现将《关于推进北京市数据专区建设的指导意见》印发给你们，请结合实际认真贯彻落实。\n北京市经济和信息化局\n2022年11月21日\n"
        "关于推进北京市数据专区建设的指导意见\n　　为促进政企数据融合应用，提出如下意见。\n"
        "　　一、总体要求\n　　（一）指导思想\n　　以习近平新时代中国特色社会主义思想为指导。\n"
        "　　二、基本原则\n　　坚持政府引导、市场运作。\n")
    assert doc.closing is not None and doc.closing.date == datetime.date(2022, 11, 21)
    assert doc.sections == []
    [issued] = doc.attachments
    assert (issued.label, issued.title) == ("", "关于推进北京市数据专区建设的指导意见")
    assert issued.label_span.start == issued.label_span.end == issued.title_span.start  # type: ignore[union-attr]
    heading = doc.text[issued.heading_span.start:issued.heading_span.end]
    assert heading == "关于推进北京市数据专区建设的指导意见"
    assert [s.path for s in issued.sections] == ["一", "二"]
    assert [s.id for s in issued.sections] == ["a1/s1", "a1/s2"]
    assert doc.section("一/（一）").title == "指导思想"
    assert [p.text for p in issued.preamble] == ["为促进政企数据融合应用，提出如下意见。"]


def test_an_issued_document_without_brackets_and_with_its_own_attachments() -> None:
    # the gov.cn fixture's 国办发〔2017〕39号 and plan-003's 附件 of the issued plan
    doc = _sound(
        "国务院办公厅关于印发政务信息系统整合共享实施方案的通知\n各省、自治区、直辖市人民政府：\n"
        "　　《政务信息系统整合共享实施方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
        "附件：政务信息系统整合共享实施方案\n"  # the 附件说明: starts nothing
        "国务院办公厅\n2017年5月3日\n"
        "政务信息系统整合共享实施方案\n　　一、总体要求\n　　全面贯彻党的十八大精神。\n"
        "附件\n相关部门、单位的职责\n一、区建设管理委\n编制和修订本区地下空间应急预案。\n")
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("", "政务信息系统整合共享实施方案"), ("附件", "相关部门、单位的职责")]
    assert doc.attachments[0].span.line == 7
    assert [s.path for s in doc.attachments[0].sections] == ["一"]
    assert [s.path for s in doc.attachments[1].sections] == ["附件/一"]


def test_a_title_line_that_names_no_issued_document_starts_nothing() -> None:
    doc = _sound("关于加强数据专区建设的通知\n各区政府：\n　　现就有关事项通知如下。\n"
                 "关于加强数据专区建设的通知\n一、总体要求\n加强领导。\n")
    assert doc.attachments == [] and [s.path for s in doc.sections] == ["一"]


def test_an_attachment_note_over_two_lines_naming_the_issued_document_starts_nothing() -> None:
    # 附件： alone over the issued document's title, above the closing: the 附件说明, which the
    # document itself follows after the closing (it was an attachment of its own, empty)
    doc = _sound(
        "国务院办公厅关于印发政务信息系统整合共享实施方案的通知\n各省、自治区、直辖市人民政府：\n"
        "　　《政务信息系统整合共享实施方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
        "附件：\n政务信息系统整合共享实施方案\n国务院办公厅\n2017年5月3日\n"
        "政务信息系统整合共享实施方案\n　　一、总体要求\n　　全面贯彻党的十八大精神。\n")
    [issued] = doc.attachments
    assert (issued.label, issued.title, issued.span.line) == ("", "政务信息系统整合共享实施方案", 8)
    assert [p.text for p in doc.preamble][-2:] == ["附件：", "政务信息系统整合共享实施方案"]
