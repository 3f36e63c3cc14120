"""The lark tree of the body → the outline: sections with their headings, titles and paragraph ranges.

Run-in headings are split here (``（一）加强组织领导。一是……`` → the title ``加强组织领导`` and a body
paragraph that starts at ``一是``). The outline holds offsets; the body stage builds the models.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lark import Token, Tree

from .. import ladder
from ..grammar import terminal
from ..ladder import MarkerStyle
from ..models import Marker, build
from ..normalize import CJK_CHARS
from ..numerals import int_to_cn
from ..sentences import first_stop

_CJK_GAP = re.compile(rf"(?<=[{CJK_CHARS}“”《》、，]) +(?=[{CJK_CHARS}“”《》、，])")
_TAG = re.compile(r"<[a-zA-Z/][^<>\n]{0,80}>")
_TITLE_TRIM = " :。;,、!?"
_TITLE_STOPS = "。!?;:"
_GAP = re.compile(r"  +")
"""A wide gap: two spaces or more (written so that ``re`` skips to a space)."""
_CLOSING_MARKS = " *_#"
"""Markdown that may close a heading's title (``**一、总体要求**``, ``## 一、… ##``)."""


@dataclass
class SectionDraft:
    """A section of the outline: offsets into the text, the marker and title already read."""

    id: str
    path: str
    level: int
    marker: Marker
    start: int
    heading_end: int
    """End of the heading as written (for a run-in heading: after its closing stop)."""
    title: str
    title_span: tuple[int, int] | None
    heading_text: str
    """Everything after the marker on the heading's line: what a top-level role is read from."""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    """The section's own paragraphs (a run-in heading's text first)."""
    children: list[SectionDraft] = field(default_factory=list)
    end: int = 0

    def walk(self) -> list[SectionDraft]:
        """This section and every one below it, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass
class AttachmentDraft:
    """An attachment of the outline: its label and title, and its own paragraphs and sections."""

    id: str
    start: int
    end: int
    label: tuple[int, int]
    title: tuple[int, int] | None
    preamble: list[tuple[int, int]]
    sections: list[SectionDraft]


@dataclass
class Outline:
    """The body as the structure stage sees it: paragraphs before the first heading, sections, and
    the attachments after them."""

    preamble: list[tuple[int, int]]
    sections: list[SectionDraft]
    attachments: list[AttachmentDraft] = field(default_factory=list)


def clean_title(raw: str) -> str:
    """Heading text as users want it: markup and letter-spacing between Chinese characters removed."""
    without_tags = _TAG.sub("", raw) if "<" in raw else raw
    spaced = without_tags.replace("\u3000", " ").replace("\xa0", " ")
    return (_CJK_GAP.sub("", spaced) if " " in spaced else spaced).strip(" \t")


def outline(tree: Tree[Token], text: str, folded: str, *, prefix: str = "", path: str = ""
            ) -> Outline:
    """The outline of a parsed body tree; an attachment's ids start with ``prefix`` (``a1/``) and
    its section paths with ``path`` (its label)."""
    preamble: list[tuple[int, int]] = []
    sections: list[SectionDraft] = []
    for node in tree.children:
        if not isinstance(node, Tree):
            continue
        if node.data == "paragraph":
            preamble.append(_paragraph_range(node))
        else:
            sections.append(_section(node, text, folded, level=1, parent_path=path,
                                     section_id=f"{prefix}s{len(sections) + 1}"))
    return Outline(preamble, sections)


def _paragraph_range(node: Tree[Token]) -> tuple[int, int]:
    token = node.children[0]
    assert isinstance(token, Token)
    return token.start_pos or 0, token.end_pos or 0


def _marker(token: Token, text: str) -> Marker:
    if token.type == ladder.RECOVERED:
        style_name, ordinal_text = token.value.split(":", 1)
        style: MarkerStyle = style_name
        return build(Marker, raw="", style=style, ordinal=int(ordinal_text), rank=ladder.BY_STYLE[style].rank,
                     recovered=True)
    if token.type == ladder.UNNUMBERED_PART:
        return build(Marker, raw="", style="part", ordinal=None, rank=int(token.value.split(",")[0]))
    rung = ladder.BY_TERMINAL[token.type]
    start = token.start_pos or 0
    raw = text[start:start + len(token.value)]
    if "\n" in raw:  # a marker whose pieces a PDF extraction put on lines of their own
        raw = raw.replace("\r", "").replace("\n", "")
    return build(Marker, raw=raw, style=rung.style, ordinal=ladder.ordinal_of_marker(token.value),
                 rank=ladder.rank_of(token.type, token.value))


def _section(node: Tree[Token], text: str, folded: str, *, level: int, parent_path: str,
             section_id: str, in_article: bool = False) -> SectionDraft:
    """One section of the tree; ``in_article`` for one below a 第X条 or its 项: a 项 (or 目) unless
    it is numbered 一、, which a regulation does not number its 项 with (a heading mistaken for an
    article's would lose its title)."""
    heading, *blocks = node.children
    assert isinstance(heading, Tree)
    marker_token = heading.children[0]
    assert isinstance(marker_token, Token)
    title_token = heading.children[1] if len(heading.children) > 1 else None
    marker = _marker(marker_token, text)
    sentence = marker.style == "article" or (in_article and marker.style != "cn_dun")  # no title
    start = marker_token.start_pos or 0
    heading_end = marker_token.end_pos or start
    title, title_span, heading_text = "", None, ""
    run_in: tuple[int, int] | None = None
    if isinstance(title_token, Token):
        t_start, t_end = title_token.start_pos or 0, title_token.end_pos or 0
        heading_text = text[t_start:t_end]
        heading_end = t_end
        if sentence:
            run_in = (t_start, t_end)  # 第X条 has no title: the line is its first 款; a 项 is a sentence
            heading_end = marker_token.end_pos or start
            while heading_end > start and folded[heading_end - 1] == " ":
                heading_end -= 1
        else:
            title_end, heading_end, run_in = _split_run_in(folded, t_start, t_end,
                                                           within_line=not _opens_line(folded, start))
            title_start, title_end = _inside_link(folded, t_start, title_end)
            title = clean_title(text[title_start:title_end])
            title_span = (title_start, title_end) if title_end > title_start else None
    if marker.style == "part" and marker.ordinal is None:  # the line is the title, less its colon (注释：)
        title_end = _trimmed_end(folded, start, heading_end)
        title = clean_title(text[start:title_end])
        title_span = (start, title_end)
    label = ladder.path_label(marker, title)
    path = f"{parent_path}/{label}" if parent_path else label
    draft = SectionDraft(section_id, path, level, marker, start, heading_end, title, title_span, heading_text)
    if run_in is not None:
        draft.paragraphs.append(run_in)
    draft.end = run_in[1] if run_in is not None else heading_end
    for block in blocks:
        if not isinstance(block, Tree):
            continue
        if block.data == "paragraph":
            draft.paragraphs.append(_paragraph_range(block))
            draft.end = max(draft.end, draft.paragraphs[-1][1])
        else:
            child = _section(block, text, folded, level=level + 1, parent_path=path,
                             section_id=f"{section_id}.{len(draft.children) + 1}",
                             in_article=sentence)
            draft.children.append(child)
            draft.end = max(draft.end, child.end)
    if marker.style == "article":
        draft.paragraphs.extend(_paragraphs_after_items(draft))
    return draft


def _paragraphs_after_items(article: SectionDraft) -> list[tuple[int, int]]:
    """The paragraphs after an article's last 项, taken from it: they are the article's next 款
    (``（四）……的。`` then ``举报人有前款规定情形之一，……``), since a 项 is a single sentence.

    The grammar gives a paragraph to the heading above it; below a 第X条 that is the last 项 (or
    its last 目)."""
    chain = [article]
    while chain[-1].children and chain[-1].children[-1].marker.style != "cn_dun":
        chain.append(chain[-1].children[-1])
    last = chain[-1]
    if last is article or len(last.paragraphs) < 2:
        return []
    taken, last.paragraphs = last.paragraphs[1:], last.paragraphs[:1]
    for item in reversed(chain[1:]):
        item.end = max([item.heading_end, *(end for _, end in item.paragraphs),
                        *(child.end for child in item.children)])
    return taken


def _opens_line(folded: str, position: int) -> bool:
    """Only spaces and markup (``## ``, ``**``, ``<p>``) stand between ``position`` and the start of
    its line in the text."""
    while position > 0 and folded[position - 1] in _LINE_OPENING:
        position -= 1
    return position == 0 or folded[position - 1] == "\n"


_LINE_OPENING = " #*_>"
"""What may stand before a heading's marker at the start of its line: indentation and the end of
Markdown or HTML markup."""


def _trimmed_end(folded: str, start: int, end: int) -> int:
    """The end of ``folded[start:end]`` without the spaces and punctuation a title never ends with."""
    while end > start and folded[end - 1] in _TITLE_TRIM:
        end -= 1
    return end


def _split_run_in(folded: str, start: int, end: int, *, within_line: bool = False
                  ) -> tuple[int, int, tuple[int, int] | None]:
    """Where a heading's title ends, where the heading ends, and the run-in text after it, if any.

    ``（一）加强组织领导。一是……``: the title ends before its first sentence stop, and the rest of the
    line is the section's first paragraph. A colon ends the title only when text follows it on the
    line or a sentence stop comes before it. ``within_line``: the heading starts inside a line of
    the text (whose line breaks were lost), where a space may stand for one.
    """
    stop = first_stop(folded, start, end, _TITLE_STOPS)
    if stop is not None and folded[stop] == ":" and not folded[stop + 1: end].strip(" "):
        stop = None if first_stop(folded, start, stop, "。!?;") is None else stop
    cut = _title_cut(folded, start, stop if stop is not None else end, end, within_line=within_line)
    if cut is not None:
        stop = cut
    title_end = _trimmed_end(folded, start, stop if stop is not None else end)
    title_end = _before_closing_markup(folded, start, title_end)
    if stop is None:
        return title_end, end, None
    rest = stop + (1 if folded[stop] in _TITLE_STOPS else 0)
    while rest < end and folded[rest] == " ":
        rest += 1
    heading_end = stop + (folded[stop] in _TITLE_STOPS)  # a cut before 一是 is not a stop
    return title_end, heading_end, ((rest, end) if rest < end else None)


_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\s]*\)")
"""A Markdown link, ``[重点任务](https://…)``."""


def _inside_link(folded: str, start: int, end: int) -> tuple[int, int]:
    """A title that is a Markdown link is the link's text (``## 二、[重点任务](https://…)``)."""
    link = _LINK.fullmatch(folded, start, end)
    return (link.start(1), link.end(1)) if link else (start, end)


def _before_closing_markup(folded: str, start: int, end: int) -> int:
    """Where a title ends before the markup that closes a heading written in Markdown or HTML:
    ``**``, ``##``, an attribute list ``{#s1 .x}``, a closing tag ``</strong>``."""
    while True:
        while end > start and folded[end - 1] in _CLOSING_MARKS:
            end -= 1
        if end > start and folded[end - 1] == "}":
            opening = folded.rfind("{", max(start, end - 80), end)
            if opening >= 0:
                end = opening
                continue
        if end > start and folded[end - 1] == ">":
            tag = folded.rfind("</", max(start, end - 16), end)
            if tag >= 0:
                end = tag
                continue
        return end


def _title_cut(folded: str, start: int, end: int, line_end: int, *, within_line: bool = False) -> int | None:
    """Where a heading title ends before its first sentence stop, if the body runs on the same line.

    A wide gap (``一、总体要求　　以习近平…``) or the first item of an enumeration (``…领导一是…二是…``,
    seen when line breaks were lost) ends the title; letter-spacing (``总　　则``) does not. In a
    line whose line breaks were lost, so does one space before a sentence (``二、明确工作职责
    本意见所称政务新媒体，是指…``, ``一、综合 初步核算,…``), but not a space inside a title
    (``一、2022年 工作回顾``: no sentence after it).
    """
    gap = _GAP.search(folded, start, end)
    if gap and len(folded[start:gap.start()].replace(" ", "")) >= 4 and end - gap.end() >= 8:
        return gap.start()
    if within_line:
        space = folded.find(" ", start, end)
        if space - start >= 2 and end - space > 8 and folded.find(" ", space + 1, end) < 0:
            return space
    first = first_run_in_enumeration(folded, start, end, line_end)
    if first is not None and first - start >= _RUN_IN_TITLE_MIN:
        return first
    return None


_RUN_IN_TITLE_MIN = 4
"""A title that runs into an enumeration is at least this long (``申报条件一是…``: 总体要求, 工作意义 …)."""


def first_run_in_enumeration(folded: str, start: int, end: int, line_end: int) -> int | None:
    """Where ``folded[start:end]`` runs into an enumeration (``…加强领导一是…二是…``, a heading whose
    line break was lost): the first 一是 / 一要 / 第一， with its 二是 / 二要 / 第二， later on the line.

    One scan finds the enumerators of every style (no two styles' matches overlap, so it finds
    what a scan per style would); a title without the numeral 一 holds no first item to scan for."""
    if folded.find(_FIRST_ITEM_NUMERAL, start, end) < 0:
        return None
    firsts: dict[str, re.Match[str]] = {}
    """The first 一是, 一要 and 第一， of the title, by terminal."""
    for match in _run_in_enumerator().finditer(folded, start, end):
        name = match.lastgroup or ""
        if name not in firsts and ladder.ordinal_of_marker(match.group()) == 1:
            firsts[name] = match
    found = [first.start() for name, first in firsts.items()
             if any(ladder.ordinal_of_marker(match.group()) == 2
                    for match in terminal(name).finditer(folded, first.end(), line_end))]
    return min(found, default=None)


@functools.cache
def _run_in_enumerator() -> re.Pattern[str]:
    """The enumerators that a heading's title can run into: 一是, 一要, 第一，."""
    return re.compile("|".join(f"(?P<{name}>{terminal(name).pattern})" for name in _RUN_IN_STYLES))


_RUN_IN_STYLES = ("ENUM_SHI", "ENUM_YAO", "ENUM_DI")
_FIRST_ITEM_NUMERAL = int_to_cn(1)
"""What the number of an enumeration's first item holds (一是, 一要, 第一，)."""
