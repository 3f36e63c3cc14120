"""Span checks shared by the robustness tests: bounds, nesting, and the "nothing lost" coverage."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from docparse.models import Document, Span
from docparse.normalize import fold


def iter_spans(node: BaseModel, parent: Span | None = None) -> Iterator[tuple[Span, Span | None]]:
    """Every span in the tree with the span of the nearest enclosing node that has one."""
    own = getattr(node, "span", None)
    own = own if isinstance(own, Span) else None
    for name in type(node).model_fields:
        value = getattr(node, name)
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, Span):
                if name != "span":
                    yield child, own or parent
            elif isinstance(child, BaseModel):
                yield from iter_spans(child, own or parent)
    if own is not None:
        yield own, parent


def page_at(doc: Document, offset: int) -> int | None:
    """The page of the original that ``doc.text[offset]`` came from: that of the last paged anchor
    starting at or before it (the first page before any anchor); ``None`` for a text without pages."""
    paged = [anchor for anchor in doc.source_map if anchor.page is not None]
    before = [anchor.page for anchor in paged if anchor.start <= offset]
    return before[-1] if before else (paged[0].page if paged else None)


def span_problems(doc: Document) -> list[str]:
    """Spans out of bounds, reversed, with wrong line/column or page, or outside their parent's span."""
    problems = []
    length = len(doc.text)
    for span, parent in iter_spans(doc):
        if not 0 <= span.start <= span.end <= length:
            problems.append(f"out of bounds: {span}")
            continue
        pages = (page_at(doc, span.start), page_at(doc, max(span.start, span.end - 1)))
        if (span.page, span.end_page) != pages:
            problems.append(f"wrong pages {span.page}–{span.end_page} != {pages[0]}–{pages[1]}: {span}")
        line = doc.text.count("\n", 0, span.start) + 1
        column = span.start - (doc.text.rfind("\n", 0, span.start) + 1) + 1
        if (span.line, span.column) != (line, column):
            problems.append(f"wrong line/column {span.line}:{span.column} != {line}:{column}: {span}")
        if parent is not None and not parent.start <= span.start <= span.end <= parent.end:
            problems.append(f"{span} not inside parent {parent}")
    return problems


def accounted_spans(doc: Document) -> list[tuple[str, Span]]:
    """The places a character can be accounted for (issue 5, point 4), each with its kind."""
    places: list[tuple[str, Span]] = [("furniture", f.span) for f in doc.furniture]
    places += [("metadata", f.span) for f in doc.metadata.fields]
    if doc.title:  # (a title a scraper's header block names only in its field is that field's text)
        values = [f.value_span for f in doc.metadata.fields]
        places += [("title", s) for s in doc.title.spans
                   if not any(v.start <= s.start and s.end <= v.end for v in values)]
    for kind, block in (("subtitle", doc.subtitle), ("byline", doc.byline), ("addressee", doc.addressee)):
        if block is not None:
            places.append((kind, block.span))
    places += [("heading", s.heading_span) for s in doc.walk()]
    places += [("attachment", a.heading_span) for a in doc.attachments]
    places += [("paragraph", p.span) for _, p in doc.paragraphs()]
    if doc.closing:
        places += [("closing", b.span) for b in (*doc.closing.signature, *doc.closing.notes)]
        if doc.closing.date_span:
            places.append(("closing", doc.closing.date_span))
    return places


def coverage_problems(doc: Document) -> list[str]:
    """Every non-space character must lie in exactly one accounted span; describe each run that does not."""
    folded = fold(doc.text)
    owners: list[list[str]] = [[] for _ in folded]
    for kind, span in accounted_spans(doc):
        for index in range(span.start, min(span.end, len(folded))):
            owners[index].append(kind)
    problems = []
    index = 0
    while index < len(folded):
        if folded[index] in " \n" or len(owners[index]) == 1:
            index += 1
            continue
        end = index
        while end < len(folded) and folded[end] not in " \n" and owners[end] == owners[index]:
            end += 1
        state = "+".join(owners[index]) or "nowhere"
        problems.append(f"{doc.text[index:end]!r} at {index} is in {state}")
        index = end
    return problems
