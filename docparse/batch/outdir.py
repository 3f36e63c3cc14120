"""The output directory of a batch: one run at a time, and nothing left in it by a killed run.

A run holds a lock on ``DIR/.docparse.lock`` (``flock``; on Windows ``msvcrt.locking``) from start
to end; a second run into the same directory is refused (:class:`OutputInUseError`) instead of
mixing its outputs with the first's. The lock is the operating system's: a run killed with
``kill -9`` holds it no longer, and the next run takes it. With the lock held, the temporary
files of outputs (:func:`docparse.files.is_temp_name`) found in the directory are what an earlier
run left when it was killed: they are removed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from ..errors import OutputError, OutputInUseError
from ..files import is_temp_name

LOCK_FILE = ".docparse.lock"
HOLDER_GONE_WAIT = 10.0
"""Seconds to wait for the lock when the run that took it is gone (``kill -9``) but its worker
processes, which share the lock, have not yet noticed and ended (docparse.batch.executors)."""


class OutputDirectory:
    """``with OutputDirectory(path):`` creates the directory, takes its lock and removes what a
    killed run left; the lock file is removed at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = path / LOCK_FILE
        self.fd: int | None = None
        self.removed = 0
        """How many temporary files of earlier runs were removed."""

    def __enter__(self) -> OutputDirectory:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"无法创建输出目录（{exc.strerror or exc}）", path=str(self.path)) from None
        self.fd = self._take_lock()
        self.removed = remove_stale_temps(self.path)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):  # removed while held: a run that opened it finds it gone
            self.lock.unlink()
        os.close(self.fd)
        self.fd = None

    def _take_lock(self) -> int:
        waited_since = time.monotonic()
        while True:
            try:
                fd = os.open(self.lock, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise OutputError(f"无法写入输出目录（{exc.strerror or exc}）", path=str(self.path)) from None
            if not _lock(fd):
                holder = _holder(fd)
                os.close(fd)
                if holder and not _alive(holder) and time.monotonic() - waited_since < HOLDER_GONE_WAIT:
                    time.sleep(0.05)  # a killed run whose workers are still on their way out
                    continue
                who = f"（进程 {holder}）" if holder else ""
                raise OutputInUseError(f"另一个 docparse convert{who}正在写入此目录；"
                                       "请等它结束，或换一个 --out", path=str(self.path))
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.lock))
            except FileNotFoundError:  # the run that held it removed it before we locked it
                same = False
            if same:
                with contextlib.suppress(OSError):  # only to name this run to another (a full disk)
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()}\n".encode())
                return fd
            os.close(fd)


def remove_stale_temps(directory: Path) -> int:
    """Remove the temporary output files below ``directory`` (links not followed); how many."""
    removed = 0
    pending = [str(directory)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif is_temp_name(entry.name) and entry.is_file(follow_symlinks=False):
                try:
                    os.unlink(entry.path)
                    removed += 1
                except OSError:
                    pass
    return removed


def _lock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting; whether it was free."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _alive(pid: str) -> bool:
    """Whether the process ``pid`` exists (on Windows: assumed, there is no harmless probe)."""
    if sys.platform == "win32" or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's: alive
        return True
    return True


def _holder(fd: int) -> str:
    """The process id the holder of the lock wrote, if it can be read."""
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() if hasattr(os, "pread") else ""
    except OSError:
        return ""
