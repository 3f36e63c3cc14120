"""Documents flattened into four tables (documents, sections, claims, metrics) for analysts, as Parquet.

Each table is a dict of equal-length column lists, so that a batch can concatenate the rows of
many documents (made in its workers, without pyarrow) and write them in row groups
(``docparse convert --format parquet``). ``doc_id`` (the input path as given) joins the tables;
``sha256`` identifies the input content. Writing needs pyarrow (``docparse[parquet]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import Renderer
from .metrics import COLUMNS as METRIC_COLUMNS
from .metrics import metric_records

if TYPE_CHECKING:
    from ..models import Document

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
    "metrics": METRIC_COLUMNS,
}
"""Every table's columns and their Arrow types (the schema is fixed even for an empty batch)."""
COMPRESSION = "zstd"


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
    for section in doc.walk():
        _add(sections, doc_id=key, section_id=section.id, level=section.level, path=section.path,
             marker=section.marker.raw, ordinal=section.marker.ordinal, title=section.title,
             role=section.role, start=section.span.start, end=section.span.end, line=section.span.line)
    claims = out["claims"]
    for holder, claim in doc.claims():
        _add(claims, doc_id=key, claim_id=claim.id, section_id=holder.id if holder else None,
             section_path=holder.path if holder else "", role=claim.role, topic=claim.topic,
             text=claim.text, start=claim.span.start, end=claim.span.end, line=claim.span.line)
    metrics = out["metrics"]
    for record in metric_records(doc, key):
        _add(metrics, **record)
    _add(out["documents"], doc_id=key, path=doc.source.path, sha256=doc.source.sha256,
         encoding=doc.source.encoding, size=doc.source.size, doc_type=doc.doc_type,
         title=doc.title.text if doc.title else None, report_year=doc.report_year,
         issuer=doc.metadata.issuer, doc_number=doc.metadata.doc_number,
         written_date=doc.metadata.written_date, publish_date=doc.metadata.publish_date,
         closing_date=doc.closing.date if doc.closing else None, sections=len(sections["doc_id"]),
         claims=len(claims["doc_id"]), metrics=len(metrics["doc_id"]), diagnostics=len(doc.diagnostics),
         schema_version=doc.schema_version)
    return out


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


@dataclass(frozen=True)
class ParquetTable(Renderer["Document"]):
    """One of the four tables (``table``) of a Document as a Parquet file; :meth:`writer` is how
    the batch writes the rows of many documents into the same file, in row groups."""

    name = "parquet"
    media_type = "application/vnd.apache.parquet"
    extension = ".parquet"

    table: str

    def writer(self, where: Any) -> Any:
        """A ``pyarrow.parquet.ParquetWriter`` of this table to a path or a binary stream."""
        import pyarrow.parquet as pq

        return pq.ParquetWriter(where, schema(self.table), compression=COMPRESSION)

    def chunks(self, doc: Document) -> Iterator[bytes]:
        import pyarrow as pa

        buffer = pa.BufferOutputStream()
        with self.writer(buffer) as writer:
            writer.write_table(to_arrow(rows(doc)[self.table], self.table))
        yield buffer.getvalue().to_pybytes()
