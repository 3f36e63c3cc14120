"""Check a parsed Document against the rules of 公文 and report writing; findings are Diagnostics.

One small function per rule, each declaring the codes it can emit; every rule reads the finished
tree and yields located diagnostics; none raises, and a rule that fails on an unforeseen input is
skipped with a DP901 note. Sources of each rule are in docs/diagnostics.md (GB/T 9704—2012,
GB/T 15834—2011, 督察规定; domain-rules.md §1, §5, §6).

The package: context.py (what a rule reads, and how a rule declares its codes), headings.py
(DP2xx), enumerations.py (DP3xx), format.py (DP4xx), metadata.py (DP6xx), profiles/ (the report
types and their DP5xx checks), checker.py (the generic rules in order, and the run), registry.py
(every code, gathered from the declarations; the table of docs/diagnostics.md). Marker styles,
their standard forms and the fixes offered come from the ladder table (docparse/ladder.py).

This module imports nothing of the parser: ``import docparse`` binds ``docparse.validate`` to the
function below, and it stays that function however the package is imported later. So the modules
are reached by import (``from docparse.validate.registry import CODES``), never as attributes of
``docparse.validate``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Diagnostic, Document
    from .profiles import Profile


def validate(doc: Document, profile: str | Profile = "auto") -> list[Diagnostic]:
    """Every finding about ``doc``: the parser's own diagnostics plus the structure, format and profile rules.

    Args:
        doc: a parsed document.
        profile: ``auto`` (from the title), a profile name or alias (``gongwen``, ``fzzf``/``fazhi_annual``,
            ``gzbg``/``gov_work_report``), or a :class:`~docparse.validate.profiles.Profile`.

    Returns:
        Diagnostics sorted by position; never raises for any document.

    Raises:
        ValueError: ``profile`` names no known profile.

    >>> from docparse import parse
    >>> [d.code for d in validate(parse("关于工作的报告\\n一、总体情况\\n内容。\\n三、下步安排\\n内容。"))]
    ['DP202']
    """
    from .checker import check  # the rules and the models they read load on the first call

    return check(doc, profile)
