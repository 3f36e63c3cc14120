"""The loop over the numeral runs of a claim: each becomes a metric or gets the reason it is none."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..lines import Locator
from ..models import Metric, build
from .claim import ClaimState, ClaimText
from .context import (
    Draft,
    clause_has_target,
    clause_of,
    describe_change,
    describe_label,
    has_target_word,
    opening_years,
    target_intros,
)
from .lexicon import CLOSERS, OPENERS, TITLE_OPENERS
from .quantity import RUN, Rejection, read_quantity
from .relations import continue_list, open_list, relate_parts


@dataclass
class Candidate:
    """One numeral run of the text: a metric (``reason`` is None) or the reason it is not one."""

    start: int
    end: int
    reason: Rejection | None
    metric: Metric | None = None


def find_metrics(text: str, folded: str, start: int, end: int, *, locator: Locator, claim_id: str,
                 path: str, state: ClaimState, plans: bool = False) -> list[Metric]:
    """The metrics of the claim ``text[start:end]``; ``state`` carries the period and target context
    from claim to claim, ``plans`` makes every figure a target."""
    run = RUN.search(folded, start, end)
    if run is None:  # half of all claims cite no number
        _close_claim(folded, start, end, state, None)
        return []
    return _read_claim(ClaimText(text, folded, start, end, locator, claim_id, path, state, plans), run, None)


def scan(text: str, folded: str, start: int, end: int, *, locator: Locator, claim_id: str = "",
         path: str = "", state: ClaimState | None = None, plans: bool = False) -> list[Candidate]:
    """Every numeral run of ``text[start:end]``, each a metric or deliberately not one (with the reason)."""
    candidates: list[Candidate] = []
    claim = ClaimText(text, folded, start, end, locator, claim_id, path, state or ClaimState(period=None),
                      plans)
    run = RUN.search(folded, start, end)
    if run is None:
        _close_claim(folded, start, end, claim.state, None)
    else:
        _read_claim(claim, run, candidates)
    return candidates


class _Shield(NamedTuple):
    start: int
    end: int
    reason: Rejection


def _read_claim(claim: ClaimText, first_run: re.Match[str], candidates: list[Candidate] | None
                ) -> list[Metric]:
    """The metrics of a claim from its first numeral run on; with ``candidates``, also every run
    with the reason it is no metric."""
    folded, start, end = claim.folded, claim.start, claim.end
    years = opening_years(folded, start, end)
    shields = _shields(folded, start, end)
    targets = has_target_word(folded, start, end)
    intros = target_intros(folded, start, end) if targets else []
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
                candidates.append(Candidate(run_start, run_end, Rejection.PART_OF_METRIC))
            continue
        while next_year < len(years) and years[next_year][0] < run_start:
            period = years[next_year][1]
            next_year += 1
        while next_shield < len(shields) and shields[next_shield].end <= run_start:
            next_shield += 1
        shield = shields[next_shield] if next_shield < len(shields) else None
        inside = shield.reason if shield is not None and shield.start < run_start else None
        quantity = read_quantity(claim, run_start, run_end, inside)
        if isinstance(quantity, Rejection):
            if candidates is not None:
                candidates.append(Candidate(run_start, run_end, quantity))
            continue
        while next_intro < len(intros) and intros[next_intro] < run_start:
            in_target_list = True
            next_intro += 1
        clause = clause_of(folded, start, run_start)
        is_target = in_target_list or claim.plans or (
            targets and clause_has_target(folded, clause, end, run_start))
        draft = Draft(quantity, period, is_target)
        if not continue_list(folded, draft, drafts):
            describe_change(claim, clause, draft, drafts)
            if draft.measure == "change":
                open_list(claim, clause, draft)
            describe_label(claim, clause, draft, drafts)
        drafts.append(draft)
        read_to = quantity.end
        if candidates is not None:
            slots.append(len(candidates))
            candidates.append(Candidate(run_start, quantity.end, None))
    if len(drafts) > 1:
        relate_parts(folded, drafts)
    metrics = [_metric(claim, number, draft) for number, draft in enumerate(drafts, start=1)]
    if candidates is not None:
        for slot, metric in zip(slots, metrics, strict=True):
            candidates[slot].metric = metric
    claim.state.period = period
    _close_claim(folded, start, end, claim.state, intros)
    return metrics


def _metric(claim: ClaimText, number: int, draft: Draft) -> Metric:
    """The metric model of the claim's ``number``-th draft."""
    id_prefix = f"{claim.claim_id}/m" if claim.claim_id else "m"
    quantity = draft.quantity
    share = claim.state.strings.setdefault
    if draft.breakdown == "total":
        group: str | None = f"{id_prefix}{number}"
    elif draft.total is not None:
        group = f"{id_prefix}{draft.total + 1}"
    else:
        group = None
    return build(
        Metric, id=f"{id_prefix}{number}", span=claim.locator.span(quantity.start, quantity.end),
        raw=share(quantity.raw, quantity.raw), value=quantity.value, value_high=quantity.value_high,
        unit=quantity.unit, qualifier=quantity.qualifier, measure=draft.measure, direction=draft.direction,
        baseline=draft.baseline, label=share(draft.label, draft.label) if draft.label else None,
        subject=draft.subject, period=draft.period, is_target=draft.is_target, breakdown=draft.breakdown,
        group=group, path=claim.path, claim_id=claim.claim_id)


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
                    found.append(_Shield(at, index + 1, Rejection.LAW_TITLE))
                elif index - at <= _NAME_QUOTE:
                    found.append(_Shield(at, index + 1, Rejection.QUOTED_NAME))
        elif stack and stack[-1][0] == '"':
            _, at = stack.pop()
            if index - at <= _NAME_QUOTE:
                found.append(_Shield(at, index + 1, Rejection.QUOTED_NAME))
        else:
            stack.append(('"', index))
    found.sort()
    return found
