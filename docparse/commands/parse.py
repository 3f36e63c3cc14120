"""``docparse parse FILE...``: the Document of each file as JSON (one object, or JSON Lines)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .common import add_input_options, write_each

if TYPE_CHECKING:
    from ..models import Document


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("parse", help="解析为 JSON", description="把报告解析为 JSON 文档树。")
    add_input_options(parser)
    parser.add_argument("--indent", type=int, default=2,
                        help="JSON 缩进（0 表示紧凑；多个文件时默认每行一个）")
    parser.add_argument("--no-text", action="store_true", help="输出中不含全文 text 字段（跨度仍指向原文）")
    parser.add_argument("--format", choices=("json", "markdown"), default="json",
                        help="json：文档树（默认）；"
                             "markdown：标题、章节、段落和表格的 Markdown（不含页面杂项）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..renderers.base import Renderer
    from ..renderers.document import DocumentJson
    from ..renderers.markdown import DocumentMarkdown

    several = len(args.files) > 1
    renderer: Renderer[Document] = (
        DocumentMarkdown() if args.format == "markdown" else
        DocumentJson(indent=None if several or args.indent <= 0 else args.indent,
                     exclude=frozenset({"text"}) if args.no_text else None, consume=True))
    return write_each(args, lambda _, doc: renderer.chunks(doc))
