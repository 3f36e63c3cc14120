"""The ``docparse`` command: one module per subcommand under docparse/commands/; exit codes are
defined in docparse/errors.py (``EXIT_*``) and documented in the README."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from importlib import import_module

from .errors import EXIT_INTERNAL, EXIT_USAGE, DocparseError

COMMANDS = ("parse", "outline", "schema", "metrics", "validate", "chunks", "convert", "view", "serve")
"""Subcommand modules in docparse/commands/, each with ``register(subparsers)`` and ``run(args)``;
tests/test_packaging.py checks that an installed wheel carries every one of them."""


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="docparse", description="把中文政府报告、公文和法规解析为带源位置的结构化数据（JSON）。")
    parser.add_argument("--version", action="version", version=f"docparse {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f".commands.{name}", __package__).register(subparsers)
    return parser


def run() -> int:
    """The ``docparse`` executable (the console script and ``python -m docparse``): :func:`main`,
    then a quicker exit (:func:`docparse.collector.before_exit`). Callers of :func:`main` in a
    process that goes on, such as tests, keep their collector and their signal handlers as they
    were (with SIGPIPE's default, a write to a closed socket would end such a process)."""
    from .collector import before_exit

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `docparse parse … | head` ends quietly
    code = main()
    before_exit()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (``python -m docparse`` and the script exit with it)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace" if stream is sys.stderr else None)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except DocparseError as error:  # one that stops the whole command (an unusable option, the output)
        print(f"docparse: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("docparse: 已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: never a traceback
        print(f"docparse: DP999 内部错误（{type(exc).__name__}: {exc}），请附上输入文件报告此问题",
              file=sys.stderr)
        return EXIT_INTERNAL
