"""Every diagnostic code docparse can emit, gathered from where each is declared, and the table of
docs/diagnostics.md rendered from them.

The parser stages declare theirs in docparse.diagnostics (DP1xx, DP201), each rule beside its
function (:func:`~docparse.validate.context.rule`), the checker its DP901. ``python -m
docparse.validate.registry`` prints the table; a test holds docs/diagnostics.md to it (the prose
about each code there is written by hand).
"""

from __future__ import annotations

from ..diagnostics import STAGE_CODES, Code
from .checker import RULE_FAILED, RULES
from .profiles import PROFILES


def declared() -> list[Code]:
    """Every declaration, in the order of the stages, the generic rules, the profiles, the checker."""
    rules = [*RULES, *(check for profile in PROFILES for check in profile.checks)]
    return [*STAGE_CODES.values(), *(code for rule in rules for code in rule.codes), RULE_FAILED]


CODES: dict[str, Code] = {code.code: code for code in sorted(declared(), key=lambda c: c.code)}
"""Every code, by code, in code order."""


def table() -> str:
    """The Markdown table of docs/diagnostics.md: each code (a link to its section), severity, summary."""
    rows = [f"| [{c.code}](#{c.code.lower()}) | {c.severity} | {c.summary} |" for c in CODES.values()]
    return "\n".join(["| 代码 | 级别 | 摘要 |", "|---|---|---|", *rows]) + "\n"


if __name__ == "__main__":
    print(table(), end="")
