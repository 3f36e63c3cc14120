"""Stage 5, structure: the body lines → the outline of sections (lexer + LALR parser + outline).

The line lexer (lexer.py) matches the markers of grammars/document.lark at the line starts, the line
rules (rules.py) decide by context, lark's LALR parser nests the sections by the ranks of the ladder
(docparse/ladder.py), and outline.py reads the tree into sections with their titles and paragraph
ranges. A heading whose number had to be recovered is reported here (DP201).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import diagnostics, ladder
from ..errors import LimitError
from ..lines import Line
from ..models import Diagnostic, Furniture, build
from ..spans import Locator
from ..tables import Tables, merge_table_lines
from .attachments import issued_documents, split_attachments
from .lexer import body_lines, document_parser
from .outline import AttachmentDraft, Outline, SectionDraft, outline
from .rules import apply_line_rules

__all__ = ["Outline", "SectionDraft", "Structure", "structure"]

@dataclass
class Structure:
    """The outline of the body and what the structure stage found wrong."""

    outline: Outline
    diagnostics: list[Diagnostic]
    furniture: list[Furniture]
    """Markup before heading markers (``## ``, ``**``, ``<p>``): set aside, never in a title."""


def structure(lines: list[Line], text: str, folded: str, locator: Locator, *, max_depth: int,
              path: str | None = None, tables: Tables | None = None, title: str | None = None) -> Structure:
    """The outline of the body lines: the document's own, and each attachment's (also a document
    that the ``title`` says the text issues, written after it without a label). The rows of each
    of the input's ``tables`` are one paragraph line, never a heading.

    Raises:
        LimitError: sections nest deeper than ``max_depth``.
    """
    regions = tables if tables is not None else Tables()
    parts = split_attachments(merge_table_lines(lines, regions, text, folded), issued_documents(title))
    result, markup = _outline(parts[0].lines, text, folded, locator, regions)
    for number, part in enumerate(parts[1:], start=1):
        assert part.label is not None
        label = text[slice(*part.label)]  # empty for an issued document: its paths are its own numbers
        inner, more = _outline(part.lines, text, folded, locator, regions, prefix=f"a{number}/", path=label)
        markup += more
        ends = [part.label[1], *(end for _, end in inner.preamble), *(s.end for s in inner.sections)]
        if part.title:
            ends.append(part.title[1])
        result.attachments.append(AttachmentDraft(f"a{number}", part.label[0], max(ends), part.label,
                                                  part.title, inner.preamble, inner.sections))
    tops = [*result.sections, *(s for a in result.attachments for s in a.sections)]
    drafts = [draft for top in tops for draft in top.walk()]
    depth = max((draft.level for draft in drafts), default=0)
    if depth > max_depth:
        raise LimitError(f"章节嵌套深度 {depth} 超过 {max_depth} 层的上限（可用 max_depth 放宽）", path=path)
    found = [_missing_number(draft, locator) for draft in drafts if draft.marker.recovered]
    return Structure(result, found, markup)


def _outline(lines: list[Line], text: str, folded: str, locator: Locator, tables: Tables, *,
             prefix: str = "", path: str = "") -> tuple[Outline, list[Furniture]]:
    """The outline of one part, and the markup set aside before its markers."""
    body = body_lines(lines)
    rows = [line for line in body if tables.holding(line.start, line.end)] if tables else []
    for line in rows:
        line.demote()
    apply_line_rules(body)
    for line in rows:
        line.demote()
    tree = document_parser().parse(body)  # BodyLexer reads the lines
    markup = [build(Furniture, category="markup", span=locator.span(start, line.marker_start),
                    text=text[start:line.marker_start])
              for line in body if line.terminal
              for start in [line.start + len(line.folded) - len(line.folded.lstrip(" "))]
              if line.marker_start > start]
    return outline(tree, text, folded, prefix=prefix, path=path), markup


def _missing_number(draft: SectionDraft, locator: Locator) -> Diagnostic:
    """DP201: a heading whose number is missing, with the number its place gives it."""
    marker = draft.marker
    expected = ladder.BY_STYLE[marker.style].written(marker.ordinal or 0)
    level = ladder.level_name(draft.level)
    return diagnostics.make("DP201", f"{level}标题缺少序号，按位置应为“{expected}”", locator, draft.start,
                            draft.heading_end, hint=f"在标题前补上序号“{expected}”")
