"""Report-type profiles: which extra checks apply to a document, as data plus small functions.

A profile is chosen from the title (or forced with ``--profile``). The generic 公文 profile
(gongwen.py) adds nothing to the structure and format checks; 法治政府建设年度报告 (fzzf.py) and
政府工作报告 (gzbg.py) add their own. To add a profile: write a module with its checks (functions
of a :class:`~docparse.validate.context.RuleContext` declared with
:func:`~docparse.validate.context.rule`) and its :class:`Profile`, and add it to :data:`PROFILES`.
"""

from __future__ import annotations

from ...models import Document
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


def detect(doc: Document) -> Profile:
    """The profile a document's title announces, else the parser's ``doc_type`` guess, else 公文."""
    title = "".join(doc.title.text.split()) if doc.title else ""
    for profile in PROFILES:
        if profile.title and profile.title.search(title):
            return profile
    for profile in PROFILES:
        if doc.doc_type in profile.doc_types:
            return profile
    return GONGWEN


def resolve(doc: Document, name: str = "auto") -> Profile:
    """``auto`` → :func:`detect`; any other name → :func:`get`."""
    return detect(doc) if name == "auto" else get(name)


__all__ = ["FZZF", "FZ_PARTS", "GONGWEN", "GZBG", "PROFILES", "Part", "Profile", "detect", "get", "names",
           "resolve"]
