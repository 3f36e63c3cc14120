"""Metrics flattened into rows, for pandas or Excel: the columns of a metric (``docparse metrics``
and the Parquet ``metrics`` table) and the rows as CSV, JSON and JSON Lines.

CSV is written as UTF-8 with a BOM so that Excel shows the Chinese; every format has the same
columns. A text cell that a spreadsheet would take for a formula is escaped (:func:`spreadsheet_text`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .base import Renderer

if TYPE_CHECKING:
    from ..models import Document

COLUMNS: dict[str, str] = {
    "doc_id": "string", "metric_id": "string", "claim_id": "string", "section_path": "string",
    "section_role": "string", "report_year": "int64", "raw": "string", "value": "float64",
    "value_high": "float64", "baseline_value": "float64", "change_value": "float64", "unit": "string",
    "qualifier": "string", "measure": "string",
    "direction": "string", "baseline": "string", "label": "string", "subject": "string",
    "period": "string", "is_target": "bool_", "breakdown": "string", "group": "string",
    "claim_text": "string", "start": "int64", "end": "int64", "line": "int64", "page": "int64",
}
"""Every column of a metric and its Arrow type, in the order of the Parquet ``metrics`` table.
``doc_id`` names the input, ``section_role`` is the role of the claim that cites the metric."""

ROW_COLUMNS = ("doc_id", "section_path", "section_role", "label", "value", "unit", "qualifier", "measure",
               "baseline", "period", "raw", "line", "start", "end",
               "value_high", "baseline_value", "change_value", "direction", "subject", "is_target",
               "breakdown", "group", "claim_id",
               "metric_id", "page")
"""The columns of a metrics row (CSV, JSON, JSON Lines), in their order: where it is and what it
says first (document … end), then the rest of the metric, and the page of a PDF or OFD."""

Row = dict[str, object]


def metric_records(doc: Document, doc_id: str) -> Iterator[dict[str, Any]]:
    """Every metric of ``doc`` in text order, with every one of :data:`COLUMNS`."""
    for _, claim in doc.claims():
        for metric in claim.metrics:
            yield {
                "doc_id": doc_id, "metric_id": metric.id, "claim_id": metric.claim_id,
                "section_path": metric.path, "section_role": claim.role, "report_year": doc.report_year,
                "raw": metric.raw, "value": metric.value, "value_high": metric.value_high,
                "baseline_value": metric.baseline_value, "change_value": metric.change_value,
                "unit": metric.unit, "qualifier": metric.qualifier, "measure": metric.measure,
                "direction": metric.direction, "baseline": metric.baseline, "label": metric.label,
                "subject": metric.subject, "period": metric.period, "is_target": metric.is_target,
                "breakdown": metric.breakdown, "group": metric.group, "claim_text": claim.text,
                "start": metric.span.start, "end": metric.span.end, "line": metric.span.line,
                "page": metric.span.page,
            }


def metric_rows(doc: Document, doc_id: str) -> Iterator[Row]:
    """One row of :data:`ROW_COLUMNS` per metric, in text order; a whole number is written as one
    (``12``, not ``12.0``)."""
    for record in metric_records(doc, doc_id):
        row: Row = {column: record[column] for column in ROW_COLUMNS}
        for column in ("value", "value_high", "baseline_value", "change_value"):
            number = row[column]
            if isinstance(number, float) and number.is_integer():
                row[column] = int(number)
        yield row


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula."""


def spreadsheet_text(text: str) -> str:
    """A text cell for a CSV file that a spreadsheet opens: one that starts like a formula
    (:data:`FORMULA_STARTS`, as a file named ``=HYPERLINK(…).txt`` does) gets a leading apostrophe,
    which the spreadsheet shows as text and does not run. Numbers are not text cells: a value of
    ``-3.5`` stays a number.

    >>> spreadsheet_text("=1+1"), spreadsheet_text("-3.5%"), spreadsheet_text("增长3.5%")
    ("'=1+1", "'-3.5%", '增长3.5%')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class MetricsCsv(Renderer[Iterable[Row]]):
    """The rows as CSV: a byte-order mark (for Excel), a header of :data:`ROW_COLUMNS`, CRLF line
    ends, empty cells for missing values, text cells escaped by :func:`spreadsheet_text`."""

    name = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = ".csv"

    def chunks(self, rows: Iterable[Row]) -> Iterator[bytes]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=ROW_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: csv_cell(v) for k, v in row.items()})
        yield ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_cell(value: object) -> object:
    """A value as a CSV cell: empty for a missing value, text escaped by :func:`spreadsheet_text`."""
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value


class MetricsJson(Renderer[Iterable[Row]]):
    """The rows as one JSON array."""

    name = "json"
    media_type = "application/json"
    extension = ".json"

    def chunks(self, rows: Iterable[Row]) -> Iterator[bytes]:
        yield (json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class MetricsJsonLines(Renderer[Iterable[Row]]):
    """One JSON object per row and line."""

    name = "jsonl"
    media_type = "application/jsonl"
    extension = ".jsonl"

    def chunks(self, rows: Iterable[Row]) -> Iterator[bytes]:
        yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


RENDERERS: dict[str, Renderer[Iterable[Row]]] = {
    r.name: r for r in (MetricsCsv(), MetricsJson(), MetricsJsonLines())}
"""The formats of ``docparse metrics --format``, by name."""
