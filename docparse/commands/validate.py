"""``docparse validate FILE...``: findings as compiler-style lines, JSON or SARIF 2.1.0 for CI.

Exit status: 0 when no error-severity finding, 1 when any (warnings never fail a run), 3 when an
input could not be read (the other files are still checked and reported).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, DocparseError
from .common import add_input_options, documents, report_error

if TYPE_CHECKING:
    from ..models import Diagnostic, Document

_ORDER = {"info": 0, "warning": 1, "error": 2}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
DOCS = "docs/diagnostics.md"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="检查结构与格式",
        description="检查报告、公文的标题层级、序号、列举、发文字号、日期等，按报告类型检查必备部分。"
                    "发现 error 时退出码为 1。")
    add_input_options(parser)
    parser.add_argument("--profile", default="auto", type=_profile_name, metavar="PROFILE",
                        help="检查配置：auto（按标题识别，默认）、gongwen（通用公文）、"
                             "fzzf/fazhi_annual（法治政府建设年度报告）、gzbg/gov_work_report（政府工作报告）")
    parser.add_argument("--format", default="text", choices=("text", "json", "sarif"),
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

    reports: list[dict[str, Any]] = []
    status = EXIT_OK
    for name, result in documents(args.files, args.encoding):
        if isinstance(result, DocparseError):
            report_error(result)
            reports.append({"path": name, "error": str(result)})
            status = EXIT_INPUT
            continue
        profile = resolve(result, args.profile)
        found = validate(result, profile)
        if any(d.severity == "error" for d in found) and status == EXIT_OK:
            status = EXIT_FINDINGS
        shown = [d for d in found if _ORDER[d.severity] >= _ORDER[args.min_severity]]
        reports.append({"path": name, "profile": profile.name, "document": result, "diagnostics": shown,
                        "hidden": len(found) - len(shown)})
    if args.format == "json":
        sys.stdout.write(json.dumps(_json(reports), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "sarif":
        sys.stdout.write(json.dumps(sarif(reports), ensure_ascii=False, indent=2) + "\n")
    else:
        _text(reports)
    return status


def text_line(path: str, diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE severity: message`` — the form editors and CI log parsers jump to."""
    where = f"{path}:{diagnostic.span.line}:{diagnostic.span.column}:" if diagnostic.span else f"{path}:"
    return f"{where} {diagnostic.code} {diagnostic.severity}: {diagnostic.message}"


def _text(reports: list[dict[str, Any]]) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    hidden = 0
    for report in reports:
        for diagnostic in report.get("diagnostics", []):
            sys.stdout.write(text_line(report["path"], diagnostic) + "\n")
            counts[diagnostic.severity] += 1
        hidden += report.get("hidden", 0)
    checked = sum(1 for r in reports if "error" not in r)
    summary = (f"docparse validate: 检查 {checked} 个文件，{counts['error']} 个错误，"
               f"{counts['warning']} 个警告，{counts['info']} 条提示")
    if hidden:
        summary += f"（另有 {hidden} 条低于 --min-severity 未显示）"
    print(summary, file=sys.stderr)


def _json(reports: list[dict[str, Any]]) -> dict[str, Any]:
    files = []
    for report in reports:
        if "error" in report:
            files.append({"path": report["path"], "error": report["error"]})
            continue
        files.append({"path": report["path"], "profile": report["profile"],
                      "diagnostics": [d.model_dump(mode="json") for d in report["diagnostics"]]})
    return {"tool": "docparse", "version": __version__, "files": files}


def _uri(path: str) -> str:
    """A relative path stays relative (CI maps it to the repository); an absolute one becomes file://."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix(), safe="/")


def sarif(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """A SARIF 2.1.0 log: one run, the rules that fired, one result per finding, bad files as notes."""
    from ..validate.registry import CODES

    used = sorted({d.code for r in reports for d in r.get("diagnostics", [])})
    rules = [{"id": code, "name": code, "shortDescription": {"text": CODES[code].summary},
              "help": {"text": f"见 {DOCS} 的 {code} 一节"},
              "defaultConfiguration": {"level": _SARIF_LEVEL[CODES[code].severity]}} for code in used]
    index = {code: i for i, code in enumerate(used)}
    results = [_sarif_result(report["path"], report["document"], d, index[d.code])
               for report in reports for d in report.get("diagnostics", [])]
    notifications = [{"level": "error", "message": {"text": r["error"]},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r["path"])}}}]}
                     for r in reports if "error" in r]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "docparse", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }


def _sarif_result(path: str, doc: Document, d: Diagnostic, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    if d.span:
        location["region"] = {"startLine": d.span.line, "startColumn": d.span.column,
                              "endLine": d.span.end_line, "endColumn": d.span.end_column,
                              "snippet": {"text": doc.text[d.span.start:d.span.end]}}
    result: dict[str, Any] = {"ruleId": d.code, "ruleIndex": rule_index, "level": _SARIF_LEVEL[d.severity],
                              "message": {"text": d.message + (f"（{d.hint}）" if d.hint else "")},
                              "locations": [{"physicalLocation": location}]}
    return result
