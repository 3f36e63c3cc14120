"""Where attachments start: a label (附件 / 附件1 / 附表2 / 附录3, the grammar's ATTACHMENT) alone on
its line (or after the 发文字号 of the document it belongs to: ``津工信电力〔2021〕2号附件``), or with a
number and the attachment's title after it; the body before the first is the
document's own. Each attachment is then read as a document of its own: its numbering starts afresh.

A notice that issues or forwards a document (``关于印发《某某预案》的通知``) is often followed by that
document without a label: after the notice's closing, a line that is the issued document's title,
alone, starts an attachment with an empty label.

A label with its colon alone on its line (``附件：`` / ``某某名单``) is as often a 附件说明 above the
signature, or a page's list of downloads, as an attachment's start: it starts one only where what
follows the title, up to the next label, has a heading or a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ..grammar import terminal
from ..ladder import marker_at, tentative_marker_at
from ..lines import Line
from ..metadata import DOC_NUMBER
from ..normalize import CJK, fold
from ..segment.title import GENRE_WORDS, ISSUING, QUOTED_TITLE

_MARKUP = " #*_"
_SENTENCE_STOP = re.compile(r"[。;!?]")
MAX_TITLE = 60
"""An attachment's title is at most this long."""
_TITLE_ENDING = re.compile(f"(?:{GENRE_WORDS}|表|书|单|图|册)$")
"""What an attachment's title ends with: a document's genre (…办法) or a form's (…审批表, …声明书,
…名单, …流程图)."""
MAX_TITLE_TAIL = 30
"""The second line of an attachment's title broken over two is at most this long."""


@dataclass
class Part:
    """The document's own body (no label) or one attachment: its label, title and lines."""

    lines: list[Line] = field(default_factory=list)
    label: tuple[int, int] | None = None
    title: tuple[int, int] | None = None


_ISSUED = re.compile(rf"(?:{ISSUING.pattern})(?P<names>.*?)的?(?:通知|决定|通告|公告|函)$")
"""A title that issues or forwards documents, the part naming them (``关于印发《某某办法》的通知``)."""


def issued_documents(title: str | None) -> frozenset[str]:
    """The titles, without spaces, of the documents a notice's title says it issues or forwards:
    each one in 《》, or the words between 印发 and 的通知 where none is (``关于印发某某方案的通知``)."""
    found = _ISSUED.search(fold(title).replace(" ", "")) if title else None
    if found is None:
        return frozenset()
    named = QUOTED_TITLE.findall(found["names"]) or [found["names"]]
    return frozenset(name for name in named if len(name) >= 4)


def split_attachments(lines: list[Line], issued: Collection[str] = ()) -> list[Part]:
    """The body lines cut into the document's own part and one part per attachment; a line that is
    the title of a document in ``issued`` (:func:`issued_documents`) starts an attachment too."""
    parts = [Part()]
    index = 0
    while index < len(lines):
        start = _attachment_start(lines, index) or _issued_start(lines, index, issued) if index > 0 else None
        if start is not None and start[2] > 1 and _lists_issued(lines, index + 1, issued):
            start = None  # 附件： / the issued document's title, which follows after the closing: the note
        if start is None:
            parts[-1].lines.append(lines[index])
            index += 1
            continue
        label, title, used = start
        parts.append(Part(label=label, title=title))
        index += used
    return parts


Start = tuple[tuple[int, int], tuple[int, int] | None, int]
"""An attachment's label, its title (if any) and how many lines the two take."""


def _attachment_start(lines: list[Line], index: int) -> Start | None:
    """The label, the title and how many lines they take, if an attachment starts at ``lines[index]``."""
    line = lines[index]
    offset = len(line.folded) - len(line.folded.lstrip(_MARKUP))
    label = terminal("ATTACHMENT").match(line.folded, offset)
    label_start = label.start() if label is not None else offset
    if label is None:
        label = _label_after_number(line.folded, offset)
        if label is None:
            return None
    label_span = (line.start + label_start, line.start + label.end())
    rest = line.folded[label.end():].strip(_MARKUP)
    colon = rest.startswith(":") and not rest.lstrip(":").strip(_MARKUP)
    if not rest or colon:  # 附件1 alone, and its title on the next line (a contents entry 附录 has none)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and following.folded.lstrip(_MARKUP).startswith(":"):
            return None  # 附件 / ：/ 某某规则, a line per token: a list of attachments
        if following is None or not _is_title(following.stripped):
            return None
        listed = tentative_marker_at(following.folded.lstrip(_MARKUP)) is not None
        if colon and (listed or not _has_text(lines, index + 2)):
            return None  # 附件：/ 1.某某表 / 2.… or a page's downloads: a list of attachments
        if _title_goes_on(following.stripped, lines, index + 2):
            return label_span, (following.content_start, lines[index + 2].content_end), 3
        return label_span, (following.content_start, following.content_end), 2
    numbered = label.end() - label.start() > 2
    title = rest.lstrip(":")
    if not numbered or not _is_title(title) or marker_at(title) is not None:
        return None  # 附件：1.… / 附件：某某办法 — a list of attachments, not one starting
    title_start = line.start + line.folded.index(title, label.end())
    if _title_goes_on(title, lines, index + 1):
        return label_span, (title_start, lines[index + 1].content_end), 2
    return label_span, (title_start, title_start + len(title)), 1


def _issued_start(lines: list[Line], index: int, issued: Collection[str]) -> Start | None:
    """An attachment with an empty label (at the title's start) if ``lines[index]`` is an issued
    document's title alone (``上海市崇明区地下空间突发事件应急预案`` after the notice that issues it),
    not an item of the 附件说明 (``附件：`` on the line before)."""
    if not issued or lines[index - 1].folded.rstrip(_MARKUP).endswith(":"):
        return None
    line = lines[index]
    title = line.folded.strip(_MARKUP)
    if _issued_name(title) not in issued:
        return None
    start = line.start + line.folded.index(title)
    return (start, start), (start, start + len(title)), 1


def _issued_name(title: str) -> str:
    """A line's text as :func:`issued_documents` gives a name: no spaces, no 《》 around it."""
    squeezed = title.replace(" ", "")
    return squeezed[1:-1] if squeezed.startswith("《") and squeezed.endswith("》") else squeezed


def _lists_issued(lines: list[Line], index: int, issued: Collection[str]) -> bool:
    """Whether ``lines[index]``, the title under an 附件 label, names an issued document that a later
    line starts (:func:`_issued_start`): the label and the title are the 附件说明, not the start."""
    if not issued or index >= len(lines):
        return False
    name = _issued_name(lines[index].folded.strip(_MARKUP))
    later = (_issued_name(line.folded.strip(_MARKUP)) for line in lines[index + 1:])
    return name in issued and name in later


def _label_after_number(folded: str, offset: int) -> re.Match[str] | None:
    """The 附件 of an attachment's label that names the 发文字号 of the document it belongs to, alone on
    its line: ``津工信电力〔2021〕2号附件`` over the issued 实施细则's title (the label is the whole line)."""
    if "附" not in folded:
        return None
    number = DOC_NUMBER.match(folded, offset)
    if number is None or not number.group("hao"):
        return None
    label = terminal("ATTACHMENT").match(folded, number.end())
    return label if label is not None and not folded[label.end():].strip(_MARKUP) else None


def _title_goes_on(title: str, lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]`` is the rest of an attachment's title broken over two lines: the title
    does not end as one does, and with the line it does (``重庆市放弃政策性粮食购销违法违规行为`` /
    ``举报奖励资金声明书``)."""
    if index >= len(lines) or _TITLE_ENDING.search(title):
        return False
    tail = lines[index].stripped
    return (len(tail) <= MAX_TITLE_TAIL and _is_title(tail) and ":" not in lines[index].folded
            and bool(_TITLE_ENDING.search(title + tail)))


def _has_text(lines: list[Line], index: int) -> bool:
    """Whether a line from ``lines[index]`` up to the next attachment label is a heading or holds a
    sentence: the text of an attachment, not a list of files or a page's links."""
    for line in lines[index:]:
        text = line.folded.lstrip(_MARKUP)
        if terminal("ATTACHMENT").match(text):
            return False
        if marker_at(text) is not None or "。" in text:
            return True
    return False


def _is_title(text: str) -> bool:
    """A line that reads as an attachment's title: short, Chinese, no sentence, no heading number."""
    return (0 < len(text) <= MAX_TITLE and len(CJK.findall(text)) >= 2 and not _SENTENCE_STOP.search(text)
            and marker_at(text) is None)
