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
    assert [paragraph.text[:12] for paragraph in article.body] == ["举报人有下列情形之一的，", "举报人有前款规定情形之一"]
    assert [child.marker.ordinal for child in article.children] == [1, 2, 3, 4]
    assert all(len(child.body) == 1 for child in article.children)
    assert article.children[-1].body[0].text == "泄露举报中知悉的国家秘密或者工作秘密，造成不良后果或者影响的。"
    next_article = _article(doc, "第二十二条")
    assert next_article.span.start > article.span.end


def test_the_articles_paragraphs_and_items_read_in_text_order() -> None:
    """The 款 after the 项 comes after them wherever the document is read in order."""
    doc = docparse.parse_file(FIXTURES / "report_reward_articles.md")
    starts = [paragraph.span.start for _, paragraph in doc.paragraphs()]
    assert starts == sorted(starts)
    markdown = docparse.to_markdown(doc)
    assert markdown.index("泄露举报中知悉") < markdown.index("举报人有前款规定情形之一") < markdown.index("第二十二条")


def test_a_report_heading_keeps_its_title_and_the_text_under_it() -> None:
    """In a report ``(一)…`` is a heading with a title, and the paragraph after it is its own."""
    doc = docparse.parse_file(FIXTURES / "report_headings.txt")
    first = doc.sections[0].children[0]
    assert first.title == "坚持党建引领,完善法治政府建设推进机制"
    assert [paragraph.text[:8] for paragraph in first.body] == ["东疆党委深入学习"]
