"""The analysts' tables (:mod:`docparse.renderers.parquet`) as CSV, for a spreadsheet or a tool
without Parquet: UTF-8 with a BOM (Excel shows the Chinese), CRLF line ends, a header of the same
column names as the Parquet tables, empty cells for missing values, and every text cell that a
spreadsheet would run as a formula escaped (:func:`docparse.renderers.metrics.spreadsheet_text`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Renderer
from .metrics import csv_cell
from .parquet import TABLES, Columns, rows

if TYPE_CHECKING:
    from ..models import Document

BOM = "\ufeff"


def header(table: str) -> str:
    """The first line of a table's file: the BOM and the column names."""
    return BOM + lines([list(TABLES[table])])


def lines(cells: Iterable[Sequence[object]]) -> str:
    """Rows of cells as CSV lines, written as they are (already cells)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(cells)
    return buffer.getvalue()


def table_rows(columns: Columns, table: str) -> list[list[object]]:
    """The rows of a table's columns as CSV cells, in the order of :data:`TABLES`."""
    names = list(TABLES[table])
    return [[csv_cell(columns[name][row]) for name in names] for row in range(len(columns["doc_id"]))]


def document_lines(doc: Document, doc_id: str | None = None) -> dict[str, str]:
    """The CSV lines (no header) a Document contributes to each table."""
    return {name: lines(table_rows(columns, name)) for name, columns in rows(doc, doc_id).items()}


@dataclass(frozen=True)
class TableCsv(Renderer["Document"]):
    """One table (``table``) of a Document as a CSV file."""

    name = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = ".csv"

    table: str

    def chunks(self, doc: Document) -> Iterator[bytes]:
        yield (header(self.table) + lines(table_rows(rows(doc)[self.table], self.table))).encode("utf-8")
