"""``docparse convert INPUT... --out DIR``: many reports at once, in parallel, resumable."""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, describe
from .common import add_format_option, add_limit_options, report_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "convert", help="批量转换（多进程或 Dask 集群）",
        description="把大量报告转换为 JSON、JSON Lines、Parquet、CSV、Markdown 或检索分块。"
                    "输入可以是文件、目录（其中所有 .txt、.md、.html、.docx、.doc、.pdf、.ofd，"
                    "扩展名不分大小写）或通配符；坏文件记入 DIR/errors.csv，其余照常转换。")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="文件、目录或通配符（如 'data/**/*.txt'）")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="输出目录（同一时间只允许一个 convert 写入；上次中断留下的临时文件会被清除）")
    parser.add_argument("--format", default="json",
                        choices=("json", "jsonl", "parquet", "csv", "markdown", "chunks"),
                        help="json：每个输入一个文件；jsonl：DIR/documents.jsonl；"
                             "parquet：documents/sections/claims/metrics/enumerations/diagnostics 六张表"
                             "（需 docparse-cn[parquet]）；csv：同样六张表的 CSV（UTF-8 带 BOM）；"
                             "markdown：每个输入一个 .md 文件；chunks：每个输入一个 .chunks.jsonl 文本块文件"
                             "（每块至多 500 字）")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="并行进程数（默认 1）")
    parser.add_argument("--resume", action="store_true", help="跳过输出已存在且输入内容未变的文件")
    parser.add_argument("--encoding", help="强制使用的编码（默认自动识别）")
    add_format_option(parser)
    add_limit_options(parser)
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="跟随输入目录和通配符中的符号链接（默认不跟随：来历不明的压缩包可能链接到私密文件）")
    dask = parser.add_argument_group("Dask 集群（调度器可在本机和各节点上执行代码，只连接可信的调度器）")
    dask.add_argument("--scheduler", metavar="tcp://HOST:8786",
                      help="在 Dask 集群上运行（需 docparse-cn[dask]；json 输出目录须为各节点共享的路径）")
    dask.add_argument("--tls-ca-file", metavar="PEM", help="TLS：信任的 CA 证书（连接 tls://HOST:8786）")
    dask.add_argument("--tls-cert", metavar="PEM", help="TLS：客户端证书")
    dask.add_argument("--tls-key", metavar="PEM", help="TLS：客户端私钥（若不在证书文件中）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..batch import convert
    from ..batch.executors import tls_security

    if args.jobs < 1:
        print("docparse: --jobs 至少为 1", file=sys.stderr)
        return EXIT_USAGE
    tls = (args.tls_ca_file, args.tls_cert, args.tls_key)
    if any(tls) and args.scheduler is None:
        print("docparse: --tls-ca-file、--tls-cert、--tls-key 只用于 --scheduler", file=sys.stderr)
        return EXIT_USAGE
    summary = convert(args.inputs, args.out, format=args.format, jobs=args.jobs, resume=args.resume,
                      encoding=args.encoding, input_format=args.format_in, scheduler=args.scheduler,
                      progress=sys.stderr if sys.stderr.isatty() else None,
                      max_chars=args.max_size, max_depth=args.max_depth, follow_symlinks=args.follow_symlinks,
                      security=tls_security(*tls) if any(tls) else None)
    if summary.errors_file_error is not None:  # the errors are shown here, since no file holds them
        for path, code, message in summary.failures:
            print(f"docparse: {describe(code, message, path)}", file=sys.stderr)
        report_error(summary.errors_file_error)
    print(f"docparse: {summary.line()}", file=sys.stderr)
    if summary.internal:
        return EXIT_INTERNAL
    return EXIT_INPUT if summary.errors or summary.errors_file_error else EXIT_OK
