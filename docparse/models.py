"""Pydantic v2 models of a parsed report: the typed tree every stage builds and every consumer reads.

Every node carries a :class:`Span` into :attr:`Document.text`, so that
``doc.text[node.span.start:node.span.end]`` is exactly the node's source text.
Offsets are Unicode code points of the *normalized* text (line ends folded to ``\\n``).
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import inspect
import itertools
import sys
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Final, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticUndefined

SCHEMA_VERSION: Final = "1.1.0"
"""Bumped on every change of the output: minor for additions, major for breaking changes."""


def _describe(schema: dict[str, Any], cls: type) -> None:
    """Give each property of a model's JSON Schema the docstring written under its field.

    What ``use_attribute_docstrings`` does, but when a schema is asked for rather than when the
    classes are built: pydantic reads the source of every class for it, a tenth of the start-up
    of every process (the CLI, each batch worker), and nothing but the schema uses descriptions.
    """
    written = _attribute_docstrings()
    for name, prop in schema.get("properties", {}).items():
        for owner in cls.__mro__:
            text = written.get(owner.__name__, {}).get(name)
            if text is not None:
                prop.setdefault("description", text)
                break


@functools.cache
def _attribute_docstrings() -> dict[str, dict[str, str]]:
    """Class name → field → the string literal right below the field's annotation, in this module."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[__name__]))
    except (OSError, TypeError):  # no source (a frozen or .pyc-only install): no descriptions
        return {}
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            fields = found.setdefault(node.name, {})
            for annotation, following in itertools.pairwise(node.body):
                if (isinstance(annotation, ast.AnnAssign) and isinstance(annotation.target, ast.Name)
                        and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                        and isinstance(following.value.value, str)):
                    fields[annotation.target.id] = inspect.cleandoc(following.value.value)
    return found


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_describe)


ModelT = TypeVar("ModelT", bound=_Model)
_MISSING: Any = object()
_new = object.__new__
_set = object.__setattr__


class _Template(NamedTuple):
    """How :func:`trusted` builds instances of one model class."""

    defaults: dict[str, Any]
    """Every field in declaration order with its default (``_MISSING`` when required or fresh), in a
    key-sharing dict: copies of it share one table of field names (PEP 412), so that each instance
    holds only its values (on Python 3.11 a metric's dict takes 216 bytes instead of 464)."""
    fields_set: set[str]
    """Every field: shared by all instances (frozen models never change it)."""
    fresh: tuple[tuple[str, Callable[[], Any]], ...]
    """Fields whose default is made anew per instance (``[]``)."""


_TEMPLATES: dict[type[_Model], _Template] = {}


def trusted(cls: type[ModelT], **values: Any) -> ModelT:
    """A model instance from values that are valid by construction, without validating them again.

    The parser builds tens of thousands of nodes per megabyte (every claim, metric and span), all
    from values it has just computed, so validation only costs time. Unlike ``model_construct``
    this shares one set of field names per class instead of a new set per instance, and one table
    of dict keys (see :class:`_Template`). Callers pass every required field with its exact type
    (a float as a float); tests/test_trusted.py re-validates whole documents to hold them to that.
    """
    template = _TEMPLATES.get(cls) or _template(cls)
    data = template.defaults.copy()
    data.update(values)
    for name, factory in template.fresh:
        if data[name] is _MISSING:
            data[name] = factory()
    return _instance(cls, data, template)


def trusted_exact(cls: type[ModelT], data: dict[str, Any]) -> ModelT:
    """:func:`trusted` for a dict that already holds every field, in declaration order (the order
    of ``model_dump`` and of the JSON keys).

    For the tree's nodes (sections, paragraphs, items); tests/test_trusted.py holds callers to the
    order."""
    values = blank_values(cls)
    values.update(data)
    return from_values(cls, values)


def blank_values(cls: type[_Model]) -> dict[str, Any]:
    """The values of a new ``cls`` instance to fill in: every field in declaration order with its
    default (``_MISSING`` when it has none), in a dict that shares its keys with the class.

    For the most numerous nodes (claims, metrics): assigning each field to this dict and passing it
    to :func:`from_values` takes half the time of building a dict of them and copying it in
    (a metric 0.3 µs instead of 0.65 µs). Every field must be assigned."""
    template = _TEMPLATES.get(cls) or _template(cls)
    return template.defaults.copy()


def from_values(cls: type[ModelT], values: dict[str, Any]) -> ModelT:
    """The instance of ``cls`` whose fields are ``values`` (from :func:`blank_values`, every field
    assigned), without validation."""
    model = _new(cls)
    _set_dict(model, values)
    _set_fields_set(model, _TEMPLATES[cls].fields_set)
    _set_extra(model, None)
    _set_private(model, None)
    return model


def _instance(cls: type[ModelT], values: dict[str, Any], template: _Template) -> ModelT:
    model = _new(cls)
    _set_dict(model, values)
    _set_fields_set(model, template.fields_set)
    _set_extra(model, None)
    _set_private(model, None)
    return model


# BaseModel's own slots, set through their descriptors: a third faster than object.__setattr__,
# which looks each name up along the class's MRO first
_set_dict, _set_fields_set, _set_extra, _set_private = (
    BaseModel.__dict__[name].__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


def _template(cls: type[_Model]) -> _Template:
    fresh: list[tuple[str, Callable[[], Any]]] = []
    # an instance dict filled attribute by attribute uses the class's shared keys, and so do its
    # copies, while a dict built as a literal carries its own key table; setting the fields in
    # declaration order keeps that order (the order of dumps) in every copy
    probe = _new(cls)
    for name, info in cls.model_fields.items():
        default = info.default
        if info.default_factory is not None or isinstance(default, list):
            default = _MISSING
            fresh.append((name, info.default_factory or list))  # type: ignore[arg-type]
        elif default is PydanticUndefined:
            default = _MISSING
        _set(probe, name, default)
    shared: dict[str, Any] = probe.__dict__
    # CPython 3.11 sizes a copy's values by the room left in the class's key table, and every new
    # instance uses up one place of that room: use it up now, so that copies hold just the fields
    for _ in range(32):
        _new(cls)
    shared = shared.copy()
    own = dict(shared)  # where a key table of its own is smaller (few fields, Python 3.13), take it
    defaults = shared if sys.getsizeof(shared) <= sys.getsizeof(own) else own
    _TEMPLATES[cls] = _Template(defaults, set(cls.model_fields), tuple(fresh))
    return _TEMPLATES[cls]


# A slotted pydantic dataclass rather than a model: every node has one or two spans, and a model's
# per-instance ``__dict__`` made them a third of a document's memory (350 bytes each, now 80). It
# validates, compares, hashes and serializes like the models (same JSON and JSON schema); it has
# no ``model_*`` methods (``dataclasses.asdict(span)`` gives the dict).
@dataclass(frozen=True, slots=True, config=ConfigDict(extra="forbid", json_schema_extra=_describe))
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
    """The line-end convention of the input; ``text`` always uses ``\\n``."""
    size: int = Field(ge=0)
    """Input size in bytes (for ``parse(str)``: UTF-8 bytes of the text)."""
    sha256: str
    """SHA-256 of the input bytes, to recognise the same input again (``--resume``)."""


MarkerStyle = Literal[
    "part",  # 第一编 / 第一部分, or an unnumbered part heading
    "chapter",  # 第一章
    "section",  # 第一节
    "article",  # 第一条
    "cn_dun",  # 一、
    "cn_paren",  # （一）
    "arabic_dot",  # 1.  1．  1、
    "arabic_paren",  # （1）
    "arabic_half_paren",  # 1）
    "circled",  # ①
]


class Marker(_Model):
    """A heading's number as written and as understood."""

    raw: str
    """The marker exactly as in the text (``（一）``, ``1.``, ``第十一条``); empty when recovered."""
    style: MarkerStyle
    ordinal: int | None = Field(default=None, ge=0)
    """The number it stands for (``十一、`` → 11); ``None`` for an unnumbered part heading."""
    rank: int = Field(ge=0)
    """Position in the marker ladder, smaller is higher (第X编 0 … 一、 4, （一） 5, 1. 6 …)."""
    recovered: bool = False
    """True when the number is missing in the text and was inferred from the siblings."""



SectionRole = Literal["measures", "duty", "problems", "plans", "other"]
"""What a section reports: measures and results, the first-responsible-person duty, problems, plans."""

Qualifier = Literal["exact", "approx", "lower_bound", "upper_bound"]


class Metric(_Model):
    """A quantity a claim cites: value fully scaled, unit, qualifier, level or change, label, period."""

    id: str
    span: Span
    """The quantity as written, qualifiers included (``500余人次``, ``90%以上``)."""
    raw: str
    value: float
    """The number, fully scaled (``2.3万户`` → 23000; ``134.9万亿元`` → 1.349e14 with unit 元)."""
    value_high: float | None = None
    """Upper end of a range (``3至5年`` → value 3, value_high 5)."""
    unit: str | None = None
    """Counter or unit as normalized: 次 件 个 人次 元 % 个百分点 …"""
    qualifier: Qualifier = "exact"
    kind: Literal["level", "change"] = "level"
    direction: Literal["up", "down"] | None = None
    """For a change: which way."""
    baseline: str | None = None
    """What a change is measured against (``同比``, ``上年底``)."""
    label: str | None = None
    """The words that name the quantity (``办结率``, ``法律援助案件``)."""
    subject: str | None = None
    """Who or what the quantity belongs to, where the sentence says so."""
    period: str | None = None
    """The time the figure covers (the report year unless the text says otherwise)."""
    is_target: bool = False
    """A target (目标, 预期, 力争) rather than an achieved figure."""
    role: Literal["total", "part"] | None = None
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


EnumStyle = Literal["shi", "yao", "di", "qi"]


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
    body: list[Paragraph] = []
    """The paragraphs directly under the heading (a run-in heading's text is the first)."""
    children: list[Section] = []

    def walk(self) -> Iterator[Section]:
        """Yield this section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


FurnitureKind = Literal[
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

    kind: FurnitureKind
    span: Span
    text: str


class MetadataField(_Model):
    """One ``label: value`` pair of a disclosure page's metadata block, as written."""

    key: str
    """Canonical key (``index_no``, ``doc_number``, ``written_date`` …)."""
    label: str
    """The label as written, spaces removed (``索引号``, ``发文机构``)."""
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


DocumentType = Literal[
    "fazhi_annual", "gov_work_report", "work_summary", "regulation", "gongwen", "unknown"
]


class Document(_Model):
    """A parsed report: source, text, front matter, section tree, closing and diagnostics."""

    schema_name: Literal["docparse.Document"] = "docparse.Document"
    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+\.\d+$")
    source: SourceInfo
    text: str
    """The normalized text every span indexes into."""
    doc_type: DocumentType = "unknown"
    """The kind of document, guessed from the title and the headings."""
    title: Title | None = None
    subtitle: TextBlock | None = None
    """A ``——2024年3月5日在…会议上`` line or a similar subtitle."""
    byline: TextBlock | None = None
    """The speaker or author line under the subtitle (``国务院总理 李强``)."""
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
    diagnostics: list[Diagnostic] = []

    def walk(self) -> Iterator[Section]:
        """Yield every section of the tree in document order."""
        for section in self.sections:
            yield from section.walk()

    def paragraphs(self) -> Iterator[tuple[Section | None, Paragraph]]:
        """Yield every body paragraph with the section it sits in (``None`` for the preamble)."""
        for paragraph in self.preamble:
            yield None, paragraph
        for section in self.walk():
            for paragraph in section.body:
                yield section, paragraph

    def enum_items(self) -> Iterator[tuple[Section | None, EnumItem]]:
        """Yield every enumeration item with its section."""
        for section, paragraph in self.paragraphs():
            for item in paragraph.items:
                yield section, item

    def claims(self) -> Iterator[tuple[Section | None, Claim]]:
        """Yield every claim in text order (a paragraph's introduction, then its items) with its section."""
        for section, paragraph in self.paragraphs():
            yield from ((section, claim) for claim in paragraph.claims)
            for item in paragraph.items:
                yield from ((section, claim) for claim in item.claims)

    def metrics(self) -> Iterator[Metric]:
        """Yield every metric in text order; each names its section path and claim."""
        for _, claim in self.claims():
            yield from claim.metrics


Block = Annotated[Section | Paragraph, Field(discriminator="kind")]
