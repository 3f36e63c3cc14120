"""Validation findings (``docparse validate``): compiler-style text lines, JSON, or SARIF 2.1.0 for CI."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

from .. import __version__
from .base import Renderer

if TYPE_CHECKING:
    from ..models import Diagnostic, Document

DOCS = "docs/diagnostics.md"
"""Where each code is explained (the SARIF rules' help points there)."""
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class Findings(NamedTuple):
    """What checking one input found: its ``diagnostics`` at or above the severity asked for (and
    how many below it were ``hidden``), or the ``error`` that kept it from being read.

    (A named tuple rather than a dataclass: the command line lists the formats of this module
    when it starts, and ``dataclasses`` imports ``inspect``.)"""

    path: str
    profile: str | None = None
    document: Document | None = None
    diagnostics: Sequence[Diagnostic] = ()
    hidden: int = 0
    error: str | None = None


def text_line(path: str, diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE severity: message`` — the form editors and CI log parsers jump to."""
    where = f"{path}:{diagnostic.span.line}:{diagnostic.span.column}:" if diagnostic.span else f"{path}:"
    return f"{where} {diagnostic.code} {diagnostic.severity}: {diagnostic.message}"


class FindingsText(Renderer[Sequence[Findings]]):
    """One :func:`text_line` per finding (an input that could not be read has none)."""

    name = "text"
    media_type = "text/plain; charset=utf-8"
    extension = ".txt"

    def chunks(self, reports: Sequence[Findings]) -> Iterator[bytes]:
        yield "".join(text_line(report.path, diagnostic) + "\n"
                      for report in reports for diagnostic in report.diagnostics).encode("utf-8")


class FindingsJson(Renderer[Sequence[Findings]]):
    """``{"tool", "version", "files": [{"path", "profile", "diagnostics"} or {"path", "error"}]}``."""

    name = "json"
    media_type = "application/json"
    extension = ".json"

    def chunks(self, reports: Sequence[Findings]) -> Iterator[bytes]:
        files: list[dict[str, Any]] = []
        for report in reports:
            if report.error is not None:
                files.append({"path": report.path, "error": report.error})
                continue
            files.append({"path": report.path, "profile": report.profile,
                          "diagnostics": [d.model_dump(mode="json") for d in report.diagnostics]})
        yield _json({"tool": "docparse", "version": __version__, "files": files})


class Sarif(Renderer[Sequence[Findings]]):
    """A SARIF 2.1.0 log: one run, the rules that fired, one result per finding, an input that
    could not be read as a notification."""

    name = "sarif"
    media_type = "application/sarif+json"
    extension = ".sarif"

    def chunks(self, reports: Sequence[Findings]) -> Iterator[bytes]:
        from ..validate.registry import CODES

        used = sorted({d.code for r in reports for d in r.diagnostics})
        rules = [{"id": code, "name": code, "shortDescription": {"text": CODES[code].summary},
                  "help": {"text": f"见 {DOCS} 的 {code} 一节"},
                  "defaultConfiguration": {"level": _SARIF_LEVEL[CODES[code].severity]}} for code in used]
        index = {code: i for i, code in enumerate(used)}
        results = [_sarif_result(report.path, report.document, d, index[d.code])
                   for report in reports if report.document is not None for d in report.diagnostics]
        notifications = [{"level": "error", "message": {"text": r.error},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
                         for r in reports if r.error is not None]
        yield _json({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "docparse", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": not notifications,
                                 "toolExecutionNotifications": notifications}],
                "results": results,
            }],
        })


RENDERERS: dict[str, Renderer[Sequence[Findings]]] = {
    r.name: r for r in (FindingsText(), FindingsJson(), Sarif())}
"""The formats of ``docparse validate --format``, by name."""


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _uri(path: str) -> str:
    """A relative path stays relative (CI maps it to the repository); an absolute one becomes file://."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix(), safe="/")


def _sarif_result(path: str, doc: Document, d: Diagnostic, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    if d.span:
        location["region"] = {"startLine": d.span.line, "startColumn": d.span.column,
                              "endLine": d.span.end_line, "endColumn": d.span.end_column,
                              "snippet": {"text": doc.text[d.span.start:d.span.end]}}
    return {"ruleId": d.code, "ruleIndex": rule_index, "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message + (f"（{d.hint}）" if d.hint else "")},
            "locations": [{"physicalLocation": location}]}
