"""Findings as Word comments: ``docparse validate draft.docx --annotate reviewed.docx``.

Officials review drafts in Word; a finding reaches them best as a comment on the words it is
about, in the file they already have open. Each finding becomes one comment anchored on the text
of its span, found through the document's source map (:attr:`docparse.models.Document.source_map`:
the paragraph or table cell a stretch of the text came from, and the character offset in it).
The document is otherwise left as it is: a run that a finding starts or ends inside is split in
two at that character, with the same properties, so its text and formatting stay what they were.

python-docx (``pip install 'docparse-cn[annotate]'``, 1.2 or later) writes the comments part; the
rest is its XML tree.
"""

from __future__ import annotations

import bisect
import copy
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from ..errors import BinaryInputError, MissingExtraError, install_hint
from ..models import Diagnostic, Document

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["AUTHOR", "Comment", "annotate_docx", "comment_text", "comments_for"]

AUTHOR = "docparse"
"""The comments' author, as Word shows it beside each comment."""
INITIALS = "DP"

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_STEP = re.compile(r"(p|table|tr|tc|txbx)\[(\d+)\]")
_BLOCK_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}
"""Elements that hold paragraphs and tables without being one (content controls, custom XML):
looked through when counting a container's paragraphs, as the .docx reader does."""
_SKIPPED_RUN_PARENTS = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent"}
"""Runs under these are not the paragraph's own text: tracked deletions, text boxes."""
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


@dataclass(frozen=True)
class Comment:
    """One comment: from character ``start`` of the paragraph at ``start_where`` to character
    ``end`` of the paragraph at ``end_where`` (addresses as in the source map: ``p[3]``,
    ``table[1]/tr[2]/tc[1]/p[1]``; ``""`` for the document's first paragraph)."""

    text: str
    start_where: str = ""
    start: int = 0
    end_where: str = ""
    end: int = 0


def comment_text(diagnostic: Diagnostic) -> str:
    """What a comment says: the code, the severity, the message and, when there is one, the fix."""
    text = f"{diagnostic.code} {_SEVERITY[diagnostic.severity]}：{diagnostic.message}"
    return f"{text}\n建议：{diagnostic.hint}" if diagnostic.hint else text


def comments_for(document: Document, findings: Iterable[Diagnostic]) -> list[Comment]:
    """A comment for each finding, placed through the document's source map. A finding with no
    span, or a document with no map, gives a comment on the document's first paragraph; so does
    one on the text of an embedded part (``altChunk``: a web page inside the Word file), which
    has no runs to anchor on."""
    anchors = [anchor for anchor in document.source_map if not anchor.where.endswith("/numbering")]
    starts = [anchor.start for anchor in anchors]
    comments = []
    for diagnostic in findings:
        text = comment_text(diagnostic)
        span = diagnostic.span
        if span is None or not anchors:
            comments.append(Comment(text))
            continue
        end = max(span.end, span.start + 1)
        low = max(bisect.bisect_right(starts, span.start) - 1, 0)
        touched = [anchor for anchor in anchors[low:bisect.bisect_left(starts, end)]
                   if anchor.end > span.start]
        if not touched:  # the span lies between paragraphs (a line break): the next paragraph's start
            after = anchors[min(bisect.bisect_left(starts, span.start), len(anchors) - 1)]
            comments.append(Comment(text, after.where, after.offset, after.where, after.offset))
            continue
        first, last = touched[0], touched[-1]
        comments.append(Comment(text, first.where, first.offset + max(span.start - first.start, 0),
                                last.where, last.offset + min(span.end, last.end) - last.start))
    return comments


def annotate_docx(data: bytes, comments: Sequence[Comment], *, path: str | None = None) -> bytes:
    """The .docx ``data`` with ``comments`` added.

    Raises:
        MissingExtraError: python-docx 1.2 or later is not installed (DP012).
        BinaryInputError: ``data`` is not a .docx python-docx can open (DP003).
    """
    try:
        import docx
        from docx.text.run import Run
    except ImportError:
        raise MissingExtraError(f"写批注需要 python-docx 1.2 以上：{install_hint('annotate')}",
                                path=path) from None
    try:
        word = docx.Document(io.BytesIO(_without_dangling_parts(data)))
    except Exception as exc:  # python-docx raises a variety of errors for a file it cannot open
        raise BinaryInputError(f"无法打开 .docx 写批注（{type(exc).__name__}）", path=path) from None
    if not hasattr(word, "add_comment"):
        raise MissingExtraError(f"写批注需要 python-docx 1.2 以上：{install_hint('annotate')}",
                                path=path)
    body = word.element.body
    for comment in comments:
        first, last = _range(body, comment)
        paragraph: Any = None  # python-docx's Run wants its parent only for navigation
        word.add_comment([Run(first, paragraph), Run(last, paragraph)], comment.text, AUTHOR, INITIALS)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


_RELATIONSHIP = re.compile(r"<Relationship\b[^>]*>")
_TARGET = re.compile(r'\bTarget="([^"]*)"')


def _without_dangling_parts(data: bytes) -> bytes:
    """The package with each relationship to a part it does not hold (an image saved as
    ``../NULL``, which Word shows as missing) marked external, so that python-docx, which
    refuses such a package, opens it; every part is otherwise copied as it is."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data
    names = {name.lower() for name in archive.namelist()}  # part names ignore case
    changed: dict[str, bytes] = {}
    for name in archive.namelist():
        if name.endswith(".rels"):
            text = archive.read(name).decode("utf-8", "replace")
            fixed = _mark_dangling(text, posixpath.dirname(posixpath.dirname(name)), names)
            if fixed != text:
                changed[name] = fixed.encode("utf-8")
    if not changed:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rewritten:
        for info in archive.infolist():
            rewritten.writestr(info, changed.get(info.filename, archive.read(info.filename)))
    return out.getvalue()


def _mark_dangling(relationships: str, folder: str, names: set[str]) -> str:
    """A .rels part with its relationships to parts not in ``names`` marked external (targets
    are relative to ``folder``, the folder of the part the relationships belong to)."""

    def external(match: re.Match[str]) -> str:
        element = match.group()
        target = _TARGET.search(element)
        if target is None or "TargetMode" in element:
            return element
        part = unquote(target.group(1))
        part = part.lstrip("/") if part.startswith("/") else posixpath.normpath(posixpath.join(folder, part))
        if part.lower() in names:
            return element
        return element.replace("<Relationship", '<Relationship TargetMode="External"', 1)

    return _RELATIONSHIP.sub(external, relationships)


def _range(body: BaseOxmlElement, comment: Comment) -> tuple[Any, Any]:
    """The first and the last run of the comment's text, runs split where it starts or ends
    inside one; for an empty span, the run at its place."""
    start_paragraph = _paragraph(body, comment.start_where)
    end_paragraph = _paragraph(body, comment.end_where)
    if start_paragraph is end_paragraph and comment.end <= comment.start:
        run = _run_at(start_paragraph, comment.start)
        return run, run
    first = _split_at(start_paragraph, comment.start)
    after_last = _split_at(end_paragraph, comment.end)
    runs = list(_runs(end_paragraph))
    if after_last is not None and after_last in runs and runs.index(after_last) > 0:
        last = runs[runs.index(after_last) - 1]
    else:
        last = runs[-1] if runs else None
    if first is None:
        first = _run_at(start_paragraph, comment.start)
    if last is None:
        last = first
    return first, last


def _paragraph(body: BaseOxmlElement, where: str) -> Any:
    """The paragraph at a source-map address; the body's first paragraph for ``""`` or an
    address that leads nowhere (a document changed since it was read)."""
    node: Any = body
    found: Any = None
    for kind, number in _STEP.findall(where):
        index = int(number) - 1
        if kind == "txbx":
            boxes = list(node.iter(f"{_W}txbxContent"))
            node = boxes[index] if index < len(boxes) else None
        else:
            tag = {"p": "p", "table": "tbl", "tr": "tr", "tc": "tc"}[kind]
            children = [child for child in _blocks(node) if child.tag == f"{_W}{tag}"]
            node = children[index] if index < len(children) else None
        if node is None:
            break
        if kind == "p":
            found = node
    if found is None:
        found = next(body.iter(f"{_W}p"), None)
    if found is None:
        found = body.add_p()
    return found


def _blocks(container: Any) -> Iterator[Any]:
    """The children of ``container`` with content controls and custom XML looked through."""
    for child in container:
        if child.tag in _BLOCK_WRAPPERS:
            yield from _blocks(child)
        else:
            yield child


def _runs(paragraph: Any) -> Iterator[Any]:
    """The runs of a paragraph's own text in order (hyperlinks, insertions, fields included;
    tracked deletions and text boxes left out)."""
    for run in paragraph.iter(f"{_W}r"):
        parent = run.getparent()
        skipped = False
        while parent is not None and parent is not paragraph:
            if parent.tag in _SKIPPED_RUN_PARENTS:
                skipped = True
                break
            parent = parent.getparent()
        if not skipped:
            yield run


def _piece_length(child: Any) -> int:
    if child.tag == f"{_W}t":
        return len(child.text or "")
    return len(_RUN_TEXT.get(child.tag, ""))


def _run_at(paragraph: Any, offset: int) -> Any:
    """The run holding character ``offset`` (the last one past the end; a new empty run in a
    paragraph with none)."""
    position = 0
    last = None
    for run in _runs(paragraph):
        length = sum(_piece_length(child) for child in run)
        if position + length > offset:
            return run
        position += length
        last = run
    return last if last is not None else paragraph.add_r()


def _split_at(paragraph: Any, offset: int) -> Any:
    """Split the run that character ``offset`` falls inside, and return the run that starts at
    ``offset`` (``None`` at or past the paragraph's end)."""
    position = 0
    for run in list(_runs(paragraph)):
        length = sum(_piece_length(child) for child in run)
        if offset < position + length:
            if offset == position:
                return run
            return _split(run, offset - position)
        position += length
    return None


def _split(run: Any, at: int) -> Any:
    """Cut ``run`` before its character ``at``: the second part is a copy of the run (same
    properties) holding the rest of its content; returns it."""
    rest = copy.deepcopy(run)
    for child in list(rest):
        if child.tag != f"{_W}rPr":
            rest.remove(child)
    position = 0
    for child in list(run):
        if child.tag == f"{_W}rPr":
            continue
        length = _piece_length(child)
        if position >= at:
            run.remove(child)
            rest.append(child)
        elif position + length > at and child.tag == f"{_W}t":
            text = child.text or ""
            cut = at - position
            tail = copy.deepcopy(child)
            child.text, tail.text = text[:cut], text[cut:]
            for part in (child, tail):
                part.set(_XML_SPACE, "preserve")
            rest.append(tail)
        position += length
    run.addnext(rest)
    return rest
