"""Reading input files and writing outputs atomically: shared by the library, the command line and
the batch runner (which must not import each other's layers for it).

Reading is bounded: a file larger than the limit is refused by its size before a byte is read,
and what has no size (standard input, a character device such as ``/dev/zero``) is read up to the
limit and no further. A named pipe (FIFO) given as a file is refused: opening one waits for a
writer that may never come.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from .errors import BYTES_PER_CHAR, InputError, OutputError, size_limit_error

NAME_MAX = 255
"""The longest file name (in bytes) of the common file systems (ext4, XFS, Btrfs, APFS, NTFS)."""
OUTPUT_EXTENSIONS = ("json", "jsonl", "parquet", "csv")
"""The extensions of the files a batch writes (the outputs of each format and errors.csv)."""
_CHUNK = 1024 * 1024


def read_bytes(name: str, *, max_chars: int | None = None) -> bytes:
    """The bytes of a file; errors name the file. ``max_chars`` bounds the size
    (:data:`~docparse.errors.BYTES_PER_CHAR` bytes a character): a larger file is refused without
    being read (:class:`~docparse.errors.LimitError`).
    """
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer, so that it can be refused
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError("文件不存在", path=name) from None
    except IsADirectoryError:
        raise InputError("这是目录，不是文件", path=name) from None
    except PermissionError:
        raise InputError("没有读取权限", path=name) from None
    except OSError as exc:
        raise InputError(f"无法读取文件（{exc.strerror}）", path=name) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("这是目录，不是文件", path=name)
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            raise InputError("这是命名管道或套接字，不是普通文件（管道请用 - 从标准输入读入）", path=name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a character device (a terminal) is read as usual
        with open(fd, "rb", closefd=False) as handle:
            return read_limited(handle, max_chars=max_chars, path=name)
    finally:
        os.close(fd)


def read_limited(handle: BinaryIO, *, max_chars: int | None, path: str) -> bytes:
    """All of ``handle`` (an open file, standard input): refused by its size if it has one, read
    no further than the limit if it has none."""
    limit = None if max_chars is None else max_chars * BYTES_PER_CHAR
    try:
        regular = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
    except (OSError, AttributeError, ValueError):  # a stream without a file (io.BytesIO)
        regular = False
    try:
        if regular and limit is not None and os.fstat(handle.fileno()).st_size > limit:
            raise size_limit_error(max_chars or 0, path)
        data = handle.read() if regular or limit is None else _read_up_to(handle, limit)
    except OSError as exc:
        raise InputError(f"无法读取文件（{exc.strerror}）", path=path) from None
    if data is None or (limit is not None and len(data) > limit):  # no size, or grew while read
        raise size_limit_error(max_chars or 0, path)
    return data


def _read_up_to(handle: BinaryIO, limit: int) -> bytes | None:
    """What a stream without a size holds, or ``None`` if that is more than ``limit`` bytes (read
    no further than one byte past it)."""
    chunks: list[bytes] = []
    held = 0
    while held <= limit:
        chunk = handle.read(min(_CHUNK, limit + 1 - held))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        held += len(chunk)
    return None


def temp_path(final: Path) -> Path:
    """A name for the temporary file of ``final``, beside it: ``.a.json.PID.RANDOM.tmp``.

    A long final name is cut (its extension kept) so that the temporary name stays within
    :data:`NAME_MAX` bytes: a name near the limit still has a temporary file.
    """
    tail = f".{os.getpid()}.{os.urandom(4).hex()}.tmp"
    stem, extension = os.path.splitext(final.name)
    stem = cut_name(stem, NAME_MAX - 1 - len(os.fsencode(extension)) - len(tail))
    return final.with_name(f".{stem}{extension}{tail}")


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is the temporary file of an output of a batch (:func:`temp_path`:
    ``.a.json.PID.RANDOM.tmp``; earlier versions wrote ``.documents.jsonl.PID.tmp``): what a killed
    run can leave behind.

    >>> is_temp_name(".a.json.4242.0f3c9a1b.tmp"), is_temp_name(".documents.jsonl.4242.tmp")
    (True, True)
    >>> is_temp_name(".notes.txt.4242.tmp"), is_temp_name("a.json")
    (False, False)
    """
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False
    parts = name[1:-4].split(".")
    if len(parts) >= 4 and len(parts[-1]) == 8 and all(c in "0123456789abcdef" for c in parts[-1]):
        parts.pop()
    return len(parts) >= 3 and parts[-1].isdigit() and parts[-2] in OUTPUT_EXTENSIONS


def cut_name(name: str, size: int) -> str:
    """``name`` cut to at most ``size`` bytes as the file system stores it, not in the middle of a
    character (a name that is not UTF-8 is cut as bytes)."""
    raw = os.fsencode(name)
    if len(raw) <= size:
        return name
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return os.fsdecode(raw[:size])
    return raw[:size].decode("utf-8", "ignore")  # a character cut in two is dropped


def write_atomic(path: Path, data: str | bytes | Iterable[bytes | memoryview]) -> None:
    """Write to a temporary file beside ``path`` and rename it: a killed run leaves no half file.

    ``data`` may come in pieces, so that a large output is never one buffer. A ``path`` that is
    not a regular file (``/dev/stdout``, a device, a pipe) is written to as it is, not replaced.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            with open(path, "wb") as handle:
                _write(handle, data)
            return
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # The name is chosen before the file exists and the file is created inside the ``try``: a stop
    # (SIGTERM raised as SystemExit in a batch worker) may land between any two bytecodes; a file
    # created before the ``try`` would be left behind. ``open(..., "xb")`` refuses an existing name
    # and gives the output the usual umask permissions.
    temp = temp_path(path)
    try:
        with open(temp, "xb") as handle:
            _write(handle, data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write(handle: BinaryIO, data: str | bytes | Iterable[bytes | memoryview]) -> None:
    if isinstance(data, str | bytes):
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    else:
        for chunk in data:
            handle.write(chunk)


def output_error(path: str, exc: OSError) -> OutputError:
    """The error for an output that cannot be written, naming it."""
    return OutputError(f"无法写出文件（{exc.strerror or exc}）", path=path)
