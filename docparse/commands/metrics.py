"""``docparse metrics FILE... [--format csv|json|jsonl] [-o OUT]``: one row per metric, for pandas or Excel.

CSV is written as UTF-8 with a BOM so that Excel shows the Chinese; every format has the same columns.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_INPUT, EXIT_OK, DocparseError
from ..files import output_error, write_atomic
from .common import add_input_options, documents, report_error

if TYPE_CHECKING:
    from ..models import Document

COLUMNS = ("doc_id", "section_path", "section_role", "label", "value", "unit", "qualifier", "measure",
           "baseline", "period", "raw", "line", "start", "end",
           "value_high", "direction", "subject", "is_target", "breakdown", "group", "claim_id", "metric_id")
"""The issue's columns first (document … end), then the rest of each metric."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "metrics", help="导出报告中的数量指标（CSV/JSON/JSONL）",
        description="每个指标一行：文档、章节路径、章节作用、名称、数值、单位、限定、水平或变化、基期、时期、原文、位置。")
    add_input_options(parser)
    parser.add_argument("--format", choices=("csv", "json", "jsonl"), default="csv",
                        help="输出格式（默认 csv，带 BOM 以便 Excel 正确显示中文）")
    parser.add_argument("-o", "--output", metavar="PATH", help="写入文件（默认标准输出）")
    parser.set_defaults(run=run)


def metric_rows(doc: Document, name: str) -> Iterator[dict[str, object]]:
    """One flat row per metric, in text order; ``section_role`` is the role of the claim that cites it."""
    for _, claim in doc.claims():
        for metric in claim.metrics:
            value: object = int(metric.value) if metric.value.is_integer() else metric.value
            high: object = metric.value_high
            if isinstance(high, float) and high.is_integer():
                high = int(high)
            yield {
                "doc_id": name, "section_path": metric.path, "section_role": claim.role,
                "label": metric.label, "value": value, "unit": metric.unit, "qualifier": metric.qualifier,
                "measure": metric.measure, "baseline": metric.baseline, "period": metric.period,
                "raw": metric.raw,
                "line": metric.span.line, "start": metric.span.start, "end": metric.span.end,
                "value_high": high, "direction": metric.direction, "subject": metric.subject,
                "is_target": metric.is_target, "breakdown": metric.breakdown, "group": metric.group,
                "claim_id": metric.claim_id, "metric_id": metric.id,
            }


def render(rows: list[dict[str, object]], fmt: str) -> str:
    """The rows in the chosen format (CSV starts with a BOM)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return "\ufeff" + buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    rows: list[dict[str, object]] = []
    for name, result in documents(args.files, args.encoding):
        if isinstance(result, DocparseError):
            report_error(result)
            status = EXIT_INPUT
            continue
        rows.extend(metric_rows(result, name))
    data = render(rows, args.format)
    if args.output:
        try:
            write_atomic(Path(args.output), data)
        except OSError as exc:
            report_error(output_error(args.output, exc))
            return EXIT_INPUT
    else:
        sys.stdout.write(data)
    return status
