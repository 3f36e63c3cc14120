"""Documents flattened into four tables (documents, sections, claims, metrics) for analysts.

Each table is a dict of equal-length column lists, so that a batch can concatenate the rows of
many documents and write them with pyarrow (``docparse convert --format parquet``) without
pyarrow being needed here. ``doc_id`` (the input path as given) joins the tables; ``sha256``
identifies the input content.
"""

from __future__ import annotations

from typing import Any

from .models import Document

Columns = dict[str, list[Any]]
Tables = dict[str, Columns]

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string", "path": "string", "sha256": "string", "encoding": "string", "size": "int64",
        "doc_type": "string", "title": "string", "report_year": "int64", "issuer": "string",
        "doc_number": "string", "written_date": "date32", "publish_date": "date32",
        "closing_date": "date32", "sections": "int64", "claims": "int64", "metrics": "int64",
        "diagnostics": "int64", "schema_version": "string",
    },
    "sections": {
        "doc_id": "string", "section_id": "string", "level": "int64", "path": "string",
        "marker": "string", "ordinal": "int64", "title": "string", "role": "string",
        "start": "int64", "end": "int64", "line": "int64",
    },
    "claims": {
        "doc_id": "string", "claim_id": "string", "section_id": "string", "section_path": "string",
        "role": "string", "topic": "string", "text": "string", "start": "int64", "end": "int64",
        "line": "int64",
    },
    "metrics": {
        "doc_id": "string", "metric_id": "string", "claim_id": "string", "section_path": "string",
        "section_role": "string", "report_year": "int64", "raw": "string", "value": "float64",
        "value_high": "float64",
        "unit": "string", "qualifier": "string", "measure": "string", "direction": "string",
        "baseline": "string", "label": "string", "subject": "string", "period": "string",
        "is_target": "bool_", "breakdown": "string", "group": "string", "claim_text": "string",
        "start": "int64", "end": "int64", "line": "int64",
    },
}
"""Every table's columns and their Arrow types (the schema is fixed even for an empty batch)."""


def empty() -> Tables:
    """Four tables without rows."""
    return {name: {column: [] for column in columns} for name, columns in TABLES.items()}


def extend(tables: Tables, more: Tables) -> None:
    """Append the rows of ``more`` to ``tables``."""
    for name, columns in more.items():
        for column, values in columns.items():
            tables[name][column].extend(values)


def rows(doc: Document, doc_id: str | None = None) -> Tables:
    """The rows one Document contributes to each table."""
    key = doc_id if doc_id is not None else (doc.source.path or doc.source.sha256)
    out = empty()
    sections = out["sections"]
    section_count = 0
    for section in doc.walk():
        section_count += 1
        _add(sections, doc_id=key, section_id=section.id, level=section.level, path=section.path,
             marker=section.marker.raw, ordinal=section.marker.ordinal, title=section.title,
             role=section.role, start=section.span.start, end=section.span.end, line=section.span.line)
    claims = out["claims"]
    metrics = out["metrics"]
    claim_count = metric_count = 0
    for section, claim in _claims(doc):
        claim_count += 1
        path = section.path if section else ""
        _add(claims, doc_id=key, claim_id=claim.id, section_id=section.id if section else None,
             section_path=path, role=claim.role, topic=claim.topic, text=claim.text,
             start=claim.span.start, end=claim.span.end, line=claim.span.line)
        for metric in claim.metrics:
            metric_count += 1
            _add(metrics, doc_id=key, metric_id=metric.id, claim_id=claim.id, section_path=path,
                 section_role=claim.role, report_year=doc.report_year, raw=metric.raw, value=metric.value,
                 value_high=metric.value_high, unit=metric.unit, qualifier=metric.qualifier,
                 measure=metric.measure, direction=metric.direction, baseline=metric.baseline,
                 label=metric.label, subject=metric.subject, period=metric.period,
                 is_target=metric.is_target, breakdown=metric.breakdown, group=metric.group,
                 claim_text=claim.text, start=metric.span.start, end=metric.span.end,
                 line=metric.span.line)
    _add(out["documents"], doc_id=key, path=doc.source.path, sha256=doc.source.sha256,
         encoding=doc.source.encoding, size=doc.source.size, doc_type=doc.doc_type,
         title=doc.title.text if doc.title else None, report_year=doc.report_year,
         issuer=doc.metadata.issuer, doc_number=doc.metadata.doc_number,
         written_date=doc.metadata.written_date, publish_date=doc.metadata.publish_date,
         closing_date=doc.closing.date if doc.closing else None, sections=section_count,
         claims=claim_count, metrics=metric_count, diagnostics=len(doc.diagnostics),
         schema_version=doc.schema_version)
    return out


def _claims(doc: Document) -> Any:
    """Every claim with its section, in text order: a paragraph's introduction, then its items."""
    for section, paragraph in doc.paragraphs():
        for claim in paragraph.claims:
            yield section, claim
        for item in paragraph.items:
            for claim in item.claims:
                yield section, claim


def _add(table: Columns, **values: Any) -> None:
    for column, value in values.items():
        table[column].append(value)


def schema(name: str) -> Any:
    """The ``pyarrow.Schema`` of one table (:data:`TABLES`)."""
    import pyarrow as pa

    return pa.schema([(column, getattr(pa, kind)()) for column, kind in TABLES[name].items()])


def to_arrow(columns: Columns, name: str) -> Any:
    """One table as a ``pyarrow.Table`` with the fixed schema of :data:`TABLES`."""
    import pyarrow as pa

    return pa.Table.from_pydict(columns, schema=schema(name))
