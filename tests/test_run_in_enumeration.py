"""A heading whose line break was lost runs into an enumeration (``…加强领导一是…二是…``): the title
ends before its 一是. The outline looks for that run only in a title that holds 一."""

from __future__ import annotations

import itertools

from docparse import ladder, parse
from docparse.grammar import terminal
from docparse.structure.outline import _ONE, _RUN_IN_STYLES

_DIGITS = "一二三四五六七八九十"


def test_every_run_in_style_writes_its_first_enumerator_with_one() -> None:
    for name, size in itertools.product(_RUN_IN_STYLES, range(1, 4)):
        for digits in itertools.product(_DIGITS, repeat=size):
            numeral = "".join(digits)
            for written in (f"{numeral}是", f"{numeral}要", f"第{numeral},", f"第{numeral}、"):
                if terminal(name).fullmatch(written) and ladder.ordinal_of_marker(written) == 1:
                    assert _ONE in written, (name, written)


def test_a_title_run_into_an_enumeration_ends_before_it() -> None:
    doc = parse("关于做好安全生产工作的通知\n\n"
                "一、加强组织领导一是压实责任。二是强化督导。\n二、完善制度建设\n")
    titles = [section.title for section in doc.sections]
    assert titles == ["加强组织领导", "完善制度建设"]
