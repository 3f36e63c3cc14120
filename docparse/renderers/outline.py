"""The heading tree of a Document (``docparse outline``): as text, or as JSON Lines (``--json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .base import Renderer

if TYPE_CHECKING:
    from ..models import Document

Named = tuple[str, "Document"]
"""A Document with the name its input was given by (a path as given, ``-`` for standard input)."""


def outline_rows(doc: Document) -> list[dict[str, object]]:
    """One row per heading: line, column, level, marker, ordinal, title, path."""
    return [
        {"line": s.heading_span.line, "column": s.heading_span.column, "level": s.level,
         "marker": s.marker.raw, "style": s.marker.style, "ordinal": s.marker.ordinal,
         "recovered": s.marker.recovered, "title": s.title, "path": s.path, "role": s.role}
        for s in doc.walk()
    ]


class OutlineText(Renderer[Named]):
    """The name and title, then one line per heading: its line number, indented by level, its
    marker (``（缺序号）`` where its number is missing; none for an unnumbered part) and title; each
    attachment's label and title on a line of their own before its headings."""

    name = "text"
    media_type = "text/plain; charset=utf-8"
    extension = ".txt"

    def chunks(self, named: Named) -> Iterator[bytes]:
        name, doc = named
        lines = [f"{name}: {doc.title.text if doc.title else '（无标题）'}"]
        starts = {part.sections[0].id: part for part in doc.attachments if part.sections}
        for row, section in zip(outline_rows(doc), doc.walk(), strict=True):
            if section.id in starts:
                attachment = starts[section.id]
                heading = " ".join(word for word in (attachment.label, attachment.title) if word)
                lines.append(f"{attachment.heading_span.line:>5}  【{heading}】")
            marker = row["marker"] or ("（缺序号）" if row["recovered"] else "")
            lines.append(f"{row['line']:>5}  {'  ' * (int(str(row['level'])) - 1)}{marker}{row['title']}")
        yield ("\n".join(lines) + "\n").encode("utf-8")


class OutlineJsonLines(Renderer[Named]):
    """One JSON object per heading and line: ``file`` (the name), then the row of :func:`outline_rows`."""

    name = "jsonl"
    media_type = "application/jsonl"
    extension = ".jsonl"

    def chunks(self, named: Named) -> Iterator[bytes]:
        name, doc = named
        yield "".join(json.dumps({"file": name, **row}, ensure_ascii=False) + "\n"
                      for row in outline_rows(doc)).encode("utf-8")


RENDERERS: dict[str, Renderer[Named]] = {r.name: r for r in (OutlineText(), OutlineJsonLines())}
"""The outline's formats by name."""
