"""Pydantic v2 models of a parsed report: the typed tree every stage builds and every consumer reads.

Every node carries a :class:`Span` into :attr:`Document.text`, so that
``doc.text[node.span.start:node.span.end]`` is exactly the node's source text.
Offsets are Unicode code points of the decoded input as it is (a lone CR, from old Mac files, is
read as ``\\n``; CR LF is kept), so that a span's line and column are those of the file.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Final, Generic, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticUndefined

from .ladder import EnumStyle, MarkerStyle

SCHEMA_VERSION: Final = "2.3.0"
"""Bumped on every change of the output: minor for additions, major for breaking changes
(CHANGELOG.md lists them). A Document JSON of another major version is refused on reading."""

_CONFIG = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class _Model(BaseModel):
    model_config = _CONFIG


ModelT = TypeVar("ModelT", bound=_Model)

CHECK_BUILDS = os.environ.get("DOCPARSE_CHECK_BUILDS") == "1"
"""Validate every node :func:`build` makes (the test suite switches it on in tests/conftest.py)."""


def build(cls: type[ModelT], /, **fields: Any) -> ModelT:
    """A node from values the parser has just computed, without validating them again.

    The parser builds tens of thousands of nodes per megabyte (every claim, metric and span) from
    values that are valid by construction, so validation would only cost time. Callers pass every
    required field with its exact type (a float as a float). With :data:`CHECK_BUILDS` on, each
    node is validated too, so that a missing, extra or mistyped field fails at the call site.
    """
    if CHECK_BUILDS:
        _check(cls, fields)
    shape = _SHAPES.get(cls) or _shape(cls)
    values = shape.defaults.copy()
    values.update(fields)
    for name, factory in shape.fresh:
        if name not in fields:
            values[name] = factory()
    model = _new(cls)
    _set_dict(model, values)
    _set_fields_set(model, shape.fields_set)
    _set_extra(model, None)
    _set_private(model, None)
    return model


class Unfinished(Generic[ModelT]):
    """A node whose lists are built as they are read: its other fields, and for each list an
    iterator of its items (nodes, or unfinished nodes in turn). ``convert`` writes a Document in
    this form, each paragraph built, written and let go before the next, so that the whole
    Document never exists; :meth:`finish` builds the node whole. Its lists can be read once."""

    __slots__ = ("fields", "lists", "model")

    def __init__(self, model: type[ModelT], fields: dict[str, Any], lists: dict[str, Iterator[Any]]) -> None:
        self.model = model
        self.fields = fields
        """Every field the node is built with but its lists."""
        self.lists = lists
        """Each list field's items, built as the iterator is read."""

    def shell(self) -> ModelT:
        """The node with its lists empty."""
        return build(self.model, **self.fields)

    def finish(self) -> ModelT:
        """The node with every list built."""
        lists = {name: finished(items) for name, items in self.lists.items()}
        return build(self.model, **self.fields, **lists)


def finished(items: Iterator[Any]) -> list[Any]:
    """The items of an :class:`Unfinished` node's list, each built whole."""
    return [item.finish() if isinstance(item, Unfinished) else item for item in items]


# The slots of BaseModel, set through their descriptors, as pydantic's ``model_construct`` does
# (``object.__setattr__`` looks each name up along the class's MRO first: twice the cost).
_new = object.__new__
_set_dict, _set_fields_set, _set_extra, _set_private = (
    BaseModel.__dict__[name].__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


class _Shape(NamedTuple):
    """What :func:`build` needs to know of a model class."""

    defaults: dict[str, Any]
    """Every field in declaration order (the order of the JSON keys) with its default."""
    fields_set: set[str]
    """Every field: one set shared by all instances (frozen models never change it)."""
    fresh: tuple[tuple[str, Callable[[], Any]], ...]
    """Fields whose default is made anew for each instance (``[]``)."""


_SHAPES: dict[type[BaseModel], _Shape] = {}


def _shape(cls: type[BaseModel]) -> _Shape:
    """The defaults of ``cls`` as an instance dict (PEP 412): its copies share one table of field
    names with every instance of the class, and keep only their values, a fifth less memory for a
    document's nodes than dicts of their own (``defaults | fields``, which builds the same model)."""
    fresh: list[tuple[str, Callable[[], Any]]] = []
    probe = _new(cls)
    for name, info in cls.model_fields.items():
        if info.default_factory is not None:
            fresh.append((name, info.default_factory))  # type: ignore[arg-type]
        elif isinstance(info.default, list):
            fresh.append((name, list))
        object.__setattr__(probe, name, None if info.default is PydanticUndefined else info.default)
    for _ in range(32):  # CPython sizes a copy's values by the room left in the shared table, which
        _new(cls)        # each new instance takes a place of: taken now, copies hold just the fields
    defaults = probe.__dict__.copy()
    _SHAPES[cls] = _Shape(defaults, set(cls.model_fields), tuple(fresh))
    return _SHAPES[cls]


def _check(cls: type[BaseModel], fields: dict[str, Any]) -> None:
    """Validate ``fields`` as ``cls`` and require every value to keep its type (``12`` is not ``12.0``)."""
    validated = cls.model_validate(fields)
    for name, value in fields.items():
        kept = getattr(validated, name)
        if type(kept) is not type(value):
            raise TypeError(f"{cls.__name__}.{name}: built from {type(value).__name__}, "
                            f"validation gives {type(kept).__name__}")


def _is_none(value: object) -> bool:
    """Whether a field is left out of the JSON: a span's pages are written only for paged originals."""
    return value is None


def build_span(start: int, end: int, line: int, column: int, end_line: int, end_column: int,
               page: int | None = None, end_page: int | None = None) -> Span:
    """A :class:`Span` from numbers the locator has computed (valid by construction), unvalidated
    as :func:`build` builds nodes: a document has one or two spans per node."""
    if CHECK_BUILDS:
        return Span(start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column,
                    page=page, end_page=end_page)
    span = _new(Span)
    (set_start, set_end, set_line, set_column, set_end_line, set_end_column,
     set_page, set_end_page) = _SPAN_SLOTS
    set_start(span, start)
    set_end(span, end)
    set_line(span, line)
    set_column(span, column)
    set_end_line(span, end_line)
    set_end_column(span, end_column)
    set_page(span, page)
    set_end_page(span, end_page)
    return span


# A slotted pydantic dataclass rather than a model: every node has one or two spans, and a model's
# per-instance ``__dict__`` made them a third of a document's memory (350 bytes each, now 80). It
# validates, compares, hashes and serializes like the models (same JSON and JSON schema); it has
# no ``model_*`` methods (``dataclasses.asdict(span)`` gives the dict).
@dataclass(frozen=True, slots=True, config=ConfigDict(extra="forbid", use_attribute_docstrings=True))
class Span:
    """A half-open range of :attr:`Document.text` with 1-based line and column of both ends."""

    start: Annotated[int, Field(ge=0)]
    """0-based code-point offset of the first character (inclusive)."""
    end: Annotated[int, Field(ge=0)]
    """0-based code-point offset after the last character (exclusive)."""
    line: Annotated[int, Field(ge=1)]
    """1-based line of ``start``."""
    column: Annotated[int, Field(ge=1)]
    """1-based column of ``start`` (in code points)."""
    end_line: Annotated[int, Field(ge=1)]
    """1-based line of ``end``."""
    end_column: Annotated[int, Field(ge=1)]
    """1-based column of ``end`` (one past the last character)."""
    page: Annotated[int, Field(ge=1)] | None = Field(default=None, exclude_if=_is_none)
    """1-based page of ``start`` in the original, for paged formats (PDF, OFD); ``None`` otherwise
    (and then left out of the JSON)."""
    end_page: Annotated[int, Field(ge=1)] | None = Field(default=None, exclude_if=_is_none)
    """1-based page of the last character (a paragraph may run on to the next page)."""


_SPAN_SLOTS = tuple(Span.__dict__[field.name].__set__ for field in dataclasses.fields(Span))
"""The setters of Span's slots (a frozen dataclass refuses plain assignment), for :func:`build_span`."""

Severity = Literal["error", "warning", "info"]


class Diagnostic(_Model):
    """A located finding about the document (a defect, or something worth knowing); data, never raised."""

    code: str
    """Stable code such as ``DP201``; every code is documented in docs/diagnostics.md."""
    severity: Severity
    message: str
    """What is wrong and what was expected, in Chinese."""
    span: Span | None = None
    hint: str | None = None
    """How to fix it, in Chinese."""


class SourceInfo(_Model):
    """Where the text came from and how it was decoded."""

    path: str | None = None
    """The file path as given, or ``None`` for text and stdin."""
    encoding: str
    """The codec used to decode the bytes (``utf-8``, ``gb18030``, ``utf-16`` …)."""
    confidence: float = Field(ge=0.0, le=1.0)
    """How sure the decoder was: 1.0 for a BOM, strict UTF-8 or a forced encoding."""
    bom: bool = False
    """Whether the bytes started with a byte-order mark (dropped from ``text``)."""
    newline: Literal["LF", "CRLF", "CR", "CRCRLF", "mixed", "none"] = "none"
    """The line-end convention of the input (``text`` keeps it, but for a lone CR, read as ``\\n``)."""
    size: int = Field(ge=0)
    """Input size in bytes (for ``parse(str)``: UTF-8 bytes of the text)."""
    sha256: str
    """SHA-256 of the input bytes, to recognise the same input again (``--resume``)."""
    format: str = "text"
    """The reader that produced ``text``: ``text``, ``markdown``, ``html``, ``docx``, ``doc``,
    ``pdf``, ``ofd``."""


class SourceAnchor(_Model):
    """Where a stretch of ``Document.text`` came from in the original file (HTML element, Word
    paragraph or table cell, PDF page): the source map of a document read from a structured format."""

    start: Annotated[int, Field(ge=0)]
    """Offset in ``Document.text`` where the stretch starts."""
    end: Annotated[int, Field(ge=0)]
    """Offset where it ends (exclusive)."""
    where: str
    """The element in the original: ``html/body/div[2]/p[3]`` (HTML), ``p[12]`` or
    ``table[1]/tr[2]/tc[3]/p[1]`` (DOCX), ``page[3]`` (PDF, OFD)."""
    offset: Annotated[int, Field(ge=0)] = 0
    """Character offset inside that element's text where the stretch starts."""
    page: Annotated[int, Field(ge=1)] | None = None
    """The page, for paged formats (PDF, OFD)."""




class Marker(_Model):
    """A heading's number as written and as understood."""

    raw: str
    """The marker as written (``（一）``, ``1.``, ``第十一条``; line breaks inside it, left by a PDF
    extraction, removed); empty when recovered."""
    style: MarkerStyle
    ordinal: int | None = Field(default=None, ge=0)
    """The number it stands for (``十一、`` → 11); ``None`` for an unnumbered part heading."""
    rank: int = Field(ge=0)
    """Position in the marker ladder, smaller is higher (第X编 0 … 一、 4, （一） 5, 1. 6 …)."""
    recovered: bool = False
    """True when the number is missing in the text and was inferred from the siblings."""



SectionRole = Literal["measures", "duty", "problems", "plans", "other"]
"""What a section reports: measures and results, the first-responsible-person duty, problems, plans."""

Qualifier = Literal["exact", "approx", "lower_bound", "upper_bound", "range"]


class Metric(_Model):
    """A quantity a claim cites: value fully scaled, unit, qualifier, level or change, label, period."""

    id: str
    span: Span
    """The quantity as written, qualifiers included (``500余人次``, ``90%以上``)."""
    raw: str
    value: float
    """The number, fully scaled (``2.3万户`` → 23000; ``134.9万亿元`` → 1.349e14 with unit 元)."""
    value_high: float | None = None
    """Upper end of a range (``3至5年`` → value 3, value_high 5, qualifier ``range``)."""
    unit: str | None = None
    """Counter or unit as normalized: 次 件 个 人次 元 % 个百分点 …"""
    qualifier: Qualifier = "exact"
    measure: Literal["level", "change"] = "level"
    """What the figure states: a level (``办结率98%``) or a change (``增长12%``, ``下降3个百分点``)."""
    direction: Literal["up", "down"] | None = None
    """For a change, or a level reached from a baseline (``从120件增加到150件``): which way."""
    baseline: str | None = None
    """What a change is measured against (``同比``, ``上年底``), or the period of the figure a new
    level is reached from (``从2020年的1.2万户增至…`` → ``2020年``)."""
    baseline_value: float | None = None
    """The figure a new level is reached from (``从120件增加到150件`` → 120, on the metric of 150)."""
    change_value: float | None = None
    """The change from ``baseline_value`` to ``value`` in the same unit (``由85%提高到92%`` → 7, in
    percentage points), where both are stated."""
    label: str | None = None
    """The words that name the quantity (``办结率``, ``法律援助案件``)."""
    subject: str | None = None
    """Who or what the quantity belongs to, where the sentence says so."""
    period: str | None = None
    """The time the figure covers (the report year unless the text says otherwise)."""
    is_target: bool = False
    """A target (目标, 预期, 力争) rather than an achieved figure."""
    breakdown: Literal["total", "part"] | None = None
    """``total`` for ``13027个，其中…``; ``part`` for the parts after 其中."""
    group: str | None = None
    """Joins a total with its parts (the total's id)."""
    path: str = ""
    """The section path of the claim that cites it (``二/（三）``); empty in the preamble."""
    claim_id: str = ""
    """The id of the claim that cites it."""


class Claim(_Model):
    """One sentence of a paragraph or enumeration item, with the metrics it cites."""

    kind: Literal["claim"] = "claim"
    id: str
    span: Span
    text: str
    topic: str | None = None
    """For a claim inside an enumeration item: that item's lead sentence."""
    role: SectionRole = "other"
    metrics: list[Metric] = []




class EnumItem(_Model):
    """One member of an enumeration 一是…二是… (or 一要…, 第一，…, 其一，…)."""

    kind: Literal["enum_item"] = "enum_item"
    id: str
    span: Span
    """From the enumerator to the end of the item."""
    marker: str
    """The enumerator as written (``一是``, ``第二，``)."""
    style: EnumStyle
    ordinal: int = Field(ge=1)
    lead: str
    """The item's first sentence: its topic (``深入学习贯彻党的二十大精神``)."""
    lead_span: Span
    rest: str
    """Everything after the lead sentence."""
    claims: list[Claim] = []


class TableCell(_Model):
    """One cell of a table: its text and where it stands in ``Document.text``."""

    text: str
    span: Span


class Table(_Model):
    """A table of the input, as rows of cells (merged cells stand once, where they start)."""

    kind: Literal["table"] = "table"
    id: str
    span: Span
    rows: list[list[TableCell]] = []


class Paragraph(_Model):
    """A paragraph of body text, split into an introduction and enumeration items where it has them."""

    kind: Literal["paragraph"] = "paragraph"
    id: str
    span: Span
    text: str
    intro: str = ""
    """Text before the first enumeration item (the whole text when there is none)."""
    items: list[EnumItem] = []
    claims: list[Claim] = []
    """Claims of the introduction; each item carries its own."""
    table: Table | None = None
    """The table this paragraph is, when the input marked one (HTML ``<table>``, a Word table):
    its rows of cells; ``text`` is the table as text, a row a line."""


class Section(_Model):
    """A numbered (or recovered) heading with the body and subsections under it."""

    kind: Literal["section"] = "section"
    id: str
    span: Span
    """From the heading's first character to the end of the section's last block."""
    level: int = Field(ge=1)
    """Nesting depth: 1 for top-level sections, whatever their marker."""
    marker: Marker
    title: str
    """The heading text without marker and closing punctuation, letter-spacing removed."""
    heading_span: Span
    """The heading as written, marker included (for a run-in heading: up to its closing 。)."""
    title_span: Span | None = None
    """The title in the text (``None`` for an article 第X条 with no title)."""
    path: str
    """The markers from the root, e.g. ``二/（三）/2``."""
    role: SectionRole = "other"
    """What the section reports, from its title or inherited from its parent."""
    claims: list[Claim] = []
    """The title as claims, where it cites a figure (``（二）全年受理行政复议案件326件``): their metrics
    quote the title, never the marker; empty for a title that cites none."""
    body: list[Paragraph] = []
    """The paragraphs directly under the heading (a run-in heading's text is the first)."""
    children: list[Section] = []

    def walk(self) -> Iterator[Section]:
        """Yield this section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def blocks(self) -> list[Paragraph | Section]:
        """The section's own paragraphs and the sections below it, in text order: a paragraph may
        follow them (an article's 款 after its 项)."""
        return sorted([*self.body, *self.children], key=lambda block: block.span.start)

    @property
    def text(self) -> str:
        """The heading (marker and title) and the section's own paragraphs, a line each, as written;
        the sections below it left out. :meth:`Document.section_text` gives the stretch of the source
        itself (its exact spacing and line breaks)."""
        return "\n".join([f"{self.marker.raw}{self.title}", *(paragraph.text for paragraph in self.body)])


FurnitureCategory = Literal[
    "banner",
    "navigation",
    "font_size",
    "action",
    "share",
    "counter",
    "related",
    "footer",
    "accessibility",
    "page_number",
    "repeated_title",
    "toc",
    "markup",
    "other",
]


class Furniture(_Model):
    """Web-page chrome or print artefact kept aside (never body text), with why it was set aside."""

    category: FurnitureCategory
    """Why the line was set aside: navigation, a font-size switch, a page number …"""
    span: Span
    text: str


class MetadataField(_Model):
    """One ``label: value`` pair of a disclosure page's metadata block, as written."""

    key: str
    """Canonical key (``index_no``, ``doc_number``, ``written_date`` …)."""
    label: str
    """The label as written, spaces removed (``索引号``, ``发文机构``); the field's usual label
    (``发文字号``, ``发布日期``) where the text gives the value alone (a 发文字号 under the title, the
    date before a news page's 来源)."""
    value: str
    span: Span
    """From the label to the end of the value."""
    value_span: Span


class Metadata(_Model):
    """Typed metadata of the page or document; every field also appears in ``fields`` with its span."""

    index_no: str | None = None
    """索引号."""
    issuer: str | None = None
    """发文机关 / 发文机构 / 发布机构."""
    doc_number: str | None = None
    """发文字号 (``运政函〔2022〕3号``), from the block or the document head."""
    topic_class: str | None = None
    """主题分类."""
    genre_class: str | None = None
    """体裁分类 / 文种."""
    keywords: str | None = None
    """主题词."""
    title: str | None = None
    """标题 as given in the metadata block."""
    written_date: dt.date | None = None
    """成文日期."""
    publish_date: dt.date | None = None
    """发布日期, or the page's ``时间:`` / ``日期:`` / ``发表时间:`` line."""
    source: str | None = None
    """来源 / 信息来源."""
    validity: str | None = None
    """有效性."""
    summary: str | None = None
    """内容概述."""
    addressees: list[str] = []
    """主送机关: the organs the document is addressed to, as its addressee line names them
    (``各省、自治区、直辖市人民政府，国务院各部委：`` → ``各省``, ``自治区`` …); a salutation
    (``各位代表：``) names none."""
    copy_to: list[str] = []
    """抄送机关 of the 版记 (``抄送：省委办公厅，省人大常委会办公厅。``), one organ each."""
    printed_by: str | None = None
    """印发机关 of the 版记 (``某某县人民政府办公室　　2024年3月1日印发``)."""
    printed_date: dt.date | None = None
    """印发日期 of the 版记."""
    fields: list[MetadataField] = []


class TextBlock(_Model):
    """A located line of front or closing matter (title line, subtitle, signature)."""

    text: str
    span: Span


class Title(_Model):
    """The document title; several spans when the title is broken over lines."""

    text: str
    """The title with line breaks and letter-spacing removed."""
    spans: list[Span]


class Closing(_Model):
    """The closing block: 发文机关署名 and 成文日期, plus 附注 and 附件 lines."""

    span: Span
    signature: list[TextBlock] = []
    """Issuing organ(s), one per line (joint documents have several)."""
    date: dt.date | None = None
    """成文日期 as an ISO date."""
    date_text: str | None = None
    date_span: Span | None = None
    notes: list[TextBlock] = []
    """附注 such as ``（此件公开发布）`` and attachment lines."""


class Attachment(_Model):
    """An attachment after the document (附件1 …): its label, its title, and its own sections,
    numbered afresh."""

    kind: Literal["attachment"] = "attachment"
    id: str
    """``a1``, ``a2`` …; the ids of its nodes start with it (``a1/s2.1/p1``)."""
    span: Span
    """From the label to the end of the attachment."""
    label: str
    """The label as written (``附件1``, ``附件``, ``附录2``); empty for a document that a notice issues
    (``关于印发《某某预案》的通知``) written after it under its title alone (its sections' paths are
    then its own numbers, ``5/5.1``)."""
    label_span: Span
    """An empty span at the title's start where the label is empty."""
    title: str | None = None
    """The attachment's title (``突发环境事件分级标准``), from the label's line or the next."""
    title_span: Span | None = None
    heading_span: Span
    """The label and the title as written (``附件1：突发环境事件分级标准``)."""
    preamble: list[Paragraph] = []
    """Paragraphs before its first heading."""
    sections: list[Section] = []


DocumentType = Literal[
    "fazhi_annual", "gov_work_report", "work_summary", "regulation", "gongwen", "unknown"
]


class Document(_Model):
    """A parsed report: source, text, front matter, section tree, closing and diagnostics."""

    schema_name: Literal["docparse.Document"] = "docparse.Document"
    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+\.\d+$")
    """The version of this schema the JSON follows; another major version is refused on reading."""
    source: SourceInfo
    text: str
    """The text every span indexes into: the decoded input, a lone CR read as ``\\n``."""
    doc_type: DocumentType = "unknown"
    """The kind of document, guessed from the title and the headings."""
    title: Title | None = None
    subtitle: TextBlock | None = None
    """A ``——2024年3月5日在…会议上`` line or a similar subtitle, or the date alone under the title
    or its byline (``2024年3月20日``, ``二〇二二年十二月``)."""
    byline: TextBlock | None = None
    """The speaker or author line under the subtitle (``国务院总理 李强``), or the organs a bulletin
    names under its title (``宜春市统计局 国家统计局宜春调查队``, one or more lines)."""
    report_year: int | None = None
    """The year the report is about (``2022年度…报告`` → 2022)."""
    addressee: TextBlock | None = None
    """主送机关 or salutation (``各位代表：``)."""
    metadata: Metadata = Metadata()
    furniture: list[Furniture] = []
    preamble: list[Paragraph] = []
    """Body paragraphs before the first heading."""
    sections: list[Section] = []
    closing: Closing | None = None
    attachments: list[Attachment] = []
    """Attachments after the document (附件1, 附表2 …), each with its own sections."""
    diagnostics: list[Diagnostic] = []
    source_map: list[SourceAnchor] = []
    """Where each stretch of ``text`` came from in the original file, in text order; empty for
    plain text and Markdown, whose text is the file."""

    @field_validator("schema_version")
    @classmethod
    def _compatible(cls, version: str) -> str:
        """Refuse a Document JSON written by a docparse of another major schema version (its fields
        are named or shaped differently), or of a newer minor version (it may hold fields unknown here)."""
        major, minor, _ = (int(part) for part in version.split("."))
        current_major, current_minor, _ = (int(part) for part in SCHEMA_VERSION.split("."))
        if major != current_major or minor > current_minor:
            raise ValueError(f"文档 JSON 的结构版本为 {version}，本版 docparse 读取 {SCHEMA_VERSION}"
                             f"（主版本须相同）：请用对应版本的 docparse 读取，或重新解析原文件")
        return version

    def locate(self, offset: int) -> SourceAnchor | None:
        """The anchor of the original element that holds ``text[offset]``, or ``None`` (plain
        text, or an offset between elements such as a line break the reader added)."""
        index = bisect.bisect_right([anchor.start for anchor in self.source_map], offset) - 1
        if index >= 0 and offset < self.source_map[index].end:
            return self.source_map[index]
        return None

    def walk(self) -> Iterator[Section]:
        """Yield every section in document order: the body's, then each attachment's."""
        for section in self.sections:
            yield from section.walk()
        for attachment in self.attachments:
            for section in attachment.sections:
                yield from section.walk()

    def section(self, path: str) -> Section:
        """The first section whose path is ``path`` (``二/（三）``), the body's before the attachments'.

        Raises:
            KeyError: no section has that path.
        """
        for section in self.walk():
            if section.path == path:
                return section
        raise KeyError(f"没有路径为“{path}”的章节")

    def nodes(self) -> Iterator[tuple[int, Node]]:
        """Yield every node of the tree with its depth (0 for the outermost), in document order:
        sections, attachments, paragraphs, their tables, enumeration items and claims. (:meth:`walk`
        yields the sections only.)"""
        for paragraph in self.preamble:
            yield from _paragraph_nodes(paragraph, 0)
        for section in self.sections:
            yield from _section_nodes(section, 0)
        for attachment in self.attachments:
            yield 0, attachment
            for paragraph in attachment.preamble:
                yield from _paragraph_nodes(paragraph, 1)
            for section in attachment.sections:
                yield from _section_nodes(section, 1)

    def section_text(self, section: Section) -> str:
        """``section``'s heading and its own paragraphs as written in :attr:`text` (the sections
        below it left out)."""
        end = max([section.heading_span.end, *(paragraph.span.end for paragraph in section.body)])
        return self.text[section.heading_span.start:end]

    def paragraphs(self) -> Iterator[tuple[Section | None, Paragraph]]:
        """Yield every paragraph with the section it sits in (``None`` for a preamble), the body's
        first, then each attachment's."""
        for section, block in self._blocks():
            if isinstance(block, Paragraph):
                yield section, block

    def _blocks(self) -> Iterator[tuple[Section | None, Section | Paragraph]]:
        """Every section (for its heading) and paragraph in text order, with the section it is or
        sits in (``None`` for a preamble)."""
        for paragraph in self.preamble:
            yield None, paragraph
        for section in self.sections:
            yield from _section_blocks(section)
        for attachment in self.attachments:
            for paragraph in attachment.preamble:
                yield None, paragraph
            for section in attachment.sections:
                yield from _section_blocks(section)

    def enum_items(self) -> Iterator[tuple[Section | None, EnumItem]]:
        """Yield every enumeration item with its section."""
        for section, paragraph in self.paragraphs():
            for item in paragraph.items:
                yield section, item

    def claims(self) -> Iterator[tuple[Section | None, Claim]]:
        """Yield every claim in text order (a section's title, a paragraph's introduction, then its
        items) with its section."""
        for section, block in self._blocks():
            yield from ((section, claim) for claim in block.claims)
            if isinstance(block, Paragraph):
                for item in block.items:
                    yield from ((section, claim) for claim in item.claims)

    def metrics(self) -> Iterator[Metric]:
        """Yield every metric in text order; each names its section path and claim."""
        for _, claim in self.claims():
            yield from claim.metrics


Node = Section | Attachment | Paragraph | Table | EnumItem | Claim
"""A node of the tree, as :meth:`Document.nodes` yields it."""


def _section_blocks(section: Section) -> Iterator[tuple[Section, Section | Paragraph]]:
    """``section`` and every section below it, each with its own paragraphs, in text order."""
    yield section, section
    for block in section.blocks():
        if isinstance(block, Paragraph):
            yield section, block
        else:
            yield from _section_blocks(block)


def _section_nodes(section: Section, depth: int) -> Iterator[tuple[int, Node]]:
    yield depth, section
    for claim in section.claims:
        yield depth + 1, claim
    for block in section.blocks():
        if isinstance(block, Paragraph):
            yield from _paragraph_nodes(block, depth + 1)
        else:
            yield from _section_nodes(block, depth + 1)


def _paragraph_nodes(paragraph: Paragraph, depth: int) -> Iterator[tuple[int, Node]]:
    yield depth, paragraph
    if paragraph.table is not None:
        yield depth + 1, paragraph.table
    for claim in paragraph.claims:
        yield depth + 1, claim
    for item in paragraph.items:
        yield depth + 1, item
        for claim in item.claims:
            yield depth + 2, claim


Block = Annotated[Section | Paragraph, Field(discriminator="kind")]
