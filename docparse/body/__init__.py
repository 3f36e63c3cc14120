"""Stage 6, the body: the outline's paragraphs → paragraphs, enumeration items, claims and metrics,
and the Section models around them.

Each paragraph is cut into its introduction and enumeration items (enumerations.py), each piece into
claims (claims.py), each claim's quantities into metrics (docparse.metrics). A section's role
(measures, duty, problems, plans) comes from its title (roles.py) or from its parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..ladder import EnumStyle
from ..metrics import ClaimState, period_of_title
from ..models import Attachment, Claim, EnumItem, Paragraph, Section, SectionRole, Unfinished, build
from ..normalize import fold
from ..segment.head import OPENING_YEAR
from ..spans import Locator
from ..structure.outline import AttachmentDraft, Outline, SectionDraft
from ..tables import Tables, table_model
from . import claims as claims_stage
from .enumerations import cut_paragraph
from .roles import role_of_title


@dataclass
class BodyContext:
    """What every builder of the body needs: the text, its folded view, spans, the report's period."""

    text: str
    folded: str
    locator: Locator
    period: str | None
    """The year the report is about, as the default period of its metrics."""
    measures_default: bool
    """Unheaded top-level sections of a report default to measures (before problems/plans)."""
    tables: Tables = field(default_factory=Tables)
    """The tables of the input: each is one paragraph, its rows of cells."""
    reviewed: str | None = None
    """The year a 政府工作报告 reviews, the one before the year it is delivered in (``period``): the
    period of a section titled ``过去一年工作回顾``."""
    strings: dict[str, str] = field(default_factory=dict)
    """Short strings that recur by the thousand in a long document (一是 …, metric labels and
    figures as written), one object each."""

    def share(self, text: str) -> str:
        """The first equal string seen in this document, so that it is kept once."""
        return self.strings.setdefault(text, text)


BodyPart = Paragraph | Unfinished[Section] | Unfinished[Attachment]


def body_parts(outline: Outline, ctx: BodyContext) -> dict[str, Iterator[BodyPart]]:
    """The Document's lists of the body (``preamble``, ``sections``, ``attachments``), each item
    built when it is read: paragraphs, and sections and attachments whose own paragraphs and
    sections are built when read in turn (:class:`~docparse.models.Unfinished`). Read in order.
    Where no title gives the report's year, the year its preamble opens with is the period of its
    metrics (an untitled bulletin: ``2022年,全县…`` then ``一、综合``)."""
    if ctx.period is None:
        ctx.period = _opening_year(outline.preamble, ctx.folded)
    return {"preamble": _paragraphs(outline.preamble, ctx, "", "other", "", False, None),
            "sections": _top_sections(outline.sections, ctx),
            "attachments": (_attachment(draft, ctx) for draft in outline.attachments)}


_LAST_YEAR = re.compile("过去一年|去年")
"""How a work report's review names the year before (一、过去一年工作回顾)."""


def _opening_year(preamble: list[tuple[int, int]], folded: str) -> str | None:
    """The year the first paragraph of a preamble (or a section) opens with (``2022年,…``), if it does."""
    if not preamble:
        return None
    start, end = preamble[0]
    while start < end and folded[start] == " ":
        start += 1
    year = OPENING_YEAR.match(folded, start, end) if folded[start:start + 1] in ("1", "2") else None
    return year.group(1) if year else None


def _attachment(draft: AttachmentDraft, ctx: BodyContext) -> Unfinished[Attachment]:
    title = draft.title
    fields = {"id": draft.id, "span": ctx.locator.span(draft.start, draft.end),
              "label": ctx.text[draft.label[0]:draft.label[1]], "label_span": ctx.locator.span(*draft.label),
              "title": _joined_lines(ctx.text[title[0]:title[1]]) if title else None,
              "title_span": ctx.locator.span(*title) if title else None,
              "heading_span": ctx.locator.span(draft.start, title[1] if title else draft.label[1])}
    return Unfinished(Attachment, fields, {
        "preamble": _paragraphs(draft.preamble, ctx, f"{draft.id}/", "other", "", False, None),
        "sections": _top_sections(draft.sections, ctx)})


def _joined_lines(text: str) -> str:
    """A title broken over lines as one line: an attachment's title centred over two."""
    return "".join(part.strip() for part in text.split("\n"))


def _paragraphs(ranges: list[tuple[int, int]], ctx: BodyContext, prefix: str, role: SectionRole, path: str,
                explicit_role: bool, period: str | None) -> Iterator[Paragraph]:
    """The paragraphs of a preamble or of a section's own body (ids ``{prefix}p1`` …)."""
    previous: tuple[EnumStyle, int] | None = None
    for number, (start, end) in enumerate(ranges, start=1):
        paragraph, previous = _paragraph(ctx, start, end, f"{prefix}p{number}", previous, role, path,
                                         explicit_role, period)
        yield paragraph


def _top_sections(drafts: list[SectionDraft], ctx: BodyContext) -> Iterator[Unfinished[Section]]:
    """The top-level sections, a report's unheaded ones defaulting to measures until its problems
    or plans begin."""
    explicit = [role_of_title(draft.heading_text) for draft in drafts]
    first_closing = next((i for i, role in enumerate(explicit) if role in ("problems", "plans")), None)
    for index, draft in enumerate(drafts):
        inferred: SectionRole = "other"
        before_closing = first_closing is None or index < first_closing
        if explicit[index] is None and ctx.measures_default and before_closing:
            inferred = "measures"
        yield _section(draft, ctx, role=explicit[index], inherited=inferred, inherited_period=None)


def _section(draft: SectionDraft, ctx: BodyContext, *, role: SectionRole | None, inherited: SectionRole,
             inherited_period: str | None) -> Unfinished[Section]:
    own_role = role if role is not None else role_of_title(draft.title)
    section_role: SectionRole = own_role or inherited
    claim_role = section_role if own_role is not None or inherited != "measures" else "measures"
    # a section's year: its title's (``2023年工作回顾``), else the year its text opens with
    # (``一、过去一年工作回顾`` over ``2024年,我们…``: its subsections report 2024), else its parent's
    reviewed = ctx.reviewed if ctx.reviewed and _LAST_YEAR.search(fold(draft.title)) else None
    period = period_of_title(draft.title) or reviewed or _opening_year(draft.paragraphs, ctx.folded) \
        or inherited_period
    explicit = own_role is not None or inherited not in ("measures", "other")
    title_span = ctx.locator.span(*draft.title_span) if draft.title_span else None
    title_claims = claims_stage.title_claims(ctx, *draft.title_span, f"{draft.id}/c", claim_role, explicit,
                                             draft.path, period) if draft.title_span else []
    fields = {"id": draft.id, "span": ctx.locator.span(draft.start, draft.end), "level": draft.level,
              "marker": draft.marker, "title": draft.title,
              "heading_span": ctx.locator.span(draft.start, draft.heading_end), "title_span": title_span,
              "path": draft.path, "role": section_role, "claims": title_claims}
    children = (_section(child, ctx, role=None, inherited=section_role, inherited_period=period)
                for child in draft.children)
    return Unfinished(Section, fields, {
        "body": _paragraphs(draft.paragraphs, ctx, f"{draft.id}/", claim_role, draft.path, explicit, period),
        "children": children})


def _paragraph(ctx: BodyContext, start: int, end: int, paragraph_id: str,
               previous: tuple[EnumStyle, int] | None, role: SectionRole, path: str,
               explicit_role: bool = False, period: str | None = None
               ) -> tuple[Paragraph, tuple[EnumStyle, int] | None]:
    region = ctx.tables.holding(start, end) if ctx.tables else None
    if region is not None:  # a table: its cells, no enumeration or claims in it
        text = ctx.text[start:end]
        table = table_model(region, f"{paragraph_id}/t", ctx.text, ctx.locator)
        return build(Paragraph, id=paragraph_id, span=ctx.locator.span(start, end), text=text, intro=text,
                     table=table), previous
    cut = cut_paragraph(ctx.folded, start, end, previous)
    # the introduction first: its period, target list and worded role carry on into the items
    state = ClaimState(period=period or ctx.period, strings=ctx.strings)
    text = ctx.text[start:end]
    intro = text if cut.intro_end == end else ctx.text[start:cut.intro_end]
    intro_claims = claims_stage.split_claims(ctx, start, cut.intro_end, f"{paragraph_id}/c", role,
                                             explicit_role, path, None, state, whole=intro)
    item_role = intro_claims[-1].role if intro_claims and not explicit_role else role
    items = []
    for number, item in enumerate(cut.items, start=1):
        item_id = f"{paragraph_id}/e{number}"
        topic = ctx.text[item.lead_start:item.lead_end]
        item_claims = claims_stage.split_claims(ctx, item.marker_end, item.end, f"{item_id}/c",
                                                item_role, explicit_role, path, topic, state)
        items.append(build(
            EnumItem, id=item_id, span=ctx.locator.span(item.start, item.end),
            marker=ctx.share(ctx.text[item.start:item.marker_end].strip()), style=item.style,
            ordinal=item.ordinal, lead=topic, lead_span=ctx.locator.span(item.lead_start, item.lead_end),
            rest=_rest(ctx, item.rest_start, item.end, item_claims), claims=item_claims))
        previous = (item.style, item.ordinal)
    paragraph = build(Paragraph, id=paragraph_id, span=ctx.locator.span(start, end), text=text, intro=intro,
                      items=items.copy(), claims=intro_claims)
    return paragraph, previous


def _rest(ctx: BodyContext, start: int, end: int, claims: list[Claim]) -> str:
    """An item's text after its lead sentence: the same string as its last claim's text when that
    claim is all of it (an item of two sentences), so that the document keeps it once."""
    last = claims[-1].span if claims else None
    if last is not None and last.start == start and last.end == end:
        return claims[-1].text
    return ctx.text[start:end]
