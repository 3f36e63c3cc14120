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


def test_a_date_alone_between_a_notices_last_sentence_and_the_rules_it_issues_is_its_closing() -> None:
    doc = _parsed("notice_xining_issues_rules.txt")
    assert doc.closing is not None and doc.closing.signature == []
    assert (doc.closing.date_text, str(doc.closing.date)) == ("二○○六年五月十八日", "2006-05-18")
    [rules] = doc.attachments  # the rules the notice issues, after its date without a label
    assert rules.label == "" and rules.title == "西宁市企业治乱减负工作暂行规定"
    assert rules.sections[0].title.replace(" ", "") == "总则"


def test_a_date_alone_between_two_paragraphs_is_text() -> None:
    doc = _sound("关于开展安全检查的通知\n各乡镇人民政府:\n一、检查安排\n检查于下列日期开始。\n"
                 "2023年5月1日\n各乡镇要认真做好自查工作,确保检查顺利开展。\n")
    assert doc.closing is None


def test_a_date_as_a_page_left_it_under_its_signature_closes_the_notice() -> None:
    run_together = _sound(
        "兴城市人民政府办公室关于印发兴城市突发水污染事件应急预案的通知\n兴政办发〔2017〕58号\n"
        "各乡、镇人民政府,各街道办事处,市政府有关部门:\n"
        "  经市政府同意,现将《兴城市突发水污染事件应急预案》印发给你们,请认真遵照执行。\n\n"
        "      兴城市人民政府办公室\n\n        20171116\n\n(此件公开发布)\n\n"
        "兴城市突发水污染事件应急预案\n1 总则\n1.1 编制目的\n为建立健全突发水污染事件应急机制,制定本预案。\n")
    assert run_together.closing is not None
    assert [s.text for s in run_together.closing.signature] == ["兴城市人民政府办公室"]
    assert run_together.closing.date_text == "20171116"
    blank_day = _sound(
        "市人民政府关于印发安陆市突发事件总体应急预案的通知\n各乡镇人民政府、办事处,市政府各部门:\n"
        "修订后的《安陆市突发事件总体应急预案》已经市政府常务会议审议通过,现印发给你们,请认真组织实施。\n\n"
        "安陆市人民政府\n\n2020年4月 日\n\n安陆市突发事件总体应急预案\n1  总则\n1.1  编制目的\n"
        "为提高政府保障公共安全和处置突发事件的能力,制定本预案。\n")
    assert blank_day.closing is not None and blank_day.closing.date_text == "2020年4月 日"
    assert [s.text for s in blank_day.closing.signature] == ["安陆市人民政府"]


def test_the_signer_and_date_of_a_promulgation_order_are_its_closing() -> None:
    named = _sound(
        "森林防火条例\n中华人民共和国国务院令\n第 541 号\n"
        "  《森林防火条例》已经2008年11月19日国务院第36次常务会议修订通过,现将修订后的《森林防火条例》公布,"
        "自2009年1月1日起施行。\n"
        "                        总　理　 温家宝\n                          二○○八年十二月一日\n"
        "森 林 防 火 条 例\n第一章　总　　则\n"
        "  第一条　为了有效预防和扑救森林火灾,保障人民生命财产安全,制定本条例。\n")
    assert named.closing is not None
    assert [s.text for s in named.closing.signature] == ["总　理　 温家宝"]
    assert str(named.closing.date) == "2008-12-01"
    nameless = _sound(
        "河北省人工影响天气管理规定\n政府令〔2010〕第15号\n"
        "《河北省人工影响天气管理规定》已经2010年12月14日省政府第76次常务会议通过,现予公布,"
        "自2011年2月1日起施行。\n\n\n省长\n\n\n二○一○年十二月二十五日\n\n\n"
        "河北省人工影响天气管理规定\n第一章总则\n第一条为加强对人工影响天气工作的管理,制定本规定。\n")
    assert nameless.closing is not None
    assert [s.text for s in nameless.closing.signature] == ["省长"]


def test_six_joint_issuers_a_line_each_all_sign() -> None:
    issuers = [f"{place}电力交易中心" for place in ("广州", "广东", "广西", "昆明", "贵州", "海南")]
    doc = _sound("关于印发《南方区域绿色电力交易规则(试行)》的通知\n"
                 "为积极推进南方区域绿色电力交易机制建设,南方区域各电力交易中心联合编制了"
                 "《南方区域绿色电力交易规则(试行)》,现予以发布,请遵照执行。\n特此通知。\n\n"
                 + "".join(f"{issuer} \n" for issuer in issuers) + "2022年1月25日 \n")
    assert doc.closing is not None
    assert [s.text for s in doc.closing.signature] == issuers


def test_two_organs_on_one_signature_line_apart_by_a_wide_gap_are_two_signatures() -> None:
    doc = _sound("中共黄浦区委办公室  黄浦区人民政府办公室关于印发《黄浦区消防安全责任制实施细则》的通知\n"
                 "各街道党工委、办事处,区委各部门,区政府各委、办、局:\n"
                 "经区委、区人民政府同意,现将《黄浦区消防安全责任制实施细则》印发给你们,请认真按照执行。\n\n"
                 "特此通知。\n\n中共上海市黄浦区委办公室   上海市黄浦区人民政府办公室\n\n2020年6月1日\n")
    assert doc.closing is not None
    assert [s.text for s in doc.closing.signature] == ["中共上海市黄浦区委办公室",
                                                       "上海市黄浦区人民政府办公室"]
    spaced = _sound("国务院关于森林防火的决定\n各省人民政府:\n请认真贯彻执行。\n"
                    "总　理　 温家宝\n二○○八年十二月一日\n")
    assert spaced.closing is not None and [s.text for s in spaced.closing.signature] == ["总　理　 温家宝"]


_YUNCHENG = ("运城市人民政府 关于2021年度法治政府建设情况的报告  2021年,运城市政府坚持依法履行政府职能,"
             "持续推进依法行政,推动全市法治政府建设取得新成效。现将有关情况报告如下。"
             "全力推进政府治理体系和治理能力现代化,为全方位推动运城高质量发展提供有力的法治保障。")


def test_a_closing_run_on_at_the_end_of_a_one_line_text_is_read() -> None:
    for tail in ("运城市人民政府 2022年1月28日", "运城市人民政府2022年1月28日",
                 "  运城市人民政府  2022年1月28日相关解读", "运城市人民政府\n2022年1月28日"):
        doc = _sound(_YUNCHENG + tail + "\n")
        assert doc.closing is not None, tail
        assert [s.text for s in doc.closing.signature] == ["运城市人民政府"], tail
        assert str(doc.closing.date) == "2022-01-28", tail
    related = _sound(_YUNCHENG + "  运城市人民政府  2022年1月28日相关解读\n")
    assert [f.text for f in related.furniture if f.category == "related"] == ["相关解读"]


_TWO_ATTACHMENTS = (
    "中共黄浦区委办公室  黄浦区人民政府办公室关于印发《黄浦区消防安全责任制实施细则》的通知\n\n"
    "一、总则\n\n本细则自2020年6月1日起施行。\n\n"
    "附件：1.机关、团体、企业、事业单位消防安全职责\n\n2.居民区相关主体消防安全职责\n\n"
    "附件1\n\n机关、团体、企业、事业等单位消防安全职责\n\n一、一般职责\n\n落实消防安全责任制。\n\n"
    "附件2\n\n居民区相关主体消防安全职责\n\n一、居民委员会\n\n确定消防安全管理人。\n")


def test_an_attachment_note_whose_items_are_apart_by_a_blank_line_lists_them_all() -> None:
    doc = _sound(_TWO_ATTACHMENTS)
    assert [a.label for a in doc.attachments] == ["附件1", "附件2"]
    assert [d.code for d in docparse.validate(doc) if d.code in ("DP412", "DP413", "DP415")] == []
    one_listed = _sound(_TWO_ATTACHMENTS.replace("\n\n2.居民区相关主体消防安全职责",
                                                 "\n\n本通知自印发之日起施行。"))
    assert "DP415" in [d.code for d in docparse.validate(one_listed)]
