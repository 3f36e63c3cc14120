"""The claim the finder reads, and what carries over from one claim to the next."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..spans import Locator


@dataclass
class ClaimState:
    """What carries from one claim to the next inside a paragraph: the period, an open target list."""

    period: str | None
    """The year the claims are about so far: the report year, a section title's year, ``2023年，…``."""
    target_open: bool = False
    """A ``目标是：`` list is open: the claims up to the next 。 state targets."""
    strings: dict[str, str] = field(default_factory=dict)
    """Labels and figures as written (行政复议案件, 100%), one object per distinct string: given the
    document's table, every paragraph keeps the strings a long report repeats once."""


@dataclass(slots=True)
class ClaimText:
    """A claim being read: ``text[start:end]`` of the document, and where its metrics belong."""

    text: str
    """The document's text, which metrics quote (``raw``, ``label``)."""
    folded: str
    """The document's folded view (:func:`docparse.normalize.fold`), which the finder matches in."""
    start: int
    end: int
    locator: Locator
    claim_id: str
    """The claim's id, the prefix of its metrics' ids (``…/c2`` → ``…/c2/m1``)."""
    path: str
    """The path of the section the claim is in."""
    state: ClaimState
    plans: bool
    """The claim is in a plans section: every figure is a target."""
    review: bool = False
    """The claim reviews work done (a measures section): 争取 there says what was obtained."""
