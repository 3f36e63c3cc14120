"""The loop over the numeral runs of a claim: each becomes a metric or gets the reason it is none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Metric, build
from ..spans import Locator
from .claim import ClaimState, ClaimText
from .context import (
    Draft,
    clause_has_target,
    clause_of,
    describe,
    has_target_word,
    opening_years,
    target_intros,
)
from .lexicon import CLOSERS, LIST_DELIMITER, OPENERS, TITLE_OPENERS
from .quantity import (
    LAW_TITLE,
    PART_OF_METRIC,
    QUOTED_NAME,
    RUN,
    Reason,
    Rejection,
    may_be_quantity,
    read_quantity,
)
from .relations import fit_list_names, relate_from_to, relate_parts, share_list_bound


@dataclass
class Candidate:
    """One numeral run of the text: a metric (``reason`` is None) or the reason it is not one."""

    start: int
    end: int
    reason: Reason | None
    metric: Metric | None = None


def find_metrics(text: str, folded: str, start: int, end: int, locator: Locator, claim_id: str,
                 path: str, state: ClaimState, plans: bool = False, review: bool = False) -> list[Metric]:
    """The metrics of the claim ``text[start:end]``; ``state`` carries the period and target context
    from claim to claim, ``plans`` makes every figure a target, ``review`` says the claim reviews work
    done (争取 is no target word there).

    (Positional parameters: the claims stage calls this once per sentence, and a call by keywords
    costs more.)"""
    run = RUN.search(folded, start, end)
    if run is None:  # half of all claims cite no number
        _close_claim(folded, start, end, state, None)
        return []
    return _read_claim(ClaimText(text, folded, start, end, locator, claim_id, path, state, plans, review),
                       run, None)


def scan(text: str, folded: str, start: int, end: int, *, locator: Locator, claim_id: str = "",
         path: str = "", state: ClaimState | None = None, plans: bool = False, review: bool = False
         ) -> list[Candidate]:
    """Every numeral run of ``text[start:end]``, each a metric or deliberately not one (with the reason)."""
    candidates: list[Candidate] = []
    claim = ClaimText(text, folded, start, end, locator, claim_id, path, state or ClaimState(period=None),
                      plans, review)
    run = RUN.search(folded, start, end)
    if run is None:
        _close_claim(folded, start, end, claim.state, None)
    else:
        _read_claim(claim, run, candidates)
    return candidates


_Shield = tuple[int, int, Rejection]
"""A title or a short quote: where it starts and ends, and why the numbers inside are no metric."""


def _read_claim(claim: ClaimText, first_run: re.Match[str], candidates: list[Candidate] | None
                ) -> list[Metric]:
    """The metrics of a claim from its first numeral run on; with ``candidates``, also every run
    with the reason it is no metric."""
    folded, start, end = claim.folded, claim.start, claim.end
    years = opening_years(folded, start, end)
    year_count = len(years)
    # Half the claims with a numeral run cite no quantity (进一步, 第一, 二十大): in find_metrics,
    # the runs certainly no metric are not read, and the claim's titles, quotes and 目标 words are
    # looked for only once a run may be one. Without years to follow, such a run needs nothing.
    shields = _shields(folded, start, end) if candidates is not None or year_count else None
    shield_count = len(shields) if shields is not None else 0
    intros: list[int] | None = None
    """The offsets of the claim's ``目标是：``, looked for at its first quantity."""
    targets = False
    in_target_list = claim.state.target_open
    period = claim.state.period
    next_year = next_shield = next_intro = 0
    drafts: list[Draft] = []
    slots: list[int] = []
    """The index in ``candidates`` of each draft."""
    read_to = start
    run: re.Match[str] | None = first_run
    while run is not None:
        run_start, run_end = run.span()
        run = RUN.search(folded, run_end, end)
        if run_start < read_to:  # the high end of a range read with the metric before (3至5个)
            if candidates is not None:
                candidates.append(Candidate(run_start, run_end, PART_OF_METRIC.reason))
            continue
        bare = candidates is None and not may_be_quantity(folded, run_start, run_end, end)
        if bare and shields is None:  # no year to follow: nothing to look at
            continue
        while next_year < year_count and years[next_year][0] < run_start:
            period = years[next_year][1]
            next_year += 1
        if shields is None:
            shields = _shields(folded, start, end)
            shield_count = len(shields)
        while next_shield < shield_count and shields[next_shield][1] <= run_start:
            next_shield += 1
        shield: Rejection | None = None
        if next_shield < shield_count and shields[next_shield][0] < run_start:
            _, shield_end, shield = shields[next_shield]
            if candidates is None:  # no metric before the title or quote closes
                run = RUN.search(folded, max(run_end, shield_end), end)
                continue
        if bare:
            continue
        quantity = read_quantity(claim, run_start, run_end, shield)
        if isinstance(quantity, Rejection):
            if candidates is not None:
                candidates.append(Candidate(run_start, run_end, quantity.reason))
            continue
        if intros is None:
            targets = has_target_word(folded, start, end, claim.review)
            intros = target_intros(folded, start, end) if targets else []
        while next_intro < len(intros) and intros[next_intro] < run_start:
            in_target_list = True
            next_intro += 1
        clause = clause_of(folded, start, run_start)
        is_target = in_target_list or claim.plans or (
            targets and clause_has_target(folded, clause, end, run_start, claim.review))
        draft = Draft(quantity, period, is_target)
        describe(claim, clause, draft, drafts)
        drafts.append(draft)
        read_to = quantity.end
        if candidates is not None:
            slots.append(len(candidates))
            candidates.append(Candidate(run_start, quantity.end, None))
    if len(drafts) > 1:
        relate_from_to(folded, drafts)
        share_list_bound(folded, drafts)
        fit_list_names(drafts)
        relate_parts(folded, drafts)
    metrics = _metrics(claim, drafts) if drafts else []
    if candidates is not None:
        for slot, metric in zip(slots, metrics, strict=True):
            candidates[slot].metric = metric
    claim.state.period = period
    _close_claim(folded, start, end, claim.state, intros)
    return metrics


def _metrics(claim: ClaimText, drafts: list[Draft]) -> list[Metric]:
    """The metric models of the claim's drafts, numbered ``…/m1``, ``…/m2`` …"""
    claim_id, path, locator = claim.claim_id, claim.path, claim.locator
    id_prefix = f"{claim_id}/m" if claim_id else "m"
    share = claim.state.strings.setdefault
    metrics = []
    for number, draft in enumerate(drafts, start=1):
        quantity = draft.quantity
        if draft.breakdown == "total":
            group: str | None = f"{id_prefix}{number}"
        elif draft.total is not None:
            group = f"{id_prefix}{draft.total + 1}"
        else:
            group = None
        metrics.append(build(
            Metric, id=f"{id_prefix}{number}", span=locator.span(quantity.start, quantity.end),
            raw=share(quantity.raw, quantity.raw), value=quantity.value, value_high=quantity.value_high,
            unit=quantity.unit, qualifier=quantity.qualifier, measure=draft.measure,
            direction=draft.direction, baseline=draft.baseline, baseline_value=draft.baseline_value,
            change_value=draft.change_value,
            label=share(draft.label, draft.label) if draft.label else None, subject=draft.subject,
            period=draft.period, is_target=draft.is_target, breakdown=draft.breakdown, group=group,
            path=path, claim_id=claim_id))
    return metrics


def _close_claim(folded: str, start: int, end: int, state: ClaimState, intros: list[int] | None) -> None:
    """A 。 closes an open target list; a ``目标是：`` opens one for the claims that follow.

    ``intros`` are the claim's ``目标是：`` offsets, ``None`` if not looked for."""
    if folded[end - 1:end] == "。" or end == start:
        state.target_open = False
    elif intros or (intros is None and has_target_word(folded, start, end)
                    and target_intros(folded, start, end)):
        state.target_open = True


_QUOTE_MARK = re.compile("[" + re.escape(OPENERS + CLOSERS) + '"]')
_NAME_QUOTE = 20
"""A quotation this short is a name or slogan (“一个牵引、三项示范、六大提升”), not a quoted sentence."""
_SLOGAN_ITEM = 6
"""A longer quotation is a slogan too when it lists items this short, in words
(“一城引领、两业支撑、三大机遇、…、十件实事”工作思路)."""


def _is_slogan(quoted: str) -> bool:
    """Whether a quotation longer than a name lists the short items of a slogan, in words."""
    return LIST_DELIMITER in quoted and not any(char.isdigit() for char in quoted) and all(
        len(item) <= _SLOGAN_ITEM for item in quoted.split(LIST_DELIMITER))


def _shields(folded: str, start: int, end: int) -> list[_Shield]:
    """The spans inside 《》 (a title) or a short quote (a name or slogan), where numbers name things,
    in order of their start."""
    found: list[_Shield] = []
    stack: list[tuple[str, int]] = []
    for match in _QUOTE_MARK.finditer(folded, start, end):
        char = match.group()
        index = match.start()
        if char in OPENERS:
            stack.append((char, index))
        elif char in CLOSERS:
            if stack:
                opener, at = stack.pop()
                if opener in TITLE_OPENERS:
                    found.append((at, index + 1, LAW_TITLE))
                elif index - at <= _NAME_QUOTE or _is_slogan(folded[at + 1:index]):
                    found.append((at, index + 1, QUOTED_NAME))
        elif stack and stack[-1][0] == '"':
            _, at = stack.pop()
            if index - at <= _NAME_QUOTE or _is_slogan(folded[at + 1:index]):
                found.append((at, index + 1, QUOTED_NAME))
        else:
            stack.append(('"', index))
    found.sort()
    return found
