"""Stage 5: the lark tree of the body → Section and Paragraph models.

Run-in headings are split here (``（一）加强组织领导。一是……`` → title ``加强组织领导`` and a body
paragraph that starts at ``一是``); paragraphs are cut into enumeration items (inline.py) and
claims (claims.py); section roles are decided top-down and inherited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token, Tree

from . import claims as claims_stage
from .inline import ParagraphCut, cut_paragraph
from .lexer import STYLE_TERMINAL, TERMINALS
from .lines import Locator
from .metrics import ClaimState, period_of_title
from .models import (
    EnumItem,
    EnumStyle,
    Marker,
    MarkerStyle,
    Paragraph,
    Section,
    SectionRole,
    build,
)
from .numerals import int_to_cn, ordinal_of
from .roles import role_of_title
from .sentences import first_stop

_NUMERAL = re.compile(r"[一二三四五六七八九十百千零〇0-9]+|[①-⒛㈠-㈩]")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff“”《》、，]) +(?=[\u4e00-\u9fff“”《》、，])")
_TAG = re.compile(r"<[a-zA-Z/][^<>\n]{0,80}>")
_TITLE_TRIM = " :。;,、!?"


@dataclass
class Context:
    """What every builder needs: the text, its folded view, span arithmetic, the report's period."""

    text: str
    folded: str
    locator: Locator
    period: str | None
    measures_default: bool
    """Unheaded top-level sections of a report default to measures (before problems/plans)."""
    markers: dict[tuple[str, str], Marker] = field(default_factory=dict)
    """Section markers by text and token type: one object each, however often they recur."""
    strings: dict[str, str] = field(default_factory=dict)
    """Short strings that recur by the thousand in a long document (一是 …, metric labels and
    figures as written), one object each."""

    def share(self, text: str) -> str:
        """The first equal string seen in this document, so that it is kept once."""
        return self.strings.setdefault(text, text)


def clean_title(raw: str) -> str:
    """Heading text as users want it: letter-spacing between Chinese characters removed, trimmed."""
    without_tags = _TAG.sub("", raw) if "<" in raw else raw
    spaced = without_tags.replace("\u3000", " ").replace("\xa0", " ")
    return (_CJK_GAP.sub("", spaced) if " " in spaced else spaced).strip(" \t")


def build_body(tree: Tree[Token], ctx: Context) -> tuple[list[Paragraph], list[Section]]:
    """The preamble paragraphs and the top-level sections of the body tree.

    Consumes the tree: each top-level block is dropped once its models are built, so that the
    tree's tokens and the finished models are not both held in full (peak memory on large input)."""
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    explicit = [role_of_title(_heading_text(node, ctx)) for node in tree.children
                if isinstance(node, Tree) and node.data == "section"]
    first_closing = next((i for i, role in enumerate(explicit) if role in ("problems", "plans")), None)
    top_index = 0
    previous: tuple[EnumStyle, int] | None = None
    pending = tree.children[::-1]
    tree.children.clear()
    while pending:
        node = pending.pop()
        if not isinstance(node, Tree):
            continue
        if node.data == "paragraph":
            token = node.children[0]
            assert isinstance(token, Token)
            paragraph, previous = _paragraph(ctx, token.start_pos or 0, token.end_pos or 0,
                                             f"p{len(preamble) + 1}", previous, "other", "")
            preamble.append(paragraph)
            continue
        role = explicit[top_index]
        inferred: SectionRole = "other"
        if role is None and ctx.measures_default and (first_closing is None or top_index < first_closing):
            inferred = "measures"
        sections.append(_section(node, ctx, level=1, parent_path="", index=len(sections) + 1,
                                 parent_id="s", role=role, inherited=inferred))
        top_index += 1
    return preamble, sections


def _heading_text(node: Tree[Token], ctx: Context) -> str:
    heading = node.children[0]
    assert isinstance(heading, Tree)
    title = next((t for t in heading.children if isinstance(t, Token) and t.type == "TITLE"), None)
    if title is None:
        return ""
    return ctx.text[title.start_pos or 0: title.end_pos or 0]


def _marker(token: Token, ctx: Context) -> Marker:
    if token.type == "RECOVERED":
        style_name, ordinal_text = token.value.split(":", 1)
        style: MarkerStyle = style_name
        return build(Marker, raw="", style=style, ordinal=int(ordinal_text),
                      rank=TERMINALS[STYLE_TERMINAL[style]][1], recovered=True)
    style, rank = TERMINALS[token.type]
    raw = ctx.text[token.start_pos or 0: token.end_pos or 0].rstrip(" \t\u3000\xa0\u2002\u2003")
    if token.type == "UNNUMBERED_PART":
        return build(Marker, raw="", style=style, ordinal=None, rank=rank)
    marker = ctx.markers.get((raw, token.type))
    if marker is None:
        numeral = _NUMERAL.search(ctx.folded[token.start_pos or 0: token.end_pos or 0])
        ordinal = ordinal_of(numeral.group()) if numeral else None
        marker = ctx.markers[raw, token.type] = build(Marker, raw=raw, style=style, ordinal=ordinal,
                                                        rank=rank)
    return marker


def path_label(marker: Marker, title: str) -> str:
    """One step of a section path, written canonically (full-width): 二, （三）, 2, 第五条."""
    n = marker.ordinal
    if n is None:
        return title[:20]
    style = marker.style
    if style == "circled":
        return marker.raw or str(n)
    if style == "part" and "部分" in marker.raw:
        return f"第{int_to_cn(n) if 0 < n < 10000 else n}部分"
    return _LABEL_FORMATS[style].format(cn=int_to_cn(n) if 0 < n < 10000 else n, n=n)


_LABEL_FORMATS: dict[MarkerStyle, str] = {
    "part": "第{cn}编", "chapter": "第{cn}章", "section": "第{cn}节", "article": "第{cn}条", "cn_dun": "{cn}",
    "cn_paren": "（{cn}）", "arabic_dot": "{n}", "arabic_paren": "（{n}）", "arabic_half_paren": "{n}）",
}


def _section(node: Tree[Token], ctx: Context, *, level: int, parent_path: str, index: int,
             parent_id: str, role: SectionRole | None, inherited: SectionRole,
             inherited_period: str | None = None) -> Section:
    heading, *blocks = node.children
    assert isinstance(heading, Tree)
    marker_token = heading.children[0]
    assert isinstance(marker_token, Token)
    title_token = heading.children[1] if len(heading.children) > 1 else None
    marker = _marker(marker_token, ctx)
    start = marker_token.start_pos or 0
    heading_end = marker_token.end_pos or start
    title, title_span, body_start, body_end = "", None, None, None
    if isinstance(title_token, Token):
        t_start, t_end = title_token.start_pos or 0, title_token.end_pos or 0
        heading_end = t_end
        if marker.style == "article":
            body_start, body_end = t_start, t_end  # 第X条 has no title: the line is its first 款
            heading_end = marker_token.end_pos or start
            while heading_end > start and ctx.folded[heading_end - 1] == " ":
                heading_end -= 1
        else:
            stop = first_stop(ctx.folded, t_start, t_end, "。!?;:")
            if stop is not None and ctx.folded[stop] == ":" and not ctx.folded[stop + 1: t_end].strip(" "):
                stop = None if first_stop(ctx.folded, t_start, stop, "。!?;") is None else stop
            cut = _title_cut(ctx.folded, t_start, stop if stop is not None else t_end)
            if cut is not None:
                stop = cut
            title_end = stop if stop is not None else t_end
            while title_end > t_start and ctx.folded[title_end - 1] in _TITLE_TRIM:
                title_end -= 1
            title = clean_title(ctx.text[t_start:title_end])
            title_span = ctx.locator.span(t_start, title_end) if title_end > t_start else None
            if stop is not None:
                rest = stop + (0 if ctx.folded[stop] not in "。!?;:" else 1)
                while rest < t_end and ctx.folded[rest] == " ":
                    rest += 1
                heading_end = stop + (ctx.folded[stop] in "。!?;:")  # a cut before 一是 is not a stop
                if rest < t_end:
                    body_start, body_end = rest, t_end
    if marker.style == "part" and marker.ordinal is None:
        title = clean_title(ctx.text[start:heading_end])
        title_span = ctx.locator.span(start, heading_end)
    own_role = role if role is not None else role_of_title(title)
    section_role: SectionRole = own_role or inherited
    label = path_label(marker, title)
    path = f"{parent_path}/{label}" if parent_path else label
    section_id = f"{parent_id}{index}" if parent_id == "s" else f"{parent_id}.{index}"
    body: list[Paragraph] = []
    children: list[Section] = []
    previous: tuple[EnumStyle, int] | None = None
    claim_role = section_role if own_role is not None or inherited != "measures" else "measures"
    period = period_of_title(title) or inherited_period
    explicit = own_role is not None or (inherited not in ("measures", "other"))
    if body_start is not None and body_end is not None:
        paragraph, previous = _paragraph(ctx, body_start, body_end, f"{section_id}/p1", previous,
                                         claim_role, path, explicit, period)
        body.append(paragraph)
    end = body_end if body_end is not None else heading_end
    for block in blocks:
        if not isinstance(block, Tree):
            continue
        if block.data == "paragraph":
            token = block.children[0]
            assert isinstance(token, Token)
            paragraph, previous = _paragraph(ctx, token.start_pos or 0, token.end_pos or 0,
                                             f"{section_id}/p{len(body) + 1}", previous,
                                             claim_role, path, explicit, period)
            body.append(paragraph)
            end = max(end, paragraph.span.end)
        else:
            child = _section(block, ctx, level=level + 1, parent_path=path, index=len(children) + 1,
                             parent_id=section_id, role=None, inherited=section_role,
                             inherited_period=period)
            children.append(child)
            end = max(end, child.span.end)
    return build(Section, **{
        "kind": "section", "id": section_id, "span": ctx.locator.span(start, end), "level": level,
        "marker": marker, "title": title, "heading_span": ctx.locator.span(start, heading_end),
        "title_span": title_span, "path": path, "role": section_role, "body": body, "children": children,
    })


_GAP = re.compile(r" {2,}")
_FIRST_ITEM = re.compile(r"一是|一要|第一,")
_SECOND_ITEM = {"一是": "二是", "一要": "二要", "第一,": "第二,"}


def _title_cut(folded: str, start: int, end: int) -> int | None:
    """Where a heading title ends before its first sentence stop, if the body runs on the same line.

    A wide gap (``一、总体要求　　以习近平…``) or the first item of an enumeration (``…领导一是…二是…``,
    seen when line breaks were lost) ends the title; letter-spacing (``总　　则``) does not.
    """
    gap = _GAP.search(folded, start, end)
    if gap and len(folded[start:gap.start()].replace(" ", "")) >= 4 and end - gap.end() >= 8:
        return gap.start()
    first = _FIRST_ITEM.search(folded, start, end)
    if first and first.start() - start >= 6 and _SECOND_ITEM[first.group()] in folded[first.end():]:
        return first.start()
    return None


def _paragraph(ctx: Context, start: int, end: int, paragraph_id: str,
               previous: tuple[EnumStyle, int] | None, role: SectionRole, path: str,
               explicit_role: bool = False, period: str | None = None
               ) -> tuple[Paragraph, tuple[EnumStyle, int] | None]:
    cut: ParagraphCut = cut_paragraph(ctx.folded, start, end, previous)
    # the introduction first: its period, target list and worded role carry on into the items
    state = ClaimState(period=period or ctx.period, strings=ctx.strings)
    # the paragraph's text, its introduction and a claim that spans it are one string object: once
    # in memory, and encoded to UTF-8 once when the JSON is written (most paragraphs are all three)
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
        items.append(build(EnumItem, **{
            "kind": "enum_item", "id": item_id, "span": ctx.locator.span(item.start, item.end),
            "marker": ctx.share(ctx.text[item.start:item.marker_end].strip()), "style": item.style,
            "ordinal": item.ordinal, "lead": topic,
            "lead_span": ctx.locator.span(item.lead_start, item.lead_end),
            "rest": ctx.text[item.rest_start:item.end], "claims": item_claims,
        }))
        previous = (item.style, item.ordinal)
    paragraph = build(Paragraph, **{
        "kind": "paragraph", "id": paragraph_id, "span": ctx.locator.span(start, end), "text": text,
        "intro": intro, "items": items, "claims": intro_claims,
    })
    return paragraph, previous
