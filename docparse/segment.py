"""Stage 3: split the lines into front matter, furniture, body and closing, before any grammar runs.

Front matter is the title (also behind chrome, over two lines, or repeated by the page), the
metadata block, a subtitle and byline, and the 主送机关 or salutation. The closing is the
发文机关署名 with its 成文日期 and any 附注. Chrome anywhere is furniture. What is left is the
body, which the block grammar structures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import chrome, ladder
from .lines import Line
from .metadata import DOC_NUMBER, RawField, find_fields
from .models import FurnitureCategory
from .normalize import CJK

GENRE_ENDING = re.compile(
    r"(报告|通知|意见|决定|办法|条例|规定|规划|方案|总结|公告|通告|通报|请示|批复|函|纪要|决议|公报|细则|"
    r"要点|计划|说明|讲话|情况|实施意见|指导意见|工作报告|白皮书|规则|章程|守则|准则|标准|目录|清单|法|令)$"
)
_SENTENCE_STOP = re.compile(r"[。;!?]")
_LINE_END_PUNCT = re.compile(r"[。;:,、!?]$")
_DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○O0一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
    r"[一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})$"
)
_ORGAN_ENDING = re.compile(
    r"(政府|委员会|委|局|厅|办公室|办|院|部|中心|所|处|会|公司|小组|党委|党组|办事处|管委会|乡|镇|街道|"
    r"司法局|人民政府|常委会|人大|政协|总队|支队|大队|集团|学校|大学|署|室|站|社|馆|队)$"
)
_NOTE_LINE = re.compile(r"^\((?:此件|本件|联系人|联系电话|附件|主动公开|依申请公开|不予公开).{0,60}\)$")
_LISTED_ATTACHMENT = re.compile(r"^\d{1,2}[.、][^。;]{1,80}$")
_ATTACHMENT_LINE = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:.、]?")
_SUBTITLE = re.compile(
    r"^(?:——|—|--|-)\s*\S.*(?:会议|讲话|报告|发言|上|日)\)?$"
    r"|^\((?:\d{4}年|[〇一二三四五六七八九]{4}年).{0,160}\)$"
)
_ADDRESSEE = re.compile(
    r"^(?:各位代表|各位委员|同志们|各(?:省|市|县|区|乡|镇|街道|有关|部门|单位|位)[^。;!?]{0,80}|"
    r"[^。;!?,]{2,40}(?:人民政府|委员会|办公厅|办公室|常委会|党委|局|厅|部)):$"
)
_BYLINE = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:\s+[\u4e00-\u9fff·]{2,5})+$")
"""``国务院总理 李强``: a title or office, a space, a name."""
_RELATED_TAIL_LINE = re.compile(r"^[^。]{1,90}$")
_RELATED_TAIL_MAX = 30
"""At most this many lines after a 相关解读 line are a list of other pages' titles."""


@dataclass
class Segmented:
    """The result of segmentation: offsets only; the tree builder turns them into models."""

    body: list[Line] = field(default_factory=list)
    furniture: list[tuple[FurnitureCategory, int, int]] = field(default_factory=list)
    fields: list[tuple[RawField, int]] = field(default_factory=list)
    """Metadata fields with the offset of the line they were read from."""
    title: tuple[str, list[tuple[int, int]]] | None = None
    subtitle: tuple[int, int] | None = None
    byline: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    signature: list[tuple[int, int]] = field(default_factory=list)
    date: tuple[int, int] | None = None
    notes: list[tuple[int, int]] = field(default_factory=list)


def _starts_numbered(text: str) -> bool:
    """Whether a (folded) line starts with a heading marker or an enumerator: body, not front matter."""
    return ladder.marker_at(text) is not None or ladder.enumerator_at(text) is not None


def squeeze(line: Line) -> str:
    """The folded line with every space removed: the form chrome and titles are compared in."""
    return line.folded.replace(" ", "")


def _is_punctuated_title(text: str) -> bool:
    """``关于加强安全管理的通知。``: a title a writer ended with a stop (the validator reports it)."""
    return (len(text) <= 60 and text[-1:] in ("。", ".") and not _SENTENCE_STOP.search(text[:-1])
            and bool(GENRE_ENDING.search(text[:-1])) and not _starts_numbered(text))


def _is_title_like(text: str) -> bool:
    """A heading-free line of 4–80 characters with Chinese and no sentence punctuation."""
    if _is_punctuated_title(text):
        return True
    if not 4 <= len(text) <= 90 or _SENTENCE_STOP.search(text) or _LINE_END_PUNCT.search(text):
        return False
    if _starts_numbered(text) or _DATE_LINE.match(text) or DOC_NUMBER.fullmatch(text):
        return False
    return len(CJK.findall(text)) >= 4


def _is_body_start(line: Line, text: str) -> bool:
    """The first line that is unmistakably body: a numbered heading, or running text."""
    if _starts_numbered(text):
        return True
    return len(text) > 90 or bool(_SENTENCE_STOP.search(text)) or text.endswith(("。", ",", ";"))


def segment(lines: list[Line]) -> Segmented:
    """Classify every line; see the module docstring."""
    result = Segmented()
    role: list[str] = ["" for _ in lines]  # "" = undecided, "body", "front", "furniture", "closing"
    squeezed = [squeeze(line) for line in lines]

    for index, line in enumerate(lines):
        stripped = line.stripped
        if not stripped:
            role[index] = "blank"
            continue
        kind = chrome.classify_line(squeezed[index], stripped)
        if kind is None and chrome.is_markup(stripped):
            kind = "markup"
        if kind is not None:
            role[index] = "furniture"
            result.furniture.append((kind, line.content_start, line.content_end))

    body_start = _front_matter(lines, squeezed, role, result)
    body_end = _tail(lines, squeezed, role, result, body_start)
    for index in range(body_end):  # from 0: lines between title and body that nothing claimed
        if role[index] == "":
            role[index] = "body"
            result.body.append(lines[index])
    for index in range(body_end, len(lines)):
        if role[index] == "":
            # Leftovers after the closing: keep them as body rather than lose them.
            role[index] = "body"
            result.body.append(lines[index])
    result.furniture.sort(key=lambda item: item[1])
    return result


def _add_fields(line: Line, fields: list[RawField], result: Segmented) -> None:
    """Record metadata fields, cutting inline chrome (``大 中 小``) out of their values."""
    for raw in fields:
        value_start, value_end = raw.value_start, raw.value_end
        segment_text = line.folded[value_start:value_end]
        match = chrome.INLINE_CHROME.search(segment_text)
        if match and not segment_text[match.end():].strip(" "):  # chrome ends the value: cut it out
            lead = len(match.group()) - len(match.group().lstrip(" "))
            found = match.group()
            kind: FurnitureCategory = ("font_size" if "大" in found else
                                   "counter" if re.search("次数|点击", found) else "action")
            result.furniture.append((kind,
                                     line.start + value_start + match.start() + lead,
                                     line.start + value_start + match.end()))
            value_end = value_start + match.start()
            while value_end > value_start and line.folded[value_end - 1] == " ":
                value_end -= 1
        result.fields.append((RawField(raw.key, raw.label, line.raw[value_start:value_end],
                                       raw.start, value_start, value_end), line.start))


def _front_matter(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented) -> int:
    """Find title, metadata, subtitle, byline and addressee; return the index where the body starts."""
    candidates: list[int] = []
    index = 0
    limit = min(len(lines), 60)
    while index < limit:
        line, text = lines[index], squeezed[index]
        if role[index]:
            index += 1
            continue
        if text in ("目录", "目次"):
            break  # a table of contents: the lexer tells its entries from the headings they repeat
        fields = find_fields(line.folded)
        if fields:
            role[index] = "front"
            _add_fields(line, fields, result)
        elif DOC_NUMBER.fullmatch(text):
            role[index] = "front"
            result.fields.append((RawField("doc_number", "", line.raw.strip(), 0,
                                           line.content_start - line.start,
                                           line.content_end - line.start), line.start))
        elif _is_body_start(line, text) and not (result.title is None and not candidates
                                                  and _is_punctuated_title(text)):
            break
        else:
            candidates.append(index)
        index += 1
    body_start = index
    if not candidates:
        return body_start
    title_index = next((i for i in candidates if GENRE_ENDING.search(squeezed[i])
                        and _is_title_like(squeezed[i])), None)
    if title_index is None:
        title_index = next((i for i in candidates if _is_title_like(squeezed[i])
                            and not chrome.looks_like_banner(lines[i].stripped)), None)
    if title_index is None:
        for i in candidates:
            _mark_banner(lines[i], role, i, result)
        return body_start
    title_lines = [title_index]
    title_text = squeezed[title_index]
    before = title_index - 1
    if before in candidates and not role[before] and not chrome.looks_like_banner(lines[before].stripped):
        head = squeezed[before]
        # 关于2022年度法治政府 / 建设情况的报告: a title broken by a stray line break
        if (not _SENTENCE_STOP.search(head) and not _LINE_END_PUNCT.search(head)
                and len(head + title_text) <= 80
                and (("关于" in head and "关于" not in title_text) or len(title_text) <= 8)):
            title_lines.insert(0, before)
            title_text = head + title_text
    following = [i for i in candidates if i > title_index]
    if following and not GENRE_ENDING.search(title_text):
        nxt = following[0]
        joined = title_text + squeezed[nxt]
        if len(squeezed[nxt]) <= 24 and (GENRE_ENDING.search(joined) or title_text.endswith(
                ("的", "关于", "和", "与", "及", "暨", "对", "在"))):
            title_lines.append(nxt)
            title_text = joined
    for i in title_lines:
        role[i] = "front"
    result.title = (title_text, [(lines[i].content_start, lines[i].content_end) for i in title_lines])
    for i in candidates:
        if role[i]:
            continue
        if squeezed[i] == title_text:
            role[i] = "furniture"
            result.furniture.append(("repeated_title", lines[i].content_start, lines[i].content_end))
        elif i < title_index:
            _mark_banner(lines[i], role, i, result)
        else:
            _mark_after_title(lines[i], squeezed[i], role, i, result)
    # A repeated title can also stand among the metadata lines after the body started (rare).
    return body_start


def _mark_banner(line: Line, role: list[str], index: int, result: Segmented) -> None:
    """A line before the title that is neither metadata nor chrome: a banner or masthead."""
    role[index] = "furniture"
    result.furniture.append(("banner", line.content_start, line.content_end))


def _mark_after_title(line: Line, text: str, role: list[str], index: int, result: Segmented) -> None:
    """Between title and body: subtitle, byline (``国务院总理 李强``) or addressee; else body."""
    span = (line.content_start, line.content_end)
    if result.subtitle is None and _SUBTITLE.match(text):
        result.subtitle = span
        role[index] = "front"
    elif result.byline is None and result.subtitle is not None and _BYLINE.match(line.stripped):
        result.byline = span
        role[index] = "front"
    elif _ADDRESSEE.match(text):
        result.addressee = span
        role[index] = "front"


def _tail(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
          body_start: int) -> int:
    """Cut related-content lists, read the closing block; return the index where the body ends."""
    _cut_related(lines, squeezed, role, result, body_start)
    content = [i for i in range(body_start, len(lines)) if role[i] == ""]
    # Addressee right at the body start (主送机关 after a title found in front matter).
    if content and _ADDRESSEE.match(squeezed[content[0]]) and result.addressee is None:
        first = content.pop(0)
        role[first] = "front"
        result.addressee = (lines[first].content_start, lines[first].content_end)
    if not content:
        return len(lines)
    # Trailing metadata lines (发布时间：…, 来源：…).
    while content:
        last = content[-1]
        fields = find_fields(lines[last].folded)
        if not fields or len(content) < 2:
            break
        role[last] = "front"
        _add_fields(lines[last], fields, result)
        content.pop()
    return _closing(lines, squeezed, role, result, content)


def _cut_related(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
                 body_start: int) -> None:
    """After ``相关解读`` near the end, the rest is a list of other pages' titles: furniture."""
    related = [i for i, (kind, start, _) in enumerate(result.furniture) if kind == "related"]
    if not related:
        return
    starts = {lines[i].content_start: i for i in range(len(lines))}
    unclaimed = [i for i in range(len(lines)) if role[i] == ""]
    for furniture_index in related:
        line_index = starts.get(result.furniture[furniture_index][1])
        if line_index is None or line_index < body_start:
            continue
        after = bisect.bisect_right(unclaimed, line_index)
        if len(unclaimed) - after > _RELATED_TAIL_MAX:
            continue
        rest = unclaimed[after:]
        if all(_RELATED_TAIL_LINE.match(squeezed[i]) and not _starts_numbered(squeezed[i]) for i in rest):
            for i in rest:
                role[i] = "furniture"
                result.furniture.append(("related", lines[i].content_start, lines[i].content_end))
            return


def _closing(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
             content: list[int]) -> int:
    """Find the closing block; return the index where the body ends.

    At the end of the document: 附注 lines, the 成文日期, and the 署名 above it (or both on one
    line). Failing that, in the middle: a notice whose 署名 and date are followed by the plan or
    rules it issues (``国务院办公厅 / 2017年5月3日 / （此件公开发布） / …实施方案``).
    """
    position = len(content) - 1
    notes: list[int] = []
    while position > 0 and _NOTE_LINE.match(squeezed[content[position]]):
        notes.append(content[position])
        position -= 1
    block = _closing_at(lines, squeezed, content, position, notes)
    if block is None:
        for position in range(1, len(content) - 1):
            if not _DATE_LINE.match(squeezed[content[position]]):
                continue
            follow = position + 1
            mid_notes = []
            while follow < len(content) and _NOTE_LINE.match(squeezed[content[follow]]):
                mid_notes.append(content[follow])
                follow += 1
            block = _closing_at(lines, squeezed, content, position, mid_notes, need_signature=True)
            if block is not None:
                break
        if block is None:
            return len(lines)
    date_index, signature, block_notes = block
    for i in [*signature, *block_notes, date_index]:
        role[i] = "closing"
    line = lines[date_index]
    start, _ = result.date = _date_span(line)
    if signature:
        result.signature = [(lines[i].content_start, lines[i].content_end) for i in signature]
    elif not _DATE_LINE.match(squeezed[date_index]):
        result.signature = [(line.content_start, _strip_end(line, start))]  # "署名 日期" on one line
    result.notes = sorted((lines[i].content_start, lines[i].content_end) for i in block_notes)
    first = min([date_index, *signature, *block_notes])
    return first if date_index >= content[-1 - len(block_notes)] else len(lines)


def _closing_at(lines: list[Line], squeezed: list[str], content: list[int], position: int,
                notes: list[int], *, need_signature: bool = False
                ) -> tuple[int, list[int], list[int]] | None:
    """The closing block whose date stands at ``content[position]``: (date, signatures, notes)."""
    text = squeezed[content[position]]
    date_index = content[position]
    if not _DATE_LINE.match(text):
        match = re.search(r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$", text)
        if not (match and _ORGAN_ENDING.search(text[: match.start()]) and len(text) <= 50):
            return None
        return date_index, [], list(notes)  # "运城市人民政府 2022年1月28日"
    signature: list[int] = []
    above = position - 1
    while above > 0 and len(signature) < 3:
        candidate = squeezed[content[above]]
        if (len(candidate) > 40 or _SENTENCE_STOP.search(candidate) or _LINE_END_PUNCT.search(candidate)
                or _starts_numbered(candidate) or not CJK.search(candidate)
                or not _ORGAN_ENDING.search(candidate)):
            break
        signature.insert(0, content[above])
        above -= 1
    if need_signature and not signature:
        return None
    block_notes = list(notes)
    # 附件：1.… / 2.… — the 附件说明 above the signature, its numbered lines included
    listed = above
    while listed > 0 and _LISTED_ATTACHMENT.match(squeezed[content[listed]]):
        listed -= 1
    if listed > 0 and _ATTACHMENT_LINE.match(squeezed[content[listed]]):
        block_notes.extend(content[i] for i in range(listed, above + 1))
    return date_index, signature, block_notes


def _date_span(line: Line) -> tuple[int, int]:
    dates = list(re.finditer(r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○O0一二三四五六七八九]{4}年"
                             r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|"
                             r"(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})", line.folded))
    match = dates[-1] if dates else None  # the last: on a "署名 日期" line the date ends the line
    if not match:
        return line.content_start, line.content_end
    return line.start + match.start(), line.start + match.end()


def _strip_end(line: Line, end: int) -> int:
    while end > line.start and line.folded[end - line.start - 1] == " ":
        end -= 1
    return end
