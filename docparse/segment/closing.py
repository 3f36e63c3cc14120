"""The closing block of a document: the 发文机关署名, the 成文日期 and 附注 at its end (or, in a notice
that issues a plan, before the plan), run on at the end of a page scraped as one line or on lines of
their own; and a 相关解读 list of other pages' titles after the text."""

from __future__ import annotations

import bisect
import re

from ..chrome import classify_line
from ..grammar import terminal
from ..lines import Line
from ..metadata import WRITTEN_DATE, RawField, find_fields
from ..normalize import CJK, CJK_CHARS
from .head import skip_spaces
from .result import (
    DATE_LINE,
    HEADS,
    LINE_END_PUNCT,
    ORGAN_ENDING,
    SENTENCE_STOP,
    Segmented,
    add_fields,
    cut,
    is_addressee,
    starts_numbered,
)
from .title import QUOTED_TITLE

_DATES = re.compile(WRITTEN_DATE)
_RUN_ON_NOTES = ("此件", "本件")
"""How a note on a document's publication starts (``（此件公开发布）``)."""
_NOTE_LINE = re.compile(
    rf"^\((?:{'|'.join(_RUN_ON_NOTES)}|本文|联系人|联系电话|附件|主动公开|依申请公开|不予公开).{{0,60}}\)$")
_LISTED_ATTACHMENT = re.compile(r"^\d{1,2}[.、][^。;]{1,80}$")
_RELATED_TAIL_LINE = re.compile(r"^[^。]{1,90}$")
_RELATED_TAIL_MAX = 30
"""At most this many lines after a 相关解读 line are a list of other pages' titles."""

_CLOSING_TAIL = re.compile(
    rf"(?:(?<=[。!?])|^)[ ]*"
    rf"(?P<signature>[^ 。;:,!?0-9][^ 。;:,!?]{{0,19}}(?: [^ 。;:,!?]{{1,20}}){{0,8}})[ ]*"
    rf"(?<![0-9])(?P<date>{WRITTEN_DATE})(?:[ ]{{2,}}(?P<note>\([^()]{{2,30}}\)))?"
    rf"[ ]*(?P<chrome>[^ 。;:,!?0-9][^ 。;:,!?]{{0,9}})?[ ]*$")
"""A closing block run on at the end of a line: the signature after the last sentence, the date
after it (a wide gap between them, or none), a note in brackets after another
(``…印发。国务院办公厅　　2020年2月28日　　（此件公开发布）``), and a page's chrome after all
(``…法治保障。运城市人民政府 2022年1月28日相关解读``)."""
_SIGNATURE_TAIL = re.compile(r"(?<=[。!?])[ ]*(?P<signature>[^ 。;:,!?]{2,20})[ ]*$")
"""A signature run on after the last sentence of the line above the date (``…法治保障。运城市人民政府``)."""
_TAIL_REACH = 200
"""A closing block run on at a line's end stands within this many characters of it."""


_PUBLICATION_NOTE = rf"(?P<note>\((?:{'|'.join(_RUN_ON_NOTES)})[^()]{{2,20}}\))"
_NOTED_DATE = re.compile(rf"(?<![0-9])(?P<date>{WRITTEN_DATE})[ ]*{_PUBLICATION_NOTE}")
"""A date with the note on the document's publication after it (``2018年7月24日　（此件公开发布）``)."""
_RUN_ON_CLOSING = re.compile(
    rf"(?:(?<=[。!?])|^)[ ]*(?:(?P<signature>[^ 。;:,!?()0-9][^。;:,!?()]{{1,29}}?)[ ]*)?"
    rf"{_NOTED_DATE.pattern}")
"""A closing block run on inside a line, between a notice's last sentence (or the line's start) and
the document it issues (a page scraped as one line): the signature (if it stands there), the date and
the note in brackets that marks it (``…请认真抓好贯彻落实。安顺市人民政府2023年9月5日（此件公开发布）
安顺市市级储备粮管理办法…``, ``2016年11月24日（此件有删改）``)."""


def split_run_on_closing(lines: list[Line]) -> list[Line]:
    """Cut a line where a closing block with its note runs on inside it (:data:`_RUN_ON_CLOSING`):
    the signature, the date, the note and what follows become lines of their own."""
    for index, line in enumerate(lines):
        if not any(word in line.folded for word in _RUN_ON_NOTES):
            continue
        match = _RUN_ON_CLOSING.search(line.folded)
        signature = match["signature"] if match else None
        if match is None:
            cuts = _after_attachment_note(line.folded, _title_issuer(lines))
            if cuts:
                return [*lines[:index], *cut(line, cuts), *lines[index + 1:]]
            continue
        if signature and not ORGAN_ENDING.search(signature.replace(" ", "")):
            continue
        cuts = [match.start(name) for name in ("signature", "date", "note") if match[name]]
        cuts.append(match.end("note"))
        notice = "".join(above.folded for above in lines[max(0, index - 2):index])
        notice += line.folded[:match.start()]
        if issued := _issued_title_end(line.folded, notice, match.end("note")):
            cuts.append(issued)
        pieces = cut(line, cuts)
        cut_lines = [*lines[:index], *pieces, *lines[index + 1:]]
        if signature:
            return cut_lines
        date = index + next(number for number, piece in enumerate(pieces)
                            if piece.start == line.start + match.start("date"))
        return _split_signature(cut_lines, date)  # the signature run on after the sentence above
    return lines


def _issued_title_end(folded: str, notice: str, note_end: int) -> int | None:
    """The end of the issued document's title run on after the note in ``folded`` (``…现印发给你们。
    …2021年9月9日（此件公开发布）2021年崇明区城市体检工作方案为深入贯彻…``): a name the notice (its text
    before the closing, ``notice``) gives in 《》, spelled again right after the note and followed by
    its text. Not after a page's table of fields run on (``索 引 号 | … |标 题 | …``), where the
    notice's own title is no line of its own: the issued title would be taken for it."""
    if "|" in notice:
        return None
    after = skip_spaces(folded, note_end)
    for name in QUOTED_TITLE.finditer(notice):
        end = after + len(name[1])
        if folded.startswith(name[1], after) and folded[end:].strip(" "):
            return end
    return None


def _after_attachment_note(folded: str, issuer: str) -> list[int]:
    """Where to cut a 附件说明 run on into the closing (``附件：部分地方优化营商环境典型做法国务院办公厅
    2018年7月24日　（此件公开发布）``): before the signature, the organ the title names first, before the
    date, around the note; none if the line is not one."""
    if not issuer or not terminal("ATTACHMENT").match(folded, skip_spaces(folded, 0)):
        return []
    match = _NOTED_DATE.search(folded)
    before = folded[:match.start()].rstrip(" ") if match else ""
    if match is None or not before.endswith(issuer) or len(before) == len(issuer):
        return []
    return [len(before) - len(issuer), match.start("date"), match.start("note"), match.end("note")]


def split_tail(lines: list[Line]) -> list[Line]:
    """Cut the last line with text where a closing block runs on at its end (a page scraped as one
    line): the signature, the date and a note become lines of their own."""
    last = next((index for index in range(len(lines) - 1, -1, -1) if lines[index].folded.strip(" ")), None)
    if last is None:
        return lines
    folded = lines[last].folded
    if DATE_LINE.match(folded.replace(" ", "")):
        return _split_signature(lines, last)
    if _NOTE_LINE.match(folded.replace(" ", "")):  # the date above a note (``（此件公开发布）``)
        date = next((index for index in range(last - 1, -1, -1) if lines[index].folded.strip(" ")), None)
        if date is not None and DATE_LINE.match(lines[date].folded.replace(" ", "")):
            return _split_signature(lines, date)
    match = _CLOSING_TAIL.search(folded, max(0, len(folded) - _TAIL_REACH))
    if match is None or not ORGAN_ENDING.search(match["signature"].replace(" ", "")):
        return lines
    if match["chrome"] and classify_line(match["chrome"]) is None:
        return lines
    cuts = [match.start(name) for name in ("signature", "date", "note", "chrome") if match[name]]
    return [*lines[:last], *cut(lines[last], cuts), *lines[last + 1:]]


def _split_signature(lines: list[Line], date: int) -> list[Line]:
    """Cut the signature off the end of the line above a closing's date line, where it runs on after
    the last sentence (``…法治保障。运城市人民政府`` / ``2022年1月28日``) or after the 附件说明
    (``附件：…联席会议制度国务院办公厅``: the organ the title names first)."""
    above = next((index for index in range(date - 1, -1, -1) if lines[index].folded.strip(" ")), None)
    if above is None:
        return lines
    folded = lines[above].folded
    match = _SIGNATURE_TAIL.search(folded, max(0, len(folded) - _TAIL_REACH))
    if match is not None and ORGAN_ENDING.search(match["signature"]):
        return [*lines[:above], *cut(lines[above], [match.start("signature")]), *lines[above + 1:]]
    issuer = _title_issuer(lines)
    ending = folded.rstrip(" ")
    if issuer and terminal("ATTACHMENT").match(folded, skip_spaces(folded, 0)) and ending.endswith(issuer) \
            and len(ending) > len(issuer):
        return [*lines[:above], *cut(lines[above], [len(ending) - len(issuer)]), *lines[above + 1:]]
    return lines


_TITLE_ISSUER = re.compile(r"^(?P<issuer>[^ 。;:,、]{2,30}?)(?:关于|印发|转发)")
"""The organ a 公文's title names first (``国务院办公厅关于…的函``)."""


def _title_issuer(lines: list[Line]) -> str:
    """The organ the title (the first line with text) names first, as folded; empty if none."""
    return title_issuer(next((line.folded.strip(" ") for line in lines if line.folded.strip(" ")), ""))


def title_issuer(title: str) -> str:
    """The organ a (folded) title names first (``国务院办公厅`` of ``国务院办公厅关于…的函``), else empty."""
    match = _TITLE_ISSUER.match(title)
    return match["issuer"] if match and ORGAN_ENDING.search(match["issuer"]) else ""


def find_tail(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
          body_start: int) -> int:
    """Cut related-content lists, read the closing block; return the index where the body ends."""
    _cut_related(lines, squeezed, role, result, body_start)
    content = [i for i in range(body_start, len(lines)) if role[i] == ""]
    # Addressee right at the body start (主送机关 after a title found in front matter).
    if content and is_addressee(squeezed[content[0]]) and result.addressee is None:
        first = content.pop(0)
        role[first] = "front"
        result.addressee = (lines[first].content_start, lines[first].content_end)
    if not content:
        return len(lines)
    # Trailing metadata lines (发布时间：…, 来源：…) and the 版记 (抄送：…, …印发).
    while content:
        last = content[-1]
        fields = find_fields(lines[last].folded) or _printed(lines[last].folded)
        wrapped = 0 if fields else _wrapped_copy_to(lines, squeezed, content, result)
        if wrapped:
            for index in content[-wrapped:]:
                role[index] = "front"
            del content[-wrapped:]
            continue
        if not fields or len(content) < 2:
            break
        role[last] = "front"
        add_fields(lines[last], fields, result)
        content.pop()
    return _closing(lines, squeezed, role, result, content)


_WRAPPED_LINES_MAX = 3
"""A 抄送 list wraps over at most this many lines."""
_WRAPPED_LINE_MAX = 60
"""The last line of a wrapped 抄送 list is no longer than this."""


def _wrapped_copy_to(lines: list[Line], squeezed: list[str], content: list[int], result: Segmented) -> int:
    """A 抄送 list wrapped over lines at the end of the text, each line but the last ending with a
    comma or 顿号 (``抄送：国家卫生健康委办公厅，国家药监局综合司，`` / ``国家中医药局办公室。``): record
    the field over all its lines and return how many they are; 0 if the last lines are not one."""
    last = content[-1]
    organs = squeezed[last].rstrip("。")
    if len(organs) > _WRAPPED_LINE_MAX or SENTENCE_STOP.search(organs) or not ORGAN_ENDING.search(organs):
        return 0
    for count in range(2, min(_WRAPPED_LINES_MAX, len(content) - 1) + 1):
        first = content[-count]
        if not squeezed[first].endswith((",", "、")):
            return 0
        fields = find_fields(lines[first].folded)
        if fields:
            raw = fields[-1]
            if len(fields) > 1 or raw.key != "copy_to":
                return 0
            line = lines[first]
            value_end = lines[last].content_end - line.start
            result.fields.append((RawField(raw.key, raw.label, raw.value, raw.start, raw.value_start,
                                           value_end), line.start))
            return count
        if SENTENCE_STOP.search(squeezed[first]):
            return 0
    return 0


_PRINTED = re.compile(rf"^ *(?P<organ>[^ 。;:,]{{2,30}}?) *(?P<date>{WRITTEN_DATE} *印发) *$")
"""The last line of a 版记: the 印发机关 and the 印发日期 (``某某县人民政府办公室　　2024年3月1日印发``)."""


def _printed(folded_line: str) -> list[RawField]:
    """The 印发机关 and 印发日期 of a 版记's last line as fields (the date's value as written, with
    its 印发); none if the line is not one."""
    match = _PRINTED.match(folded_line)
    if match is None or not ORGAN_ENDING.search(match["organ"]):
        return []
    return [RawField("printed_by", "印发机关", match["organ"], match.start("organ"), match.start("organ"),
                     match.end("organ")),
            RawField("printed_date", "印发日期", match["date"], match.start("date"), match.start("date"),
                     match.end("date"))]


def _cut_related(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
                 body_start: int) -> None:
    """After ``相关解读`` near the end, the rest is a list of other pages' titles: furniture."""
    related = [i for i, (kind, start, _) in enumerate(result.furniture) if kind == "related"]
    if not related:
        return
    starts = [line.start for line in lines]
    unclaimed = [i for i in range(len(lines)) if role[i] == ""]
    for furniture_index in related:
        content_start = result.furniture[furniture_index][1]
        line_index = bisect.bisect_right(starts, content_start) - 1  # the line the 相关解读 stands on
        if line_index < body_start or lines[line_index].content_start != content_start:
            continue
        after = bisect.bisect_right(unclaimed, line_index)
        if len(unclaimed) - after > _RELATED_TAIL_MAX:
            continue
        rest = unclaimed[after:]
        if all(_RELATED_TAIL_LINE.match(squeezed[i]) and not starts_numbered(squeezed[i]) for i in rest):
            for i in rest:
                role[i] = "furniture"
                result.furniture.append(("related", lines[i].content_start, lines[i].content_end))
            return


def _closing(lines: list[Line], squeezed: list[str], role: list[str], result: Segmented,
             content: list[int]) -> int:
    """Find the closing block; return the index where the body ends.

    At the end of the document: 附注 lines, the 成文日期, and the 署名 above it (or both on one
    line). Failing that, in the middle: a notice whose 署名 and date are followed by the plan or
    rules it issues (``国务院办公厅 / 2017年5月3日 / （此件公开发布） / …实施方案``), or whose date
    alone stands between its last sentence and the title of what it issues (``…请认真贯彻执行。`` /
    ``二○○六年五月十八日`` / ``西宁市企业治乱减负工作暂行规定``).
    """
    repeated = _repeated_signers(lines, squeezed, content)
    for index in repeated:
        role[index] = "furniture"
        result.furniture.append(("footer", lines[index].content_start, lines[index].content_end))
    content = content[:len(content) - len(repeated)]
    position = len(content) - 1
    notes: list[int] = []
    while position > 0 and _NOTE_LINE.match(squeezed[content[position]]):
        notes.append(content[position])
        position -= 1
    block = _closing_before_attachments(lines, squeezed, content) or _closing_at(
        lines, squeezed, content, position, notes)
    if block is None:
        for position in range(1, len(content) - 1):
            if not _dated(squeezed[content[position]]):
                continue
            follow = position + 1
            mid_notes = []
            while follow < len(content) and _NOTE_LINE.match(squeezed[content[follow]]):
                mid_notes.append(content[follow])
                follow += 1
            block = _closing_at(lines, squeezed, content, position, mid_notes)
            if block is not None and not block[1] and not _between_texts(squeezed, content, block, follow):
                block = None  # a date alone inside the text, not a notice's closing
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
        result.signature = [part for i in signature
                            for part in _organs(lines[i], lines[i].content_start, lines[i].content_end)]
    elif not DATE_LINE.match(squeezed[date_index]):
        # "署名 日期" on one line
        result.signature = _organs(line, line.content_start, _strip_end(line, start))
    result.notes = sorted((lines[i].content_start, lines[i].content_end) for i in block_notes)
    first = min([date_index, *signature, *block_notes])
    return first if date_index >= content[-1 - len(block_notes)] else len(lines)


def _closing_before_attachments(lines: list[Line], squeezed: list[str], content: list[int]
                                ) -> tuple[int, list[int], list[int]] | None:
    """The signed closing block right before the first attachment's label line (``国务院办公厅`` /
    ``二〇〇四年十一月四日`` / ``附件1``): the document's own, where the attachments after it carry
    their own 署名 and 日期 (a 复函 and the reports it answers); none if no such block stands there."""
    label = terminal("ATTACHMENT")
    for position in range(2, len(content)):
        text = squeezed[content[position]].rstrip(":")
        found = label.match(text)
        if found is None or found.end() != len(text):
            continue
        notes: list[int] = []
        above = position - 1
        while above > 1 and _NOTE_LINE.match(squeezed[content[above]]):
            notes.insert(0, content[above])
            above -= 1
        block = _closing_at(lines, squeezed, content, above, notes)
        return block if block is not None and block[1] else None
    return None


_REPEAT_LINES = 2
"""At most this many lines after a closing's date repeat the names of its signers."""


def _repeated_signers(lines: list[Line], squeezed: list[str], content: list[int]) -> list[int]:
    """The lines after the last date that only name the signers again, as a PDF's running footer or
    what is left of its 版记 does (``国家医保局办公室 / 财政部办公厅 / 2024年9月5日 / 国家医保局 财政部``):
    each of their names begins a signature line above the date. None if there are no such lines."""
    repeated: list[int] = []
    position = len(content) - 1
    while position > 2 and len(repeated) < _REPEAT_LINES:
        names = lines[content[position]].folded.split()
        if not names or not all(len(name) <= 20 and ORGAN_ENDING.search(name) for name in names):
            break
        repeated.append(content[position])
        position -= 1
    if not repeated or not DATE_LINE.match(squeezed[content[position]]):
        return []
    signers: list[str] = []
    for above in range(position - 1, max(0, position - 1 - _SIGNATURE_MAX), -1):
        signer = squeezed[content[above]]
        if len(signer) > 40 or SENTENCE_STOP.search(signer) or not ORGAN_ENDING.search(signer):
            break
        signers.append(signer)
    names = [name for index in repeated for name in lines[index].folded.split()]
    if all(any(signer.startswith(name) for signer in signers) for name in names):
        return sorted(repeated)
    return []


_SCRAPED_DATE = re.compile(r"^(?:19|20)\d{2}(?:\d{3,4}|年\d{1,2}月日)$")
"""A 成文日期 as a page left it (squeezed): its digits run together (``20171116``, ``2018525``) or
its day left blank (``2020年4月 日``)."""


def _dated(text: str) -> bool:
    """Whether a line (squeezed) is a date alone: a 成文日期 as written, right or wrong, or as a page
    left it."""
    return DATE_LINE.match(text) is not None or _SCRAPED_DATE.match(text) is not None


def _between_texts(squeezed: list[str], content: list[int], block: tuple[int, list[int], list[int]],
                   follow: int) -> bool:
    """Whether an unsigned closing block stands between a text's last sentence and the title or the
    attachment label of what comes after it: the end of a notice that issues a document."""
    first = min([block[0], *block[2]])
    above = content.index(first) - 1
    if above < 0 or follow >= len(content) or not squeezed[content[above]].endswith("。"):
        return False
    after = squeezed[content[follow]]
    if terminal("ATTACHMENT").match(after):
        return True
    return (len(after) <= _ISSUED_TITLE_MAX and CJK.search(after) is not None
            and not SENTENCE_STOP.search(after) and not LINE_END_PUNCT.search(after)
            and not starts_numbered(after) and not _dated(after))


_SIGNATURE_MAX = 10
"""A closing is signed by at most this many organs, a line each (joint issuers: six 交易中心)."""
_SIGNER = re.compile(
    rf"^[{CJK_CHARS}]{{0,12}}?(?:{HEADS})"
    rf"[{CJK_CHARS}·]{{0,5}}$")
"""The head of an organ who signs its order (squeezed), with the name or without it where a page lost
it: ``总　理　 温家宝``, ``省长``."""
_ISSUED_TITLE_MAX = 60
"""The title of a document a notice issues is at most this long."""
_DATE_AT_END = re.compile(f"{WRITTEN_DATE}$")
_SIGNED_DATE_LINE_MAX = 50
"""A line holding both the 署名 and the 成文日期 (``运城市人民政府 2022年1月28日``) is at most this long."""


def _closing_at(lines: list[Line], squeezed: list[str], content: list[int], position: int,
                notes: list[int]) -> tuple[int, list[int], list[int]] | None:
    """The closing block whose date stands at ``content[position]``: (date, signatures, notes)."""
    text = squeezed[content[position]]
    date_index = content[position]
    if not _dated(text):
        match = _DATE_AT_END.search(text) if len(text) <= _SIGNED_DATE_LINE_MAX else None
        if not (match and ORGAN_ENDING.search(text[: match.start()])):
            return None
        return date_index, [], list(notes)  # "运城市人民政府 2022年1月28日"
    signature: list[int] = []
    above = position - 1
    while above > 0 and len(signature) < _SIGNATURE_MAX:
        candidate = squeezed[content[above]]
        if (len(candidate) > 40 or SENTENCE_STOP.search(candidate) or LINE_END_PUNCT.search(candidate)
                or starts_numbered(candidate) or not CJK.search(candidate)
                or not (ORGAN_ENDING.search(candidate) or _SIGNER.match(candidate))):
            break
        signature.insert(0, content[above])
        above -= 1
    if not signature and not DATE_LINE.match(text):
        return None  # a date as a page left it is one under its signature only
    block_notes = list(notes)
    # 附件：1.… / 2.… — the 附件说明 above the signature, its numbered lines included
    listed = above
    while listed > 0 and _LISTED_ATTACHMENT.match(squeezed[content[listed]]):
        listed -= 1
    if listed > 0 and terminal("ATTACHMENT").match(squeezed[content[listed]]):
        block_notes.extend(content[i] for i in range(listed, above + 1))
    return date_index, signature, block_notes


_WIDE_GAP = re.compile(r" {2,}")


def _organs(line: Line, start: int, end: int) -> list[tuple[int, int]]:
    """The signatures on a signature line: one, or each organ where two or more stand on it apart by
    wide gaps (``开封市司法局　　开封市法治政府建设领导小组办公室``); a name spaced out letter by
    letter, or a signer's office and name, stays one."""
    text = line.folded[start - line.start:end - line.start]
    bounds = [0, *(at for gap in _WIDE_GAP.finditer(text) for at in gap.span()), len(text)]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if len(parts) < 2 or not all(len(text[a:b]) >= 2 and ORGAN_ENDING.search(text[a:b]) for a, b in parts):
        return [(start, end)]
    return [(start + a, start + b) for a, b in parts]


def _date_span(line: Line) -> tuple[int, int]:
    dates = list(_DATES.finditer(line.folded))
    match = dates[-1] if dates else None  # the last: on a "署名 日期" line the date ends the line
    if not match:
        return line.content_start, line.content_end
    return line.start + match.start(), line.start + match.end()


def _strip_end(line: Line, end: int) -> int:
    while end > line.start and line.folded[end - line.start - 1] == " ":
        end -= 1
    return end
