"""The line rules: what a pattern at a line start cannot see, decided from the lines around it.

Each rule takes the body lines (with the marker each starts with) and demotes a marker that is not
a heading's, or gives a heading a number the text left out. They run in the order of
:data:`LINE_RULES`, as markdown-it runs its rule lists: a later rule sees what the earlier ones
decided.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from .. import ladder
from ..cuts import NOTES_LABELS
from ..normalize import CJK
from .lexer import BodyLine

LineRule = Callable[[list[BodyLine]], None]

_TOC_ENTRY = re.compile(r"(?:\.{3}|…|·{3}|-{4}|_{4})\s*\d{1,4}$")
"""A contents entry's leader and page number (fixed counts: ``{3,}`` backtracked quadratically)."""
_PAGE_NUMBER = re.compile(r"(?<=\S) \d{1,3}$")
"""A contents entry's page number after its title and one space (no leader)."""
_TABLE_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_TITLE_STOP = re.compile(r"[。;:!?,…·.]")
"""Where a heading's title ends on its line: a stop or a contents leader (or a wide gap before it)."""
_CONTENTS_TAIL = " .…·-_0123456789"
"""What may follow a title in a contents entry: a leader and a page number."""
MAX_CONTENTS_ENTRY = 40
"""A contents entry's title is at most this long."""
_SENTENCE_STOP = re.compile(r"[。;!?]")
_ENTRY_STOP = re.compile(r"[。;!?:,]")
"""What a contents entry's title never holds: a stop, a colon with text after it, a comma."""
_STOP_BEFORE_GAP = re.compile(rf"{_SENTENCE_STOP.pattern}(?:  |\t)")
_LINE_END_PUNCT = re.compile(r"[。;:,、!?]$")
_SENTENCE_END = re.compile(r"[。!?][”」』)]?$")
_CONTENTS = ("目录", "目次")
_ATTACHMENT_LABELS = ("附件:", "附:", "附件下载:", "相关附件:", "附件清单:")
"""How an attachment list starts (folded, spaces removed): the 附件说明, or the label a web page
puts over its links to the attachments' files (``附件下载：1.申报表`` / ``2.工作方案``)."""
_MARKUP_CHARS = "*#_>[]"
"""Markdown around a line (``***目录***``, ``## 目录``)."""
MAX_ARABIC_START = 3
"""An Arabic marker that continues no sequence must number one of the first items to count."""
MAX_DECIMAL_SKIP = 2
"""A decimal number may skip one (1.3 after 1.1: 1.2 lost); the first one deeper is 1 or 2."""
MAX_QUOTED_LINES = 20
"""An open quotation running over more lines is an unbalanced quotation mark, not a quoted block."""


def demote_in_quotes(body: list[BodyLine]) -> None:
    """A marker on a line that starts inside an open quotation is quoted text.

    ``将第五条修改为：“`` / ``一、……`` / ``”``: the 一、 is the amended text, not a heading. A plain ``"``
    closes a “ a writer opened (``“12345"政务热线``). A quotation stays open past its line only where
    it opens a quoted block: after a colon, at the line's start or at its end. One opened inside a
    sentence and left open (``命名为第九批“全国民主法治示范村(社区)。``) is a mark the writer forgot to
    close: it ends with its line and hides no heading after it.
    """
    open_quotes = 0
    carried = 0
    for line in body:
        if open_quotes and line.terminal:
            line.demote()
        text = line.folded
        if not open_quotes and not any(mark in text for mark in _OPENING_QUOTES):
            carried = 0
            continue  # nothing quoted is open or opens here: closing marks change nothing
        open_quotes = _quotes_left_open(text, open_quotes)
        carried = carried + 1 if open_quotes else 0
        if carried > MAX_QUOTED_LINES:
            open_quotes = carried = 0


_OPENING_QUOTES = ("“", "「", "『")
_CLOSING_QUOTES = ("”", "」", "』", '"')
"""The marks that close a quotation: a plain ``"`` closes a “ a writer opened (``“12345"政务热线``)."""
_QUOTE_MARK = re.compile(f"[{''.join(_OPENING_QUOTES + _CLOSING_QUOTES)}]")
_BLOCK_QUOTE_LEAD = ":" + _MARKUP_CHARS
"""What may stand right before a quotation that opens a quoted block: a colon (``修改为：“``), or
markup only (``> “``)."""


def _quotes_left_open(text: str, carried: int) -> int:
    """How many quotations are open after the line ``text``, ``carried`` being open before it: a
    quotation the line opens stays open only where it opens a quoted block (after a colon, at the
    line's start, or at its end). A mark that opens a quotation already open opens it again (quoted
    paragraphs each open with “ and only the last closes: ``修改为：“…：“（一）…；“（二）…。”``): a
    quotation inside a quotation takes the other marks (‘’, 「」)."""
    opened: list[tuple[int, str]] = []
    for mark in _QUOTE_MARK.finditer(text):
        char = mark.group()
        if char in _OPENING_QUOTES:
            if (carried and char == "“") or any(char == other for _, other in opened):
                continue  # the legal convention: each quoted paragraph opens again, only the last closes
            opened.append((mark.start(), char))
        elif opened:
            opened.pop()
        elif carried:
            carried -= 1
    return carried + sum(_opens_block(text, position) for position, _ in opened)


def _opens_block(text: str, position: int) -> bool:
    """The quotation mark at ``position`` opens a quoted block: after a colon or at the line's start
    (markup aside), or as the last thing on the line."""
    before = text[:position].rstrip(" ")
    return not before.strip(_BLOCK_QUOTE_LEAD) or before.endswith(":") or not text[position + 1:].strip()


def demote_tables_and_contents(body: list[BodyLine]) -> None:
    """Table rows and table-of-contents entries carry numbers but are not headings.

    ``第一章　总则……1`` (a page number after a leader), ``1  项目  金额`` (cells apart by wide gaps),
    ``| 1 | … |`` (a Markdown row); after ``目录`` every numbered line the body later repeats, or
    that heads nothing but the next entry (a list the page cuts off before its body); and, with or
    without ``目录``, a run of numbered lines that the body repeats as its headings, with siblings
    among them that no text separates (``1　总则　　1.1　编制目的　　1.2 …`` right after a plan's
    title): in a body, a heading is followed by its text or its first subheading.
    """
    squeezed_lines = [line.squeezed for line in body]
    for line, squeezed in zip(body, squeezed_lines, strict=True):
        if line.terminal and (_is_toc_entry(squeezed) or _is_table_row(line.folded)
                              or line.folded.count("|") >= 2):
            line.demote()
    keys, bare = zip(*(_heading_key(line) for line in body), strict=True) if body else ((), ())
    last_heading = {key: index for index, key in enumerate(keys) if key}
    """Where each numbered line's heading stands last: a contents entry is repeated by a heading after it."""
    repeated = [bare[index] and bool(key) and last_heading[key] > index for index, key in enumerate(keys)]
    entries = [bool(key) and bare[index] for index, key in enumerate(keys)]
    """The numbered lines that could be contents entries."""
    titled = [entry and _holds_a_title_alone(line) for entry, line in zip(entries, body, strict=True)]
    """The entries that hold a title alone (no ``时间：2019年7月12日`` after it)."""
    leaders = [not line.terminal and not line.squeezed.strip(_CONTENTS_TAIL) for line in body]
    following = _next_lines(leaders)
    numbers = [_Number(line.terminal, line.marker, line.ordinal, line.rank) for line in body]
    seen: set[str] = set()
    listed: list[_Number] = []
    last_listed = 0
    """The index of the 目录 line or of the last entry under it."""
    in_contents = False
    heading_entries: list[BodyLine] = []
    """The entries under 目录 so far that head nothing but the next entry (demoted once it is sure
    they are entries: the body's first heading and its first subheading are such a chain too)."""
    for index, (line, squeezed) in enumerate(zip(body, squeezed_lines, strict=True)):
        if squeezed.strip(_MARKUP_CHARS) in _CONTENTS:
            in_contents = True
            seen = set()
            listed = []
            last_listed = index
            _demote_all(heading_entries)
            continue
        if in_contents and line.terminal:
            if keys[index] in seen:
                in_contents = False
                _demote_all(heading_entries)
            elif repeated[index] or _lists_a_later_heading(line, index, last_heading):
                seen.add(keys[index])
                listed.append(numbers[index])
                last_listed = index
                line.demote()
                _demote_all(heading_entries)
            elif (following[last_listed] == index and entries[index]
                  and _heads_an_entry(index, following, entries) and not _restarts(numbers[index], listed)):
                seen.add(keys[index])
                listed.append(numbers[index])
                last_listed = index
                heading_entries.append(line)
            else:
                in_contents = False
                if not (heading_entries and len(heading_entries) == len(listed)
                        and _first_below(numbers[index], listed[-1])):
                    _demote_all(heading_entries)
                heading_entries = []
    _demote_all(heading_entries)
    for run in _runs(repeated, leaders):
        _demote_if_siblings([body[index] for index in run])
    lost_numbers = [leader or (not line.terminal and _is_part_title(line))
                    for leader, line in zip(leaders, body, strict=True)]
    """Leaders, and the short titles of entries that lost their number (``组织体系及职责``)."""
    last_text = max((index for index, leader in enumerate(leaders) if not leader), default=-1)
    """The last line with more than a leader or a page number on it: where a contents list the text
    stops in ends."""
    for run in _runs(titled, lost_numbers):
        _demote_unlabelled_contents(body, run, keys, numbers, repeated)
        if run[-1] == last_text:
            _demote_contents_cut_off(body, run)


def _demote_all(lines: list[BodyLine]) -> None:
    for line in lines:
        line.demote()
    lines.clear()


def _first_below(number: _Number, entry: _Number) -> bool:
    """Whether a numbered line is the first one below a heading: where a 目录 left empty (its
    entries lost, ``目 录`` / ``— 1 —``) stands right before the body, the body's first heading
    (``1总则``) heads no text but its first subheading (``1.1编制目的`` and its text)."""
    return number.ordinal == 1 and number.rank is not None and entry.rank is not None \
        and number.rank > entry.rank


def _holds_a_title_alone(line: BodyLine) -> bool:
    """Whether a numbered line holds its title and nothing else (a leader and a page number aside)."""
    rest = line.folded[line.marker_end - line.start:].replace(" ", "").rstrip(_CONTENTS_TAIL)
    return _ENTRY_STOP.search(rest) is None


def _next_lines(transparent: list[bool]) -> list[int]:
    """For each line, the index of the next line that is not transparent (``len`` at the end)."""
    following = [len(transparent)] * len(transparent)
    next_index = len(transparent)
    for index in range(len(transparent) - 1, -1, -1):
        following[index] = next_index
        if not transparent[index]:
            next_index = index
    return following


def _heads_an_entry(index: int, following: list[int], entries: list[bool]) -> bool:
    """Whether the line after a contents entry (leaders and page numbers aside) is the next entry,
    or the end of the text: no text of its own under it."""
    after = following[index]
    return after == len(entries) or entries[after]


MIN_REPEATED_ENTRIES = 2
"""A contents list without ``目录`` lists at least this many headings the body repeats."""


class _Number(NamedTuple):
    """A numbered line's marker as the lexer read it (the contents rules demote what they find)."""

    terminal: str | None
    marker: str
    ordinal: int | None
    rank: int | None


def _restarts(number: _Number, listed: list[_Number]) -> bool:
    """Whether a numbered line starts the numbering afresh after the entries of a contents list: the
    body's first heading (``1 总则`` after ``8.2 预案实施``), written unlike its entry. A decimal
    number does where it is the first of all (1, 1.1) and does not go on from the last entry; another
    marker where it numbers 1 at the list's top rank."""
    ranks = [entry.rank for entry in listed if entry.rank is not None]
    if not ranks or number.ordinal != 1 or number.rank is None:
        return False
    if number.terminal == "DECIMAL":
        parts = ladder.decimal_parts(number.marker)
        last = next((ladder.decimal_parts(entry.marker) for entry in reversed(listed)
                     if entry.terminal == "DECIMAL"), ())
        return set(parts) == {1} and not _follows(last, parts)
    return number.rank <= min(ranks)


def _demote_if_siblings(lines: list[BodyLine]) -> None:
    """Demote a run of numbered lines that holds siblings with nothing between them: a list of
    contents, not headings over their text."""
    ranks = [line.rank for line in lines]
    if len(set(ranks)) < len(ranks):
        for line in lines:
            line.demote()


def _demote_unlabelled_contents(body: list[BodyLine], run: list[int], keys: tuple[str, ...],
                                numbers: list[_Number], repeated: list[bool]) -> None:
    """A contents list without ``目录`` (``1 总则`` … ``8.2预案实施`` on lines of their own, then the
    body's ``1 总则``): a run of numbered titles that no text separates, from the first that the body
    repeats as a heading to where the numbering starts afresh (the body), with siblings among them
    and at least :data:`MIN_REPEATED_ENTRIES` that the body repeats. Entries the body does not
    repeat (its text cut short, an entry worded unlike its heading) are in it too.
    """
    first = next((position for position, index in enumerate(run) if repeated[index]), None)
    if first is None:
        return
    listed: list[int] = []
    seen: set[str] = set()
    for index in run[first:]:
        if keys[index] in seen or _restarts(numbers[index], [numbers[i] for i in listed]):
            break
        seen.add(keys[index])
        listed.append(index)
    else:
        return  # the numbering never starts afresh: no body repeats the list
    siblings = len({numbers[index].rank for index in listed}) < len(listed)
    if siblings and sum(repeated[index] for index in listed) >= MIN_REPEATED_ENTRIES:
        for index in listed:
            body[index].demote()


MIN_CUT_OFF_ENTRIES = 6
"""A contents list without ``目录`` that the text stops in lists at least this many entries."""


def _demote_contents_cut_off(body: list[BodyLine], run: list[int]) -> None:
    """A contents list without ``目录`` that the text stops in before its body (a page kept only in
    part; ``run`` ends the text): right under a title, numbered titles with nothing between them to
    the end of the text (``五大连池市城市供热突发故障`` / ``(事故)应急预案`` / ``1.总则`` / ``1.1 编制目的``
    / ``1.2 编制依据`` …), at least :data:`MIN_CUT_OFF_ENTRIES` of them, at two ranks or more, with
    siblings at each, some numbered 1.1 as a plan's contents are. In a body every heading is followed
    by its text; a list of names that ends a text (an honours list under its title: ``先进集体名单``
    / ``一、先进集体`` / ``1.县应急管理局`` …) is numbered 一、 and 1., and stays as it is.
    """
    if len(run) < MIN_CUT_OFF_ENTRIES or (run[0] > 0 and not _is_title_line(body[run[0] - 1])):
        return
    listed = [body[index] for index in run if body[index].terminal]
    ranks = Counter(line.rank for line in listed)
    decimal = any(line.terminal == "DECIMAL" for line in listed)
    if decimal and len(ranks) >= 2 and min(ranks.values()) >= 2:
        for line in listed:
            line.demote()


def _is_title_line(line: BodyLine) -> bool:
    """A line that reads as a document's title (or the end of one): short, no punctuation at its end,
    no sentence in it."""
    text = line.squeezed
    return (not line.terminal and 0 < len(text) <= MAX_CONTENTS_ENTRY and not _SENTENCE_STOP.search(text)
            and not _LINE_END_PUNCT.search(text))


def _lists_a_later_heading(line: BodyLine, index: int, last_heading: dict[str, int]) -> bool:
    """Whether a line under 目录 starts with the marker and title of a heading further on: a
    contents list written on one line (``第一章　全国生态环境保护形势　第一节　…　第二章　…``)."""
    text = line.marker + line.folded[line.marker_end - line.start:].replace(" ", "")
    longest = min(len(text), len(line.marker) + MAX_CONTENTS_ENTRY)
    return any(last_heading.get(text[:end], -1) > index for end in range(len(line.marker) + 2, longest + 1))


def _runs(flags: list[bool], transparent: list[bool]) -> list[list[int]]:
    """The runs of indexes whose flag is set, consecutive but for transparent indexes between them
    (a contents list's leader lines ``........`` and page numbers)."""
    runs: list[list[int]] = []
    open_run = False
    for index, flag in enumerate(flags):
        if flag:
            if open_run:
                runs[-1].append(index)
            else:
                runs.append([index])
            open_run = True
        elif not transparent[index]:
            open_run = False
    return runs


def _heading_key(line: BodyLine) -> tuple[str, bool]:
    """A numbered line's marker and title (up to a wide gap or a stop), spaces removed: what a
    contents entry and the heading it lists have in common (``""`` for a line without a marker);
    and whether the line could be a contents entry: a short title, no sentence in it."""
    if not line.terminal or line.recovered_style:
        return "", False
    text = line.folded[line.marker_end - line.start:]
    title = text[:_title_end(text)].rstrip(" ")
    if title[-1:].isdecimal():
        title = _PAGE_NUMBER.sub("", title)  # ``（一）编制目的 1``: an entry's page number after a space
    title = title.replace(" ", "")
    rest = text.replace(" ", "").rstrip(_CONTENTS_TAIL)
    bare = len(rest) <= MAX_CONTENTS_ENTRY and not _SENTENCE_STOP.search(rest) and "," not in rest
    return _number_key(line) + title, bare


def _number_key(line: BodyLine) -> str:
    """A numbered line's marker as a contents entry and its heading share it: an Arabic number's
    point or 顿号 aside (a 文库 copy's ``1 总则`` in the contents, ``1.总则`` or ``1、总则`` over
    ``1.1编制目的`` in the body)."""
    if line.terminal in ("DECIMAL", "ARABIC_DOT"):
        return line.marker.rstrip(".、")
    return line.marker


def _title_end(text: str) -> int:
    """Where the title in the text after a marker ends: at the first wide gap or stop."""
    stop = _TITLE_STOP.search(text)
    end = stop.start() if stop else len(text)
    gap = text.find("  ", 0, end)
    return gap if gap >= 0 else end


def _is_toc_entry(squeezed: str) -> bool:
    return squeezed[-1:].isdecimal() and _TOC_ENTRY.search(squeezed) is not None


def _is_table_row(folded: str) -> bool:
    """Cells apart by wide gaps or tabs, none of them a sentence (an article run on with its
    indented paragraphs, ``第十四条　…备案。　　港口、码头…``, has gaps after its stops)."""
    cells = folded.strip(" ")  # an indented line is no row for its indentation
    return ("  " in cells or "\t" in cells) and len(_TABLE_GAP.findall(cells)) >= 2 \
        and not _STOP_BEFORE_GAP.search(folded)


def confirm_tentative_numbers(body: list[BodyLine]) -> None:
    """``5.万元GDP能耗按…`` heads an item only right after item 4 (of the same style); otherwise the
    number is the start of a quantity or a date (``2、3月份``, ``1.5万``)."""
    last: dict[str, int] = {}
    for line in body:
        if line.terminal is None or line.ordinal is None:
            continue
        if line.tentative and last.get(line.terminal) != line.ordinal - 1:
            line.demote()
            continue
        last[line.terminal] = line.ordinal


def demote_stray_arabic(body: list[BodyLine]) -> None:
    """An Arabic-numbered line that continues no sequence (``25、…`` in running text) is not a heading,
    unless its next sibling continues it: a page that starts in the middle of a list (``(上接第一版)``
    / ``(三)…`` / ``4. …`` / ``5. …``).

    Numbering may run on across higher headings (State Council notices number their tasks 1.–20.
    through （一）…（六）), so a marker continues the last one of its style wherever that stood.
    """
    successors = _next_sibling_ordinals(body)
    last: dict[str, int] = {}
    for line, successor in zip(body, successors, strict=True):
        name = line.terminal
        if name is None or line.ordinal is None or name not in ladder.BY_TERMINAL \
                or not ladder.BY_TERMINAL[name].must_continue:
            continue
        previous = last.get(name)
        continues = previous is not None and 0 < line.ordinal - previous <= 3
        if not continues and line.ordinal > MAX_ARABIC_START and successor != line.ordinal + 1:
            line.demote()
            continue
        last[name] = line.ordinal


def _next_sibling_ordinals(body: list[BodyLine]) -> list[int | None]:
    """For each numbered line, the number of the next line of its style before a heading of a higher
    rank (its next sibling's, if it has one)."""
    following: dict[str, tuple[int, int]] = {}
    """The number and rank of the next line of each style, read from the end."""
    ordinals: list[int | None] = []
    for line in reversed(body):
        rank = line.rank
        if line.terminal is None or rank is None:
            ordinals.append(None)
            continue
        ahead = following.get(line.terminal)
        ordinals.append(ahead[0] if ahead else None)
        following = {name: ahead for name, ahead in following.items() if ahead[1] <= rank}
        if line.ordinal is not None:
            following[line.terminal] = (line.ordinal, rank)
    return ordinals[::-1]


_CHOICE = re.compile(r"(?:^|\s)([A-D])\s*[.、]\s*\S")
"""An answer option of a multiple-choice question (``A．可比性``, ``A．1    B．2``)."""


MIN_HOSTED_PAGES = 3
"""A document-hosting page numbers at least this many of a document's pages in its text."""
MIN_PAGE_TEXT = 200
"""A page of a hosted document holds at least this many characters."""


def demote_page_numbers(body: list[BodyLine]) -> None:
    """The page numbers of a document-hosting page (文库), each opening the text of a page of the
    document that goes on in the middle of a sentence of the page before: ``1、区市场监督管理局2023年
    政务公开工作总结2023年以来…`` … ``…形成统筹兼顾、齐抓`` / ``2、共管、各负其责的工作局面…``, each
    page one long line of the text. From page 1 on, each next number opens a line of its own after a
    page's line of at least :data:`MIN_PAGE_TEXT` characters that stops at no punctuation; at least
    :data:`MIN_HOSTED_PAGES` pages. A list's items (``1、加强组织领导``) are short lines, or follow a
    finished sentence.
    """
    pages: list[int] = []
    line_ends = _text_line_ends(body)
    for index, line in enumerate(body):
        if line.terminal != "ARABIC_DOT" or line.ordinal != len(pages) + 1:
            continue
        if index > 0 and body[index - 1].end >= line.start:
            continue  # cut out of a line: a page starts a line of the text
        if pages and not (line_ends[pages[-1]] - body[pages[-1]].start >= MIN_PAGE_TEXT
                          and line_ends[pages[-1]] == body[index - 1].end
                          and CJK.fullmatch(body[index - 1].squeezed[-1:])):
            break  # the page before is no long line that runs on into this one
        pages.append(index)
    if len(pages) >= MIN_HOSTED_PAGES:
        for index in pages:
            body[index].demote()


def _text_line_ends(body: list[BodyLine]) -> list[int]:
    """For each body line, where the last line of the text that it started in ends: the virtual
    lines cut out of one line of the text follow each other without a gap."""
    ends = [line.end for line in body]
    for index in range(len(body) - 2, -1, -1):
        if body[index + 1].start <= body[index].end:
            ends[index] = ends[index + 1]
    return ends


def demote_questions(body: list[BodyLine]) -> None:
    """A numbered line that options A, B … follow is a question of an examination or a survey,
    not a heading (``（1）本案中，民警…的法律依据是：（单选）`` / ``A．《人民警察法》  B．《刑法》``)."""
    for index, line in enumerate(body):
        if line.terminal is None:
            continue
        following = [other.folded for other in itertools.islice(body, index + 1, index + 4)
                     if other.squeezed][:2]
        if not following or not following[0].lstrip(" \u3000").startswith("A"):
            continue
        letters = "".join(found[1] for text in following for found in _CHOICE.finditer(text))
        if letters.startswith("AB"):
            line.demote()


def demote_lone_circled(body: list[BodyLine]) -> None:
    """A sentence after a ① that no ② follows before a higher heading is a note, not a list of one:
    the footnote under a law's last article (``①刑法、历次刑法修正案…的施行日期…确定。``)."""
    circled_rank = ladder.BY_TERMINAL["CIRCLED"].rank
    for index, line in enumerate(body):
        if line.terminal != "CIRCLED" or line.ordinal != 1 or not line.folded.rstrip(" ").endswith("。"):
            continue
        sibling = next((other for other in itertools.islice(body, index + 1, None)  # (stops at the next ①)
                        if other.terminal == "CIRCLED" or (other.rank or circled_rank) < circled_rank), None)
        if sibling is None or sibling.terminal != "CIRCLED" or sibling.ordinal != 2:
            line.demote()


def confirm_decimal_numbering(body: list[BodyLine]) -> None:
    """Decimal numbers (1 / 1.1 / 2.3.1) head sections only where they continue the numbering.

    Each must come next: the next at its depth (1.2 after 1.1), the first one deeper (1.1 after 1),
    or the next at a shallower depth (2 after 1.3); a number or two may be missing (a heading lost
    in conversion). ``11.5.14.2的试验`` or ``3.15`` continue nothing; and a single number
    (``1　总则``) counts only in a document that also has numbers of several parts, or in a run of
    bare numbers that count on from 1 (:func:`_confirm_bare_numbering`). The first number of a text
    may start anywhere where its next sibling comes next (:func:`_continued`).
    """
    candidates = [line for line in body if line.terminal == "DECIMAL"]
    if sum("." in line.marker for line in candidates) < 2:
        _confirm_bare_numbering(candidates)
        return
    current: tuple[int, ...] = ()
    for index, line in enumerate(candidates):
        parts = ladder.decimal_parts(line.marker)
        if _follows(current, parts) or (not current and _continued(parts, candidates[index + 1:])):
            current = parts
        else:
            line.demote()


MIN_CONTINUED_PARTS = 3
"""A text's first decimal number that continues nothing heads a section only this deep or deeper."""


def _continued(parts: tuple[int, ...], rest: list[BodyLine]) -> bool:
    """Whether the next decimal number after the first one of a text is its next sibling, three
    parts deep or more: a page that starts in the middle of a plan (``6.3.1.1 启动条件`` …
    ``6.3.1.2 响应措施``, a site's page 4); a list of codes (``30.03 临床化学检验专业``) is no such page."""
    return bool(rest) and len(parts) >= MIN_CONTINUED_PARTS and \
        ladder.decimal_parts(rest[0].marker) == (*parts[:-1], parts[-1] + 1)


MIN_BARE_NUMBERS = 3
"""Bare numbers (``1 人口特征``) head sections only in a run of at least this many: 1, 2, 3 …"""
MAX_BARE_TITLE = 30
"""The title after a bare number is at most this long (a longer line is a sentence or a table row)."""


def _confirm_bare_numbering(candidates: list[BodyLine]) -> None:
    """Bare numbers without a point (``1 人口特征`` … ``9 法律保护`` in a statistical report) head
    sections where they count 1, 2, 3 … in order, none left out, each before a short title; a
    number out of that order (``3岁以下 29.80``, a table row or a quantity) is text."""
    accepted: list[BodyLine] = []
    for line in candidates:
        number = int(line.marker.split(".")[0])
        if "." not in line.marker and number == len(accepted) + 1 and _is_bare_title(line):
            accepted.append(line)
        else:
            line.demote()
    if len(accepted) < MIN_BARE_NUMBERS:
        for line in accepted:
            line.demote()


def _is_bare_title(line: BodyLine) -> bool:
    title = line.folded[line.marker_end - line.start:].strip(" ")
    return (0 < len(title) <= MAX_BARE_TITLE and len(CJK.findall(title)) >= 2
            and not _SENTENCE_STOP.search(title) and not _LINE_END_PUNCT.search(title)
            and not _is_table_row(line.folded))


def _follows(current: tuple[int, ...], parts: tuple[int, ...]) -> bool:
    """Whether decimal number ``parts`` may come right after ``current`` (``()`` before the first)."""
    for level, part in enumerate(parts):
        if level >= len(current):  # one deeper than before: the first there
            return part <= MAX_DECIMAL_SKIP and all(p <= MAX_DECIMAL_SKIP for p in parts[level:])
        if part != current[level]:
            step = part - current[level]
            return 0 < step <= MAX_DECIMAL_SKIP and all(p <= MAX_DECIMAL_SKIP for p in parts[level + 1:])
    return False  # the same number again, or a parent of the current one


def demote_attachment_lists(body: list[BodyLine]) -> None:
    """The numbered lines of an attachment list (``附件：1.分级标准`` / ``2.组成及职责``) name files,
    they do not head sections; nor do ① statements right after a question (``…正确的有几项？``)."""
    in_list = False
    after_question = False
    for line in body:
        squeezed = line.squeezed.lstrip(_MARKUP_CHARS)
        if squeezed.startswith(_ATTACHMENT_LABELS):
            in_list = True
        elif in_list and line.terminal == "ARABIC_DOT":
            line.demote()
        else:
            in_list = False
        if after_question and line.terminal == "CIRCLED":
            line.demote()
        else:
            after_question = squeezed.endswith(("?", "？")) and not line.terminal


def is_short_title(line: BodyLine) -> bool:
    """A line that reads as a heading's title: 4–40 characters, Chinese, no sentence punctuation."""
    text = line.squeezed
    return (4 <= len(text) <= 40 and not _SENTENCE_STOP.search(text) and not _LINE_END_PUNCT.search(text)
            and len(CJK.findall(text)) >= 4 and not _starts_enumeration(text)
            and not text.startswith(("“", "《", "(")))


def _starts_enumeration(text: str) -> bool:
    return ladder.enumerator_at(text) is not None


def recover_missing_numbers(body: list[BodyLine]) -> None:
    """Between siblings 四、 and 六、, a short title line without a number is the missing 五、.

    At most two numbers are recovered in one gap, and only when the gap holds exactly that many
    short title lines and no heading of the same or a higher rank.
    """
    for rung in ladder.LADDER:
        if not rung.recoverable:
            continue
        previous: int | None = None
        for index, line in enumerate(body):
            rank = line.rank
            if rank is not None and rank < rung.rank:
                previous = None  # a higher heading: a new sibling list begins
                continue
            if line.terminal != rung.terminal or line.ordinal is None:
                continue
            if previous is not None:
                prior = body[previous]
                missing = line.ordinal - (prior.ordinal or 0) - 1
                if 0 < missing <= 2:
                    between = body[previous + 1:index]
                    if not any((b.rank if b.rank is not None else 99) <= rung.rank for b in between):
                        found = [b for b in between if not b.terminal and is_short_title(b)]
                        if len(found) == missing:
                            for offset, candidate in enumerate(found, start=1):
                                candidate.mark(ladder.RECOVERED, (prior.ordinal or 0) + offset,
                                               style=rung.style)
            previous = index


def mark_markdown_headings(body: list[BodyLine]) -> None:
    """A Markdown heading without a number (``## 报送内容``, ``## 序言``, ``## 附则``) is a heading at
    the depth its ``#`` give it: the rank of the numbered headings written with as many ``#``
    (``## 附则`` beside ``## 第二编``), else one step under those written with fewer (their numbers
    lost in a conversion from Word), else a part.
    """
    ranks_at: dict[int, Counter[int]] = {}
    for line in body:
        if line.markdown_depth and line.terminal and line.rank is not None:
            ranks_at.setdefault(line.markdown_depth, Counter())[line.rank] += 1
    rank_at = {depth: counts.most_common(1)[0][0] for depth, counts in ranks_at.items()}
    for line in body:
        depth = line.markdown_depth
        if not depth or line.terminal or not _is_markdown_title(line):
            continue
        if depth in rank_at:
            line.part_nesting = (rank_at[depth], 0)
        else:
            parent = max((known for known in rank_at if known < depth), default=0)
            parent_rank = rank_at[parent] if parent else ladder.BY_STYLE["part"].rank
            line.part_nesting = (parent_rank, depth - parent)
        line.mark(ladder.UNNUMBERED_PART, None)


MAX_MARKDOWN_TITLE = 60
"""A Markdown heading line longer than this (or holding a sentence) is a paragraph marked up."""


def _is_markdown_title(line: BodyLine) -> bool:
    text = line.squeezed.lstrip("#").strip("*_")
    return 0 < len(text) <= MAX_MARKDOWN_TITLE and not _SENTENCE_STOP.search(text)


def mark_unnumbered_parts(body: list[BodyLine]) -> None:
    """Short title lines without a number that head the parts of a report.

    Two shapes: the numbering restarts at 一 under an unnumbered short line (``过去五年工作回顾`` /
    ``一、…`` … ``今年政府工作的总体要求`` / ``一、…``); or at least two such lines stand alone between
    paragraphs (after a sentence's end, before a longer paragraph) where no numbering runs on
    across them.
    """
    numbered = [line for line in body if line.terminal and line.terminal != ladder.RECOVERED]
    if numbered:
        top_rank = min(line.rank for line in numbered if line.rank is not None)
        firsts = [line for line in numbered if line.rank == top_rank and line.ordinal == 1]
        if len(firsts) >= 2 and top_rank >= ladder.BY_STYLE["cn_dun"].rank:
            index_of = {id(line): i for i, line in enumerate(body)}
            for first in firsts:
                i = index_of[id(first)] - 1
                if i >= 0 and _is_part_title(body[i]):
                    body[i].mark(ladder.UNNUMBERED_PART, None)
    _mark_parts_between_paragraphs(body)


MAX_PART_TITLE = 30
"""An unnumbered part's title is at most this long."""


def _is_part_title(line: BodyLine) -> bool:
    return not line.terminal and is_short_title(line) and len(line.squeezed) <= MAX_PART_TITLE


def _mark_parts_between_paragraphs(body: list[BodyLine]) -> None:
    candidates = [index for index in range(1, len(body) - 1)
                  if _is_part_title(body[index]) and _ends_sentence(body[index - 1])
                  and _opens_part(body[index + 1], body[index])]
    if len(candidates) < 2:
        return
    bounds = [*candidates, len(body)]
    for index, following in zip(candidates, bounds[1:], strict=True):
        first_numbered = next((line for line in body[index + 1:following] if line.terminal), None)
        if first_numbered is not None and first_numbered.ordinal not in (1, None):
            return  # numbering runs on across the line: it is no part of the report
    for index in candidates:
        body[index].mark(ladder.UNNUMBERED_PART, None)


def _ends_sentence(line: BodyLine) -> bool:
    return line.terminal is None and _SENTENCE_END.search(line.squeezed) is not None


def _opens_part(line: BodyLine, title: BodyLine) -> bool:
    """What follows a part's title: its first heading numbered 1, or a paragraph longer than it."""
    if line.terminal:
        return line.ordinal == 1
    return len(line.squeezed) > 2 * len(title.squeezed) and _SENTENCE_END.search(line.squeezed) is not None


NOTES_REACH = 80
"""Notes that end the body start within this many lines of its end."""


def mark_notes(body: list[BodyLine]) -> None:
    """A notes label over numbered notes that end the body (``注释：`` / ``1.本公报中数据均为初步统计数…``
    / ``2.…`` at the end of a 统计公报): the label heads the notes, beside the report's top sections,
    so that the notes are no subsections of its last heading.
    """
    label = next((index for index in range(len(body) - 2, max(len(body) - NOTES_REACH, 0) - 1, -1)
                  if not body[index].terminal and body[index].squeezed in NOTES_LABELS), None)
    if label is None:
        return
    first = body[label + 1]
    if first.ordinal != 1 or first.rank is None:
        return
    if any(line.terminal and line.terminal != first.terminal for line in body[label + 1:]):
        return  # headings of another kind follow: the notes do not end the body
    top = min((line.rank for line in body[:label] if line.rank is not None), default=None)
    if top is None or top >= first.rank:
        return  # no sections to stand beside, or notes numbered as the top sections are
    body[label].part_nesting = (top, 0)
    body[label].mark(ladder.UNNUMBERED_PART, None)


LINE_RULES: tuple[LineRule, ...] = (
    demote_in_quotes,
    demote_tables_and_contents,
    demote_attachment_lists,
    demote_page_numbers,
    demote_questions,
    confirm_decimal_numbering,
    confirm_tentative_numbers,
    demote_stray_arabic,
    demote_lone_circled,
    recover_missing_numbers,
    mark_markdown_headings,
    mark_unnumbered_parts,
    mark_notes,
)
"""The line rules, in the order they run."""


def apply_line_rules(body: list[BodyLine]) -> None:
    """Run every line rule over the body lines, in order."""
    for rule in LINE_RULES:
        rule(body)
