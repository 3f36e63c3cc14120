"""Metrics on lines of real documents docparse had not seen: PDF-extracted text with spaces, negative
figures, lists of figures that share one unit, labels of counted nouns, ordinals and footnotes. Each
sentence is copied from a public government document (a 法治政府建设 report, a statistical bulletin,
a grid operator's notice, a notice on plenary sessions)."""

from __future__ import annotations

import pytest

import docparse
from docparse.models import Metric


def metrics_of(sentence: str, title: str = "关于2022年度法治政府建设情况的报告") -> list[Metric]:
    """The metrics of one sentence placed in a measures section of a report."""
    return list(docparse.parse(f"{title}\n一、主要举措和成效\n{sentence}\n").metrics())


Row = tuple[str, float, str | None, str | None]


def rows(sentence: str, title: str = "关于2022年度法治政府建设情况的报告") -> list[Row]:
    """(raw, value, unit, label) of each metric of the sentence."""
    return [(m.raw, m.value, m.unit, m.label) for m in metrics_of(sentence, title)]


BULLETIN = "云和县2022年国民经济和社会发展统计公报"


# --- a figure parted from its unit by spaces (PDF-extracted text) -----------------------------------------

def test_a_figure_spaced_from_its_unit_is_read() -> None:
    found = rows("始终把学习贯彻习近平法治思想作为法治政府建设的首要任务,全年开展专题学习 18 次,"
                 "举办全县领导干部法治专题培训班 3 期,覆盖科级以上干部 680余人次。")
    assert [(raw, value, unit) for raw, value, unit, _ in found] == [
        ("18 次", 18, "次"), ("3 期", 3, "期"), ("680余人次", 680, "人次")]
    assert found[0][3] == "开展专题学习"
    assert [(raw, unit) for raw, _, unit, _ in rows(
        "制定《2025 年全县法治政府建设工作要点》,明确年度重点任务 56 项,逐项分解到责任单位。"
        "组织开展实地督察 2 轮,通报问题单位 7 个,约谈责任人 5 名。")] == [
        ("56 项", "项"), ("2 轮", "轮"), ("7 个", "个"), ("5 名", "名")]
    assert [(raw, unit) for raw, _, unit, _ in rows("研究列出118 项贯彻落实任务清单。")] == [("118 项", "项")]


def test_a_spaced_number_before_an_unrelated_word_is_none() -> None:
    """A heading's number before its title, a 发文字号, a year, an article: no figure."""
    text = ("某县应急预案\n1 总则\n3 组织体系\n3.1 领导机构\n"
            "依据国发 〔2011〕 35 号文件和第 3 条规定,2025 年全县开展工作。\n"
            "见 2　组织指挥体系。\n")
    assert [m.raw for m in docparse.parse(text).metrics()] == []


# --- negative figures ---------------------------------------------------------------------------------------

def test_a_natural_growth_rate_is_a_level_not_a_change() -> None:
    """stats-002 (a county's 统计公报): births less deaths per thousand is a level, as the birth and
    death rates before it are (it was a change of direction up, also where it is negative)."""
    rates = [m for m in metrics_of("全年出生人口4667人，出生率为9.56‰；死亡人口4083人，死亡率为8.36‰；"
                                   "人口自然增长率为1.2‰。", BULLETIN) if m.unit == "‰"]
    assert [(m.label, m.measure, m.direction) for m in rates] == [
        ("出生率", "level", None), ("死亡率", "level", None), ("人口自然增长率", "level", None)]
    [negative] = metrics_of("人口自然增长率为-3.19‰。", BULLETIN)
    assert (negative.value, negative.measure, negative.direction) == (-3.19, "level", None)


def test_a_negative_figure_keeps_its_sign_in_the_value_not_in_the_label() -> None:
    [rate] = metrics_of("全年全县出生人口为580人,死亡人口为939人,人口自然增长率为-3.19‰,"
                        "比上年下降3.18个千分点。", BULLETIN)[2:3]
    assert (rate.raw, rate.value, rate.unit, rate.label) == ("-3.19‰", -3.19, "‰", "人口自然增长率")
    [growth] = [m for m in metrics_of("牧业产值89081万元,增长-3.2%,渔业产值增长3.5%。", BULLETIN)
                if m.raw == "-3.2%"]
    assert (growth.value, growth.measure) == (-3.2, "change")
    [speed] = metrics_of("全年工业增速为−1.5%。", BULLETIN)
    assert (speed.value, speed.label) == (-1.5, "工业增速")


def test_a_dash_between_figures_is_a_range_not_a_sign() -> None:
    assert [(m.raw, m.value, m.value_high) for m in metrics_of("比例控制在10%-15%之间。")] == [
        ("10%-15%", 10, 15)]


def test_thousandths_points_are_a_unit() -> None:
    [_, change] = metrics_of("人口自然增长率为-3.19‰,比上年下降3.18个千分点。", BULLETIN)
    assert (change.raw, change.value, change.unit, change.measure) == (
        "3.18个千分点", 3.18, "个千分点", "change")


# --- lists of figures that share one unit ------------------------------------------------------------------

def test_figures_listed_before_one_unit_each_take_it() -> None:
    found = metrics_of("三次产业对经济增长的拉动贡献分别为0.15、-5.64、1.34个百分点;", BULLETIN)
    assert [(m.raw, m.value, m.unit) for m in found] == [
        ("0.15", 0.15, "个百分点"), ("-5.64", -5.64, "个百分点"), ("1.34个百分点", 1.34, "个百分点")]
    found = metrics_of("一产下降1.13个百分点,二产上升1.7个百分点,三产下降0.57个百分点。"
                       "第一、二、三产业分别拉动GDP增长2.74、1.96、5.1个百分点。",
                       "紫云自治县2021年国民经济和社会发展统计公报")
    assert [(m.value, m.unit, m.measure) for m in found[3:]] == [
        (2.74, "个百分点", "change"), (1.96, "个百分点", "change"), (5.1, "个百分点", "change")]
    found = metrics_of("高技术产业和装备制造业增加值同比分别增长12.3%和10.3%,"
                       "增速分别比规模以上工业快5.8和3.8个百分点。")
    assert [(m.raw, m.unit) for m in found[2:]] == [("5.8", "个百分点"), ("3.8个百分点", "个百分点")]
    assert "和" not in [m.label for m in found]


def test_a_shared_scale_and_unit_and_the_list_label() -> None:
    found = metrics_of("受寒潮天气影响,华北及京津唐电网负荷创冬季新高,最大负荷分别达到22153、5853万千瓦,"
                       "分别达到历史最大负荷。", "关于华北区域电力保供情况的公告")
    assert [(m.raw, m.value, m.unit, m.label) for m in found] == [
        ("22153", pytest.approx(2.2153e8), "千瓦", "最大负荷"),
        ("5853万千瓦", pytest.approx(5.853e7), "千瓦", "最大负荷")]


def test_a_list_of_levels_after_its_names_takes_them_in_turn() -> None:
    found = metrics_of("营业收入和利润总额分别完成4672.8亿元和512.4亿元,分别增长9.6%和29.1%。", BULLETIN)
    assert [m.label for m in found] == ["营业收入", "利润总额", "营业收入", "利润总额"]
    found = metrics_of("到2024年,全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%。")
    assert [m.label for m in found] == ["其他RCEP国家货物贸易", "对外投资", "实际利用外资"]


def test_age_bands_name_groups_and_label_the_counts() -> None:
    found = metrics_of("0-17岁、18-34岁、35-59岁、60岁及以上户籍人口"
                       "分别为18891人、19099人、48951人和25594人。", BULLETIN)
    assert [(m.raw, m.label) for m in found] == [
        ("18891人", "0-17岁"), ("19099人", "18-34岁"), ("48951人", "35-59岁"),
        ("25594人", "60岁及以上户籍人口")]


def test_a_decade_is_no_count_of_years() -> None:
    assert metrics_of("我区20世纪70、80年代建造的粮仓、拆迁小区闲置的地下车库存在风险。") == []


# --- a count before its noun -----------------------------------------------------------------------

def test_a_count_after_a_verb_is_labelled_by_the_noun_after_it() -> None:
    """湖南、湖北、安徽 reports on 法治政府建设, 2022."""
    assert [(m.raw, m.label) for m in metrics_of(
        "印发实施全国首个省级层面贯彻落实“一规划两纲要”的措施清单,明确916项具体措施,一体推进法治湖南。"
        "提请召开省委全面依法治省委员会第五次会议,确定54项年度重点工作任务。"
        "积极主动接受中央依法治国办第六督察组市县法治建设实地督察,扎实推动42个问题有效整改。")] == [
        ("916项", "具体措施"), ("54项", "年度重点工作任务"), ("42个", "问题")]
    assert [(m.raw, m.label) for m in metrics_of(
        "积极参与第二批全国法治政府建设示范创建活动,"
        "全省6个市县（项目）入选,数量并列全国第二。")] == [
        ("6个", "市县（项目）")]
    assert [(m.raw, m.label) for m in metrics_of("研究列出118 项贯彻落实任务清单。")] == [
        ("118 项", "贯彻落实任务清单")]


def test_a_count_of_actions_is_labelled_by_the_action() -> None:
    [count] = metrics_of("省长毛伟明带头履行推进法治建设第一责任人职责,"
                         "17次主持召开省政府党组会议、省政府常务会议。")
    assert (count.raw, count.label) == ("17次", "主持召开省政府党组会议")


def test_a_noun_before_the_count_stays_its_label() -> None:
    """A label of more than a verb, or a predicate after the count, keeps the words before it."""
    assert [(m.raw, m.label) for m in metrics_of("明确年度重点任务 56 项,逐项分解到责任单位。")] == [
        ("56 项", "明确年度重点任务")]
    old, _ = metrics_of("注册农户从2020年的1.2万户增至2024年的3万户。")
    assert old.label == "注册农户"


# --- ordinals, slogans, document numbers, footnotes ----------------------------------------------------

def test_sessions_of_a_plenary_are_ordinals() -> None:
    """德阳 PPP notice: 七次, 十一次 are sessions, as 六次 and 十次 after 届 are."""
    assert metrics_of("深入贯彻党的十八大、十八届五中全会和省委十届六次、七次全会,"
                      "市委七届十次、十一次全会精神,深化投融资体制改革。") == []
    assert [m.raw for m in metrics_of("全年召开3次全体会议。")] == ["3次"]


def test_a_slogan_glossed_after_its_count_is_no_metric() -> None:
    """吉安 notice on 政务公开."""
    assert metrics_of("通过政务公开,实现一个总体目标:即构架高效廉洁的政务运行体系;达到二个加强:"
                      "即加强社会主义民主建设和党风廉政建设;建立三个良好机制:即方便群众的服务机制。") == []


def test_a_document_numbers_serial_is_no_metric() -> None:
    text = "湖北省人民政府關於印發湖北省市場準入負面清單的通知\n鄂政發〔2018〕26號\n各市、州人民政府:\n"
    assert list(docparse.parse(text).metrics()) == []


def test_a_footnotes_reference_is_not_in_the_label() -> None:
    """2022年国民经济和社会发展统计公报 (国家统计局)."""
    found = metrics_of("国民总收入[3]1197215亿元,比上年增长2.8%。全员劳动生产率[4]为152977元/人。",
                       "中华人民共和国2022年国民经济和社会发展统计公报")
    assert [m.label for m in found] == ["国民总收入", "国民总收入", "全员劳动生产率"]


def test_hundreds_scale_a_figure() -> None:
    [poultry, _] = metrics_of("年末家禽存栏51313百羽,同比下降33.88%。", BULLETIN)
    assert (poultry.value, poultry.unit) == (5131300, "羽")


def test_a_list_goes_on_across_its_change_words() -> None:
    """A county's statistical bulletin: two figures up, two down, four names in turn."""
    found = metrics_of("全年新能源新材料、烟花鞭炮、电子信息、有机（富硒）食品四大重点产业工业增加值"
                       "分别增长159.2%、0.7%和下降46.8%、60.8%,装备制造业增加值增长155.7%。", BULLETIN)
    assert [(m.label, m.direction) for m in found[:4]] == [
        ("新能源新材料", "up"), ("烟花鞭炮", "up"), ("电子信息", "down"),
        ("有机（富硒）食品四大重点产业工业增加值", "down")]
    [facilities] = metrics_of("全县建成222个村(社区)公共法律服务工作室。")
    assert facilities.label == "村(社区)公共法律服务工作室"


# --- the verb of reaching an amount (完成, 实现) is no label ----------------------------------------------

REPORT = "政府工作报告"


def labels(sentence: str, title: str = REPORT) -> list[tuple[str, str | None]]:
    """(raw, label) of each metric of the sentence."""
    return [(m.raw, m.label) for m in metrics_of(sentence, title)]


def test_an_indicator_before_its_reached_verb_is_the_label() -> None:
    """Area report of 2023 (范文 page) and 澄城县 2023 政府工作报告: 完成 between indicator and amount."""
    found = metrics_of("预计2023年,地区生产总值完成168.8亿元,同比下降2.3%;规模以上工业增加值完成14.2亿元,"
                       "同比下降26%。", REPORT)
    assert [(m.raw, m.label, m.subject) for m in found] == [
        ("168.8亿元", "地区生产总值", None), ("2.3%", "地区生产总值", None),
        ("14.2亿元", "规模以上工业增加值", None), ("26%", "规模以上工业增加值", None)]
    assert labels("生产总值完成125.13亿元、增长6%。固定资产投资完成70.04亿元。") == [
        ("125.13亿元", "生产总值"), ("6%", "生产总值"), ("70.04亿元", "固定资产投资")]


def test_the_area_and_time_before_a_reached_verb_are_no_label() -> None:
    """A 2025 quarterly release and an untitled county bulletin of 2022."""
    assert labels("前三季度全区实现社会消费品零售总额440.96亿元,同比增长4.1%。", BULLETIN) == [
        ("440.96亿元", "社会消费品零售总额"), ("4.1%", "社会消费品零售总额")]
    assert labels("国民经济全年实现地区生产总值(GDP)439.19亿元,按可比价格计算,比上年增长3.3%。",
                  BULLETIN) == [("439.19亿元", "地区生产总值(GDP)"), ("3.3%", "地区生产总值(GDP)")]
    assert labels("预计全年完成地区生产总值164亿元,增长4.5%。") == [
        ("164亿元", "地区生产总值"), ("4.5%", "地区生产总值")]


def test_a_sector_before_a_reached_verb_names_its_indicator() -> None:
    """A 2021 district bulletin in 万元 and the 2025 quarterly release: 第一产业实现增加值, 变压器累计实现."""
    assert labels("其中,第一产业增加值实现142303万元,同比增长7.2%;第二产业实现增加值730.64亿元。",
                  BULLETIN) == [("142303万元", "第一产业增加值"), ("7.2%", "第一产业增加值"),
                                ("730.64亿元", "第二产业增加值")]
    assert labels("其中:变压器累计实现2828.08万千伏安,增长44.9%;精制食用植物油实现产量303136吨,增长28.0%。",
                  BULLETIN) == [("2828.08万千伏安", "变压器"), ("44.9%", "变压器"),
                                ("303136吨", "精制食用植物油产量"), ("28.0%", "精制食用植物油产量")]


def test_a_reached_verb_after_an_adverb_or_a_verb_keeps_its_clause_apart() -> None:
    """国务院 2016 政府工作报告 and a 2015 notice: 基本完成, 并实际完成; 已编制完成 is no indicator."""
    assert labels("各方配合基本完成裁减军队员额30万任务。") == [("30万", "裁减军队员额")]
    assert labels("目前,已编制完成300平方米以下个体工商户餐馆、药品零售店的办事指南。") == [
        ("300平方米以下", "个体工商户餐馆")]
    assert labels("完成率95.8%。") == [("95.8%", "完成率")]


def test_a_restated_amount_on_the_same_basis_keeps_its_indicator() -> None:
    """建宁县 2023 政府工作报告 and the 2025 quarterly release: 同口径 is a baseline, not a label."""
    assert labels("地方一般公共预算收入3.5亿元,自然增幅2%,同口径完成3.67亿元,增幅6.1%。")[2] == (
        "3.67亿元", "地方一般公共预算收入")
    found = metrics_of("前三季度全区实现一般公共预算收入70.11亿元,同口径下降19.4%。", BULLETIN)
    assert [(m.raw, m.label, m.baseline, m.direction) for m in found] == [
        ("70.11亿元", "一般公共预算收入", None, None), ("19.4%", "一般公共预算收入", "同口径", "down")]


def test_a_change_against_a_named_year_is_a_change() -> None:
    """渑池县 2022 统计公报: 增速比2021年减低2.2个百分点."""
    (rate,) = metrics_of("增速比2021年减低2.2个百分点。", BULLETIN)
    assert (rate.measure, rate.direction, rate.baseline, rate.label) == ("change", "down", "2021年", "增速")


# --- sessions of a congress, slogans of numbered items ---------------------------------------------------

def test_the_session_of_a_congress_is_no_count() -> None:
    """马鞍山 2016, 上海 2024 and 国务院 2022 (traditional) reports: 人大四次会议 is the fourth session."""
    assert metrics_of("较好地完成了市十五届人大四次会议确定的主要目标任务。", REPORT) == []
    assert metrics_of("上海市第十六届人大二次会议1月23日上午在世博中心开幕。", REPORT) == []
    assert metrics_of("國務院總理李克強代表國務院,向十三屆全國人大五次會議作政府工作報告。", REPORT) == []
    assert [m.raw for m in metrics_of("全年召开三次会议。", REPORT)] == ["三次"]


def test_a_quoted_slogan_of_numbered_items_is_no_metric() -> None:
    """A 2021 district bulletin: a work idea of ten numbered four-character items."""
    assert metrics_of("全区按照区委六届二十四次全会提出的“一城引领、两业支撑、三大机遇、四区定位、"
                      "五个振兴、六个坚持、七种能力、八个之路、九大指标、十件实事”工作思路,"
                      "坚持稳中求进工作总基调。", BULLETIN) == []


# --- a list of modifiers that share one head noun ---------------------------------------------------------

def test_modifiers_listed_before_one_head_noun_each_name_a_figure() -> None:
    """澄城县 2023 政府工作报告 and 渑池县 2022 统计公报: 城镇、农村居民… and 轻、重工业占比."""
    assert labels("城镇、农村居民人均可支配收入达到38381元、15187元,分别增长4.9%、6.8%。") == [
        ("38381元", "城镇居民人均可支配收入"), ("15187元", "农村居民人均可支配收入"),
        ("4.9%", "城镇居民人均可支配收入"), ("6.8%", "农村居民人均可支配收入")]
    assert labels("规模以上工业中,轻、重工业占比分别为30.6%和69.4%。", BULLETIN) == [
        ("30.6%", "轻工业占比"), ("69.4%", "重工业占比")]


def test_names_listed_in_full_keep_their_own_words() -> None:
    """A list whose first names are no modifiers of the last keeps them as written."""
    assert labels("企业、个体工商户分别为3866个和9161个。") == [("3866个", "企业"), ("9161个", "个体工商户")]


# --- traditional script, restated amounts, notes in a label ----------------------------------------------

def test_a_label_in_traditional_script_loses_its_change_words() -> None:
    """马鞍山市 2016 政府工作报告 (traditional): 增長 is 增长 and 實現 实现; the change takes the label
    before it."""
    assert labels("預計,全市實現地區生產總值1360億元,增長9.4%;財政收入210億元,增長3.6%。") == [
        ("1360億元", "地區生產總值"), ("9.4%", "地區生產總值"),
        ("210億元", "財政收入"), ("3.6%", "財政收入")]


def test_an_amount_reached_after_a_crossed_bound_keeps_the_indicator() -> None:
    """柳林县 2022 工作回顾 and a 文库 city report: 突破400亿元大关,达到417亿元; 跨越 bounds as 突破 does."""
    found = metrics_of("我县地区生产总值突破400亿元大关,达到417亿元,净增110.8亿元,同比(下同)增长9.4%。",
                       REPORT)
    assert [(m.raw, m.label, m.qualifier, m.measure) for m in found] == [
        ("突破400亿元", "我县地区生产总值", "lower_bound", "level"),
        ("417亿元", "我县地区生产总值", "exact", "level"),
        ("110.8亿元", "我县地区生产总值", "exact", "change"),
        ("9.4%", "我县地区生产总值", "exact", "change")]
    assert [(m.raw, m.qualifier) for m in metrics_of("地区生产总值跨越5000亿元。", REPORT)] == [
        ("跨越5000亿元", "lower_bound")]


def test_a_total_after_its_parts_keeps_no_label_of_a_part() -> None:
    """A county bulletin: 合计1449人 is the total, not 聘用卫技人员 again."""
    found = metrics_of("县直单位现有在编人员685人,大集体人员27人,聘用卫技人员737人,合计1449人。", BULLETIN)
    assert found[-1].raw == "1449人" and found[-1].label != "聘用卫技人员"


# --- 争取 in a review says what was obtained --------------------------------------------------------------

def test_funds_obtained_in_a_review_are_no_target() -> None:
    """澄城县 2023 政府工作报告, 2022年工作回顾: 争取上级财力性转移资金13.6亿元 was obtained."""
    (obtained,) = metrics_of("争取上级财力性转移资金13.6亿元。", REPORT)
    assert not obtained.is_target
    text = f"{REPORT}\n一、2022年工作回顾\n发行专项债券4.72亿元。\n二、2023年工作安排\n争取国投资金20亿元。\n"
    assert [(m.raw, m.is_target) for m in docparse.parse(text).metrics()] == [
        ("4.72亿元", False), ("20亿元", True)]
    assert metrics_of("县级领导力争引进项目40个。", REPORT)[0].is_target


def test_the_bracket_that_opens_a_list_of_parts_is_no_part_of_a_label() -> None:
    """武汉市教育局 2023 建议提案办理: 34件(主办10件、承办4件、会办20件)."""
    assert labels("其中市代表建议34件(主办10件、承办4件、会办20件)。", REPORT) == [
        ("34件", "市代表建议"), ("10件", "主办"), ("4件", "承办"), ("20件", "会办")]


def test_a_place_in_a_ranking_list_is_no_count() -> None:
    """长沙县 2023 政府工作报告 and a 文库 city report: 全国10强, 世界上市公司500强."""
    assert metrics_of("跻身服务业全国10强。三一重工跻身世界上市公司500强;全县荣获中国质量奖提名奖2个。",
                      REPORT)[0].raw == "2个"
    assert labels("我县实现地区生产总值100亿元。") == [("100亿元", "地区生产总值")]


def test_a_gloss_in_brackets_after_an_amount_is_no_label() -> None:
    """A 文库 city report: 地区生产总值跨越5000亿元,达5600亿元(预计数,下同)."""
    assert labels("地区生产总值跨越5000亿元,达5600亿元(预计数,下同),增长14%以上。") == [
        ("跨越5000亿元", "地区生产总值"), ("5600亿元", "地区生产总值"), ("14%以上", "地区生产总值")]


def test_a_count_after_a_preposition_or_a_verb_of_giving_is_labelled_by_the_noun_after_it() -> None:
    """湖南省 (2021): ``组织对2个市州和4个省直部门开展了法治政府建设实地督察`` labelled 2个 ``组织对``;
    嘉善县 (2022): ``对法治政府建设作出4次批示`` labelled 4次 ``对法治政府建设作出``."""
    assert [(m.raw, m.label) for m in metrics_of(
        "按照中央依法治国办部署,组织对2个市州和4个省直部门开展了法治政府建设实地督察。")] == [
        ("2个", "市州"), ("4个", "省直部门")]
    assert [(m.raw, m.label) for m in metrics_of(
        "县长多次听取法治政府建设工作汇报,亲自部署,对法治政府建设作出4次批示。")] == [("4次", "批示")]
    [total] = metrics_of("全市共有法律援助机构12个。")  # nothing after the count: the words before it
    assert total.label.endswith("法律援助机构")
