"""``docparse metrics FILE... [--format csv|json|jsonl] [-o OUT]``: one row per metric, for pandas or Excel
(the rows and their formats: docparse/renderers/metrics.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import EXIT_INPUT, EXIT_OK, DocparseError
from ..files import output_error, write_atomic
from ..renderers.metrics import RENDERERS, Row, metric_rows
from .common import add_input_options, documents, report_error, write_stdout


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "metrics", help="导出报告中的数量指标（CSV/JSON/JSONL）",
        description="每个指标一行：文档、章节路径、章节作用、名称、数值、单位、限定、水平或变化、基期、时期、原文、位置。")
    add_input_options(parser)
    parser.add_argument("--format", choices=tuple(RENDERERS), default="csv",
                        help="输出格式（默认 csv，带 BOM 以便 Excel 正确显示中文）")
    parser.add_argument("-o", "--output", metavar="PATH", help="写入文件（默认标准输出）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    rows: list[Row] = []
    for name, result in documents(args):
        if isinstance(result, DocparseError):
            report_error(result)
            status = EXIT_INPUT
            continue
        rows.extend(metric_rows(result, name))
    chunks = RENDERERS[args.format].chunks(rows)
    if not args.output:
        write_stdout(chunks)
        return status
    try:
        write_atomic(Path(args.output), chunks)
    except OSError as exc:
        raise output_error(args.output, exc) from None
    return status
