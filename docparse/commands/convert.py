"""``docparse convert INPUT... --out DIR``: many reports at once, in parallel, resumable."""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, DocparseError
from .common import report_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "convert", help="批量转换（多进程或 Dask 集群）",
        description="把大量报告转换为 JSON、JSON Lines 或 Parquet 表。输入可以是文件、目录（其中所有 .txt）"
                    "或通配符；坏文件记入 DIR/errors.csv，其余照常转换。")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="文件、目录或通配符（如 'data/**/*.txt'）")
    parser.add_argument("--out", required=True, metavar="DIR", help="输出目录")
    parser.add_argument("--format", choices=("json", "jsonl", "parquet"), default="json",
                        help="json：每个输入一个文件；jsonl：DIR/documents.jsonl；"
                             "parquet：documents/sections/claims/metrics 四张表（需 docparse[parquet]）")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="并行进程数（默认 1）")
    parser.add_argument("--resume", action="store_true", help="跳过输出已存在且输入内容未变的文件")
    parser.add_argument("--scheduler", metavar="tcp://HOST:8786",
                        help="在 Dask 集群上运行（需 docparse[dask]；json 输出目录须为各节点共享的路径）")
    parser.add_argument("--encoding", help="强制使用的编码（默认自动识别）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..batch import convert

    if args.jobs < 1:
        print("docparse: --jobs 至少为 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = convert(args.inputs, args.out, format=args.format, jobs=args.jobs, resume=args.resume,
                          encoding=args.encoding, scheduler=args.scheduler,
                          progress=sys.stderr if sys.stderr.isatty() else None)
    except DocparseError as error:
        report_error(error)
        return EXIT_INPUT
    except OSError as exc:
        print(f"docparse: 无法写出到 {args.out}（{exc.strerror or exc}）", file=sys.stderr)
        return EXIT_INPUT
    print(f"docparse: {summary.line()}", file=sys.stderr)
    if summary.internal:
        return EXIT_INTERNAL
    return EXIT_INPUT if summary.errors else EXIT_OK
