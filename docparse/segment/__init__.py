"""Stage 3: split the lines into front matter, furniture, body and closing, before any grammar runs.

Front matter is the title (also behind chrome, over two lines, repeated by the page, marked up as
``# 标题``, named by a metadata field, or the text a promulgation order issues), the metadata (a
block of ``标签：值`` lines, labels with their values on the next line or in table cells, Markdown
front matter, a scraper's header block), a subtitle and byline, and the 主送机关 or salutation. Front
matter run together on one line (``…的通知国发〔2011〕42号各省、…：``) is cut into virtual lines
first. The closing is the 发文机关署名 with its 成文日期 and any 附注. Chrome anywhere is furniture.
What is left is the body, which the block grammar structures.
"""

from __future__ import annotations

import re

from .. import chrome
from ..lines import Line
from ..metadata import (
    ARABIC_DATE,
    DATE_KEYS,
    DOC_NUMBER,
    WRITTEN_DATE,
    YEAR_MONTH,
    RawField,
    bare_label,
    bracketed_fields,
    dated_fields,
    find_fields,
    front_matter_field,
    parse_date,
    table_fields,
)
from ..normalize import CJK, CJK_CHARS, fold
from ..tables import Tables
from .closing import find_tail, split_run_on_closing, split_tail, title_issuer
from .head import (
    BRACKETED_DATE,
    FRONT_MATTER_LINES,
    ORDER_NUMBER,
    SUBTITLE_DASH,
    is_order,
    skip_spaces,
    split_head,
    split_title_fields,
)
from .result import (
    HEADS,
    ORGAN_ENDING,
    SENTENCE_STOP,
    Segmented,
    add_fields,
    is_addressee,
    squeeze,
    starts_numbered,
)
from .title import (
    BRACKETED_NUMBER,
    GENRE_ENDING,
    NOTE_REFERENCE,
    TITLE_FIELD_DATE,
    hinted_lines,
    is_punctuated_title,
    is_title_like,
    title_key,
    titled_lines,
)

_MARKDOWN_LEAD = re.compile(r"(?:#{1,6}[ ]+|>[ ]*)?(?:\*{1,3}|__)?")
"""Markdown decoration before a line's text: ``# 标题``, ``**标题``, ``> 引文``."""
_MARKDOWN_MARKS = ("#", ">", "*", "_", "}")
"""The characters Markdown decoration starts or ends with."""
_MARKDOWN_ATTRIBUTES = re.compile(r"\{[^{}]{0,80}\}$")
"""An attribute list after a Markdown heading: ``# 标题 {#id}``."""
_BARE_LABEL_MAX = 16
"""A line longer than this (spaces removed) is no label standing alone."""
_FENCE = "---"
_FRONT_MATTER_REACH = 40
"""A Markdown front matter block closes within this many lines."""
_SUBTITLE = re.compile(
    rf"^{SUBTITLE_DASH}\s*\S.*(?:会议|讲话|报告|发言|上|日)\)?$"
    rf"|^{BRACKETED_DATE}$"
    rf"|^{ARABIC_DATE}[^。;]{{0,160}}(?:通过|公布|发布|修正|修订|施行)$"
)
"""A subtitle: ``——在…会议上``, ``（2022年1月5日…）``, a law's ``2021年8月20日…会议通过``."""
_DATELINE = re.compile(rf"^\(?(?:{WRITTEN_DATE}|{YEAR_MONTH})\)?$")
"""A date alone under a title or its byline (``2024年3月20日``, ``二〇二二年十二月``): the document's date
line, a subtitle of its own."""
_BYLINE = re.compile(rf"^[{CJK_CHARS}]{{2,16}}(?:\s+[{CJK_CHARS}·]{{2,5}})+$"
                     rf"|^[{CJK_CHARS}]{{0,14}}(?:{HEADS})[{CJK_CHARS}·]{{2,4}}$")
"""``国务院总理 李强``: a title or office, a space, a name; or an office and a name run together
(``天津市静海区区长张庆恩``)."""


def _is_body_start(line: Line, text: str) -> bool:
    """The first line that is unmistakably body: a numbered heading, or running text."""
    if starts_numbered(text):
        return True
    if SENTENCE_STOP.search(text) or text.endswith(("。", ",", ";")):
        return True
    return len(text) > 90 and not _is_numbered_title(text)


def _is_numbered_title(text: str) -> bool:
    """A long title followed by its 发文字号 in brackets, as a page repeats it above the text
    (``关于印发《…》《…》和《…》的通知(发改价格规﹝2017﹞2269号)``): front matter, not body."""
    number = BRACKETED_NUMBER.search(text)
    return number is not None and GENRE_ENDING.search(text[:number.start()]) is not None


def segment(lines: list[Line], *, title_hint: str | None = None, tables: Tables | None = None) -> Segmented:
    """Classify every line; see the module docstring. ``title_hint`` is the title as the input's
    format states it (a web page's ArticleTitle or ``<h1>``): the candidate lines that spell it
    are the title. ``tables`` are the tables the reader marked: their rows (the rule under a
    Markdown table's head too) are no markup."""
    lines, named_title = split_head(split_title_fields(split_tail(split_run_on_closing(lines))))
    result = Segmented()
    role: list[str] = ["" for _ in lines]  # "" = undecided, "body", "front", "furniture", "closing"
    squeezed = [squeeze(line) for line in lines]

    for index, line in enumerate(lines):
        stripped = line.stripped
        if not stripped:
            role[index] = "blank"
            continue
        kind = chrome.classify_line(squeezed[index], stripped)
        if kind is None and chrome.is_markup(stripped) and not (
                tables and tables.around(line.start, max(line.end, line.start + 1))):
            kind = "markup"
        if kind is not None:
            role[index] = "furniture"
            result.furniture.append((kind, line.content_start, line.content_end))

    body_start = _front_matter(lines, squeezed, role, result, named_title, title_hint)
    find_tail(lines, squeezed, role, result, body_start)
    # What nothing claimed is body: also lines between title and body, and leftovers after the
    # closing (kept rather than lost).
    result.body = [lines[index] for index in range(len(lines)) if not role[index]]
    result.furniture.sort(key=lambda item: item[1])
    return result


def _add_value_line(label_line: Line, raw: RawField, value_line: Line, result: Segmented) -> None:
    """Record a field whose value stands on the line after its label (``索引号：`` / ``11120…``)."""
    value_start = value_line.content_start - label_line.start
    value_end = value_line.content_end - label_line.start
    result.fields.append((RawField(raw.key, raw.label, value_line.raw.strip(), raw.start, value_start,
                                   value_end), label_line.start))


def _plain(line: Line) -> tuple[int, int]:
    """The span of the line's text without Markdown decoration (``# 标题``, ``**标题**``, ``{#id}``)."""
    folded = line.folded.rstrip(" ")
    lead = skip_spaces(folded, 0)
    if not folded.startswith(_MARKDOWN_MARKS, lead) and not folded.endswith(_MARKDOWN_MARKS):
        return line.content_start, line.content_end  # no decoration
    start = _MARKDOWN_LEAD.match(folded, lead).end()  # type: ignore[union-attr]
    start = skip_spaces(folded, start)
    attributes = _MARKDOWN_ATTRIBUTES.search(folded, start) if folded.endswith("}") else None
    end = len((folded[: attributes.start()] if attributes else folded).rstrip(" ").rstrip("*_").rstrip(" "))
    if end <= start:
        return line.content_start, line.content_end
    return line.start + start, line.start + end


def _front_matter(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
                  named_title: list[int], title_hint: str | None = None) -> int:
    """Find title, metadata, subtitle, byline and addressee; return the index where the body starts."""
    candidates: list[int] = []
    plain: dict[int, str] = {}
    hinted = fold(title_hint).replace(" ", "") if title_hint else None
    index = _markdown_front_matter(lines, role, result)
    limit = min(len(lines), index + FRONT_MATTER_LINES)
    while index < limit:
        line = lines[index]
        if role[index]:
            index += 1
            continue
        span = _plain(line)
        text = plain[index] = _squeezed_span(line, span)
        if text in ("目录", "目次"):
            break  # a table of contents: the lexer tells its entries from the headings they repeat
        fields = find_fields(line.folded) or table_fields(line.folded) or dated_fields(line.folded)
        if not fields and text.endswith(")"):
            fields = bracketed_fields(line.folded)
            if fields:  # (发布日期:… 文号:…): the brackets around the fields
                result.furniture.extend([("markup", line.content_start, line.content_start + 1),
                                         ("markup", line.content_end - 1, line.content_end)])
        label = None if fields or len(text) > _BARE_LABEL_MAX else bare_label(line.folded)
        if fields and fields[-1].value_end == len(line.folded.rstrip(" ")) and not fields[-1].value:
            label, fields = fields[-1], fields[:-1]
        value = _value_line(lines, squeezed, role, index, label.key) if label else None
        if label and value is None and not fields and not line.folded.strip(" ").endswith(":"):
            label = None  # a lone word that could be a label (DATE) with no value under it is text
        if fields or label:
            role[index] = "front"
            add_fields(line, fields, result)
            if label and value is not None:
                role[value] = "front"
                _add_value_line(line, label, lines[value], result)
                index = value
            elif label:
                add_fields(line, [label], result)
        elif DOC_NUMBER.fullmatch(text.removeprefix("(").removesuffix(")")) or is_order(text):
            role[index] = "front"
            last = _order_number_after(lines, squeezed, role, index) if text.endswith("令") else index
            role[last] = "front"
            result.fields.append((RawField("doc_number", "", "", 0, line.content_start - line.start,
                                           lines[last].content_end - line.start), line.start))
            index = last
        elif chrome.classify_head_token(text):
            role[index] = "furniture"
            result.furniture.append(("font_size", line.content_start, line.content_end))
        elif line.stripped.startswith(">") and not candidates:
            role[index] = "furniture"  # a note a scraper put above the text (> 本文正文由脚本…提取)
            result.furniture.append(("other", line.content_start, line.content_end))
        elif _is_body_start(line, text) and not (result.title is None and not candidates
                                                  and is_punctuated_title(text)) and text != hinted:
            break  # (a page's heading that spells its ArticleTitle is no body, however long)
        else:
            candidates.append(index)
        index += 1
    body_start = index
    _mark_breadcrumbs(lines, squeezed, role, candidates, result)
    candidates = [i for i in candidates if not role[i]]
    title_lines = hinted_lines(plain, candidates, title_hint) if title_hint else []
    if not title_lines:
        title_lines = titled_lines(lines, plain, candidates, result)
    if named_title and (not title_lines or _spell_alike(lines, plain, title_lines, named_title)):
        title_lines = named_title  # the text's own title under its order, not a header's copy
    if not title_lines:
        field = next(((raw, start) for raw, start in result.fields
                      if raw.key == "title" and raw.value.strip()), None)
        if field is None:
            for i in candidates:
                _mark_banner(lines[i], role, i, result)
            return body_start
        # A scraper's header block names the title and the text does not repeat it: what follows
        # the block may be an addressee.
        raw, start = field
        value_end = raw.value_end
        folded_value = fold(raw.value)
        dated = TITLE_FIELD_DATE.search(folded_value) if folded_value.endswith(")") else None
        if dated:  # 标题：…的意见 （2026年3月20日）: the date a Party document gives under its title
            value_end = raw.value_start + len(folded_value[:dated.start()].rstrip(" "))
            date_start, date_end = raw.value_start + dated.start(1), raw.value_start + dated.end(1)
            result.fields.append((RawField("written_date", "", dated.group(1), date_start, date_start,
                                           date_end), start))
        title_value = raw.value[: value_end - raw.value_start]
        result.title = (fold(title_value).replace(" ", ""), [(start + raw.value_start, start + value_end)])
        block_end = max(line_start for _, line_start in result.fields)
        for i in candidates:
            if lines[i].start < block_end:
                _mark_banner(lines[i], role, i, result)
        _mark_after_title(lines, plain, role, [i for i in candidates if not role[i]], result)
        return body_start
    title_text = "".join(plain.get(i) or _squeezed_span(lines[i], _plain(lines[i])) for i in title_lines)
    spans = [_plain(lines[i]) for i in title_lines]
    if _is_named_whole(title_text):  # 《中华人民共和国选举法》: the name inside the brackets
        title_text = title_text[1:-1]
        spans[0] = (spans[0][0] + 1, spans[0][1])
        spans[-1] = (spans[-1][0], spans[-1][1] - 1)
    prefix, suffix = _title_decoration(title_text)
    if prefix or suffix:  # • or 政务服务丨 before it, (2024-02-26) or [1] after it: the title's markup
        top, bottom = lines[title_lines[0]], lines[title_lines[-1]]
        spans[0] = (top.start + _after_chars(top.folded, spans[0][0] - top.start, prefix), spans[0][1])
        end = _before_chars(bottom.folded, spans[-1][1] - bottom.start, suffix)
        spans[-1] = (spans[-1][0], bottom.start + end)
        title_text = title_text[prefix:len(title_text) - suffix]
    for i, (start, end) in zip(title_lines, spans, strict=True):
        role[i] = "front"
        for before, after in ((lines[i].content_start, start), (end, lines[i].content_end)):
            if before < after:  # the title's Markdown decoration (# , **, {#id})
                result.furniture.append(("markup", before, after))
    result.title = (title_text, spans)
    title_index = title_lines[0]
    key = title_key(title_text)
    repeated = [i for i in candidates if not role[i] and title_key(plain[i]) == key]
    masthead_end = repeated[-1] if repeated else title_index  # 发文机关标志 over a title repeated below
    above = [i for i in candidates if i < title_index and not role[i]]
    if above and not any(raw.key == "issuer" for raw, _ in result.fields):
        _read_masthead(lines[above[-1]], role, above[-1], title_issuer(title_text), result)
    pending: list[int] = []
    for i in candidates:
        if role[i]:
            continue
        if title_key(plain[i]) == key or (i > title_index and _is_title_tail(plain[i], key)):
            role[i] = "furniture"
            result.furniture.append(("repeated_title", lines[i].content_start, lines[i].content_end))
        elif i < title_index or i < masthead_end:
            _mark_banner(lines[i], role, i, result)
        else:
            pending.append(i)
    _mark_after_title(lines, plain, role, pending, result)
    return body_start


_TITLE_PREFIX = re.compile(r"[•·●▪◆■]|[【\[][^【】\[\]]{2,12}[】\]]|[^丨|]{2,8}[丨|]"
                           r"|[^.]{0,24}?www\.[a-z0-9-]+(?:\.[a-z]{2,4})+")
"""What a page puts before a title: a bullet, its column in brackets (``【法治建设报告】``) or before
a bar (``政务服务丨``), a content farm's name and address (``秘书之家—全网资源每日更新www.mishuzj.com``)."""
_TITLE_SUFFIX = re.compile(rf"(?:\((?:19|20)\d{{2}}[-./年]\d{{1,2}}[-./月]\d{{1,2}}日?\)"
                           rf"|(?:19|20)\d{{2}}|{NOTE_REFERENCE.pattern})$")
"""What a page puts after a title: its date in brackets (``…情况报告 (2024-02-26)``), a year after
the genre word (``…统计公报 2022``), a footnote's reference (``…统计公报[1]``)."""
_TITLE_MIN = 6


def _title_decoration(title: str) -> tuple[int, int]:
    """How many characters of a (squeezed) title a page put before and after it (see
    :data:`_TITLE_PREFIX`, :data:`_TITLE_SUFFIX`); 0, 0 where what is left would be too short."""
    prefix = _TITLE_PREFIX.match(title)
    suffix = _TITLE_SUFFIX.search(title)
    before = prefix.end() if prefix else 0
    after = len(suffix.group()) if suffix else 0
    if suffix and suffix.group()[0] in "12" and not GENRE_ENDING.search(title, 0, suffix.start()):
        after = 0  # a year is decoration only after the genre word (…统计公报 2022, not 2021—2025年)
    if before and not GENRE_ENDING.search(title, before, len(title) - after):
        before = 0  # what is left must be a title (年度工作报告|某某市人民政府门户网站 is a window title)
    return (before, after) if len(title) - before - after >= _TITLE_MIN else (0, 0)


def _after_chars(folded: str, start: int, count: int) -> int:
    """The offset in ``folded`` after ``count`` characters from ``start`` on, spaces not counted
    (nor the spaces after them)."""
    position = start
    while count:
        if folded[position] != " ":
            count -= 1
        position += 1
    return skip_spaces(folded, position)


def _before_chars(folded: str, end: int, count: int) -> int:
    """The offset in ``folded`` before the last ``count`` characters up to ``end``, spaces not
    counted (nor the spaces before them)."""
    position = end
    while count:
        position -= 1
        if folded[position] != " ":
            count -= 1
    while position > 0 and folded[position - 1] == " ":
        position -= 1
    return position


def _is_title_tail(text: str, key: str) -> bool:
    """A line under a page's title that repeats its end as the text's own title (``天津市静海区2019年
    政府工作报告`` over ``政府工作报告``)."""
    return len(text) >= 4 and key.endswith(title_key(text)) and GENRE_ENDING.search(text) is not None


def _spell_alike(lines: list[Line], plain: dict[int, str], first: list[int], second: list[int]) -> bool:
    """Whether two runs of lines spell one title (squeezed, folded: ``中国(上海)``, ``中国（上海）``)."""
    def spelled(indices: list[int]) -> str:
        return title_key("".join(plain.get(i) or _squeezed_span(lines[i], _plain(lines[i])) for i in indices))
    return spelled(first) == spelled(second)


def _is_named_whole(title: str) -> bool:
    """Whether a (squeezed) title is one name in 书名号 and nothing else (``《中华人民共和国选举法》``, a
    law as a converter heads it): the brackets quote the title, they are not part of it."""
    if len(title) <= 2 or not (title.startswith("《") and title.endswith("》")):
        return False
    depth = 0
    for char in title[:-1]:
        depth += (char == "《") - (char == "》")
        if depth == 0:
            return False  # the first name closes before the end: 《…》和《…》
    return True


def _squeezed_span(line: Line, span: tuple[int, int]) -> str:
    return line.folded[span[0] - line.start:span[1] - line.start].replace(" ", "")


def _order_number_after(lines: list[Line], squeezed: list[str], role: list[str], index: int) -> int:
    """The line of an order's number (``第682号``) right under its name, else the name's own line."""
    following = index + 1
    while following < len(lines) and role[following] == "blank" and following <= index + 2:
        following += 1
    if following < len(lines) and not role[following] and ORDER_NUMBER.fullmatch(squeezed[following]):
        return following
    return index


def _value_line(lines: list[Line], squeezed: list[str], role: list[str], index: int, key: str) -> int | None:
    """The line after a label line that holds its value: the next content line, unless it is chrome
    (or starts with a counter), another label, or what the label cannot name (an empty 主题词 cell
    stands over the title, an empty 内容描述 over the 发文字号, an empty 成文日期 over anything but a
    date)."""
    following = index + 1
    while following < len(lines) and following <= index + 2 and role[following] == "blank":
        following += 1
    if following >= len(lines) or role[following] or following > index + 2:
        return None
    folded, text = lines[following].folded, squeezed[following]
    if (find_fields(folded) or bare_label(folded) or is_addressee(text)
            or chrome.classify_head_token(text) or chrome.INLINE_CHROME.match(text)):
        return None
    if key in DATE_KEYS:
        return following if parse_date(text) else None
    if not lines[index].folded.rstrip(" ").endswith(":") and (len(text) > 80 or SENTENCE_STOP.search(text)):
        return None  # a label cell holds a short value; a sentence under a bare 摘要 is text
    if key == "doc_number":
        return following
    if DOC_NUMBER.fullmatch(text) or (key != "title" and GENRE_ENDING.search(text) and is_title_like(text)):
        return None
    return following


def _markdown_front_matter(lines: list[Line], role: list[str], result: Segmented) -> int:
    """Markdown front matter (``---`` / ``标题: …`` / ``---`` at the top): every line a metadata
    field, the fences markup. Return the index after it (0 if there is none)."""
    first = next((i for i in range(min(len(lines), 3)) if role[i] != "blank"), None)
    if first is None or lines[first].stripped != _FENCE:
        return 0
    close = next((i for i in range(first + 1, min(len(lines), first + _FRONT_MATTER_REACH))
                  if lines[i].stripped == _FENCE), None)
    if close is None:
        return 0
    inner = [(i, front_matter_field(lines[i].folded)) for i in range(first + 1, close) if role[i] != "blank"]
    if not inner or any(raw is None and not lines[i].folded.startswith((" ", "-")) for i, raw in inner):
        return 0  # text between two rules, not front matter
    for i in (first, close):
        role[i] = "furniture"
        result.furniture.append(("markup", lines[i].content_start, lines[i].content_end))
    for i, raw in inner:
        if raw is None:  # a list item or continuation of the value above
            role[i] = "furniture"
            result.furniture.append(("other", lines[i].content_start, lines[i].content_end))
        else:
            role[i] = "front"
            add_fields(lines[i], [raw], result)
    return close + 1


def _mark_breadcrumbs(lines: list[Line], squeezed: list[str], role: list[str], candidates: list[int],
                      result: Segmented) -> None:
    """A navigation trail scraped one word per line (``首页`` / ``>`` / ``政务公开`` / ``>`` …): the
    words beside a lone ``>`` are navigation, never a title."""
    for i in candidates:
        before = i - 1
        while before >= 0 and role[before] == "blank":
            before -= 1
        after = i + 1
        while after < len(lines) and role[after] == "blank":
            after += 1
        if any(0 <= j < len(lines) and squeezed[j] in chrome.TRAIL_SEPARATORS for j in (before, after)):
            role[i] = "furniture"
            result.furniture.append(("navigation", lines[i].content_start, lines[i].content_end))


def _mark_banner(line: Line, role: list[str], index: int, result: Segmented) -> None:
    """A line before the title that is neither metadata nor chrome: a banner or masthead."""
    role[index] = "furniture"
    result.furniture.append(("banner", line.content_start, line.content_end))


_ISSUER_LINE_MAX = 60


def _is_issuer_line(stripped: str) -> bool:
    """Whether a line under a title names organs and nothing else (``宜春市统计局 国家统计局宜春调查队``)."""
    names = stripped.split()
    return 0 < len(stripped) <= _ISSUER_LINE_MAX and "," not in stripped and all(
        CJK.match(name) and ORGAN_ENDING.search(name) and not SENTENCE_STOP.search(name) for name in names)


_MASTHEAD_SUFFIX = "文件"


def _read_masthead(line: Line, role: list[str], index: int, named: str, result: Segmented) -> None:
    """The line right above the title that names its issuing organs and nothing else (``重庆市粮食局
    重庆市财政局``, ``XX市人民政府文件``): the 发文机关标志, read as the issuer. Where the title names
    an organ first (``named``), the line names it too; else it is the site's name (``北京市人民政府``
    over ``北京市人民政府办公厅关于…``)."""
    text = line.folded.rstrip(" ")
    end = len(text) - len(_MASTHEAD_SUFFIX) if text.endswith(_MASTHEAD_SUFFIX) else len(text)
    start = line.content_start - line.start
    organs = text[start:end].strip(" ")
    if end - start < 3 or not _is_issuer_line(organs) or named not in organs.replace(" ", ""):
        return
    organs_end = start + len(text[start:end].rstrip(" "))
    role[index] = "front"
    if end < len(text):  # 文件: the masthead's word, no part of the organ's name
        result.furniture.append(("banner", line.start + end, line.start + len(text)))
    result.fields.append((RawField("issuer", "", "", start, start, organs_end), line.start))


def _is_addressee_without_colon(text: str) -> bool:
    """Whether a line (squeezed) under a title is a 主送机关 whose colon a page dropped: organs parted by
    commas, or a kind of organs (``各镇人民政府,县政府各部门,嘉鱼开发区管委会``)."""
    return ((text.startswith("各") or "," in text) and not text.endswith(":")
            and ORGAN_ENDING.search(text.rsplit(",", 1)[-1]) is not None and is_addressee(text + ":"))


def _mark_after_title(lines: list[Line], plain: dict[int, str], role: list[str], pending: list[int],
                      result: Segmented) -> None:
    """Between title and body: subtitle (perhaps over two lines), byline (``国务院总理 李强``) or
    addressee; anything else is body."""
    byline_end = -1
    """The position in ``pending`` after the last line of organs taken as the byline."""
    in_body = False
    """Whether a line before this one was body (a date after it is the text's, not the head's)."""
    in_text = False
    """Whether running text came before this line (organs under it sign it, they are no byline)."""
    subtitle_next = -1
    """The position in ``pending`` right after the subtitle's last line."""
    for position, index in enumerate(pending):
        if role[index]:
            continue
        line, text = lines[index], plain[index]
        span = (line.content_start, line.content_end)
        nxt = pending[position + 1] if position + 1 < len(pending) else None
        if result.subtitle is None and (_SUBTITLE.match(text) or (not in_body and _DATELINE.match(text))):
            result.subtitle = span
            role[index] = "front"
            subtitle_next = position + 1
        elif subtitle_next == position and text[:1].isdigit() and _SUBTITLE.match(text):
            # a law's notes a line each: …国务院令第285号发布 / 2000年4月1日 施行
            result.subtitle = (result.subtitle[0] if result.subtitle else span[0], span[1])
            role[index] = "front"
            subtitle_next = position + 1
        elif (result.subtitle is None and nxt is not None and text[:1] in "—―-(" and len(plain[nxt]) <= 40
              and _SUBTITLE.match(text + plain[nxt])):
            result.subtitle = (line.content_start, lines[nxt].content_end)
            role[index] = role[nxt] = "front"
        elif result.byline is None and result.subtitle is not None and _BYLINE.match(line.stripped):
            result.byline = span
            role[index] = "front"
        elif (not in_text and _is_issuer_line(line.stripped)
              and (result.byline is None or byline_end == position)):
            # the organs a bulletin or report names under its title, one or more lines of them
            result.byline = (result.byline[0] if result.byline else span[0], span[1])
            role[index] = "front"
            byline_end = position + 1
        elif is_addressee(text) or (not in_body and _is_addressee_without_colon(text)):
            result.addressee = span
            role[index] = "front"
        else:
            in_body = True
            in_text = in_text or "," in text or SENTENCE_STOP.search(text) is not None


