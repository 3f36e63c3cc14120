"""Issue 3: claims and metrics, on the hand-verified gold of sample 000, the other samples and phrases."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.metrics import ClaimState, context, find_metrics, scan
from docparse.models import Document, Metric
from docparse.normalize import fold
from docparse.spans import Locator

from .conftest import EXAMPLES, FIXTURES, SAMPLES
from .metric_scoring import score

GOLD = FIXTURES / "gold" / "metrics"


def load(stem: str) -> Document:
    return docparse.parse_file(next(EXAMPLES.glob(f"{stem}_*.txt")))


def metrics_of(sentence: str, title: str = "关于2022年度法治政府建设情况的报告") -> list[Metric]:
    """The metrics of one sentence placed in a measures section of a report about 2022."""
    return list(docparse.parse(f"{title}\n一、主要举措和成效\n{sentence}\n").metrics())


def only(sentence: str) -> Metric:
    found = metrics_of(sentence)
    assert len(found) == 1, [m.raw for m in found]
    return found[0]


# --- the quality bar: the gold of sample 000 -------------------------------------------------------

def test_gold_of_sample_000_meets_the_bar() -> None:
    doc = load("000")
    result = score(doc, GOLD / "000_207b6f7220f109a5.json")
    assert result.recall >= 0.97, (result.summary(), result.missed)
    assert result.precision >= 0.97, (result.summary(), result.spurious)
    assert result.qualifier_rate >= 0.95, result.summary()
    assert result.kind_rate >= 0.95, result.summary()
    assert len(result.negatives_hit) <= 2, result.negatives_hit


def test_gold_spans_index_the_parsed_text() -> None:
    """The gold's offsets are into the file: they must index doc.text for the scorer to mean anything."""
    doc = load("000")
    gold = json.loads((GOLD / "000_207b6f7220f109a5.json").read_text(encoding="utf-8"))
    for mention in gold["mentions"] + gold["negatives"]:
        assert doc.text[mention["span"][0]:mention["span"][1]] == mention["text"]


def test_gold_totals_parts_and_changes() -> None:
    by_raw = {(m.raw, m.span.start): m for m in load("000").metrics()}
    total = next(m for (raw, _), m in by_raw.items() if raw == "13027个")
    parts = [m for m in by_raw.values() if m.group == total.id and m.breakdown == "part"]
    assert total.breakdown == "total" and sorted(m.value for m in parts) == [3866, 9161]
    change = next(m for (raw, _), m in by_raw.items() if raw == "2277个")
    assert (change.measure, change.direction, change.baseline, change.breakdown) == (
        "change", "up", "上年底", None)
    rate = next(m for (raw, _), m in by_raw.items() if raw == "21.18%")
    assert (rate.measure, rate.baseline) == ("change", "上年底")
    assert next(m for (raw, _), m in by_raw.items() if raw == "257.5%").baseline == "同比"


def test_every_metric_names_its_section_and_claim() -> None:
    doc = load("000")
    claims = {claim.id: claim for _, claim in doc.claims()}
    for metric in doc.metrics():
        claim = claims[metric.claim_id]
        assert claim.span.start <= metric.span.start < metric.span.end <= claim.span.end
        assert doc.text[metric.span.start:metric.span.end] == metric.raw
        assert metric.path and metric.path.split("/")[0] in {s.path for s in doc.sections}
        assert metric.period == "2022"


# --- every number is a metric or deliberately not one ---------------------------------------------

_ANY_NUMERAL = re.compile(r"[0-9〇零一二两三四五六七八九十百千万亿]")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_every_numeral_in_a_claim_is_classified(sample: Path) -> None:
    doc = docparse.parse_file(sample)
    folded, locator = fold(doc.text), Locator(doc.text)
    for _, claim in doc.claims():
        candidates = scan(doc.text, folded, claim.span.start, claim.span.end, locator=locator)
        covered = set()
        for candidate in candidates:
            assert (candidate.reason is None) != (candidate.metric is None) or candidate.reason is None
            covered.update(range(candidate.start, candidate.end))
        for match in _ANY_NUMERAL.finditer(folded, claim.span.start, claim.span.end):
            assert match.start() in covered, doc.text[match.start() - 5: match.end() + 5]


@pytest.mark.parametrize("sample", [*SAMPLES, *sorted((FIXTURES / "genres").glob("*.txt"))],
                         ids=lambda p: p.stem[:12])
def test_scan_finds_the_metrics_find_metrics_finds(sample: Path) -> None:
    """``scan`` reads every run; ``find_metrics`` skips the runs it need not read (in a title or a
    quote): the metrics are the same."""
    doc = docparse.parse_file(sample)
    folded, locator = fold(doc.text), Locator(doc.text)
    for _, claim in doc.claims():
        start, end = claim.span.start, claim.span.end
        scanned = scan(doc.text, folded, start, end, locator=locator, state=ClaimState(period="2022"))
        assert [c.metric for c in scanned if c.metric is not None] == find_metrics(
            doc.text, folded, start, end, locator=locator, claim_id="", path="",
            state=ClaimState(period="2022"))


# --- value, unit and scaling ------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "raw", "value", "unit"), [
    ("全县新增市场主体2.3万户。", "2.3万户", 23000, "户"),
    ("国内生产总值达到134.9万亿元。", "134.9万亿元", 1.349e14, "元"),
    ("争取中央资金1.5亿元。", "1.5亿元", 1.5e8, "元"),
    ("新增四个行政编制。", "四个", 4, "个"),
    ("参加活动两万人。", "两万人", 20000, "人"),
    ("办理案件三千零五十二件。", "三千零五十二件", 3052, "件"),
    ("覆盖十一个乡镇。", "十一个", 11, "个"),
    ("审核文件1,234件。", "1,234件", 1234, "件"),
    ("出庭应诉率比上年提高23个百分点。", "23个百分点", 23, "个百分点"),
    ("群众满意度达到百分之九十五。", "百分之九十五", 95, "%"),
    ("设置办理时限３个工作日。", "３个工作日", 3, "个工作日"),
    ("三家单位获评示范单位。", "三家", 3, "家"),  # a numeral opening the claim is no ordinal or date
    ("两名干部受到表彰。", "两名", 2, "名"),
])
def test_value_is_fully_scaled_with_its_unit(sentence: str, raw: str, value: float, unit: str) -> None:
    metric = only(sentence)
    assert (metric.raw, metric.value, metric.unit) == (raw, pytest.approx(value), unit)


def test_ranges() -> None:
    metric = only("建立3至5年的培训周期。")
    assert (metric.value, metric.value_high, metric.unit) == (3, 5, "年")
    metric = only("降幅控制在10%-15%。")
    assert (metric.value, metric.value_high, metric.unit) == (10, 15, "%")


# --- qualifiers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "qualifier"), [
    ("培训500余人次。", "approx"), ("大厅进驻事项850多项。", "approx"), ("接待咨询近3万人次。", "approx"),
    ("覆盖约120个村。", "approx"), ("增长5%左右。", "approx"),
    ("全程网办率达到90%以上。", "lower_bound"), ("参加活动超过两万人。", "lower_bound"),
    ("累计受益群众逾2万人。", "lower_bound"), ("培训不少于40学时。", "lower_bound"),
    ("赤字率控制在3%以下。", "upper_bound"), ("办结时限不超过15天。", "upper_bound"),
    ("不足100人参加。", "upper_bound"), ("误差控制在5%以内。", "upper_bound"),
    ("受理案件118件。", "exact"),
])
def test_qualifier(sentence: str, qualifier: str) -> None:
    assert metrics_of(sentence)[-1].qualifier == qualifier


def test_xi_jinping_is_no_approximation() -> None:
    metric = only("组织学习习近平法治思想12次。")
    assert (metric.qualifier, metric.raw) == ("exact", "12次")


# --- level or change, baseline, 分别, total and parts ---------------------------------------------------

def test_change_with_baseline_and_direction() -> None:
    up = only("受理诉求同比增长257.5%。")
    assert (up.measure, up.direction, up.baseline) == ("change", "up", "同比")
    down = only("审批时限较上年压缩比率达58%。")
    assert (down.measure, down.direction, down.baseline) == ("change", "down", "上年")
    level = only("城镇调查失业率下降到5.1%。")
    assert level.measure == "level"
    new = only("新增四个行政编制。")
    assert new.measure == "level"


def test_fenbie_list_shares_the_change_and_splits_the_labels() -> None:
    first, second = metrics_of("全市治安案件、刑事案件分别下降28.3%、8.4%。")
    assert [(m.measure, m.direction, m.value) for m in (first, second)] == [("change", "down", 28.3),
                                                                          ("change", "down", 8.4)]
    assert first.label and first.label.endswith("治安案件") and second.label == "刑事案件"


def test_total_and_parts() -> None:
    total, *parts = metrics_of("全县市场主体存续总量为13027个,其中企业3866个、个体工商户9161个。")
    assert total.breakdown == "total" and [p.breakdown for p in parts] == ["part", "part"]
    assert {p.group for p in parts} == {total.id}
    assert [p.label for p in parts] == ["企业", "个体工商户"]


def test_labels_and_subject() -> None:
    metric = only("县委理论学习中心组组织专题学习4次。")
    assert (metric.label, metric.subject) == ("组织专题学习", "县委理论学习中心组")
    assert only("成立2支督察队伍。").label == "督察队伍"
    assert only("办理“市长信箱”转办事项8件。").label == "办理“市长信箱”转办事项"


# --- targets and periods ---------------------------------------------------------------------------

def test_targets_run_over_a_target_list_and_stop_at_the_full_stop() -> None:
    doc = docparse.parse((FIXTURES / "genres" / "gov_work_report.txt").read_text(encoding="utf-8"))
    by_raw = {m.raw: m for m in doc.metrics()}
    assert by_raw["1244万人"].is_target is False and by_raw["1244万人"].period == "2023"
    for raw in ("5%左右", "1200万人以上", "5.5%左右", "3%左右"):
        assert by_raw[raw].is_target and by_raw[raw].period == "2024", raw
    assert by_raw["超过126万亿元"].value == pytest.approx(1.26e14)


def test_an_achieved_figure_beside_a_target_word_elsewhere_is_no_target() -> None:
    metrics = metrics_of("排查化解重点矛盾纠纷64件次,确保矛盾纠纷不上交。")
    assert [m.is_target for m in metrics] == [False]
    assert only("超额完成省政府下达的30%的年度改革目标任务。").is_target


def test_period_follows_a_year_that_opens_a_clause() -> None:
    metric = only("2023年,我县将新建法治文化广场5个。")
    assert metric.period == "2023"
    assert only("开展培训12次。").period == "2022"


# --- never a metric ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "2022年,保德县坚持以习近平法治思想为指导。",
    "时间:2023-02-28 09:24。",
    "印发运政函〔2022〕3号文件,索引号012870556/2022-00020。",
    "出台了《保德县“十四五”法治政府建设专项规划(2021-2025年)》。",
    "深入开展“八五”普法,学习贯彻党的二十大精神和十九届六中全会精神。",
    "一是深入学习。第一时间研究部署,履行第一责任人职责。",
    "积极推行“一网通办”,建立三位一体工作机制,党政一把手负总责,加强县乡两级统筹。",
    "拨打12345热线或0359-2345678,配备4G执法记录仪,支持IPv6。",
    "充分利用正月二十五、“3·15”“6·26”等重要时间节点。",
    "围绕“一个牵引、三项示范、六大提升”工作思路,建立一个机制。",
    "推动“7×24小时不打烊”服务,审查省道249改线工程。",
    "实施三年行动计划,进一步统一标准,千家万户受益。",
    "五年来,全县上下齐心协力;近三年来持续推进。",  # 年来: a period, not a count of years
])
def test_never_a_metric(sentence: str) -> None:
    assert metrics_of(sentence) == []


# --- claims and roles ----------------------------------------------------------------------------------

def test_claims_split_outside_quotes_and_titles() -> None:
    doc = docparse.parse("关于2022年度工作的报告\n一、主要举措和成效\n"
                         "印发《关于加强。改进工作的意见》,提出“办实事。解难题”要求。开展培训12次;办结率100%。\n")
    texts = [claim.text for _, claim in doc.claims()]
    assert texts == ["印发《关于加强。改进工作的意见》,提出“办实事。解难题”要求。", "开展培训12次;",
                     "办结率100%。"]


def test_roles_from_wording_in_an_unheaded_tail_004() -> None:
    doc = load("004")
    tail = [claim for section, claim in doc.claims() if section is not None and section.path == "九"]
    problems = [c for c in tail if "差距" in c.text or (c.topic and "亟待" in c.topic)]
    assert problems and all(c.role == "problems" for c in problems)
    items = [c for c in tail if c.topic is not None]
    assert len(items) == 5 and {c.role for c in items} == {"problems"}
    plans = [c for c in tail if c.text.startswith("2022年,我们将") or "立法协同性" in c.text]
    assert len(plans) == 2 and {c.role for c in plans} == {"plans"}


def test_children_inherit_the_section_role() -> None:
    doc = docparse.parse("关于2022年度工作的报告\n一、存在的问题\n（一）执法方面\n执法人员不足3名。\n"
                         "二、下一步工作打算\n（一）加强培训\n计划培训20次。\n")
    roles = {s.title: s.role for s in doc.walk()}
    assert roles == {"存在的问题": "problems", "执法方面": "problems", "下一步工作打算": "plans",
                     "加强培训": "plans"}
    planned = next(m for m in doc.metrics() if m.raw == "20次")
    assert planned.is_target
    assert next(m for m in doc.metrics() if m.raw == "不足3名").qualifier == "upper_bound"


# --- the CLI table ---------------------------------------------------------------------------------------

def test_cli_csv_has_a_bom_and_opens_as_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "metrics.csv"
    assert main(["metrics", str(SAMPLES[0]), "--format", "csv", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[:14] == ["doc_id", "section_path", "section_role", "label", "value", "unit",
                                  "qualifier", "measure", "baseline", "period", "raw", "line", "start", "end"]
    assert len(rows) == len(list(load("000").metrics()))
    first = rows[0]
    assert (first["value"], first["unit"], first["raw"]) == ("4", "次", "4次")
    assert first["section_role"] == "measures"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_json_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", str(SAMPLES[0]), "--format", fmt]) == 0
    text = capsys.readouterr().out
    rows = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    big = next(r for r in rows if r["raw"] == "13027个")
    assert (big["value"], big["breakdown"], big["period"]) == (13027, "total", "2022")


def test_cli_bad_input_is_one_chinese_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", str(tmp_path / "missing.txt")]) == 3
    err = capsys.readouterr().err
    assert "DP001" in err and "Traceback" not in err


# --- linear time -------------------------------------------------------------------------------------------

def test_metric_finder_is_linear() -> None:
    """Eight times the claims take about eight times the CPU time (not 64 times): no rescans per
    candidate."""
    text = (SAMPLES[0]).read_text(encoding="utf-8")
    folded = fold(text)
    locator = Locator(text)

    def run(copies: int) -> float:
        big, big_folded = text * copies, folded * copies
        big_locator = Locator(big) if copies > 1 else locator
        begin = time.process_time()
        scan(big, big_folded, 0, len(big), locator=big_locator)
        return time.process_time() - begin

    run(1)
    small = min(run(1) for _ in range(3))
    large = min(run(8) for _ in range(2))
    assert large < small * 8 * 3, (small, large)


def test_clause_skips_a_closed_quote_but_not_an_open_one() -> None:
    text = "他说“甲,乙”,丙12个"
    assert context.clause_of(text, 0, text.index("12"))[0] == text.index("丙")
    text = "他说“甲,乙12个"
    assert context.clause_of(text, 0, text.index("12"))[0] == text.index("乙")
