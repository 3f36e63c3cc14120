"""Stable document ids: what a document is (the SHA-256 of its bytes) and where it sits below the
folder it was found in, so that ``reports/`` and ``/data/reports/`` give the same ids, a moved
folder keeps them, and two identical files under different names stay two documents."""

from __future__ import annotations

import hashlib


def document_id(sha256: str, name: str) -> str:
    """The id of the input whose bytes have this SHA-256 (hex) and whose path below its input root
    is ``name`` (``2022/a.txt``; a file given by itself: its file name): 16 hex digits.

    >>> document_id("0" * 64, "2022/a.txt") == document_id("0" * 64, "2022\\\\a.txt")
    True
    >>> len(document_id("0" * 64, "a.txt"))
    16
    """
    relative = name.replace("\\", "/")
    return hashlib.sha256(f"{sha256}\n{relative}".encode("utf-8", "surrogateescape")).hexdigest()[:16]
