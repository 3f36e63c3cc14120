"""DP3xx: enumerations inside paragraphs (一是…二是…, 一要…, 第一，…), GB/T 15834—2011 B.3.7.

The parser keeps as items only the enumerators that start or continue a sequence; these rules
read the items and, for gaps and repeats, the text itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from .. import ladder
from ..diagnostics import Code
from ..models import Diagnostic, EnumItem, Paragraph
from ..normalize import fold
from .context import RuleContext, rule


def _enum_marker(item: EnumItem, number: int) -> str:
    return ladder.renumbered(item.marker.rstrip(",，、 "), number)


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
    groups = [doc.preamble, *(a.preamble for a in doc.attachments), *(s.body for s in doc.walk())]
    for paragraphs in groups:
        items = [item for paragraph in paragraphs for item in paragraph.items]
        if not items:
            continue
        region = (paragraphs[0].span.start, paragraphs[-1].span.end)
        for run in _enumeration_runs(items):
            yield from _check_run(ctx, run, region)
        yield from _check_sequence(ctx, paragraphs)


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


def _check_sequence(ctx: RuleContext, paragraphs: list[Paragraph]) -> Iterator[Diagnostic]:
    """Gaps and repeats, read from the text itself: the parser keeps an out-of-sequence 四是 as text.

    The enumerators are those the parser finds items with (the ladder's, from the grammar's ENUM_*
    terminals, in each paragraph's folded text), so that 二是指导到位 counts here as it does there.
    """
    last: dict[str, int] = {}
    for paragraph in paragraphs:
        text, folded = paragraph.text, fold(paragraph.text)
        opening = ladder.enumerator_at(folded, len(folded) - len(folded.lstrip(" ")))
        after_stops = ladder.enumerators_after_stops(folded, 0, len(folded))
        for found in itertools.chain([opening] if opening else [], after_stops):
            marker, number = text[found.start:found.end], found.ordinal
            before = last.get(found.style)
            last[found.style] = number
            if before is None or number in (1, before + 1):
                continue
            expected = ladder.renumbered(marker, before + 1)
            kind = "重复" if number <= before else "不连续"
            start = paragraph.span.start + found.start
            yield ctx.diag("DP303", f"列举序号{kind}：“{ladder.renumbered(marker, before)}”之后是“{marker}”，"
                           f"应为“{expected}”", start, start + len(marker), hint="按顺序重新编号")
