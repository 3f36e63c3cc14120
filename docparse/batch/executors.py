"""Where a batch's tasks run: in this process, in forked worker processes, in a pool of spawned
processes (where processes cannot fork), or on a Dask cluster. Every executor gives the outcomes
in the order of its tasks, so every way of running produces the same bytes."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..api import parse_bytes
from ..errors import LimitError, SchedulerError, WorkerLostError, install_hint
from .tasks import OUT_OF_MEMORY, Outcome, Task, convert_here, convert_one

WORKER_LOST = "转换此文件的工作进程意外退出（内存不足或被终止），文件未转换"
"""The message of an input whose worker died before it reported (code DP007)."""
NEEDS_DASK = f"使用 --scheduler 需要安装 Dask：{install_hint('dask')}"


class Executor(Protocol):
    """Runs tasks."""

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        """The outcome of every task, in the order of ``tasks``."""
        ...


def executor_for(jobs: int, scheduler: str | Any | None, count: int, security: Any = None) -> Executor:
    """The cluster of ``scheduler`` if one is given (``security``: its TLS configuration); else
    ``jobs`` worker processes for more than one task; else this process."""
    if scheduler is not None:
        return DaskCluster(scheduler, security)
    if jobs > 1 and count > 1:
        if "fork" in multiprocessing.get_all_start_methods():
            return ForkedWorkers(jobs)
        return ProcessPool(jobs)
    return InProcess()


class InProcess:
    """One task after the other, in this process."""

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        return map(convert_here, tasks)


@dataclass(frozen=True)
class ForkedWorkers:
    """Forked workers take chunks of the tasks by a shared counter and send back one message per chunk.

    Unlike a ``multiprocessing.Pool``, nothing is pickled on the way out (the workers inherit the
    task list) and this process runs no feeder threads: on two cores its CPU time competes with
    the workers', and a pool's traffic cost a tenth of the speed-up of two jobs. A worker that dies
    (killed, out of memory) costs the inputs it had taken, recorded as errors, not the batch.
    Leaving the outcomes early (closing the iterator) terminates the workers.
    """

    jobs: int

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        _prepare()
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(4, len(tasks) // (self.jobs * 64)))  # small chunks: workers finish together
        claimed = context.RawValue("q", 0)
        lock = context.Lock()
        readers: list[multiprocessing.connection.Connection] = []
        workers = []
        for _ in range(self.jobs):
            reader, writer = context.Pipe(duplex=False)
            readers.append(reader)
            # the worker closes the read ends it inherits (its own and those of the workers forked
            # before it): else, with this process gone, a worker blocked on a full pipe would be
            # kept waiting by another that holds the pipe's read end, and the two never end
            worker = context.Process(target=_work, args=(tasks, chunk, claimed, lock, writer, list(readers),
                                                         os.getpid()), daemon=True)
            worker.start()
            writer.close()
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
                task.index, task.path, code=WorkerLostError.code, message=WORKER_LOST)
            position += 1


def _work(tasks: Sequence[Task], chunk: int, claimed: Any, lock: Any, writer: Any,
          inherited: list[multiprocessing.connection.Connection], parent: int) -> None:
    """A forked worker: take the next chunk, convert it, send the outcomes; until none is left, or
    until the process that started it is gone."""
    for connection in inherited:
        connection.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    signal.signal(signal.SIGTERM, exit_on_signal)  # so that an output being written is removed, not left half
    exit_with_parent(parent)
    try:
        while True:
            with lock:
                first = claimed.value
                claimed.value = first + chunk
            if first >= len(tasks):
                break
            taken = tasks[first:first + chunk]
            outcomes: list[Outcome] = []
            try:
                outcomes.extend(convert_here(task) for task in taken)
                writer.send((first, outcomes))
            except MemoryError:  # a Document's outcome too large to send: its input is an error row
                writer.send((first, [_out_of_memory(task, outcomes) for task in taken]))
    except BrokenPipeError:  # the parent is gone: nobody to report to
        pass
    finally:
        writer.close()


def _out_of_memory(task: Task, done: list[Outcome]) -> Outcome:
    """What became of ``task`` when sending its chunk ran out of memory: its outcome if that
    carries nothing to send, else an error."""
    for outcome in done:
        if outcome.index == task.index and outcome.payload is None:
            return outcome
    return Outcome(task.index, task.path, code=LimitError.code, message=OUT_OF_MEMORY)


PARENT_POLL = 0.2
"""Seconds between a worker's checks that the process that started it is still there."""


def exit_with_parent(parent: int) -> None:
    """Stop this worker process when ``parent``, the process that started it, is gone (``kill -9``
    leaves it no time to stop its workers): a thread sees the worker handed to another parent and
    sends the worker SIGTERM, which ends it as a stop does (an output being written is removed)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="docparse-parent-watch", daemon=True).start()


def exit_on_signal(signum: int, frame: object) -> None:
    """A signal handler that exits by raising ``SystemExit``, so that ``finally`` blocks run (an
    output being written is removed)."""
    raise SystemExit(128 + signum)


@dataclass(frozen=True)
class ProcessPool:
    """A ``multiprocessing.Pool`` of spawned processes, where processes cannot fork (Windows; macOS
    may not)."""

    jobs: int

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        chunk = max(1, min(32, len(tasks) // (self.jobs * 64)))  # small chunks: workers finish together
        with multiprocessing.get_context().Pool(self.jobs, exit_with_parent, (os.getpid(),)) as pool:
            yield from pool.imap(convert_here, tasks, chunksize=chunk)


@dataclass(frozen=True)
class DaskCluster:
    """The workers of a Dask cluster: ``scheduler`` is its address (``tcp://host:8786``,
    ``tls://host:8786``) or a ``distributed.Client``. The collector is left alone there (someone
    else's processes).

    The scheduler is trusted: Dask sends pickled functions and results both ways, so whoever runs
    the scheduler (or can reach an open one) can run code in this process and on the workers.
    ``security`` (a ``distributed.security.Security``: TLS certificates, encryption required)
    secures the connection; without it Dask's configuration decides, as for any Dask client.
    """

    scheduler: str | Any
    security: Any = None

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        from concurrent.futures import CancelledError

        try:
            from distributed import Client, KilledWorker, as_completed
        except ImportError:
            raise SchedulerError(NEEDS_DASK) from None
        client = self.scheduler if isinstance(self.scheduler, Client) else self._connect(Client)
        try:
            futures = client.map(convert_one, tasks, pure=False, batch_size=256)
            task_of = {future.key: task for future, task in zip(futures, tasks, strict=True)}
            done: dict[int, Outcome] = {}
            next_index = 0
            order = [task.index for task in tasks]
            for future in as_completed(futures):
                try:
                    outcome: Outcome = future.result()
                except KilledWorker:  # the workers that took it died (out of memory, killed)
                    task = task_of[future.key]
                    outcome = Outcome(task.index, task.path, code=WorkerLostError.code, message=WORKER_LOST)
                done[outcome.index] = outcome
                future.release()
                while next_index < len(order) and order[next_index] in done:
                    yield done.pop(order[next_index])
                    next_index += 1
        except (OSError, CancelledError) as exc:
            raise SchedulerError(f"与调度器的连接中断（{_first_line(exc)}）", path=self._address()) from None
        finally:
            if client is not self.scheduler:
                with contextlib.suppress(Exception):  # a lost connection fails its close too
                    client.close()

    def _connect(self, client: Any) -> Any:
        address = self.scheduler
        if not isinstance(address, str) or not address.strip():
            raise SchedulerError("调度器地址为空（应为 tcp://HOST:8786 或 tls://HOST:8786）")
        try:
            return client(address, security=self.security)
        except Exception as exc:  # unreachable, malformed, TLS refused; or Dask failing as it gives up
            detail = _first_line(exc) if isinstance(exc, OSError | ValueError | TypeError) else repr(exc)
            raise SchedulerError(f"无法连接调度器（{detail}）", path=address) from None

    def _address(self) -> str | None:
        """The address, to name in an error (``None`` for a client: it has said where it is)."""
        return self.scheduler if isinstance(self.scheduler, str) else None


def tls_security(ca_file: str | None, cert: str | None, key: str | None) -> Any:
    """A ``distributed.security.Security`` for a client that requires TLS: the CA that signed the
    scheduler's certificate, this client's certificate and key (files in PEM format), as ``dask
    worker --tls-ca-file --tls-cert --tls-key`` takes them."""
    try:
        from distributed.security import Security
    except ImportError:
        raise SchedulerError(NEEDS_DASK) from None
    return Security(tls_ca_file=ca_file, tls_client_cert=cert, tls_client_key=key, require_encryption=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _prepare() -> None:
    """One small parse, so that the grammars are built and every stage is imported once, before
    the workers fork and inherit them."""
    parse_bytes("关于2022年度工作的报告\n一、主要工作\n开展培训十二次。".encode())
