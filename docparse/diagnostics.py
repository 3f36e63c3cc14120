"""The registry of diagnostic codes: every code docparse can emit, with its default severity.

Codes are grouped by stage, as ruff groups its rules: DP1xx decoding and text hygiene, DP2xx
heading structure, DP3xx enumerations, DP4xx format (发文字号, dates, title), DP5xx report-type
profiles, DP6xx metadata and page chrome. docs/diagnostics.md documents each one; a test fails
when a code is emitted that is not registered here or not documented there.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import Locator
from .models import Diagnostic, Severity


@dataclass(frozen=True)
class Code:
    """A registered diagnostic code."""

    code: str
    severity: Severity
    summary: str
    """One line, Chinese: what the check is about."""


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("DP101", "warning", "文本含无法解码的字节（替换字符 U+FFFD）"),
        Code("DP102", "warning", "文本含转义残留（如 <U+00A0>、&nbsp;、\\u3000）"),
        Code("DP103", "info", "编码识别置信度低"),
        Code("DP201", "warning", "标题缺少序号，已按位置补出"),
    )
}


def make(code: str, message: str, locator: Locator | None = None, start: int | None = None,
         end: int | None = None, *, hint: str | None = None, severity: Severity | None = None
         ) -> Diagnostic:
    """Build a diagnostic of a registered code, located when offsets are given."""
    registered = CODES[code]
    span = locator.span(start, end if end is not None else start) if locator and start is not None else None
    return Diagnostic(code=code, severity=severity or registered.severity, message=message, span=span,
                      hint=hint)
