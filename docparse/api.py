"""The public functions: parse text, bytes or a file into a Document; export it; its JSON Schema.

Pipeline (one module per stage): decode → normalize → segment → lexer + grammar → transform
(inline, claims) → Document. ``validate`` (validate.py) reads a finished Document.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

from . import diagnostics
from .decode import decode
from .errors import MAX_CHARS, MAX_DEPTH, EmptyInputError, LimitError, NotChineseError
from .files import read_bytes
from .frontmatter import build_front_matter
from .grammar import document_parser, marker_patterns
from .lexer import cut_run_on, prepare
from .lines import Locator, split_lines
from .models import Diagnostic, Document, MarkerStyle, Section, SourceInfo, build
from .normalize import fold, normalize_newlines
from .renderers.document import json_chunks
from .segment import segment
from .transform import Context, build_body

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ESCAPE_GARBAGE = re.compile(r"<U\+[0-9A-Fa-f]{4,6}>|&(?:nbsp|ensp|emsp|amp|lt|gt|quot);|\\u[0-9a-fA-F]{4}")


def parse(text: str, *, path: str | None = None, max_chars: int = MAX_CHARS,
          max_depth: int = MAX_DEPTH) -> Document:
    """Parse report text into a :class:`Document`. Never raises for odd text, only above a limit
    (``max_chars`` characters, ``max_depth`` levels of section nesting: :class:`LimitError`).

    >>> parse("关于2022年度工作的报告\\n一、主要工作\\n开展培训12次。").sections[0].title
    '主要工作'
    """
    if len(text) > max_chars:
        raise LimitError(f"输入超过 {max_chars} 个字符的上限（可用 max_chars 放宽）", path=path)
    data_size = len(text.encode("utf-8", errors="surrogatepass"))
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    source = _source(path, "utf-8", 1.0, text.startswith("\ufeff"), data_size, digest)
    return _build(text.lstrip("\ufeff"), source, replaced=0, confidence=1.0, max_depth=max_depth, path=path)


def parse_bytes(data: bytes, *, encoding: str | None = None, path: str | None = None,
                max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> Document:
    """Decode bytes (any common encoding, or ``encoding``) and parse them.

    Raises:
        DocparseError: empty, binary, undecodable or non-Chinese input, or input over the limit.
    """
    if len(data) > max_chars * 4:
        raise LimitError(f"输入超过 {max_chars * 4} 字节的上限（可用 max_chars 放宽）", path=path)
    decoded = decode(data, encoding=encoding, path=path)
    if not decoded.text or decoded.text.isspace():  # (not .strip(): a copy of the whole text)
        raise EmptyInputError("文件只有空白字符", path=path)
    if not _CJK.search(decoded.text):
        raise NotChineseError("文本中没有汉字，不是可解析的中文报告", path=path)
    if len(decoded.text) > max_chars:
        raise LimitError(f"输入超过 {max_chars} 个字符的上限（可用 max_chars 放宽）", path=path)
    source = _source(path, decoded.encoding, decoded.confidence, decoded.bom, len(data),
                     hashlib.sha256(data).hexdigest())
    # a caller that holds no other reference (parse_file, stdin, convert) lets the bytes go here,
    # before the models are built: 10 MB less at the peak of a 10 MB input
    del data
    return _build(decoded.text, source, replaced=decoded.replaced, confidence=decoded.confidence,
                  max_depth=max_depth, path=path)


def parse_file(path: str | os.PathLike[str], *, encoding: str | None = None,
               max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> Document:
    """Read a file and parse it; errors name the file.

    Raises:
        DocparseError: the file is missing, a directory or unreadable, or its content is not a report.
    """
    name = os.fspath(path)
    return parse_bytes(read_bytes(name), encoding=encoding, path=name, max_chars=max_chars,
                       max_depth=max_depth)


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    """The Document as JSON (Chinese unescaped): ``doc.model_dump_json(indent=indent)``, made by the
    writer every JSON output of docparse uses (:func:`docparse.renderers.document.json_chunks`)."""
    return b"".join(json_chunks(doc, indent=indent)).decode("utf-8")


def from_json(data: str | bytes) -> Document:
    """A Document read back from its JSON.

    Raises:
        pydantic.ValidationError: not a Document, or one of another major schema version.
    """
    return Document.model_validate_json(data)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the output (serialization mode)."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://docparse.example/schema/document-{Document.model_fields['schema_version'].default}.json"
    return schema


def _source(path: str | None, encoding: str, confidence: float, bom: bool, size: int, digest: str
            ) -> dict[str, Any]:
    """The :class:`SourceInfo` fields known before the text is read (all but ``newline``)."""
    return {"path": path, "encoding": encoding, "confidence": confidence, "bom": bom, "size": size,
            "sha256": digest}


def _build(raw_text: str, source_fields: dict[str, Any], *, replaced: int, confidence: float,
           max_depth: int = MAX_DEPTH, path: str | None = None) -> Document:
    text, newline = normalize_newlines(raw_text)
    source = SourceInfo(**source_fields, newline=newline)
    folded = fold(text)
    locator = Locator(text)
    lines = cut_run_on(split_lines(text, folded), marker_patterns())
    segmented = segment(lines)
    front = build_front_matter(text, folded, locator, segmented)
    tree = document_parser().parse(prepare(segmented.body, marker_patterns()))
    del lines, segmented  # a copy of the text as line objects: free it before the models are built
    period = str(front.report_year) if front.report_year else None
    ctx = Context(text, folded, locator, period,
                  measures_default=front.doc_type in ("fazhi_annual", "work_summary", "gov_work_report"))
    preamble, sections = build_body(tree, ctx)
    depth = 0
    recovered: list[Section] = []
    for top in sections:
        for section in top.walk():
            depth = max(depth, section.level)
            if section.marker.recovered:
                recovered.append(section)
    if depth > max_depth:
        raise LimitError(f"章节嵌套深度 {depth} 超过 {max_depth} 层的上限（可用 max_depth 放宽）", path=path)
    found: list[Diagnostic] = [*_text_diagnostics(text, locator, replaced, confidence),
                               *front.diagnostics]
    found.extend(_missing_number(section.marker.style, section.marker.ordinal or 0, section.level,
                                 locator, section.heading_span.start, section.heading_span.end)
                 for section in recovered)
    # every part is a model already (validated or built as valid): the Document is not validated again
    return build(
        Document, source=source, text=text, doc_type=front.doc_type, title=front.title,
        subtitle=front.subtitle, byline=front.byline, report_year=front.report_year,
        addressee=front.addressee, metadata=front.metadata, furniture=front.furniture, preamble=preamble,
        sections=sections, closing=front.closing, diagnostics=sorted(found, key=_diagnostic_order),
    )


_LEVEL_NAMES = ("一级", "二级", "三级", "四级", "五级", "六级")


def _missing_number(style: MarkerStyle, ordinal: int, level: int, locator: Locator, start: int, end: int
                    ) -> Diagnostic:
    from .lexer import STYLE_TERMINAL, TERMINALS
    from .models import Marker
    from .transform import path_label

    rank = TERMINALS[STYLE_TERMINAL[style]][1]
    label = path_label(Marker(raw="", style=style, ordinal=ordinal, rank=rank), "")
    expected = label + "、" if style == "cn_dun" else label
    level_name = _LEVEL_NAMES[level - 1] if level <= len(_LEVEL_NAMES) else f"{level}级"
    return diagnostics.make(
        "DP201", f"{level_name}标题缺少序号，按位置应为“{expected}”", locator, start, end,
        hint=f"在标题前补上序号“{expected}”",
    )


def _text_diagnostics(text: str, locator: Locator, replaced: int, confidence: float) -> list[Diagnostic]:
    found = []
    if replaced:
        first = text.find("\ufffd")
        found.append(diagnostics.make(
            "DP101", f"文本中有 {replaced} 处无法解码的字节被替换为“\ufffd”，原文内容已丢失", locator,
            first, first + 1, hint="确认文件编码，或用 --encoding 指定正确的编码"))
    elif "\ufffd" in text:
        first = text.find("\ufffd")
        found.append(diagnostics.make(
            "DP101", f"文本中有 {text.count(chr(0xFFFD))} 处替换字符“\ufffd”，原文在此前已损坏", locator,
            first, first + 1, hint="找回未损坏的原文"))
    garbage = _ESCAPE_GARBAGE.search(text) if _may_hold_escapes(text) else None
    if garbage:
        count = len(_ESCAPE_GARBAGE.findall(text))
        found.append(diagnostics.make(
            "DP102", f"文本含 {count} 处转义残留（如“{garbage.group()}”），应为实际字符", locator,
            garbage.start(), garbage.end(), hint="抓取或转换网页时把实体和转义序列还原为字符"))
    if confidence < 0.5:
        found.append(diagnostics.make(
            "DP103", f"编码识别置信度低（{confidence:.2f}），请核对文字是否正确",
            hint="用 --encoding 指定编码"))
    return found


def _may_hold_escapes(text: str) -> bool:
    """Every escape _ESCAPE_GARBAGE finds starts with one of these: ``in`` rules them out far faster
    than a regex search of the whole text."""
    return "<U+" in text or "&" in text or "\\u" in text


def _diagnostic_order(diagnostic: Diagnostic) -> tuple[int, str]:
    return (diagnostic.span.start if diagnostic.span else -1, diagnostic.code)
