"""Numbered items on real lines: the 项 of a regulation's article, and headings whose line breaks
were lost."""

from __future__ import annotations

from pathlib import Path

import docparse
from docparse import Section

FIXTURES = Path(__file__).parent / "fixtures" / "items"


def _article(doc: docparse.Document, label: str) -> Section:
    return next(section for section in doc.walk() if section.path.endswith(label))


def test_an_items_semicolon_does_not_end_it() -> None:
    """A 项 is a sentence (``（三）中国人民解放军军人，为军人身份证件；中国人民武装警察，…；``): the whole
    line is its text, not a title cut at the first ；."""
    doc = docparse.parse_file(FIXTURES / "deposit_account_articles.md")
    article = _article(doc, "第五条")
    third = article.children[2]
    assert third.marker.raw == "(三)"
    assert third.title == ""
    assert [paragraph.text for paragraph in third.body] == [
        "中国人民解放军军人，为军人身份证件；中国人民武装警察，为武装警察身份证件；"]


def test_the_paragraph_after_the_last_item_is_the_articles() -> None:
    """``举报人有前款规定情形之一，…`` after ``（四）泄露…的。`` is the article's second 款, not part of
    its last 项; the items keep their own sentence each."""
    doc = docparse.parse_file(FIXTURES / "report_reward_articles.md")
    article = _article(doc, "第二十一条")
    assert [paragraph.text[:12] for paragraph in article.body] == [
        "举报人有下列情形之一的，", "举报人有前款规定情形之一"]
    assert [child.marker.ordinal for child in article.children] == [1, 2, 3, 4]
    assert all(len(child.body) == 1 for child in article.children)
    assert article.children[-1].body[0].text == (
        "泄露举报中知悉的国家秘密或者工作秘密，造成不良后果或者影响的。")
    next_article = _article(doc, "第二十二条")
    assert next_article.span.start > article.span.end


def test_the_articles_paragraphs_and_items_read_in_text_order() -> None:
    """The 款 after the 项 comes after them wherever the document is read in order."""
    doc = docparse.parse_file(FIXTURES / "report_reward_articles.md")
    starts = [paragraph.span.start for _, paragraph in doc.paragraphs()]
    assert starts == sorted(starts)
    markdown = docparse.to_markdown(doc)
    assert (markdown.index("泄露举报中知悉") < markdown.index("举报人有前款规定情形之一")
            < markdown.index("第二十二条"))


def test_a_report_heading_keeps_its_title_and_the_text_under_it() -> None:
    """In a report ``(一)…`` is a heading with a title, and the paragraph after it is its own."""
    doc = docparse.parse_file(FIXTURES / "report_headings.txt")
    first = doc.sections[0].children[0]
    assert first.title == "坚持党建引领,完善法治政府建设推进机制"
    assert [paragraph.text[:8] for paragraph in first.body] == ["东疆党委深入学习"]


def _headings(doc: docparse.Document) -> list[str]:
    return [f"{section.marker.raw}{section.title}" for section in doc.walk()]


def test_a_title_ends_at_the_space_before_its_text_in_a_one_line_page() -> None:
    """A page delivered as one line, its parts separated by a space: ``二、明确工作职责 本意见所称
    政务新媒体，是指…`` is the heading 明确工作职责 and a paragraph (a 国务院办公厅 意见)."""
    doc = docparse.parse_file(FIXTURES / "opinion_oneline.txt")
    duties = next(section for section in doc.walk() if section.marker.raw == "二、")
    assert duties.title == "明确工作职责"
    assert duties.body[0].text.startswith("本意见所称政务新媒体，是指")
    assert "三、加强功能建设" in _headings(doc)


def test_short_titles_end_at_the_space_in_a_one_line_bulletin() -> None:
    """A statistical bulletin in one line: ``…良好开局。 一、综合 初步核算,全年…``."""
    doc = docparse.parse_file(FIXTURES / "bulletin_oneline.txt")
    assert _headings(doc) == ["一、综合", "二、农业", "三、工业和建筑业"]
    assert doc.sections[1].body[0].text.startswith("全年农林牧渔业总产值")


def test_a_one_line_summary_has_its_title_and_headings() -> None:
    """``工商局2021年上半年法治建设工作总结 一、突出制度机制建设,压实法治建设责任 1、建立健全领导体制。…``:
    the title, then 一、 after the title's genre word and a space, then 1、 after a space."""
    doc = docparse.parse_file(FIXTURES / "work_summary_oneline.txt")
    assert doc.title is not None and doc.title.text == "工商局2021年上半年法治建设工作总结"
    assert _headings(doc) == ["一、突出制度机制建设,压实法治建设责任", "1、建立健全领导体制",
                              "2、完善行政监督机制", "3、主动推行法律顾问制度"]


def test_a_space_inside_a_heading_on_its_own_line_does_not_end_it() -> None:
    """A heading that starts its line keeps the spaces a PDF's line wraps left in it (notice-031:
    ``二、开展…具备内科、 外科、麻醉科等…``): only a heading cut out of a line ends at a space."""
    doc = docparse.parse_file(FIXTURES / "notice_pdf_spaces.txt")
    assert doc.sections[1].title.startswith(
        "开展“重症医学科”诊疗科目诊疗服务的医院应当有具备内科、外科、麻醉科")
