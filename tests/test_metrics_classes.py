"""Metrics on real sentences, one group per class of error: open units, compound units, scales after
多, ranges, 从A到B, qualifiers across words and negation, level or change, Chinese numerals, what is
never a metric, labels. The sentences are from the development corpus (statistical bulletin
stats-002, 政府工作报告 gzbg-003, notices and plans) unless marked as made up."""

from __future__ import annotations

import pytest

import docparse
from docparse.models import Metric

from .conftest import FIXTURES


def metrics_of(sentence: str) -> list[Metric]:
    """The metrics of one sentence placed in a measures section of a report about 2022."""
    text = f"关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n{sentence}\n"
    return list(docparse.parse(text).metrics())


def by_raw(sentence: str) -> dict[str, Metric]:
    return {metric.raw: metric for metric in metrics_of(sentence)}


Expected = tuple[str, float, float | None, str | None, str, str, str | None]
"""raw, value, value_high, unit, qualifier, measure, label."""


def assert_metrics(sentence: str, expected: list[Expected]) -> None:
    found = [(m.raw, m.value, m.value_high, m.unit, m.qualifier, m.measure, m.label)
             for m in metrics_of(sentence)]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected, strict=True):
        assert got[0] == want[0] and got[1] == pytest.approx(want[1]), (got, want)
        assert got[2:] == want[2:] if want[6] is not None else got[2:6] == want[2:6], (got, want)


# --- 1. units as an open class ---------------------------------------------------------------------------

def test_counters_of_animals_are_units() -> None:
    assert_metrics("年末生猪存栏39.8万头,生猪出栏64.9万头;年末家禽存笼188.7万羽,家禽出笼336.5万羽。", [
        ("39.8万头", 398000, None, "头", "exact", "level", "年末生猪存栏"),
        ("64.9万头", 649000, None, "头", "exact", "level", "生猪出栏"),
        ("188.7万羽", 1887000, None, "羽", "exact", "level", "年末家禽存笼"),
        ("336.5万羽", 3365000, None, "羽", "exact", "level", "家禽出笼"),
    ])


def test_a_counter_outside_the_lexicon_is_read_by_its_place() -> None:
    """Made up: 站 and 档 are no units the lexicon knows; before 、 or a comma they count."""
    assert [(m.raw, m.unit) for m in metrics_of("新建充电站12站、换电站3站,分为5档,位于3号楼。")] == [
        ("12站", "站"), ("3站", "站"), ("5档", "档")]


def test_a_unit_that_begins_with_a_scale_is_a_unit() -> None:
    metrics = by_raw("农业机械总动力33.7万千瓦,锅炉压力3千帕。")  # the second clause made up
    assert (metrics["33.7万千瓦"].value, metrics["33.7万千瓦"].unit) == (pytest.approx(337000), "千瓦")
    assert (metrics["3千帕"].value, metrics["3千帕"].unit) == (3, "千帕")


# --- 2. compound units ------------------------------------------------------------------------------------

def test_compound_units_keep_both_parts_and_scale_the_numerator() -> None:
    metrics = by_raw("全县全年全社会能源消费总量50.3万吨标准煤,比上年增长5.6%;"
                     "万元GDP能耗0.21吨标准煤/万元,增长0.3%。")
    total = metrics["50.3万吨标准煤"]
    assert (total.value, total.unit) == (pytest.approx(503000), "吨标准煤")
    assert (metrics["0.21吨标准煤/万元"].value, metrics["0.21吨标准煤/万元"].unit) == (0.21, "吨标准煤/万元")
    metrics = by_raw("全年公路汽车客运量294.6万人,旅客周转量14435.4万人/公里,货运量3525万吨,"
                     "货运周转量334925万吨公里。")
    assert metrics["334925万吨公里"].unit == "吨公里"
    assert metrics["334925万吨公里"].value == pytest.approx(3.34925e9)
    made_up = by_raw("补助标准为3.5万元/户,门诊量96人次/日,PM2.5平均浓度38微克/立方米。")
    assert (made_up["3.5万元/户"].value, made_up["3.5万元/户"].unit) == (35000, "元/户")
    assert made_up["96人次/日"].unit == "人次/日"
    assert made_up["38微克/立方米"].unit == "微克/立方米"


# --- 3. scales after 多, and the rest below a scale --------------------------------------------------------

def test_both_scales_apply_around_duo() -> None:
    metric = by_raw("累计减税超过2万亿元,加上采取小微企业税收优惠、清理各种收费等措施,"
                    "共减轻市场主体负担3万多亿元。")
    assert (metric["3万多亿元"].value, metric["3万多亿元"].unit, metric["3万多亿元"].qualifier) == (
        pytest.approx(3e12), "元", "approx")
    assert by_raw("完成投资5千多万元。")["5千多万元"].value == pytest.approx(5e7)  # made up


def test_the_rest_below_a_scale() -> None:
    metrics = by_raw("日均新设企业由5千多户增加到1万6千多户。")
    assert metrics["1万6千多户"].value == pytest.approx(16000)
    assert by_raw("出境旅游人次由8300万增加到1亿3千多万。")["1亿3千多万"].value == pytest.approx(1.3e8)


# --- 4. ranges --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "raw", "low", "high", "unit"), [
    ("利用2-3年时间,基本建成统一的数字政府平台。", "2-3年", 2, 3, "年"),
    ("每个检查组2至4人。", "2至4人", 2, 4, "人"),  # made up
    ("整改期限为10—15天。", "10—15天", 10, 15, "天"),  # made up
])
def test_a_range_is_one_metric_with_its_high_end(sentence: str, raw: str, low: float, high: float,
                                                  unit: str) -> None:
    metric = by_raw(sentence)[raw]
    assert (metric.value, metric.value_high, metric.unit, metric.qualifier) == (low, high, unit, "range")


# --- 5. from A to B ---------------------------------------------------------------------------------------

def test_from_a_to_b_gives_the_new_level_its_baseline_and_change() -> None:
    old, new = metrics_of("国内生产总值从54万亿元增加到82.7万亿元,年均增长7.1%。")[:2]
    assert (old.label, new.label) == ("国内生产总值", "国内生产总值")
    assert (new.measure, new.direction, new.baseline_value) == ("level", "up", pytest.approx(5.4e13))
    assert new.change_value == pytest.approx(2.87e13)
    old, new = metrics_of("贫困人口减少6800多万,易地扶贫搬迁830万人,贫困发生率由10.2%下降到3.1%。")[-2:]
    assert (old.label, new.label, new.direction) == ("贫困发生率", "贫困发生率", "down")
    assert (new.baseline_value, new.change_value, new.unit) == (10.2, pytest.approx(-7.1), "%")


def test_from_a_to_b_with_their_own_years() -> None:
    """Made up (the form of the issue): each figure keeps its own year."""
    old, new = metrics_of("注册农户从2020年的1.2万户增至2024年的3万户。")
    assert (old.label, old.period, old.value) == ("注册农户", "2020", 12000)
    assert (new.label, new.period, new.baseline, new.change_value) == ("注册农户", "2024", "2020年", 18000)


def test_no_label_ends_in_cong_or_you() -> None:
    for sentence in ("城镇化率从52.6%提高到58.5%,8000多万农业转移人口成为城镇居民。",
                     "消费贡献率由54.9%提高到58.8%。"):
        assert all(m.label and not m.label.endswith(("从", "由", "年")) for m in metrics_of(sentence))


# --- 6. qualifiers across words and negation ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "raw", "qualifier"), [
    ("在新址与旧址之间进行至少1年的对比观测。", "至少1年", "lower_bound"),
    ("组织发布不少于100场群众文化艺术辅导。", "不少于100场", "lower_bound"),
    ("公示期不少于五个工作日。", "不少于五个工作日", "lower_bound"),
    ("规模以上工业统计范围为年主营业务收入2000万元及以上的工业企业。", "2000万元及以上", "lower_bound"),
    ("走私、贩卖、运输、制造鸦片不满二百克的。", "不满二百克", "upper_bound"),
    ("每个站点至少配备2名专职人员。", "2名", "lower_bound"),  # made up from here
    ("通道宽度不得低于3.5米。", "不得低于3.5米", "lower_bound"),
    ("单次会议时长最迟不超过2小时。", "不超过2小时", "upper_bound"),
    ("每批最多不超过5人。", "不超过5人", "upper_bound"),
    ("单笔金额不得超过5万元。", "不得超过5万元", "upper_bound"),
    ("服务上百万人次。", "上百万人次", "approx"),
    ("惠及近万家企业。", "近万家", "approx"),
])
def test_qualifier_across_words(sentence: str, raw: str, qualifier: str) -> None:
    assert by_raw(sentence)[raw].qualifier == qualifier


def test_a_bound_after_a_fenbie_list_applies_to_every_figure() -> None:
    """Made up: 以下 applies to both ages."""
    metrics = metrics_of("男性、女性申请人年龄分别为60岁、55岁以下。")
    assert [(m.value, m.qualifier) for m in metrics] == [(60, "upper_bound"), (55, "upper_bound")]


# --- 7. level, change, target ------------------------------------------------------------------------------

def test_change_words() -> None:
    metrics = by_raw("五年来,居民消费价格年均上涨1.9%。")
    assert (metrics["1.9%"].measure, metrics["1.9%"].direction, metrics["1.9%"].label) == (
        "change", "up", "居民消费价格")
    share = by_raw("非公有制经济实现增加值188.99亿元,增长6.3%,占GDP的比重为72.0%。")["72.0%"]
    assert share.measure == "level"
    target = by_raw("经济增长目标为6%左右。")["6%左右"]  # made up
    assert (target.measure, target.is_target, target.qualifier) == ("change", True, "approx")


def test_reduced_to_an_amount_is_the_level_reached_and_growth_as_a_rate_the_change() -> None:
    """``减为二十五年有期徒刑`` (regulation-030, the criminal law) is the term the sentence becomes, not a
    reduction by 25 years; ``增长为3.2%`` is the growth (made up)."""
    term = by_raw("死刑缓期执行期间确有重大立功表现，二年期满以后，减为二十五年有期徒刑。")["二十五年"]
    assert (term.measure, term.direction, term.unit) == ("level", None, "年")
    growth = by_raw("全年地区生产总值增长为3.2%。")["3.2%"]
    assert (growth.measure, growth.direction) == ("change", "up")


def test_life_expectancy_is_no_target() -> None:
    assert not by_raw("人均预期寿命达到76.7岁。")["76.7岁"].is_target


# --- 8. Chinese numerals ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "raw", "value", "unit"), [
    ("每个村选派一名联络员。", "一名", 1, "名"),
    ("上千万家庭受益。", "上千万家庭", 1e7, "家庭"),
    ("参加培训两百余人。", "两百余人", 200, "人"),
    ("办理案件三千零五十二件。", "三千零五十二件", 3052, "件"),
])
def test_chinese_numerals_as_quantities(sentence: str, raw: str, value: float, unit: str) -> None:
    metric = by_raw(sentence)[raw]
    assert (metric.value, metric.unit) == (pytest.approx(value), unit)


# --- 9. never metrics -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "三次产业结构比例调整为8.7:48.5:42.8。",
    "认真落实党中央八项规定精神,持之以恒纠正“四风”。",
    "保障全天候服务模式,实行24小时值班制,提供24小时不打烊的在线政务服务。",
    "将3岁以下婴幼儿照护费用纳入个人所得税专项附加扣除。",
    "经济结构出现重大变革,由主要依靠第二产业带动转向依靠三次产业共同带动。",
    "召开县委十四届三次全会,届满实行五年任期,拨打12345热线。",  # made up from here
    "60岁以上老人免费乘坐公交车,15分钟生活圈基本建成。",
    "一村一品、一人一档。",
    "推进包头教育大数据平台二期工程建设,继续实施京津风沙源治理二期工程。",
])
def test_never_a_metric(sentence: str) -> None:
    assert metrics_of(sentence) == []


def test_a_phase_is_no_count_but_sessions_are() -> None:
    found = metrics_of("推进信息化综合改造三期工程,全年举办培训班3期。")
    assert [(m.value, m.unit) for m in found] == [(3.0, "期")]


def test_a_decimal_heading_number_glued_to_its_title_is_no_metric() -> None:
    """Made up: ``3.1人员要求`` would otherwise read as 3.1 人."""
    doc = docparse.parse("应急预案\n3.1人员要求\n4.2应急响应\n值班人员不少于2人。\n")
    assert [m.raw for m in doc.metrics()] == ["不少于2人"]


def test_an_age_in_a_rule_is_a_limit() -> None:
    metric = by_raw("申请人年龄在55岁以下。")["55岁以下"]  # made up
    assert (metric.value, metric.qualifier) == (55, "upper_bound")


def test_ages_and_durations_are_no_total_and_part() -> None:
    metrics = metrics_of("服务期限为3年,其中试用期6个月。")  # made up
    assert all(m.breakdown is None for m in metrics)


# --- 10. labels ---------------------------------------------------------------------------------------------

def test_labels_are_trimmed_of_verbs_and_particles() -> None:
    assert by_raw("财政赤字率一直控制在3%以内。")["3%以内"].label == "财政赤字率"
    assert by_raw("每个村选派一名联络员。")["一名"].label == "联络员"


def test_a_number_of_years_that_is_a_period_is_no_metric() -> None:
    sentence = ("过去五年,我们砥砺前行。第十二届全国人民代表大会第一次会议以来的五年,是极不平凡的五年。"
                "中央财政五年投入专项扶贫资金2800多亿元。")
    assert [m.raw for m in metrics_of(sentence)] == ["2800多亿元"]
    assert by_raw("许可证有效期为五年。")["五年"].unit == "年"  # made up: a term in a rule


def test_a_range_of_bounds_is_one_range_labelled_by_the_noun_after_it() -> None:
    """regulation-023: 处5万元以上20万元以下的罚款."""
    metrics = metrics_of("建设单位未依法报批建设项目环境影响报告书的,"
                         "由县级以上环境保护行政主管部门责令停止建设,处5万元以上20万元以下的罚款。")
    assert [(m.raw, m.value, m.value_high, m.unit, m.qualifier, m.label) for m in metrics] == [
        ("5万元以上20万元以下", 50000, 200000, "元", "range", "罚款")]


@pytest.mark.parametrize(("sentence", "raw", "low", "high", "unit", "label"), [
    # regulation-020, regulation-030 (刑法), regulation-028, plan-001
    ("施工单位未在施工现场公示建设工程垃圾处理方案概要和处置证概要的,处1000元以上5000元以下罚款",
     "1000元以上5000元以下", 1000, 5000, "元", "罚款"),
    ("施工单位未对施工现场排放的建设工程垃圾进行分类的,处3000元以上3万元以下罚款",
     "3000元以上3万元以下", 3000, 30000, "元", "罚款"),
    ("情节严重的,处三年以上七年以下有期徒刑,并处罚金。", "三年以上七年以下", 3, 7, "年", "有期徒刑"),
    ("并处二万元以上二十万元以下罚金", "二万元以上二十万元以下", 20000, 200000, "元", "罚金"),
    ("并处偷逃应缴税额一倍以上五倍以下罚金。", "一倍以上五倍以下", 1, 5, "倍", None),
    ("判处逃汇数额百分之五以上百分之三十以下罚金", "百分之五以上百分之三十以下", 5, 30, "%", None),
    ("重大船舶污染事故,是指船舶溢油500吨以上不足1000吨", "500吨以上不足1000吨", 500, 1000, "吨", None),
    ("处五年以上不满十年有期徒刑", "五年以上不满十年", 5, 10, "年", "有期徒刑"),
    ("因环境污染疏散、转移人员1万人以上5万人以下的", "1万人以上5万人以下", 10000, 50000, "人", None),
])
def test_a_lower_and_an_upper_bound_of_one_unit_are_one_range(sentence: str, raw: str, low: float,
                                                               high: float, unit: str, label: str | None
                                                               ) -> None:
    metric = by_raw(sentence)[raw]
    assert (metric.value, metric.value_high, metric.unit, metric.qualifier) == (low, high, unit, "range")
    assert label is None or metric.label == label


def test_bounds_of_two_units_stay_two_metrics() -> None:
    """regulation-030: 百分之五十以上二倍以下 bounds a fine by a share and by a multiple."""
    metrics = metrics_of("并处或者单处销售金额百分之五十以上二倍以下罚金。")
    assert [(m.raw, m.unit, m.qualifier) for m in metrics] == [
        ("百分之五十以上", "%", "lower_bound"), ("二倍以下", "倍", "upper_bound")]


def test_weather_figures() -> None:
    """stats-003: degrees, and a change against the usual year."""
    mean, warmer = metrics_of("全年平均气温18.8℃，较常年偏高0.9℃。")
    assert (mean.value, mean.unit, mean.measure) == (18.8, "℃", "level")
    assert (warmer.unit, warmer.measure, warmer.direction) == ("℃", "change", "up")
    assert warmer.baseline == "常年"
    parks = metrics_of("中心城区新建1片运动游园，已建成33片高水平开放场地。")
    assert [m.raw for m in parks] == ["1片", "33片"]


def test_the_label_after_a_count_skips_the_count_that_follows() -> None:
    """Sample 003 and 004 of the seeds: 对8类73项具体业务, 3部政府规章和576件规范性文件."""
    assert [m.label for m in metrics_of("对8类73项具体业务办理流程进行优化。")] == ["具体业务", "具体业务"]
    assert metrics_of("对现行有效的3部政府规章和576件规范性文件进行清理。")[0].label == "政府规章"


def test_terms_in_a_law() -> None:
    """regulation-029 (民法典): terms of years are limits, 一人 of 确定一人或者数人 is no count."""
    missing = metrics_of("自然人下落不明满二年的,利害关系人可以申请。")
    assert [(m.raw, m.value) for m in missing] == [("二年", 2)]
    term = metrics_of("草地的承包期为三十年至五十年。")[0]
    assert (term.value, term.value_high, term.qualifier) == (30, 50, "range")
    assert [m.raw for m in metrics_of("处五年以上十年以下有期徒刑。")] == ["五年以上十年以下"]
    assert metrics_of("非法人组织可以确定一人或者数人代表该组织从事民事活动。") == []


def test_a_decimal_amount_opening_a_line_is_a_metric() -> None:
    doc = docparse.parse("关于2023年工作的报告\n一、主要工作\n3.5万元用于培训。\n5.5人员防护\n")
    assert [m.raw for m in doc.metrics()] == ["3.5万元"]


def test_a_term_of_a_sentence_is_a_duration() -> None:
    """regulation-030 (刑法): a Chinese N年 before 有期徒刑, 执行 or 期满, or after 缓期 or 满, is a term
    of the rule; a five-year term of office and 五年投入 stay no metric."""
    assert [(m.raw, m.value, m.unit) for m in metrics_of("可以判处死刑同时宣告缓期二年执行。")] == [
        ("二年", 2, "年")]
    fifteen = metrics_of("有下列情形之一的,处十五年有期徒刑、无期徒刑或者死刑。")
    assert [(m.raw, m.value) for m in fifteen] == [("十五年", 15)]
    assert [m.raw for m in metrics_of("如果确有重大立功表现,二年期满以后,减为二十五年有期徒刑。")] == [
        "二年", "二十五年"]
    limit = metrics_of("法定最高刑为不满五年有期徒刑的,经过五年。")[0]
    assert (limit.raw, limit.value, limit.qualifier) == ("不满五年", 5, "upper_bound")
    assert metrics_of("届满实行五年任期,中央财政五年投入专项扶贫资金。") == []


# --- fractions ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "raw", "value", "unit", "qualifier"), [
    # regulation-029 (民法典), notices on 放管服, regulation-025, regulation-036 (证券法)
    ("应当经占份额三分之二以上的按份共有人同意。", "三分之二以上", 200 / 3, "%", "lower_bound"),
    ("企业开办时间缩短三分之一以上。", "三分之一以上", 100 / 3, "%", "lower_bound"),
    ("中度和重度退化草原面积仍占1/3以上。", "1/3以上", 100 / 3, "%", "lower_bound"),
    ("修建高度超过距观测场距离1/10的建筑物。", "1/10", 10, "%", "exact"),
    ("持有公司百分之五以上股份的股东。", "百分之五以上", 5, "%", "lower_bound"),
    ("按日加收滞纳税款千分之五的滞纳金。", "千分之五", 5, "‰", "exact"),  # made up
    ("按日加缴未缴额的万分之五的滞纳金。", "万分之五", 0.05, "%", "exact"),
])
def test_a_fraction_is_a_percentage(sentence: str, raw: str, value: float, unit: str, qualifier: str) -> None:
    metric = by_raw(sentence)[raw]
    assert (metric.value, metric.unit, metric.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize("sentence", ["2023/5/12发布。", "请于12/31前报送。", "请于3/8前报送。"])
def test_a_date_with_slashes_is_no_fraction(sentence: str) -> None:
    """Made up."""
    assert metrics_of(sentence) == []


# --- 10. figures in a heading title ----------------------------------------------------------------------

def test_a_figure_in_an_articles_item_is_a_metric_of_its_text() -> None:
    """regulation-020 (上海市建筑垃圾处理管理规定): the 项 of 第四十四条 cite fines; a 项 is a sentence
    (no title), so its fine is a metric of its text."""
    doc = docparse.parse(
        "上海市建筑垃圾处理管理规定\n第四十四条（对违反施工现场要求的处理）\n"
        "对违反本规定有关施工现场要求的行为，由城市管理综合执法部门责令改正，并按照下列规定处罚：\n"
        "（一）违反第二十八条规定，施工单位未在施工现场公示建设工程垃圾处理方案概要和处置证概要的，"
        "处1000元以上5000元以下罚款；\n"
        "（二）违反第二十九条规定，施工单位未对施工现场排放的建设工程垃圾进行分类的，处3000元以上3万元以下罚款；\n")
    first, second = (section for section in doc.walk() if section.marker.raw in ("（一）", "（二）"))
    for section, raw, high in [(first, "1000元以上5000元以下", 5000), (second, "3000元以上3万元以下", 30000)]:
        assert (section.title, section.claims) == ("", [])
        [paragraph] = section.body
        [claim] = [claim for claim in paragraph.claims if claim.metrics]
        [metric] = claim.metrics
        assert doc.text[metric.span.start:metric.span.end] == metric.raw == raw
        assert (metric.value_high, metric.unit, metric.qualifier, metric.label) == (
            high, "元", "range", "罚款")
        assert (metric.claim_id, metric.path) == (claim.id, section.path)
    assert [m.raw for m in doc.metrics()] == ["1000元以上5000元以下", "3000元以上3万元以下"]


def test_a_label_ends_before_the_bracket_of_its_figure() -> None:
    """notice-034 (专栏2 各流域需要改善的控制单元): the figure in brackets after what it counts."""
    doc = docparse.parse("“十三五”生态环境保护规划\n专栏2　各流域需要改善的控制单元\n"
                         "（一）长江流域（108个）\n（二）海河流域（75个）\n")
    assert [(m.raw, m.label) for m in doc.metrics()] == [("108个", "长江流域"), ("75个", "海河流域")]


def test_a_heading_marker_is_never_a_metric_and_a_title_without_figures_makes_no_claim() -> None:
    """plan-003 (崇明区地下空间突发事件应急预案): 5.1.3 is the marker of a title that cites two times."""
    doc = docparse.parse_file(FIXTURES / "markdown" / "underground_space_plan.md")
    report = doc.section("5/5.1/5.1.3")
    assert [(m.raw, m.unit) for c in report.claims for m in c.metrics] == [
        ("30分钟", "分钟"), ("1小时", "小时")]
    assert all(section.claims == [] for section in doc.walk() if section is not report)
    assert report.title_span is not None
    assert all(m.span.start >= report.title_span.start for c in report.claims for m in c.metrics)
    assert [m.raw for m in doc.metrics() if m.path == report.path] == ["30分钟", "1小时"]
