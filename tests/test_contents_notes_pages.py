"""Numbered lines that head nothing, in documents the parser had not seen: a table of contents
without 目录 (its page numbers after a space, or the text stopping inside it), a note whose points
run on in its line, and the page numbers of a document-hosting page."""

from __future__ import annotations

from pathlib import Path

import docparse

from .spans import coverage_problems, span_problems

FIXTURES = Path(__file__).parent / "fixtures"


def _sound(text: str) -> docparse.Document:
    doc = docparse.parse(text)
    assert span_problems(doc) == [] and coverage_problems(doc) == []
    return doc


def _headings(doc: docparse.Document) -> list[tuple[int, str, str]]:
    return [(section.span.line, section.marker.raw, section.title) for section in doc.walk()]


def test_contents_entries_with_a_page_number_after_a_space_are_not_the_outline() -> None:
    """明溪县食品安全事故应急预案's contents, its leaders lost (``1.1编制目的 3``), before the body that
    repeats its headings: the body's headings are the outline."""
    doc = _sound("明溪县食品安全事故应急预案\n1总则 3\n1.1编制目的 3\n1.2编制依据 3\n1.3适用范围 3\n"
                 "2组织机构及职责 5\n2.1指挥部设置 5\n2.2指挥部职责 5\n"
                 "1总则\n1.1编制目的\n为有效预防、及时控制和消除食品安全事故的危害，制定本预案。\n"
                 "1.2编制依据\n依据《中华人民共和国食品安全法》等法律法规。\n1.3适用范围\n本预案适用于本县。\n"
                 "2组织机构及职责\n2.1指挥部设置\n县政府设立食品安全事故应急指挥部。\n"
                 "2.2指挥部职责\n统一领导全县食品安全事故应急处置工作。\n")
    assert [line for line, _, _ in _headings(doc)] == [9, 10, 12, 14, 16, 17, 19]
    assert [title for _, _, title in _headings(doc)][:3] == ["总则", "编制目的", "编制依据"]


def test_a_page_number_after_a_space_stays_in_a_headings_title_elsewhere() -> None:
    """Without contents, a title ending in a number after a space is a heading as before."""
    doc = _sound("某县工作方案\n一、实施第 2\n加强组织领导。\n二、实施第 3\n强化工作保障。\n")
    assert [marker for _, marker, _ in _headings(doc)] == ["一、", "二、"]


def test_contents_the_text_stops_in_under_the_plans_title_are_no_headings() -> None:
    """五大连池市城市供热突发故障(事故)应急预案: a page keeps the issued plan's title and its contents
    (1.总则 / 1.1 编制目的 … / 5.5扩大响应), not its body: no heading over no text."""
    doc = docparse.parse_file(FIXTURES / "plans" / "wudalianchi_dotted_top_level.txt")
    assert doc.sections == []
    assert not [d for d in docparse.validate(doc) if d.code in ("DP213", "DP214")]


def test_a_list_of_names_after_a_sentence_keeps_its_headings() -> None:
    """An honours list ends a decision with numbered lines and no text under them; it follows a
    sentence, not a title: its parts stay headings."""
    doc = _sound("关于表彰2023年度先进集体和先进个人的决定\n各单位：\n"
                 "经研究，决定予以表彰。现将名单公布如下：\n"
                 "一、先进集体\n1.县应急管理局\n2.县财政局\n3.县自然资源局\n"
                 "二、先进个人\n1.张三\n2.李四\n3.王五\n")
    assert [marker for _, marker, _ in _headings(doc)] == ["一、", "1.", "2.", "3.", "二、", "1.", "2.", "3."]


def test_a_notes_points_run_on_in_its_line_are_no_headings() -> None:
    """The 留言咨询 box of a 上海市发展和改革委员会 page: ``（注：1.只接收…;2.留言时…）`` is one note."""
    doc = _sound("关于印发《上海市省间清洁购电交易机制实施办法（试行）》的通知\n各有关单位：\n"
                 "现将《实施办法》印发给你们，请按照执行。\n上海市发展和改革委员会\n2019年5月30日\n"
                 "政策性文件留言咨询\n（注：1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称）\n")
    assert doc.sections == []


def test_a_note_run_on_after_a_section_is_its_paragraph() -> None:
    """``注：1.…;2.…`` in plain text: no heading 注 over two points."""
    doc = _sound("关于做好政策咨询工作的通知\n一、工作要求\n请按时答复咨询。\n"
                 "注：1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称\n")
    assert [marker for _, marker, _ in _headings(doc)] == ["一、"]
    assert doc.sections[0].body[-1].text.startswith("注：1.只接收")


def test_notes_on_lines_of_their_own_are_still_cut_from_a_table_line() -> None:
    """A flattened table's last cell then ``注：1.…`` with the notes 2., 3. on lines of their own
    (十三五生态环境保护规划): the first note is cut as before, like the others."""
    doc = _sound("第二章　主要目标\n第一节　主要指标\n专栏1　主要指标　约束性注：1.〔　〕内为五年累计数。\n"
                 "2.空气质量评价覆盖全国338个城市。\n3.水环境质量评价覆盖全国地表水国控断面。\n")
    assert [marker for _, marker, _ in _headings(doc)][-3:] == ["1.", "2.", "3."]


def test_the_page_numbers_of_a_document_hosting_page_are_no_headings() -> None:
    """A 文库 page writes each page of the document as one line opening with its number, the text
    running on from the page before in the middle of a word (``…齐抓`` / ``2、共管、…``)."""
    doc = docparse.parse_file(FIXTURES / "hosted" / "scjg_zongjie_pages.txt")
    assert [(marker, title) for _, marker, title in _headings(doc)] == [
        ("一、", "工作开展情况"), ("(一)", "强化组织领导,明确工作责任"),
        ("(二)", "加强制度建设,规范信息发布"),
        ("(三)", "丰富公示内容,加强基础信息公开")]
    assert not [d for d in docparse.validate(doc) if d.code in ("DP209", "DP211", "DP213")]


def test_numbered_items_over_paragraphs_that_lack_a_final_stop_stay_headings() -> None:
    """Short item titles (``1、加强组织领导``) over paragraphs whose last stop is missing are no pages."""
    paragraph = "今年以来，我局高度重视政务公开工作，成立领导小组，定期研究部署，明确分管领导和工作人员" * 3
    doc = _sound(f"某局2023年工作总结\n一、主要工作\n1、加强组织领导\n{paragraph}\n"
                 f"2、完善制度建设\n{paragraph}\n3、强化监督检查\n{paragraph}\n")
    assert [marker for _, marker, _ in _headings(doc)] == ["一、", "1、", "2、", "3、"]


def test_an_honours_list_that_ends_an_attachment_keeps_its_headings() -> None:
    """A list of names under its title ends the text with numbered lines and no text under them, as
    a contents list the text stops in does; numbered 一、 and 1., it stays as it is."""
    doc = _sound("关于表彰2023年度先进集体和先进个人的决定\n各单位：\n经研究，决定予以表彰。\n"
                 "附件\n2023年度先进集体和先进个人名单\n一、先进集体\n1.县应急管理局\n2.县财政局\n"
                 "3.县自然资源局\n二、先进个人\n1.张三\n2.李四\n3.王五\n")
    headings = [section.marker.raw for section in doc.walk()]
    assert headings == ["一、", "1.", "2.", "3.", "二、", "1.", "2.", "3."]


def test_an_attachment_label_after_the_document_number_starts_the_attachment() -> None:
    """天津市工业和信息化局 writes the issued 实施细则's label after the number of the document it
    belongs to (``津工信电力〔2021〕2号附件``): the 实施细则 is the notice's attachment, its title over
    two lines, its headings its own."""
    doc = _sound("市工业和信息化局关于印发2021年春节期间电力需求响应实施细则的通知\n"
                 "国网天津市电力公司，有关单位：\n"
                 "现将《天津市2021年春节期间电力需求响应实施细则》印发给你们，请遵照执行。\n特此通知。\n"
                 "2021年2月2日\n（此件主动公开）\n津工信电力〔2021〕2号附件\n天津市2021年春节期间电力需求响应\n"
                 "实施细则\n一、实施背景\n2018~2020年，我市连续在春节期间实施了填谷电力需求响应试点。\n"
                 "二、实施方式\n本次需求响应实施时间为2021年2月13日至2021年2月15日。\n")
    assert doc.sections == []
    [attachment] = doc.attachments
    assert attachment.label == "津工信电力〔2021〕2号附件"
    assert attachment.title == "天津市2021年春节期间电力需求响应实施细则"
    assert [section.title for section in attachment.sections] == ["实施背景", "实施方式"]


def test_a_document_number_with_an_attachment_named_in_a_sentence_starts_nothing() -> None:
    doc = _sound("关于做好需求响应工作的通知\n一、工作要求\n请按津工信电力〔2021〕2号附件要求报送材料。\n"
                 "二、联系方式\n联系人：章建新。\n")
    assert doc.attachments == [] and [section.marker.raw for section in doc.sections] == ["一、", "二、"]
