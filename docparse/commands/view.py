"""``docparse view FILE... -o report.html``: parsed documents as one self-contained HTML page;
``docparse view DIR -o index.html``: an index page with each document's counts, and a page per
document beside it."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import EXIT_INPUT, EXIT_OK, DocparseError, path_text
from .common import add_input_options, documents, load, report_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "view", help="生成可在浏览器中查看的 HTML 页面",
        description="把报告生成一个独立的 HTML 页面（不访问网络）：目录树、正文与标题、指标高亮"
                    "（悬停显示数值、单位、限定和时期）、检查发现（级别、建议、规则链接）、表格，"
                    "版面杂项淡色显示。输入为目录时生成索引页（每份文档的统计），每份文档一页，放在索引页旁。")
    add_input_options(parser)
    parser.add_argument("-o", "--output", required=True, metavar="HTML",
                        help="输出的 HTML 文件（输入为目录时是索引页）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..renderers.view import render_page

    if any(os.path.isdir(name) for name in args.files):
        return _index(args)
    parsed = []
    status = EXIT_OK
    for _, result in documents(args):
        if isinstance(result, DocparseError):
            report_error(result)
            status = EXIT_INPUT
        else:
            parsed.append(result)
    if parsed:
        _write(args.output, render_page(parsed))
    return status


def _index(args: argparse.Namespace) -> int:
    from ..batch.inputs import expand, output_names
    from ..renderers.view import IndexEntry, render_index, render_page

    pairs, _ = expand(args.files)
    folder = os.path.dirname(os.path.abspath(args.output))
    names = output_names(pairs, ".html")
    index_name = os.path.basename(args.output)
    entries = []
    status = EXIT_OK
    for (path, _), name in zip(pairs, names, strict=True):
        if name == index_name:
            name = f"_{name}"  # an input named like the index keeps its own page
        try:
            doc = load(path, args)
        except DocparseError as error:
            report_error(error)
            status = EXIT_INPUT
            entries.append(IndexEntry(path_text(path), None, None, f"{error.code} {error.message}"))
            continue
        target = os.path.join(folder, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        _write(target, render_page([doc]))
        entries.append(IndexEntry(path_text(path), name.replace(os.sep, "/"), doc))
    _write(args.output, render_index(entries))
    return status


def _write(path: str, html: str) -> None:
    from pathlib import Path

    from ..files import output_error, write_atomic

    try:
        write_atomic(Path(path), html)
    except OSError as exc:
        raise output_error(path, exc) from None
    print(f"docparse: 已写出 {path}", file=sys.stderr)
