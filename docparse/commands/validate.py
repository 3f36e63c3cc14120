"""``docparse validate FILE...``: findings as compiler-style lines, JSON or SARIF 2.1.0 for CI
(the formats: docparse/renderers/findings.py); ``--fix`` makes the mechanical fixes
(docparse/validate/fixes.py) and reports on the fixed text; ``--explain CODE`` prints a code's rule;
``--annotate OUT.docx`` writes the findings into a copy of a Word file as comments.

Exit status: 0 when no error-severity finding, 1 when any (warnings never fail a run), 2 for a
usage error, 3 when an input could not be read or fixed (the other files are still checked).
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    DocparseError,
    FixError,
    InputError,
    path_text,
)
from ..renderers.findings import RENDERERS, Findings
from .common import add_input_options, documents, load, report_error, write_stdout

if TYPE_CHECKING:
    from ..models import Diagnostic, Document

_ORDER = {"info": 0, "warning": 1, "error": 2}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="检查结构与格式",
        description="检查报告、公文的标题层级、序号、列举、发文字号、日期等，按报告类型检查必备部分。"
                    "发现 error 时退出码为 1。")
    add_input_options(parser, files_required=False)
    parser.add_argument("--profile", default="auto", type=_profile_name, metavar="PROFILE",
                        help="检查配置：auto（按标题识别，默认）、gongwen（通用公文）、"
                             "fzzf/fazhi_annual（法治政府建设年度报告）、gzbg/gov_work_report（政府工作报告）")
    parser.add_argument("--format", default="text", choices=tuple(RENDERERS),
                        help="输出格式：text（path:line:col: 代码 级别: 说明），json，sarif（SARIF 2.1.0）")
    parser.add_argument("--min-severity", default="warning", choices=("info", "warning", "error"),
                        help="只输出不低于此级别的结果（默认 warning；info 为提示）")
    parser.add_argument("--fix", action="store_true",
                        help="修正可机械修正的问题（发文字号年份括号、序号中的半角括号和标点、成文日期中的"
                             "全角数字），其余文字一字不改；写入 -o 指定的文件或原文件（--in-place），"
                             "再检查修正后的文件")
    parser.add_argument("-o", "--output", metavar="FILE", help="--fix 的输出文件（只能有一个输入文件）")
    parser.add_argument("--in-place", action="store_true", help="--fix 直接改写输入文件")
    parser.add_argument("--explain", metavar="CODE",
                        help="显示某个诊断代码的规则、依据、示例和修改方法，如 DP205")
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

    if args.explain is not None:
        return _explain(args.explain)
    usage = _usage_problem(args)
    if usage:
        print(f"docparse validate: {usage}", file=sys.stderr)
        return EXIT_USAGE
    reports: list[Findings] = []
    status = EXIT_OK
    for given, (name, read) in zip(args.files, documents(args), strict=True):
        result = read
        if args.fix and not isinstance(read, DocparseError):
            try:
                name, result = _fix(given, read, args)
            except DocparseError as error:
                result = error
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


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options, in Chinese, or ``None``."""
    if not args.files:
        return "请给出要检查的文件（或用 --explain 代码 查看说明）"
    if args.annotate is not None and (len(args.files) != 1 or args.files == ["-"]):
        return "--annotate 只用于一个 .docx 文件（不能是标准输入）"
    if args.annotate is not None and args.fix:
        return "--annotate 与 --fix 不能同时使用"
    if (args.output or args.in_place) and not args.fix:
        return "-o 和 --in-place 只用于 --fix"
    if args.fix and bool(args.output) == bool(args.in_place):
        return "--fix 需要 -o 输出文件或 --in-place 二者之一"
    if args.output and len(args.files) != 1:
        return "-o 只能用于一个输入文件；多个文件请用 --in-place"
    return None


def _explain(code: str) -> int:
    """Print a code's rule, source, example and fix (the section of docs/diagnostics.md)."""
    from ..validate.registry import CODES, explain

    code = code.strip().upper()
    if code not in CODES:
        print(f"docparse validate: 没有诊断代码“{code}”（全部代码见 docs/diagnostics.md）", file=sys.stderr)
        return EXIT_USAGE
    print(f"{code} {explain(code)}", end="")
    return EXIT_OK


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
"""Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one), and the codec of
the bytes after each: the mark is kept as it was."""


def _fix(given: str, doc: Document, args: argparse.Namespace) -> tuple[str, Document]:
    """Make the mechanical fixes of ``doc``, write the file (``-o`` or in place, atomically), and
    return the name and the document of the fixed file. The bytes are those of the input but for
    the characters replaced: same encoding, byte-order mark and line ends.

    Raises:
        FixError: the input is standard input, or its text is not its bytes decoded (a Word or
            PDF file converted, a garbled file restored).
    """
    from ..files import write_atomic
    from ..normalize import normalize_newlines
    from ..validate.fixes import apply, fixes

    if given == "-":
        raise FixError("--fix 不能用于标准输入", path="<stdin>")
    name, path = path_text(given), Path(given)
    data = path.read_bytes()
    bom, codec = next(((mark, codec) for mark, codec in _BOMS if data.startswith(mark)),
                      (b"", doc.source.encoding))
    try:
        text = data[len(bom):].decode(codec)
    except (UnicodeDecodeError, LookupError):
        text = None
    if text is None or normalize_newlines(text)[0] != doc.text:
        raise FixError("只能修正按原样读取的文本文件（由 Word、PDF 等转换而来的，或读取时还原过乱码的，"
                       "不能修正）", path=name)
    chosen = fixes(doc)
    target = Path(args.output) if args.output else path
    if chosen or args.output:
        write_atomic(target, bom + apply(text, chosen).encode(codec))
    counts = Counter(fix.code for fix in chosen)
    done = "、".join(f"{code} {n}处" for code, n in sorted(counts.items())) or "无可机械修正之处"
    print(f"docparse validate: {name}：修正 {len(chosen)} 处（{done}）→ {path_text(str(target))}",
          file=sys.stderr)
    return path_text(str(target)), load(str(target), args)
