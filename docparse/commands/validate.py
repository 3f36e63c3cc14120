"""``docparse validate FILE...``: findings as compiler-style lines, JSON or SARIF 2.1.0 for CI
(the formats: docparse/renderers/findings.py).

Exit status: 0 when no error-severity finding, 1 when any (warnings never fail a run), 3 when an
input could not be read (the other files are still checked and reported).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_USAGE, DocparseError, InputError, path_text
from ..renderers.findings import RENDERERS, Findings
from .common import add_input_options, documents, report_error, write_stdout

if TYPE_CHECKING:
    from ..models import Diagnostic, Document

_ORDER = {"info": 0, "warning": 1, "error": 2}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="检查结构与格式",
        description="检查报告、公文的标题层级、序号、列举、发文字号、日期等，按报告类型检查必备部分。"
                    "发现 error 时退出码为 1。")
    add_input_options(parser)
    parser.add_argument("--profile", default="auto", type=_profile_name, metavar="PROFILE",
                        help="检查配置：auto（按标题识别，默认）、gongwen（通用公文）、"
                             "fzzf/fazhi_annual（法治政府建设年度报告）、gzbg/gov_work_report（政府工作报告）")
    parser.add_argument("--format", default="text", choices=tuple(RENDERERS),
                        help="输出格式：text（path:line:col: 代码 级别: 说明），json，sarif（SARIF 2.1.0）")
    parser.add_argument("--min-severity", default="warning", choices=("info", "warning", "error"),
                        help="只输出不低于此级别的结果（默认 warning；info 为提示）")
    parser.add_argument("--annotate", metavar="OUT.docx",
                        help="把显示的每条结果作为 Word 批注写入 OUT.docx"
                             "（输入须为一个 .docx 文件，原文不变）")
    parser.set_defaults(run=run)


def _profile_name(value: str) -> str:
    """``--profile``'s check (a usage error, exit 2), importing the profiles only when a command runs."""
    from ..validate.profiles import names

    if value not in names():
        raise argparse.ArgumentTypeError(f"未知的检查配置“{value}”，可选：{'、'.join(names())}")
    return value


def run(args: argparse.Namespace) -> int:
    from ..validate import validate
    from ..validate.profiles import resolve

    reports: list[Findings] = []
    status = EXIT_OK
    if args.annotate is not None and (len(args.files) != 1 or args.files == ["-"]):
        print("docparse: --annotate 只用于一个 .docx 文件（不能是标准输入）", file=sys.stderr)
        return EXIT_USAGE
    for name, result in documents(args):
        if isinstance(result, DocparseError):
            report_error(result)
            reports.append(Findings(name, error=str(result)))
            status = EXIT_INPUT
            continue
        if args.annotate is not None and result.source.format != "docx":
            print(f"docparse: --annotate 只能批注 .docx 文件，{name} 是 {result.source.format} 格式"
                  "（可先另存为 .docx）", file=sys.stderr)
            return EXIT_USAGE
        profile = resolve(result, args.profile)
        found = validate(result, profile)
        if any(d.severity == "error" for d in found) and status == EXIT_OK:
            status = EXIT_FINDINGS
        shown = [d for d in found if _ORDER[d.severity] >= _ORDER[args.min_severity]]
        reports.append(Findings(name, profile.name, result, shown, hidden=len(found) - len(shown)))
    write_stdout(RENDERERS[args.format].chunks(reports))
    if args.format == "text":
        _summary(reports)
    annotated = reports[0].document if args.annotate is not None and reports else None
    if annotated is not None:
        return _annotate(args.files[0], annotated, reports[0].diagnostics, args.annotate) or status
    return status


def _annotate(name: str, document: Document, findings: Sequence[Diagnostic], out: str) -> int:
    """``--annotate OUT``: the findings shown, as comments in a copy of the .docx ``name``; an
    exit code when it could not be written."""
    from ..files import output_error, read_bytes, write_atomic
    from ..renderers.annotate import annotate_docx, comments_for

    try:
        data = read_bytes(name)
        if hashlib.sha256(data).hexdigest() != document.source.sha256:
            raise InputError("文件在检查期间被改动，未写批注", path=path_text(name))
        write_atomic(Path(out), annotate_docx(data, comments_for(document, findings), path=path_text(name)))
    except DocparseError as error:
        report_error(error)
        return EXIT_INPUT
    except OSError as exc:
        report_error(output_error(out, exc))
        return EXIT_INPUT
    print(f"docparse: 已把 {len(findings)} 条批注写入 {path_text(out)}", file=sys.stderr)
    return EXIT_OK


def _summary(reports: list[Findings]) -> None:
    """The closing line of the text format, on stderr: files checked, findings by severity."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for diagnostic in report.diagnostics:
            counts[diagnostic.severity] += 1
    hidden = sum(report.hidden for report in reports)
    checked = sum(1 for r in reports if r.error is None)
    summary = (f"docparse validate: 检查 {checked} 个文件，{counts['error']} 个错误，"
               f"{counts['warning']} 个警告，{counts['info']} 条提示")
    if hidden:
        summary += f"（另有 {hidden} 条低于 --min-severity 未显示）"
    print(summary, file=sys.stderr)
