"""Check a parsed Document against the rules of 公文 and report writing; findings are Diagnostics.

One small function per rule, collected in :data:`RULES` (generic) and in each profile's ``checks``
(profiles.py). Every rule reads the finished tree and yields located diagnostics; none raises, and a
rule that fails on an unforeseen input is skipped with a DP901 note. Sources of each rule are in
docs/diagnostics.md (GB/T 9704—2012, GB/T 15834—2011, 督察规定; domain-rules.md §1, §5, §6).
"""

from __future__ import annotations

import itertools
import re
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import diagnostics
from .models import Diagnostic, Document, EnumItem, Section, Severity
from .numerals import cn_to_int, int_to_cn
from .profiles import Profile, resolve
from .spans import Locator

Rule = Callable[["Context"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Context:
    """What every rule reads: the document, the chosen profile, and a way to build located findings."""

    doc: Document
    profile: Profile
    locator: Locator
    halfwidth: bool
    """The whole text uses half-width punctuation (scraped or converted): width findings are info."""
    skipped: frozenset[int] = frozenset()
    """Heading offsets that are really lines of an 附件说明 list (``附件：1.…`` / ``2.…``), not headings."""

    def sections(self) -> Iterator[Section]:
        """Every real heading, in document order."""
        return (s for s in self.doc.walk() if s.heading_span.start not in self.skipped)

    def diag(self, code: str, message: str, start: int | None = None, end: int | None = None, *,
             hint: str | None = None, severity: Severity | None = None) -> Diagnostic:
        return diagnostics.make(code, message, self.locator, start, end, hint=hint, severity=severity)


def validate(doc: Document, profile: str | Profile = "auto") -> list[Diagnostic]:
    """Every finding about ``doc``: the parser's own diagnostics plus the structure, format and profile rules.

    Args:
        doc: a parsed document.
        profile: ``auto`` (from the title), a profile name or alias (``gongwen``, ``fzzf``/``fazhi_annual``,
            ``gzbg``/``gov_work_report``), or a :class:`~docparse.profiles.Profile`.

    Returns:
        Diagnostics sorted by position; never raises for any document.

    Raises:
        ValueError: ``profile`` names no known profile.

    >>> from docparse import parse
    >>> [d.code for d in validate(parse("关于工作的报告\\n一、总体情况\\n内容。\\n三、下步安排\\n内容。"))]
    ['DP202']
    """
    chosen = profile if isinstance(profile, Profile) else resolve(doc, profile)
    ctx = Context(doc, chosen, Locator(doc.text), _uses_halfwidth(doc.text), _attachment_lines(doc))
    found = list(doc.diagnostics)
    for rule in (*RULES, *chosen.checks):
        try:
            found.extend(rule(ctx))
        except Exception as exc:  # noqa: PERF203 - one broken rule must not hide the others
            found.append(ctx.diag("DP901", f"检查“{getattr(rule, '__name__', rule)}”内部出错"
                                  f"（{type(exc).__name__}），已跳过", hint="请附上输入文件报告此问题"))
    kept = [d.model_copy(update={"severity": chosen.severity[d.code]}) if d.code in chosen.severity else d
            for d in found if d.code not in chosen.disabled]
    return sorted(kept, key=lambda d: (d.span.start if d.span else -1, d.code))


def _uses_halfwidth(text: str) -> bool:
    return text.count(",") > max(3, text.count("，"))


_ATTACHMENT_HEAD = re.compile(r"^\s*附件\s*[:：]")
_LIST_LINE = re.compile(r"^\s*\d{1,2}\s*[.．、]")


def _attachment_lines(doc: Document) -> frozenset[int]:
    """Headings that are really ``2.某某清单`` lines continuing ``附件：1.某某办法``.

    The parser may take such a line for a heading; structure rules must not judge it as one.
    """
    skipped = set()
    for section in doc.walk():
        if section.marker.style != "arabic_dot":
            continue
        line_start = section.heading_span.start - (section.heading_span.column - 1)
        above = doc.text[max(0, line_start - 2000):line_start].split("\n")[:-1]
        while above and _LIST_LINE.match(above[-1]):
            above.pop()
        if above and _ATTACHMENT_HEAD.match(above[-1]):
            skipped.add(section.heading_span.start)
    return frozenset(skipped)


# ------------------------------------------------------------------ helpers

_NUMERAL = re.compile(r"[一二三四五六七八九十百千零〇]+|[0-9]+")
_LADDER = range(4, 10)
"""Ranks of the GB/T 9704 ladder and below (一、 （一） 1. （1） 1） ①).

Laws (编章节条) nest by their own rules (章 straight to 条 is normal)."""
_LEVEL_NAMES = ("一级", "二级", "三级", "四级", "五级", "六级")


def _relabel(raw: str, style: str, number: int) -> str:
    """``raw`` with its number replaced: ``(二)`` → ``(三)``, keeping the writer's own form."""
    if style == "circled" and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    match = _NUMERAL.search(raw)
    if not match:
        return raw
    digits = match.group().isdigit()
    return raw[: match.start()] + (str(number) if digits else int_to_cn(number)) + raw[match.end():]


def _label(section: Section) -> str:
    return section.marker.raw or f"（缺序号）{section.title[:8]}"


def _level_name(level: int) -> str:
    return _LEVEL_NAMES[level - 1] if level <= len(_LEVEL_NAMES) else f"{level}级"


def _sibling_groups(ctx: Context) -> Iterator[tuple[Section | None, list[Section]]]:
    yield None, [s for s in ctx.doc.sections if s.heading_span.start not in ctx.skipped]
    for section in ctx.sections():
        children = [c for c in section.children if c.heading_span.start not in ctx.skipped]
        if children:
            yield section, children


def _heading(ctx: Context, code: str, section: Section, message: str, hint: str) -> Diagnostic:
    span = section.heading_span
    end = span.start + max(len(section.marker.raw), 1)
    return ctx.diag(code, message, span.start, end, hint=hint)


# ------------------------------------------------------------------ DP2xx heading structure


def check_numbering(ctx: Context) -> Iterator[Diagnostic]:
    """Gaps, repeats, disorder, restarts and late starts among siblings of one style (articles: globally)."""
    for parent, siblings in _sibling_groups(ctx):
        for style in dict.fromkeys(s.marker.style for s in siblings):
            if style in ("article", "part"):
                continue
            run = [s for s in siblings if s.marker.style == style and s.marker.ordinal is not None]
            yield from _sequence(ctx, run, parent)
    articles = [s for s in ctx.sections() if s.marker.style == "article" and s.marker.ordinal is not None]
    yield from _sequence(ctx, articles, None)  # 第X条 numbering runs through all chapters (立法法)


def _sequence(ctx: Context, run: list[Section], parent: Section | None) -> Iterator[Diagnostic]:
    previous: Section | None = None
    where = f"“{_label(parent)}”下" if parent else ""
    for section in run:
        number = section.marker.ordinal or 0
        style, raw = section.marker.style, section.marker.raw or _relabel("一、", "cn_dun", number)
        if previous is None:
            if number != 1:
                first = _relabel(raw, style, 1)
                level = _level_name(section.level)
                yield _heading(ctx, "DP205", section, f"{where}第一个{level}标题是“{raw}”，应从“{first}”开始",
                               f"改为“{first}”，或补上前面缺少的部分")
        else:
            before = previous.marker.ordinal or 0
            yield from _step(ctx, previous, section, before, number, where)
        previous = section


def _step(ctx: Context, previous: Section, section: Section, before: int, number: int, where: str
          ) -> Iterator[Diagnostic]:
    style, raw = section.marker.style, section.marker.raw or _relabel("一、", "cn_dun", number)
    expected = _relabel(raw, style, before + 1)
    if number == before + 1:
        return
    if number == before:
        yield _heading(ctx, "DP203", section, f"{where}序号“{raw}”重复，按顺序应为“{expected}”",
                       f"改为“{expected}”，并顺延后面的序号")
    elif number == 1:
        between = ctx.doc.text[previous.span.start:section.heading_span.start]
        if not re.search(r"(^|\n)\s*附件", between):  # an attachment may number its own parts
            yield _heading(ctx, "DP206", section, f"{where}序号在“{_label(previous)}”之后又从“{raw}”"
                           f"重新开始，按顺序应为“{expected}”",
                           f"改为“{expected}”，或为新的一组内容加上级标题")
    elif number > before + 1:
        gap = range(before + 1, min(number, before + 6))
        missing = "、".join(f"“{_relabel(raw, style, n)}”" for n in gap)
        yield _heading(ctx, "DP202", section, f"{where}序号从“{_label(previous)}”跳到“{raw}”，缺少{missing}",
                       "补上缺少的部分，或把序号改为连续")
    else:
        yield _heading(ctx, "DP204", section, f"{where}序号“{raw}”排在“{_label(previous)}”之后，顺序颠倒，"
                       f"按顺序应为“{expected}”", "按先后顺序重新编号")


def check_level_skips(ctx: Context) -> Iterator[Diagnostic]:
    """一、 straight to 1.: info when the whole document does it, a warning when siblings differ."""
    by_parent_rank: dict[int, list[tuple[Section, Section]]] = {}
    for parent, children in _sibling_groups(ctx):
        if parent and parent.marker.rank in _LADDER and children[0].marker.rank in _LADDER:
            by_parent_rank.setdefault(parent.marker.rank, []).append((parent, children[0]))
    for rank, pairs in by_parent_rank.items():
        child_ranks = Counter(child.marker.rank for _, child in pairs)
        usual = max(child_ranks, key=lambda r: (child_ranks[r], -abs(r - rank - 1)))
        for parent, child in pairs:
            if child.marker.rank != usual:
                model = next(c for _, c in pairs if c.marker.rank == usual)
                usual_label = _relabel(model.marker.raw, model.marker.style, 1)
                yield _heading(ctx, "DP208", child,
                               f"“{_label(parent)}”下用“{_label(child)}”，而同级其他标题下用"
                               f"“{_label(model)}”，越级方式不一致", f"统一用“{usual_label}”一级的序号")
        if len(child_ranks) == 1 and usual > rank + 1:
            parent, child = pairs[0]
            yield _heading(ctx, "DP207", child,
                           f"“{_label(parent)}”下直接使用“{_label(child)}”，越过了中间层级"
                           "（全文一致，标准允许按需省略层级）",
                           "如需严格按 GB/T 9704 层次，依次使用“一、”“（一）”“1.”“（1）”")


def check_reversal(ctx: Context) -> Iterator[Diagnostic]:
    """A higher marker after a lower one at the same place (1. … then （一）): GB/T 15834 B.3.8."""
    for _, siblings in _sibling_groups(ctx):
        lowest: Section | None = None
        for section in siblings:
            rank = section.marker.rank
            if rank not in _LADDER or section.marker.style == "part":
                continue
            if lowest is not None and rank < lowest.marker.rank:
                high, low = _label(section), _label(lowest)
                yield _heading(ctx, "DP209", section, f"“{high}”出现在低一级的“{low}”之后，层级倒置",
                               f"“{high}”一级应在“{low}”一级之上，调整层级或序号")
            if lowest is None or rank > lowest.marker.rank:
                lowest = section


_STANDARD_FORMS = {"cn_dun": {"、"}, "cn_paren": {"（）"}, "arabic_dot": {".", "．"},
                   "arabic_paren": {"（）"}, "circled": {""}, "arabic_half_paren": {"）", ")"}}
_FIXES = {"cn_dun": "一、", "cn_paren": "（一）", "arabic_dot": "1.", "arabic_paren": "（1）"}


def _form(raw: str) -> str:
    """The punctuation of a marker without its number: ``(一)`` → ``()``, ``1、`` → ``、``."""
    if raw and raw[0] in "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑":
        return "字符"
    return _NUMERAL.sub("", raw) if not ("①" <= raw[:1] <= "⑳") else raw[1:]


def check_marker_forms(ctx: Context) -> Iterator[Diagnostic]:
    """Mixed forms at one level ((一) with （一）, 1. with 1、), wrong punctuation (1、), half brackets."""
    by_style: dict[str, list[Section]] = {}
    for section in ctx.sections():
        if section.marker.raw and section.marker.style in _STANDARD_FORMS:
            by_style.setdefault(section.marker.style, []).append(section)
    for style, sections in by_style.items():
        forms = Counter(_form(s.marker.raw) for s in sections)
        if len(forms) > 1:
            usual = forms.most_common(1)[0][0]
            counts = "，".join(f"“{_example(sections, f)}”{n}处" for f, n in forms.most_common())
            for form in forms:
                if form != usual:
                    first = next(s for s in sections if _form(s.marker.raw) == form)
                    yield _heading(ctx, "DP210", first, f"同级序号写法不一致：{counts}",
                                   f"统一写作“{_FIXES.get(style, _example(sections, usual))}”这样的形式")
        for form, count in forms.items():
            first = next(s for s in sections if _form(s.marker.raw) == form)
            stripped = form.replace("(", "（").replace(")", "）")
            raw, proper = first.marker.raw, _relabel(_FIXES.get(style, ""), style, first.marker.ordinal or 1)
            if stripped not in _STANDARD_FORMS[style] and form != "字符":
                yield _heading(ctx, "DP211", first, f"序号“{raw}”后的标点不合规范（共{count}处），"
                               f"应写作“{proper}”",
                               "GB/T 15834 B.3：汉字数字后用顿号，阿拉伯数字后用下脚点，括号序号后不加标点")
            elif ("(" in form or ")" in form) and len(forms) == 1:
                yield _heading(ctx, "DP212", first, f"序号“{raw}”使用半角括号（全文{count}处一致），"
                               f"规范为全角“{proper}”", "中文文本中的括号用全角“（）”")


def _example(sections: list[Section], form: str) -> str:
    return next(s.marker.raw for s in sections if _form(s.marker.raw) == form)


def check_empty_headings(ctx: Context) -> Iterator[Diagnostic]:
    """A heading with neither text nor subsections under it.

    Not a numbered line that is a statement of its own: one ending with ；(an item of a list, as
    the lowest levels of 意见 and 通知 are written: ``（1）规范社会应急力量参与救援；``) or a sentence
    with a clause break ending with 。 (``（2）支持…发展，2024年底前培育300支以上示范队伍。``). A short
    lead sentence alone (``（一）加强组织领导。``) still is a heading without its text. Nor the 项 of
    an article (``第四条 有下列情形之一的：`` ``（一）未按规定备案的；`` ``（二）拒不接受监督检查的。``):
    in a regulation they are the article's text, never headings over text of their own."""
    text = ctx.doc.text
    items = {id(item) for section in ctx.doc.walk() if section.marker.style == "article"
             for item in section.walk() if item is not section}
    for section in ctx.sections():
        real_children = [c for c in section.children if c.heading_span.start not in ctx.skipped]
        if not section.body and not real_children and section.title_span is not None \
                and id(section) not in items \
                and not _is_statement(text[section.heading_span.start:section.heading_span.end]):
            yield _heading(ctx, "DP213", section, f"标题“{_label(section)}{section.title}”下没有正文",
                           "补写正文，或删去这个标题")


def _is_statement(heading: str) -> bool:
    """Whether a heading line reads as an item or sentence of the text (see :func:`check_empty_headings`)."""
    line = heading.rstrip(" \t\u3000")
    return line.endswith(("；", ";")) or (line.endswith("。") and ("，" in line or "," in line))


def _title_key(title: str) -> str:
    return re.sub(r"[\s,，。;；:：、.]", "", title)


def check_duplicate_titles(ctx: Context) -> Iterator[Diagnostic]:
    """Two siblings with the same title: a copy-paste slip or a merged part."""
    for _, siblings in _sibling_groups(ctx):
        seen: dict[str, Section] = {}
        for section in siblings:
            key = _title_key(section.title)
            if len(key) >= 2 and key in seen:
                yield _heading(ctx, "DP214", section, f"“{_label(section)}{section.title}”与同级的"
                               f"“{_label(seen[key])}”标题相同", "修改标题，或合并两部分")
            seen.setdefault(key, section)


def check_depth(ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 9704 names four levels (一、 （一） 1. （1））; a fifth is worth a look."""
    deep = next((s for s in ctx.sections() if s.level >= 5 and s.marker.rank in _LADDER), None)
    if deep:
        yield _heading(ctx, "DP215", deep, f"“{_label(deep)}”是第{deep.level}层标题，超过 GB/T 9704 的四层",
                       "考虑合并层级，或改用段内列举（一是、二是）")


# ------------------------------------------------------------------ DP3xx enumerations


def _enum_marker(item: EnumItem, number: int) -> str:
    return _relabel(item.marker.rstrip(",，、 "), "enum", number)


def _enumeration_runs(items: list[EnumItem]) -> list[list[EnumItem]]:
    runs: list[list[EnumItem]] = []
    for item in items:
        if runs and item.ordinal != 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def check_enumerations(ctx: Context) -> Iterator[Diagnostic]:
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


def _check_run(ctx: Context, run: list[EnumItem], region: tuple[int, int]) -> Iterator[Diagnostic]:
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


def _check_sequence(ctx: Context, region: tuple[int, int]) -> Iterator[Diagnostic]:
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
        expected = _relabel(marker, "enum", before + 1)
        kind = "重复" if number <= before else "不连续"
        start = match.end() - len(marker)
        yield ctx.diag("DP303", f"列举序号{kind}：“{_relabel(marker, 'enum', before)}”之后是“{marker}”，"
                       f"应为“{expected}”", start, match.end(), hint="按顺序重新编号")


# ------------------------------------------------------------------ DP4xx format


_DOC_NUMBER = re.compile(
    r"^(?P<org>[^\s\d]{1,20}?)\s*(?P<open>[〔\[【(（［〖{])\s*(?P<year>\d{2,4})\s*(?P<close>[〕\]】)）］〗}])"
    r"\s*(?P<zi>字)?\s*(?P<di>第)?\s*(?P<seq>\d{1,6})\s*(?P<hao>号)?$"
)


def check_doc_number(ctx: Context) -> Iterator[Diagnostic]:
    """发文字号 {代字}〔YYYY〕N号: GB/T 9704 §7.2.5 (令号 第N号 and 公告 年第N号 are other families)."""
    value = ctx.doc.metadata.doc_number
    if not value:
        return
    match = _DOC_NUMBER.match(value.strip())
    if not match or match["org"].endswith("令"):
        return
    field = next((f for f in ctx.doc.metadata.fields if f.key == "doc_number"
                  and f.span.start < f.value_span.start), None)  # a labelled field, not the head line
    start: int | None
    end: int | None
    if field:
        start, end, source = field.value_span.start, field.value_span.end, "网页元数据中的"
    else:
        found = ctx.doc.text.find(value)
        start, end, source = (found, found + len(value), "") if found >= 0 else (None, None, "")
    year = match["year"]
    fixed = f"{match['org']}〔{year}〕{int(match['seq'])}号"
    strict: Severity | None = "warning" if field else None  # page metadata is noisy (domain-rules §3.1)
    if (match["open"], match["close"]) != ("〔", "〕"):
        yield ctx.diag("DP401", f"{source}发文字号“{value}”的年份应用六角括号“〔〕”：“{fixed}”", start, end,
                       hint=f"改为“{fixed}”", severity=strict)
    if len(year) != 4:
        yield ctx.diag("DP402", f"{source}发文字号“{value}”的年份应写全四位", start, end,
                       hint="年份写全，如“〔2022〕”", severity=strict)
    if match["zi"] or match["di"] or match["seq"].startswith("0"):
        yield ctx.diag("DP403", f"{source}发文字号“{value}”的序号不加“第”“字”、不编虚位：“{fixed}”",
                       start, end, hint=f"改为“{fixed}”")
    if not match["hao"]:
        yield ctx.diag("DP404", f"{source}发文字号“{value}”缺少“号”", start, end, hint=f"改为“{fixed}”")


_CN_DATE = re.compile(
    r"^[〇零○OＯ0一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$"
)
_PADDED = re.compile(r"^\d{4}年(0\d)月|^\d{4}年\d{1,2}月(0\d)日")
_SEPARATED = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$")
_ERA = (2012, 7, 1)
"""GB/T 9704—2012 (Arabic dates) in force; the 1999 standard wrote 成文日期 in Chinese numerals."""


def check_date(ctx: Context) -> Iterator[Diagnostic]:
    """成文日期 written 2022年1月28日: Arabic, full year, no padding (GB/T 9704 §7.3.5.4)."""
    closing = ctx.doc.closing
    if not closing or not closing.date_text or not closing.date_span:
        return
    raw = "".join(closing.date_text.split())
    start, end = closing.date_span.start, closing.date_span.end
    date = closing.date
    if date is None:
        yield ctx.diag("DP407", f"成文日期“{raw}”不是存在的日期", start, end, hint="核对年月日")
        return
    proper = f"{date.year}年{date.month}月{date.day}日"
    if _CN_DATE.match(raw):
        era = (date.year, date.month, date.day) >= _ERA
        yield ctx.diag("DP406", f"成文日期“{raw}”用汉字数字；GB/T 9704—2012 起应写作“{proper}”"
                       + ("" if era else "（该日期早于2012年7月1日，当时的标准用汉字，仅作提示）"),
                       start, end, hint=f"改为“{proper}”", severity=None if era else "info")
        if re.search(r"[零○OＯ0]", raw[:4]):
            yield ctx.diag("DP409", f"汉字年份“{raw[:4]}”中的零应写作“〇”", start, start + 4,
                           hint="年份中的零用“〇”（U+3007）")
    elif _SEPARATED.match(raw):
        yield ctx.diag("DP408", f"成文日期“{raw}”应写作“{proper}”", start, end, hint=f"改为“{proper}”")
    elif _PADDED.match(raw):
        yield ctx.diag("DP405", f"成文日期“{raw}”的月、日不应补零，应为“{proper}”", start, end,
                       hint=f"改为“{proper}”")


_END_PUNCT = re.compile(r"[。，,.;；:：!！?？、]$")


def check_title(ctx: Context) -> Iterator[Diagnostic]:
    """A title never ends with punctuation (CONV; errata of 公文 titles)."""
    title = ctx.doc.title
    if title and title.spans and _END_PUNCT.search(title.text.rstrip()):
        last = title.spans[-1]
        end = last.end
        while end > last.start and ctx.doc.text[end - 1].isspace():
            end -= 1
        yield ctx.diag("DP410", f"标题以标点“{ctx.doc.text[end - 1]}”结尾", end - 1, end,
                       hint="删去标题末尾的标点")


def check_addressee(ctx: Context) -> Iterator[Diagnostic]:
    """主送机关 ends with a full-width colon ：(GB/T 9704 §7.3.2)."""
    addressee = ctx.doc.addressee
    if addressee and addressee.text.rstrip().endswith(":"):
        end = addressee.span.start + len(addressee.text.rstrip())
        yield ctx.diag("DP411", f"“{addressee.text.strip()}”末尾的冒号应为全角“：”", end - 1, end,
                       hint="改为全角冒号“：”", severity="info" if ctx.halfwidth else None)


_ATTACHMENT_NOTE = re.compile(r"^(?P<indent>\s*)附件\s*(?P<colon>[:：])\s*(?P<rest>\S.*)$")
_ATTACHMENT_ITEM = re.compile(r"^(?P<number>\d{1,2})\s*(?P<point>[.．、,，]?)\s*(?P<name>.*)$")


def check_attachments(ctx: Context) -> Iterator[Diagnostic]:
    """附件说明: full-width colon, 1. 2. numbering, no punctuation after names (GB/T 9704 §7.3.4)."""
    lines = ctx.doc.text.split("\n")
    offset = 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    for index, line in enumerate(lines):
        match = _ATTACHMENT_NOTE.match(line)
        if not match:
            continue
        if match["colon"] == ":":
            at = starts[index] + match.start("colon")
            yield ctx.diag("DP412", "附件说明的冒号应为全角“：”", at, at + 1, hint="写作“附件：”",
                           severity="info" if ctx.halfwidth else None)
        items = [(starts[index] + match.start("rest"), match["rest"].rstrip())]
        for following in range(index + 1, len(lines)):
            if not _ATTACHMENT_ITEM.match(lines[following].strip()) or not lines[following].strip():
                break
            indent = len(lines[following]) - len(lines[following].lstrip())
            items.append((starts[following] + indent, lines[following].strip()))
        yield from _attachment_items(ctx, items)


def _attachment_items(ctx: Context, items: list[tuple[int, str]]) -> Iterator[Diagnostic]:
    numbered = [(at, text, m) for at, text in items if (m := _ATTACHMENT_ITEM.match(text))]
    for at, text, match in numbered:
        if match["point"] not in (".", "．"):
            yield ctx.diag("DP412", f"附件序号“{text[:match.end('point')]}”应写作“{match['number']}.”", at,
                           at + match.end("point"), hint="多个附件用“1.”“2.”编号")
    for at, text in items:
        if _END_PUNCT.search(text) or text.endswith("；"):
            yield ctx.diag("DP412", f"附件名称“{text}”末尾不加标点", at + len(text) - 1, at + len(text),
                           hint="删去附件名称后的标点")
    if len(items) == 1 and numbered:
        at, text, match = numbered[0]
        yield ctx.diag("DP413", f"只有一个附件，不需要序号“{text[:match.end('point')]}”", at,
                       at + match.end("point"), hint="只有一个附件时写作“附件：名称”")


def check_halfwidth(ctx: Context) -> Iterator[Diagnostic]:
    """Say once that the text uses half-width punctuation, and so why width findings are only info."""
    if ctx.halfwidth:
        text = ctx.doc.text
        first = text.find(",")
        half, full = text.count(","), text.count("，")
        yield ctx.diag("DP414", f"全文标点为半角（半角逗号{half}处，全角逗号{full}处），"
                       "多为网页抓取或格式转换所致", first, first + 1,
                       hint="如为正式文本，应使用全角中文标点；半角括号、冒号等问题因此只作提示")


# ------------------------------------------------------------------ DP6xx metadata against the body


def _same_title(meta: str, body: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"[\s《》“”\"'。.,，]", "", text.replace("（", "(").replace("）", ")"))

    a, b = key(meta), key(body)
    a_cut = a.rstrip("…").removesuffix("...")
    return a == b or a in b or b in a or (a_cut != a and b.startswith(a_cut))


def check_meta_title(ctx: Context) -> Iterator[Diagnostic]:
    """The page's 标题 field names the same document as the body title."""
    doc = ctx.doc
    meta = doc.metadata.title
    if not meta or not doc.title or _same_title(meta, doc.title.text):
        return
    field = next((f for f in doc.metadata.fields if f.key == "title"), None)
    span = (field.value_span.start, field.value_span.end) if field else (None, None)
    yield ctx.diag("DP601", f"元数据标题“{meta}”与正文标题“{doc.title.text}”不一致", *span,
                   hint="核对是否为同一文件，更正元数据或标题")


def check_meta_date(ctx: Context) -> Iterator[Diagnostic]:
    """The page's 成文日期 equals the date under the signature (metadata may pad: 2022年01月28日)."""
    doc = ctx.doc
    meta, closing = doc.metadata.written_date, doc.closing
    if meta and closing and closing.date and closing.date_span and meta != closing.date:
        yield ctx.diag("DP602", f"元数据成文日期为{meta.isoformat()}，"
                       f"文末成文日期为{closing.date.isoformat()}",
                       closing.date_span.start, closing.date_span.end, hint="核对并更正其中之一")


_NUMBER_YEAR = re.compile(r"[〔\[【(（［]\s*((?:19|20)\d{2})\s*[〕\]】)）］]")


def check_number_year(ctx: Context) -> Iterator[Diagnostic]:
    """The year in the 发文字号 is the year the document was written (±1 around New Year)."""
    doc = ctx.doc
    written = doc.closing.date if doc.closing and doc.closing.date else doc.metadata.written_date
    match = _NUMBER_YEAR.search(doc.metadata.doc_number or "")
    if not written or not match:
        return
    year = int(match.group(1))
    if year == written.year or (abs(year - written.year) == 1 and written.month in (1, 12)):
        return
    value = doc.metadata.doc_number or ""
    field = next((f for f in doc.metadata.fields if f.key == "doc_number"), None)
    start = field.value_span.start if field else doc.text.find(value)
    yield ctx.diag("DP603", f"发文字号“{value}”的年份{year}与成文日期{written.isoformat()}不符",
                   start if start >= 0 else None, start + len(value) if start >= 0 else None,
                   hint="核对发文字号或成文日期")


def check_publish_date(ctx: Context) -> Iterator[Diagnostic]:
    """A document cannot be published before it was written."""
    doc = ctx.doc
    written = doc.closing.date if doc.closing and doc.closing.date else doc.metadata.written_date
    published = doc.metadata.publish_date
    if written and published and published < written:
        field = next((f for f in doc.metadata.fields if f.key == "publish_date"), None)
        span = (field.span.start, field.span.end) if field else (None, None)
        yield ctx.diag("DP604", f"发布日期{published.isoformat()}早于成文日期{written.isoformat()}", *span,
                       hint="核对发布日期和成文日期")


RULES: tuple[Rule, ...] = (
    check_numbering,
    check_level_skips,
    check_reversal,
    check_marker_forms,
    check_empty_headings,
    check_duplicate_titles,
    check_depth,
    check_enumerations,
    check_doc_number,
    check_date,
    check_title,
    check_addressee,
    check_attachments,
    check_halfwidth,
    check_meta_title,
    check_meta_date,
    check_number_year,
    check_publish_date,
)
"""The generic rules, in the order they run; profiles add their own (profiles.py)."""


class _CallableModule(types.ModuleType):
    """``docparse.validate(doc)`` must work even after ``import docparse.validate`` has bound the
    package attribute ``validate`` to this module (the public function and the module share a name)."""

    def __call__(self, doc: Document, profile: str | Profile = "auto") -> list[Diagnostic]:
        return validate(doc, profile)


sys.modules[__name__].__class__ = _CallableModule
