"""Front and closing matter as models: title, metadata, furniture, closing, report year, type.

segment.py decided which lines these are; this module reads their values (dates as ISO dates,
the report year, the kind of document) and builds the models with spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .grammar import terminal
from .metadata import (
    CN_YEAR,
    DATE_KEYS,
    DOC_NUMBER,
    LABELS,
    WRITTEN_DATE,
    label_key,
    parse_date,
    placeholder,
)
from .models import (
    Closing,
    Diagnostic,
    DocumentType,
    Furniture,
    Metadata,
    MetadataField,
    TextBlock,
    Title,
    build,
)
from .normalize import CJK, fold
from .numerals import cn_to_int
from .segment.head import OPENING_YEAR, ORDER_NAME, ORDER_NUMBER
from .segment.result import ORGAN_ENDING, Segmented, addressed_organs
from .spans import Locator

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_YEAR = re.compile(f"({CN_YEAR})年")
_ANNUAL_TITLE = re.compile(r"\d{4}\s*年度|统计(?:公报|报告)$")
"""A title that names the year it reports on: ``2022年度…``, ``…2022年国民经济和社会发展统计公报``."""
_FAZHI_WORDS = "法治政府建设|依法行政|法治建设"
"""What a report on the rule of law by government names (a title, its opening sentence)."""
_TITLE_TYPES: tuple[tuple[DocumentType, re.Pattern[str]], ...] = (
    ("fazhi_annual", re.compile(rf"(?:{_FAZHI_WORDS}).*(报告|总结)")),
    ("gov_work_report", re.compile(r"政府工作报告$")),
    ("work_summary", re.compile(r"总结(?:[和及暨与][^。]{0,20}(?:计划|打算|思路|安排))?$")),
)
"""Titles that name the kind of document by themselves, tried in order (domain-rules.md §7)."""
_REGULATION_TITLE = re.compile(r"(条例|规定|办法|细则|规则|章程)$")
_GONGWEN_TITLE = re.compile(
    r"(报告|通知|意见|决定|公告|通告|通报|请示|批复|函|答复|纪要|决议|公报|命令|令|议案)$")


@dataclass
class FrontMatter:
    """Everything outside the body, as models."""

    metadata: Metadata
    title: Title | None = None
    subtitle: TextBlock | None = None
    byline: TextBlock | None = None
    addressee: TextBlock | None = None
    furniture: list[Furniture] = field(default_factory=list)
    closing: Closing | None = None
    report_year: int | None = None
    doc_type: DocumentType = "unknown"
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _block(text: str, locator: Locator, span: tuple[int, int] | None) -> TextBlock | None:
    if span is None:
        return None
    return build(TextBlock, text=text[span[0]:span[1]], span=locator.span(*span))


def build_front_matter(text: str, folded: str, locator: Locator, seg: Segmented,
                       stated: tuple[tuple[str, str], ...] = ()) -> FrontMatter:
    """Build the models of front and closing matter from the segmentation. ``stated`` are the
    (label, value) pairs the input's format carries outside the text (a web page's ``<meta>``, a
    Word file's properties): they fill the metadata the text does not give.

    The models are built without validation (:func:`docparse.models.trusted`): every value is a
    string, span, date or list made here (tests/test_trusted.py re-validates whole documents)."""
    front = FrontMatter(metadata=_metadata(text, folded, locator, seg, stated))
    folded_title = ""
    if seg.title:
        folded_title, spans = seg.title
        front.title = build(Title, text=_as_written(text, folded, spans) if _mostly_cjk(folded_title) else
                              " ".join(text[s:e].strip() for s, e in spans),
                              spans=[locator.span(s, e) for s, e in spans])
    front.subtitle = _block(text, locator, seg.subtitle)
    front.byline = _block(text, locator, seg.byline)
    front.addressee = _block(text, locator, seg.addressee)
    front.furniture = [build(Furniture, category=kind, span=locator.span(s, e), text=text[s:e])
                       for kind, s, e in seg.furniture]
    front.closing = _closing(text, locator, seg)
    title = folded_title
    front.doc_type = document_type(title, seg)
    if front.doc_type in ("fazhi_annual", "work_summary") or _ANNUAL_TITLE.search(title):
        front.report_year = report_year(title)
    elif front.doc_type == "gov_work_report":  # the year it is delivered in: its title's, else its subtitle's
        subtitle = front.subtitle.text if front.subtitle else ""
        front.report_year = report_year(title) or report_year(subtitle)
    elif not title and front.doc_type == "unknown":
        front.doc_type, front.report_year = _untitled_report(seg)
    return front


_PROMULGATED = re.compile(
    rf"({WRITTEN_DATE})[ ]*({ORDER_NAME.pattern}[ ]*{ORDER_NUMBER.pattern})[ ]*(?:公布|发布)")
"""A law's note of the order that issued it, under its title."""
_REPORTED_AS_FOLLOWS = re.compile(
    rf"现将[^。]{{0,40}}?(?:{_FAZHI_WORDS})[^。]{{0,20}}?(?:报告|汇报)如下")
"""The sentence a report without its title (a page that gives it only in its header) opens with:
``现将县人民政府2022年法治政府建设工作情况报告如下``."""
_REPORTING_TO_CONGRESS = re.compile(r"向大会报告[^。]{0,12}工作")
"""How a government's work report opens after its salutation: ``现在，我代表国务院，向大会报告政府工作``."""
_FAZHI = "法治政府建设"
_OPENING_LINES = 3


def _untitled_report(seg: Segmented) -> tuple[DocumentType, int | None]:
    """The kind and year of a text without a title, from how it opens: ``现将…2022年法治政府建设…情况
    报告如下``, or ``2022年,…`` followed by a paragraph that names 法治政府建设 twice (the annual report
    of a department, whose title only its page gave); ``…向大会报告政府工作`` (a work report)."""
    opening = [line.folded for line in seg.body[:_OPENING_LINES]]
    year = OPENING_YEAR.match(opening[0].lstrip(" ")) if opening else None
    opening_year = int(year.group(1)) if year else None
    for line in opening:
        reported = _REPORTED_AS_FOLLOWS.search(line)
        if reported:
            return "fazhi_annual", report_year(reported.group()) or opening_year
    if opening_year and opening[0].count(_FAZHI) >= 2:
        return "fazhi_annual", opening_year
    if any(_REPORTING_TO_CONGRESS.search(line) for line in opening):
        return "gov_work_report", None
    return "unknown", None


def _as_written(text: str, folded: str, spans: list[tuple[int, int]]) -> str:
    """A Chinese title's characters as the text writes them (（试行）, ～, not their folded forms),
    its lines joined, without the spaces that spread or indent it; one space kept where it parts
    the issuing organs of a joint document (``国家发展改革委 国家能源局关于…``)."""
    written: list[str] = []
    for start, end in spans:
        word = ""  # the characters since the last space
        for offset in range(start, end):
            if folded[offset] != " ":
                written.append(text[offset])
                word += folded[offset]
                continue
            if _organ(word) and _organ(_JOINT_TITLE_START.split(folded[offset:end].lstrip(" "), 1)[0]) \
                    and written[-1:] != [" "]:
                written.append(" ")
            word = ""
    return "".join(written)


_JOINT_TITLE_START = re.compile(r"关于|印发| ")
"""Where the name of the last issuing organ ends in a joint document's title."""


def _organ(word: str) -> bool:
    """Whether ``word`` is the name of an organ (``国家发展改革委``, ``国家能源局综合司``)."""
    return len(word) >= 3 and ORGAN_ENDING.search(word) is not None


def _mostly_cjk(title: str) -> bool:
    return len(CJK.findall(title)) >= len(title) * 0.6


def _metadata(text: str, folded: str, locator: Locator, seg: Segmented,
              stated: tuple[tuple[str, str], ...] = ()) -> Metadata:
    values: dict[str, Any] = {}
    fields: list[MetadataField] = []
    for raw, line_start in seg.fields:
        start, value_start, value_end = (line_start + raw.start, line_start + raw.value_start,
                                         line_start + raw.value_end)
        value = text[value_start:value_end]
        fields.append(build(MetadataField, key=raw.key, label=raw.label or LABELS[raw.key][0], value=value,
                              span=locator.span(start, value_end),
                              value_span=locator.span(value_start, value_end)))
        if placeholder(folded[value_start:value_end]):
            continue  # ``文号: -``: the label is written, its value is not
        if raw.key in DATE_KEYS:
            parsed = parse_date(folded[value_start:value_end])
            if parsed and raw.key not in values:
                values[raw.key] = parsed
        elif raw.key == "copy_to":
            values.setdefault("copy_to", addressed_organs(value.rstrip("。.")))
        elif raw.key in Metadata.model_fields and raw.key not in values and value.strip():
            values[raw.key] = value.strip() if raw.key == "title" else _field_value(raw.key, value)
    if "doc_number" not in values:
        match = DOC_NUMBER.search(folded[: seg.body[0].start] if seg.body else "")
        if match:
            values["doc_number"] = _field_value("doc_number", text[match.start():match.end()])
    promulgated = _PROMULGATED.search(folded, *seg.subtitle) if seg.subtitle else None
    if promulgated:  # 2022年6月6日 中华人民共和国国家安全部令第2号公布: the order that issued the text
        values.setdefault("doc_number", text[promulgated.start(2):promulgated.end(2)])
        published = parse_date(promulgated.group(1))
        if published:
            values.setdefault("publish_date", published)
    for label, value in stated:  # no span in the text: the typed fields only, never ``fields``
        key = label_key(label)
        if key is None or key in values or key not in Metadata.model_fields or not value.strip() \
                or placeholder(fold(value)):
            continue
        if key in DATE_KEYS:
            parsed = parse_date(value)
            if parsed:
                values[key] = parsed
        else:
            values[key] = value.strip() if key == "title" else _field_value(key, value)
    if seg.addressee:
        organs = addressed_organs(text[seg.addressee[0]:seg.addressee[1]])
        if organs:
            values["addressees"] = organs
    return build(Metadata, **values, fields=fields)


_NUMBER_SPACE = re.compile(r"(?<=[\d〔〕﹝﹞\[\]［］第]) (?=[\d号〔〕﹝﹞\[\]［］])"
                           r"|(?<=[〔﹝\[［]) | (?=[〔﹝［〕﹞\]］])")
"""A space before or inside the year, the serial or the 号 of a 发文字号, as a PDF's text spreads it
(``医保办函〔2025〕85 号``, ``国发 〔2011〕 35 号``): not the space between the organs of a joint one
(``财政部 税务总局公告…``)."""


def _field_value(key: str, value: str) -> str:
    """A field's value with its spaces collapsed; a 发文字号 standing in brackets, without them
    (``（皖政办秘〔2021〕82号）``), and without the spaces a PDF put among its digits."""
    value = " ".join(value.split())
    if key == "doc_number":
        if value.startswith(("(", "（")) and value.endswith((")", "）")):
            value = value[1:-1].strip()
        value = _NUMBER_SPACE.sub("", value)
    return value


def _closing(text: str, locator: Locator, seg: Segmented) -> Closing | None:
    parts = [*seg.signature, *seg.notes]
    if seg.date:
        parts.append(seg.date)
    if not parts:
        return None
    start = min(s for s, _ in parts)
    end = max(e for _, e in parts)
    date_text = text[seg.date[0]:seg.date[1]] if seg.date else None
    return build(
        Closing,
        span=locator.span(start, end),
        signature=[_block(text, locator, span) for span in seg.signature],
        date=parse_date(date_text) if date_text else None,
        date_text=date_text,
        date_span=locator.span(*seg.date) if seg.date else None,
        notes=[_block(text, locator, span) for span in seg.notes],
    )


def report_year(title: str) -> int | None:
    """The year a report is about, from its title: ``2022年度…报告``, ``关于2021年度…``."""
    match = _YEAR.search(title)
    if match:
        return int(match.group(1))
    match = _CN_YEAR.search(title)
    if match:
        return cn_to_int(match.group(1).translate(str.maketrans("零○O", "〇〇〇")))
    return None


def document_type(title: str, seg: Segmented) -> DocumentType:
    """Guess the kind of document from its title (domain-rules.md §7)."""
    for doc_type, pattern in _TITLE_TYPES:
        if pattern.search(title):
            return doc_type
    article = terminal("ARTICLE")
    articles = sum(1 for line in seg.body[:400]
                   if article.match(line.folded, len(line.folded) - len(line.folded.lstrip(" "))))
    if articles >= 3 or (_REGULATION_TITLE.search(title) and articles):
        return "regulation"
    if _GONGWEN_TITLE.search(title):
        return "gongwen"
    return "unknown"
