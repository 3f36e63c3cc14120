"""Stage 7: paragraph, item and heading title text → claims (sentences), each with its role and metrics.

A claim is one sentence (split at 。！？； outside quotes, 《》 and brackets). Inside an
enumeration item, the item's lead sentence is the claim's topic. Outside sections whose title
states a role, a claim's own wording decides its role, and that role carries on to the following
claims of the paragraph until other wording changes it (``还有一定差距，主要表现在：一是…二是…``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..metrics import ClaimState, find_metrics
from ..metrics.quantity import RUN
from ..models import Claim, SectionRole, build
from ..sentences import sentence_ends
from .roles import role_of_claim

if TYPE_CHECKING:
    from . import BodyContext

_NOT_A_CLAIM = " 。;!?,"
"""What a piece between two stops may consist of and be no claim (``。。``, ``;,``)."""


def split_claims(ctx: BodyContext, start: int, end: int, id_prefix: str, role: SectionRole,
                 explicit_role: bool, path: str, topic: str | None,
                 state: ClaimState | None = None, whole: str | None = None) -> list[Claim]:
    """Cut ``text[start:end]`` into sentence claims; outside explicit sections the wording decides the role.

    ``state`` carries the period (``2022年，…``) and an open target list (``预期目标是：…；…``) from
    claim to claim; pass the same one for the introduction and the items of a paragraph.
    ``whole`` is ``text[start:end]`` if the caller has it: a claim that spans it all reuses it.
    """
    folded = ctx.folded
    source = ctx.text
    locator = ctx.locator
    state = state or ClaimState(period=ctx.period)
    claims: list[Claim] = []
    current = role
    begin = start
    stops = sentence_ends(folded, start, end)
    if stops and stops[-1] == end:
        stops[-1] = end  # the caller's int object, which its own span holds: one object for both spans
    else:
        stops.append(end)
    for stop in stops:
        while begin < stop and folded[begin] == " ":
            begin += 1
        finish = stop
        while finish > begin and folded[finish - 1] == " ":
            finish -= 1
        # (a claim that starts with a word is not empty: the slice is for one of stops alone)
        if finish > begin and (folded[begin] not in _NOT_A_CLAIM or folded[begin:finish].strip(_NOT_A_CLAIM)):
            text = whole if whole is not None and begin == start and finish == end else source[begin:finish]
            if not explicit_role:
                current = role_of_claim(text) or current
            claim_id = f"{id_prefix}{len(claims) + 1}"
            metrics = find_metrics(source, folded, begin, finish, locator, claim_id, path, state,
                                   current == "plans", current == "measures")
            claims.append(build(Claim, id=claim_id, span=locator.span(begin, finish), text=text, topic=topic,
                                role=current, metrics=metrics))
        begin = stop
    return claims.copy()  # a list that grew by appending keeps room for more: a copy holds just the claims


def title_claims(ctx: BodyContext, start: int, end: int, id_prefix: str, role: SectionRole,
                 explicit_role: bool, path: str, period: str | None) -> list[Claim]:
    """The claims of the heading title ``text[start:end]`` if it cites a figure (``（二）全年受理行政复议
    案件326件``, ``3.新增就业1.2万人``), else none: a title that cites nothing is no claim.

    The title excludes the heading's marker, so that no marker (``4.2``, ``（三）``) is read as a figure.
    """
    if RUN.search(ctx.folded, start, end) is None:  # most titles hold no numeral
        return []
    claims = split_claims(ctx, start, end, id_prefix, role, explicit_role, path, None,
                          ClaimState(period=period or ctx.period, strings=ctx.strings))
    return claims if any(claim.metrics for claim in claims) else []
