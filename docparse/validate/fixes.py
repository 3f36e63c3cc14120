"""The mechanical fixes of ``docparse validate --fix``: what a finding says to change where there is
only one right way to change it.

Each fix replaces characters one for one (a bracket by a bracket, a digit by a digit), so every
other character keeps its offset and every span of the document its place. The fixes are those of
DP401 (the brackets of a 发文字号's year), DP211/DP212 (ASCII punctuation in a heading marker:
``(一)`` → ``（一）``, ``一.`` → ``一、``, ``1、`` → ``1.`` where the document otherwise writes
``1.``) and DP419 (full-width digits in the 成文日期).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .. import ladder
from ..metadata import SIX_CORNERED_BRACKETS
from ..models import Document
from .context import RuleContext
from .format import DOC_NUMBER_FORM, FULL_WIDTH_DIGITS
from .profiles import GONGWEN


@dataclass(frozen=True)
class Fix:
    """One character replaced by another at ``offset`` of the text, for a finding of ``code``."""

    offset: int
    old: str
    new: str
    code: str


def fixes(doc: Document) -> list[Fix]:
    """Every mechanical fix of ``doc``, in text order; each where the text holds what it replaces."""
    found = [*_doc_number(doc), *_markers(doc), *_date_digits(doc)]
    unique = {fix.offset: fix for fix in found if doc.text[fix.offset] == fix.old}
    return [unique[offset] for offset in sorted(unique)]


def apply(text: str, chosen: list[Fix]) -> str:
    """``text`` with each fix made (every fix replaces one character by one)."""
    chars = list(text)
    for fix in chosen:
        chars[fix.offset] = fix.new
    return "".join(chars)


def _doc_number(doc: Document) -> Iterator[Fix]:
    """``国办发[2017]47号`` → ``国办发〔2017〕47号``, where the 发文字号 stands in the text."""
    value = doc.metadata.doc_number
    if not value:
        return
    match = DOC_NUMBER_FORM.match(value.strip())
    if not match or match["org"].endswith("令"):
        return
    field = next((f for f in doc.metadata.fields if f.key == "doc_number"
                  and doc.text[f.value_span.start:f.value_span.end] == value), None)
    start = field.value_span.start if field else doc.text.find(value)
    if start < 0 or (match["open"], match["close"]) in SIX_CORNERED_BRACKETS:
        return
    start += len(value) - len(value.lstrip())
    for group, bracket in (("open", "〔"), ("close", "〕")):
        if match[group] != bracket:
            yield Fix(start + match.start(group), match[group], bracket, "DP401")


_FULL_WIDTH_BRACKETS = {"(": "（", ")": "）"}


def _markers(doc: Document) -> Iterator[Fix]:
    """ASCII brackets in a marker made full-width; the punctuation after a number made the standard
    one: always 、 after a Chinese number, and . after an Arabic one where the document writes it so."""
    sections = [s for s in RuleContext.of(doc, GONGWEN).sections()
                if s.marker.raw and doc.text.startswith(s.marker.raw, s.heading_span.start)]
    usual_dot = Counter(ladder.punctuation(s.marker.raw, "arabic_dot") for s in sections
                        if s.marker.style == "arabic_dot")
    dots = [form for form, _ in usual_dot.most_common() if form in ladder.BY_STYLE["arabic_dot"].forms]
    for section in sections:
        raw, start, style = section.marker.raw, section.heading_span.start, section.marker.style
        if style in ("cn_paren", "arabic_paren"):
            for index, char in enumerate(raw):
                if char in _FULL_WIDTH_BRACKETS:
                    yield Fix(start + index, char, _FULL_WIDTH_BRACKETS[char], "DP212")
        elif style == "cn_dun" and raw[-1] in ".．,，":
            yield Fix(start + len(raw) - 1, raw[-1], "、", "DP211")
        elif style == "arabic_dot" and raw[-1] == "、" and dots:
            yield Fix(start + len(raw) - 1, "、", dots[0], "DP211")


def _date_digits(doc: Document) -> Iterator[Fix]:
    """``２０２２年１月２８日`` → ``2022年1月28日`` in the 成文日期."""
    closing = doc.closing
    if closing is None or closing.date_span is None:
        return
    start, end = closing.date_span.start, closing.date_span.end
    for offset in range(start, end):
        char = doc.text[offset]
        if char in FULL_WIDTH_DIGITS:
            yield Fix(offset, char, str(FULL_WIDTH_DIGITS.index(char)), "DP419")
