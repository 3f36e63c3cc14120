"""法治政府建设年度报告 (``fzzf``): the five parts the 督察规定 (厅字〔2019〕28号) asks for, found by
meaning, and the 1 April publication deadline (DP501–DP509; domain-rules.md §2.1, §6.7).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...body.roles import role_of_title
from ...diagnostics import Code
from ...models import Diagnostic, Document, Section, SectionRole, Severity
from ..context import RuleContext, rule
from .profile import Profile


@dataclass(frozen=True)
class Part:
    """One content item the 督察规定 requires, and how to recognise it by meaning."""

    key: SectionRole
    name: str
    code: str
    lead: re.Pattern[str] | None = None
    """Wording that opens an unheaded paragraph or an enumeration item devoted to the part."""
    mention: re.Pattern[str] | None = None
    """Wording of a passing mention inside another part (reported as DP506 info, not missing)."""


_PROBLEMS_LEAD = re.compile(
    r"(存在|仍有|还有|仍存在|还存在|也存在|依然存在)[^。]{0,15}(问题|不足|差距|短板|薄弱环节)|"
    r"(虽|虽然)[^。]{0,40}(但|但是)[^。]{0,40}(差距|不足|问题|短板)|(问题|不足)(主要)?(表现|体现)在"
)
_PLANS_LEAD = re.compile(
    r"^(\d{4}年(度)?|下一步|下一年度?|今后|明年|来年|新的一年)[,，]?[^。]{0,12}?(我们|我[市县区乡镇局委厅]|全[市县区])?"
    r"[^。]{0,4}(将|要|计划|拟)"
)
_DUTY_LEAD = re.compile(
    r"(主要负责|主要领导|负责同志|党政一把手)[^。]{0,20}第一责任人|第一责任人[^。]{0,14}(职责|责任)"
)

FZ_PARTS: tuple[Part, ...] = (
    Part("measures", "主要举措和成效", "DP501"),
    Part("duty", "党政主要负责人履行推进法治建设第一责任人职责情况", "DP502", lead=_DUTY_LEAD,
         mention=re.compile(r"第一责任人")),
    Part("problems", "存在的不足和原因", "DP503", lead=_PROBLEMS_LEAD),
    Part("plans", "下一年度主要安排", "DP504", lead=_PLANS_LEAD),
)
_OTHER_HEADING = re.compile(r"其他(需要|需)?(报告|说明)的?(情况|事项)|其他情况|其他事项")
_CAUSES = re.compile(r"原因|由于|究其|根源|导致|造成")

DUCHA_IN_FORCE = 2019
"""The 督察规定 took effect on 2019-04-15: reports about 2018 and earlier were not bound by its list."""
PUBLICATION_RULE_FROM = 2015
"""The 2015 纲要 introduced the first-quarter report; the 督察规定 Art. 24 keeps 1 April."""


def _first_sentence(text: str) -> str:
    stop = text.find("。")
    return text if stop < 0 else text[: stop + 1]


def _leads(doc: Document) -> Iterator[tuple[Section | None, str, int, int]]:
    """Units that can carry a whole part without a heading: later paragraphs and enumeration items.

    Yields (section, lead sentence, start, end). A section's first paragraph belongs to the section's
    own topic, so only the following ones count; every item lead counts (三是认真履行…第一责任人职责).
    """
    for section in doc.walk():
        for index, paragraph in enumerate(section.body):
            if index > 0:
                yield section, _first_sentence(paragraph.text), paragraph.span.start, paragraph.span.end
            for item in paragraph.items:
                yield section, item.lead, item.lead_span.start, item.lead_span.end
        for child in section.children:
            if child.level > 2:
                yield section, child.title, child.heading_span.start, child.heading_span.end


def _is_part(section: Section, key: SectionRole) -> bool:
    role = role_of_title(section.title) or section.role
    # topic headings (加强党的领导…) are the measures of a report
    return role in ("measures", "other") if key == "measures" else role == key


def _part_sections(doc: Document, key: SectionRole) -> list[Section]:
    """Level 1–2 sections announcing the part; a level-2 one only when its parent does not already."""
    found = []
    for section in doc.sections:
        if _is_part(section, key):
            found.append(section)
        else:
            found.extend(child for child in section.children if _is_part(child, key))
    return found


def _locate_part(ctx: RuleContext, part: Part) -> tuple[str, int, int] | None:
    """Where the part is: ("heading" | "lead" | "mention", start, end), or None."""
    doc = ctx.doc
    sections = _part_sections(doc, part.key)
    if sections:
        return "heading", sections[0].heading_span.start, sections[0].heading_span.end
    if part.key == "measures" and not doc.sections:
        return "lead", 0, 0  # an unheaded report: its body is the account of the year's work
    if part.lead:
        for section, lead, start, end in _leads(doc):
            role = (role_of_title(section.title) or section.role) if section else "other"
            if role in ("problems", "plans") and role != part.key:
                continue  # a plan to "落实第一责任人职责" is not a report on having done it
            if part.lead.search(lead) or (part.key == "plans" and _next_year_plan(doc, lead)):
                return "lead", start, end
    if part.mention:
        for section, paragraph in doc.paragraphs():
            role = section.role if section else "other"
            match = part.mention.search(paragraph.text)
            if match and role not in ("plans", "problems"):
                return "mention", paragraph.span.start + match.start(), paragraph.span.start + match.end()
    return None


def _next_year_plan(doc: Document, lead: str) -> bool:
    return doc.report_year is not None and lead.startswith(f"{doc.report_year + 1}年") and "将" in lead[:30]


def _fz_severity(doc: Document, severity: Severity) -> Severity:
    """Reports about years before the 督察规定 took effect owe it nothing: info only."""
    if doc.report_year is not None and doc.report_year < DUCHA_IN_FORCE:
        return "info"
    return severity


def _missing(part: Part) -> Code:
    """The code of a required part that is nowhere in the report."""
    return Code(part.code, "warning", f"法治政府建设年度报告缺少“{part.name}”部分")


@rule(
    *map(_missing, FZ_PARTS),
    Code("DP505", "info", "法治政府建设年度报告没有“其他需要报告的情况”部分"),
    Code("DP506", "info", "规定内容只在正文中顺带提及，未单独成部分"),
)
def check_fz_parts(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The 督察规定 content list: each required part found in a heading, an unheaded lead, or a mention."""
    doc = ctx.doc
    title_end = doc.title.spans[0].end if doc.title else None
    title_start = doc.title.spans[0].start if doc.title else None
    era = ("（该报告年度早于《法治政府建设与责任落实督察工作规定》施行，仅作提示）"
           if _fz_severity(doc, "warning") == "info" else "")
    for part in FZ_PARTS:
        found = _locate_part(ctx, part)
        if found is None:
            yield ctx.diag(part.code, f"未找到“{part.name}”部分：《法治政府建设与责任落实督察工作规定》"
                           f"要求年度报告包含此项内容{era}", title_start, title_end,
                           hint=f"增加一部分，标题如“{part.name}”，写明相关情况",
                           severity=_fz_severity(doc, "warning"))
        elif found[0] == "mention":
            yield ctx.diag("DP506", f"“{part.name}”只在正文中顺带提及，没有单独成部分", found[1], found[2],
                           hint=f"单列一部分报告“{part.name}”")
    if not any(_OTHER_HEADING.search(s.title) for s in doc.walk()):
        yield ctx.diag("DP505", "没有“其他需要报告的情况”部分（规定所列第五项，无此情况时常省略）",
                       title_start, title_end, hint="如有其他需要报告的情况，单列一部分")


@rule(Code("DP507", "info", "“存在的不足”部分未说明原因"))
def check_fz_causes(ctx: RuleContext) -> Iterator[Diagnostic]:
    """督察规定 asks for 不足**和原因**: a problems part with no causal wording says only half."""
    problems = FZ_PARTS[2]
    sections = _part_sections(ctx.doc, "problems")
    units = [(s.title, s.heading_span.start, s.heading_span.end, s.span.end) for s in sections]
    found = None if sections else _locate_part(ctx, problems)
    if found and found[0] == "lead":
        units.append(("存在的不足", found[1], found[2], found[2]))
    for name, start, end, stop in units:
        if not _CAUSES.search(ctx.doc.text[start:stop]):
            yield ctx.diag("DP507", f"“{name}”列出了不足，但没有说明原因", start, end,
                           hint="补充产生问题的原因（如“主要原因是……”）")


@rule(Code("DP508", "warning", "法治政府建设年度报告晚于次年4月1日公开"))
def check_fz_publication(ctx: RuleContext) -> Iterator[Diagnostic]:
    """督察规定 Art. 24: the report is published before 1 April of the following year."""
    doc = ctx.doc
    published = doc.metadata.publish_date
    year = doc.report_year
    if published is None or year is None or year < PUBLICATION_RULE_FROM:
        return
    deadline = dt.date(year + 1, 4, 1)
    if published > deadline:
        field_ = next((f for f in doc.metadata.fields if f.key == "publish_date"), None)
        start, end = (field_.span.start, field_.span.end) if field_ else (None, None)
        yield ctx.diag("DP508", f"{year}年度报告于{published.isoformat()}公开，晚于{deadline.year}年4月1日",
                       start, end, hint="法治政府建设年度报告应在每年4月1日之前向社会公开")


_YEAR_IN_TITLE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


@rule(Code("DP509", "warning", "下一年度安排的年份与报告年度不符"))
def check_fz_plan_year(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The plans part is about the year after the report year (2022年度报告 → 2023年工作打算)."""
    doc = ctx.doc
    if doc.report_year is None:
        return
    for section in _part_sections(doc, "plans"):
        match = _YEAR_IN_TITLE.search(section.title)
        if match and int(match.group(1)) != doc.report_year + 1:
            base = section.title_span or section.heading_span
            start = base.start + match.start() if section.title_span else base.start
            yield ctx.diag("DP509", f"安排部分写的是{match.group(1)}年，按报告年度{doc.report_year}年应为"
                           f"{doc.report_year + 1}年", start, start + len(match.group()),
                           hint=f"核对年份，改为“{doc.report_year + 1}年”")


FZZF = Profile(
    name="fzzf", label="法治政府建设年度报告", aliases=("fazhi_annual",),
    title=re.compile(r"法治政府建设.{0,20}报告|依法行政.{0,10}(工作)?(情况)?的?报告"),
    doc_types=("fazhi_annual",),
    checks=(check_fz_parts, check_fz_causes, check_fz_publication, check_fz_plan_year),
)
