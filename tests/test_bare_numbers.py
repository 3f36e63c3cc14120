"""Bare section numbers without a point (``1 人口特征`` … in a statistical report converted from PDF):
headings where they count 1, 2, 3 … in order; a number at a line start out of that order (a table
row ``3岁以下 29.80 113.47``, a quantity) is text; so with zero-padded ``01综合``. The fixtures hold
lines of real reports (../shared/corpus/stats/stats-005.pdf and stats-004.html, as docparse reads
them)."""

from __future__ import annotations

from pathlib import Path

import docparse

FIXTURE = Path(__file__).parent / "fixtures" / "numbering" / "stats_bare_numbers.txt"


def test_bare_numbers_that_count_on_head_sections() -> None:
    doc = docparse.parse_file(FIXTURE)
    assert [(section.marker.raw, section.title) for section in doc.sections] == [
        ("1", "人口特征"), ("2", "婚姻及家庭状况"), ("3", "文化教育"), ("4", "就业"), ("5", "社会保障")]
    assert all(section.marker.style == "decimal" for section in doc.sections)
    assert doc.sections[0].level == doc.sections[4].level == 1


def test_a_table_row_starting_with_a_number_stays_in_its_section() -> None:
    doc = docparse.parse_file(FIXTURE)
    first = doc.sections[0]
    assert not first.children
    assert any(paragraph.text.startswith("3岁以下 29.80") for paragraph in first.body)


def test_bare_numbers_out_of_order_are_text() -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    first_two = [line for line in lines if not line.startswith(("3 ", "4 ", "5 "))]
    doc = docparse.parse("\n".join(first_two))  # 1 and 2 only: too few to be a numbering
    assert doc.sections == []
    shuffled = [line for line in lines if not line.startswith("2 ")]
    doc = docparse.parse("\n".join(shuffled))  # 1, 3, 4, 5: the numbering stops after 1
    assert doc.sections == []


def test_zero_padded_bare_numbers_that_count_on_head_sections_and_table_captions_stay_text() -> None:
    doc = docparse.parse_file(FIXTURE.with_name("stats_zero_padded_numbers.txt"))  # stats-004.html
    assert [(section.marker.raw, section.title) for section in doc.sections] == [
        ("01", "综合"), ("02", "农业"), ("03", "工业和建筑业"), ("04", "服务业")]
    assert [section.marker.ordinal for section in doc.sections] == [1, 2, 3, 4]
    captions = [p.text for section in doc.sections for p in section.body if p.text.startswith("表")]
    assert len(captions) == 4


def test_a_dotted_catalogue_code_is_no_heading() -> None:
    doc = docparse.parse("医疗机构诊疗科目名录\n04.外科\n04.01普通外科专业\n04.01.01肝脏移植项目\n"
                         "04.01.02胰腺移植项目\n04.02神经外科专业\n")  # notice-031.txt
    assert doc.sections == []
