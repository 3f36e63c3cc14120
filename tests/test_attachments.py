"""Attachments (附件1, 附件, 附录2 …) are nodes of their own after the document, each with its own
sections numbered afresh; lists of attachments and contents entries start none. Lines from the
development corpus (plan-003, plan-001, notice-005, notice-015), shortened."""

from __future__ import annotations

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
