"""Metrics of shapes found in statistical bulletins and reports docparse had not seen: an average
before a change word, an untitled bulletin that opens with its year, one figure for every name of a
list (均为), and a middle dot for a decimal point. The lines are real (渑池县 bulletin 2022, 武汉市教育局
建议提案 2023, 2020 and 2018 政府工作报告) unless marked as made up."""

from __future__ import annotations

import pytest

import docparse
from docparse.models import Metric


def metrics_of(text: str) -> list[Metric]:
    return list(docparse.parse(text).metrics())


def report_metrics(sentence: str) -> list[Metric]:
    """The metrics of one sentence in a measures section of a report about 2022."""
    return metrics_of(f"关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n{sentence}\n")


def labels(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(m.raw, m.label, m.measure) for m in report_metrics(sentence)]


# --- an average before a change word ---------------------------------------------------------------------

def test_an_average_over_time_goes_with_its_change_as_年均_does() -> None:
    assert labels("大众创业万众创新深入开展,企业数量日均净增1万户以上。") == [
        ("1万户以上", "企业数量", "change")]
    assert labels("居民收入年均增长7.4%。") == [("7.4%", "居民收入", "change")]


def test_a_per_head_average_stays_in_the_label() -> None:
    """Made up: 人均 and 户均 say what the figure is per, a part of what is measured."""
    assert labels("农村居民收入人均增加1200元,户均增收2000元。") == [
        ("1200元", "农村居民收入人均", "change"), ("2000元", "户均", "change")]


# --- an untitled bulletin that opens with its year --------------------------------------------------------

MIANCHI_OPENING = (
    "2022年,全县上下坚持以习近平新时代中国特色社会主义思想为指引,深入学习贯彻党的二十大精神,"
    "科学高效统筹疫情防控和经济社会发展,全县经济运行难中有进,稳中向好。\n"
    "一、综 合\n"
    "初步核算,全县生产总值254.5亿元,按可比价格计算,比上年增长5.2%。其中:第一产业增加值23.3亿元,增长5.2%。\n")


def test_the_year_an_untitled_bulletin_opens_with_is_the_period_of_its_figures() -> None:
    metrics = metrics_of(MIANCHI_OPENING)
    assert [m.raw for m in metrics] == ["254.5亿元", "5.2%", "23.3亿元", "5.2%"]
    assert {m.period for m in metrics} == {"2022"}


def test_a_title_with_its_year_gives_the_period_not_the_opening() -> None:
    """Made up: the title's year is the report's; the opening year is of its first claim only."""
    text = "2022年某县国民经济和社会发展统计公报\n" + MIANCHI_OPENING.replace("2022年,", "2021年,", 1)
    assert {m.period for m in metrics_of(text)} == {"2022"}


def test_a_text_that_opens_without_a_year_gets_no_period() -> None:
    text = MIANCHI_OPENING.replace("2022年,", "", 1)
    assert {m.period for m in metrics_of(text)} == {None}


# --- one figure for every name of a list ------------------------------------------------------------------

def test_均为_after_a_list_labels_the_figure_with_every_name() -> None:
    assert labels("同时办理市两会期间政协委员所提建议5件,走访率、办复率、满意率均为100%。") == [
        ("5件", "办理市两会期间政协委员所提建议", "level"), ("100%", "走访率、办复率、满意率", "level")]
    assert labels("单位国内生产总值能耗、水耗均下降20%以上,主要污染物排放量持续下降。") == [
        ("20%以上", "单位国内生产总值能耗、水耗", "change")]


def test_an_average_after_a_list_is_no_均_of_all() -> None:
    """Made up: 人均 ends the last name; the figure is of that name alone."""
    assert labels("城镇、农村居民人均增加1200元。")[0][1] == "农村居民人均"


# --- a middle dot for a decimal point ---------------------------------------------------------------------

def test_a_middle_dot_between_digits_before_a_unit_is_a_decimal_point() -> None:
    metrics = report_metrics("分类别看,医疗保健类价格上涨1·8%,食品烟酒类价格上涨1.1%,"
                             "交通通信类价格上涨2·9%。")
    assert [(m.raw, m.value, m.unit, m.measure) for m in metrics] == [
        ("1·8%", pytest.approx(1.8), "%", "change"), ("1.1%", pytest.approx(1.1), "%", "change"),
        ("2·9%", pytest.approx(2.9), "%", "change")]


def test_a_middle_dot_date_stays_no_metric() -> None:
    """Made up: 3·15 and 5·12 are dates (days named by them), with no unit after them."""
    assert [m.raw for m in report_metrics("开展3·15消费者权益日宣传活动3次,纪念5·12汶川地震。")] == ["3次"]


# --- a bulletin's words of change and of method -----------------------------------------------------------

def test_增产_and_减产_are_changes_of_the_output_before() -> None:
    """A county bulletin 2021 (tjgb.hongheiku.com); 减产 made up."""
    assert labels("全年粮食总产量8.15万吨,比上年增产1.8%。其中:夏粮产量0.71万吨,增产1.1%;"
                  "秋粮产量7.44万吨,减产1.9%。") == [
        ("8.15万吨", "粮食总产量", "level"), ("1.8%", "粮食总产量", "change"),
        ("0.71万吨", "夏粮产量", "level"), ("1.1%", "夏粮产量", "change"),
        ("7.44万吨", "秋粮产量", "level"), ("1.9%", "秋粮产量", "change")]


def test_how_a_change_was_computed_is_no_label() -> None:
    assert labels("2021年全年实现农林牧渔业总产值(现价)47.08亿元,按可比价格计算比上年增长19.3%。") == [
        ("47.08亿元", "农林牧渔业总产值(现价)", "level"), ("19.3%", "农林牧渔业总产值(现价)", "change")]
