"""validate() on the shapes of real documents where it used to say something false, or miss a
defect a reader would want caught: each case is a few lines of a public government document."""

from __future__ import annotations

import docparse
from docparse.models import Diagnostic
from docparse.validate import validate

from .conftest import FIXTURES

# 国家医疗保障局办公室 医保办函〔2025〕85号, as a clean 通知 with its 版记: each case below changes one thing.
NOTICE = """国家医疗保障局办公室关于进一步加强超量开药智能监管工作的通知

医保办函〔2025〕85号

各省、自治区、直辖市及新疆生产建设兵团医疗保障局：
　　为贯彻落实全国医保基金管理突出问题专项整治工作要求，强化源头治理，现就加强超量开药智能监管工作通知如下：
　　一、目标任务
　　进一步深化智能监管改革试点，依托全国统一医保信息平台，建立健全超量开药问题智能监管筛查预警规则。
　　（一）开展试点，探索经验。2025年12月底前，全国智能监管改革试点地区至少将50种重点监测药品纳入覆盖范围。
　　（二）全省推开，逐步覆盖。2026年6月底前，各省医保局至少将100种重点监测药品纳入覆盖范围。
　　（三）全面应用，形成机制。2026年12月底前，全国各级医保部门实现智能监管全覆盖。
　　二、工作要求
　　各省级医保部门要加快推进反欺诈数据监测专区建设。

国家医疗保障局办公室
2025年10月22日

抄送：国家卫生健康委办公厅，国家药监局综合司。
国家医疗保障局办公室　　　　　　　　2025年10月23日印发
"""


def findings(text: str) -> list[Diagnostic]:
    return validate(docparse.parse(text))


def codes(text: str) -> list[str]:
    return [d.code for d in findings(text) if d.code != "DP414"]


def test_the_clean_notice_has_no_finding() -> None:
    assert codes(NOTICE) == []


def test_a_heading_number_broken_by_a_space_is_unread_not_missing() -> None:
    """五华县 通告: ``四 、违反本通告…`` is not read as a heading; 四 is in the text, no gap to report
    as an error, and the message quotes it as written."""
    text = ("五华县人民政府关于禁止燃放烟花爆竹的通告\n"
            "县人民政府决定在全县范围实施烟花爆竹禁燃禁放工作。现将有关事项通告如下:\n"
            "一、禁燃禁放范围\n五华县行政辖区全域。\n"
            "二、 禁燃禁放时间\n2023年2月6日起至2023年4月30日止。\n"
            "三、 禁燃禁放种类\n各种烟花、鞭炮、拉炮、摔炮、火箭、魔术弹、地老鼠等烟花爆竹制品。\n"
            "四 、违反本通告规定的,依照《中华人民共和国大气污染 防治法》等相关法律法规规定追究法律责任。\n"
            "五、谩骂、侮辱、殴打、围攻执行公务人员和举报人的,依法从严查处;构成犯罪的,依法追究其刑事责任。\n"
            "特此通告。\n五华县人民政府\n2022年11月22日\n")
    [gap] = [d for d in findings(text) if d.code == "DP202"]
    assert gap.severity == "info" and "正文中有“四 、”，但未能识别为标题" in gap.message


def test_two_siblings_swapped_are_one_disorder_not_a_gap() -> None:
    """（二） written before （一）: both are there, so one DP204 on the （一）, no late start, no
    restart and above all no error saying （二） is missing."""
    text = (NOTICE.replace("（一）开展试点", "（X）开展试点").replace("（二）全省推开", "（一）全省推开")
            .replace("（X）开展试点", "（二）开展试点"))
    found = [d for d in findings(text) if d.code.startswith("DP2")]
    assert [(d.code, d.severity) for d in found] == [("DP204", "error")]
    assert "序号“（一）”排在“（二）”之后，顺序颠倒" in found[0].message
    assert found[0].span is not None and text[found[0].span.start:found[0].span.end] == "（一）"


def test_a_title_that_cites_a_report_is_not_checked_as_that_report() -> None:
    """清水县: an interpretation of a 法治政府建设 report, and a notice issuing one, owe nothing to the
    督察规定's list of parts; the report itself still does."""
    body = ("\n一、起草背景\n党中央、国务院高度重视法治政府建设。\n"
            "二、起草过程\n县司法局作为我县法治政府建设工作总结报告的起草单位，"
            "多次组织研究讨论和补充完善。\n")
    interpretation = ("【政策解读】关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》"
                      "的政策解读")
    issuing = "关于印发《清水县2023年度法治政府建设情况报告》的通知"
    report = "清水县2023年度法治政府建设情况报告"
    assert not [c for c in codes(interpretation + body) if c.startswith("DP5")]
    assert not [c for c in codes(issuing + body) if c.startswith("DP5")]
    assert "DP503" in codes(report + body)


def test_a_request_whose_opening_sentence_ends_with_a_colon_still_needs_an_addressee() -> None:
    """``…现就开展试点请示如下：`` leads into the text: it names no organ, so the 请示 has no 主送机关."""
    text = (NOTICE.replace("关于进一步加强超量开药智能监管工作的通知", "关于开展超量开药智能监管试点的请示")
            .replace("各省、自治区、直辖市及新疆生产建设兵团医疗保障局：\n", "")
            .replace("现就加强超量开药智能监管工作通知如下", "现就开展试点请示如下"))
    assert "DP417" in codes(text)


def test_an_addressee_run_into_the_text_still_counts() -> None:
    """国务院 notice-034: the 主送机关 and the first sentence on one line; the 通知 speaks to 你们 and
    names them."""
    text = ("国务院关于印发“十三五”生态环境保护规划的通知\n国发〔2016〕65号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将《“十三五”生态环境保护规划》印发给你们，"
            "请认真贯彻实施。\n国务院\n2016年11月24日\n")
    assert "DP420" not in codes(text)


def test_a_notice_that_speaks_to_you_names_whom() -> None:
    """五大连池: the 主送机关 line lost its colon and reads as a sentence; ``现印发给你们`` says the
    notice has recipients, and none is named."""
    text = ("五大连池市人民政府办公室关于印发《五大连池市城市供热突发故障(事故)应急预案》的通知\n"
            "市直各部门、市域内农垦、森工、监狱所、龙镇镇政府、供热企业\n"
            "《五大连池市城市供热突发故障(事故)应急预案》经五大连池市人民政府2023年第次常务会议讨论通过,"
            "现印发给你们,请认真贯彻执行。\n五大连池市人民政府办公室\n2024年1月10日\n")
    [spoken] = [d for d in findings(text) if d.code == "DP420"]
    assert "现印发给你们" in spoken.message and spoken.span is not None
    assert text[spoken.span.start:spoken.span.end] == "你们"
    assert "DP420" not in codes(NOTICE.replace("通知如下", "通知给你们"))
    public = NOTICE.replace("各省、自治区、直辖市及新疆生产建设兵团医疗保障局：\n", "")
    assert "DP420" not in codes(public)  # a 通知 not speaking to anyone may be issued to all


def test_notes_under_an_unnumbered_heading_skip_no_level() -> None:
    """A bulletin's ``注释：`` over ``1.`` ``2.``: no number above them, so no level skipped."""
    doc = docparse.parse_file(FIXTURES / "numbering" / "stats_notes_block.txt")
    assert "DP207" not in [d.code for d in validate(doc)]


def test_the_items_of_a_law_article_are_no_fifth_level() -> None:
    """民法典: 第一编 → 第一章 → 第二节 → 第二十七条 → （一）: the 项 nest under the 立法法's levels,
    not as a fifth GB/T 9704 level."""
    text = ("中华人民共和国民法典\n第一编　总则\n第二章　自然人\n第二节　监护\n"
            "第二十七条　父母是未成年子女的监护人。\n未成年人的父母已经死亡或者没有监护能力的，"
            "由下列有监护能力的人按顺序担任监护人：\n（一）祖父母、外祖父母；\n（二）兄、姐；\n"
            "（三）其他愿意担任监护人的个人或者组织，但是须经未成年人住所地的居民委员会、村民委员会或者民政部门同意。\n")
    assert "DP215" not in codes(text)
    deep = ("关于某事项的通知\n一、总体要求\n（一）基本原则\n1.坚持统筹\n（1）统一部署\n①明确分工\n"
            "各部门按分工落实。\n")
    assert "DP215" in codes(deep)


def test_the_copy_line_of_the_imprint() -> None:
    """GB/T 9704 §7.4.2: ``抄送：`` (not 抄报, full-width colon) and a 。 after the last organ."""
    bad = NOTICE.replace("抄送：国家卫生健康委办公厅，国家药监局综合司。",
                         "抄报:国家卫生健康委办公厅，国家药监局综合司")
    found = [d for d in findings(bad) if d.code == "DP421"]
    assert [d.message for d in found] == ["“抄报”已不再使用，应写作“抄送”", "抄送后的冒号应为全角“：”",
                                          "抄送机关最后一个名称后应加句号“。”"]
    assert all(d.severity == "warning" for d in found)


def test_the_print_date_of_the_imprint() -> None:
    padded = NOTICE.replace("2025年10月23日印发", "2025年10月03日印发")
    [found] = [d for d in findings(padded) if d.code == "DP422"]
    assert "应写作“2025年10月3日”" in found.message


def test_a_report_that_asks_for_approval() -> None:
    """条例 第十五条: no 请示 inside a 报告; a notice or a report ending 特此报告 is fine."""
    report = (NOTICE.replace("关于进一步加强超量开药智能监管工作的通知", "关于超量开药智能监管工作情况的报告")
              .replace("现就加强超量开药智能监管工作通知如下", "现将有关情况报告如下")
              .replace("各省级医保部门要加快推进反欺诈数据监测专区建设。", "以上报告妥否，请批示。"))
    [found] = [d for d in findings(report) if d.code == "DP423"]
    assert found.span is not None and report[found.span.start:found.span.end] == "妥否"
    assert "DP423" not in codes(report.replace("以上报告妥否，请批示。", "特此报告。"))


def test_a_signature_without_a_date() -> None:
    """国发〔1990〕65号 as a dataset stored it: the body ends with the issuer the title opens with, and
    no 成文日期 follows; a text cut off mid-sentence is not taken for a signature."""
    undated = NOTICE.replace("国家医疗保障局办公室\n2025年10月22日\n", "国家医疗保障局办公室\n")
    [found] = [d for d in findings(undated) if d.code == "DP424"]
    assert found.message == "署名“国家医疗保障局办公室”下没有成文日期"
    cut = ("上海市司法局2023年法治政府建设情况报告\n一、主要举措\n（二）持续统筹推进法治建设各项工作\n"
           "充分发挥市委全面依法治市委员会\n")
    assert "DP424" not in codes(cut)


def test_a_date_left_blank_for_the_signature() -> None:
    """安陆市 2020: ``2020年4月 日`` under the signature is a draft's date to fill in, said so (a
    warning, naming what is missing), not an impossible date."""
    draft = NOTICE.replace("2025年10月22日\n", "2025年10月 日\n")
    [found] = [d for d in findings(draft) if d.code == "DP407"]
    assert (found.severity, found.message) == ("warning", "成文日期“2025年10月 日”未填写完整，缺少日")
    impossible = NOTICE.replace("2025年10月22日\n", "2025年2月30日\n")
    [wrong] = [d for d in findings(impossible) if d.code == "DP407"]
    assert wrong.severity == "error"


def test_a_marker_in_a_look_alike_glyph_is_a_note() -> None:
    """安徽省 notice-005 writes ``1﹒`` (U+FE52, the small form of the full stop) 24 times: the right
    mark in another glyph, an info, not wrong punctuation as ``1、`` is."""
    steps = "\n　　1﹒明确范围。试点地区先行。\n　　2﹒制定方案。按期报送。"
    text = NOTICE.replace("（一）开展试点，探索经验。", "（一）开展试点，探索经验。" + steps)
    [found] = [d for d in findings(text) if d.code == "DP211"]
    assert found.severity == "info" and "变体字形" in found.message
    wrong = text.replace("1﹒", "1、").replace("2﹒", "2、")
    [found] = [d for d in findings(wrong) if d.code == "DP211"]
    assert found.severity == "warning"


def test_the_clause_that_puts_a_decision_in_force_is_no_empty_heading() -> None:
    """上海市人民政府令第51号's 决定 (shanghai.gov.cn copy): its items are sentences, the last one
    ``八、本决定自2021年9月1日起施行。`` has nothing under it, being the text's last clause, not a heading
    (a DP213 false alarm); a short lead sentence with nothing under it still is one."""
    decision = ("关于加强本市消防监督执法工作的决定\n\n"
                "现就加强本市消防监督执法工作，作如下决定：\n\n"
                "七、消防救援机构、住房城乡建设管理部门根据实际需要，对公安派出所进行消防安全管理和技术标准等方面的"
                "专业技术培训指导。\n\n"
                "对公安机关查处消防安全违法行为过程中涉及专业技术判断的事项，消防救援机构、住房城乡建设管理部门应当"
                "提供支持与协助。\n\n"
                "八、本决定自2021年9月1日起施行。\n")
    assert "DP213" not in codes(decision)
    assert "DP213" in codes(decision.replace("八、本决定自2021年9月1日起施行。", "八、加强组织领导。"))


def test_a_heading_on_the_first_duty_written_short_is_the_duty_part() -> None:
    """jiashan.gov.cn (嘉善县, 2022): ``（一）严格履行第一职责。`` is the part on the 第一责任人 duty (its
    text: 县长…亲自部署…落实第一责任人职责规定); DP506 said the duty was only mentioned in passing."""
    doc = docparse.parse("嘉善县人民政府关于2022年度法治政府建设情况的报告\n\n中共嘉善县委、县人大常委会:\n\n"
                         "2022年,县政府认真贯彻落实党的二十大精神、习近平法治思想。现将2022年度法治政府建设情况报告如下:\n\n"
                         "一、以务求实效为目标,法治政府建设再踏新征程\n\n"
                         "(一)严格履行第一职责。县长多次听取法治政府建设工作汇报,亲自部署,对法治政府建设作出4次批示。"
                         "全面压实法治建设主体责任,推动年终述法与年终述职考核深度融合,落实第一责任人职责规定。\n\n"
                         "(二)全面提升法治思维。落实县政府常务会议学法制度,专题学习《中华人民共和国行政处罚法》等法律14次。\n")
    assert [section.role for section in doc.walk()] == ["measures", "duty", "measures"]
    assert not [d for d in validate(doc) if d.code in ("DP502", "DP506")]


# 沪崇府办发〔2017〕39号, 上海市崇明区高层建筑消防安全综合治理工作方案, 四、治理内容 and 附件2.
WORK_PLAN = """上海市崇明区高层建筑消防安全综合治理工作方案

一、治理内容

（三）安全疏散设施

1.疏散楼梯、安全出口数量、疏散楼梯间设置形式不符合标准；避难层（间）堆放杂物或擅自改变用途；避难区内穿越通风风管、排烟风管、电缆桥架和采用可燃材料包覆管道。

2.占用、堵塞、封闭疏散通道、安全出口；防火门损坏或构件缺失影响防火防烟功能；应急照明、疏散指示标志和楼层指示标识的设置位置、数量、照度等不符合标准。

3.疏散走道、楼梯间内部装修材料不符合标准。

（四）管道井

1.电缆井、管道井等管井未独立设置，井壁耐火极限达不到1.00h。

2.管道井内堆放杂物或占用，管井井壁、检查门破损，日常维护管理不到位。

附件2

建筑高度和建筑层数的计算方法

建筑高度的计算应符合下列规定：

1.建筑屋面为坡屋面时，建筑高度应为建筑室外设计地面至其檐口与屋脊的平均高度；

2.对于住宅建筑，设置在底部且室内高度不大于2.2m的自行车库、储藏室、敞开空间，可不计入建筑高度。

建筑层数应按建筑的自然层数计算，下列空间可不计入建筑层数：

1.室内顶板面高出室外设计地面的高度不大于1.5m的地下或半地下室；

2.设置在建筑底部且室内高度不大于2.2m的自行车库、储藏室、敞开空间；

3.建筑屋顶上突出的局部设备用房、出屋面的楼梯间等。
"""


def test_a_short_item_among_items_run_on_after_a_semicolon_is_no_empty_heading() -> None:
    """The last of the items of a list whose first clauses end with ； and run on is an item too,
    short as it is: no DP213 on ``3.疏散走道、楼梯间内部装修材料不符合标准。``."""
    assert "DP213" not in codes(WORK_PLAN)


def test_a_list_that_a_colon_announces_numbers_afresh() -> None:
    """A second list under the same heading, announced by a line of its own ending with a colon,
    starts at 1 again: no DP206 (the restart is the writer's, not a slip)."""
    assert "DP206" not in codes(WORK_PLAN)
    restarted = WORK_PLAN.replace("建筑层数应按建筑的自然层数计算，下列空间可不计入建筑层数：\n\n", "")
    assert "DP206" in codes(restarted)


def test_a_short_lead_sentence_alone_is_still_an_empty_heading() -> None:
    lines = WORK_PLAN.replace("3.疏散走道、楼梯间内部装修材料不符合标准。", "3.加强日常管理。")
    lines = lines.replace("不符合标准；避难层", "不符合标准。避难层")
    lines = lines.replace("安全出口；防火门", "安全出口。防火门")
    assert "DP213" in codes(lines)
