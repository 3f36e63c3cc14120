"""Which lines of a document's head are its title: the genre words a title ends with, what a
title line looks like, and how a title broken, stacked or repeated over lines is put together
(the segment stage asks; the validator reads :data:`GENRE_ENDING` and :data:`BRACKETED_NUMBER`)."""

from __future__ import annotations

import re

from .. import chrome
from ..lines import Line
from ..metadata import ARABIC_DATE, CN_DATE, DOC_NUMBER, YEAR_MONTH
from ..normalize import CJK, CJK_CHARS, fold
from .result import (
    DATE_LINE,
    LINE_END_PUNCT,
    ORGAN_ENDING,
    SENTENCE_STOP,
    Segmented,
    squeeze,
    starts_numbered,
)

GENRE_WORDS = (r"报告|通知|意见|决定|办法|条例|规定|规划|方案|预案|总结|公告|通告|通报|请示|批复|函|纪要|"
                r"决议|公报|细则|要点|计划|说明|讲话|情况|实施意见|指导意见|工作报告|白皮书|规则|章程|守则|准则|标准|"
                r"目录|清单|答记者问|法|令")
GENRE_ENDING = re.compile(f"({GENRE_WORDS})$")
QUOTED_TITLE = re.compile(r"《([^《》]{4,60})》")
"""A document's title as a text names it, in 《》 (``现将《某某方案》印发给你们``)."""
"""The kind of document a title ends with (…的通知, …条例)."""


TITLE_FIELD_DATE = re.compile(rf"\(({ARABIC_DATE}|{CN_DATE})\)$")
"""The date in brackets a title field's value may end with (``标题：…的意见 （2026年3月20日）``): the
date a Party document gives under its title, its 成文日期."""
TITLE_FIELD_LINES = 6
"""A title field's value is matched against at most this many consecutive lines."""


TITLE_MAX = 120


def is_punctuated_title(text: str) -> bool:
    """``关于加强安全管理的通知。``: a title a writer ended with a stop (the validator reports it)."""
    return (len(text) <= 60 and text[-1:] in ("。", ".") and not SENTENCE_STOP.search(text[:-1])
            and bool(GENRE_ENDING.search(text[:-1])) and not starts_numbered(text))


def is_title_like(text: str) -> bool:
    """A heading-free line of 4–80 characters with Chinese and no sentence punctuation, not wholly
    in brackets (``(2021年11月5日…通过…批准)``, ``(此件公开发布)``: a note about the document)."""
    if is_punctuated_title(text):
        return True
    if not 4 <= len(text) <= 90 or SENTENCE_STOP.search(text) or LINE_END_PUNCT.search(text):
        return False
    if text[0] == "(" and text[-1] == ")" and ")" not in text[1:-1]:
        return False
    if starts_numbered(text) or DATE_LINE.match(text) or DOC_NUMBER.fullmatch(text):
        return False
    return len(CJK.findall(text)) >= 4


_DASHES = str.maketrans("—–―", "---")
"""The dashes a title may be written with (``2021—2023年``, ``2021-2023年``)."""


BRACKETED_NOTE = r"\[\d{1,2}\]"
"""A footnote's reference in square brackets (``[1]``)."""
NOTE_REFERENCE = re.compile(rf"(?:{BRACKETED_NOTE}|[①-⑳*])$")
"""A footnote's reference at the end of a title (``…统计公报[1]``: the note says who compiled it)."""


def title_key(text: str) -> str:
    """A (squeezed) line in the form two copies of a title are compared in: the same title whatever
    dash it spans a period with (a database's header repeats it with another), with or without a
    footnote's reference at its end (the page's header gives it bare)."""
    return NOTE_REFERENCE.sub("", text.translate(_DASHES))


def titled_lines(lines: list[Line], plain: dict[int, str], candidates: list[int],
                  result: Segmented) -> list[int]:
    """The lines of the title among the candidates: the lines that spell the metadata's title
    field if there are such, else the first title-like line (a genre word at its end preferred, the
    last of its repetitions taken), joined with the line before or after it where the title was
    broken."""
    field_title = next((raw.value for raw, _ in result.fields
                        if raw.key == "title" and raw.value.strip()), "")
    target = fold(field_title).replace(" ", "")
    if target:
        for position in range(len(candidates)):
            joined = ""
            for i in candidates[position:position + TITLE_FIELD_LINES]:
                joined += plain[i]
                if not target.startswith(joined):
                    break
                if joined == target:
                    return [j for j in candidates[position:] if j <= i]
    column = _last_crumbs(lines, result, candidates[-1] if candidates else -1)
    titled = [i for i in candidates if GENRE_ENDING.search(plain[i]) and is_title_like(plain[i])]
    if not titled and GENRE_ENDING.search(TITLE_FIELD_DATE.sub("", target)):
        return []  # the title field names a document no line names: the field's value is the title
    # the column the trail names is no title, unless the trail ends with the title itself
    title_index = next((i for i in titled if plain[i] not in column), titled[0] if titled else None)
    if title_index is None:
        title_index = next((i for i in candidates if is_title_like(plain[i])
                            and not chrome.looks_like_banner(lines[i].stripped)), None)
    if title_index is None:
        return []
    first = plain[title_index]
    if len(first) <= _COLUMN_NAME_MAX:  # 工作报告 over 天津市静海区2019年政府工作报告: the column's name
        title_index = next((i for i in candidates if i > title_index and len(plain[i]) > len(first)
                            and plain[i].endswith(first) and is_title_like(plain[i])), title_index)
    repeats = [i for i in candidates if title_key(plain[i]) == title_key(plain[title_index])]
    # A page repeats its title (window title, heading): the last is the text's, unless one is marked
    # as the heading (# 标题).
    title_index = next((i for i in repeats if lines[i].stripped.startswith("#")), repeats[-1])
    title_index = _issuing_title(plain, candidates, title_index)
    title_lines = [title_index]
    title_text = plain[title_index]
    earlier = [i for i in candidates if i < title_index]
    before = earlier[-1] if earlier and all(not lines[j].folded.strip(" ")
                                            for j in range(earlier[-1] + 1, title_index)) else -1
    if before >= 0 and not chrome.looks_like_banner(lines[before].stripped):
        head = plain[before]
        # 关于2022年度法治政府 / 建设情况的报告: a title broken by a stray line break; 国务院办公厅 /
        # 关于…的通知: the organ a title names first, on the line right above (a 发文机关标志 stands
        # apart, over the 发文字号, and ends with 文件)
        if (not SENTENCE_STOP.search(head) and not LINE_END_PUNCT.search(head)
                and len(head + title_text) <= 80
                and (("关于" in head and "关于" not in title_text)
                     or (len(title_text) <= _COLUMN_NAME_MAX and _TITLE_PART.fullmatch(head) is not None)
                     or (before == title_index - 1 and _ORGAN_FIRST.match(title_text) is not None
                         and ORGAN_ENDING.search(head) is not None))):
            title_lines.insert(0, before)
            title_text = head + title_text
    for above in _lines_above_open_title(lines, plain, candidates, title_lines[0], title_text):
        title_lines.insert(0, above)
        title_text = plain[above] + title_text
    for above in _lines_above_left_open(lines, plain, candidates, title_lines[0], title_text):
        title_lines.insert(0, above)
        title_text = plain[above] + title_text
    for above in _lines_above_to_about(lines, plain, candidates, title_lines[0], title_text):
        title_lines.insert(0, above)
        title_text = plain[above] + title_text
    following = [i for i in candidates if i > title_index][:3]
    if following and not GENRE_ENDING.search(title_text):
        joined = title_text
        for count, nxt in enumerate(following, 1):
            if len(plain[nxt]) > 30 or SENTENCE_STOP.search(plain[nxt]) or len(joined + plain[nxt]) > 90:
                break
            joined += plain[nxt]
            if GENRE_ENDING.search(joined) or (count == 1 and title_text.endswith(_OPEN_ENDINGS)):
                title_lines.extend(following[:count])
                return title_lines
    title_lines.extend(_title_block(lines, plain, following, title_lines[-1], title_text))
    return title_lines


_ORGAN_FIRST = re.compile(r"关于|(?:19|20)\d{2}年")
"""How a title starts whose organ the line above names (``国务院办公厅`` / ``关于…的通知``, ``赵县人民政府``
/ ``2022年度法治政府建设情况报告``)."""
_COLUMN_NAME_MAX = 8
"""A title this short (``政府工作报告``) may be the first half of a title broken over two lines, or the
name of the page's column over a fuller title that ends the same way."""
_TITLE_PART = re.compile(rf"[{CJK_CHARS}\d()《》“”〔〕、—-]+")
"""What the line above a short title holds if it is the title's first half: no field's colon, no
bullet or letters of a menu (``• WAP手机版``, ``通过或发布日期:2026年1月26日``)."""
_CRUMB_SEPARATOR = re.compile(r"(?:>>|[>»:/])")


def _last_crumbs(lines: list[Line], result: Segmented, last: int) -> set[str]:
    """The last word of each navigation trail up to line ``last``: the page's column (``您所在的位置:
    政务公开 > 工作报告``), which the page also writes as a heading over its list, never the title."""
    trails = {start for kind, start, _ in result.furniture if kind == "navigation"}
    return {_CRUMB_SEPARATOR.split(squeeze(line))[-1] for line in lines[:last + 1]
            if line.content_start in trails}


def _lines_above_open_title(lines: list[Line], plain: dict[int, str], candidates: list[int], first: int,
                            title_text: str) -> list[int]:
    """The lines right above a title that starts inside a bracket it closes (``价格定价办法（试行）》和《…
    》的通知``: a long title broken over four lines, 国家发展改革委关于印发《区域电网输电价格 / 定价办法
    （试行）》《跨省跨区… / …), nearest first: as many as open that bracket, up to
    :data:`_TITLE_BLOCK_LINES`, each without punctuation; none if they do not."""
    taken: list[int] = []
    joined = title_text
    while _closes_unopened(joined) and len(taken) < _TITLE_BLOCK_LINES:
        above = first - 1
        if above not in plain or above not in candidates or chrome.looks_like_banner(lines[above].stripped):
            return []
        text = plain[above]
        if SENTENCE_STOP.search(text) or LINE_END_PUNCT.search(text):
            return []
        taken.append(above)
        joined = text + joined
        first = above
    return taken if not _closes_unopened(joined) else []


_OPEN_ENDINGS = ("的", "关于", "和", "与", "及", "暨", "对", "在")
"""How a line ends that a title goes on after (``国家发展改革委办公厅 国家能源局综合司关于`` / ``做好…``)."""


def _lines_above_left_open(lines: list[Line], plain: dict[int, str], candidates: list[int], first: int,
                           title_text: str) -> list[int]:
    """The lines right above a title's first line that end where a title cannot (…综合司关于 / 做好…
    / 相关工作的通知: a title stacked over three lines), nearest first, up to
    :data:`_TITLE_BLOCK_LINES`, each without punctuation."""
    taken: list[int] = []
    joined = title_text
    above = first - 1
    while len(taken) < _TITLE_BLOCK_LINES and above in plain and above in candidates:
        text = plain[above]
        if (not text.endswith(_OPEN_ENDINGS) or SENTENCE_STOP.search(text) or LINE_END_PUNCT.search(text)
                or len(text + joined) > TITLE_MAX or chrome.looks_like_banner(lines[above].stripped)):
            break
        taken.append(above)
        joined = text + joined
        above -= 1
    return taken


def _lines_above_to_about(lines: list[Line], plain: dict[int, str], candidates: list[int], first: int,
                          title_text: str) -> list[int]:
    """The lines above a title that does not say 关于 yet, up to the one that names the organ and
    关于 but breaks inside a name (广东省人民政府办公厅关于印发广东省 / 进一步加大力度支持民间投资发展
    / 实施方案的通知: a title stacked over three lines, blank lines between), nearest first: at most
    :data:`_TITLE_BLOCK_LINES`, each without punctuation; none if no such line stands above."""
    if "关于" in title_text:
        return []
    taken: list[int] = []
    joined = title_text
    below = first
    for above in reversed([i for i in candidates if i < first][-_TITLE_BLOCK_LINES:]):
        text = plain[above]
        if (any(lines[j].folded.strip(" ") for j in range(above + 1, below))
                or _TITLE_PART.fullmatch(text) is None or starts_numbered(text) or SENTENCE_STOP.search(text)
                or len(text + joined) > TITLE_MAX or chrome.looks_like_banner(lines[above].stripped)):
            return []
        taken.append(above)
        joined = text + joined
        below = above
        if "关于" in text:
            return taken
    return []


ISSUING = re.compile(r"印发|批转|转发|发布")
"""What the title of a notice that issues or transmits a document says before its name (``关于批转…的
通知``, ``…办公室印发《…》的通知``)."""
_ISSUED_NAME_MIN = 6


def _issuing_title(plain: dict[int, str], candidates: list[int], title_index: int) -> int:
    """The title line of the notice that issues the document a page is titled after (法律资料网:
    ``武汉市高级中等学校招生统一考试管理规定(2005年)``, repeated, over ``关于批转武汉市高级中等学校招生
    统一考试管理规定的通知`` and its 发文字号): the notice is the text, its title the title; else
    ``title_index``."""
    name = _less_number(plain[title_index])
    if len(name) < _ISSUED_NAME_MIN:
        return title_index
    return next((i for i in candidates if i > title_index and GENRE_ENDING.search(plain[i])
                 and ISSUING.search(plain[i]) and name in plain[i]), title_index)


def _closes_unopened(text: str) -> bool:
    """Whether ``text`` closes a 《 or （ it did not open (it starts inside a bracket)."""
    depth = {"》": 0, ")": 0}
    for char in text:
        if char in "《(":
            depth["》" if char == "《" else ")"] += 1
        elif char in depth:
            if depth[char] == 0:
                return True
            depth[char] -= 1
    return False


_TITLE_BLOCK_LINES = 3
"""A title stacked over lines takes at most this many lines under its first."""
_CONTINUATION_START = ("及", "和", "与", "暨", "并", "以及")
"""How the line that continues a title whose first line already ends with a genre word starts
(公安机关录用人民警察体能测评标准 / 及实施规范)."""


def _title_block(lines: list[Line], plain: dict[int, str], following: list[int], last: int,
                 title_text: str) -> list[int]:
    """The lines that continue a title stacked over lines in a block of its own: right under each
    other, short, without punctuation, and a blank line (or the end) after the last
    (江西省人民政府外事办公室 / 2022年招考外语类公务员考试大纲). A title that already ends with a
    genre word takes only a line that starts with a conjunction. Empty if the lines are no such
    block (a page scraped one line per element has no blank lines to bound one)."""
    block: list[int] = []
    joined = title_text
    for nxt in following[:_TITLE_BLOCK_LINES]:
        text = plain[nxt]
        if (nxt != last + 1 or len(text) > 30 or len(joined + text) > 90 or SENTENCE_STOP.search(text)
                or LINE_END_PUNCT.search(text) or not _is_title_part(text)):
            break
        if GENRE_ENDING.search(joined) and not text.startswith(_CONTINUATION_START):
            break
        block.append(nxt)
        joined += text
        last = nxt
    if not block or (last + 1 < len(lines) and lines[last + 1].folded.strip(" ")):
        return []
    return block


_YEAR_MONTH = re.compile(rf"^{YEAR_MONTH}$")
"""The month a report is dated by, under its title (``二〇二二年十二月``)."""
_BYLINE_ORGAN_MAX = 20
"""An organ's name on a line of its own under a title is at most this long."""


def _is_title_part(text: str) -> bool:
    """A line that can continue a title: Chinese, and not a date or a month, a 发文字号, a numbered
    line, or an organ's name alone (the byline under a title: 深圳市统计局)."""
    return (len(CJK.findall(text)) >= 2 and not starts_numbered(text) and not DATE_LINE.match(text)
            and not _YEAR_MONTH.match(text) and not DOC_NUMBER.fullmatch(text.strip("()"))
            and not (len(text) <= _BYLINE_ORGAN_MAX and ORGAN_ENDING.search(text)))


BRACKETED_NUMBER = re.compile(r"\([^()]*\d[^()]*\)$")
"""The 发文字号 in brackets a page's ArticleTitle ends with (``…的通知(发改能源规〔2020〕816号)``): no
part of the title as the document writes it."""


def _hint_target(hint: str) -> str:
    """The title a hint names, squeezed, without the 发文字号 it ends with."""
    return _less_number(fold(hint).replace(" ", ""))


def _less_number(title: str) -> str:
    """A (squeezed) title without the 发文字号 in brackets it ends with (``…的通知(国能发〔2019〕70号)``)."""
    number = BRACKETED_NUMBER.search(title)
    return title[: number.start()] if number and number.start() >= 4 else title


def hinted_lines(plain: dict[int, str], candidates: list[int], hint: str) -> list[int]:
    """The lines of the title the input's format names: the last run of consecutive candidates
    (at most :data:`TITLE_FIELD_LINES`) that ends with the hint, less any 发文字号 it ends with;
    a run starts where it first reaches the hint's length, so the issuer a title is broken after
    (``国家发展改革委 国家能源局关于加强… / …的通知``) stays in it. Empty if no run spells it."""
    target = _hint_target(hint)
    if len(target) < 4:
        return []
    for last in reversed(range(len(candidates))):
        joined = ""
        for first in range(last, max(-1, last - TITLE_FIELD_LINES), -1):
            if first < last and candidates[first + 1] - candidates[first] > 2:
                break  # the lines of one title stand together
            joined = plain[candidates[first]] + joined
            if len(joined) >= len(target):
                if _less_number(joined).endswith(target):
                    return candidates[first:last + 1]
                break
    return []
