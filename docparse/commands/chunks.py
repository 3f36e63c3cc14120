"""``docparse chunks FILE...``: chunks for retrieval (RAG) as JSON Lines, one chunk a line."""

from __future__ import annotations

import argparse

from ..errors import EXIT_USAGE
from .common import add_input_options, write_each


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "chunks", help="切分为检索用文本块（JSON Lines）",
        description="把报告切分为不跨章节的文本块，每块带标题路径和文档元数据（每行一个 JSON 对象）。")
    add_input_options(parser)
    parser.add_argument("--max-chars", type=int, default=500, metavar="N", help="每块最多字符数（默认 500）")
    parser.add_argument("--overlap", type=int, default=0, metavar="N",
                        help="与上一块重叠的字符数（按整句计，默认 0）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from ..renderers.chunks import ChunksJsonLines

    if args.max_chars < 1 or not 0 <= args.overlap < args.max_chars:
        print("docparse: --max-chars 至少为 1，--overlap 应不小于 0 且小于 --max-chars", file=sys.stderr)
        return EXIT_USAGE
    renderer = ChunksJsonLines(max_chars=args.max_chars, overlap=args.overlap)
    return write_each(args, lambda _, doc: renderer.chunks(doc))
