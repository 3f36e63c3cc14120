"""Diagnostic codes, how a finding of one is built, and the codes the parser stages emit.

Codes are grouped by stage, as ruff groups its rules: DP1xx decoding and text hygiene, DP2xx
heading structure, DP3xx enumerations, DP4xx format (发文字号, dates, title), DP5xx report-type
profiles, DP6xx metadata, DP9xx the checker itself. Each code is declared once, beside what emits
it: the parser stages' codes here (the stages import this module, never the validator), the
validator's next to its rules. ``docparse.validate.registry`` gathers them all into ``CODES`` and
renders the table of docs/diagnostics.md, which documents each one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Diagnostic, Severity
from .spans import Locator


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its default severity and what it is about."""

    code: str
    severity: Severity
    summary: str
    """One line, Chinese: what the check is about (the table of docs/diagnostics.md, SARIF rules)."""

    def diagnostic(self, message: str, locator: Locator | None = None, start: int | None = None,
                   end: int | None = None, *, hint: str | None = None, severity: Severity | None = None
                   ) -> Diagnostic:
        """A finding of this code, located when offsets are given, at the default severity unless told."""
        span = None
        if locator is not None and start is not None:
            span = locator.span(start, end if end is not None else start)
        return Diagnostic(code=self.code, severity=severity or self.severity, message=message, span=span,
                          hint=hint)


STAGE_CODES: dict[str, Code] = {
    c.code: c
    for c in (
        # decoding and normalizing (api.py, from decode.py's results)
        Code("DP101", "warning", "文本含无法解码的字节（替换字符 U+FFFD）"),
        Code("DP102", "warning", "文本含转义残留（如 <U+00A0>、&nbsp;、\\u3000）"),
        Code("DP103", "info", "编码识别置信度低"),
        Code("DP104", "warning", "乱码（UTF-8 中文被按单字节编码误读后另存），已还原"),
        # structure: a heading whose number the parser supplied by position (api.py)
        Code("DP201", "warning", "标题缺少序号，已按位置补出"),
    )
}
"""The codes the parser itself emits into ``Document.diagnostics``."""


def make(code: str, message: str, locator: Locator | None = None, start: int | None = None,
         end: int | None = None, *, hint: str | None = None, severity: Severity | None = None
         ) -> Diagnostic:
    """A parser stage's finding of ``code`` (one of :data:`STAGE_CODES`), located when offsets are given."""
    return STAGE_CODES[code].diagnostic(message, locator, start, end, hint=hint, severity=severity)
