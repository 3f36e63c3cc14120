"""A readable outline of a parsed Document, one node per line, for goldens read by hand.

The outline says what the product found: the front matter, every section with its paragraphs,
enumeration items, claims and metrics, the closing and the diagnostics. A long text shows only its
first and last characters (the input holds the rest), line numbers locate each node, and nothing is
aligned in columns, so that a change in the parse shows up as a small diff of the lines it touches.
It reads the public model only.
"""

from __future__ import annotations

from collections.abc import Iterator

from docparse import Claim, Document, EnumItem, Metric, Paragraph, Section, Span

HEAD, TAIL = 18, 6
"""How much of a long paragraph, claim or furniture line the outline shows: its first and last
characters, so that both where a node starts and where it was cut show in a diff."""

INDENT = "  "


def cut(text: str) -> str:
    """``text`` on one line; a long one as its first and last characters around ``…``."""
    flat = text.replace("\n", "↵")
    return flat if len(flat) <= HEAD + TAIL + 1 else f"{flat[:HEAD]}…{flat[-TAIL:]}"


def number(value: float) -> str:
    """A metric value as a reader writes it: ``23000``, ``98.5``, ``134900000000000``."""
    if value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(value)


def line_of(span: Span | None) -> str:
    """``L12``: the line a node starts on."""
    return "L?" if span is None else f"L{span.line}"


def outline(doc: Document) -> str:
    """The whole outline of ``doc`` as text ending in a newline."""
    return "\n".join(_document(doc)) + "\n"


def _document(doc: Document) -> Iterator[str]:
    yield f"doc_type {doc.doc_type}"
    yield f"report_year {doc.report_year if doc.report_year is not None else '-'}"
    if doc.title is None:
        yield "title -"
    else:
        yield f"title {doc.title.text}"
        for span in doc.title.spans:
            yield f"{INDENT}line {line_of(span)} {doc.text[span.start:span.end]}"
    for name in ("subtitle", "byline", "addressee"):
        block = getattr(doc, name)
        yield f"{name} -" if block is None else f"{name} {line_of(block.span)} {block.text}"
    yield from _metadata(doc)
    yield f"furniture {len(doc.furniture)}"
    for piece in doc.furniture:
        yield f"{INDENT}{line_of(piece.span)} {piece.category}: {cut(piece.text)}"
    yield f"preamble {len(doc.preamble)}"
    for paragraph in doc.preamble:
        yield from _paragraph(paragraph, "other", 1)
    yield f"sections {sum(1 for section in doc.sections for _ in section.walk())}"
    for section in doc.sections:
        yield from _section(section, 1)
    yield from _closing(doc)
    yield f"attachments {len(doc.attachments)}"
    for attachment in doc.attachments:
        yield f"{INDENT}{line_of(attachment.label_span)} {attachment.label} title={attachment.title or '-'}"
        for paragraph in attachment.preamble:
            yield from _paragraph(paragraph, "other", 2)
        for section in attachment.sections:
            yield from _section(section, 2)
    yield f"diagnostics {len(doc.diagnostics)}"
    for diagnostic in doc.diagnostics:
        yield f"{INDENT}{diagnostic.code} {diagnostic.severity} {line_of(diagnostic.span)}"


def _metadata(doc: Document) -> Iterator[str]:
    """Each field as written, then each typed value that reads otherwise than its first field."""
    metadata = doc.metadata
    yield f"metadata {len(metadata.fields)}"
    written: dict[str, str] = {}
    for field in metadata.fields:
        written.setdefault(field.key, field.value)
        yield f"{INDENT}{field.key}={field.value} ({field.label} {line_of(field.span)})"
    for key in type(metadata).model_fields:
        value = getattr(metadata, key)
        if key != "fields" and value not in (None, []) and str(value) != written.get(key):
            yield f"{INDENT}typed {key}={value}"


def _section(section: Section, depth: int) -> Iterator[str]:
    marker = section.marker
    written = marker.raw if not marker.recovered else f"(recovered {marker.ordinal})"
    yield (f"{INDENT * depth}§ {line_of(section.heading_span)} level={section.level} path={section.path} "
           f"marker={written} title={section.title} role={section.role}")
    for paragraph in section.body:
        yield from _paragraph(paragraph, section.role, depth + 1)
    for child in section.children:
        yield from _section(child, depth + 1)


def _paragraph(paragraph: Paragraph, role: str, depth: int) -> Iterator[str]:
    yield f"{INDENT * depth}¶ {line_of(paragraph.span)} {cut(paragraph.text)}"
    for claim in paragraph.claims:
        yield from _claim(claim, paragraph.text, role, depth + 1)
    for item in paragraph.items:
        yield from _item(item, role, depth + 1)


def _item(item: EnumItem, role: str, depth: int) -> Iterator[str]:
    yield f"{INDENT * depth}• {line_of(item.span)} {item.marker} lead={cut(item.lead)}"
    for claim in item.claims:
        yield from _claim(claim, "", role, depth + 1)


def _claim(claim: Claim, whole: str, role: str, depth: int) -> Iterator[str]:
    """A claim that is its whole paragraph reads ``= ¶``; its role is shown where it is not its section's."""
    text = "= ¶" if claim.text == whole else cut(claim.text)
    own_role = "" if claim.role == role else f" role={claim.role}"
    yield f"{INDENT * depth}c {line_of(claim.span)} {text}{own_role}"
    for metric in claim.metrics:
        yield f"{INDENT * (depth + 1)}{_metric(metric)}"


def _metric(metric: Metric) -> str:
    """``raw → value unit qualifier measure …`` with the optional facts only where they are set."""
    shown = number(metric.value)
    if metric.value_high is not None:
        shown += f"~{number(metric.value_high)}"
    own_id = metric.id.rsplit("/", 1)[-1]
    parts = [f"{own_id} {metric.raw} → {shown}", metric.unit or "(no unit)", metric.qualifier]
    if metric.measure == "change":
        parts.append("/".join(["change", metric.direction or "?", metric.baseline or "-"]))
    else:
        parts.append("level")
    parts.extend(f"{name}={getattr(metric, name)}" for name in ("label", "subject", "period")
                 if getattr(metric, name) is not None)
    if metric.is_target:
        parts.append("target")
    if metric.breakdown is not None:
        parts.append(f"{metric.breakdown}:{_group(metric)}")
    return " ".join(parts)


def _group(metric: Metric) -> str:
    """The total's id, short (``m1``) when the total is in the same claim."""
    group = metric.group or "-"
    own_claim = metric.claim_id + "/"
    return group.removeprefix(own_claim) if group.startswith(own_claim) else group


def _closing(doc: Document) -> Iterator[str]:
    closing = doc.closing
    if closing is None:
        yield "closing -"
        return
    yield f"closing {line_of(closing.span)}-L{closing.span.end_line}"
    for block in closing.signature:
        yield f"{INDENT}signature {line_of(block.span)} {block.text}"
    if closing.date_text is not None or closing.date is not None:
        yield f"{INDENT}date {line_of(closing.date_span)} {closing.date_text} → {closing.date}"
    for block in closing.notes:
        yield f"{INDENT}note {line_of(block.span)} {cut(block.text)}"
