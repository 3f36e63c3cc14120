"""``docparse outline FILE...``: the heading tree with line numbers (``--json``: one object per heading)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..errors import EXIT_INPUT, EXIT_OK, DocparseError
from .common import add_input_options, documents, report_error

if TYPE_CHECKING:
    from ..models import Document


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("outline", help="显示标题层级", description="显示标题树及其行号。")
    add_input_options(parser)
    parser.add_argument("--json", action="store_true", help="每个标题输出一行 JSON 对象")
    parser.set_defaults(run=run)


def outline_rows(doc: Document) -> list[dict[str, object]]:
    """One row per heading: line, column, level, marker, ordinal, title, path."""
    return [
        {"line": s.heading_span.line, "column": s.heading_span.column, "level": s.level,
         "marker": s.marker.raw, "style": s.marker.style, "ordinal": s.marker.ordinal,
         "recovered": s.marker.recovered, "title": s.title, "path": s.path, "role": s.role}
        for s in doc.walk()
    ]


def render(doc: Document, name: str) -> str:
    """Plain-text outline: the title, then one indented line per heading."""
    lines = [f"{name}: {doc.title.text if doc.title else '（无标题）'}"]
    for row in outline_rows(doc):
        marker = row["marker"] or "（缺序号）"
        lines.append(f"{row['line']:>5}  {'  ' * (int(str(row['level'])) - 1)}{marker}{row['title']}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name, result in documents(args.files, args.encoding):
        if isinstance(result, DocparseError):
            report_error(result)
            status = EXIT_INPUT
            continue
        if args.json:
            for row in outline_rows(result):
                sys.stdout.write(json.dumps({"file": name, **row}, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(render(result, name))
    return status
