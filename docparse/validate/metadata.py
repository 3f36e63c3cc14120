"""DP6xx: the page's metadata (标题, 成文日期, 发文字号, 发布日期) against the body and each other."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Code
from ..metadata import DOC_NUMBER
from ..models import Diagnostic
from ..segment.title import BRACKETED_NUMBER
from .context import RuleContext, rule


def _same_title(meta: str, body: str) -> bool:
    """Whether a page's 标题 field and the body title name one document. Sites shorten the field:
    they drop the issuing organs before 关于 and append the 发文字号 in brackets, and write ～ or ~,
    （ or ( as they like; none of that makes two documents."""
    def key(text: str) -> str:
        text = text.replace("（", "(").replace("）", ")").replace("～", "~").replace("〜", "~")
        text = BRACKETED_NUMBER.sub("", text)
        return re.sub(r"[\s《》“”\"'。.,，]", "", text)

    a, b = key(meta), key(body)
    a_cut = a.rstrip("…").removesuffix("...")
    return a == b or a in b or b in a or (a_cut != a and b.startswith(a_cut))


@rule(Code("DP601", "warning", "网页元数据中的标题与正文标题不一致"))
def check_meta_title(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The page's 标题 field names the same document as the body title."""
    doc = ctx.doc
    meta = doc.metadata.title
    if not meta or not doc.title or _same_title(meta, doc.title.text):
        return
    field = next((f for f in doc.metadata.fields if f.key == "title"), None)
    span = (field.value_span.start, field.value_span.end) if field else (None, None)
    yield ctx.diag("DP601", f"元数据标题“{meta}”与正文标题“{doc.title.text}”不一致", *span,
                   hint="核对是否为同一文件，更正元数据或标题")


@rule(Code("DP602", "warning", "网页元数据中的成文日期与文末成文日期不一致"))
def check_meta_date(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The page's 成文日期 equals the date under the signature (metadata may pad: 2022年01月28日)."""
    doc = ctx.doc
    meta, closing = doc.metadata.written_date, doc.closing
    if meta and closing and closing.date and closing.date_span and meta != closing.date:
        yield ctx.diag("DP602", f"元数据成文日期为{meta.isoformat()}，"
                       f"文末成文日期为{closing.date.isoformat()}",
                       closing.date_span.start, closing.date_span.end, hint="核对并更正其中之一")


@rule(Code("DP603", "warning", "发文字号年份与成文日期年份不符"))
def check_number_year(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The year in the 发文字号 is the year the document was written (±1 around New Year)."""
    doc = ctx.doc
    written = doc.closing.date if doc.closing and doc.closing.date else doc.metadata.written_date
    match = DOC_NUMBER.search(doc.metadata.doc_number or "")
    if not written or not match or len(match["year"]) != 4:
        return
    year = int(match["year"])
    if year == written.year or (abs(year - written.year) == 1 and written.month in (1, 12)):
        return
    value = doc.metadata.doc_number or ""
    field = next((f for f in doc.metadata.fields if f.key == "doc_number"), None)
    start = field.value_span.start if field else doc.text.find(value)
    yield ctx.diag("DP603", f"发文字号“{value}”的年份{year}与成文日期{written.isoformat()}不符",
                   start if start >= 0 else None, start + len(value) if start >= 0 else None,
                   hint="核对发文字号或成文日期")


@rule(Code("DP604", "warning", "发布日期早于成文日期"))
def check_publish_date(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A document cannot be published before it was written."""
    doc = ctx.doc
    written = doc.closing.date if doc.closing and doc.closing.date else doc.metadata.written_date
    published = doc.metadata.publish_date
    if written and published and published < written:
        field = next((f for f in doc.metadata.fields if f.key == "publish_date"), None)
        span = (field.span.start, field.span.end) if field else (None, None)
        yield ctx.diag("DP604", f"发布日期{published.isoformat()}早于成文日期{written.isoformat()}", *span,
                       hint="核对发布日期和成文日期")
