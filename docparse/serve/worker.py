"""The work of one request, done in a worker process: parse the uploaded bytes and render the output
the endpoint asks for, with the renderers the command line uses (so a response holds the bytes the
matching command prints).

A worker is a process of its own (docparse is pure Python: threads would take turns on the GIL),
started by :class:`docparse.serve.pool.WorkerPool`, and talks to the server through one pipe:
:data:`READY` once it has parsed a first text (the grammar is compiled on first use), then for
each :class:`Job` in, an :class:`Output`, :class:`Refusal` or :class:`Crash` out.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, get_args

from ..api import parse_bytes
from ..collector import collector_paused
from ..errors import MAX_CHARS, MAX_DEPTH, DocparseError, LimitError
from ..models import Document, Severity
from ..renderers.base import Renderer
from ..renderers.chunks import ChunksJsonLines
from ..renderers.document import DocumentJson
from ..renderers.findings import RENDERERS as FINDINGS
from ..renderers.findings import Findings
from ..renderers.markdown import DocumentMarkdown
from ..renderers.metrics import RENDERERS as METRICS
from ..renderers.metrics import metric_rows
from ..renderers.outline import RENDERERS as OUTLINES
from ..validate import validate
from ..validate.profiles import resolve

UNNAMED = "-"
"""The name an input without a file name goes by in the outputs that name their input (outline,
metrics, findings), as standard input does on the command line."""

OUT_OF_MEMORY = "内存不足，无法解析此文件（可减少 --workers，或用 max_size 限制输入大小）"


@dataclass(frozen=True)
class Job:
    """One request's input and what to make of it.

    ``name`` is the uploaded file's name (its last component only): the name the outputs give the
    input and the extension the reader is chosen by when the content does not tell. It is never
    opened. ``options`` are the endpoint's own (``indent``, ``profile``, ``max_chars`` …)."""

    action: str
    data: bytes
    name: str | None = None
    encoding: str | None = None
    format_in: str | None = None
    max_size: int = MAX_CHARS
    max_depth: int = MAX_DEPTH
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Output:
    """The rendered output and its media type."""

    media_type: str
    body: bytes


@dataclass(frozen=True)
class Refusal:
    """The input is not one docparse can read: the error's code and message, as the command line
    prints them."""

    code: str
    message: str


@dataclass(frozen=True)
class Crash:
    """A bug: the traceback, for the server's log only."""

    traceback: str


Result = Output | Refusal | Crash

SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(get_args(Severity)))}
"""``info`` < ``warning`` < ``error``, read from the model's own list (most severe first)."""


def execute(job: Job) -> Result:
    """Parse the job's bytes and render its output; never raises."""
    try:
        with collector_paused():
            doc = parse_bytes(job.data, encoding=job.encoding, path=job.name, format=job.format_in,
                              max_chars=job.max_size, max_depth=job.max_depth)
            renderer, item = ACTIONS[job.action](doc, job.name or UNNAMED, job.options)
            return Output(renderer.media_type, renderer.render(item))
    except DocparseError as error:
        return Refusal(error.code, error.message)
    except MemoryError:
        return Refusal(LimitError.code, OUT_OF_MEMORY)
    except Exception:  # a bug: the server answers 500 and logs this
        return Crash(traceback.format_exc())


Rendering = tuple[Renderer[Any], Any]


def _parse(doc: Document, name: str, options: dict[str, Any]) -> Rendering:
    indent = options["indent"]
    return DocumentJson(indent=indent if indent > 0 else None,
                        exclude=frozenset({"text"}) if options["no_text"] else None, consume=True), doc


def _markdown(doc: Document, name: str, options: dict[str, Any]) -> Rendering:
    return DocumentMarkdown(), doc


def _outline(doc: Document, name: str, options: dict[str, Any]) -> Rendering:
    return OUTLINES[options["format"]], (name, doc)


def _metrics(doc: Document, name: str, options: dict[str, Any]) -> Rendering:
    return METRICS[options["format"]], list(metric_rows(doc, name))


def _validate(doc: Document, name: str, options: dict[str, Any]) -> Rendering:
    profile = resolve(doc, options["profile"])
    found = validate(doc, profile)
    least = SEVERITY_RANK[options["min_severity"]]
    shown = [d for d in found if SEVERITY_RANK[d.severity] >= least]
    findings = Findings(name, profile.name, doc, shown, hidden=len(found) - len(shown))
    return FINDINGS[options["format"]], [findings]


def _chunks(doc: Document, name: str, options: dict[str, Any]) -> Rendering:
    return ChunksJsonLines(max_chars=options["max_chars"], overlap=options["overlap"]), doc


ACTIONS: dict[str, Callable[[Document, str, dict[str, Any]], Rendering]] = {
    "parse": _parse, "markdown": _markdown, "outline": _outline, "metrics": _metrics,
    "validate": _validate, "chunks": _chunks,
}
"""What each endpoint renders, by the name of its action; ``options`` are the endpoint's own, every
one given (their defaults are those of docparse/serve/models.py)."""

PARENT_POLL = 0.5
"""Seconds between a worker's checks that the process that started it is still there."""


STOP_JOB: signal.Signals | None = getattr(signal, "SIGUSR1", None)
"""The signal that ends a worker's job over time by unwinding it (``SystemExit``), so that what the
job holds is let go: a reader's temporary folder removed, a program it started (LibreOffice for
.doc) stopped. ``None`` where there is no such signal: the worker is killed outright."""

READY = "ready"
"""What a worker sends once it can take a job."""
_WARM_UP = "关于2022年度工作的报告\n一、主要工作\n开展培训12次。".encode()


def work(connection: Connection, parent: int) -> None:
    """A worker's life: warm up, then take a job and send its result, until the server (the
    process ``parent``) closes the pipe.

    Ctrl-C in a terminal and a stop signal sent to the whole process group are the server's to
    handle (it finishes the requests in flight, then closes the pipes), so the worker ignores them.
    A server that is killed outright cannot close anything: the worker then ends itself when it
    sees it has a new parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if STOP_JOB is not None:
        signal.signal(STOP_JOB, _unwind)
    _exit_with_parent(parent)
    parse_bytes(_WARM_UP)
    try:
        connection.send(READY)
    except OSError:
        return
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        result = execute(job)
        del job
        try:
            connection.send(result)
        except (BrokenPipeError, OSError):
            return


def _unwind(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _exit_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="docparse-parent-watch", daemon=True).start()
