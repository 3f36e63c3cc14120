"""Run the generic rules and the profile's own on a document, in order; a broken rule is a DP901 note."""

from __future__ import annotations

from ..diagnostics import Code
from ..models import Diagnostic, Document
from .context import Rule, RuleContext
from .enumerations import check_enumerations
from .format import (
    check_addressee,
    check_addressee_present,
    check_attachments,
    check_date,
    check_date_present,
    check_doc_number,
    check_halfwidth,
    check_imprint,
    check_request_in_report,
    check_title,
)
from .headings import (
    check_depth,
    check_duplicate_titles,
    check_empty_headings,
    check_heading_stops,
    check_level_skips,
    check_marker_forms,
    check_numbering,
    check_reversal,
)
from .metadata import check_meta_date, check_meta_title, check_number_year, check_publish_date
from .profiles import Profile, resolve

RULES: tuple[Rule, ...] = (
    check_numbering,
    check_level_skips,
    check_reversal,
    check_marker_forms,
    check_empty_headings,
    check_heading_stops,
    check_duplicate_titles,
    check_depth,
    check_enumerations,
    check_doc_number,
    check_date,
    check_date_present,
    check_title,
    check_addressee,
    check_addressee_present,
    check_attachments,
    check_imprint,
    check_request_in_report,
    check_halfwidth,
    check_meta_title,
    check_meta_date,
    check_number_year,
    check_publish_date,
)
"""The generic rules, in the order they run; profiles add their own (profiles/)."""

RULE_FAILED = Code("DP901", "info", "某项检查内部出错，已跳过")
"""The checker's own code: a rule raised on this document and was skipped."""


def check(doc: Document, profile: str | Profile = "auto") -> list[Diagnostic]:
    """:func:`docparse.validate.validate`: the parser's diagnostics plus every rule's, sorted by position."""
    chosen = profile if isinstance(profile, Profile) else resolve(doc, profile)
    ctx = RuleContext.of(doc, chosen)
    found = list(doc.diagnostics)
    for rule in (*RULES, *chosen.checks):
        try:
            found.extend(rule(ctx))
        except Exception as exc:  # noqa: PERF203 - one broken rule must not hide the others
            found.append(RULE_FAILED.diagnostic(f"检查“{rule.name}”内部出错（{type(exc).__name__}），已跳过",
                                                ctx.locator, hint="请附上输入文件报告此问题"))
    kept = [d.model_copy(update={"severity": chosen.severity[d.code]}) if d.code in chosen.severity else d
            for d in found if d.code not in chosen.disabled]
    return sorted(kept, key=lambda d: (d.span.start if d.span else -1, d.code))
