"""Batch conversion: many reports → JSON files, one JSON Lines file, or four Parquet tables.

The engine behind ``docparse convert``. Inputs are files, directories (every ``*.txt`` below
them) and glob patterns. Work runs in a process pool (``jobs``) or on a Dask cluster
(``scheduler``); results come back in input order, so every way of running produces the same
bytes. Outputs are written atomically (temporary file, then rename): a killed run leaves no
half-written file. A bad input is recorded in ``errors.csv`` (path, code, message) and the batch
goes on. With ``resume``, an input whose output already holds the same ``source.sha256`` is not
parsed again.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import itertools
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from .api import parse_bytes
from .collector import collector_paused
from .errors import DocparseError, InputError, WorkerLostError
from .files import write_atomic
from .output import json_chunks

Format = Literal["json", "jsonl", "parquet"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "parquet")
ERRORS_FILE = "errors.csv"
JSONL_FILE = "documents.jsonl"
PARQUET_TABLES = ("documents", "sections", "claims", "metrics")
ROW_GROUP = 50_000
"""Rows (over the four tables) buffered before a Parquet row group is written."""

_SHA = re.compile(rb'"sha256":"([0-9a-f]{64})"')
_PATH = re.compile(rb'"path":("(?:[^"\\]|\\.)*"|null)')


@dataclass(frozen=True)
class Task:
    """One input: its path as given (``source.path``), where to read it, the output file it becomes.

    ``location`` and ``output`` are absolute, so that a Dask worker with another working directory
    reads and writes the same files (on a shared file system).
    """

    index: int
    path: str
    location: str
    output: str
    format: Format
    resume: bool
    encoding: str | None = None


@dataclass
class Outcome:
    """What became of one input; ``payload`` is the JSON line or the table rows (jsonl, parquet)."""

    index: int
    path: str
    size: int = 0
    skipped: bool = False
    code: str | None = None
    message: str | None = None
    payload: Any = None


@dataclass
class Summary:
    """Totals of a batch, for the closing line and the exit code."""

    files: int = 0
    converted: int = 0
    skipped: int = 0
    errors: int = 0
    internal: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors_file: str | None = None
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def line(self) -> str:
        """The summary in Chinese: files, MB, seconds, errors."""
        text = (f"完成：{self.files} 个文件（转换 {self.converted}，跳过 {self.skipped}），"
                f"{self.bytes / 1e6:.1f} MB，用时 {self.seconds:.1f} 秒，错误 {self.errors} 个")
        if self.errors and self.errors_file:
            text += f"（见 {self.errors_file}）"
        return text


# ----------------------------------------------------------------------------- inputs


def expand(inputs: Sequence[str]) -> list[tuple[str, str]]:
    """Files, directories (``*.txt`` below them, recursively) and globs → (path, output name).

    The output name keeps the path below the directory or the glob's fixed prefix, so
    ``reports/2022/a.txt`` and ``reports/2023/a.txt`` do not collide; remaining clashes get a
    hash of the full path. Raises :class:`InputError` for an input that names nothing.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in inputs:
        if glob.has_magic(item):
            root = _fixed_prefix(item)
            matches = sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError("没有匹配的文件", path=item)
            pairs = [(p, os.path.relpath(p, root)) for p in matches]
        elif os.path.isdir(item):
            pairs = _text_files(item)
            if not pairs:
                raise InputError("目录中没有 .txt 文件", path=item)
        else:
            pairs = [(item, os.path.basename(item) or item)]
        for path, name in pairs:
            key = os.path.normpath(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                found.append((path, name))
    return _unique_names(found)


def _text_files(root: str) -> list[tuple[str, str]]:
    """Every ``*.txt`` file below the directory ``root`` and its path relative to ``root``, sorted:
    the files ``Path(root).rglob("*.txt")`` lists, with the same path strings (hidden files
    included, links to directories not followed).

    One ``os.scandir`` per directory, whose entries know their type: ``rglob`` and ``relpath``
    took six times as long, seconds before any work starts on a few hundred thousand files.
    """
    base = str(Path(root))
    found: list[tuple[str, str]] = []
    pending = [""]
    while pending:
        prefix = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(base, prefix) if prefix else base))
        except OSError:  # unreadable: skipped, as rglob skips it
            continue
        for entry in entries:
            name = prefix + entry.name
            if entry.is_dir() and not entry.is_symlink():
                pending.append(name + os.sep)
            elif entry.name.endswith(".txt") and entry.is_file():
                found.append((name if base == "." else os.path.join(base, name), name))
    found.sort()
    return found


def _fixed_prefix(pattern: str) -> str:
    fixed = list(_takewhile_fixed(Path(pattern).parts))
    return str(Path(*fixed)) if fixed else "."


def _takewhile_fixed(parts: Iterable[str]) -> Iterator[str]:
    for part in parts:
        if glob.has_magic(part):
            return
        yield part


def _unique_names(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    names: dict[str, int] = {}
    for _, name in pairs:
        names[name] = names.get(name, 0) + 1
    result = []
    for path, name in pairs:
        if names[name] > 1:
            stem, dot, ext = name.rpartition(".")
            tag = hashlib.sha1(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()[:8]
            name = f"{stem}.{tag}.{ext}" if dot else f"{name}.{tag}"
        result.append((path, name))
    return result


def output_name(name: str) -> str:
    """``2022/a.txt`` → ``2022/a.json``."""
    stem, dot, _ = name.rpartition(".")
    return (stem if dot and "/" not in name[len(stem):] else name) + ".json"


# ----------------------------------------------------------------------------- one input (runs in workers)


def convert_one(task: Task) -> Outcome:
    """Parse one input and produce its output (module level: pickled to processes and Dask workers)."""
    outcome = Outcome(task.index, task.path)
    try:
        with open(task.location, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        outcome.code, outcome.message = "DP001", f"无法读取文件（{exc.strerror or exc}）"
        return outcome
    outcome.size = len(data)
    if task.format == "json" and task.resume and _done(task.output, hashlib.sha256(data).hexdigest()):
        outcome.skipped = True
        return outcome
    held = [data]
    del data  # parse_bytes lets the bytes go once decoded, if nothing else holds them
    try:
        doc = parse_bytes(held.pop(), encoding=task.encoding, path=task.path)
        if task.format == "parquet":
            from .tables import rows

            outcome.payload = rows(doc)
        elif task.format == "json":
            write_atomic(Path(task.output), itertools.chain(json_chunks(doc, consume=True), [b"\n"]))
        else:
            # the bytes model_dump_json() would decode into a str: no second copy of a large output
            outcome.payload = type(doc).__pydantic_serializer__.to_json(doc)
    except DocparseError as error:
        outcome.code, outcome.message = error.code, error.message
    except OSError as exc:
        outcome.code, outcome.message = "DP001", f"无法写出文件（{exc.strerror or exc}）"
    except Exception as exc:  # one bad file must not stop a batch of thousands
        outcome.code = "DP999"
        outcome.message = f"内部错误（{type(exc).__name__}: {exc}），请附上输入文件报告此问题"
    return outcome


def _convert_here(task: Task) -> Outcome:
    """:func:`convert_one` with the cyclic garbage collector paused (docparse/collector.py): in this
    process or a worker the batch started, never on a Dask worker (someone else's process)."""
    with collector_paused():
        return convert_one(task)


def _done(output: str, digest: str) -> bool:
    """Whether ``output`` is a finished Document of the input with this SHA-256."""
    try:
        with open(output, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    found = _SHA.search(head)
    return found is not None and found.group(1).decode() == digest


# ----------------------------------------------------------------------------- the batch


def convert(inputs: Sequence[str], out: str | os.PathLike[str], *, format: Format = "json",
            jobs: int = 1, resume: bool = False, encoding: str | None = None,
            scheduler: str | Any | None = None, progress: TextIO | None = None) -> Summary:
    """Convert every input into ``out``; see the module docstring.

    Args:
        jobs: worker processes on this machine (``1`` runs in this process).
        scheduler: a Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``:
            run on that cluster instead of local processes (the output directory must then be
            reachable from the workers for ``json``; jsonl and parquet are written here).
        progress: a stream for the progress bar (the CLI passes stderr when it is a terminal).

    Without ``scheduler``, the cyclic garbage collector is paused while each input is converted (a
    parse makes no reference cycles; docparse/collector.py says why this pays).

    Raises:
        InputError: an input names no file (nothing is converted then).
    """
    started = time.perf_counter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = expand(inputs)
    previous: dict[str, Any] = {}
    if resume and format != "json":
        previous = _previous(out_dir, format)
    out_abs = os.path.abspath(out_dir)  # the names below it are relative and normalized (expand)
    tasks = [Task(i, path, os.path.abspath(path), os.path.join(out_abs, output_name(name)), format,
                  resume and format == "json", encoding)
             for i, (path, name) in enumerate(pairs)]
    summary = Summary(files=len(tasks))
    bar = _Progress(progress, len(tasks)) if progress is not None else None
    sink = _Sink(out_dir, format, previous)
    finished = False
    try:
        for outcome in _run(tasks, jobs, scheduler, sink.reusable):
            summary.bytes += outcome.size
            if outcome.code:
                summary.errors += 1
                summary.internal += outcome.code == "DP999"
                summary.failures.append((outcome.path, outcome.code, outcome.message or ""))
            elif outcome.skipped:
                summary.skipped += 1
            else:
                summary.converted += 1
            sink.add(outcome)
            if bar:
                bar.update(outcome.size)
        sink.close()
        finished = True
    finally:
        if bar:
            bar.close()
        if not finished:
            sink.abort()
    _write_errors(out_dir / ERRORS_FILE, summary.failures)
    summary.errors_file = str(out_dir / ERRORS_FILE)
    summary.seconds = time.perf_counter() - started
    return summary


def convert_with_dask(inputs: Sequence[str], out: str | os.PathLike[str], *, client: Any = None,
                      scheduler: str | None = None, **options: Any) -> Summary:
    """:func:`convert` on a Dask cluster: pass a ``distributed.Client`` or a scheduler address."""
    target = client if client is not None else scheduler
    if target is None:
        raise ValueError("convert_with_dask 需要 client 或 scheduler")
    return convert(inputs, out, scheduler=target, **options)


def _run(tasks: list[Task], jobs: int, scheduler: str | Any | None,
         reusable: Callable[[Task], Outcome | None]) -> Iterator[Outcome]:
    """Outcomes in input order, from this process, a process pool or a Dask cluster."""
    todo: list[Task] = []
    reused: dict[int, Outcome] = {}
    for task in tasks:
        known = reusable(task)
        if known is not None:
            reused[task.index] = known
        else:
            todo.append(task)
    results: Iterator[Outcome]
    if scheduler is not None:
        results = _run_dask(todo, scheduler)
    elif jobs > 1 and len(todo) > 1:
        results = _run_pool(todo, jobs)
    else:
        results = map(_convert_here, todo)
    for outcome in results:
        while reused and min(reused) < outcome.index:
            yield reused.pop(min(reused))
        yield outcome
    for index in sorted(reused):
        yield reused[index]


def _run_pool(tasks: list[Task], jobs: int) -> Iterator[Outcome]:
    # one small parse here builds the grammars and imports every stage once, before the
    # workers fork and inherit them
    parse_bytes("关于2022年度工作的报告\n一、主要工作\n开展培训十二次。".encode())
    if "fork" in multiprocessing.get_all_start_methods():
        yield from _run_forked(tasks, jobs)
        return
    chunk = max(1, min(32, len(tasks) // (jobs * 64)))  # small chunks: workers finish together
    with multiprocessing.get_context().Pool(jobs) as pool:
        yield from pool.imap(_convert_here, tasks, chunksize=chunk)


def _run_forked(tasks: list[Task], jobs: int) -> Iterator[Outcome]:
    """Forked workers take chunks of ``tasks`` by a shared counter and send back one message per chunk.

    Unlike a ``multiprocessing.Pool``, nothing is pickled on the way out (the workers inherit the
    task list) and this process runs no feeder threads: on two cores its CPU time competes with
    the workers', and a pool's traffic cost a tenth of the speed-up of two jobs. A worker that dies
    (killed, out of memory) costs the inputs it had taken, recorded as errors, not the batch.
    """
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(4, len(tasks) // (jobs * 64)))  # small chunks: workers finish together
    claimed = context.RawValue("q", 0)
    lock = context.Lock()
    readers = []
    workers = []
    for _ in range(jobs):
        reader, writer = context.Pipe(duplex=False)
        worker = context.Process(target=_work, args=(tasks, chunk, claimed, lock, writer), daemon=True)
        worker.start()
        writer.close()
        readers.append(reader)
        workers.append(worker)
    received: dict[int, Outcome] = {}
    position = 0
    try:
        while readers:
            for ready in multiprocessing.connection.wait(readers):
                assert isinstance(ready, multiprocessing.connection.Connection)
                try:
                    first, outcomes = ready.recv()
                except EOFError:
                    readers.remove(ready)
                    continue
                for offset, outcome in enumerate(outcomes):
                    received[first + offset] = outcome
            while position in received:
                yield received.pop(position)
                position += 1
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
    for task in tasks[position:]:
        yield received.pop(position) if position in received else Outcome(
            task.index, task.path, code=WorkerLostError.code,
            message="转换此文件的工作进程意外退出（内存不足或被终止），文件未转换")
        position += 1


def _work(tasks: list[Task], chunk: int, claimed: Any, lock: Any, writer: Any) -> None:
    """A forked worker: take the next chunk, convert it, send the outcomes; until none is left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    signal.signal(signal.SIGTERM, _stop)  # so that an output being written is removed, not left half
    try:
        while True:
            with lock:
                first = claimed.value
                claimed.value = first + chunk
            if first >= len(tasks):
                break
            writer.send((first, [_convert_here(task) for task in tasks[first:first + chunk]]))
    except BrokenPipeError:  # the parent is gone: nobody to report to
        pass
    finally:
        writer.close()


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _run_dask(tasks: list[Task], scheduler: str | Any) -> Iterator[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InputError("使用 --scheduler 需要安装 Dask：pip install 'docparse[dask]'") from None
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.map(convert_one, tasks, pure=False, batch_size=256)
        done: dict[int, Outcome] = {}
        next_index = 0
        order = [task.index for task in tasks]
        for future in as_completed(futures):
            outcome: Outcome = future.result()
            done[outcome.index] = outcome
            future.release()
            while next_index < len(order) and order[next_index] in done:
                yield done.pop(order[next_index])
                next_index += 1
    finally:
        if client is not scheduler:
            client.close()


# ----------------------------------------------------------------------------- outputs


class _Sink:
    """Streams jsonl lines or table rows, in input order, into temporary files renamed at the end.

    Nothing is held for the whole batch: a run over hundreds of thousands of reports writes as it
    goes (Parquet in row groups of about :data:`ROW_GROUP` rows), and a killed run leaves the
    previous complete output, or none, under the final names.
    """

    def __init__(self, out_dir: Path, format: Format, previous: dict[str, Any]) -> None:
        self.out_dir, self.format, self.previous = out_dir, format, previous
        self.temps: dict[Path, Path] = {}
        self.handle: Any = None
        self.writers: dict[str, Any] = {}
        self.tables: Any = None
        self.pending = 0
        self.old: Any = None
        if format == "jsonl":
            self.handle = open(self._temp(out_dir / JSONL_FILE), "wb")  # noqa: SIM115 - closed in close()
            if previous:
                self.old = open(out_dir / JSONL_FILE, "rb")  # noqa: SIM115
        elif format == "parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise InputError("输出 Parquet 需要安装 pyarrow：pip install 'docparse[parquet]'") from None
            from .tables import empty, schema

            self.tables = empty()
            for name in PARQUET_TABLES:
                temp = self._temp(out_dir / f"{name}.parquet")
                self.writers[name] = pq.ParquetWriter(temp, schema(name), compression="zstd")

    def _temp(self, final: Path) -> Path:
        temp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        self.temps[final] = temp
        return temp

    def reusable(self, task: Task) -> Outcome | None:
        """For jsonl and parquet with resume: the previous output of an unchanged input."""
        if self.format == "json" or task.path not in self.previous:
            return None
        digest, payload = self.previous[task.path]
        try:
            with open(task.location, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        return Outcome(task.index, task.path, size=len(data), skipped=True, payload=payload)

    def add(self, outcome: Outcome) -> None:
        if outcome.code or outcome.payload is None:
            return
        if self.format == "jsonl":
            payload = outcome.payload
            if isinstance(payload, tuple):  # (offset, length) of the line in the previous file
                self.old.seek(payload[0])
                payload = self.old.read(payload[1])
            self.handle.write(payload + b"\n")
        elif self.format == "parquet":
            from .tables import extend

            extend(self.tables, outcome.payload)
            self.pending += sum(len(columns["doc_id"]) for columns in outcome.payload.values())
            if self.pending >= ROW_GROUP:
                self._flush()

    def _flush(self) -> None:
        from .tables import empty, to_arrow

        for name in PARQUET_TABLES:
            if self.tables[name]["doc_id"]:
                self.writers[name].write_table(to_arrow(self.tables[name], name))
        self.tables = empty()
        self.pending = 0

    def close(self) -> None:
        """Finish the files and move them under their final names."""
        if self.format == "parquet":
            self._flush()
        self._close_files()
        for final, temp in self.temps.items():
            os.replace(temp, final)

    def abort(self) -> None:
        """Drop the temporary files (the previous outputs stay as they were)."""
        self._close_files()
        for temp in self.temps.values():
            temp.unlink(missing_ok=True)

    def _close_files(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers = {}
        for handle in (self.handle, self.old):
            if handle is not None:
                handle.close()
        self.handle = self.old = None


def _previous(out_dir: Path, format: Format) -> dict[str, Any]:
    """The earlier jsonl lines or table rows, by input path, with the SHA-256 they came from."""
    found: dict[str, Any] = {}
    if format == "jsonl":
        try:
            with open(out_dir / JSONL_FILE, "rb") as handle:
                offset = 0
                for raw in handle:
                    sha, path = _SHA.search(raw[:65536]), _PATH.search(raw[:65536])
                    if sha and path and path.group(1) != b"null":
                        found[json.loads(path.group(1))] = (sha.group(1).decode(),
                                                            (offset, len(raw.rstrip(b"\n"))))
                    offset += len(raw)
        except OSError:
            pass
        return found
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return found
    try:
        tables = {name: pq.read_table(out_dir / f"{name}.parquet").to_pydict() for name in PARQUET_TABLES}
    except (OSError, ValueError):
        return found
    from .tables import empty

    per_doc: dict[str, Any] = {}
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


def _write_errors(path: Path, failures: list[tuple[str, str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["path", "code", "message"])
    writer.writerows(failures)
    write_atomic(path, buffer.getvalue())


class _Progress:
    """``[#####-----] 120/1000 3.2 MB 85.1 个/秒 剩余 0:10``, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total = stream, total
        self.done = 0
        self.bytes = 0
        self.started = time.perf_counter()
        self.drawn = 0.0

    def update(self, size: int) -> None:
        self.done += 1
        self.bytes += size
        now = time.perf_counter()
        if now - self.drawn >= 0.1 or self.done == self.total:
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        minutes, seconds = divmod(int(left + 0.5), 60)
        self.stream.write(f"\r[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} "
                          f"{self.bytes / 1e6:.1f} MB {rate:.1f} 个/秒 剩余 {minutes}:{seconds:02d}  ")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()

