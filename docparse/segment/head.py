"""Front matter run together at the start of a line, and where its parts end: a title run on into
its 发文字号, addressee, fields, subtitle, issuers or date; a promulgation order and the title it
issues (a text that lost its line breaks, or a page that wrote its head on one line)."""

from __future__ import annotations

import operator
import re

from .. import chrome
from ..lines import Line
from ..metadata import (
    ARABIC_DATE,
    CN_YEAR,
    DOC_NUMBER,
    WRITTEN_DATE,
    bracketed_fields_start,
    find_fields,
    label_at,
)
from ..normalize import CJK, CJK_CHARS
from .result import (
    ORGAN_WORDS,
    SALUTATION_RUN_ON,
    cut,
    is_addressee,
    squeeze,
)
from .title import (
    GENRE_ENDING,
    GENRE_WORDS,
    TITLE_MAX,
)

ORDER_NAME = re.compile(rf"(?:中华人民共和国)?[{CJK_CHARS}]{{1,20}}?令")
"""``中华人民共和国国务院令``, ``上海市人民政府令``: the head of a promulgation order."""
ORDER_NUMBER = re.compile(r"(?:[〔\[(][ ]*(?:19|20)\d{2}[ ]*[〕\])][ ]*|(?:19|20)\d{2}[ ]*年[ ]*)?"
                          r"\(?第[ ]*\d{1,5}[ ]*号\)?")
"""An order's number: ``第722号``, ``（第19号）``, with its year (``〔2019〕第4号``, ``2020年第1号``)."""
_PROMULGATED = re.compile(r"《([^《》]{2,80})》[^。]{0,80}(?:公布|发布|施行)")
"""The promulgation sentence names the text it issues: 《优化营商环境条例》已经…通过，现予公布."""
_NAMED_TITLE_REACH = 12
"""The issued text's title stands within this many lines after the promulgation sentence."""
_ORDER_REACH = 8
"""A promulgation order's head stands within the first lines (after a database's header and the
title it repeats: 【法宝引证码】…, 原文链接…, the title, 上海市人民政府令)."""

SUBTITLE_DASH = "(?:——|—|――|―|--|-)"
"""The dash a subtitle opens with."""

_GENRE_WORD = re.compile(GENRE_WORDS)
_BRACKETED_TITLE = re.compile(rf"《[^《》]{{4,{TITLE_MAX}}}?(?:{GENRE_WORDS})》[ ]*$")
"""A title in 《》 that ends its line, as a site lists documents after their 发文字号."""
_TITLE_STOP = re.compile(r"[。;!?:]|《[^《》]{0,60}》")
"""Where a title at a line's start must end: at a stop or colon (one inside 《》 does not count)."""
_HEAD_RUN_ON_HINT = re.compile(r"[令第〔\[【(:—―〇○]|答记者问|\d日|\d ?年度?,")
"""What a line whose front matter runs on holds near its start: an order (…令, 第N号), a 发文字号's
bracket, an addressee's or a field's colon, a subtitle's dash or date, an interview's 答记者问, or
the year the text opens with."""
OPENING_YEAR = re.compile(r"((?:19|20)\d{2}) ?年(?:度?,|是)")
"""The year a report's text opens with (``2023年,省政府坚持…``, a bulletin's ``2021年是中国共产党成立
100周年,…``), also run on after its title (``…情况的报告2023年,…``)."""
_RUN_ON_SUBTITLE = re.compile(rf"{SUBTITLE_DASH}[ ]*(?:在|{ARABIC_DATE}|{CN_YEAR}年)")
"""A subtitle run on after a title: ``政府工作报告——2018年3月5日在…会议上``."""
BRACKETED_DATE = rf"\((?:\d{{4}}年|{CN_YEAR}年)[^()]{{0,160}}\)"
"""A date in brackets with what it dates (``(2024年1月20日)``, ``(2007年4月5日…令第492号公布…)``)."""
_RUN_ON_DATELINE = re.compile(BRACKETED_DATE)
"""A date in brackets run on after a title: ``…情况的报告(2024年1月20日)2023年,…``."""
_ISSUERS_DATE = re.compile(rf"\(?{WRITTEN_DATE}\)?")
_RUN_ON_ISSUERS = re.compile(
    rf"(?:[{CJK_CHARS}]{{2,24}}?(?:{ORGAN_WORDS})[ ]*){{1,4}}(?={_ISSUERS_DATE.pattern})")
"""The organs a bulletin names under its title, run on before its date:
``…统计公报宜春市统计局 国家统计局宜春调查队(2023年4月12日)2022年,…``."""
_FIELD_DATE = re.compile(WRITTEN_DATE)
_CLOCK = re.compile(r" ?\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
"""The time of day after a field's date."""

def skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def _head_cuts(folded: str, *, under_title: bool = False) -> list[int]:
    """Where the front matter run together at the start of a line ends its parts: a database's
    header (:func:`_coded_item_end`), the title before its 发文字号 or addressee (``…的通知国发〔2011〕42号
    各省、…：``), the title a database repeats, the 发文字号, the addressee; a promulgation order's head
    (``中华人民共和国国务院令第623号《…》已经…``, also after the title it issues). On the line under
    the title (``under_title``), an addressee run on into the text (``钱正英同志：国务院领导同志…``).
    Empty if none is there."""
    position = skip_spaces(folded, 0)
    header: list[int] = []
    while not under_title and (end := _coded_item_end(folded, position)):
        header.append(end)
        position = skip_spaces(folded, end)
    while not under_title and (found := chrome.leading_chrome(folded, position)):
        header += [found[0], found[1]] if found[0] > position else [found[1]]
        position = skip_spaces(folded, found[1])
    cuts = _run_on_cuts(folded, position, under_title=under_title)
    if not cuts and not under_title and (window_title := _window_title_end(folded, position)):
        cuts = [window_title]
    return header + cuts


_WINDOW_REACH = 600
"""A saved page repeats its window title as the document's title within this many characters."""


def _window_title_end(folded: str, start: int) -> int | None:
    """The end of a saved page's window title at ``start`` in a line that runs on through the page
    (``…的通知_国家能源局江苏监管办公室 设为首页 工作邮箱 首页 … 关于…的通知 2018-09-29 …``): a title
    that the line spells again further on, not right after it (the page's chrome between)."""
    limit = min(len(folded), start + TITLE_MAX)
    stop = _TITLE_STOP.search(folded, start, limit)
    if stop and not stop.group().startswith("《"):
        limit = stop.start()
    ends = [match.end() for match in _GENRE_WORD.finditer(folded, start, limit) if match.end() - start >= 8]
    for end in reversed(ends):
        title = folded[start:end]
        if title.count("《") != title.count("》"):
            continue  # a name in 《》 cut short (《…工作总结.docx》由会员分享…: a hosting page's notice)
        again = folded.find(title, end, end + _WINDOW_REACH)
        if again > skip_spaces(folded, end):
            return end
    return None


_CODED_LABEL = re.compile(r"【[^【】 ]{2,12}】[ ]*(?=[!-~])")
"""A bracketed label before a code: ``【法宝引证码】 CLI.12.5115678``."""
_ASCII_RUN = re.compile(r"[!-~]+")


def _coded_item_end(folded: str, position: int) -> int | None:
    """The end of a database's header item at ``position`` whose value is a code or an address
    (``【法宝引证码】 CLI.12.5115678``, ``原文链接:https://www.pkulaw.com/….html``), where the text runs
    on into Chinese right after it or after a space: the value ends with its last ASCII character."""
    label = _CODED_LABEL.match(folded, position) or label_at(folded, position)
    if label is None:
        return None
    value = _ASCII_RUN.match(folded, skip_spaces(folded, label.end()))
    if value is None or not CJK.match(folded, skip_spaces(folded, value.end())):
        return None
    return value.end()


def _run_on_cuts(folded: str, position: int, *, under_title: bool) -> list[int]:
    """:func:`_head_cuts` from ``position``, after any header."""
    if under_title and not find_fields(folded):
        addressee = _addressee_end(folded, position)
        if addressee and folded[addressee:].strip(" "):
            return [addressee]
    if not _HEAD_RUN_ON_HINT.search(folded, position, position + TITLE_MAX + 140):
        return []  # no order, 发文字号, addressee or interview: nothing to cut
    title_end = _head_title_end(folded, position)
    if title_end and (issued := _order_end(folded, skip_spaces(folded, title_end))) \
            and folded.startswith(("《", "现"), skip_spaces(folded, issued)):
        return [title_end, issued]  # …管理办法上海市人民政府令(第19号)《…》已经…: the title, the order
    order = ORDER_NAME.match(folded, position)
    number = ORDER_NUMBER.match(folded, skip_spaces(folded, order.end()) if order else position)
    if number and folded.startswith(("《", "现"), skip_spaces(folded, number.end())):
        return [number.end()]
    numbered = DOC_NUMBER.match(folded, position) if number is None else None
    if numbered and _BRACKETED_TITLE.match(folded, skip_spaces(folded, numbered.end())):
        return [numbered.end()]  # 京政办发〔2016〕26号《…的通知》: a law site's head
    cuts: list[int] = []
    if title_end:
        title = folded[position:title_end]
        repeated = _repeat_start(folded, position, title_end)  # a database's title, then the document's
        cuts += [repeated, title_end] if repeated else [title_end]
        if _repeats_title(folded, position, title_end):  # the same, the document's title a longer line
            title_end = _head_title_end(folded, title_end) or title_end
            cuts.append(title_end)
        position = skip_spaces(folded, title_end)
        while end := _widget_or_field_end(folded, position):  # …报告字号:大 中 小2022年,… / …日期:2024-03-12
            cuts.append(end)
            position = skip_spaces(folded, end)
        if position > title_end and folded.startswith(title, position):  # the page's fields, the title again
            cuts.append(position + len(title))
            position = skip_spaces(folded, position + len(title))
        if _RUN_ON_SUBTITLE.match(folded, position):  # …报告——2024年3月5日在…会议上 国务院总理 李强各位代表：
            for part in _subtitle_run_on(folded, position):
                cuts.append(part)
                position = skip_spaces(folded, part)
        elif issuers := _RUN_ON_ISSUERS.match(folded, position):  # …公报宜春市统计局2024年3月25日2023年,…
            date = _ISSUERS_DATE.match(folded, issuers.end())
            assert date is not None  # the issuers' lookahead saw it
            cuts += [issuers.end(), date.end()]
            position = skip_spaces(folded, date.end())
        elif dateline := _RUN_ON_DATELINE.match(folded, position):  # …报告(2024年1月20日)2023年,…
            cuts.append(dateline.end())
            position = skip_spaces(folded, dateline.end())
    number_match = DOC_NUMBER.match(folded, position) or _bracketed_number(folded, position)
    if number_match and (cuts or _addressee_end(folded, skip_spaces(folded, number_match.end()))):
        cuts.append(number_match.end())
        position = skip_spaces(folded, number_match.end())
    addressee = _addressee_end(folded, position) if cuts else None
    if addressee:
        cuts.append(addressee)
    return [cut for cut in cuts if folded[cut:].strip(" ")]


def _head_title_end(folded: str, start: int) -> int | None:
    """The end of a title at ``start`` that runs on into its 发文字号 or addressee (…的通知国发〔2011〕42号
    各省、…), its page's fields or widgets (…报告日期:2024-03-12, …报告字号:大 中 小), its subtitle
    (…报告——2018年3月5日在…), into the text of an interview (…答记者问近日，…) or of a report that
    opens with its year (…报告2023年,…): the last genre word before the first stop that such a thing
    follows."""
    limit = min(len(folded), start + TITLE_MAX)
    for stop in _TITLE_STOP.finditer(folded, start, limit):
        if not stop.group().startswith("《"):
            limit = stop.start()
            break
    ends = [match.end() for match in _GENRE_WORD.finditer(folded, start, limit) if match.end() - start >= 4]
    for end in reversed(ends):
        after = skip_spaces(folded, end)
        if (folded.endswith("答记者问", 0, end) or DOC_NUMBER.match(folded, after)
                or _bracketed_number(folded, after, followed=True)
                or _addressee_end(folded, after) or label_at(folded, after)
                or _RUN_ON_SUBTITLE.match(folded, after) or chrome.INLINE_CHROME.match(folded, after)
                or _RUN_ON_ISSUERS.match(folded, after) or _RUN_ON_DATELINE.match(folded, after)
                or OPENING_YEAR.match(folded, after) or _repeats_title(folded, start, end)
                or _order_end(folded, after)):
            return end
    return None


_REPEAT_LENGTH = 8
"""A title repeated right after itself starts with this many characters as it did."""


def _repeats_title(folded: str, start: int, end: int) -> bool:
    """The title that starts at ``start`` and ends at ``end`` is repeated right after it, as a law
    database writes its listing's title over the document's (``…的通知安徽省人民政府办公厅关于印发…``,
    the brackets perhaps written otherwise)."""
    head = folded[start:start + _REPEAT_LENGTH]
    return (end - start > _REPEAT_LENGTH and " " not in head
            and folded.startswith(head, skip_spaces(folded, end)))


def _repeat_start(folded: str, start: int, end: int) -> int | None:
    """Where the title at ``start``, which runs to ``end``, starts again before ``end`` (a database's
    listing title over the document's: ``…(2021—2023年)的通知安徽省人民政府办公厅关于印发…的通知``)."""
    for match in _GENRE_WORD.finditer(folded, start + _REPEAT_LENGTH, end):
        if match.end() < end and _repeats_title(folded, start, match.end()):
            return match.end()
    return None


def _order_end(folded: str, position: int) -> int | None:
    """The end of a promulgation order's head at ``position`` (``上海市人民政府令(第19号)``)."""
    order = ORDER_NAME.match(folded, position)
    number = ORDER_NUMBER.match(folded, skip_spaces(folded, order.end())) if order else None
    return number.end() if number else None


_SUBTITLE_END = re.compile("会议上|会上|讲话|发言")
"""How a subtitle run on after a title ends (``——2024年3月5日在第十四届…会议上``)."""
_BYLINE_REACH = 30
"""A byline between a subtitle and the salutation is this short (``国务院总理 李强``)."""


def _subtitle_run_on(folded: str, position: int) -> list[int]:
    """Where a subtitle run on after a title ends, and the salutation after it starts and ends
    (``——2024年3月5日在…会议上国务院总理 李强各位代表：现在，…``); empty where its end is not found."""
    end = _SUBTITLE_END.search(folded, position, position + TITLE_MAX)
    if end is None:
        return []
    salutation = SALUTATION_RUN_ON.search(folded, end.end(), end.end() + _BYLINE_REACH)
    if salutation is None:
        return [end.end()]
    return [end.end(), salutation.start(), salutation.end()]


_FIELD_VALUE = re.compile(r"[^ ]+(?: [^ ]+)*")
"""A field's value in run-on text: up to a wide gap."""
_FIELD_VALUE_MAX = 60
_VALUE_RUN_ON = re.compile(r"[,。;]|(?<![\d./-])(?:19|20)\d{2}年")
"""Where a field's value without a wide gap has run on into the text: a stop, or a year after its
words (``来源:县司法局2023年,我县…``)."""


def _widget_or_field_end(folded: str, position: int) -> int | None:
    """The end of a page's widget (``字号:大 中 小``, ``浏览次数:25``) or field at ``position``."""
    widget = chrome.INLINE_CHROME.match(folded, position)
    return widget.end() if widget else _field_end(folded, position)


def _field_end(folded: str, position: int) -> int | None:
    """The end of a ``label: value`` field at ``position`` in a line that runs on: the end of its date
    (``日期:2024-03-12    2023年,…``), or of its value before a wide gap, a stop or a year its words
    run into (``来源:县司法局2023年,我县…``); ``None`` if no field is there or nothing follows it."""
    label = label_at(folded, position)
    if label is None:
        return None
    value_start = skip_spaces(folded, label.end())
    reach = min(len(folded), value_start + _FIELD_VALUE_MAX + 1)
    date = _FIELD_DATE.match(folded, value_start)
    if date:
        end = (_CLOCK.match(folded, date.end()) or date).end()  # 更新时间:2021/03/29 11:30:01
        return end if end < len(folded) else None
    value = _FIELD_VALUE.match(folded, value_start, reach)
    if value is None:
        return None
    end = value.end()
    run_on = _VALUE_RUN_ON.search(folded, value_start + 1, end)
    if run_on:
        end = run_on.start()
    space = folded.find(" ", value_start, end)
    while space != -1:  # 来源:县司法局 浏览次数:25 …: the next field or widget ends the value
        if label_at(folded, space + 1) or chrome.INLINE_CHROME.match(folded, space + 1):
            return space
        space = folded.find(" ", space + 1, end)
    return end if run_on or end < reach else None


BRACKETED_DOC_NUMBER = re.compile(rf"\([ ]*(?:{DOC_NUMBER.pattern})[ ]*\)")
"""A 发文字号 in brackets (``(医保办函〔2025〕40 号)``), folded."""


def _bracketed_number(folded: str, position: int, *, followed: bool = False) -> re.Match[str] | None:
    """A 发文字号 in brackets at ``position`` (``(医保办函〔2025〕40 号)``), to its closing bracket;
    with ``followed``, only where Chinese text (an addressee, the text) follows it: a page's banner
    repeats the title and number in brackets too (``【关于…的通知(发改能源规〔2020〕816号)】-…``)."""
    number = BRACKETED_DOC_NUMBER.match(folded, position)
    if number and followed and not CJK.match(folded, skip_spaces(folded, number.end())):
        return None
    return number


def _addressee_end(folded: str, position: int) -> int | None:
    """The end of an addressee (``各省、自治区、直辖市人民政府，国务院各部委、各直属机构：``) that
    starts at ``position`` and runs on into the text, else ``None``."""
    if not CJK.match(folded, position):
        return None  # an addressee starts with an organ's name or 各
    colon = folded.find(":", position, position + 130)
    if colon < 0 or not is_addressee(folded[position:colon + 1].replace(" ", "")):
        return None
    return colon + 1


_BRACKET_AT_LINE_END = re.compile(r"\)[ ]*$", re.MULTILINE)
_FOLDED = operator.attrgetter("folded")
FRONT_MATTER_LINES = 60
"""The front matter ends within this many lines (after any Markdown front matter)."""


def split_title_fields(lines: list[Line]) -> list[Line]:
    """Cut a title line that runs on into a bracket of fields before the bracket (``关于印发…的通知
    (发布日期:2019年05月31日 文号:沪发改规范〔2019〕7号)``), so that the title and the fields are
    read apart: the title as the title, the bracket as metadata."""
    head = lines[:FRONT_MATTER_LINES]
    if not _BRACKET_AT_LINE_END.search("\n".join(map(_FOLDED, head))):
        return lines  # no line ends with a bracket: nothing to cut (one search over the head)
    cut_head: list[Line] = []
    for line in head:
        folded = line.folded
        bracket = (bracketed_fields_start(folded) if folded.rstrip(" ").endswith(")")
                   and not find_fields(folded) else None)
        title = folded[:bracket].replace(" ", "") if bracket else ""
        if len(title) >= 4 and GENRE_ENDING.search(title):
            cut_head.extend(cut(line, [bracket or 0]))
        else:
            cut_head.append(line)
    return [*cut_head, *lines[FRONT_MATTER_LINES:]]


_HEAD_REACH = 2
"""Front matter run together is looked for in the title's line and the next (…的通知 / 国发〔2011〕42号…)."""


def split_head(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """Cut the first lines where front matter runs on into what follows (see :func:`_head_cuts`), and
    find the title a promulgation order names (:func:`_named_title`); return the lines and the indices
    of that title's lines (empty if there is none)."""
    head: list[int] = []
    for index, line in enumerate(lines):
        if line.folded.strip(" "):
            head.append(index)
            if len(head) == _HEAD_REACH:
                break
    if not head:
        return lines, []
    result = lines[: head[0]]
    for index in range(head[0], head[-1] + 1):
        cuts = _head_cuts(lines[index].folded, under_title=index != head[0]) if index in head else []
        result.extend(cut(lines[index], cuts) if cuts else [lines[index]])
    done = len(result)
    result.extend(lines[head[-1] + 1:])
    return _named_title(result, done)


def _named_title(lines: list[Line], head_end: int) -> tuple[list[Line], list[int]]:
    """A promulgation order (``中华人民共和国国务院令 第722号``) names the text it issues in 《》: the
    title is where that name stands next, also run on into its first article or broken over two
    lines and letter-spaced. Cut it out as virtual lines; return the lines and the title's indices."""
    reach = min(len(lines), max(head_end, _ORDER_REACH))
    order = next((index for index in range(reach) if is_order(squeeze(lines[index]))), None)
    if order is None:
        return lines, []
    named = None
    for index in range(order + 1, min(len(lines), order + 6)):
        named = _PROMULGATED.search(lines[index].folded)
        if named:
            break
    if not named:
        return lines, []
    name = named.group(1).replace(" ", "").replace("〈", "《").replace("〉", "》")
    run_on = _name_run_on(lines[index].folded, name, named.end())
    if run_on is not None:  # the order, its title and text on one line: the title after the order's date
        parts = cut(lines[index], list(run_on))
        title_index = index + next(number for number, part in enumerate(parts)
                                   if part.start == lines[index].start + run_on[0])
        return [*lines[:index], *parts, *lines[index + 1:]], [title_index]
    for first in range(index + 1, min(len(lines), index + 1 + _NAMED_TITLE_REACH)):
        found = _find_spread(lines, first, name)
        if found:
            cuts = {line_index: (begin, finish) for line_index, begin, finish in found}
            pieces: list[Line] = []
            title_indices: list[int] = []
            last = found[-1][0]
            for line_index in range(first, last + 1):
                if line_index not in cuts:
                    pieces.append(lines[line_index])
                    continue
                begin, finish = cuts[line_index]
                for piece in cut(lines[line_index], [begin, finish]):
                    if piece.start == lines[line_index].start + begin:
                        title_indices.append(first + len(pieces))
                    pieces.append(piece)
            return [*lines[:first], *pieces, *lines[last + 1:]], title_indices
    return lines, []


def _name_run_on(folded: str, name: str, after: int) -> tuple[int, int] | None:
    """Where ``name`` (letters perhaps spaced) stands again, not in 《》, in the promulgation
    sentence's line after ``after``: a text that lost its line breaks (``…自2010年3月1日起施行。
    总理 温家宝 二○○九年九月九日防治船舶污染海洋环境管理条例第一章　总则…``)."""
    squeezed = folded.replace(" ", "")
    at = squeezed.find(name, len(folded[:after].replace(" ", "")))
    while at >= 0 and squeezed[at - 1:at] == "《":
        at = squeezed.find(name, at + len(name))
    return None if at < 0 else (_unsqueeze(folded, at), _unsqueeze(folded, at + len(name) - 1) + 1)


def _find_spread(lines: list[Line], index: int, name: str) -> list[tuple[int, int, int]] | None:
    """Where ``name`` stands in line ``index`` (letters perhaps spaced), perhaps finishing at the start
    of the next line: (line index, start, end) per line, offsets relative to the line."""
    folded = lines[index].folded.replace("〈", "《").replace("〉", "》")
    squeezed = folded.replace(" ", "")
    at = squeezed.find(name)
    if at >= 0:
        return [(index, _unsqueeze(folded, at), _unsqueeze(folded, at + len(name) - 1) + 1)]
    following_index = index + 1
    while following_index < min(len(lines), index + 3) and not lines[following_index].folded.strip(" "):
        following_index += 1
    if following_index >= len(lines):
        return None
    following = lines[following_index].folded
    for size in range(len(name) - 1, 3, -1):  # the name's head ends this line, its tail starts the next
        if squeezed.endswith(name[:size]):
            if following.replace(" ", "").startswith(name[size:]):
                start = _unsqueeze(folded, len(squeezed) - size)
                return [(index, start, len(folded.rstrip(" "))),
                        (following_index, skip_spaces(following, 0),
                         _unsqueeze(following, len(name) - size - 1) + 1)]
            return None
    return None


def _unsqueeze(folded: str, position: int) -> int:
    """The offset in ``folded`` of the character at ``position`` of its squeezed form."""
    seen = -1
    for offset, char in enumerate(folded):
        if char != " ":
            seen += 1
            if seen == position:
                return offset
    return len(folded)

def is_order(text: str) -> bool:
    """A promulgation order's head on its own line: ``中华人民共和国国务院令第693号``, ``（第19号）``."""
    if ("号" not in text and not text.endswith("令")) or "关于" in text or "的" in text:
        return False  # an order's head ends with 令 or its number; …的命令 is a title
    order = ORDER_NAME.match(text)
    rest = text[order.end():] if order else text
    return bool(order and not rest and len(text) <= 24) or bool(rest and ORDER_NUMBER.fullmatch(rest))
