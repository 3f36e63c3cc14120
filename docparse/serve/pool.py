"""The worker processes that parse for the server, each bounded in time.

A ``concurrent.futures.ProcessPoolExecutor`` cannot stop one task: a stuck parse would hold its
process for good, and the only way out is to shut the whole pool down, failing every other request
in flight. Here each worker is a process of its own with its own pipe, lent to one request at a
time: a request that is over ``timeout`` gets :class:`JobTimeoutError`, its worker is stopped (its
job unwound, so a reader's temporary files go too; killed if that does not end it) and a new one
started in its place, and the other workers go on. The event loop only ever waits (the pipe is
read in a thread), so the server keeps answering ``/healthz`` while every worker is busy.

Workers are spawned, not forked: the server has threads by then, and a fresh interpreter is the
same on every platform. A worker announces itself once it has parsed a first text, so the time a
request is given is spent on that request only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from .worker import READY, STOP_JOB, Job, Result, work

log = logging.getLogger("docparse.serve")

STOP_GRACE = 2.0
"""Seconds a worker whose job is over time is given to unwind it before it is killed."""
STOP_WAIT = 5.0
"""Seconds a worker is given to end by itself when the server stops, before it is killed."""


class JobTimeoutError(Exception):
    """The request's job was not done within the pool's timeout; its worker has been replaced."""


class WorkerDiedError(Exception):
    """The worker died during the job (killed from outside, out of memory); it has been replaced."""


@dataclass(frozen=True, eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection

    def call(self, job: Job) -> Result:
        """Send ``job`` and wait for its result (in a thread of the pool's own)."""
        self.connection.send(job)
        result: Result = self.connection.recv()
        return result

    def stop(self, wait: float) -> None:
        """Let the worker end (its pipe closed), killing it if it has not within ``wait`` seconds."""
        self.connection.close()
        self.process.join(wait)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def kill(self) -> None:
        """End a worker whose job went wrong: asked first (:data:`STOP_JOB`: the job unwinds and
        lets go of what it holds), killed if it has not ended within :data:`STOP_GRACE` seconds
        (stuck where no signal reaches Python) or is dead already."""
        if STOP_JOB is not None and self.process.pid is not None and self.process.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, STOP_JOB)
            self.process.join(STOP_GRACE)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` lends one to a job for at most ``timeout`` seconds.
    Use from one event loop: :meth:`start`, then :meth:`run` from any number of requests, then
    :meth:`close`."""

    def __init__(self, size: int, timeout: float) -> None:
        self.size = size
        self.timeout = timeout
        self.busy = 0
        """Workers on a job now."""
        self.waiting = 0
        """Jobs waiting for a worker."""
        self.replaced = 0
        """Workers killed and replaced since the start (timeouts and deaths)."""
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._live: set[_Worker] = set()
        self._starting: set[asyncio.Task[None]] = set()
        self._threads = ThreadPoolExecutor(max_workers=2 * size + 1, thread_name_prefix="docparse-serve")
        self._closed = False

    @property
    def workers(self) -> int:
        """Workers alive and ready (fewer than ``size`` while one is being replaced)."""
        return len(self._live)

    async def start(self) -> None:
        """Start every worker and wait until each is ready.

        Raises:
            RuntimeError: a worker could not start.
        """
        await asyncio.gather(*(self._add() for _ in range(self.size)))

    async def run(self, job: Job) -> Result:
        """The result of ``job`` from the next free worker.

        Raises:
            JobTimeoutError: the job took longer than ``timeout`` seconds (waiting for a free worker
                is not counted).
            WorkerDiedError: the worker died before it answered.
        """
        self.waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self.waiting -= 1
        self.busy += 1
        healthy = False
        loop = asyncio.get_running_loop()
        try:
            answer = loop.run_in_executor(self._threads, worker.call, job)
            result = await asyncio.wait_for(answer, self.timeout)
            healthy = True
            return result
        except asyncio.TimeoutError:
            raise JobTimeoutError from None
        except (EOFError, OSError):
            raise WorkerDiedError from None
        finally:  # a worker whose job did not end as it should (over time, dead, cancelled) is replaced
            self.busy -= 1
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    async def close(self) -> None:
        """Stop every worker (the server has finished its requests)."""
        self._closed = True
        for task in list(self._starting):
            task.cancel()
        await asyncio.gather(*self._starting, return_exceptions=True)
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._threads, worker.stop, STOP_WAIT)
                               for worker in list(self._live)))
        self._live.clear()
        self._threads.shutdown(wait=True)

    def _replace(self, worker: _Worker) -> None:
        self._live.discard(worker)
        self.replaced += 1
        task = asyncio.get_running_loop().create_task(self._add(replacing=worker))
        self._starting.add(task)
        task.add_done_callback(self._started)

    def _started(self, task: asyncio.Task[None]) -> None:
        self._starting.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("无法启动新的解析进程：%s", task.exception())

    async def _add(self, replacing: _Worker | None = None) -> None:
        loop = asyncio.get_running_loop()
        if replacing is not None:
            await loop.run_in_executor(self._threads, replacing.kill)
        worker = await loop.run_in_executor(self._threads, self._spawn)
        if self._closed:
            await loop.run_in_executor(self._threads, worker.stop, 0)
            return
        self._live.add(worker)
        self._idle.put_nowait(worker)

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=work, args=(theirs, os.getpid()), daemon=True,
                                        name="docparse-serve-worker")
        process.start()
        theirs.close()
        try:
            ready = ours.recv()
        except EOFError:
            ready = None
        if ready != READY:
            process.kill()
            process.join()
            raise RuntimeError(f"解析进程启动失败（退出码 {process.exitcode}）")
        return _Worker(process, ours)
