"""Report-type profiles: which extra checks apply to a document, as data plus small functions.

A profile is chosen from the title (or forced with ``--profile``). The generic 公文 profile
(gongwen.py) adds nothing to the structure and format checks; 法治政府建设年度报告 (fzzf.py) and
政府工作报告 (gzbg.py) add their own. To add a profile: write a module with its checks (functions
of a :class:`~docparse.validate.context.RuleContext` declared with
:func:`~docparse.validate.context.rule`) and its :class:`Profile`, and add it to :data:`PROFILES`.
"""

from __future__ import annotations

import re

from ...models import Document
from ...normalize import CJK
from .fzzf import FZ_PARTS, FZZF, Part
from .gongwen import GONGWEN
from .gzbg import GZBG
from .profile import Profile

PROFILES: tuple[Profile, ...] = (FZZF, GZBG, GONGWEN)
"""Tried in this order by :func:`detect`; the generic profile last."""


def names() -> list[str]:
    """Every accepted profile name and alias (for ``--profile``)."""
    return ["auto", *(n for p in PROFILES for n in (p.name, *p.aliases))]


def get(name: str) -> Profile:
    """The profile called ``name`` (or an alias).

    Raises:
        ValueError: no such profile.
    """
    for profile in PROFILES:
        if name == profile.name or name in profile.aliases:
            return profile
    raise ValueError(f"未知的检查配置“{name}”，可选：{'、'.join(names())}")


_CITED_NAME = re.compile(r"《[^《》]*》")
_REPORT_GENRE = re.compile(r"报告[)）]?$")


def _own_words(title: str) -> str | None:
    """The words of a title that name the document itself, when it names another document in 《》
    and is of another kind (``关于《…法治政府建设情况的报告》的政策解读``, ``关于印发《…报告》的
    通知``): the title without the cited names. None when the title is the report's own."""
    close = title.rfind("》")
    if close < 0 or not CJK.search(title[close + 1:]) or _REPORT_GENRE.search(title):
        return None
    return _CITED_NAME.sub("", title)


def detect(doc: Document) -> Profile:
    """The profile a document's title announces, else the parser's ``doc_type`` guess, else 公文.

    A title that cites a report in 《》 announces the document that cites it (an interpretation,
    a notice issuing it): the cited name chooses no profile, nor does a ``doc_type`` read from it."""
    title = "".join(doc.title.text.split()) if doc.title else ""
    own = _own_words(title)
    for profile in PROFILES:
        if profile.title and profile.title.search(title if own is None else own):
            return profile
    if own is not None:
        return GONGWEN
    for profile in PROFILES:
        if doc.doc_type in profile.doc_types:
            return profile
    return GONGWEN


def resolve(doc: Document, name: str = "auto") -> Profile:
    """``auto`` → :func:`detect`; any other name → :func:`get`."""
    return detect(doc) if name == "auto" else get(name)


__all__ = ["FZZF", "FZ_PARTS", "GONGWEN", "GZBG", "PROFILES", "Part", "Profile", "detect", "get", "names",
           "resolve"]
