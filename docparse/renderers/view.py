"""Parsed documents as one self-contained HTML page, for people to look at (``docparse view``).

The page makes no network request: its styles and its script are inline, and it links to nothing
it loads. For each document: the outline as a navigation tree; the text in source order with the
headings as headings (as written); each metric marked, its value, unit, qualifier and period shown on hover;
each finding of :func:`docparse.validate` after the block it is about, with its severity, hint and
a link to its rule in docs/diagnostics.md; tables as tables; furniture (banners, page numbers,
footers …) faded, and hidden by a switch. Any stretch of the text that no part of the tree holds
(a table of contents, a metadata line) is shown as it is, faded, so the page shows the whole text.
:class:`IndexView` is the page over many documents (``docparse view DIR``): each with its counts.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, NamedTuple

from .base import Renderer
from .findings import DOCS

if TYPE_CHECKING:
    from ..models import Diagnostic, Document, Metric, Paragraph, Section

_STYLE = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
 sans-serif;color:#1d1d1f;background:#fafafa}
nav{position:fixed;top:0;left:0;bottom:0;width:19rem;overflow:auto;padding:1rem;background:#f0f2f5;
 border-right:1px solid #d8dce2;font-size:14px}
nav ul{list-style:none;margin:0;padding-left:1em}nav>ul{padding-left:0}
nav a{color:#1f4e8c;text-decoration:none;display:block;padding:1px 0}nav a:hover{text-decoration:underline}
nav .doc{font-weight:bold;margin-top:.6em}
main{margin-left:19rem;padding:1rem 2.5rem;max-width:60rem}
article{margin-bottom:3rem;padding-bottom:2rem;border-bottom:2px solid #ccc}
h1{font-size:1.6em;text-align:center}h2{font-size:1.3em}h3{font-size:1.15em}h4,h5,h6{font-size:1em}
h1,h2,h3,h4,h5,h6{scroll-margin-top:.5rem}
.line{color:#999;font-size:12px;margin-right:.6em;user-select:none}
.meta{font-size:13px;color:#555;border-collapse:collapse;margin:.5em 0}
.meta td{border:1px solid #ddd;padding:2px 8px}
.counts{font-size:13px;color:#555}
.subtitle,.byline{text-align:center;color:#444}
mark{background:#fff2a8;border-bottom:2px solid #e0b400;padding:0 1px;cursor:help}
mark.target{background:#d8f0ff;border-color:#3b8fd0}
.furniture,.other{color:#aaa;font-size:13px;white-space:pre-wrap}
body.hide-furniture .furniture{display:none}
.finding{margin:.3em 0 .8em;padding:.4em .8em;border-left:4px solid;font-size:13px;background:#fff}
.finding.error{border-color:#d93025;background:#fdecea}.finding.warning{border-color:#f29900;background:#fff6e5}
.finding.info{border-color:#1a73e8;background:#eaf2fd}
.finding .hint{color:#555}.finding .sev{font-weight:bold;margin-right:.4em}
table.data{border-collapse:collapse;margin:.6em 0}table.data td{border:1px solid #bbb;padding:2px 8px}
.closing{text-align:right}
.switch{font-size:13px;margin-bottom:1em;display:block}
table.index{border-collapse:collapse;width:100%}
table.index th,table.index td{border:1px solid #ccc;padding:3px 8px}
table.index td.n{text-align:right}
"""
_SCRIPT = """
document.getElementById('furniture-switch').addEventListener('change', function (event) {
  document.body.classList.toggle('hide-furniture', !event.target.checked);
});
"""
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
_QUALIFIER_NAMES = {"exact": "确切", "approx": "约", "lower_bound": "下限（以上、超过）",
                    "upper_bound": "上限（以下、不足）"}
"""Each :data:`docparse.models.Qualifier` in words."""


class _Block(NamedTuple):
    """A stretch of the text and its HTML."""

    start: int
    end: int
    html: str


@dataclass
class _Page:
    """One document's part of the page."""

    doc: Document
    key: str
    findings: list[Diagnostic] = field(default_factory=list)

    def anchor(self, section_id: str) -> str:
        return f"{self.key}-{section_id}"


def metric_tooltip(metric: Metric) -> str:
    """What hovering over a metric shows: value, unit, qualifier, period and the rest that is known.

    >>> import docparse
    >>> doc = docparse.parse("关于2022年度工作的报告\\n一、主要工作\\n全年开展培训约12次。")
    >>> metric_tooltip(next(doc.metrics()))
    '数值：12；单位：次；限定：约；时期：2022；名称：开展培训'
    """
    value = _number(metric.value)
    value += f"–{_number(metric.value_high)}" if metric.value_high is not None else ""
    parts = [f"数值：{value}"]
    parts += [f"单位：{metric.unit}"] if metric.unit else []
    parts += [f"限定：{_QUALIFIER_NAMES.get(metric.qualifier, metric.qualifier)}"]
    parts += [f"时期：{metric.period}"] if metric.period else []
    parts += [f"名称：{metric.label}"] if metric.label else []
    parts += [f"对比：{metric.baseline}"] if metric.baseline else []
    parts += ["目标值"] if metric.is_target else []
    return "；".join(parts)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def render_page(docs: Sequence[Document], title: str | None = None) -> str:
    """The page of ``docs`` (see the module docstring)."""
    from ..validate import validate

    pages = [_Page(doc, f"d{index}", validate(doc)) for index, doc in enumerate(docs, 1)]
    heading = title or (_doc_title(docs[0]) if len(docs) == 1 else f"{len(docs)} 份文档")
    nav = "".join(_nav(page) for page in pages)
    body = "".join(_article(page) for page in pages)
    return _frame(heading, f"<nav><ul>{nav}</ul></nav><main>{_switch()}{body}</main>", script=True)


def _frame(title: str, body: str, *, script: bool = False) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>{body}"
            + (f"<script>{_SCRIPT}</script>" if script else "") + "</body></html>\n")


def _switch() -> str:
    return ("<label class=\"switch\"><input type=\"checkbox\" id=\"furniture-switch\" checked> "
            "显示版面杂项（页眉、页码、导航等，淡色）</label>")


def _doc_title(doc: Document) -> str:
    return doc.title.text if doc.title else (doc.source.path or "未命名文档")


def _nav(page: _Page) -> str:
    doc = page.doc
    items = [f"<li class=\"doc\"><a href=\"#{page.key}\">{escape(_doc_title(doc))}</a>"]
    tree = _nav_sections(page, doc.sections)
    for attachment in doc.attachments:
        label = escape(" ".join(part for part in (attachment.label, attachment.title) if part))
        tree += (f"<li><a href=\"#{page.anchor(attachment.id)}\">{label}</a>"
                 f"{_nav_sections(page, attachment.sections)}</li>")
    items.append(f"<ul>{tree}</ul></li>" if tree else "</li>")
    return "".join(items)


def _nav_sections(page: _Page, sections: Sequence[Section]) -> str:
    if not sections:
        return ""
    entries = "".join(
        f"<li><a href=\"#{page.anchor(s.id)}\">{escape(_heading_text(s))}</a>"
        f"{_nav_sections(page, s.children)}</li>" for s in sections)
    return f"<ul>{entries}</ul>" if page else entries


def _heading_text(section: Section) -> str:
    return f"{section.marker.raw}{section.title}".strip()


def _article(page: _Page) -> str:
    doc = page.doc
    counts = (f"{sum(1 for _ in doc.walk())} 个章节 · {sum(1 for _ in doc.claims())} 个陈述句 · "
              f"{sum(1 for _ in doc.metrics())} 个指标 · " + " · ".join(
                  f"{sum(1 for f in page.findings if f.severity == s)} 个{name}"
                  for s, name in SEVERITY_NAMES.items()))
    source = escape(doc.source.path or "")
    header = (f"<article id=\"{page.key}\"><p class=\"counts\">{source}（{escape(doc.source.format)}）："
              f"{counts}</p>{_metadata_table(doc)}")
    blocks = _blocks(page)
    starts = [block.start for block in blocks]
    after: dict[int, list[Diagnostic]] = {}
    loose: list[Diagnostic] = []
    for finding in page.findings:
        if finding.span is None or not blocks:
            loose.append(finding)
            continue
        index = max(bisect.bisect_right(starts, finding.span.start) - 1, 0)
        after.setdefault(index, []).append(finding)
    parts = [header, *(_finding(f) for f in loose)]
    for index, block in enumerate(blocks):
        parts.append(block.html)
        parts += [_finding(f) for f in after.get(index, [])]
    parts.append("</article>")
    return "".join(parts)


def _metadata_table(doc: Document) -> str:
    meta = doc.metadata
    rows: list[tuple[str, object]] = [("文档类别", doc.doc_type), ("报告年度", doc.report_year)]
    if meta.fields:  # the metadata block as written
        rows += [(f.label, f.value) for f in meta.fields]
    else:
        rows += [("发文字号", meta.doc_number), ("发文机关", meta.issuer), ("成文日期", meta.written_date),
                 ("发布日期", meta.publish_date)]
    cells = "".join(f"<tr><td>{escape(label)}</td><td>{escape(str(value))}</td></tr>"
                    for label, value in rows if value not in (None, ""))
    return f"<table class=\"meta\">{cells}</table>" if cells else ""


def _finding(finding: Diagnostic) -> str:
    from ..validate.registry import CODES

    code = CODES.get(finding.code)
    rule = f" title=\"{escape(code.summary)}\"" if code else ""
    where = f"第 {finding.span.line} 行 · " if finding.span else ""
    hint = f"<div class=\"hint\">建议：{escape(finding.hint)}</div>" if finding.hint else ""
    return (f"<div class=\"finding {finding.severity}\" data-code=\"{finding.code}\">"
            f"<span class=\"sev\">{SEVERITY_NAMES.get(finding.severity, finding.severity)}</span>{where}"
            f"<a href=\"{DOCS}#{finding.code.lower()}\"{rule}>{finding.code}</a> {escape(finding.message)}"
            f"{hint}</div>")


def _blocks(page: _Page) -> list[_Block]:
    """Every part of the text in text order, each once; what no part holds, as it is."""
    doc = page.doc
    blocks = sorted(_parts(page), key=lambda block: (block.start, -block.end))
    kept: list[_Block] = []
    covered = 0
    for block in blocks:
        if block.start < covered:
            continue  # inside a block already shown (a heading's run-in text, a closing's date)
        if doc.text[covered:block.start].strip():
            kept.append(_Block(covered, block.start, _other(doc, covered, block.start)))
        kept.append(block)
        covered = max(covered, block.end)
    if doc.text[covered:].strip():
        kept.append(_Block(covered, len(doc.text), _other(doc, covered, len(doc.text))))
    return kept


def _parts(page: _Page) -> Iterator[_Block]:
    """The blocks of every part of the tree, in no order."""
    doc = page.doc
    if doc.title and doc.title.spans:
        spans = doc.title.spans
        yield _Block(spans[0].start, spans[-1].end, f"<h1>{escape(doc.title.text)}</h1>")
    for name, block in (("subtitle", doc.subtitle), ("byline", doc.byline), ("addressee", doc.addressee)):
        if block is not None:
            html = _lined(doc, block.span.start, escape(block.text))
            yield _Block(block.span.start, block.span.end, f"<p class=\"{name}\">{html}</p>")
    for item in doc.furniture:
        html = f"<div class=\"furniture\" data-category=\"{item.category}\">{escape(item.text)}</div>"
        yield _Block(item.span.start, item.span.end, html)
    for section in doc.walk():
        level = min(section.level + 1, 6)
        span = section.heading_span
        title_metrics = [metric for claim in section.claims for metric in claim.metrics]
        html = _lined(doc, span.start, _marked(doc, span.start, span.end, title_metrics, _one_line))
        yield _Block(span.start, span.end, f"<h{level} id=\"{page.anchor(section.id)}\">{html}</h{level}>")
    for attachment in doc.attachments:
        span = attachment.heading_span
        html = escape(_one_line(doc.text[span.start:span.end]))
        yield _Block(span.start, span.end, f"<h2 id=\"{page.anchor(attachment.id)}\">{html}</h2>")
    for _, paragraph in doc.paragraphs():
        yield _Block(paragraph.span.start, paragraph.span.end, _paragraph(doc, paragraph))
    if doc.closing is not None:
        span = doc.closing.span
        html = escape(doc.text[span.start:span.end]).replace("\n", "<br>")
        yield _Block(span.start, span.end, f"<div class=\"closing\">{html}</div>")


def _one_line(text: str) -> str:
    """A heading as written, its line breaks (a marker on a line of its own) taken out."""
    return "".join(line.strip() for line in text.splitlines())


def _other(doc: Document, start: int, end: int) -> str:
    return f"<div class=\"other\">{escape(doc.text[start:end].strip())}</div>"


def _lined(doc: Document, offset: int, html: str) -> str:
    line = doc.text.count("\n", 0, offset) + 1
    return f"<span class=\"line\">{line}</span>{html}"


def _paragraph(doc: Document, paragraph: Paragraph) -> str:
    if paragraph.table is not None:
        rows = "".join("<tr>" + "".join(f"<td>{escape(cell.text)}</td>" for cell in row) + "</tr>"
                       for row in paragraph.table.rows)
        return f"<table class=\"data\">{rows}</table>"
    metrics = [m for claim in [*paragraph.claims, *(c for i in paragraph.items for c in i.claims)]
               for m in claim.metrics]
    html = _marked(doc, paragraph.span.start, paragraph.span.end, metrics)
    return f"<p>{_lined(doc, paragraph.span.start, html)}</p>"


def _marked(doc: Document, start: int, end: int, metrics: list[Metric],
            clean: Callable[[str], str] = str) -> str:
    """``doc.text[start:end]`` as HTML with each of ``metrics`` inside it marked (its details on
    hover); ``clean`` applies to the text between the marks (a heading's line breaks taken out)."""
    parts: list[str] = []
    position = start
    for metric in sorted(metrics, key=lambda m: m.span.start):
        if metric.span.start < position or metric.span.end > end:
            continue
        parts.append(escape(clean(doc.text[position:metric.span.start])))
        kind = " class=\"target\"" if metric.is_target else ""
        parts.append(f"<mark{kind} title=\"{escape(metric_tooltip(metric))}\">"
                     f"{escape(doc.text[metric.span.start:metric.span.end])}</mark>")
        position = metric.span.end
    parts.append(escape(clean(doc.text[position:end])))
    return "".join(parts)


class IndexEntry(NamedTuple):
    """A document of the index page: where its page is, and the document (or the error that stopped it)."""

    name: str
    href: str | None
    doc: Document | None
    error: str | None = None


def render_index(entries: Sequence[IndexEntry], title: str = "文档索引") -> str:
    """The index page: a row per document with its counts and a link to its page."""
    from ..validate import validate

    head = ("<tr><th>文件</th><th>标题</th><th>类别</th><th>章节</th><th>陈述句</th><th>指标</th>"
            "<th>错误</th><th>警告</th><th>提示</th></tr>")
    rows = []
    for entry in entries:
        name = escape(entry.name)
        link = f"<a href=\"{escape(entry.href)}\">{name}</a>" if entry.href else name
        if entry.doc is None:
            error = escape(entry.error or "")
            rows.append(f"<tr class=\"failed\"><td>{link}</td><td colspan=\"8\">{error}</td></tr>")
            continue
        doc = entry.doc
        findings = validate(doc)
        numbers = [sum(1 for _ in doc.walk()), sum(1 for _ in doc.claims()), sum(1 for _ in doc.metrics()),
                   *(sum(1 for f in findings if f.severity == s) for s in SEVERITY_NAMES)]
        cells = "".join(f"<td class=\"n\">{n}</td>" for n in numbers)
        rows.append(f"<tr><td>{link}</td><td>{escape(_doc_title(doc))}</td><td>{doc.doc_type}</td>{cells}</tr>")
    table = f"<table class=\"index\">{head}{''.join(rows)}</table>"
    return _frame(title, f"<main style=\"margin-left:0\"><h1>{escape(title)}</h1>"
                         f"<p class=\"counts\">{len(entries)} 份文档</p>{table}</main>")


class DocumentsView(Renderer[Sequence["Document"]]):
    """The page of one or more documents (:func:`render_page`)."""

    name = "html"
    media_type = "text/html; charset=utf-8"
    extension = ".html"

    def chunks(self, item: Sequence[Document]) -> Iterator[bytes]:
        yield render_page(item).encode("utf-8")
