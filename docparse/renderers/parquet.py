"""Documents flattened into tables for analysts (documents, sections, claims, metrics, enumerations,
diagnostics), as Parquet; the same tables as CSV are in :mod:`docparse.renderers.tables_csv`.

Each table is a dict of equal-length column lists, so that a batch can concatenate the rows of
many documents (made in its workers, without pyarrow) and write them in row groups
(``docparse convert --format parquet``). ``doc_id`` (the input path as given) joins the tables;
``sha256`` identifies the input content. The columns are named as the fields of the Document JSON;
each carries a description, and each file the docparse and schema versions, in its Parquet
metadata. A section's ``path`` is unique within its document: a section of an attachment has the
attachment's label before it (``附件1/一``), a path that still repeats gets ``#2``, ``#3`` …
The diagnostics table holds every finding of :func:`docparse.validate`, not only the parser's.
Writing needs pyarrow (``docparse-cn[parquet]``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import Renderer
from .metrics import COLUMNS as METRIC_COLUMNS
from .metrics import metric_records

if TYPE_CHECKING:
    from ..models import Document, Section

Columns = dict[str, list[Any]]
Tables = dict[str, Columns]

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string", "path": "string", "sha256": "string", "encoding": "string", "size": "int64",
        "format": "string", "doc_type": "string", "title": "string", "subtitle": "string", "byline": "string",
        "addressee": "string", "report_year": "int64", "index_no": "string", "issuer": "string",
        "doc_number": "string", "topic_class": "string", "genre_class": "string", "keywords": "string",
        "metadata_title": "string", "written_date": "date32", "publish_date": "date32",
        "metadata_source": "string", "validity": "string", "summary": "string", "addressees": "string",
        "copy_to": "string", "printed_by": "string", "printed_date": "date32", "metadata_fields": "string",
        "closing_date": "date32", "sections": "int64", "claims": "int64", "metrics": "int64",
        "enumerations": "int64", "diagnostics": "int64", "text": "string", "schema_version": "string",
    },
    "sections": {
        "doc_id": "string", "section_id": "string", "parent_id": "string", "level": "int64",
        "path": "string", "marker": "string", "ordinal": "int64", "title": "string", "role": "string",
        "text": "string", "start": "int64", "end": "int64", "line": "int64", "page": "int64",
    },
    "claims": {
        "doc_id": "string", "claim_id": "string", "section_id": "string", "section_path": "string",
        "role": "string", "topic": "string", "text": "string", "start": "int64", "end": "int64",
        "line": "int64", "page": "int64",
    },
    "metrics": METRIC_COLUMNS,
    "enumerations": {
        "doc_id": "string", "item_id": "string", "section_id": "string", "section_path": "string",
        "marker": "string", "style": "string", "ordinal": "int64", "lead": "string", "rest": "string",
        "start": "int64", "end": "int64", "line": "int64", "page": "int64",
    },
    "diagnostics": {
        "doc_id": "string", "code": "string", "severity": "string", "message": "string", "hint": "string",
        "start": "int64", "end": "int64", "line": "int64", "column": "int64", "page": "int64",
    },
}
"""Every table's columns and their Arrow types (the schema is fixed even for an empty batch)."""

_SHARED = {
    "doc_id": "文档标识（输入路径）；各表以此关联",
    "start": "起始偏移（Document.text 中的字符位置）", "end": "结束偏移（不含）", "line": "起始行号（从 1 起）",
    "page": "起始页码（PDF、OFD 原文的页，从 1 起；其他格式为空）",
    "section_id": "所在章节标识（见 sections 表）", "section_path": "所在章节路径（文档内唯一，如 一/（一））",
    "text": "原文", "title": "标题", "role": "章节类别（measures、duty、problems、plans、other）",
    "marker": "序号（如 一、（一）一是）", "ordinal": "序号的数值", "path": "路径",
}
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "documents": {
        "path": "输入文件路径", "sha256": "输入内容的 SHA-256", "encoding": "识别出的编码", "size": "输入字节数",
        "format": "输入格式（text、markdown、html、docx …）", "doc_type": "文档类别", "title": "文档标题",
        "subtitle": "副标题", "byline": "署名行", "addressee": "主送机关或称呼", "report_year": "报告年度",
        "index_no": "索引号", "issuer": "发文机关", "doc_number": "发文字号", "topic_class": "主题分类",
        "genre_class": "体裁分类", "keywords": "主题词", "metadata_title": "元数据中的标题",
        "written_date": "成文日期", "publish_date": "发布日期", "metadata_source": "来源",
        "addressees": "主送机关（以“、”分隔）", "copy_to": "抄送机关（以“、”分隔）", "printed_by": "印发机关",
        "printed_date": "印发日期",
        "validity": "有效性", "summary": "摘要", "metadata_fields": "全部元数据字段（JSON：key、label、value）",
        "closing_date": "落款日期", "sections": "章节数", "claims": "陈述句数", "metrics": "指标数",
        "enumerations": "列举项数", "diagnostics": "检查发现数（docparse.validate）", "text": "全文",
        "schema_version": "文档结构版本",
    },
    "sections": {"section_id": "章节标识", "parent_id": "上级章节标识（顶级为空）", "level": "层级（从 1 起）",
                 "path": "章节路径（文档内唯一）", "text": "标题与本节正文（不含下级章节），如原文"},
    "claims": {"claim_id": "陈述句标识", "topic": "主题", "text": "陈述句原文"},
    "metrics": {"metric_id": "指标标识", "claim_id": "所在陈述句标识", "section_role": "所在陈述句的章节类别",
                "report_year": "报告年度", "raw": "原文写法", "value": "数值", "value_high": "区间上限",
                "baseline_value": "变化前的数值（从A到B的A）", "change_value": "变化量（B−A，百分比为百分点）",
                "unit": "单位", "qualifier": "限定（exact、about、over …）", "measure": "level：水平；change：变化",
                "direction": "变化方向", "baseline": "比较基准", "label": "指标名称", "subject": "主体",
                "period": "时期", "is_target": "是否为目标值", "breakdown": "total：总数；part：分项",
                "group": "分组", "claim_text": "所在陈述句原文"},
    "enumerations": {"item_id": "列举项标识", "style": "列举样式", "lead": "领句", "rest": "领句之后的内容"},
    "diagnostics": {"code": "规则代码（见 docs/diagnostics.md）", "severity": "严重程度", "message": "说明",
                    "hint": "修改建议", "column": "起始列号（从 1 起）"},
}
"""What each column holds (the Parquet field metadata ``description``)."""
COMPRESSION = "zstd"


def description(table: str, column: str) -> str:
    """The description of a column (:data:`DESCRIPTIONS`, else the meaning the tables share)."""
    return DESCRIPTIONS[table].get(column) or _SHARED.get(column, column)


def empty() -> Tables:
    """Every table without rows."""
    return {name: {column: [] for column in columns} for name, columns in TABLES.items()}


def extend(tables: Tables, more: Tables) -> None:
    """Append the rows of ``more`` to ``tables``."""
    for name, columns in more.items():
        for column, values in columns.items():
            tables[name][column].extend(values)


def unique_paths(doc: Document) -> dict[str, str]:
    """Each section's path, unique within ``doc``, by section id (see the module docstring).

    >>> import docparse
    >>> doc = docparse.parse("关于工作的报告\\n一、甲\\n内容。\\n一、乙\\n内容。")
    >>> sorted(unique_paths(doc).values())
    ['一', '一#2']
    """
    found: dict[str, str] = {}
    seen: dict[str, int] = {}
    groups: list[list[Section]] = [doc.sections, *(attachment.sections for attachment in doc.attachments)]
    for sections in groups:
        for top in sections:
            for section in top.walk():
                path = section.path  # an attachment's sections' paths start with its label
                seen[path] = seen.get(path, 0) + 1
                found[section.id] = path if seen[path] == 1 else f"{path}#{seen[path]}"
    return found


def rows(doc: Document, doc_id: str | None = None) -> Tables:
    """The rows one Document contributes to each table."""
    from ..validate import validate

    key = doc_id if doc_id is not None else (doc.source.path or doc.source.sha256)
    paths = unique_paths(doc)
    out = empty()
    sections = out["sections"]
    for top in [*doc.sections, *(s for attachment in doc.attachments for s in attachment.sections)]:
        for section, parent in _with_parents(top, None):
            _add(sections, doc_id=key, section_id=section.id, parent_id=parent.id if parent else None,
                 level=section.level, path=paths[section.id], marker=section.marker.raw,
                 ordinal=section.marker.ordinal, title=section.title, role=section.role,
                 text=doc.section_text(section), start=section.span.start, end=section.span.end,
                 line=section.span.line, page=section.span.page)
    claims = out["claims"]
    claim_paths: dict[str, str] = {}
    for holder, claim in doc.claims():
        path = paths[holder.id] if holder else ""
        claim_paths[claim.id] = path
        _add(claims, doc_id=key, claim_id=claim.id, section_id=holder.id if holder else None,
             section_path=path, role=claim.role, topic=claim.topic,
             text=claim.text, start=claim.span.start, end=claim.span.end, line=claim.span.line,
             page=claim.span.page)
    metrics = out["metrics"]
    for record in metric_records(doc, key):
        record["section_path"] = claim_paths.get(record["claim_id"], record["section_path"])
        _add(metrics, **record)
    items = out["enumerations"]
    for holder, item in doc.enum_items():
        _add(items, doc_id=key, item_id=item.id, section_id=holder.id if holder else None,
             section_path=paths[holder.id] if holder else "", marker=item.marker, style=item.style,
             ordinal=item.ordinal, lead=item.lead, rest=item.rest, start=item.span.start,
             end=item.span.end, line=item.span.line, page=item.span.page)
    findings = out["diagnostics"]
    for finding in validate(doc):
        span = finding.span
        _add(findings, doc_id=key, code=finding.code, severity=finding.severity, message=finding.message,
             hint=finding.hint, start=span.start if span else None, end=span.end if span else None,
             line=span.line if span else None, column=span.column if span else None,
             page=span.page if span else None)
    meta = doc.metadata
    _add(out["documents"], doc_id=key, path=doc.source.path, sha256=doc.source.sha256,
         encoding=doc.source.encoding, size=doc.source.size, format=doc.source.format, doc_type=doc.doc_type,
         title=doc.title.text if doc.title else None, subtitle=doc.subtitle.text if doc.subtitle else None,
         byline=doc.byline.text if doc.byline else None,
         addressee=doc.addressee.text if doc.addressee else None, report_year=doc.report_year,
         index_no=meta.index_no, issuer=meta.issuer, doc_number=meta.doc_number, topic_class=meta.topic_class,
         genre_class=meta.genre_class, keywords=meta.keywords, metadata_title=meta.title,
         written_date=meta.written_date, publish_date=meta.publish_date, metadata_source=meta.source,
         validity=meta.validity, summary=meta.summary, addressees="、".join(meta.addressees) or None,
         copy_to="、".join(meta.copy_to) or None, printed_by=meta.printed_by, printed_date=meta.printed_date,
         metadata_fields=json.dumps([{"key": f.key, "label": f.label, "value": f.value} for f in meta.fields],
                                    ensure_ascii=False),
         closing_date=doc.closing.date if doc.closing else None, sections=len(sections["doc_id"]),
         claims=len(claims["doc_id"]), metrics=len(metrics["doc_id"]), enumerations=len(items["doc_id"]),
         diagnostics=len(findings["doc_id"]), text=doc.text, schema_version=doc.schema_version)
    return out


def _with_parents(section: Section, parent: Section | None) -> Iterator[tuple[Section, Section | None]]:
    yield section, parent
    for child in section.children:
        yield from _with_parents(child, section)


def _add(table: Columns, **values: Any) -> None:
    for column, value in values.items():
        table[column].append(value)


def schema(name: str) -> Any:
    """The ``pyarrow.Schema`` of one table (:data:`TABLES`), with a description on each field and
    the table's name, the docparse version and the schema version in its metadata."""
    import pyarrow as pa

    from .. import __version__
    from ..models import SCHEMA_VERSION

    fields = [pa.field(column, getattr(pa, kind)(), metadata={"description": description(name, column)})
              for column, kind in TABLES[name].items()]
    return pa.schema(fields, metadata={"docparse.table": name, "docparse.version": __version__,
                                       "docparse.schema_version": SCHEMA_VERSION})


def to_arrow(columns: Columns, name: str) -> Any:
    """One table as a ``pyarrow.Table`` with the fixed schema of :data:`TABLES`."""
    import pyarrow as pa

    return pa.Table.from_pydict(columns, schema=schema(name))


@dataclass(frozen=True)
class ParquetTable(Renderer["Document"]):
    """One of the tables (``table``) of a Document as a Parquet file; :meth:`writer` is how
    the batch writes the rows of many documents into the same file, in row groups."""

    name = "parquet"
    media_type = "application/vnd.apache.parquet"
    extension = ".parquet"

    table: str

    def writer(self, where: Any) -> Any:
        """A ``pyarrow.parquet.ParquetWriter`` of this table to a path or a binary stream."""
        import pyarrow.parquet as pq

        return pq.ParquetWriter(where, schema(self.table), compression=COMPRESSION)

    def chunks(self, doc: Document) -> Iterator[bytes]:
        import pyarrow as pa

        buffer = pa.BufferOutputStream()
        with self.writer(buffer) as writer:
            writer.write_table(to_arrow(rows(doc)[self.table], self.table))
        yield buffer.getvalue().to_pybytes()
