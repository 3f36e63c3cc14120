"""Batch conversion: many reports → JSON files, one JSON Lines file, or four Parquet tables.

The engine behind ``docparse convert``. Inputs are files, directories (every ``*.txt`` below
them) and glob patterns. Work runs in a process pool (``jobs``) or on a Dask cluster
(``scheduler``); results come back in input order, so every way of running produces the same
bytes. Outputs are written atomically (temporary file, then rename): a killed run leaves no
half-written file. A bad input is recorded in ``errors.csv`` (path, code, message) and the batch
goes on. With ``resume``, an input whose output already holds the same ``source.sha256`` is not
parsed again.

The modules, in the order a batch uses them: ``inputs`` (what to convert, and the name of each
output), ``tasks`` (one input: :class:`Task`, :class:`Outcome`, the work a worker does on it),
``executors`` (where the tasks run), ``sinks`` (where the outputs go, one per format, with the
renderers of docparse/renderers/), ``progress`` (the progress bar).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .executors import executor_for
from .inputs import expand, output_name
from .progress import Progress
from .sinks import ERRORS_FILE, FORMATS, SINKS, Format, JsonFiles, Sink, write_errors
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
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def line(self) -> str:
        """The summary in Chinese: files, MB, seconds, errors."""
        text = (f"完成：{self.files} 个文件（转换 {self.converted}，跳过 {self.skipped}），"
                f"{self.bytes / 1e6:.1f} MB，用时 {self.seconds:.1f} 秒，错误 {self.errors} 个")
        if self.errors and self.errors_file:
            text += f"（见 {self.errors_file}）"
        return text


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
    kind = SINKS[format]
    sink = kind(out_dir, resume)
    out_abs = os.path.abspath(out_dir)  # the names below it are relative and normalized (expand)
    tasks = [Task(i, path, os.path.abspath(path),
                  os.path.join(out_abs, output_name(name, JsonFiles.renderer.extension)), format,
                  resume and kind.resumes_in_worker, encoding)
             for i, (path, name) in enumerate(pairs)]
    summary = Summary(files=len(tasks))
    bar = Progress(progress, len(tasks)) if progress is not None else None
    finished = False
    try:
        for outcome in _outcomes(tasks, sink, jobs, scheduler):
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
                sink.add(outcome.payload)
            if bar:
                bar.update(outcome.size)
        sink.close()
        finished = True
    finally:
        if bar:
            bar.close()
        if not finished:
            sink.abort()
    write_errors(out_dir / ERRORS_FILE, summary.failures)
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


def _outcomes(tasks: list[Task], sink: Sink, jobs: int, scheduler: str | Any | None) -> Iterator[Outcome]:
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
    for outcome in executor_for(jobs, scheduler, len(todo)).run(todo):
        while reused and min(reused) < outcome.index:
            yield reused.pop(min(reused))
        yield outcome
    for index in sorted(reused):
        yield reused[index]


def _reused(task: Task, sink: Sink) -> Outcome | None:
    """The earlier output of ``task``'s input, if the sink has one and the input has not changed."""
    earlier = sink.previous(task.path)
    if earlier is None:
        return None
    digest, payload = earlier
    try:
        with open(task.location, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != digest:
        return None
    return Outcome(task.index, task.path, size=len(data), skipped=True, payload=payload)
