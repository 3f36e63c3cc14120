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
from .lexer import body_lines, document_parser
from .outline import Outline, SectionDraft, outline
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
              path: str | None = None) -> Structure:
    """The outline of the body lines.

    Raises:
        LimitError: sections nest deeper than ``max_depth``.
    """
    body = body_lines(lines)
    apply_line_rules(body)
    tree = document_parser().parse(body)  # BodyLexer reads the lines
    result = outline(tree, text, folded)
    drafts = [draft for top in result.sections for draft in top.walk()]
    depth = max((draft.level for draft in drafts), default=0)
    if depth > max_depth:
        raise LimitError(f"章节嵌套深度 {depth} 超过 {max_depth} 层的上限（可用 max_depth 放宽）", path=path)
    found = [_missing_number(draft, locator) for draft in drafts if draft.marker.recovered]
    markup = [build(Furniture, category="markup", span=locator.span(start, line.marker_start),
                    text=text[start:line.marker_start])
              for line in body if line.terminal
              for start in [line.start + len(line.folded) - len(line.folded.lstrip(" "))]
              if line.marker_start > start]
    return Structure(result, found, markup)


def _missing_number(draft: SectionDraft, locator: Locator) -> Diagnostic:
    """DP201: a heading whose number is missing, with the number its place gives it."""
    marker = draft.marker
    expected = ladder.BY_STYLE[marker.style].written(marker.ordinal or 0)
    level = ladder.level_name(draft.level)
    return diagnostics.make("DP201", f"{level}标题缺少序号，按位置应为“{expected}”", locator, draft.start,
                            draft.heading_end, hint=f"在标题前补上序号“{expected}”")
