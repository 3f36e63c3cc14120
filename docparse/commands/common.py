"""What the subcommands share: reading inputs (files or ``-``), writing outputs, error lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..errors import DocparseError

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


def write_stdout(chunks: Iterable[bytes | memoryview]) -> None:
    """Write an output to standard output as bytes, piece by piece: the JSON of a 10 MB report is
    never one string beside its Document. A text-only stream in place of stdout (``io.StringIO``)
    gets the same text."""
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.write(b"".join(chunks).decode("utf-8"))
        return
    sys.stdout.flush()
    for chunk in chunks:
        binary.write(chunk)
    binary.flush()
