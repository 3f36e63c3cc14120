"""Property tests of the metric finder: in generated sentences, no year, date, 发文字号 or ordinal
becomes a metric, whatever stands around it (a figure, a unit word, a comma, a range sign); in
generated headings, no marker does."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docparse
from docparse.numerals import int_to_cn

years = st.integers(min_value=1949, max_value=2099)
months = st.integers(min_value=1, max_value=12)
days = st.integers(min_value=1, max_value=28)
small = st.integers(min_value=1, max_value=99)

dates = st.one_of(
    st.builds(lambda y: f"{y}年", years),
    st.builds(lambda y, e: f"{y}年{e}", years, st.sampled_from(["底", "末", "初", "度", "以来", "上半年"])),
    st.builds(lambda y, m, d: f"{y}年{m}月{d}日", years, months, days),
    st.builds(lambda y, m: f"{y}年{m}月", years, months),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", years, months, days),
    st.builds(lambda y, m, d: f"{y}.{m}.{d}", years, months, days),
    st.builds(lambda y, m, d: f"{y}/{m}/{d}", years, months, days),
    st.builds(lambda y, z: f"{y}—{z}年", years, years),
    st.builds(lambda y: f"{int_to_cn(y // 1000)}〇{int_to_cn(y % 100 // 10)}{int_to_cn(y % 10)}年"
              if y % 100 >= 10 and y % 10 else f"{y}年", years),
    st.builds(lambda m, d: f"{m}月{d}日", months, days),
)
document_numbers = st.builds(
    lambda org, kind, y, n: f"{org}{kind}〔{y}〕{n}号",
    st.sampled_from(["国办", "晋政", "运政", "保政办", "京"]), st.sampled_from(["发", "函", "办发", "字"]),
    years, small)
ordinals = st.one_of(
    st.builds(lambda n: f"第{n}条", small),
    st.builds(lambda n: f"第{int_to_cn(n)}条", small),
    st.builds(lambda n: f"第{int_to_cn(n)}章", small),
    st.builds(lambda n: f"第{n}次", small),
    st.builds(lambda n: f"第{int_to_cn(n)}批", small),
    st.builds(lambda n: f"第{n}名", small),
    st.builds(lambda n: f"其{int_to_cn(n)}", st.integers(min_value=1, max_value=9)),
    st.builds(lambda n: f"{int_to_cn(n)}是", st.integers(min_value=1, max_value=9)),
    st.builds(lambda n: f"第{int_to_cn(n)}届", small),
)
never_metrics = st.one_of(dates, document_numbers, ordinals)

BEFORE = ["", "根据", "截至", "于", "在", "自", "按照", "依据", "共", "全年", "开展培训12次,", "约", "超过"]
AFTER = ["", ",", "。", "、", "以来", "发布", "规定", "印发", "开展培训12次", "人", "个", "件", "的通知",
         "至", "-", "3个"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BEFORE), never_metrics, st.sampled_from(AFTER))
def test_no_year_date_document_number_or_ordinal_becomes_a_metric(before: str, phrase: str,
                                                                  after: str) -> None:
    title = "关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n"
    text = f"{title}{before}{phrase}{after}。\n"
    start = len(title) + len(before)
    end = start + len(phrase)
    for metric in docparse.parse(text).metrics():
        assert metric.span.end <= start or metric.span.start >= end, (text, metric.raw)


markers = st.one_of(
    st.builds(lambda n: f"{int_to_cn(n)}、", st.integers(min_value=1, max_value=9)),
    st.builds(lambda n: f"（{int_to_cn(n)}）", st.integers(min_value=1, max_value=9)),
    st.builds(lambda n: f"{n}.", st.integers(min_value=1, max_value=9)),
    st.builds(lambda n: f"（{n}）", st.integers(min_value=1, max_value=9)),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(min_value=1, max_value=9),
              st.integers(min_value=1, max_value=9)),
)
TITLES = ["全年受理行政复议案件326件", "新增就业1.2万人", "培育300支以上示范队伍。", "加强组织领导",
          "处1000元以上5000元以下罚款；", "2023年工作回顾", "占比三分之二以上", "应急响应"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(markers, st.sampled_from(TITLES)), min_size=1, max_size=4))
def test_no_heading_marker_becomes_a_metric(headings: list[tuple[str, str]]) -> None:
    """Whatever markers a report's headings have, a metric of a heading lies inside its title."""
    text = "关于2022年度法治政府建设情况的报告\n" + "".join(
        f"{marker}{title}\n值班人员不少于2人。\n" for marker, title in headings)
    doc = docparse.parse(text)
    for section in doc.walk():
        marker_end = section.title_span.start if section.title_span else section.heading_span.end
        for metric in doc.metrics():
            assert not (section.heading_span.start <= metric.span.start < marker_end), (text, metric.raw)
        for claim in section.claims:
            assert section.title_span is not None
            assert section.title_span.start <= claim.span.start <= claim.span.end <= section.title_span.end
            assert claim.metrics
