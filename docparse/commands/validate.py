"""``docparse validate FILE...``: findings as compiler-style lines, JSON or SARIF 2.1.0 for CI
(the formats: docparse/renderers/findings.py).

Exit status: 0 when no error-severity finding, 1 when any (warnings never fail a run), 3 when an
input could not be read (the other files are still checked and reported).
"""

from __future__ import annotations

import argparse
import sys

from ..errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, DocparseError
from ..renderers.findings import RENDERERS, Findings
from .common import add_input_options, documents, report_error, write_stdout

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
    for name, result in documents(args):
        if isinstance(result, DocparseError):
            report_error(result)
            reports.append(Findings(name, error=str(result)))
            status = EXIT_INPUT
            continue
        profile = resolve(result, args.profile)
        found = validate(result, profile)
        if any(d.severity == "error" for d in found) and status == EXIT_OK:
            status = EXIT_FINDINGS
        shown = [d for d in found if _ORDER[d.severity] >= _ORDER[args.min_severity]]
        reports.append(Findings(name, profile.name, result, shown, hidden=len(found) - len(shown)))
    write_stdout(RENDERERS[args.format].chunks(reports))
    if args.format == "text":
        _summary(reports)
    return status


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
