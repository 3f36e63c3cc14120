"""Bare section numbers without a point (``1 人口特征`` … in a statistical report converted from PDF):
headings where they count 1, 2, 3 … in order; a number at a line start out of that order (a table
row ``3岁以下 29.80 113.47``, a quantity) is text. The fixture holds lines of a real report
(../shared/corpus/stats/stats-005.pdf, as docparse reads it)."""

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
