"""Stage 7: paragraph and item text → claims (sentences), each with its role and metrics.

A claim is one sentence (split at 。！？； outside quotes, 《》 and brackets). Inside an
enumeration item, the item's lead sentence is the claim's topic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Claim, SectionRole
from .roles import role_of_claim
from .sentences import sentence_ends

if TYPE_CHECKING:
    from .transform import Context


def split_claims(ctx: Context, start: int, end: int, id_prefix: str, role: SectionRole,
                 explicit_role: bool, path: str, topic: str | None) -> list[Claim]:
    """Cut ``text[start:end]`` into sentence claims; outside explicit sections the wording decides the role."""
    folded = ctx.folded
    claims: list[Claim] = []
    begin = start
    for stop in [*sentence_ends(folded, start, end), end]:
        while begin < stop and folded[begin] == " ":
            begin += 1
        finish = stop
        while finish > begin and folded[finish - 1] == " ":
            finish -= 1
        if finish > begin and folded[begin:finish].strip(" 。;!?,"):
            text = ctx.text[begin:finish]
            claim_role = role if explicit_role else (role_of_claim(text) or role)
            claim_id = f"{id_prefix}{len(claims) + 1}"
            claims.append(Claim(
                id=claim_id, span=ctx.locator.span(begin, finish), text=text, topic=topic,
                role=claim_role,
                metrics=find_metrics(ctx, begin, finish, claim_id, path),
            ))
        begin = stop
    return claims


def find_metrics(ctx: Context, start: int, end: int, claim_id: str, path: str) -> list:  # type: ignore[type-arg]
    """Placeholder until the metrics stage lands (issue 3)."""
    return []
