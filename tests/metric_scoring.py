"""Score docparse metrics against a hand-verified gold file (the rules stated in the gold file itself).

A found metric counts for a gold mention when the spans overlap and the values are equal
(value+unit: the unit is equal too); matching is one to one. Found metrics that overlap only a
``borderline_dont_care`` span are ignored; found metrics that overlap a negative are false
positives, and are counted separately as negatives hit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docparse.models import Document, Metric


@dataclass
class Score:
    gold: int
    found: int
    ignored: int
    matched_value: int
    matched_value_unit: int
    qualifier_right: int
    kind_right: int
    negatives_hit: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched_value_unit / self.gold

    @property
    def precision(self) -> float:
        return self.matched_value_unit / max(1, self.found - self.ignored)

    @property
    def qualifier_rate(self) -> float:
        return self.qualifier_right / max(1, self.matched_value_unit)

    @property
    def kind_rate(self) -> float:
        return self.kind_right / max(1, self.matched_value_unit)

    def summary(self) -> str:
        return (f"gold {self.gold}, found {self.found} ({self.ignored} don't-care), "
                f"R(value+unit) {self.recall:.3f}, P(value+unit) {self.precision:.3f}, "
                f"qualifier {self.qualifier_rate:.3f}, kind {self.kind_rate:.3f}, "
                f"negatives hit {len(self.negatives_hit)}")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(doc: Document, gold_path: Path) -> Score:
    gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    mentions = gold["mentions"]
    found: list[Metric] = list(doc.metrics())
    used: set[int] = set()
    result = Score(gold=len(mentions), found=len(found), ignored=0, matched_value=0, matched_value_unit=0,
                   qualifier_right=0, kind_right=0)
    for mention in mentions:
        span = (mention["span"][0], mention["span"][1])
        best = None
        for index, metric in enumerate(found):
            if index in used or not _overlap(span, (metric.span.start, metric.span.end)):
                continue
            if math.isclose(metric.value, mention["value"], rel_tol=1e-9):
                best = index
                if metric.unit == mention["unit"]:
                    break
        if best is None:
            result.missed.append(f"{mention['text']} ({mention['context']})")
            continue
        used.add(best)
        metric = found[best]
        result.matched_value += 1
        if metric.unit != mention["unit"]:
            result.missed.append(f"{mention['text']}: unit {metric.unit!r} ≠ {mention['unit']!r}")
            continue
        result.matched_value_unit += 1
        result.qualifier_right += metric.qualifier == mention["qualifier"]
        result.kind_right += metric.measure == mention["kind"]
    for index, metric in enumerate(found):
        if index in used:
            continue
        span = (metric.span.start, metric.span.end)
        negative = next((n for n in gold["negatives"] if _overlap(span, tuple(n["span"]))), None)
        if negative is not None:
            result.negatives_hit.append(f"{metric.raw} ({negative['category']})")
            result.spurious.append(metric.raw)
        elif any(_overlap(span, tuple(b["span"])) for b in gold["borderline_dont_care"]):
            result.ignored += 1
        else:
            result.spurious.append(metric.raw)
    return result
