"""Where a batch's outputs go: one sink per format (a JSON, Markdown or chunks file per input, one
JSON Lines file, the analysts' tables as Parquet or CSV), and the errors file.

A sink has two halves. :meth:`Sink.render` runs where the input was parsed (a worker process, or a
Dask worker): it writes the input's own output file, or returns what the batch writes for it
(pickled back). The rest runs in the process that started the batch, in input order:
:meth:`Sink.add` writes what ``render`` returned into temporary files, :meth:`Sink.close` moves
them under their final names and :meth:`Sink.abort` drops them. Nothing is held for the whole
batch: a run over hundreds of thousands of reports writes as it goes (Parquet in row groups of
about :data:`ROW_GROUP` rows), and a killed run leaves the previous complete output, or none,
under the final names.

With resume, a JSON file is checked by the worker before it parses the input
(:meth:`Sink.up_to_date`); the JSON Lines, Parquet and CSV outputs of the earlier run are read here
(:meth:`Sink.previous`) and their part for an unchanged input is written again. A Markdown or chunks
file does not hold the SHA-256 of its input: the batch keeps it in a manifest beside them
(``markdown-manifest.jsonl``, ``chunks-manifest.jsonl``; a line per input: path, sha256, output).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, Literal, NamedTuple

from ..errors import InputError, install_hint
from ..files import temp_path, write_atomic
from ..renderers.base import Renderer
from ..renderers.chunks import ChunksJsonLines
from ..renderers.csvtables import TableCsv, document_lines, header, lines
from ..renderers.document import DocumentJson, DocumentJsonLines
from ..renderers.markdown import DocumentMarkdown
from ..renderers.metrics import spreadsheet_text
from ..renderers.parquet import TABLES, ParquetTable, Tables, empty, extend, rows, to_arrow

if TYPE_CHECKING:
    from ..models import Document, Unfinished

Format = Literal["json", "jsonl", "parquet", "csv", "markdown", "chunks"]
ERRORS_FILE = "errors.csv"
JSONL_FILE = "documents.jsonl"
ROW_GROUP = 50_000
"""Rows (over the four tables) buffered before a Parquet row group is written."""

_SHA = re.compile(rb'"sha256":"([0-9a-f]{64})"')
_PATH = re.compile(rb'"path":("(?:[^"\\]|\\.)*"|null)')


class Sink(ABC):
    """The outputs of one format; see the module docstring."""

    format: ClassVar[Format]
    extension: ClassVar[str] = ".json"
    """The extension of the file each input becomes, for a sink that writes one per input."""
    resumes_in_worker: ClassVar[bool] = False
    """Whether resume is the worker's check (:meth:`up_to_date`) rather than this process's
    (:meth:`previous`)."""

    def __init__(self, out_dir: Path, resume: bool) -> None:
        self.out_dir = out_dir
        self.temps: dict[Path, Path] = {}
        """The temporary file of each output, by its final name."""
        self.files: list[Any] = []
        """What :meth:`close` and :meth:`abort` close: open files, Parquet writers."""

    @classmethod
    @abstractmethod
    def render(cls, doc: Document, output: str, doc_id: str) -> Any:
        """In the worker: write ``doc``'s own output file ``output``, or return what the batch
        writes for it (``None`` for nothing); ``doc_id`` is the input's stable id
        (:func:`docparse.ids.document_id`)."""

    @classmethod
    def render_unfinished(cls, doc: Unfinished[Document], output: str, doc_id: str) -> Any:
        """:meth:`render` for a Document whose body is built as it is read
        (:func:`docparse.api.parse_bytes_unfinished`): a JSON sink writes each part as it is built,
        never holding the whole Document; the others build it first."""
        return cls.render(doc.finish(), output, doc_id)

    @staticmethod
    def up_to_date(output: str, digest: str) -> bool:
        """In the worker, with resume: whether ``output`` is already the output of the input whose
        SHA-256 is ``digest``."""
        return False

    def previous(self, path: str, doc_id: str) -> tuple[str, Any] | None:
        """With resume: what the earlier run wrote for the input ``path`` whose id is ``doc_id``
        (as :meth:`add` takes it), with the SHA-256 of the input it came from."""
        return None

    @property
    def has_earlier(self) -> bool:
        """Whether :meth:`previous` may find anything (else no input is read here to ask)."""
        return bool(getattr(self, "earlier", None))

    @abstractmethod
    def add(self, payload: Any) -> None:
        """Write the output of the next input: what :meth:`render` or :meth:`previous` gave."""

    def close(self) -> None:
        """Finish the files and move them under their final names."""
        self._close_files()
        for final, temp in self.temps.items():
            os.replace(temp, final)

    def abort(self) -> None:
        """Drop the temporary files (the previous outputs stay as they were), also when closing
        them fails (a full disk fails the last write of a buffer)."""
        try:
            self._close_files()
        finally:
            for temp in self.temps.values():
                temp.unlink(missing_ok=True)

    def _temp(self, final: Path) -> Path:
        temp = temp_path(final)
        self.temps[final] = temp
        return temp

    def _close_files(self) -> None:
        files, self.files = self.files, []
        failed: BaseException | None = None
        for file in files:  # every one is closed, even after one fails
            try:
                file.close()
            except Exception as exc:  # noqa: PERF203 - the first failure is raised after the rest are closed
                failed = failed or exc
        if failed is not None:
            raise failed


class JsonFiles(Sink):
    """A JSON file per input (``out/2022/a.json``), written by the worker that parsed it."""

    format = "json"
    resumes_in_worker = True
    renderer = DocumentJson(consume=True)
    extension = renderer.extension

    @classmethod
    def render(cls, doc: Document | Unfinished[Document], output: str, doc_id: str) -> None:
        write_atomic(Path(output), cls.renderer.chunks(doc))

    @classmethod
    def render_unfinished(cls, doc: Unfinished[Document], output: str, doc_id: str) -> None:
        cls.render(doc, output, doc_id)

    def add(self, payload: Any) -> None:
        """Nothing comes back from the workers: they wrote the files."""

    @staticmethod
    def up_to_date(output: str, digest: str) -> bool:
        """Whether ``output`` is a finished Document of the input with this SHA-256."""
        try:
            with open(output, "rb") as handle:
                head = handle.read(64 * 1024)
        except OSError:
            return False
        found = _SHA.search(head)
        return found is not None and found.group(1).decode() == digest


class _Written(NamedTuple):
    """A file a worker wrote for an input: the input's id, path as given and SHA-256, the file."""

    doc_id: str
    path: str | None
    sha256: str
    output: str


class ManifestFiles(Sink):
    """A file per input (``out/2022/a.md``) in a format that does not record its input's SHA-256,
    written by the worker that parsed it; the manifest says which input each file came from."""

    renderer: ClassVar[Renderer[Document]]

    def __init__(self, out_dir: Path, resume: bool) -> None:
        super().__init__(out_dir, resume)
        self.root = os.path.abspath(out_dir)
        self.manifest_path = out_dir / f"{self.format}-manifest.jsonl"
        self.earlier = self._earlier() if resume else {}
        self.handle: BinaryIO = open(self._temp(self.manifest_path), "wb")  # noqa: SIM115 - closed in close()
        self.files.append(self.handle)

    @classmethod
    def render(cls, doc: Document, output: str, doc_id: str) -> _Written:
        write_atomic(Path(output), cls.pieces(doc, doc_id))
        return _Written(doc_id, doc.source.path, doc.source.sha256, output)

    @classmethod
    def pieces(cls, doc: Document, doc_id: str) -> Iterator[bytes | memoryview]:
        """The file of ``doc``."""
        return cls.renderer.chunks(doc)

    def previous(self, path: str, doc_id: str) -> tuple[str, _Written] | None:
        return self.earlier.get(doc_id)

    def add(self, payload: _Written) -> None:
        """Record the file in the manifest."""
        output = os.path.relpath(payload.output, self.root)
        line = {"doc_id": payload.doc_id, "path": payload.path, "sha256": payload.sha256, "output": output}
        self.handle.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")

    def _earlier(self) -> dict[str, tuple[str, _Written]]:
        """The files of the earlier run that are still there, by input id."""
        found: dict[str, tuple[str, _Written]] = {}
        try:
            with open(self.manifest_path, encoding="utf-8") as handle:
                lines = [json.loads(raw) for raw in handle]
        except (OSError, ValueError):
            return {}  # no manifest, or a damaged one: every input is converted again
        for line in lines:
            output = os.path.join(self.root, line.get("output", ""))
            written = _Written(line.get("doc_id"), line.get("path"), line.get("sha256"), output)
            if written.doc_id and written.sha256 and os.path.isfile(written.output):
                found[written.doc_id] = (written.sha256, written)
        return found


class MarkdownFiles(ManifestFiles):
    """A Markdown file per input (:func:`docparse.to_markdown`)."""

    format = "markdown"
    renderer = DocumentMarkdown()
    extension = renderer.extension


class ChunksFiles(ManifestFiles):
    """A JSON Lines file of chunks per input (:func:`docparse.chunks`, 500 characters at most)."""

    format = "chunks"
    renderer = ChunksJsonLines()
    extension = renderer.extension

    @classmethod
    def pieces(cls, doc: Document, doc_id: str) -> Iterator[bytes | memoryview]:
        """The chunks with ids made of the input's stable id (``{doc_id}#{index}``)."""
        return cls.renderer.chunks(doc, doc_id=doc_id)


class _Line(NamedTuple):
    """Where a line of the earlier JSON Lines file is (without its newline)."""

    offset: int
    length: int


class JsonLines(Sink):
    """One JSON Lines file (``out/documents.jsonl``), a line per input in input order."""

    format = "jsonl"
    renderer = DocumentJsonLines(consume=True)

    def __init__(self, out_dir: Path, resume: bool) -> None:
        super().__init__(out_dir, resume)
        self.earlier = self._earlier_lines() if resume else {}
        self.handle: BinaryIO = open(self._temp(out_dir / JSONL_FILE), "wb")  # noqa: SIM115 - closed in close()
        self.files.append(self.handle)
        self.old: BinaryIO | None = None
        if self.earlier:
            self.old = open(out_dir / JSONL_FILE, "rb")  # noqa: SIM115 - closed in close()
            self.files.append(self.old)

    @classmethod
    def render(cls, doc: Document | Unfinished[Document], output: str, doc_id: str) -> list[bytes]:
        # the pieces as they are, to be pickled back: never one buffer of a large Document's JSON
        return [bytes(chunk) for chunk in cls.renderer.chunks(doc)]

    @classmethod
    def render_unfinished(cls, doc: Unfinished[Document], output: str, doc_id: str) -> list[bytes]:
        return cls.render(doc, output, doc_id)

    def previous(self, path: str, doc_id: str) -> tuple[str, _Line] | None:
        return self.earlier.get(path)  # a line holds the path as given, not the id

    def add(self, payload: list[bytes] | _Line) -> None:
        if isinstance(payload, _Line):
            assert self.old is not None
            self.old.seek(payload.offset)
            self.handle.write(self.old.read(payload.length) + b"\n")
            return
        for chunk in payload:
            self.handle.write(chunk)

    def _earlier_lines(self) -> dict[str, tuple[str, _Line]]:
        """The lines of the earlier file by input path, with the SHA-256 of the input."""
        found: dict[str, tuple[str, _Line]] = {}
        try:
            with open(self.out_dir / JSONL_FILE, "rb") as handle:
                offset = 0
                for raw in handle:
                    sha, path = _SHA.search(raw[:65536]), _PATH.search(raw[:65536])
                    if sha and path and path.group(1) != b"null":
                        found[json.loads(path.group(1))] = (sha.group(1).decode(),
                                                            _Line(offset, len(raw.rstrip(b"\n"))))
                    offset += len(raw)
        except OSError:
            pass
        return found


class ParquetTables(Sink):
    """A Parquet file per table (``out/documents.parquet``, ``sections``, ``claims``, ``metrics``,
    ``enumerations``, ``diagnostics``), joined on ``doc_id``; the rows are made by the workers and
    written here in row groups."""

    format = "parquet"

    def __init__(self, out_dir: Path, resume: bool) -> None:
        super().__init__(out_dir, resume)
        try:
            import pyarrow.parquet  # noqa: F401 - only to say at once that it is missing
        except ImportError:
            raise InputError(f"输出 Parquet 需要安装 pyarrow：{install_hint('parquet')}") from None
        self.earlier = self._earlier_rows() if resume else {}
        self.tables = empty()
        self.pending = 0
        self.writers: dict[str, Any] = {}
        for name in TABLES:
            self.writers[name] = ParquetTable(name).writer(self._temp(self._final(name)))
            self.files.append(self.writers[name])

    @classmethod
    def render(cls, doc: Document, output: str, doc_id: str) -> Tables:
        return rows(doc, doc_id)

    def previous(self, path: str, doc_id: str) -> tuple[str, Tables] | None:
        return self.earlier.get(doc_id)

    def add(self, payload: Tables) -> None:
        extend(self.tables, payload)
        self.pending += sum(len(columns["doc_id"]) for columns in payload.values())
        if self.pending >= ROW_GROUP:
            self._flush()

    def close(self) -> None:
        self._flush()
        super().close()

    def _flush(self) -> None:
        for name, writer in self.writers.items():
            if self.tables[name]["doc_id"]:
                writer.write_table(to_arrow(self.tables[name], name))
        self.tables = empty()
        self.pending = 0

    def _final(self, name: str) -> Path:
        return self.out_dir / f"{name}{ParquetTable.extension}"

    def _earlier_rows(self) -> dict[str, tuple[str, Tables]]:
        """The rows of the earlier tables by ``doc_id``, with the SHA-256 of the input."""
        import pyarrow.parquet as pq

        try:
            read = {name: pq.read_table(self._final(name)) for name in TABLES}
        except (OSError, ValueError):
            return {}
        if any(table.schema.names != list(TABLES[name]) for name, table in read.items()):
            return {}  # tables of another docparse: every input is converted again
        tables = {name: table.to_pydict() for name, table in read.items()}
        per_doc: dict[str, tuple[str, Tables]] = {}
        for doc_id, digest in zip(tables["documents"]["doc_id"], tables["documents"]["sha256"], strict=True):
            per_doc[doc_id] = (digest, empty())
        for name, columns in tables.items():
            ids = columns["doc_id"]
            for row in range(len(ids)):
                entry = per_doc.get(ids[row])
                if entry is not None:
                    for column, values in columns.items():
                        entry[1][name][column].append(values[row])
        return per_doc


class _CsvLines(NamedTuple):
    """An input's lines of each CSV table, as the earlier run wrote them."""

    tables: dict[str, str]


class CsvTables(Sink):
    """A CSV file per table (``out/documents.csv`` …, the tables of the Parquet output), UTF-8 with
    a BOM; the lines are made by the workers and written here in input order."""

    format = "csv"

    def __init__(self, out_dir: Path, resume: bool) -> None:
        super().__init__(out_dir, resume)
        self.earlier = self._earlier_lines() if resume else {}
        self.handles: dict[str, Any] = {}
        for name in TABLES:
            handle = open(self._temp(self._final(name)), "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
            handle.write(header(name))
            self.handles[name] = handle
            self.files.append(handle)

    @classmethod
    def render(cls, doc: Document, output: str, doc_id: str) -> dict[str, str]:
        return document_lines(doc, doc_id)

    def previous(self, path: str, doc_id: str) -> tuple[str, _CsvLines] | None:
        return self.earlier.get(doc_id)

    def add(self, payload: dict[str, str] | _CsvLines) -> None:
        tables = payload.tables if isinstance(payload, _CsvLines) else payload
        for name, text in tables.items():
            self.handles[name].write(text)

    def _final(self, name: str) -> Path:
        return self.out_dir / f"{name}{TableCsv.extension}"

    def _earlier_lines(self) -> dict[str, tuple[str, _CsvLines]]:
        """The lines of the earlier tables by ``doc_id``, with the SHA-256 of the input."""
        read: dict[str, list[list[str]]] = {}
        try:
            for name in TABLES:
                with open(self._final(name), encoding="utf-8-sig", newline="") as handle:
                    read[name] = list(csv.reader(handle))
        except (OSError, UnicodeDecodeError, csv.Error):
            return {}
        if any(not table or table[0] != list(TABLES[name]) for name, table in read.items()):
            return {}  # tables of another docparse: every input is converted again
        sha = list(TABLES["documents"]).index("sha256")
        grouped: dict[str, dict[str, list[list[str]]]] = {}
        for document in read["documents"][1:]:
            grouped[document[0]] = {name: [] for name in TABLES}
        for name, table in read.items():
            for row in table[1:]:
                if row and row[0] in grouped:
                    grouped[row[0]][name].append(row)
        return {doc_id: (tables["documents"][0][sha],
                         _CsvLines({name: lines(cells) for name, cells in tables.items()}))
                for doc_id, tables in grouped.items()}


SINKS: dict[Format, type[Sink]] = {
    sink.format: sink
    for sink in (JsonFiles, JsonLines, ParquetTables, CsvTables, MarkdownFiles, ChunksFiles)}
FORMATS: tuple[Format, ...] = tuple(SINKS)


def write_errors(path: Path, failures: list[tuple[str, str, str]]) -> None:
    """The errors file: a header, then path, code and message of every input that failed (a cell
    that a spreadsheet would run as a formula escaped, as in the metrics CSV)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["path", "code", "message"])
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in failures)
    write_atomic(path, buffer.getvalue())
