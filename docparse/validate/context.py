"""What a rule reads (:class:`RuleContext`) and what a rule is (:class:`Rule`: a check and its codes).

A rule is declared with :func:`rule` above its function, listing every code it can emit with the
code's default severity and summary: the registry of codes (registry.py) is gathered from these
declarations, and a rule can only emit the codes it declared (its context knows no others).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import ladder
from ..cuts import RUN_ON_LENGTH, alone
from ..diagnostics import Code
from ..models import Diagnostic, Document, Section, Severity
from ..normalize import fold
from ..spans import Locator, page_starts

if TYPE_CHECKING:
    from .profiles.profile import Profile

Check = Callable[["RuleContext"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class RuleContext:
    """What every rule reads: the document, the chosen profile, and a way to build located findings."""

    doc: Document
    profile: Profile
    locator: Locator
    halfwidth: bool
    """The whole text uses half-width punctuation (scraped or converted): width findings are info."""
    skipped: frozenset[int] = frozenset()
    """Heading offsets that are really lines of an 附件说明 list (``附件：1.…`` / ``2.…``), not headings."""
    codes: Mapping[str, Code] = dataclasses.field(default_factory=dict)
    """The codes the running rule declared: the only ones :meth:`diag` builds."""
    run_on: tuple[tuple[int, int], ...] = ()
    """The lines of :data:`~docparse.cuts.RUN_ON_LENGTH` characters or more (start, end), or the
    whole text where it is one line (:func:`~docparse.cuts.alone`): a page scraped as one line, whose
    headings the parser cut out of running text."""

    @classmethod
    def of(cls, doc: Document, profile: Profile) -> RuleContext:
        """The context of ``doc`` checked under ``profile`` (no rule's codes yet: :class:`Rule` adds them)."""
        locator = Locator(doc.text, page_starts(doc.source_map))
        return cls(doc, profile, locator, _uses_halfwidth(doc.text), _attachment_lines(doc),
                   run_on=_run_on_lines(doc.text))

    def uncertain(self, offset: int) -> bool:
        """Whether ``offset`` lies in run-on text, where the parser's reading of headings is a guess:
        findings about them are at most ``info``."""
        index = bisect.bisect_right(self.run_on, (offset, len(self.doc.text))) - 1
        return index >= 0 and self.run_on[index][0] <= offset < self.run_on[index][1]

    def sections(self) -> Iterator[Section]:
        """Every real heading, in document order."""
        return (s for s in self.doc.walk() if s.heading_span.start not in self.skipped)

    def diag(self, code: str, message: str, start: int | None = None, end: int | None = None, *,
             hint: str | None = None, severity: Severity | None = None) -> Diagnostic:
        """A finding of one of the running rule's codes, located at ``start``–``end`` of the text."""
        return self.codes[code].diagnostic(message, self.locator, start, end, hint=hint, severity=severity)


@dataclass(frozen=True)
class Rule:
    """A check and the codes it can emit."""

    check: Check
    codes: tuple[Code, ...]

    @property
    def name(self) -> str:
        """The check function's name (named in a DP901 note when it fails)."""
        return self.check.__name__

    def __call__(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        return self.check(dataclasses.replace(ctx, codes={c.code: c for c in self.codes}))


def rule(*codes: Code) -> Callable[[Check], Rule]:
    """Declare a rule: ``@rule(Code("DP202", "error", "同级标题序号跳号"), …)`` above its function."""

    def declare(check: Check) -> Rule:
        return Rule(check, codes)

    return declare


def _uses_halfwidth(text: str) -> bool:
    return text.count(",") > max(3, text.count("，"))


_ATTACHMENT_HEAD = re.compile(r"^\s*附件\s*[:：]")
_ATTACHMENT_LIST_REACH = 300
"""An 附件说明 run into one line names its attachments within this many characters."""


def _starts_arabic_dot(line: str) -> bool:
    """A line that starts with ``1.`` or ``2、``: the numbered lines of an 附件说明."""
    folded = fold(line)
    found = ladder.marker_at(folded, len(folded) - len(folded.lstrip(" ")))
    return found is not None and found.lastgroup == "ARABIC_DOT"


def _attachment_lines(doc: Document) -> frozenset[int]:
    """Headings that are really ``2.某某清单`` lines continuing ``附件：1.某某办法``, on lines of
    their own or run into the line of the 附件说明.

    The parser may take such a line for a heading; structure rules must not judge it as one.
    """
    skipped = set()
    for section in doc.walk():
        if section.marker.style != "arabic_dot":
            continue
        line_start = section.heading_span.start - (section.heading_span.column - 1)
        prefix = fold(doc.text[line_start:section.heading_span.start])
        note = prefix.rfind("附件:")
        listed = prefix[note + 3:]
        if note >= 0 and len(listed) <= _ATTACHMENT_LIST_REACH and not re.search("[。:;]|附件", listed):
            # 附件：1.…办法 2.…清单 run into one line
            skipped.add(section.heading_span.start)
            continue
        above = doc.text[max(0, line_start - 2000):line_start].split("\n")[:-1]
        while above and _starts_arabic_dot(above[-1]):
            above.pop()
        if above and _ATTACHMENT_HEAD.match(above[-1]):
            skipped.add(section.heading_span.start)
    return frozenset(skipped)


def _run_on_lines(text: str) -> tuple[tuple[int, int], ...]:
    if alone(text):
        return ((0, len(text)),)
    lines = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start >= RUN_ON_LENGTH:
            lines.append((start, end))
        start = end + 1
    return tuple(lines)
