"""Reading input files and writing outputs atomically: shared by the library, the command line and
the batch runner (which must not import each other's layers for it)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError


def read_bytes(name: str) -> bytes:
    """The bytes of a file; errors name the file."""
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("文件不存在", path=name) from None
    except IsADirectoryError:
        raise InputError("这是目录，不是文件", path=name) from None
    except PermissionError:
        raise InputError("没有读取权限", path=name) from None
    except OSError as exc:
        raise InputError(f"无法读取文件（{exc.strerror}）", path=name) from None


def write_atomic(path: Path, data: str | bytes | Iterable[bytes | memoryview]) -> None:
    """Write to a temporary file beside ``path`` and rename it: a killed run leaves no half file.

    ``data`` may come in pieces, so that a large output is never one buffer.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # The name is chosen before the file exists and the file is created inside the ``try``: a stop
    # (SIGTERM raised as SystemExit in a batch worker) may land between any two bytecodes; a file
    # created before the ``try`` would be left behind. ``open(..., "xb")`` refuses an existing name
    # and gives the output the usual umask permissions.
    temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temp, "xb") as handle:
            if isinstance(data, str | bytes):
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            else:
                for chunk in data:
                    handle.write(chunk)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def output_error(path: str, exc: OSError) -> InputError:
    """The error for an output that cannot be written, naming it."""
    return InputError(f"无法写出文件（{exc.strerror}）", path=path)
