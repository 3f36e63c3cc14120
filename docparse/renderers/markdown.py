"""A Document as Markdown: for people to read, for converters and for RAG pipelines that take
Markdown.

The title is ``#``; each section a heading one ``#`` deeper per level (``##`` for 一、, ``###`` for
（一） …; below ``######`` a bold line), its marker kept, so that docparse reads the Markdown back
into the same outline; paragraphs as they are (enumeration items stay in their paragraph), a table
as a Markdown table; the metadata as a front-matter block; furniture is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .base import Renderer

if TYPE_CHECKING:
    from ..models import Attachment, Document, Paragraph, Section

_DEEPEST = 6
"""Markdown has six heading levels."""


def to_markdown(doc: Document) -> str:
    """The Markdown of ``doc`` (see the module docstring).

    >>> import docparse
    >>> print(to_markdown(docparse.parse("关于2022年度工作的报告\\n一、主要工作\\n开展培训12次。")), end="")
    ---
    doc_type: gongwen
    report_year: 2022
    ---
    <BLANKLINE>
    # 关于2022年度工作的报告
    <BLANKLINE>
    ## 一、主要工作
    <BLANKLINE>
    开展培训12次。
    """
    return "".join(_blocks(doc)).rstrip("\n") + "\n"


def _blocks(doc: Document) -> Iterator[str]:
    front = _front_matter(doc)
    if front:
        yield "---\n" + "".join(f"{key}: {value}\n" for key, value in front) + "---\n\n"
    if doc.title:
        yield f"# {doc.title.text}\n\n"
    for block in (doc.subtitle, doc.byline, doc.addressee):
        if block is not None:
            yield f"{block.text.strip()}\n\n"
    for paragraph in doc.preamble:
        yield _paragraph(paragraph)
    for section in doc.sections:
        yield from _section(section)
    if doc.closing is not None:
        lines = [line.text.strip() for line in doc.closing.signature]
        if doc.closing.date_text:
            lines.append(doc.closing.date_text.strip())
        if lines:
            yield "\n".join(lines) + "\n\n"
    for attachment in doc.attachments:
        yield from _attachment(attachment)


def _front_matter(doc: Document) -> list[tuple[str, str]]:
    metadata = doc.metadata
    pairs: list[tuple[str, str]] = []
    for key in ("index_no", "issuer", "doc_number", "topic_class", "genre_class", "keywords", "written_date",
                "publish_date", "source", "validity", "printed_by", "printed_date"):
        value = getattr(metadata, key)
        if value is not None:
            pairs.append((key, value.isoformat() if isinstance(value, dt.date) else _scalar(str(value))))
    if doc.doc_type != "unknown":
        pairs.append(("doc_type", doc.doc_type))
    if doc.report_year is not None:
        pairs.append(("report_year", str(doc.report_year)))
    return pairs


def _scalar(value: str) -> str:
    """A YAML scalar on one line: quoted when it holds what YAML would read otherwise."""
    value = " ".join(value.split())
    if not value or any(mark in value for mark in ":#'\"[]{},&*!|>%@`") or value[0] in "-?":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def _section(section: Section) -> Iterator[str]:
    heading = f"{section.marker.raw}{section.title}".strip()
    if section.level < _DEEPEST:
        yield f"{'#' * (section.level + 1)} {heading}\n\n"
    else:
        yield f"**{heading}**\n\n"
    for block in section.blocks():
        if block.kind == "paragraph":
            yield _paragraph(block)
        else:
            yield from _section(block)


def _attachment(attachment: Attachment) -> Iterator[str]:
    heading = " ".join(part for part in (attachment.label, attachment.title) if part)
    yield f"## {heading}\n\n"
    for paragraph in attachment.preamble:
        yield _paragraph(paragraph)
    for section in attachment.sections:
        yield from _section(section)


def _paragraph(paragraph: Paragraph) -> str:
    if paragraph.table is not None and paragraph.table.rows:
        width = max(len(row) for row in paragraph.table.rows)
        rows = [[_cell(cell.text) for cell in row] + [""] * (width - len(row))
                for row in paragraph.table.rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines.extend("| " + " | ".join(row) + " |" for row in rows[1:])
        return "\n".join(lines) + "\n\n"
    return paragraph.text.strip() + "\n\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


class DocumentMarkdown(Renderer["Document"]):
    """The Document as Markdown (:func:`to_markdown`)."""

    name = "markdown"
    media_type = "text/markdown; charset=utf-8"
    extension = ".md"

    def chunks(self, item: Document) -> Iterator[bytes]:
        yield to_markdown(item).encode("utf-8")
