"""DP2xx: the heading structure — numbering, levels, marker forms, empty and repeated headings.

GB/T 9704—2012 §7.3.3 (the four levels 一、 （一） 1. （1）, used in turn) and GB/T 15834—2011 B.3
(the punctuation after each kind of marker). DP201, a heading whose number the parser supplied by
position, is the parser's own (docparse.diagnostics).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from .. import ladder
from ..diagnostics import Code
from ..ladder import MarkerStyle
from ..models import Diagnostic, Section, Severity
from ..normalize import CJK, fold
from ..segment.result import DATE_LINE, SENTENCE_STOP
from .context import RuleContext, rule
from .format import title_genre

_DOCUMENT_RANKS = frozenset(rung.rank for rung in ladder.LADDER if not rung.law)
"""The GB/T 9704 ladder and below (一、 （一） 1. （1） 1） ①): laws (编章节条) nest by their own rules."""


def _label(section: Section) -> str:
    """How a message names a section: its number, else its title's start, marked where the
    number is missing (an unnumbered part, ``注释：``, has none to miss)."""
    if section.marker.raw:
        return section.marker.raw
    return f"（缺序号）{section.title[:8]}" if section.marker.recovered else section.title[:8]


def _heading_text(section: Section) -> str:
    """A section's number and title as a message quotes its heading."""
    if section.marker.raw:
        return section.marker.raw + section.title
    return f"（缺序号）{section.title}" if section.marker.recovered else section.title


def _sibling_groups(ctx: RuleContext) -> Iterator[tuple[Section | None, list[Section]]]:
    yield None, [s for s in ctx.doc.sections if s.heading_span.start not in ctx.skipped]
    for attachment in ctx.doc.attachments:  # an attachment numbers its own parts afresh
        yield None, [s for s in attachment.sections if s.heading_span.start not in ctx.skipped]
    for section in ctx.sections():
        children = [c for c in section.children if c.heading_span.start not in ctx.skipped]
        if children:
            yield section, children


def _heading(ctx: RuleContext, code: str, section: Section, message: str, hint: str,
             severity: Severity | None = None) -> Diagnostic:
    """A finding on a heading's marker; at most ``info`` where the heading was cut out of run-on text."""
    span = section.heading_span
    end = span.start + max(len(section.marker.raw), 1)
    return ctx.diag(code, message, span.start, end, hint=hint,
                    severity="info" if ctx.uncertain(span.start) else severity)


@rule(
    Code("DP202", "error", "同级标题序号跳号"),
    Code("DP203", "error", "同级标题序号重复"),
    Code("DP204", "error", "同级标题序号倒序"),
    Code("DP205", "warning", "同级标题序号不从第一个开始"),
    Code("DP206", "warning", "同一上级下标题序号重新从头编号"),
)
def check_numbering(ctx: RuleContext) -> Iterator[Diagnostic]:
    """Gaps, repeats, disorder, restarts and late starts among siblings of one style (articles: globally).

    Numbering may run on from one parent to the next (the tasks of a State Council 意见 numbered
    1.–20. through （一）…（六）, and on under a 三、 that has no （一）): siblings that go on from the
    last number of their style under an earlier parent start where they should."""
    last: dict[MarkerStyle, int] = {}
    for parent, siblings in _sibling_groups(ctx):
        for style in dict.fromkeys(s.marker.style for s in siblings):
            if style in ("article", "part"):
                continue
            run = [s for s in siblings if s.marker.style == style and s.marker.ordinal is not None]
            if not run:
                continue
            runs_on = parent is not None and run[0].marker.ordinal == last.get(style, 0) + 1
            yield from _sequence(ctx, run, parent, first=run[0].marker.ordinal if runs_on else 1)
            last[style] = run[-1].marker.ordinal or 0
    articles = [s for s in ctx.sections() if s.marker.style == "article" and s.marker.ordinal is not None
                and not ladder.is_inserted(s.marker)]
    yield from _sequence(ctx, articles, None)  # 第X条 numbering runs through all chapters (立法法)


_EXCERPT_GAPS = 3
"""A run of numbers with this many gaps or more is an excerpt (a regulation quoted article by
article, a plan abridged), not a document with numbers skipped by mistake."""


def _sequence(ctx: RuleContext, run: list[Section], parent: Section | None, first: int | None = 1
              ) -> Iterator[Diagnostic]:
    """The findings of one run of siblings whose first number should be ``first``; the gaps of an
    excerpt are one finding that says so, not one error per gap; siblings that are all there but
    out of order (（二） written before （一）) are that one fault, not a late start, a restart and a gap."""
    if _out_of_order(run, first or 1):
        yield from _disorder(ctx, run, parent)
        return
    found = list(_run_findings(ctx, run, parent, first))
    gaps = [d for d in found if d.code == "DP202" and d.severity == "error"]
    if len(gaps) < _EXCERPT_GAPS:
        yield from found
        return
    numbers = [s.marker.ordinal or 0 for s in run]
    missing = sum(b - a - 1 for a, b in itertools.pairwise(numbers) if b > a + 1)
    where = f"“{_label(parent)}”下" if parent else ""
    yield from (d for d in found if d not in gaps)
    span = gaps[0].span
    yield ctx.diag("DP202", f"{where}序号有{len(gaps)}处不连续，共缺{missing}个"
                   f"（{gaps[0].message}），似为节选",
                   span.start if span else None, span.end if span else None, severity="warning",
                   hint="如为全文，补上缺少的部分；如为节选，宜注明“节选”")


def _out_of_order(run: list[Section], first: int) -> bool:
    """Whether the numbers of ``run`` are each of ``first``, ``first + 1`` … once, not in order."""
    numbers = [s.marker.ordinal or 0 for s in run]
    return numbers != sorted(numbers) and sorted(numbers) == list(range(first, first + len(numbers)))


def _disorder(ctx: RuleContext, run: list[Section], parent: Section | None) -> Iterator[Diagnostic]:
    """DP204 on each sibling numbered lower than the one before it."""
    where = f"“{_label(parent)}”下" if parent else ""
    for previous, section in itertools.pairwise(run):
        if (section.marker.ordinal or 0) < (previous.marker.ordinal or 0):
            raw = section.marker.raw or ladder.BY_STYLE["cn_dun"].written(section.marker.ordinal or 0)
            yield _heading(ctx, "DP204", section, f"{where}序号“{raw}”排在“{_label(previous)}”之后，顺序颠倒",
                           "调整这几部分的先后，或按先后顺序重新编号")


def _run_findings(ctx: RuleContext, run: list[Section], parent: Section | None, first: int | None
                  ) -> Iterator[Diagnostic]:
    previous: Section | None = None
    where = f"“{_label(parent)}”下" if parent else ""
    for section in run:
        number = section.marker.ordinal or 0
        raw = section.marker.raw or ladder.BY_STYLE["cn_dun"].written(number)
        if previous is None:
            if number != first:
                written = ladder.renumbered(raw, first or 1)
                level = ladder.level_name(section.level)
                above = (parent.heading_span.end if parent else 0, section.heading_span.start)
                if _written_in(ctx.doc.text, section, first or 1, *above):
                    yield _heading(ctx, "DP205", section,
                                   f"{where}第一个{level}标题是“{raw}”；前文中有“{written}”，但未能识别为标题",
                                   f"核对“{written}”是否单独成行、写法是否规范", severity="info")
                else:
                    yield _heading(ctx, "DP205", section,
                                   f"{where}第一个{level}标题是“{raw}”，应从“{written}”开始",
                                   f"改为“{written}”，或补上前面缺少的部分")
        else:
            before = previous.marker.ordinal or 0
            yield from _step(ctx, previous, section, before, number, where,
                             parent is not None and parent.marker.style == "article")
        previous = section


def _step(ctx: RuleContext, previous: Section, section: Section, before: int, number: int, where: str,
          in_article: bool) -> Iterator[Diagnostic]:
    raw = section.marker.raw or ladder.BY_STYLE["cn_dun"].written(number)
    expected = ladder.renumbered(raw, before + 1)
    text = ctx.doc.text
    between = (previous.heading_span.end, section.heading_span.start)
    if number == before + 1:
        return
    if number == before:
        yield _heading(ctx, "DP203", section, f"{where}序号“{raw}”重复，按顺序应为“{expected}”",
                       f"改为“{expected}”，并顺延后面的序号")
    elif number == 1 or (number < before and _written_in(text, section, 1, *between)):
        # a restart; when its first number is in the text but was not read as a heading, a restart too
        if not in_article and not _starts_new_group(text[previous.span.start:section.heading_span.start]) \
                and not _announced(text[previous.heading_span.end:section.heading_span.start]):
            yield _heading(ctx, "DP206", section, f"{where}序号在“{_label(previous)}”之后又从“{raw}”"
                           f"重新开始，按顺序应为“{expected}”",
                           f"改为“{expected}”，或为新的一组内容加上级标题")
    elif number > before + 1:
        gap = range(before + 1, min(number, before + 6))
        missing = "、".join(f"“{ladder.renumbered(raw, n)}”" for n in gap)
        unread = [_written_as(text, section, n, *between) for n in gap]
        if all(unread):
            written = "、".join(f"“{w}”" for w in unread)
            yield _heading(ctx, "DP202", section, f"{where}序号从“{_label(previous)}”跳到“{raw}”；"
                           f"正文中有{written}，但未能识别为标题",
                           "核对这些序号是否单独成行、写法是否规范", severity="info")
        else:
            yield _heading(ctx, "DP202", section,
                           f"{where}序号从“{_label(previous)}”跳到“{raw}”，缺少{missing}",
                           "补上缺少的部分，或把序号改为连续")
    else:
        yield _heading(ctx, "DP204", section, f"{where}序号“{raw}”排在“{_label(previous)}”之后，顺序颠倒，"
                       f"按顺序应为“{expected}”", "按先后顺序重新编号")


_NUMERAL_CHAR = "一二三四五六七八九十百千零〇两0-9"


def _written_in(text: str, section: Section, number: int, start: int, end: int) -> bool:
    """Whether the marker of ``number`` in ``section``'s style is written in ``text[start:end]``
    (:func:`_written_as`)."""
    return _written_as(text, section, number, start, end) is not None


def _written_as(text: str, section: Section, number: int, start: int, end: int) -> str | None:
    """How the marker of ``number`` in ``section``'s style is written in ``text[start:end]``, if it
    is, not as a cited item (第（一）项) nor inside a longer number: a number the parser did not read
    as a heading (glued to a box title, in a line it did not cut, broken by a space: ``四 、``),
    which is no gap in the document."""
    if start >= end:
        return None
    written = fold(ladder.BY_STYLE[section.marker.style].written(number))
    marker = " *".join(map(re.escape, written))
    pattern = f"(?<![第{_NUMERAL_CHAR}.]){marker}(?![{_NUMERAL_CHAR}])"
    found = re.search(pattern, fold(text[start:end]))
    return None if found is None else text[start + found.start():start + found.end()]


_BOX = re.compile(r"(?:^|\n) *专栏 *[0-9一二三四五六七八九十]+")
"""The title line of a box (``专栏3　推动重点行业治污减排``): a box numbers its own items afresh."""
_NEW_GROUP = re.compile(r"(?:^|\n) *附件")
"""An attachment, which numbers its own parts afresh."""


def _announced(below: str) -> bool:
    """Whether a line of its own that ends with a colon stands right before a restarted number,
    below the heading of the sibling before it: a lead that announces a list of its own (``6.对于住宅
    建筑…`` / ``建筑层数应按建筑的自然层数计算，下列空间可不计入建筑层数：`` / ``1.室内顶板面…``)."""
    lines = fold(below).rstrip().split("\n")
    return len(lines) >= 2 and lines[-1].rstrip().endswith(":")


def _starts_new_group(between: str) -> bool:
    """Whether the text before a restarted number opens a new group that numbers afresh: an
    attachment, a box, or another document (a title ``…的通知`` or a closing date on a line of its
    own: several standards or notices printed one after another)."""
    folded = fold(between)
    if _NEW_GROUP.search(folded) or _BOX.search(folded):
        return True
    for line in folded.split("\n"):
        line = line.strip()
        if DATE_LINE.match(line) or _is_title_line(line):
            return True
    return False


_LONGEST_DOCUMENT_TITLE = 60


def _is_title_line(line: str) -> bool:
    """A line that reads as a document's title: short, no sentence stop, ending with a 文种."""
    return (0 < len(line) <= _LONGEST_DOCUMENT_TITLE and SENTENCE_STOP.search(line) is None
            and ladder.marker_at(line) is None and title_genre(line) is not None)


@rule(
    Code("DP207", "info", "标题层级越级（全文一致）"),
    Code("DP208", "warning", "标题层级越级方式不一致"),
)
def check_level_skips(ctx: RuleContext) -> Iterator[Diagnostic]:
    """一、 straight to 1.: info when the whole document does it, a warning when siblings differ.

    Not under decimal numbers (a plan's 5.4 may hold （1） items where 3.1 holds 3.1.1), nor under
    an unnumbered part (a bulletin's ``注释`` over its notes 1. 2.: no number, so no level to skip),
    nor where the child's numbering runs on from an earlier part (22. straight under 三、): none is
    a level skipped."""
    by_parent_rank: dict[int, list[tuple[Section, Section]]] = {}
    for parent, children in _sibling_groups(ctx):
        if parent and parent.marker.rank in _DOCUMENT_RANKS and children[0].marker.rank in _DOCUMENT_RANKS \
                and parent.marker.style not in ("decimal", "part") \
                and children[0].marker.ordinal in (1, None):
            by_parent_rank.setdefault(parent.marker.rank, []).append((parent, children[0]))
    for rank, pairs in by_parent_rank.items():
        child_ranks = Counter(child.marker.rank for _, child in pairs)
        usual = max(child_ranks, key=lambda r: (child_ranks[r], -abs(r - rank - 1)))
        for parent, child in pairs:
            if child.marker.rank != usual:
                model = next(c for _, c in pairs if c.marker.rank == usual)
                usual_label = ladder.renumbered(model.marker.raw, 1)
                yield _heading(ctx, "DP208", child,
                               f"“{_label(parent)}”下用“{_label(child)}”，而同级其他标题下用"
                               f"“{_label(model)}”，越级方式不一致", f"统一用“{usual_label}”一级的序号")
        if len(child_ranks) == 1 and usual > rank + 1:
            parent, child = pairs[0]
            yield _heading(ctx, "DP207", child,
                           f"“{_label(parent)}”下直接使用“{_label(child)}”，越过了中间层级"
                           "（全文一致，标准允许按需省略层级）",
                           "如需严格按 GB/T 9704 层次，依次使用“一、”“（一）”“1.”“（1）”")


@rule(Code("DP209", "warning", "层级倒置：高一级序号出现在低一级序号之后"))
def check_reversal(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A higher marker after a lower one at the same place (1. … then （一）): GB/T 15834 B.3.8."""
    for _, siblings in _sibling_groups(ctx):
        lowest: Section | None = None
        for section in siblings:
            rank = section.marker.rank
            if rank not in _DOCUMENT_RANKS or section.marker.style == "part":
                continue
            if lowest is not None and rank < lowest.marker.rank:
                high, low = _label(section), _label(lowest)
                yield _heading(ctx, "DP209", section, f"“{high}”出现在低一级的“{low}”之后，层级倒置",
                               f"“{high}”一级应在“{low}”一级之上，调整层级或序号")
            if lowest is None or rank > lowest.marker.rank:
                lowest = section


@rule(
    Code("DP210", "warning", "同级序号写法混用（全角/半角括号、下脚点/顿号）"),
    Code("DP211", "warning", "序号后标点不合规范（如“1、”“一.”“（一）、”）"),
    Code("DP212", "info", "序号使用半角括号（全文一致）"),
)
def check_marker_forms(ctx: RuleContext) -> Iterator[Diagnostic]:
    """Mixed forms at one level ((一) with （一）, 1. with 1、), wrong punctuation (1、), half brackets."""
    by_style: dict[MarkerStyle, list[Section]] = {}
    for section in ctx.sections():
        if section.marker.raw and ladder.BY_STYLE[section.marker.style].forms:
            by_style.setdefault(section.marker.style, []).append(section)
    for style, sections in by_style.items():
        forms = Counter(_form(s) for s in sections)
        if len(forms) > 1:
            usual = forms.most_common(1)[0][0]
            counts = "，".join(f"“{_example(sections, f)}”{n}处" for f, n in forms.most_common())
            for form in forms:
                if form != usual:
                    first = next(s for s in sections if _form(s) == form)
                    yield _heading(ctx, "DP210", first, f"同级序号写法不一致：{counts}",
                                   f"统一写作“{ladder.BY_STYLE[style].written(1)}”这样的形式")
        for form, count in forms.items():
            first = next(s for s in sections if _form(s) == form)
            stripped = ladder.punctuation(_plain_numerals(first.marker.raw), style)
            stripped = stripped.replace("(", "（").replace(")", "）")
            raw, proper = first.marker.raw, ladder.BY_STYLE[style].written(first.marker.ordinal or 1)
            if stripped not in ladder.BY_STYLE[style].forms and form != "字符" \
                    and fold(stripped) in ladder.BY_STYLE[style].forms:
                # the right mark in a look-alike glyph (﹒ U+FE52 for .): a typesetting matter
                yield _heading(ctx, "DP211", first, f"序号“{raw}”中的“{stripped}”是标点的变体字形"
                               f"（共{count}处），规范写作“{proper}”", "替换为标准标点字符", severity="info")
            elif stripped not in ladder.BY_STYLE[style].forms and form != "字符":
                yield _heading(ctx, "DP211", first, f"序号“{raw}”后的标点不合规范（共{count}处），"
                               f"应写作“{proper}”",
                               "GB/T 15834 B.3：汉字数字后用顿号，阿拉伯数字后用下脚点，括号序号后不加标点")
            elif ("(" in form or ")" in form) and len(forms) == 1:
                yield _heading(ctx, "DP212", first, f"序号“{raw}”使用半角括号（全文{count}处一致），"
                               f"规范为全角“{proper}”", "中文文本中的括号用全角“（）”")


def _plain_numerals(marker: str) -> str:
    """The marker with each look-alike of a Chinese character (the Kangxi radical ⼆ for 二) written
    as that character, its punctuation as written: a look-alike is no punctuation (DP210 reports it)."""
    return "".join(folded if CJK.match(folded := fold(char)) else char for char in marker)


def _form(section: Section) -> str:
    return ladder.punctuation(section.marker.raw, section.marker.style)


def _example(sections: list[Section], form: str) -> str:
    return next(s.marker.raw for s in sections if _form(s) == form)


@rule(Code("DP213", "warning", "标题下没有正文"))
def check_empty_headings(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A heading with neither text nor subsections under it.

    Not a numbered line that is a statement of its own: one ending with ；(an item of a list, as
    the lowest levels of 意见 and 通知 are written: ``（1）规范社会应急力量参与救援；``) or a sentence
    with a clause break ending with 。 (``（2）支持…发展，2024年底前培育300支以上示范队伍。``). A short
    lead sentence alone (``（一）加强组织领导。``) still is a heading without its text. Nor the 项 of
    an article (``第四条 有下列情形之一的：`` ``（一）未按规定备案的；`` ``（二）拒不接受监督检查的。``):
    in a regulation they are the article's text, never headings over text of their own. Nor a title
    longer than a heading's, nor an item of an amending decision (``一、删去第六条第二款``). Nor the
    lines of a list, numbered alike, none with text under it (the laws an appendix names, a
    glossary, indicator names, the parts a syllabus lists one sentence each): a list, not
    headings; nor the lines of a list one of which ends its first clause with ；, its text run on
    (``1.疏散楼梯…不符合标准；避难层…`` … ``3.疏散走道、楼梯间内部装修材料不符合标准。``): items of
    the text, the short ones too. Nor the items a colon announces (``处置措施如下：`` …
    ``（4）其他必要的紧急措施。``, ``注：1.…``, ``填写原则：``): the items of a list, or the notes
    to a table or a form."""
    text = ctx.doc.text
    items = {id(item) for section in ctx.doc.walk() if section.marker.style == "article"
             for item in section.walk() if item is not section}
    for _, siblings in _sibling_groups(ctx):
        for style in dict.fromkeys(s.marker.style for s in siblings):
            run = [s for s in siblings if s.marker.style == style]
            if _introduced(ctx, run) or (len(run) >= 2 and not any(_has_content(ctx, s) for s in run)) \
                    or any(_item_run_on(text, s) for s in run):
                items.update(id(s) for s in run)
    for section in ctx.sections():
        if not _has_content(ctx, section) and section.title_span is not None \
                and id(section) not in items \
                and not _is_statement(_heading_line(text, section), section.title):
            yield _heading(ctx, "DP213", section, f"标题“{_heading_text(section)}”下没有正文",
                           "补写正文，或删去这个标题")


_NOTE_LEAD = re.compile(r"(?:注释?|说明|备注|附注) *:$")
"""The lead of the notes under a table or a form: ``注：1.〔　〕内为五年累计数。``."""


def _introduced(ctx: RuleContext, run: list[Section]) -> bool:
    """Whether a run of numbered lines is the items a colon announces, blanks aside: the notes
    after ``注：``, or lines none of which has text under it after ``如下：`` (a report's parts
    after ``现将有关情况报告如下：`` are headings all the same)."""
    first = run[0].heading_span.start
    before = fold(ctx.doc.text[max(0, first - 200):first]).rstrip()
    if not before.endswith(":"):
        return False
    return _NOTE_LEAD.search(before) is not None or not any(_has_content(ctx, s) for s in run)


def _has_content(ctx: RuleContext, section: Section) -> bool:
    """Text or subsections under a heading."""
    return bool(section.body) or any(c.heading_span.start not in ctx.skipped for c in section.children)


def _item_run_on(text: str, section: Section) -> bool:
    """Whether a numbered line is an item of the text whose first clause ends with ； and whose
    text runs on in its line (``1.疏散楼梯…不符合标准；避难层（间）堆放杂物…``)."""
    end = section.heading_span.end
    line_end = text.find("\n", end)
    return _heading_line(text, section).endswith(("；", ";")) \
        and text[end:line_end if line_end >= 0 else len(text)].strip(" \t\u3000") != ""


def _heading_line(text: str, section: Section) -> str:
    return text[section.heading_span.start:section.heading_span.end].rstrip(" \t\u3000")


_LONGEST_TITLE = 40
"""A heading's title is seldom longer: a numbered line beyond it is an item of the text."""
_LONGEST_LEAD = 20
"""A lead sentence that serves as a heading (``（一）加强组织领导。``) is seldom longer."""
_AMENDMENT = re.compile(r"(?:删去|删除|将第|在第|增加|第[^条]{1,8}条(?:第[^款]{1,4}款)?修改为)")
"""How the items of an amending decision start (``一、删去第六条第二款``, ``二、将第五条修改为…``)."""
_IN_FORCE = re.compile(r"^本[^，,。]{1,12}自[^，,。]{2,30}(?:施行|实施|执行|生效)$")
"""The clause a 决定, 通知 or 通告 ends with as its last numbered item (``本决定自2021年9月1日起施行``,
``本通知自印发之日起实施``): a statement of the text, never a heading over text of its own."""


def _is_statement(heading: str, title: str) -> bool:
    """Whether a heading line reads as an item or sentence of the text (see :func:`check_empty_headings`):
    it ends with ；, it holds a sentence of more than one clause (``…，…达90%以上。（持续推进）``), it
    is a sentence ending with 。 longer than a lead sentence (``3、须提供本人的…免冠照片。``),
    its title is longer than a heading's, it is an item of an amending decision, or it is the clause
    that puts the text in force (``八、本决定自2021年9月1日起施行。``)."""
    return (heading.endswith(("；", ";")) or ("。" in heading and ("，" in heading or "," in heading))
            or (heading.endswith("。") and len(title) > _LONGEST_LEAD)
            or len(title) > _LONGEST_TITLE or _AMENDMENT.match(title) is not None
            or _IN_FORCE.match(title) is not None)


def _title_key(title: str) -> str:
    return re.sub(r"[\s,，。;；:：、.]", "", title)


@rule(Code("DP214", "warning", "同级标题重复"))
def check_duplicate_titles(ctx: RuleContext) -> Iterator[Diagnostic]:
    """Two siblings with the same title: a copy-paste slip or a merged part."""
    for parent, siblings in _sibling_groups(ctx):
        if parent is not None and parent.marker.style == "article":
            continue  # the 项 of an article's several lists may say the same
        seen: dict[str, Section] = {}
        for section in siblings:
            key = _title_key(section.title)
            if len(key) >= 2 and key in seen:
                yield _heading(ctx, "DP214", section, f"“{_heading_text(section)}”与同级的"
                               f"“{_label(seen[key])}”标题相同", "修改标题，或合并两部分")
            seen.setdefault(key, section)


_GBT9704_LEVELS = 4
"""GB/T 9704 names four levels: 一、 （一） 1. （1）."""


@rule(Code("DP215", "info", "标题层级超过四层"))
def check_depth(ctx: RuleContext) -> Iterator[Diagnostic]:
    """GB/T 9704 names four levels (一、 （一） 1. （1））; a fifth is worth a look. The levels counted
    are those numbered by its ladder: a law's 编章节条 above them nest by the 立法法, so the （一） of
    an article under 第一编 第一章 第二节 is the first level of its own, not the fifth."""
    tops = [*ctx.doc.sections, *(s for a in ctx.doc.attachments for s in a.sections)]
    deep = next(((s, n) for s, n in _ladder_depths(tops, 0) if n > _GBT9704_LEVELS
                 and s.heading_span.start not in ctx.skipped), None)
    if deep:
        section, depth = deep
        yield _heading(ctx, "DP215", section, f"“{_label(section)}”是第{depth}层标题，"
                       "超过 GB/T 9704 的四层", "考虑合并层级，或改用段内列举（一是、二是）")


def _ladder_depths(sections: list[Section], above: int) -> Iterator[tuple[Section, int]]:
    """Each section numbered by the GB/T 9704 ladder, with how many such levels it is down."""
    for section in sections:
        ladder_level = section.marker.rank in _DOCUMENT_RANKS
        if ladder_level:
            yield section, above + 1
        yield from _ladder_depths(section.children, above + ladder_level)


_MINORITY_OF = 3
"""A heading written otherwise than at least this many of its siblings is the odd one out."""


@rule(Code("DP216", "warning", "同级标题末尾标点不一致（有的加句号，有的不加）"))
def check_heading_stops(ctx: RuleContext) -> Iterator[Diagnostic]:
    """Siblings of one style over text of their own end alike: all with 。 (a lead sentence,
    ``（一）加强组织领导。``) or all without (``（一）组织领导``); one that differs from three or more is
    a slip. Only headings with text under them count, and a heading that is a sentence of several
    clauses, or ends with another mark (；：), is an item, not a lead: neither counts."""
    text = ctx.doc.text
    for _, siblings in _sibling_groups(ctx):
        for style in dict.fromkeys(s.marker.style for s in siblings):
            if style not in ("cn_dun", "cn_paren", "arabic_dot", "arabic_paren"):
                continue
            ends: dict[bool, list[Section]] = {True: [], False: []}
            for section in siblings:
                stop = _lead_stop(text, section)
                if section.marker.style == style and stop is not None and _has_content(ctx, section):
                    ends[stop].append(section)
            for stop, odd in ends.items():
                usual = ends[not stop]
                if len(odd) == 1 and len(usual) >= _MINORITY_OF:
                    written = "加句号" if stop else "不加句号"
                    yield _heading(ctx, "DP216", odd[0],
                                   f"“{_heading_text(odd[0])}”末尾{written}，同级的其他{len(usual)}个标题"
                                   f"{'不加' if stop else '都加'}", "同级标题末尾统一加或不加句号")


def _lead_stop(text: str, section: Section) -> bool | None:
    """Whether a heading line ends with 。 (True) or with no mark (False); None for an item: a line
    ending with another mark, a title longer than a heading's, a sentence with a clause break, an
    item of an amending decision (``二、删去第八条。``)."""
    line = fold(_heading_line(text, section))
    if not line or len(section.title) > _LONGEST_TITLE or _AMENDMENT.match(section.title):
        return None
    if line.endswith("。"):
        return None if "," in line else True
    return None if re.search(r"[,;:、!?.)\]）”\"]$", line) else False
