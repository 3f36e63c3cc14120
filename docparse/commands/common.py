"""What the subcommands share: reading inputs (files or ``-``), error lines, atomic writes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..errors import DocparseError, InputError

if TYPE_CHECKING:
    from ..models import Document


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="报告文件；- 表示标准输入")
    parser.add_argument("--encoding", help="强制使用的编码（默认自动识别：UTF-8、GB18030、Big5、UTF-16…）")


def report_error(error: DocparseError) -> None:
    """One Chinese line on stderr, naming the file: ``path: DP004 无法按指定编码…``."""
    print(f"docparse: {error}", file=sys.stderr)


def load(name: str, encoding: str | None, limits: dict[str, int] | None = None) -> Document:
    """Parse a file, or standard input for ``-`` (``limits``: max_chars / max_depth for parse_file),
    with the cyclic garbage collector paused (see docparse/collector.py)."""
    from ..api import parse_bytes, parse_file

    with collector_paused():
        if name == "-":
            return parse_bytes(sys.stdin.buffer.read(), encoding=encoding, path="<stdin>", **(limits or {}))
        return parse_file(name, encoding=encoding, **(limits or {}))


def documents(names: list[str], encoding: str | None, limits: dict[str, int] | None = None
              ) -> Iterator[tuple[str, Document | DocparseError]]:
    """Each input with its Document, or the error that stopped it (a batch never stops at one)."""
    for name in names:
        try:
            yield name, load(name, encoding, limits)
        except DocparseError as error:  # noqa: PERF203 - one bad file must not stop the batch
            yield name, error


def write_atomic(path: Path, data: str | bytes | Iterable[bytes | memoryview]) -> None:
    """Write to a temporary file beside ``path`` and rename it: a killed run leaves no half file.

    ``data`` may come in pieces (:func:`docparse.output.json_chunks`), so that a large output is
    never one buffer.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # The name is chosen before the file exists and the file is created inside the ``try``: a stop
    # (SIGTERM raised as SystemExit in a batch worker) may land between any two bytecodes, and with
    # ``tempfile.mkstemp`` one landing between its return and the ``try`` left the temporary file
    # behind. ``open(..., "xb")`` refuses an existing name, as ``mkstemp`` does, and gives the output
    # the usual umask permissions (``mkstemp``'s were 0600).
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
    return InputError(f"无法写出文件（{exc.strerror}）", path=path)
