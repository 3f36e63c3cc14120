"""Metrics of statistical bulletins and work reports docparse had not seen (round 18): the lines are
real (汉滨区 政府工作报告 2025, a 湖南 county's and another county's 2021 bulletins, …) unless marked
as made up."""

from __future__ import annotations

import docparse
from docparse.models import Metric


def metrics_of(text: str) -> list[Metric]:
    return list(docparse.parse(text).metrics())


# --- the year a section's text opens with -----------------------------------------------------------------

HANBIN = (
    "汉滨区2025年政府工作报告\n"
    "各位代表:\n"
    "现在,我代表区人民政府向大会报告工作,请予审议。\n"
    "一、过去一年工作回顾\n"
    "2024年,我们紧扣高质量发展主题,实现地区生产总值440.5亿元、增长5.4%,固定资产投资增长6.5%。\n"
    "(一)坚持项目支撑、招商赋能,经济基础更加坚实。深化“四个一批”项目管理,158个重点项目完成投资189.4亿元。"
    "争取上级转移支付31.8亿元、专项资金25.8亿元。\n"
    "二、2025年工作安排\n"
    "地区生产总值增长6%左右。\n")


def test_a_review_section_that_opens_with_its_year_gives_its_subsections_that_period() -> None:
    """The report is titled 2025; its review opens with 2024年: the figures of its subsections are
    2024's (they were the title's 2025), the plans 2025's."""
    periods = {m.raw: m.period for m in metrics_of(HANBIN)}
    assert periods == {"440.5亿元": "2024", "5.4%": "2024", "6.5%": "2024", "158个": "2024",
                       "189.4亿元": "2024", "31.8亿元": "2024", "25.8亿元": "2024", "6%左右": "2025"}


def test_a_bulletin_that_opens_with_its_year_is_that_year_s() -> None:
    """``2021年是…之年`` opens an untitled bulletin as ``2021年,…`` does (its figures had no period)."""
    text = ("2021年是中国共产党成立一百周年的关键之年,全县经济稳中有进,实现了“十四五”良好开局。\n"
            "一、综合\n"
            "初步核算,全年地区生产总值[2]394.6亿元,比上年增长8.1%。其中,第一产业增加值93.5亿元,增长6.6%。\n")
    metrics = metrics_of(text)
    assert [m.raw for m in metrics] == ["394.6亿元", "8.1%", "93.5亿元", "6.6%"]
    assert {m.period for m in metrics} == {"2021"}


# --- one name that 、 joins -------------------------------------------------------------------------------

def bulletin_labels(line: str) -> list[tuple[str, str | None]]:
    return [(m.raw, m.label) for m in metrics_of(f"2025年,全省工业生产平稳。\n一、工业\n{line}\n")]


def test_an_industry_whose_name_a_list_mark_joins_is_one_label() -> None:
    """国家统计局 2016 and a province's 2025 bulletin: the industry is named in full (was
    ``燃气及水生产和供应业``, ``通信和其他电子设备制造业``)."""
    assert bulletin_labels("分三大门类看,采矿业增加值同比下降0.4%,制造业增长6.9%,"
                           "电力、热力、燃气及水生产和供应业增长4.3%。") == [
        ("0.4%", "采矿业增加值"), ("6.9%", "制造业"), ("4.3%", "电力、热力、燃气及水生产和供应业")]
    assert bulletin_labels("医药制造业同比增长10.4%;计算机、通信和其他电子设备制造业同比增长34.2%。") == [
        ("10.4%", "医药制造业"), ("34.2%", "计算机、通信和其他电子设备制造业")]
    # corpus stats-002: with the verb of reaching
    assert bulletin_labels("广播、电视、电影和录音制作业实现营业收入1181.3万元,同比增长134.9%。") == [
        ("1181.3万元", "广播、电视、电影和录音制作业营业收入"),
        ("134.9%", "广播、电视、电影和录音制作业营业收入")]
    # examples/004 (a 政府工作报告): a list of actions is none; corpus stats-002: nor a bracket or a heading
    assert bulletin_labels("推行简政放权,共取消、下放和合并行政职权事项47项。") == [
        ("47项", "下放和合并行政职权事项")]
    assert bulletin_labels("取得高级职称156人（正高职称15人、副高职称141人）、中级职称713人。") == [
        ("156人", "取得高级职称"), ("15人", "正高职称"), ("141人", "副高职称"), ("713人", "中级职称")]


def test_names_of_their_own_before_a_figure_keep_the_last_label() -> None:
    """Made up: a list of long names, or one without 和/及, is no single name."""
    assert bulletin_labels("深化国有企业改革、扩大开放和创新驱动取得成效,投资增长5%。") == [("5%", "投资")]
    assert bulletin_labels("钢材、水泥产量增长3%。") == [("3%", "水泥产量")]


def test_城_乡_before_one_head_noun_label_each_figure() -> None:
    """涪城区 2019 targets: were ``城`` and ``乡居民人均可支配收入``."""
    text = "关于2019年工作的报告\n一、工作安排\n城、乡居民人均可支配收入分别增长8%、9%。\n"
    assert [(m.raw, m.label) for m in metrics_of(text)] == [
        ("8%", "城居民人均可支配收入"), ("9%", "乡居民人均可支配收入")]
    traditional = "关于2019年工作的报告\n一、工作安排\n城、鄉居民人均可支配收入分別增長8%、9%。\n"
    assert [(m.raw, m.label) for m in metrics_of(traditional)] == [
        ("8%", "城居民人均可支配收入"), ("9%", "鄉居民人均可支配收入")]


# --- how a figure was computed is no label ------------------------------------------------------------------

def test_how_a_figure_was_computed_is_no_label() -> None:
    """A county's 2021 bulletin: the dollars converted at the year's average rate and the change after
    them are 人均GDP's (were labelled ``按年平均汇率折算``); 国家统计局 2016: the method after the name
    goes (was ``全国规模以上工业增加值按可比价格计算``); 漳州 2010 targets: 实际 goes (was
    ``城鎮居民人均可支配收入實際``)."""
    assert bulletin_labels("按户籍人口计算,人均GDP为63525元(按年平均汇率折算为9847美元),同比增长8.7%。") == [
        ("63525元", "人均GDP"), ("9847美元", "人均GDP"), ("8.7%", "人均GDP")]
    assert bulletin_labels("前三季度,全国规模以上工业增加值按可比价格计算同比增长6.0%。") == [
        ("6.0%", "全国规模以上工业增加值")]
    assert bulletin_labels("城鎮居民人均可支配收入實際增長8%,農民人均純收入實際增長7%。") == [
        ("8%", "城鎮居民人均可支配收入"), ("7%", "農民人均純收入")]


# --- the end of a word before a figure ----------------------------------------------------------------------

def review_metrics(sentence: str) -> list[tuple[str, str, bool]]:
    text = f"关于2024年工作的报告\n一、主要工作\n{sentence}\n"
    return [(m.raw, m.qualifier, m.is_target) for m in metrics_of(text)]


def test_the_约_of_签约_qualifies_no_figure() -> None:
    """汉滨区 2025: 亿元以上 names the projects, and 签约 is a word (was a metric 约亿元以上,
    1亿元 approx)."""
    assert review_metrics("区级领导带队招商考察32次,拜访目标企业150家,"
                          "签约亿元以上项目27个、投资规模112亿元。") == [
        ("32次", "exact", False), ("150家", "exact", False), ("27个", "exact", False),
        ("112亿元", "exact", False)]
    assert review_metrics("签约12个项目,近万家企业受益。") == [
        ("12个", "exact", False), ("近万家", "approx", False)]


def test_a_label_that_ends_in_节约_keeps_its_约() -> None:
    """stats18's audit (a 政府工作报告's 节约3万元 was labelled 节): the 约 of 节约 is no qualifier
    the label ends with; 达到约 still loses its trail."""
    text = "关于2024年工作的报告\n一、主要工作\n通过集中采购节约3万元,政务服务事项达到约1200项。\n"
    assert [(m.raw, m.label) for m in metrics_of(text)] == [
        ("3万元", "通过集中采购节约"), ("约1200项", "政务服务事项")]


def test_目标企业_is_no_target() -> None:
    """汉滨区 2025: the firms a 招商 team visits (拜访目标企业150家 was a target); 目标 still makes one."""
    assert review_metrics("拜访目标企业150家,力争完成目标120家。") == [
        ("150家", "exact", False), ("120家", "exact", True)]


# --- the parts a text is arranged in ----------------------------------------------------------------------

def test_the_count_of_a_text_s_parts_is_no_metric() -> None:
    """新华社 on the 2018 and 2023 reports, 涪城区 2019: 共分三部分 was a metric 3部 labelled 分, 两个部分
    2个, 五個方面 5个."""
    text = ("报告共分三部分:一,、过去五年工作回顾。报告共分两个部分:一、过去一年和五年工作回顾。"
            "鄧輝從五個方面對過去一年的工作進行了全面回顧。部分地区增长5%。")
    assert [(m.raw, m.label) for m in metrics_of(text)] == [("5%", "部分地区")]


def test_what_a_count_of_parts_heads_is_labelled_by_the_noun_after_its_figure() -> None:
    """闵行区 2018 法治政府建设年度报告: 21个 was labelled 将法治政府建设内容细分为七方面."""
    text = ("关于2018年法治政府建设情况的报告\n一、主要举措\n"
            "制定了《2018年闵行区法治政府建设工作要点与责任分工》,将法治政府建设内容细分为七方面21个要点,既涵盖区政府层面的组织协调。\n")
    assert [(m.raw, m.label) for m in metrics_of(text)] == [("21个", "要点")]


def test_十种有色金属_is_a_product_not_a_count() -> None:
    """A province's 2025 industry bulletin: 十种 was a metric (10种, labelled 钢材)."""
    assert bulletin_labels("在原材料类产品中,钢材增长7.8%,十种有色金属增长18.0%。") == [
        ("7.8%", "钢材"), ("18.0%", "十种有色金属")]


# --- a note's reference inside a label; a share after an amount ------------------------------------------

def test_a_note_s_reference_inside_a_label_goes() -> None:
    """蚌埠 2024 bulletin: was ``第三產業[3]增加值``."""
    assert bulletin_labels("其中,第一产业增加值287亿元,增长2.2%;第三產業[3]增加值1311.9億元,增長5.2%。") == [
        ("287亿元", "第一产业增加值"), ("2.2%", "第一产业增加值"),
        ("1311.9億元", "第三產業增加值"), ("5.2%", "第三產業增加值")]


def test_a_share_after_an_amount_is_the_amount_s() -> None:
    """A 湖南 county's 2021 bulletin: both shares were labelled ``占``."""
    assert bulletin_labels("全县常住人口中,男性人口28.07万人,占50.79%;女性人口27.2万人,占49.21%。") == [
        ("28.07万人", "男性人口"), ("50.79%", "男性人口"), ("27.2万人", "女性人口"), ("49.21%", "女性人口")]


# --- a heading of targets -------------------------------------------------------------------------------

def test_the_figures_under_a_heading_of_targets_are_targets_in_either_script() -> None:
    """新华社's summary of the 2018 report (traditional script): the figures under 二、2018年發展主要預期目標
    were no targets, and 過去五年工作成績 was no review."""
    text = ("關於2018年工作的報告\n一、過去五年工作成績\n1、國內生產總值從54萬億元增加到82.7萬億元。\n"
            "二、2018年發展主要預期目標\n1、國內生產總值增長6.5%左右。\n2、城鎮新增就業1100萬人以上。\n")
    document = docparse.parse(text)
    assert [section.role for section in document.sections] == ["measures", "plans"]
    assert [(m.raw, m.is_target) for m in document.metrics()] == [
        ("54萬億元", False), ("82.7萬億元", False), ("6.5%左右", True), ("1100萬人以上", True)]
    simplified = ("关于2018年工作的报告\n一、工作回顾\n国内生产总值增长7%。\n"
                  "二、主要预期目标\n国内生产总值增长6.5%左右。\n")
    assert [(m.raw, m.is_target) for m in docparse.parse(simplified).metrics()] == [
        ("7%", False), ("6.5%左右", True)]


# --- an age heading a table's row -----------------------------------------------------------------------

def test_an_age_heading_a_flattened_table_s_row_is_a_group() -> None:
    """A county's 2021 bulletin saved as text (表1 户籍人口数及构成): 18-34岁, 35-59岁 and 60岁及以上
    were metrics; an age with no cell after it still is one."""
    rows = "其中:0-17岁 | 220968 | 26.53 |\n18-34岁 | 189574 | 22.76 |\n60岁及以上 | 125606 | 15.08 |\n"
    assert bulletin_labels(rows + "退休年龄为60岁 。") == [("60岁", "退休年龄")]


# --- examples before a count --------------------------------------------------------------------------------

def test_the_noun_after_a_count_names_it_when_examples_end_in_等_before_it() -> None:
    """汉滨区 2025: 99个 was labelled 柏润高端制袜, one of the examples."""
    text = ("关于2024年工作的报告\n一、主要工作\n158个重点项目完成投资189.4亿元,"
            "垃圾焚烧发电、柏润高端制袜等99个项目建成投用,新谋划重点项目630个。表彰张三等5人。\n")
    assert [(m.raw, m.label) for m in metrics_of(text)] == [
        ("158个", "重点项目"), ("189.4亿元", "重点项目投资"), ("99个", "项目"), ("630个", "新谋划重点项目"),
        ("5人", "表彰张三")]
    # corpus notice-034: a longer run after the count says what they did; the first example stays
    text = ("关于2019年工作的报告\n一、主要工作\n双桥河合肥市控制单元等40个单元由Ⅳ类升为Ⅲ类;"
            "竹皮河荆门市控制单元等4个单元氨氮、总磷浓度下降。\n")
    assert [(m.raw, m.label) for m in metrics_of(text)] == [
        ("40个", "双桥河合肥市控制单元"), ("4个", "竹皮河荆门市控制单元")]


# --- a gap against what a figure is compared with ---------------------------------------------------------

def test_a_gap_in_points_is_a_change_against_what_it_is_compared_with() -> None:
    """大庆 2014 数据解析 and 茅箭区 2025 经济专报: 高于全市平均水平4个百分点 was a level labelled
    高于全市平均水平; 低于全区工业增加值增速9个百分点 a change up against 同比."""
    text = ("2014年,全市经济平稳。\n一、农业\n全市第一产业实现增加值185亿元,同比增长8.5%,"
            "增速比上年提高1.5个百分点,高于全市平均水平4个百分点。煤炭行业1-4月累计完成增加值2.1亿元,"
            "同比下降12.2%,低于全区工业增加值增速9个百分点。失业率低于3%。\n")
    gaps = [(m.raw, m.label, m.measure, m.direction, m.baseline) for m in metrics_of(text)
            if m.raw in ("4个百分点", "9个百分点", "低于3%")]
    assert gaps == [("4个百分点", "增速", "change", "up", "全市平均水平"),
                    ("9个百分点", "煤炭行业1-4月增加值", "change", "down", "全区工业增加值增速"),
                    ("低于3%", "失业率", "level", None, None)]


def test_an_estimate_or_a_target_word_is_no_part_of_a_label() -> None:
    """Made up in the shape of every 政府工作报告's review and plans: 预计 and 力争 are taken off."""
    text = ("某区2025年政府工作报告\n一、2024年工作回顾\n预计全年地区生产总值增长5%左右。\n"
            "二、2025年工作安排\n力争新开工亿元以上项目50个。\n")
    assert [(m.raw, m.label, m.period, m.is_target) for m in metrics_of(text)] == [
        ("5%左右", "地区生产总值", "2024", False), ("50个", "新开工亿元以上项目", "2025", True)]


def test_a_work_report_s_review_of_the_year_before_is_that_year_s() -> None:
    """Made up in the shape of 汉滨区 2025 without its opening year: a section titled 过去一年工作回顾
    of a 2025 report reports 2024 (its figures were 2025's)."""
    text = ("某区2025年政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
            "一、过去一年工作回顾\n过去一年，全区地区生产总值增长5.5%。\n"
            "（一）坚持项目支撑。158个重点项目完成投资189.4亿元。\n二、2025年工作安排\n地区生产总值增长6%左右。\n")
    assert [(m.raw, m.period) for m in metrics_of(text)] == [
        ("5.5%", "2024"), ("158个", "2024"), ("189.4亿元", "2024"), ("6%左右", "2025")]


def test_a_radio_module_is_a_unit() -> None:
    """The national 2025 bulletin: 536.4萬射頻模塊 had no unit."""
    metrics = metrics_of("2025年,全国经济平稳。\n一、工业\n移動通信基站設備產量536.4萬射頻模塊,增長13.5%。\n")
    assert [(m.raw, m.unit, m.value) for m in metrics][:1] == [("536.4萬射頻模塊", "射频模块", 5364000.0)]
