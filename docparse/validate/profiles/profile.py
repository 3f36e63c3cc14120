"""What a profile is: a report type, how to recognise it, and what it adds to the generic checks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...models import Severity
from ..context import Rule


@dataclass(frozen=True)
class Profile:
    """A report type: how to recognise it and what it adds to or changes in the generic checks."""

    name: str
    label: str
    """Chinese name, shown in messages and ``--help``."""
    aliases: tuple[str, ...] = ()
    title: re.Pattern[str] | None = None
    """A title matching this selects the profile in ``auto`` mode."""
    doc_types: tuple[str, ...] = ()
    """``Document.doc_type`` guesses that select the profile when no title pattern matched."""
    checks: tuple[Rule, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Severity overrides for generic codes."""
    disabled: frozenset[str] = frozenset()
    """Generic codes that do not apply to this kind of document."""
