"""Batch conversion: many reports → JSON files, one JSON Lines file, or four Parquet tables.

The engine behind ``docparse convert``. Inputs are files, directories (every ``*.txt`` below
them) and glob patterns; links found in a directory or by a pattern are not followed unless
``follow_symlinks``. Work runs in a process pool (``jobs``) or on a Dask cluster
(``scheduler``); results come back in input order, so every way of running produces the same
bytes. Outputs are written atomically (temporary file, then rename): a killed run leaves no
half-written file, and the next run in the same directory removes the temporary files it left.
One run at a time writes into an output directory (a lock). A bad input is recorded in
``errors.csv`` (path, code, message) and the batch goes on. With ``resume``, an input whose
output already holds the same ``source.sha256`` is not parsed again.

The modules, in the order a batch uses them: ``outdir`` (the output directory's lock and
clean-up), ``inputs`` (what to convert, and the name of each output), ``tasks`` (one input:
:class:`Task`, :class:`Outcome`, the work a worker does on it), ``executors`` (where the tasks
run), ``sinks`` (where the outputs go, one per format, with the renderers of
docparse/renderers/), ``progress`` (the progress bar).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from ..decode import forced_codec
from ..errors import MAX_CHARS, MAX_DEPTH, DocparseError, InputError, OutputError, path_text
from ..files import output_error, read_bytes
from ..ids import document_id
from ..readers.doc import DocReader, convert_ahead
from .executors import executor_for
from .inputs import expand, output_names
from .outdir import OutputDirectory
from .progress import Progress
from .sinks import ERRORS_FILE, FORMATS, SINKS, Format, Sink, write_errors
from .tasks import Outcome, Task

__all__ = ["ERRORS_FILE", "FORMATS", "Format", "Outcome", "Summary", "Task", "convert", "convert_with_dask"]


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
    """Where the errors were written; ``None`` when that failed (:attr:`errors_file_error`)."""
    errors_file_error: OutputError | None = None
    """Why errors.csv could not be written (a full disk): the caller must show the errors itself."""
    ignored: int = 0
    """Files in the input directories of a format docparse does not read (left out)."""
    stale_removed: int = 0
    """Temporary files of an earlier, killed run removed from the output directory."""
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def line(self) -> str:
        """The summary in Chinese: files, MB, seconds, errors."""
        text = (f"完成：{self.files} 个文件（转换 {self.converted}，跳过 {self.skipped}），"
                f"{self.bytes / 1e6:.1f} MB，用时 {self.seconds:.1f} 秒，错误 {self.errors} 个")
        if self.errors and self.errors_file:
            text += f"（见 {self.errors_file}）"
        elif self.errors and self.errors_file_error:
            text += "（errors.csv 未能写出，错误已逐条列在上方）"
        if self.ignored:
            text += f"；目录中另有 {self.ignored} 个非支持格式的文件未处理"
        if self.stale_removed:
            text += f"；已清除上次中断留下的临时文件 {self.stale_removed} 个"
        return text


def convert(inputs: Sequence[str], out: str | os.PathLike[str], *, format: Format = "json",
            jobs: int = 1, resume: bool = False, encoding: str | None = None,
            input_format: str | None = None, scheduler: str | Any | None = None,
            progress: TextIO | None = None,
            max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH, follow_symlinks: bool = False,
            security: Any = None) -> Summary:
    """Convert every input into ``out``; see the module docstring.

    Args:
        input_format: the reader for every input (``text``, ``html`` …); by default each file's
            is chosen by its content, then its extension.
        jobs: worker processes on this machine (``1`` runs in this process).
        scheduler: a Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``:
            run on that cluster instead of local processes (the output directory must then be
            reachable from the workers for ``json``; jsonl and parquet are written here). The
            scheduler is trusted: it can run code here (:class:`~docparse.batch.executors.DaskCluster`).
        security: a ``distributed.security.Security`` for the connection to ``scheduler`` (TLS).
        progress: a stream for the progress bar (the CLI passes stderr when it is a terminal).
        max_chars, max_depth: the limits of :func:`docparse.parse_bytes`; a file over the size
            limit is refused by its size, unread.
        follow_symlinks: follow links found in an input directory or by a pattern.

    Without ``scheduler``, the cyclic garbage collector is paused while each input is converted (a
    parse makes no reference cycles; docparse/collector.py says why this pays).

    Raises:
        InputError: no input names a file (an input that names none, beside others that do, is
            one of the batch's errors: a line of errors.csv).
        DecodeError: ``encoding`` is not the name of a text encoding.
        OutputError: the output directory or an output of the whole batch cannot be written;
            :class:`~docparse.errors.OutputInUseError` when another run is writing into it.
        SchedulerError: the Dask scheduler cannot be reached or was lost.
    """
    started = time.perf_counter()
    if encoding:
        forced_codec(encoding)  # one error now, not the same one for every input
    out_dir = Path(out)
    with OutputDirectory(out_dir) as directory:
        misses: list[InputError] = []
        pairs, ignored = expand(inputs, follow_symlinks=follow_symlinks, misses=misses)
        out_abs = os.path.abspath(out_dir)  # the names below it are relative and never climb out
        names = output_names(pairs, SINKS[format].extension)
        in_worker = resume and SINKS[format].resumes_in_worker
        tasks = [Task(i, path_text(path), os.path.abspath(path), os.path.join(out_abs, name), format,
                      in_worker, encoding, max_chars, max_depth, input_format, path_text(below))
                 for i, ((path, below), name) in enumerate(zip(pairs, names, strict=True))]
        summary = Summary(files=len(tasks), ignored=ignored, stale_removed=directory.removed,
                          errors=len(misses), failures=[(miss.path or "", miss.code, miss.message)
                                                        for miss in misses])
        with _writing(out_dir):
            sink = SINKS[format](out_dir, resume)
        with convert_ahead(_word_files(tasks) if scheduler is None else []) as conversions:
            tasks = [replace(task, doc_conversions=conversions) for task in tasks] if conversions else tasks
            _run(tasks, sink, summary, out_dir, jobs=jobs, scheduler=scheduler, security=security,
                 progress=progress)
        errors_file = out_dir / ERRORS_FILE
        try:
            write_errors(errors_file, summary.failures)
            summary.errors_file = str(errors_file)
        except OSError as exc:  # a full disk: the caller shows the errors (the CLI on stderr)
            summary.errors_file_error = output_error(str(errors_file), exc)
    summary.seconds = time.perf_counter() - started
    return summary


def _word_files(tasks: list[Task]) -> list[str]:
    """The inputs that are Word 97–2003 files by their name (or ``--format-in doc``): LibreOffice
    converts them ahead, all in one call, rather than one call for each."""
    return [task.location for task in tasks if task.input_format == DocReader.name
            or (task.input_format is None and Path(task.location).suffix.lower() in DocReader.extensions)]


def _run(tasks: list[Task], sink: Sink, summary: Summary, out_dir: Path, *, jobs: int,
         scheduler: str | Any | None, security: Any, progress: TextIO | None) -> None:
    """Convert the tasks, write their outputs into ``sink`` and count them in ``summary``; the
    sink's temporary files are dropped if the run does not finish."""
    bar = Progress(progress, len(tasks)) if progress is not None else None
    finished = False
    try:
        for outcome in _outcomes(tasks, sink, jobs, scheduler, security):
            summary.bytes += outcome.size
            if outcome.code:
                summary.errors += 1
                summary.internal += outcome.code == "DP999"
                summary.failures.append((outcome.path, outcome.code, outcome.message or ""))
            elif outcome.skipped:
                summary.skipped += 1
            else:
                summary.converted += 1
            if not outcome.code and outcome.payload is not None:
                with _writing(out_dir):
                    sink.add(outcome.payload)
            if bar:
                bar.update(outcome.size)
        with _writing(out_dir):
            sink.close()
        finished = True
    finally:
        if bar:
            bar.close()
        if not finished:
            sink.abort()


@contextmanager
def _writing(out_dir: Path) -> Iterator[None]:
    """An output of the batch being written: a failure is the output directory's error (DP009)."""
    try:
        yield
    except OSError as exc:
        raise output_error(str(out_dir), exc) from None


def convert_with_dask(inputs: Sequence[str], out: str | os.PathLike[str], *, client: Any = None,
                      scheduler: str | None = None, **options: Any) -> Summary:
    """:func:`convert` on a Dask cluster: pass a ``distributed.Client`` or a scheduler address."""
    target = client if client is not None else scheduler
    if target is None:
        raise ValueError("convert_with_dask 需要 client 或 scheduler")
    return convert(inputs, out, scheduler=target, **options)


def _outcomes(tasks: list[Task], sink: Sink, jobs: int, scheduler: str | Any | None,
              security: Any) -> Iterator[Outcome]:
    """Outcomes in input order: the earlier output of each unchanged input (resume of the outputs
    written here), the others from the executor."""
    todo: list[Task] = []
    reused: dict[int, Outcome] = {}
    for task in tasks:
        known = _reused(task, sink)
        if known is not None:
            reused[task.index] = known
        else:
            todo.append(task)
    for outcome in executor_for(jobs, scheduler, len(todo), security).run(todo):
        while reused and min(reused) < outcome.index:
            yield reused.pop(min(reused))
        yield outcome
    for index in sorted(reused):
        yield reused[index]


def _reused(task: Task, sink: Sink) -> Outcome | None:
    """The earlier output of ``task``'s input, if the sink has one and the input has not changed."""
    if not sink.has_earlier:
        return None
    try:
        data = read_bytes(task.location, max_chars=task.max_chars)
    except DocparseError:
        return None
    digest = hashlib.sha256(data).hexdigest()
    earlier = sink.previous(task.path, document_id(digest, task.name or task.path))
    if earlier is None or earlier[0] != digest:
        return None
    payload = earlier[1]
    return Outcome(task.index, task.path, size=len(data), skipped=True, payload=payload)
