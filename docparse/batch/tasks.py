"""One input of a batch: the task, what became of it, and the work on it, which runs in a worker
(a process of this machine or a Dask worker)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from ..api import parse_bytes_unfinished
from ..collector import collector_paused
from ..errors import MAX_CHARS, MAX_DEPTH, DocparseError, LimitError, OutputError
from ..files import read_bytes
from ..ids import document_id
from ..readers.doc import use_conversions
from .sinks import SINKS, Format


@dataclass(frozen=True)
class Task:
    """One input: its path as given (``source.path``, as text: :func:`docparse.errors.path_text`),
    where to read it, the output file it becomes.

    ``location`` and ``output`` are absolute, so that a Dask worker with another working directory
    reads and writes the same files (on a shared file system). ``resume``: skip the input if its
    output file is up to date. ``max_chars`` and ``max_depth`` are the limits of :func:`docparse.parse_bytes`.
    """

    index: int
    path: str
    location: str
    output: str
    format: Format
    resume: bool
    encoding: str | None = None
    max_chars: int = MAX_CHARS
    max_depth: int = MAX_DEPTH
    input_format: str | None = None
    """The reader to use (``--format-in``); ``None``: chosen by content, then extension."""
    name: str = ""
    """The path below the input root (:func:`docparse.batch.inputs.expand`): with the content, the
    input's stable id (:func:`docparse.ids.document_id`)."""
    doc_conversions: str | None = None
    """The folder of the batch's .doc files converted ahead by one LibreOffice call
    (:func:`docparse.readers.doc.convert_ahead`)."""


@dataclass
class Outcome:
    """What became of one input; ``payload`` is what the sink writes for it (a JSON line, table rows)."""

    index: int
    path: str
    size: int = 0
    skipped: bool = False
    code: str | None = None
    message: str | None = None
    payload: Any = None


def convert_one(task: Task) -> Outcome:
    """Parse one input and produce its output (module level: pickled to processes and Dask workers)."""
    sink = SINKS[task.format]
    outcome = Outcome(task.index, task.path)
    try:
        data = read_bytes(task.location, max_chars=task.max_chars)
    except DocparseError as error:
        outcome.code, outcome.message = error.code, error.message
        return outcome
    outcome.size = len(data)
    if task.resume and sink.up_to_date(task.output, hashlib.sha256(data).hexdigest()):
        outcome.skipped = True
        return outcome
    use_conversions(task.doc_conversions)
    held = [data]
    del data  # parse_bytes lets the bytes go once decoded, if nothing else holds them
    try:
        doc = parse_bytes_unfinished(held.pop(), encoding=task.encoding, path=task.path,
                                     format=task.input_format, max_chars=task.max_chars,
                                     max_depth=task.max_depth)
        doc_id = document_id(doc.fields["source"].sha256, task.name or task.path)
        outcome.payload = sink.render_unfinished(doc, task.output, doc_id)
    except DocparseError as error:
        outcome.code, outcome.message = error.code, error.message
    except OSError as exc:
        outcome.code, outcome.message = OutputError.code, f"无法写出文件（{exc.strerror or exc}）"
    except MemoryError:
        outcome.payload = None
        outcome.code, outcome.message = LimitError.code, OUT_OF_MEMORY
    except Exception as exc:  # one bad file must not stop a batch of thousands
        outcome.code = "DP999"
        outcome.message = f"内部错误（{type(exc).__name__}: {exc}），请附上输入文件报告此问题"
    return outcome


OUT_OF_MEMORY = "内存不足，无法转换此文件（可减少 --jobs，或用 --max-size 限制输入大小）"
"""The message of an input whose conversion ran out of memory (code DP006, a resource limit)."""


def convert_here(task: Task) -> Outcome:
    """:func:`convert_one` with the cyclic garbage collector paused (docparse/collector.py): in this
    process or a worker the batch started, never on a Dask worker (someone else's process)."""
    with collector_paused():
        return convert_one(task)
