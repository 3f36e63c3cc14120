"""Every diagnostic code docparse can emit, gathered from where each is declared, and the reference
part of docs/diagnostics.md rendered from them and their explanations.

The parser stages declare theirs in docparse.diagnostics (DP1xx, DP201), each rule beside its
function (:func:`~docparse.validate.context.rule`), the checker its DP901; each code's prose is in
explanations.py. ``python -m docparse.validate.registry`` prints the table and the sections; a test
holds docs/diagnostics.md to it (the introduction above the table is written by hand).
"""

from __future__ import annotations

from ..diagnostics import STAGE_CODES, Code
from .checker import RULE_FAILED, RULES
from .explanations import EXPLANATIONS
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


def explain(code: str) -> str:
    """One code's section: its summary and default severity, then 检查, 原因, 依据, 示例, 修改.

    Raises:
        KeyError: no such code.
    """
    declared_code, text = CODES[code], EXPLANATIONS[code]
    parts = (("检查", text.check), ("原因", text.reason), ("依据", text.source), ("示例", text.example),
             ("修改", text.fix))
    return (f"{declared_code.summary}（默认级别：{declared_code.severity}）\n\n"
            + "".join(f"- **{name}**：{value}\n" for name, value in parts))


def reference() -> str:
    """The reference part of docs/diagnostics.md: the table, then a section per code."""
    return table() + "".join(f"\n### {code}\n\n{explain(code)}" for code in CODES)


if __name__ == "__main__":
    print(reference(), end="")
