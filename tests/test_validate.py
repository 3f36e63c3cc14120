"""validate(): every rule on small hand-written documents, the five samples, the registry and the docs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import docparse
from docparse.validate import checker, profiles, validate
from docparse.validate.checker import RULES
from docparse.validate.context import Rule, RuleContext, rule
from docparse.validate.explanations import EXPLANATIONS
from docparse.validate.registry import CODES, declared, reference, table

from .conftest import EXAMPLES, FIXTURES, ROOT

CASES = FIXTURES / "validate"
EXPECTED: dict[str, list[list[object]]] = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
DOCS = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")


def found(path: Path, profile: str = "auto") -> list[list[object]]:
    doc = docparse.parse_file(path)
    return [[d.code, d.severity, d.span.line if d.span else None, d.span.column if d.span else None]
            for d in validate(doc, profile)]


def test_every_fixture_has_expectations() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in CASES.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name: str) -> None:
    """Exact codes, severities and positions (line, column) for each hand-written document."""
    assert found(CASES / name) == EXPECTED[name]


def test_every_generic_code_has_a_trigger_and_a_clean_case() -> None:
    """Each structure/format code fires somewhere in the fixtures, and the good documents are clean."""
    fired = {row[0] for rows in EXPECTED.values() for row in rows}
    expected = {f"DP{n}" for n in (*range(202, 217), *range(301, 304), *range(401, 414), 415, 417, 418,
                                   502, 503, 505, 508, 509, *range(511, 515), *range(601, 605))}
    expected -= {"DP402", "DP404"}  # the parser only keeps 4-digit years with 号: tested below
    assert expected <= fired
    for clean in ("good_gongwen.txt", "fz_good.txt", "gz_good.txt", "meta_good.txt", "doc_number_good.txt"):
        assert EXPECTED[clean] == []


@pytest.mark.parametrize(("value", "codes"), [
    ("国办发〔2017〕47号", []),
    ("发改价格规﹝2017﹞2269号", []),  # the small form of the same 六角括号, as sites print it
    ("国办发[2017]47号", ["DP401"]),
    ("国办发（2017）47号", ["DP401"]),
    ("国办发〔17〕47号", ["DP402"]),
    ("国办发〔2017〕第47号", ["DP403"]),
    ("财发〔1992〕字第36号", ["DP403"]),
    ("国办发〔2017〕047号", ["DP403"]),
    ("国办发〔2017〕47", ["DP404"]),
    ("中华人民共和国国务院令〔2020〕第732号", []),  # 令号 are another family
])
def test_doc_number_forms(value: str, codes: list[str]) -> None:
    doc = docparse.parse("关于加强安全管理的通知\n一、总体要求\n内容。\n")
    doc = doc.model_copy(update={"metadata": doc.metadata.model_copy(update={"doc_number": value})})
    assert [d.code for d in validate(doc) if d.code.startswith("DP40")] == codes


@pytest.mark.parametrize(("text", "findings"), [
    # 二是指导到位 is an item (the parser's enumerators): the gap is after it
    ("一是加强领导。二是指导到位。四是完善制度。", [(15, "列举序号不连续：“二是”之后是“四是”，应为“三是”")]),
    # a clause starts after a colon too: each answer numbers its own items from 一是
    ("答：一是明确规划。二是加强联动。三是严格审批。问：如何落实？答：一是压实责任。二是强化督查。", []),
])
def test_enumeration_gaps_are_read_with_the_parsers_enumerators(text: str, findings: list[tuple[int, str]]
                                                                ) -> None:
    doc = docparse.parse(f"关于工作的通知\n一、总体要求\n{text}\n")
    assert [(d.span and d.span.column, d.message) for d in validate(doc) if d.code == "DP303"] == findings


# Every error or warning on the five samples, each a real defect of that document:
SAMPLE_FINDINGS: dict[str, set[tuple[str, int]]] = {
    # 保德县 2022: five parts present (第一责任人 is item 三是 of part 一, line 17); published 2023-02-28.
    "000_207b6f7220f109a5.txt": set(),
    # 奉节县云雾乡 2023: published 2024-03-12; 第一责任人 only mentioned (info DP506).
    "001_efdfc4879b8da8ba.txt": set(),
    # 清丰县 2018: written before the 督察规定 (2019), so its missing 第一责任人 part is info only.
    "002_483226acf2ef5da8.txt": set(),
    # 槐荫区 2022: 第一责任人 only mentioned in line 12 (info DP506).
    "003_5990ac397e3d3cbe.txt": set(),
    # 运城市 2021: line 30 heading lost its number 五、 between 四、 and 六、 — a real defect.
    # Its 不足 (line 50) and 2022年,我们将… (line 52) are unheaded paragraphs: present, not missing.
    "004_96091dc0ec9ac7c9.txt": {("DP201", 30)},
}


@pytest.mark.parametrize("name", sorted(SAMPLE_FINDINGS))
def test_no_false_alarms_on_samples(name: str) -> None:
    diagnostics = validate(docparse.parse_file(EXAMPLES / name))
    serious = {(d.code, d.span.line if d.span else 0) for d in diagnostics if d.severity != "info"}
    assert serious == SAMPLE_FINDINGS[name]


def test_sample_004_missing_number_message() -> None:
    [finding] = [d for d in validate(docparse.parse_file(EXAMPLES / "004_96091dc0ec9ac7c9.txt"))
                 if d.code == "DP201"]
    assert (finding.span and (finding.span.line, finding.span.column)) == (30, 3)
    assert finding.message == "一级标题缺少序号，按位置应为“五、”"


def test_sample_004_parts_found_by_meaning() -> None:
    codes = {d.code: d for d in validate(docparse.parse_file(EXAMPLES / "004_96091dc0ec9ac7c9.txt"))}
    assert not {"DP501", "DP502", "DP503", "DP504"} & codes.keys()
    assert codes["DP506"].span and codes["DP506"].span.line == 16  # 主要负责同志带头履行…第一责任人职责


def test_late_publication_and_era() -> None:
    text = "某县{y}年度法治政府建设情况报告\n发布日期：{p}\n一、主要举措和成效\n内容。\n"
    late = docparse.parse(text.format(y=2022, p="2023年4月2日"))
    on_time = docparse.parse(text.format(y=2022, p="2023年4月1日"))
    assert "DP508" in {d.code for d in validate(late)}
    assert "DP508" not in {d.code for d in validate(on_time)}
    old = docparse.parse(text.format(y=2018, p="2019年3月1日"))
    assert {d.severity for d in validate(old) if d.code in ("DP502", "DP503", "DP504")} == {"info"}


def test_profiles_detect_and_force() -> None:
    fz = docparse.parse_file(EXAMPLES / "000_207b6f7220f109a5.txt")
    assert profiles.detect(fz).name == "fzzf"
    assert profiles.get("fazhi_annual") is profiles.get("fzzf")
    assert profiles.detect(docparse.parse_file(CASES / "gz_good.txt")).name == "gzbg"
    assert profiles.detect(docparse.parse_file(CASES / "good_gongwen.txt")).name == "gongwen"
    assert not {d.code for d in validate(fz, "gongwen")} & {"DP505", "DP507"}
    assert "DP511" in {d.code for d in validate(fz, "gov_work_report")}
    with pytest.raises(ValueError, match="未知的检查配置"):
        validate(fz, "nope")


def test_emitted_codes_are_registered_and_documented() -> None:
    emitted = {row[0] for rows in EXPECTED.values() for row in rows}
    for path in sorted(EXAMPLES.glob("*.txt")):
        emitted |= {d.code for d in validate(docparse.parse_file(path))}
    documented = set(re.findall(r"^### (DP\d{3})", DOCS, flags=re.M))
    assert emitted <= CODES.keys()
    assert emitted <= documented
    assert documented == set(CODES), "docs/diagnostics.md and the registry list different codes"


def test_every_documented_code_has_the_required_parts() -> None:
    for section in re.split(r"^### ", DOCS, flags=re.M)[1:]:
        code = section[:5]
        summary = section.split("\n")[2]
        assert summary == f"{CODES[code].summary}（默认级别：{CODES[code].severity}）", code
        for part in ("**检查**", "**原因**", "**依据**", "**示例**", "**修改**"):
            assert part in section, f"{code} lacks {part}"


def test_the_table_of_the_docs_is_rendered_from_the_registry() -> None:
    """docs/diagnostics.md's table is ``python -m docparse.validate.registry``'s output, verbatim."""
    start = DOCS.index("| 代码 |")
    end = DOCS.index("\n\n", start) + 1
    assert DOCS[start:end] == table(), "regenerate it: python -m docparse.validate.registry"


def test_the_reference_of_the_docs_is_rendered_from_the_registry() -> None:
    """Everything from the table on (the table and a section per code) is the registry's rendering."""
    assert DOCS[DOCS.index("| 代码 |"):] == reference(), "regenerate it: python -m docparse.validate.registry"


def test_every_code_is_explained() -> None:
    assert sorted(EXPLANATIONS) == sorted(CODES)


def test_each_code_is_declared_once() -> None:
    codes = [code.code for code in declared()]
    assert sorted(codes) == sorted(set(codes))
    assert list(CODES) == sorted(codes)


def test_a_rule_emits_only_the_codes_it_declares() -> None:
    """A finding of a code the rule did not declare is the rule's bug: reported as DP901, not emitted."""
    def wrong_code(ctx: RuleContext) -> list[docparse.Diagnostic]:
        return [ctx.diag("DP203", "重复")]

    doc = docparse.parse("关于工作的通知\n一、总体要求\n内容。\n")
    ctx = RuleContext.of(doc, profiles.GONGWEN)
    with pytest.raises(KeyError):
        list(rule(CODES["DP202"])(wrong_code)(ctx))


def test_a_broken_rule_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: object) -> list[docparse.Diagnostic]:
        raise RuntimeError("boom")

    monkeypatch.setattr(checker, "RULES", (Rule(broken, ()), *RULES))
    codes = [d.code for d in validate(docparse.parse("关于工作的通知\n一、总体要求\n内容。\n"))]
    assert codes == ["DP901"]


def test_docstring_example() -> None:
    doc = docparse.parse("关于工作的报告\n一、总体情况\n内容。\n三、下步安排\n内容。")
    assert [d.code for d in validate(doc)] == ["DP202"]


@pytest.mark.parametrize("first", ["pass", "import docparse.validate",
                                   "from docparse.validate import profiles",
                                   "from docparse.validate.registry import CODES"])
def test_public_function_in_any_import_order(first: str) -> None:
    """``docparse.validate(doc)`` works whether or not the package or a module of it was imported first."""
    import subprocess
    import sys

    code = (f"{first}\nimport docparse\n"
            f"d = docparse.parse_file({str(EXAMPLES / '004_96091dc0ec9ac7c9.txt')!r})\n"
            "print(','.join(x.code for x in docparse.validate(d, profile='auto') if x.severity != 'info'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "DP201"


def test_a_number_written_but_not_read_is_reported_as_unread() -> None:
    """专栏5's （一） is glued to the box title: the run of （二） is no late start, only unread."""
    [late] = [d for d in validate(docparse.parse_file(CASES / "box_items.txt")) if d.code == "DP205"]
    assert late.severity == "info" and "前文中有“（一）”，但未能识别为标题" in late.message


def test_an_excerpt_is_one_finding_not_an_error_per_gap() -> None:
    """The regulation fixture quotes articles 1–3, 10, 14, 20–21: an excerpt, said once."""
    [gaps] = [d for d in validate(docparse.parse_file(FIXTURES / "genres" / "regulation.txt"))
              if d.code == "DP202"]
    assert gaps.severity == "warning" and "3处不连续，共缺14个" in gaps.message and "节选" in gaps.message


def test_a_published_page_whose_title_field_is_the_site_s_short_form_is_not_reported() -> None:
    """The NDRC's 标题 field drops the issuer and appends the 发文字号 (in ﹝﹞, the small 六角括号):
    the same document, nothing to report; the 发文字号 is read."""
    pytest.importorskip("selectolax")
    doc = docparse.parse_file(FIXTURES / "html" / "ndrc_notice_047.html")
    assert doc.metadata.title is not None and doc.metadata.title.startswith("关于印发《区域电网")
    assert doc.title is not None and doc.title.text.startswith("国家发展改革委关于印发")
    assert doc.metadata.doc_number == "发改价格规﹝2017﹞2269号"
    assert validate(doc) == []


def test_a_title_field_that_names_another_document_is_reported() -> None:
    doc = docparse.parse("标题：关于核定2020年电价的通知\n\n关于印发电网规划办法的通知\n\n"
                         "一、总体要求\n内容。\n")
    assert doc.metadata.title == "关于核定2020年电价的通知"
    assert [d.code for d in validate(doc) if d.code == "DP601"] == ["DP601"]
