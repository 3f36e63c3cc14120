"""The generic 公文 profile: the structure and format checks alone, nothing added or changed."""

from __future__ import annotations

from .profile import Profile

GONGWEN = Profile(
    name="gongwen", label="通用公文（GB/T 9704—2012）", aliases=("generic",),
)
