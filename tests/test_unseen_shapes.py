"""Heading shapes of documents the parser had not seen (the outline audit of /work/extra2/outline17),
each the real lines it needs, shortened: quotation marks a converter or a writer got wrong, an
attachment's title broken over two lines, articles glued to their chapter's title in a copy that
leaves articles out."""

from __future__ import annotations

import docparse

from .spans import coverage_problems, span_problems


def _sound(text: str) -> docparse.Document:
    doc = docparse.parse(text)
    assert span_problems(doc) == [] and coverage_problems(doc) == []
    return doc


def _headings(doc: docparse.Document) -> list[tuple[str, str]]:
    return [(section.path, section.title) for section in doc.walk()]


def test_a_converters_double_prime_quotation_marks_close_what_they_open() -> None:
    """A 文库 copy writes ” as 〞 (U+301E): “八大工程〞 is a closed quotation, and the 一、 after it a
    heading, not quoted text (交通局上半年工作总结, one line)."""
    doc = _sound(
        "第1页共9页交通局上半年工作总结和下半年工作安排2022年上半年,在市委、市政府和上级主管部门的"
        "正确领导下,局总支带着交通系统干部职工,以“全省交通质量管理年〞活动为载体,实施“八大工程〞,"
        "争创“三个一流〞,圆满地完成了上半年各项工作任务,全面实现“双过半〞,为实现“十五〞期间交通"
        "跨越式开展作出新奉献。一、上半年工作总结。今年上半年完成了兰杭线武荆高速公路应城段初步设计。"
        "二、下半年工作安排。加快推进了“通畅安保工程〞。")
    assert _headings(doc) == [("一", "上半年工作总结"), ("二", "下半年工作安排")]


def test_a_quotation_left_open_inside_a_sentence_ends_with_its_line() -> None:
    """A writer's “ without its ” in a sentence (长治市司法局2022年工作总结) hides none of the
    headings after it; a quotation that opens a quoted block after a colon still does."""
    doc = _sound(
        "2022年,长治市司法局坚持以习近平新时代中国特色社会主义思想为指导,各项工作均取得了新进展新成效。"
        "平顺县龙溪镇龙镇村等4个村有望被司法部命名为第九批“全国民主法治示范村(社区)。\n"
        "一、2022年工作情况\n"
        "(一)突出政治引领,全面准确学习领会党的二十大精神。  一是加强政治建设。先后组织召开36次党组会议。"
        "二是加强思想建设。三是加强组织建设。\n")
    assert _headings(doc) == [("一", "2022年工作情况"),
                              ("一/（一）", "突出政治引领,全面准确学习领会党的二十大精神")]
    amended = _sound("关于修改《某某办法》的决定\n一、将第五条修改为：“第五条　有下列情形之一的，不予受理：\n"
                     "（一）申请材料不全的；\n（二）不属于本机关职责范围的。”\n二、删去第八条。\n")
    assert _headings(amended) == [("一", "将第五条修改为"), ("二", "删去第八条")]


def test_an_attachments_title_broken_over_two_lines_is_joined() -> None:
    """A centred attachment title over two lines (重庆市粮食局 举报奖励实施细则, 附件3): the first line
    does not end as a title does, the two together do (…声明书); a title that ends (…审批表) takes
    no line after it."""
    doc = _sound(
        "关于印发《重庆市政策性粮食购销违法违规行为举报奖励实施细则（试行）》的通知\n"
        "第十五条 本实施细则自发布之日起施行，有效期5年。\n"
        "附件1\n重庆市政策性粮食购销违法违规行为举报奖励审批表\n审批表编号：审批单位：\n"
        "注：该表一式3份，由粮食行政管理部门填写，财务、存档各1份。\n"
        "附件3\n重庆市放弃政策性粮食购销违法违规行为\n举报奖励资金声明书\n申明人（签字并盖手印）：\n"
        "注：此文书一式3份，举报人、财务、存档各1份。\n")
    assert [(a.label, a.title) for a in doc.attachments] == [
        ("附件1", "重庆市政策性粮食购销违法违规行为举报奖励审批表"),
        ("附件3", "重庆市放弃政策性粮食购销违法违规行为举报奖励资金声明书")]
    third = doc.attachments[1]
    assert third.title_span is not None and third.title_span.line + 1 == third.title_span.end_line
    assert third.preamble[0].text == "申明人（签字并盖手印）："


def test_an_article_glued_to_its_chapters_title_starts_whatever_its_number() -> None:
    """A 办法 scraped without line breaks, in a copy that leaves articles out (安顺市市级储备粮管理办法):
    第三十五条 after 第五章's title starts an article although the last one cut was 第二十八条, and so
    第五章 keeps its place."""
    article = ("本市行政区域内市级储备粮的计划、储存、轮换、动用和监督管理等活动，适用本办法。"
               "未经市人民政府批准，任何单位和个人不得擅自动用市级储备粮。")
    articles = "".join(f"第{n}条  {article}" for n in "二三四五六七八九")
    text = ("安顺市市级储备粮管理办法第一章  总    则第一条  为加强市级储备粮管理，保障市级储备粮数量真实、"
            "质量良好和储存安全，结合安顺实际，制定本办法。" + articles
            + "第四章  轮    换第二十二条  市级储备粮以储存粮食品质指标为依据，以储存年限为参考，"
            "原则上小麦每4年轮换一次，中晚籼稻谷每3年轮换一次，粳稻谷、玉米、食用植物油每2年轮换一次。"
            "第二十八条  市级储备粮保管自然损耗定额为：原粮：储存6个月以内的，不超过0.1%；"
            "储存6个月以上12个月以内的，不超过0.15%；储存12个月以上的，累计不超过0.2%（不得按年叠加）;"
            "食用植物油：储存6个月以内的，不超过0.08%；储存12个月以上的，累计不超过0.12%（不得按年叠加）。"
            "第五章  资    金第三十五条  市级储备粮保管费、轮换费实行定额包干。其中，市级储备粮（原粮）保管费"
            "每年100元／吨，食用植物油保管费每年300元／吨。"
            "第八章  附    则第四十六条  本办法自印发之日起施行。")
    doc = _sound(text)
    chapters = [(section.path, section.title) for section in doc.sections]
    assert chapters == [("第一章", "总则"), ("第四章", "轮换"), ("第五章", "资金"), ("第八章", "附则")]
    assert [child.path for child in doc.sections[2].children] == ["第五章/第三十五条"]


def test_a_converters_angle_brackets_number_second_level_headings() -> None:
    """The 文库 converter that writes ” as 〞 writes （一） as 〈一〉 (交通局上半年工作总结): the items
    are headings, also glued to their parent's title in a copy without line breaks; 〈〉 inside a
    title in 《》 stays text."""
    doc = _sound("交通局上半年工作总结和下半年工作安排\n一、上半年工作总结\n"
                 "〈一〉扎实推进了“高速精品工程〞。今年上半年完成了兰杭线武荆高速公路应城段初步设计和施工图设计。\n"
                 "〈二〉加快推进了“通畅安保工程〞。云长公路应城段改造全长13公里，依据《关于〈一〉号工程的说明》实施。\n")
    assert _headings(doc) == [("一", "上半年工作总结"), ("一/（一）", "扎实推进了“高速精品工程〞"),
                              ("一/（二）", "加快推进了“通畅安保工程〞")]
    glued = _sound("交通局上半年工作总结和下半年工作安排2022年上半年,圆满地完成了上半年各项工作任务,"
                   "为实现“十五〞期间交通跨越式开展作出新奉献。一、上半年工作总结〈一〉扎实推进了“高速精品工程〞。"
                   "今年上半年完成了兰杭线武荆高速公路应城段初步设计。〈二〉加快推进了“通畅安保工程〞。全长13公里。")
    assert [path for path, _ in _headings(glued)] == ["一", "一/（一）", "一/（二）"]


def test_an_arabic_number_with_the_input_methods_full_stop_is_a_heading() -> None:
    """``1。`` is ``1.`` typed with a Chinese input method's point (闵行区绿容局2019年上半年总结): the
    items are headings, and the validator asks for ``1.``."""
    doc = _sound("闵行区绿容局2019年上半年总结和下半年工作部署\n"
                 "面对下半年的严峻形势和工作任务,局长提出五项要求:\n"
                 "1。我们要树立优质产品意识,努力做到“双喜临门”。\n首先,我们必须及早计划和布置。\n"
                 "2。要坚持目标不放松,努力创建垃圾分类示范区。\n垃圾分类是上海的一项政治任务。\n"
                 "3、坚持以问题为导向,努力克服行业瓶颈和问题。\n")
    assert [path for path, _ in _headings(doc)] == ["1", "2", "3"]
    assert doc.sections[0].title == "我们要树立优质产品意识,努力做到“双喜临门”"
    assert "DP211" in {finding.code for finding in docparse.validate(doc)}


def test_quoted_paragraphs_that_each_open_and_only_the_last_closes_end_at_that_close() -> None:
    """The legal convention of an amending decision (regulation-023, 国务院关于修改《建设项目环境保护
    管理条例》的决定, its items run together on one line): each quoted paragraph opens with “ and only
    the last closes; the quotation ends there, and the decision's next item and the regulation
    republished after it are headings."""
    numerals = "一二三四五六七八九十"
    item = ("增加一条：“建设项目有下列情形之一的，环境保护行政主管部门应当对环境影响报告书、"
            "环境影响报告表作出不予批准的决定：“（一）建设项目类型及其选址、布局、规模等不符合环境保护"
            "法律法规和相关法定规划；“（二）所在区域环境质量未达到国家或者地方环境质量标准，且建设项目"
            "拟采取的措施不能满足区域环境质量改善目标管理要求。”")
    decision = "".join(f"{numeral}、{item}" for numeral in [*numerals, *(f"十{n}" for n in numerals[:9])])
    doc = _sound("国务院关于修改《建设项目环境保护管理条例》的决定\n"
                 "国务院决定对《建设项目环境保护管理条例》作如下修改：" + decision
                 + "\n第一章　总　　则\n第一条　为了防止建设项目产生新的污染，制定本条例。\n")
    paths = [section.path for section in doc.sections]
    assert paths[:3] == ["一", "二", "三"] and paths[-2:] == ["十九", "第一章"]
    assert [child.path for child in doc.sections[-1].children] == ["第一章/第一条"]
    lines = _sound("关于修改《某某办法》的决定\n一、将第五条修改为：“第五条　有下列情形之一的，不予受理：\n"
                   "“（一）申请材料不全的；\n“（二）不属于本机关职责范围的。”\n二、删去第八条。\n")
    assert [section.path for section in lines.sections] == ["一", "二"]


def test_a_quotation_left_open_in_a_sentence_of_run_on_text_ends_with_the_sentence() -> None:
    """The writer's unclosed “ of 长治市司法局's report in a copy without line breaks: the quotation
    ends at the sentence's stop, and the headings after it are cut."""
    doc = _sound(
        "某县司法局2022年工作总结2022年,长治市司法局坚持以习近平新时代中国特色社会主义思想为指导,各项工作均取得了"
        "新进展新成效。平顺县龙溪镇龙镇村等4个村有望被司法部命名为第九批“全国民主法治示范村(社区)。一、2022年工作情况"
        "(一)突出政治引领,全面准确学习领会党的二十大精神。一是加强政治建设。先后组织召开36次党组会议。"
        "(二)突出服务大局。全力优化法治化营商环境。")
    assert [path for path, _ in _headings(doc)] == ["一", "一/（一）", "一/（二）"]


def test_a_page_that_starts_in_the_middle_of_a_list_keeps_its_items() -> None:
    """A newspaper's second page (辽宁日报, ``(上接第一版)``) starts at item 4 of a （三）: 4. to 7.
    continue no number cut before them, but each other, so they are items, not stray numbers."""
    doc = _sound(
        "(上接第一版)\n(三)强化宪法学习宣传教育\n"
        "4. 在全省继续开展好尊崇宪法、学习宪法、遵守宪法、 维护宪法、运用宪法的学习宣教活动。\n"
        "5. 把宪法法律学习列入全省各级党委 (党组)理论学习中心组学习的重要内容。\n"
        "6. 加强青少年宪法法律教育,确保计划、教材、课时、师资、经费的 “五落实”。\n"
        "三、完善符合辽宁实际的法规规章体系,以良法促进发展、保障善治\n(一)完善地方立法工作格局\n"
        "1. 省、设区的市、自治县党委加强对立法工作的领导。\n"
        "截至2020年底，全省共有地方性法规\n25、规章12件。\n")  # a stray number no sibling continues
    assert [path for path, _ in _headings(doc)] == [
        "（三）", "（三）/4", "（三）/5", "（三）/6", "三", "三/（一）", "三/（一）/1"]
