"""``docparse outline FILE...``: the heading tree with line numbers (``--json``: one object per heading)."""

from __future__ import annotations

import argparse

from .common import add_input_options, write_each


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("outline", help="显示标题层级", description="显示标题树及其行号。")
    add_input_options(parser)
    parser.add_argument("--json", action="store_true", help="每个标题输出一行 JSON 对象")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..renderers.outline import RENDERERS

    renderer = RENDERERS["jsonl" if args.json else "text"]
    return write_each(args, lambda name, doc: renderer.chunks((name, doc)))
