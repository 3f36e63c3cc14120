"""Closing blocks and attachments of real notices, decisions and regulations as the web serves them
(fixtures in tests/fixtures/closings_real/, README there)."""

from __future__ import annotations

from pathlib import Path

import docparse

from .spans import coverage_problems, span_problems

FIXTURES = Path(__file__).parent / "fixtures" / "closings_real"


def _parsed(name: str) -> docparse.Document:
    doc = docparse.parse_file(FIXTURES / name)
    assert span_problems(doc) == [] and coverage_problems(doc) == []
    return doc


def _sound(text: str) -> docparse.Document:
    doc = docparse.parse(text)
    assert span_problems(doc) == [] and coverage_problems(doc) == []
    return doc


def test_a_label_with_its_colon_alone_starts_the_attachment_titled_on_the_next_line() -> None:
    doc = _parsed("notice_luoyang_decision.txt")
    assert doc.sections == []
    [attachment] = doc.attachments
    assert (attachment.label, attachment.title) == ("附件", "人大代表建议办理工作先进单位和先进个人名单")
    assert [s.title for s in attachment.sections] == ["先进单位14个(排名不分先后)",
                                                      "先进个人45名(排名不分先后)"]


def test_the_colon_label_after_an_attachment_note_starts_the_attachment() -> None:
    doc = _parsed("notice_dandong_decision.txt")
    [attachment] = doc.attachments
    assert attachment.title == "丹东市 2007年度乡镇环境卫生综合整治活动优胜乡镇和先进工作者名单"
    assert [s.title for s in attachment.sections] == ["优胜乡镇", "先进工作者"]


def test_a_colon_label_over_a_list_or_a_pages_links_starts_no_attachment() -> None:
    listed = _sound("包头市数字政府建设考评办法\n一、考评结果应用\n考评结果全市通报。\n"
                    "附件:\n包头市数字政府建设考评指标\n附件\n包头市数字政府建设考评指标\n"
                    "一、政务服务\n(一)一体化政务服务平台建设(3分)\n")
    assert [(a.label, a.title, [s.title for s in a.sections]) for a in listed.attachments] == [
        ("附件", "包头市数字政府建设考评指标", ["政务服务"])]
    numbered = _sound("关于2024年海绵城市建设工作的通知\n一、工作目标\n全面推进海绵城市建设。\n"
                      "附件:\n1.2024年海绵城市计划达标区域汇总表\n2.2024年海绵城市示范项目汇总表\n")
    assert numbered.attachments == []
    links = _sound("关于加强电网规划投资管理的通知\n一、总体要求\n加强规划。\n国家发展改革委\n2020年5月28日\n"
                   "附件:\n相关政策与解读\n《国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作》\n"
                   "排行榜\n")
    assert links.attachments == []
