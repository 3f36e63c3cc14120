"""Where a batch's tasks run: in this process, in forked worker processes, in a pool of spawned
processes (where processes cannot fork), or on a Dask cluster. Every executor gives the outcomes
in the order of its tasks, so every way of running produces the same bytes."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..api import parse_bytes
from ..errors import InputError, WorkerLostError
from .tasks import Outcome, Task, convert_here, convert_one


class Executor(Protocol):
    """Runs tasks."""

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        """The outcome of every task, in the order of ``tasks``."""
        ...


def executor_for(jobs: int, scheduler: str | Any | None, count: int) -> Executor:
    """The cluster of ``scheduler`` if one is given; else ``jobs`` worker processes for more than
    one task; else this process."""
    if scheduler is not None:
        return DaskCluster(scheduler)
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
        readers = []
        workers = []
        for _ in range(self.jobs):
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


def _work(tasks: Sequence[Task], chunk: int, claimed: Any, lock: Any, writer: Any) -> None:
    """A forked worker: take the next chunk, convert it, send the outcomes; until none is left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    signal.signal(signal.SIGTERM, exit_on_signal)  # so that an output being written is removed, not left half
    try:
        while True:
            with lock:
                first = claimed.value
                claimed.value = first + chunk
            if first >= len(tasks):
                break
            writer.send((first, [convert_here(task) for task in tasks[first:first + chunk]]))
    except BrokenPipeError:  # the parent is gone: nobody to report to
        pass
    finally:
        writer.close()


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
        with multiprocessing.get_context().Pool(self.jobs) as pool:
            yield from pool.imap(convert_here, tasks, chunksize=chunk)


@dataclass(frozen=True)
class DaskCluster:
    """The workers of a Dask cluster: ``scheduler`` is its address (``tcp://host:8786``) or a
    ``distributed.Client``. The collector is left alone there (someone else's processes)."""

    scheduler: str | Any

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise InputError("使用 --scheduler 需要安装 Dask：pip install 'docparse[dask]'") from None
        client = self.scheduler if isinstance(self.scheduler, Client) else Client(self.scheduler)
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
            if client is not self.scheduler:
                client.close()


def _prepare() -> None:
    """One small parse, so that the grammars are built and every stage is imported once, before
    the workers fork and inherit them."""
    parse_bytes("关于2022年度工作的报告\n一、主要工作\n开展培训十二次。".encode())
