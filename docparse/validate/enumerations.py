"""DP3xx: enumerations inside paragraphs (一是…二是…, 一要…, 第一，…), GB/T 15834—2011 B.3.7.

The parser keeps as items only the enumerators that start or continue a sequence; these rules
read the items and, for gaps and repeats, the text itself.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..diagnostics import Code
from ..models import Diagnostic, EnumItem
from ..numerals import cn_to_int
from .context import RuleContext, rule
from .markers import relabel


def _enum_marker(item: EnumItem, number: int) -> str:
    return relabel(item.marker.rstrip(",，、 "), "enum", number)


def _enumeration_runs(items: list[EnumItem]) -> list[list[EnumItem]]:
    runs: list[list[EnumItem]] = []
    for item in items:
        if runs and item.ordinal != 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


@rule(
    Code("DP301", "warning", "列举只有一项（有“一是”没有“二是”）"),
    Code("DP302", "warning", "列举不从“一是”开始"),
    Code("DP303", "warning", "列举序号跳号或重复"),
    Code("DP304", "warning", "同一列举混用不同序次语（如“一是”与“二要”）"),
)
def check_enumerations(ctx: RuleContext) -> Iterator[Diagnostic]:
    """一是…二是… inside paragraphs: one item only, no 一是, gaps and repeats, mixed families."""
    doc = ctx.doc
    groups = [doc.preamble, *(s.body for s in doc.walk())]
    for paragraphs in groups:
        items = [item for paragraph in paragraphs for item in paragraph.items]
        if not items:
            continue
        region = (paragraphs[0].span.start, paragraphs[-1].span.end)
        for run in _enumeration_runs(items):
            yield from _check_run(ctx, run, region)
        yield from _check_sequence(ctx, region)


def _check_run(ctx: RuleContext, run: list[EnumItem], region: tuple[int, int]) -> Iterator[Diagnostic]:
    text = ctx.doc.text
    first = run[0]
    where = (first.span.start, first.span.start + len(first.marker))
    if first.ordinal > 1 and _enum_marker(first, first.ordinal - 1) not in text[region[0]:where[0]]:
        yield ctx.diag("DP302", f"列举从“{first.marker}”开始，前面没有“{_enum_marker(first, 1)}”",
                       *where, hint="补上前面的列举项，或重新编号")
    if len(run) == 1 and first.ordinal == 1 and _enum_marker(first, 2) not in text[where[0]:region[1]]:
        yield ctx.diag("DP301", f"列举只有“{first.marker}”一项，没有“{_enum_marker(first, 2)}”",
                       *where, hint="只有一项时去掉“一是”，或补全其他各项")
    for before, item in itertools.pairwise(run):
        if item.style != before.style:
            yield ctx.diag("DP304", f"同一列举中“{before.marker}”与“{item.marker}”序次语不一致",
                           item.span.start, item.span.start + len(item.marker),
                           hint="同一列举统一用“一是、二是”或“第一，第二，”等一种形式")


_SENTENCE_ENUMERATOR = re.compile(
    r"(?:^|(?<=[。；;！!？?\n]))[ \u3000]*(?:(?P<shi>[一二三四五六七八九十]{1,3})是(?![指否非])|"
    r"(?P<yao>[一二三四五六七八九十]{1,3})要(?![求素])|第(?P<di>[一二三四五六七八九十]{1,3})[,，])"
)


def _check_sequence(ctx: RuleContext, region: tuple[int, int]) -> Iterator[Diagnostic]:
    """Gaps and repeats, read from the text itself: the parser keeps an out-of-sequence 四是 as text."""
    last: dict[str, int] = {}
    for match in _SENTENCE_ENUMERATOR.finditer(ctx.doc.text, *region):
        family = match.lastgroup or "shi"
        number = cn_to_int(match.group(family))
        if number is None:
            continue
        before = last.get(family)
        last[family] = number
        if before is None or number in (1, before + 1):
            continue
        marker = match.group().strip(" \u3000")
        expected = relabel(marker, "enum", before + 1)
        kind = "重复" if number <= before else "不连续"
        start = match.end() - len(marker)
        yield ctx.diag("DP303", f"列举序号{kind}：“{relabel(marker, 'enum', before)}”之后是“{marker}”，"
                       f"应为“{expected}”", start, match.end(), hint="按顺序重新编号")
