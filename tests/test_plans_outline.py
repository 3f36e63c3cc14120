"""The outlines of emergency plans (应急预案) numbered 1 / 1.1 / 1.1.1: a title that starts with 日常,
年度 or 月度 after its number; ``1.总则`` written with a point over ``1.1 编制目的``; and the contents
list at the head of a plan, with or without ``目录``, which must not stand for the body's headings.
The fixtures are the plans of real notices as published (tests/fixtures/plans/, each cut where the
page that was saved ends).
"""

from __future__ import annotations

from pathlib import Path

import docparse
from docparse import Document
from docparse.validate import validate

PLANS = Path(__file__).parent / "fixtures" / "plans"


def _outline(doc: Document) -> list[tuple[int, str, str]]:
    """Every section as (level, marker, title), in document order (an attachment's after the body's)."""
    return [(section.level, section.marker.raw, section.title) for section in doc.walk()]


def test_a_title_that_starts_with_ri_nian_or_yue_after_its_number_is_a_heading() -> None:
    doc = docparse.parse("安陆市突发事件总体应急预案\n"  # lines of the plans of n02, n01 and n25
                         "2  机构与职责\n市政府是全市突发事件应对工作的行政领导机关。\n"
                         "2.1  领导机构与职责\n市政府是全市突发事件应对工作的行政领导机关。\n"
                         "2.2  日常工作机构与职责\n市应急管理局是日常工作机构。\n"
                         "2.3   专项应急指挥机构及职责\n市政府设立专项应急指挥机构。\n"
                         "3.日常监测与预警\n3.1日常监测\n市环保局负责日常监测。\n3.2预警\n市环保局发布预警。\n")
    assert [(level, title) for level, _, title in _outline(doc)] == [
        (1, "机构与职责"), (2, "领导机构与职责"), (2, "日常工作机构与职责"), (2, "专项应急指挥机构及职责"),
        (1, "日常监测与预警"), (2, "日常监测"), (2, "预警")]


def test_a_list_item_that_starts_with_ri_is_an_item() -> None:
    doc = docparse.parse("某某工作方案\n一、工作任务\n1.日常巡查。加强对重点区域的巡查。\n"
                         "2.督查通报。加强督查通报。\n3.月度通报。每月通报一次。\n")
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "一、", "工作任务"), (2, "1.", "日常巡查"), (2, "2.", "督查通报"), (2, "3.", "月度通报")]


def test_a_date_or_a_quantity_after_a_number_is_no_heading() -> None:
    """A line that starts with an amount or a date (a sentence broken after 到 or 于) stays text,
    where its number would continue the numbering (1.5 after 1.4, 3 after 2.1)."""
    lines = ["某某预案", "1 总则", "1.1 目标", "1.2 任务", "1.3 指标", "1.4 要求",
             "劳动年龄人口平均受教育年限提高到", "10.5年。", "1.5年。", "1.5 日常管理", "加强日常管理。",
             "2 工作要求", "2.1 材料报送", "有关材料请于", "3月15日前报送至江苏能源监管办(电子版即可)。",
             "3 日报送。", "2.2 年度评估", "每年评估一次。"]
    doc = docparse.parse("\n".join(lines))
    titles = [title for _, _, title in _outline(doc)]
    assert titles == ["总则", "目标", "任务", "指标", "要求", "日常管理", "工作要求", "材料报送", "年度评估"]


def _with_text_under_headings(name: str) -> Document:
    """The fixture's numbered titles (a plan's contents) as the headings of a body: a sentence under each."""
    lines = (PLANS / name).read_text(encoding="utf-8").splitlines()
    return docparse.parse("\n".join(f"{line}\n本节内容从略。" if line[:1].isdigit() and len(line) > 1
                                     else line for line in lines))


def test_a_dotted_top_number_over_decimal_subsections_is_their_parent() -> None:
    doc = _with_text_under_headings("wudalianchi_dotted_top_level.txt")
    outline = _outline(doc)
    tops = [(marker, title) for level, marker, title in outline if level == 1]
    assert tops == [("1.", "总则"), ("2.", "组织指挥体系及职责"), ("3.", "预警发布"), ("4.", "信息报告"),
                    ("5.", "应急处置")]
    assert all(section.marker.style == "decimal" for section in doc.sections)
    assert (2, "1.1", "编制目的") in outline and (3, "1.5.1", "一般供热突发事件级)") in outline
    assert [child.path for child in doc.sections[0].children[:2]] == ["1/1.1", "1/1.2"]


def test_a_dotted_top_number_raises_no_inversion_warning() -> None:
    doc = _with_text_under_headings("wudalianchi_dotted_top_level.txt")
    assert not [d for d in docparse.validate(doc) if d.code == "DP209"]


def test_list_items_under_a_decimal_section_stay_items() -> None:
    doc = docparse.parse("某某预案\n1 总则\n本预案适用于全市。\n1.1 预警分级\n预警分为四级:\n"
                         "1.蓝色预警。\n2.黄色预警。\n3.橙色预警。\n4.红色预警。\n1.2 预警发布\n"
                         "由市政府发布。\n2 应急响应\n按照分级响应。\n")
    outline = _outline(doc)
    assert [(level, title) for level, _, title in outline if level <= 2] == [
        (1, "总则"), (2, "预警分级"), (2, "预警发布"), (1, "应急响应")]
    assert [marker for level, marker, _ in outline if level == 3] == ["1.", "2.", "3.", "4."]


def test_a_contents_list_without_its_label_is_not_the_outline() -> None:
    doc = docparse.parse_file(PLANS / "xingcheng_contents_unlabelled.txt")
    assert _outline(doc) == [(1, "1", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据")]
    assert doc.sections[0].span.line == 83  # the body's 1 总则, not the list's


def test_a_contents_list_whose_top_entries_lost_their_numbers_is_not_the_outline() -> None:
    doc = docparse.parse_file(PLANS / "mouding_contents_lost_numbers.txt")
    assert _outline(doc) == [(1, "1", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据")]


def test_a_contents_list_named_in_a_title_line_is_not_the_outline() -> None:
    doc = docparse.parse_file(PLANS / "yiyang_contents_in_title_line.txt")
    assert _outline(doc) == [(1, "1.", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据")]


def test_a_contents_list_the_page_cuts_off_does_not_leak() -> None:
    doc = docparse.parse_file(PLANS / "anlu_contents_cut_off.txt")
    assert doc.sections == []
    assert any(p.text.startswith("2.2  日常工作机构与职责") for p in doc.preamble)


def test_an_entry_worded_unlike_its_heading_stays_in_the_contents() -> None:
    entries = ["1 总则", "1.1 编制目的", "1.2 编制依据(法规)", "2 组织体系", "2.1 指挥机构", "3 附则"]
    body = ["1 总则", "1.1 编制目的", "为了做好工作,制定本预案。", "1.2 编制依据", "依据有关法律制定本预案。",
            "2 组织体系", "2.1 指挥机构", "县政府设立指挥部。", "3 附则", "本预案自印发之日起施行。"]
    expected = [(1, "1", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据"), (1, "2", "组织体系"),
                (2, "2.1", "指挥机构"), (1, "3", "附则")]
    for label in ([], ["目 录"]):
        doc = docparse.parse("\n".join(["某县森林火灾应急预案", *label, *entries, *body]))
        assert _outline(doc) == expected
        assert doc.sections[0].span.line == len(label) + len(entries) + 2


def test_items_with_their_text_after_a_colon_are_no_contents() -> None:
    lines = ["上饶市2019年度考录人民警察体能测评通知", "一、测评时间和地点",  # tests/fixtures/validate
             "1.时间:2019年7月12日,上午7:30", "2.地点:上饶师范学院田径场",
             "二、领取体能测试准考证的时间和地点", "1.时间:2019年7月11日(9:00-12:00)",
             "2.地点:上饶市公安局政治部A327(广信大道118号)"]
    doc = docparse.parse("\n".join(lines))
    assert [marker for _, marker, _ in _outline(doc)] == ["一、", "1.", "2.", "二、", "1.", "2."]


def test_a_copy_number_that_ends_a_page_title_heads_nothing() -> None:
    """``(1)`` after a closing bracket at the end of a page's title (the copy number of the file
    the page was saved from) is no item that starts there: the title keeps it, the page's notice
    is the title, and no empty ``(1)`` heads the plan's sections."""
    doc = docparse.parse("弋阳县森林火灾应急预案(印发版)(1)\n\n"  # a real page (jxyy.gov.cn, 2022)
                         "弋阳县人民政府办公厅关于印发\n弋阳县森林火灾应急预案的通知\n\n"
                         "各乡(镇)人民政府、街道办,县直有关单位:\n\n"
                         "经县政府同意,现将修订后的《弋阳县森林火灾应急预案》印发给你们,请认真实施。\n\n"
                         "2022年3月26日\n\n弋阳县森林火灾应急预案\n\n1 总则\n\n1.1 指导思想。\n\n"
                         "以习近平新时代中国特色社会主义思想为指导。\n\n1.2 编制依据\n\n根据法律法规。\n\n"
                         "2 主要任务\n\n2.1 组织灭火行动\n\n组织灭火。\n")
    assert doc.title is not None
    assert doc.title.text == "弋阳县人民政府办公厅关于印发弋阳县森林火灾应急预案的通知"
    assert [(a.label, a.title) for a in doc.attachments] == [("", "弋阳县森林火灾应急预案")]
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "1", "总则"), (2, "1.1", "指导思想"), (2, "1.2", "编制依据"), (1, "2", "主要任务"),
        (2, "2.1", "组织灭火行动")]


def test_an_item_run_on_after_a_bracket_still_starts_its_line() -> None:
    doc = docparse.parse("某某工作方案\n一、工作任务\n"
                         "推进以下工作（各地区按职责分工负责）(1)及时总结经验。(2)简化审批流程。\n")
    assert [marker for _, marker, _ in _outline(doc)] == ["一、", "(1)", "(2)"]


def test_contents_numbered_without_the_point_the_body_writes() -> None:
    """A 文库 copy of 涿鹿县煤矿事故灾难应急预案: the contents list ``1 总则`` … ``7.3 预案实施时间``, the
    body ``1.总则`` / ``1.1编制目的``: the entry ``1 总则`` is the body's ``1.总则`` (its point aside), so
    the whole list is contents and the body's headings are the outline."""
    contents = ["1 总则", "1.1 编制目的", "1.2 编制依据", "1.3 概念与分级", "2 应急指挥体系与职责",
                "2.1 应急领导机构与职责", "2.2 应急救援综合协调机构与职责", "7 附则", "7.1 预案管理与更新",
                "7.2 预案解释部门", "7.3 预案实施时间"]
    body = ["1.总则", "1.1编制目的", "建立健全全县煤矿安全生产事故灾难救援体系。", "1.2 编制依据",
            "《中华人民共和国安全生产法》等法律、法规和有关规定。", "1.3概念与分级", "(1)概念",
            "本预案所称煤矿事故,是指从事煤矿建设、生产企业发生的事故。"]
    doc = docparse.parse("\n".join(["涿鹿县煤矿事故灾难应急预案", "涿鹿县煤矿事故灾难应急预案目录",
                                    *contents, *body]))
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "1.", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据"), (2, "1.3", "概念与分级"),
        (3, "(1)", "概念")]
    assert doc.sections[0].span.line == 14


def test_an_empty_contents_label_over_the_body() -> None:
    """石柱府办发〔2023〕41号 as published: the contents page kept only its label and page numbers
    (``目 录`` / ``— 1 —``); ``1总则`` heads ``1.1编制目的`` and its text, no contents entry."""
    doc = docparse.parse("\n".join([
        "石柱土家族自治县地质灾害应急预案", "石柱县抗震救灾和地质灾害防治救援指挥部办公室", "2023年4月",
        "— 1 —", "目 录", "— 1 —", "1总则", "1.1编制目的",
        "以习近平新时代中国特色社会主义思想为指导,科学规范、协调有序、快速高效开展突发地质灾害应对工作。",
        "1.2编制依据", "依据《中华人民共和国突发事件应对法》、《地质灾害防治条例》等法律、法规,制定本预案。",
        "1.3工作原则", "以人为本,生命至上。"]))
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "1", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据"), (2, "1.3", "工作原则")]


def test_a_contents_list_the_page_cuts_off_under_its_label_is_still_contents() -> None:
    doc = docparse.parse("\n".join(["某县地震应急预案", "目 录", "1 总则", "1.1 编制目的", "1.2 编制依据",
                                    "2 组织体系", "2.1 县指挥部"]))
    assert _outline(doc) == []


def test_a_plans_title_broken_over_two_lines_is_the_title() -> None:
    """``五大连池市城市供热突发故障`` / ``(事故)应急预案``: 预案 names a document as 方案 does, so the
    second line ends the title (it was the first paragraph)."""
    doc = docparse.parse_file(PLANS / "wudalianchi_dotted_top_level.txt")
    assert doc.title is not None and doc.title.text == "五大连池市城市供热突发故障(事故)应急预案"
    assert [line.line for line in doc.title.spans] == [1, 3]


def test_a_dun_number_over_decimal_subsections_is_their_top_level() -> None:
    """An 环境应急预案 page (wangzhi81/-, yjyaxq.php) numbers its parts ``1、总则`` over ``1.1编制目的``:
    ``1、`` is the top of the decimal numbering as ``1.`` is (the subsections were its siblings,
    the next part nested under ``1.4``), and validate says nothing of levels (four DP209 were false)."""
    doc = docparse.parse("\n".join([
        "环境应急预案", "1、总则", "1.1编制目的",
        "为了对本公司突发环境事件作出迅速反应，及时有效地控制和减轻事件对公司和环境造成的危害，制定本应急预案。",
        "1.2编制依据", "依据《国家突发环境事件应急预案》及有关法律、法规制定。", "1.3适用范围",
        "本预案适用于本公司突发环境事件的应急处理工作。", "1.4事件分级",
        "按照突发事件严重性和紧急程度，突发环境事件分为特别重大环境事件(Ⅰ级)、重大环境事件(Ⅱ级)、"
        "较大环境事件(Ⅲ级)和一般环境事件(Ⅳ级)四级。",
        "2、组织机构和职责", "2.1领导机构", "公司成立突发环境事件应急指挥部。"]))
    assert [(level, marker, title) for level, marker, title in _outline(doc)] == [
        (1, "1、", "总则"), (2, "1.1", "编制目的"), (2, "1.2", "编制依据"), (2, "1.3", "适用范围"),
        (2, "1.4", "事件分级"), (1, "2、", "组织机构和职责"), (2, "2.1", "领导机构")]
    assert [section.path for section in doc.sections] == ["1", "2"]
    assert not {d.code for d in validate(doc)} & {"DP206", "DP209", "DP213"}


def test_items_under_a_four_part_number_are_its_items() -> None:
    """A county 森林火灾应急预案 (dyrmt.com, its page 4 starts at ``6.3.1.1 启动条件``): the
    ``(1)`` … items of 启动条件 and 响应措施 are theirs (a four-part number ranked as ``(1)``, so
    they were its siblings), and a page that starts at 6.3.1.1 keeps it as a heading (it was an
    unnumbered part titled ``6.3.1.1 启动条件``); in the whole plan, ``6.3.1 Ⅳ级响应`` is a heading
    (a title in Roman numerals was text after a decimal number)."""
    lines = ["6.3.1.1 启动条件", "(1)过火面积10公顷以上、50公顷以下的森林火灾;",
             "(2)造成1人以上、3人以下重伤,尚未扑灭明火的森林火灾;",
             "符合上述条件之一时,由县森林防灭火指挥部常务副指挥长研究决定启动Ⅳ级响应。", "6.3.1.2 响应措施",
             "(1)县森林防灭火指挥部办公室进入应急状态,立即向指挥长、副指挥长报告火情;",
             "(2)气象部门提供天气预报和天气实况服务,做好人工影响天气作业准备;"]
    expected = [(1, "6.3.1.1", "启动条件"), (2, "(1)", "过火面积10公顷以上、50公顷以下的森林火灾"),
                (2, "(2)", "造成1人以上、3人以下重伤,尚未扑灭明火的森林火灾"), (1, "6.3.1.2", "响应措施"),
                (2, "(1)", "县森林防灭火指挥部办公室进入应急状态,立即向指挥长、副指挥长报告火情"),
                (2, "(2)", "气象部门提供天气预报和天气实况服务,做好人工影响天气作业准备")]
    assert _outline(docparse.parse("\n".join(lines))) == expected
    # the whole plan (renumbered from 1): 应急响应 … 县级层面应对工作, Ⅳ级响应 over its 启动条件
    whole = ["某县森林火灾应急预案", "1 应急响应", "1.1 分级响应", "按照火灾等级分级响应。", "1.2 响应措施",
             "按照响应等级采取措施。", "1.3 县级层面应对工作", "1.3.1 Ⅳ级响应",
             *(line.replace("6.3.1.", "1.3.1.") for line in lines), "1.3.2 Ⅲ级响应", "1.3.2.1 启动条件",
             "(1)过火面积50公顷以上、100公顷以下的森林火灾;"]
    found = _outline(docparse.parse("\n".join(whole)))
    under = [(level + 3, marker.replace("6.3.1.", "1.3.1."), title) for level, marker, title in expected]
    assert found == [(1, "1", "应急响应"), (2, "1.1", "分级响应"), (2, "1.2", "响应措施"),
                     (2, "1.3", "县级层面应对工作"), (3, "1.3.1", "Ⅳ级响应"), *under, (3, "1.3.2", "Ⅲ级响应"),
                     (4, "1.3.2.1", "启动条件"), (5, "(1)", "过火面积50公顷以上、100公顷以下的森林火灾")]


def test_a_list_of_codes_is_no_page_of_a_plan() -> None:
    """诊疗科目 codes (``30.03 临床化学检验专业`` …) number no sections where nothing before them does."""
    doc = docparse.parse("\n".join(["医疗机构诊疗科目名录", "30.03 临床化学检验专业",
                                    "30.04 临床免疫、血清学专业", "30.05 临床细胞分子遗传学专业",
                                    "30.06 其他"]))
    assert _outline(doc) == []
