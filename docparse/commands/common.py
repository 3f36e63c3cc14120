"""What the subcommands share: reading inputs (files or ``-``), writing outputs, error lines."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..errors import EXIT_INPUT, EXIT_OK, MAX_CHARS, MAX_DEPTH, DocparseError, OutputError, path_text

if TYPE_CHECKING:
    from ..models import Document


def add_input_options(parser: argparse.ArgumentParser, *, files_required: bool = True) -> None:
    parser.add_argument("files", nargs="+" if files_required else "*", metavar="FILE",
                        help="报告文件；- 表示标准输入")
    parser.add_argument("--encoding", help="强制使用的编码（默认自动识别：UTF-8、GB18030、Big5、UTF-16…）")
    add_format_option(parser)
    add_limit_options(parser)


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format-in``: the reader to use, for input whose content and extension mislead. An unknown
    name is refused by :func:`docparse.readers.choose` (DP008, listing the formats): the readers are
    not imported just to build the parser."""
    parser.add_argument("--format-in", metavar="FORMAT",
                        help="指定输入格式，如 text、html、docx"
                             "（默认按内容识别，再看扩展名；写错时列出可用格式）")


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """``--max-size`` and ``--max-depth``, the limits of :func:`docparse.parse_bytes`, for every
    command that reads reports."""
    parser.add_argument("--max-size", type=int, default=MAX_CHARS, metavar="CHARS",
                        help=f"输入字符数上限（默认 {MAX_CHARS}；超过其 4 倍字节的文件不读即拒；"
                             "不可信输入可调低）")
    parser.add_argument("--max-depth", type=int, default=MAX_DEPTH, metavar="LEVELS",
                        help=f"章节嵌套层数上限（默认 {MAX_DEPTH}）")


def report_error(error: DocparseError) -> None:
    """One Chinese line on stderr, naming the file: ``path: DP004 无法按指定编码…``."""
    print(f"docparse: {error}", file=sys.stderr)


def load(name: str, args: argparse.Namespace) -> Document:
    """Parse a file, or standard input for ``-`` (read no further than the size limit), with the
    cyclic garbage collector paused (see docparse/collector.py)."""
    from ..api import parse_bytes, parse_file
    from ..files import read_limited

    limits = {"max_chars": args.max_size, "max_depth": args.max_depth}
    with collector_paused():
        if name == "-":
            data = read_limited(sys.stdin.buffer, max_chars=args.max_size, path="<stdin>")
            return parse_bytes(data, encoding=args.encoding, path="<stdin>", format=args.format_in, **limits)
        return parse_file(name, encoding=args.encoding, format=args.format_in, **limits)


def documents(args: argparse.Namespace) -> Iterator[tuple[str, Document | DocparseError]]:
    """Each input of ``args.files`` (its name as text: :func:`docparse.errors.path_text`) with its
    Document, or the error that stopped it (a batch never stops at one).

    Raises:
        DecodeError: ``--encoding`` names no text encoding (once, before any input is read).
    """
    if args.encoding:
        from ..decode import forced_codec

        forced_codec(args.encoding)
    for name in args.files:
        try:
            yield path_text(name), load(name, args)
        except DocparseError as error:  # noqa: PERF203 - one bad file must not stop the batch
            yield path_text(name), error


def write_each(args: argparse.Namespace,
               render: Callable[[str, Document], Iterable[bytes | memoryview]]) -> int:
    """Write each input's output (``render(name, doc)``) to standard output in turn; an input that
    cannot be read is reported on stderr and the others go on. The exit status: 3 if any failed."""
    status = EXIT_OK
    for name, result in documents(args):
        if isinstance(result, DocparseError):
            report_error(result)
            status = EXIT_INPUT
            continue
        write_stdout(render(name, result))
    return status


def write_stdout(chunks: Iterable[bytes | memoryview]) -> None:
    """Write an output to standard output as bytes, piece by piece: the JSON of a 10 MB report is
    never one string beside its Document. A text-only stream in place of stdout (``io.StringIO``)
    gets the same text.

    Raises:
        OutputError: standard output cannot take it (``> /dev/full``); what is left unwritten is
            dropped, so that the interpreter's last flush at exit does not fail again.
    """
    binary = getattr(sys.stdout, "buffer", None)
    try:
        if binary is None:
            sys.stdout.write(b"".join(chunks).decode("utf-8"))
            return
        sys.stdout.flush()
        for chunk in chunks:
            binary.write(chunk)
        binary.flush()
    except OSError as exc:
        _drop_stdout()
        raise OutputError(f"无法写出到标准输出（{exc.strerror or exc}）") from None


def _drop_stdout() -> None:
    """Point standard output at the null device: the buffered bytes that failed go nowhere."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, AttributeError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
