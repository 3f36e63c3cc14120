"""Where a heading starts inside a line: the cut rules of the lines stage.

A page scraped without line breaks, articles run together (``…制定本条例。第二条　…``), a heading
glued to the text before it (``…制度。一、主要职责…``) or to its parent's title
(``二、主要内容（一）生态环境规划…``): each such line is cut into virtual lines where a heading
starts, so that the line lexer sees it at a line start. Offsets stay those of the text.

Every marker occurrence in a line (and, in run-on text, every wide gap) is a cut point; the rules
of :data:`CUT_RULES`, in order, decide whether a line starts there. Text inside a quotation is never
cut.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import ladder
from .grammar import terminal

RUN_ON_LENGTH = 1000
"""A line at least this long is run-on text (a page scraped without line breaks): any heading number
after a wide gap starts a virtual line there, and a wide gap after a stop ends a paragraph."""
RUN_ON_ALONE = 200
"""A text of one line as long as this is run-on text whatever its length (a dataset record, a copy
that kept no line break: a short notice as much as a report)."""
RUN_ON_DEEP = 3000
"""A line this long is certainly run-on: 一、 and （一） may also start where their numbering continues."""
MAX_QUOTE = 300
"""A quotation open longer than this is an unbalanced quotation mark, not a quotation: it hides
nothing."""
_GENRE_END = "告知见定法例案划要结函书"
"""The last characters of a title's genre word (报告, 通知, 意见, 条例 …): a heading right after one
starts the body of a document whose title and text were run together (…条例第一章　总则…)."""
_QUOTE_OPENERS = "“「『《"
_QUOTE_CLOSERS = "”」』》"
_STOPS = "。;!?:"
_BRACKET_CLOSERS = ")]】〕"


@dataclass
class Point:
    """A place in a line where a virtual line may start, and what the rules need to know of it."""

    text: str
    position: int
    line_start: int
    """Where the current virtual line starts."""
    run_on: bool
    before: str
    """The last non-space character before the point ("" at the start)."""
    gap: bool
    """Two or more spaces before the point: a line break a scraper lost."""
    marker: str | None
    """The terminal of the heading marker that starts at the point, if one does."""
    ordinal: int | None
    last: dict[str, int] = field(default_factory=dict)
    """The ordinal of the last marker of each terminal cut in this line."""
    marker_end: int = 0
    """Where the marker at the point ends (the point itself where none starts there)."""

    @property
    def after_stop(self) -> bool:
        return self.before in _STOPS

    @property
    def continues(self) -> bool:
        """The marker starts a numbering (1 / 一) or continues the last one of its terminal cut in
        the line (（四） after （三）, also across the 二、 between them)."""
        return self.ordinal is not None and self.marker is not None and \
            self.ordinal in (1, self.last.get(self.marker, 0) + 1)

    @property
    def heads_text(self) -> bool:
        """Text follows the marker in the line: a number that ends its line heads nothing there
        (``弋阳县森林火灾应急预案(印发版)(1)``, a page's title with its file's copy number)."""
        return self.text[self.marker_end:].strip(" ") != ""


CutRule = Callable[[Point], bool]


def strong_marker_after_stop(point: Point) -> bool:
    """一、 （一） 第X章 第X条 after a sentence stop: ``…制定本条例。第二条　…``, ``…制度。一、主要职责…``."""
    return _strong(point.marker) and point.after_stop


def strong_marker_after_bracket(point: Point) -> bool:
    """A strong marker after a closing bracket where its numbering continues: the next task after
    the one before it names who leads it, ``…（各地区按职责分工负责）二、进一步简化…``."""
    return _strong(point.marker) and point.before in _BRACKET_CLOSERS and point.continues


def strong_marker_after_gap(point: Point) -> bool:
    """A strong marker after a wide gap: ``第一章　总则　　第一条　为规范…``, a heading at the end of a
    line after a flattened box ``…重点内容　　四、重点工程和投资重点``."""
    return _strong(point.marker) and point.gap


def law_marker_after_title(point: Point) -> bool:
    """第X编/章/节/条 and a space right after a title's genre word: ``规划环境影响评价条例第一章　总　　则``
    (a reference in a sentence has none: ``依照环境保护税法第六条第二款``)."""
    return (point.marker in ("PART", "CHAPTER", "SECTION_NO", "ARTICLE") and point.before in _GENRE_END
            and _spaced_marker(point))


def _spaced_marker(point: Point) -> bool:
    """The marker at the point is followed by a space, as a law's 第X章/第X条 is in its heading (a
    reference in a sentence is not: ``依照本条例第六条第二款``)."""
    found = ladder.marker_at(point.text, point.position)
    return found is not None and point.text[found.end():found.end() + 1] == " "


def first_heading_after_title(point: Point) -> bool:
    """一、 （一） 第一章 right after a title's genre word and a space, where a page ran the title and
    the text together: ``工商局2021年上半年法治建设工作总结 一、突出制度机制建设…``."""
    return (_strong(point.marker) and point.ordinal == 1 and point.before in _GENRE_END
            and point.text[point.position - 1] == " ")


def numbered_item_after_stop(point: Point) -> bool:
    """1. and （1） after a stop or a closing bracket, where they continue the numbering cut in the
    line: ``…具体措施：1．及时总结…（国家发展改革委负责）2．简化税费…``; but not the points of a note
    run in after its label (:func:`_opens_run_in_note`); nor a number that ends its line, with no
    text for it to head (:attr:`Point.heads_text`: ``…应急预案(印发版)(1)``)."""
    after = point.after_stop or point.before in _BRACKET_CLOSERS
    return point.marker in ("ARABIC_DOT", "ARABIC_PAREN") and after and point.continues \
        and point.heads_text and not _opens_run_in_note(point)


NOTES_LABELS = frozenset({"注释", "注释:", "附注", "附注:", "注解", "注解:", "注:"})
"""A note's label (squeezed, folded): on a line of its own, it heads the notes of a statistical
bulletin."""
_NOTE_LEADS = _STOPS + "("
"""What may stand before a note's label in its line: nothing, a stop or an opening bracket."""
MAX_NOTE_POINT = 120
"""A run-in note's second point follows its first within this many characters."""


def _opens_run_in_note(point: Point) -> bool:
    """The first point of a note whose points run on in its line: ``（注：1.只接收对该政策性文件的相关咨询;
    2.留言时请注明政策性文件名称）``, ``注：1.…;2.…``. The note is one paragraph, its numbers no headings."""
    if point.ordinal != 1 or point.before != ":":
        return False
    before = point.text[point.line_start:point.position].replace(" ", "")
    if not any(label.endswith(":") and before.endswith(label) and before[:-len(label)][-1:] in _NOTE_LEADS
               for label in NOTES_LABELS):
        return False
    first = ladder.marker_at(point.text, point.position)
    if first is None:
        return False
    second = first.group().strip().replace("1", "2", 1)
    return point.text.find(second, first.end(), first.end() + MAX_NOTE_POINT) >= 0


def item_after_bracket(point: Point) -> bool:
    """（二） after the closing bracket of the item before it: ``…（各地区按职责分工负责）（二）…``."""
    return (point.marker == "CN_PAREN" and point.before in _BRACKET_CLOSERS and point.continues
            and point.ordinal != 1)


def item_glued_to_heading(point: Point) -> bool:
    """An item number glued to the title of the heading its line starts with, where the item ranks
    below that heading and starts or continues its numbering: ``二、主要内容（一）生态环境规划…``,
    ``二、进一步简化审批和条件（四）进一步降低…``, ``（一）大力发展货物贸易1.扩大优势产品出口。…``,
    ``第一章总则第一条　为了…`` (in run-on text, where every line break was lost), ``…压实法治建设责任
    1、建立健全…`` (after a space). A title has no sentence stop; but for a （一）, the number is looked
    for only within a title's length. An article with its space after it starts whatever its number
    (``第五章  资    金第三十五条  …`` in a copy that leaves articles out)."""
    law_item = point.marker in _LAW_ITEMS and _spaced_marker(point)
    if point.marker not in _GLUED_ITEMS or not (point.ordinal == 1 or point.continues or law_item):
        return False
    spaced = point.marker in _SPACED_ITEMS and point.text[point.position - 1] == " "
    if point.marker != "CN_PAREN" and (not (point.run_on or spaced)
                                       or point.position - point.line_start > _TITLE_LENGTH):
        return False
    opening = ladder.marker_at(point.text, point.line_start + _lead(point.text, point.line_start))
    return opening is not None and opening.lastgroup in _GLUED_ITEMS[point.marker] \
        and not any(char in _STOPS for char in point.text[point.line_start:point.position])


_GLUED_ITEMS: dict[str, tuple[str, ...]] = {
    "SECTION_NO": ("CHAPTER",),
    "ARTICLE": ("CHAPTER", "SECTION_NO"),
    "CN_PAREN": ("CN_DUN", "CHAPTER", "PART"),
    "ARABIC_DOT": ("CN_PAREN", "CN_DUN"),
    "ARABIC_PAREN": ("ARABIC_DOT", "CN_PAREN"),
}
"""The item numbers a heading's title may have run into, and the headings they may follow."""
_LAW_ITEMS = ("SECTION_NO", "ARTICLE")
"""The item numbers of a law, which the space after them marks as headings."""
_SPACED_ITEMS = ("ARABIC_DOT", "ARABIC_PAREN")
"""The item numbers that start a heading after a space outside run-on text (``…压实法治建设责任 1、建立
健全…``); a 第一节 after a space stays in its line (a contents line ``第一章　…　第一节　…``)."""
_TITLE_LENGTH = 40
"""The most characters from a heading's number to a number glued to its title (but （一）)."""


def any_marker_after_gap(point: Point) -> bool:
    """In run-on text, any heading number after a wide gap: where a scraper lost a line break
    (``1　总则　　　　1.1　编制目的``)."""
    return point.run_on and point.gap and point.marker is not None


def paragraph_after_stop(point: Point) -> bool:
    """In run-on text, a wide gap after a sentence stop: a paragraph's indentation."""
    return point.run_on and point.gap and point.after_stop


def attachment_label(point: Point) -> bool:
    """In run-on text, 附件1 after a stop or a space: an attachment starts."""
    if not point.run_on or not (point.after_stop or point.text[point.position - 1] == " "):
        return False
    label = terminal("ATTACHMENT").match(point.text, point.position)
    return label is not None and label.end() - label.start() > 2


def attachment_title_end(point: Point) -> bool:
    """In run-on text, the title of an attachment ends at the first wide gap after its label."""
    label = terminal("ATTACHMENT").match(point.text, point.line_start)
    return point.run_on and point.gap and label is not None


def numbering_continues(point: Point) -> bool:
    """In a very long line, 一、/（一） wherever their numbering continues the last one cut (二、 after
    一、), a （一） anywhere, and a 一、 right after a title's genre word (…的报告一、…)."""
    if len(point.text) < RUN_ON_DEEP or point.marker not in ("CN_DUN", "CN_PAREN") or not point.continues:
        return False
    return point.marker == "CN_PAREN" or point.ordinal != 1 or point.before in _GENRE_END


CUT_RULES: tuple[CutRule, ...] = (
    strong_marker_after_stop,
    strong_marker_after_bracket,
    strong_marker_after_gap,
    law_marker_after_title,
    first_heading_after_title,
    numbered_item_after_stop,
    item_after_bracket,
    item_glued_to_heading,
    any_marker_after_gap,
    paragraph_after_stop,
    attachment_label,
    attachment_title_end,
    numbering_continues,
)
"""The cut rules; a line starts at a point if any of them says so."""


def _strong(marker: str | None) -> bool:
    return marker is not None and ladder.BY_TERMINAL[marker].strong


def _lead(text: str, start: int) -> int:
    return len(text) - start - len(text[start:].lstrip(" ")) if start < len(text) else 0


@functools.cache
def _points() -> re.Pattern[str]:
    """A quotation mark (to follow what is quoted), a wide gap, a space before an attachment label,
    or a heading marker: every place a rule may cut at in run-on text."""
    markers = "|".join(f"(?:{terminal(name).pattern})" for name in ladder.MATCH_ORDER)
    markers += f"|{ladder.TENTATIVE_ARABIC_DOT.pattern}"
    attachment = terminal("ATTACHMENT").pattern
    return re.compile(f"(?P<quote>{_QUOTE.pattern})|(?P<gap>(?<=\\S) {{2,}}(?=\\S))"
                      f"|(?P<space>(?<=\\S) (?={attachment}))|(?P<marker>{markers})")


_PAREN_GLYPHS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
"""The bracketed numerals of one character that the CN_PAREN terminal also takes."""
_QUOTE = re.compile(f"[{_QUOTE_OPENERS}{_QUOTE_CLOSERS}\"]")


@functools.cache
def _scans() -> tuple[re.Pattern[str], ...]:
    """The patterns :func:`places_to_cut` scans the text with, each starting with a character
    class or a literal, so that ``re`` skips to where one can match; none repeats a space before a
    lookahead (``  +(?=…)`` tries every space of a long run again: quadratic)."""
    def union(names: list[str]) -> str:
        return "|".join(f"(?:{terminal(name).pattern})" for name in names)

    strong = [rung.terminal for rung in ladder.LADDER if rung.strong]
    after_stop = union([*strong, "ARABIC_DOT", "ARABIC_PAREN"]) + f"|{ladder.TENTATIVE_ARABIC_DOT.pattern}"
    return (re.compile(f"[{re.escape(_STOPS + _BRACKET_CLOSERS)}] *(?={after_stop})"),
            re.compile(f" (?={union(strong)})"),
            re.compile(union([rung.terminal for rung in ladder.LADDER if rung.law])),
            re.compile(r"[(〈]"),
            re.compile(f" (?={union(list(_SPACED_ITEMS))}|{ladder.TENTATIVE_ARABIC_DOT.pattern})"))


def places_to_cut(folded: str) -> list[int]:
    """Outside run-on text, the only places a rule may cut at, in order: a strong marker, 1. or
    （1） after a stop or a closing bracket; a strong marker after a wide gap or after a genre word and
    a space; a law marker and a space right after a genre word; an item number after a space; a （一）
    anywhere; none at a line's start. One scan of the whole text, so that the lines without a place
    (most) cost nothing more; the same cuts as :func:`cut_points` trying every marker of a line
    (tests/test_fast_paths.py)."""
    after_stop, after_gap, law, bracket, spaced_item = _scans()
    found = {match.end() for match in after_stop.finditer(folded)}
    found.update(match.end() for match in after_gap.finditer(folded)  # a gap, or a space after a genre word
                 if folded[match.start() - 1:match.start()] == " "
                 or (match.start() > 0 and folded[match.start() - 1] in _GENRE_END))
    found.update(match.end() for match in spaced_item.finditer(folded))
    for match in law.finditer(folded):
        before = _gap_start(folded, match.start())
        if before > 0 and folded[before - 1] in _GENRE_END and folded[match.end():match.end() + 1] == " ":
            found.add(match.start())
    cn_paren = terminal("CN_PAREN")
    found.update(match.start() for match in bracket.finditer(folded) if cn_paren.match(folded, match.start()))
    if any(glyph in folded for glyph in _PAREN_GLYPHS):  # ㈠: rare, and slow to scan for with "("
        found.update(match.start() for match in cn_paren.finditer(folded)
                     if match.group()[0] in _PAREN_GLYPHS)
    return sorted(place for place in found if not _opens_line(folded, place))


def _opens_line(text: str, position: int) -> bool:
    """Only indentation stands before ``position`` on its line."""
    before = _gap_start(text, position)
    return before == 0 or text[before - 1] == "\n"


def _gap_start(text: str, position: int) -> int:
    """Where the spaces right before ``position`` start."""
    while position > 0 and text[position - 1] == " ":
        position -= 1
    return position


class _Quotation:
    """Whether a place is inside a quotation, from the quotation marks before it. A quotation open
    longer than :data:`MAX_QUOTE` has expired: it hides nothing after it. So has one opened inside a
    sentence (not after a colon) past that sentence's stop: a mark the writer forgot to close
    (``命名为第九批“全国民主法治示范村(社区)。一、…``); one after a colon may quote whole sentences
    (``修改为：“第五条　…。（一）…``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.open: list[str] = []
        """The opening marks of the quotations open, outermost first."""
        self.ends = 0
        """Where the open quotation expires: the last place it may still hide."""

    def mark(self, char: str, position: int) -> None:
        self.expire(position)
        if char in _QUOTE_OPENERS:
            if char in self.open:
                return  # the legal convention: each quoted paragraph opens again, only the last closes
            if not self.open:
                self.ends = self._last_place(position)
            self.open.append(char)
        elif self.open:  # ” closes, and so does a plain " a writer closed “ with
            self.open.pop()

    def _last_place(self, position: int) -> int:
        limit = position + MAX_QUOTE
        before = _gap_start(self.text, position)
        if before > 0 and self.text[before - 1] == ":":
            return limit
        stop = _SENTENCE_END.search(self.text, position, limit)
        return stop.start() if stop else limit

    def expire(self, position: int) -> None:
        if self.open and position > self.ends:
            self.open = []

    def inside(self, position: int) -> bool:
        self.expire(position)
        return bool(self.open)


_SENTENCE_END = re.compile("[。!?;]")
"""The stops that end a sentence (folded), and with it a quotation left open inside it."""


def _events(text: str, places: list[int] | None, pages: list[int]) -> Iterator[tuple[str, int]]:
    """The quotation marks and the places to try, in order: every marker, gap and space before an
    attachment label of the line, or the markers at ``places`` (offsets in ``text``); and the starts
    and ends of the page numbers run into the line (``pages``)."""
    if pages:
        yield from sorted([*_events(text, places, []), *(("page", place) for place in pages)],
                          key=lambda event: event[1])
        return
    if places is None:
        for match in _points().finditer(text):
            kind = match.lastgroup or ""
            yield kind, match.start() if kind in ("quote", "marker") else match.end()
        return
    quotes = [("quote", match.start()) for match in _QUOTE.finditer(text)]
    yield from sorted([*quotes, *(("marker", place) for place in set(places))], key=lambda event: event[1])


_PAGE_OF = re.compile(r"第 ?\d{1,4} ?页 ?[,/]? ?共 ?\d{1,4} ?页")
_DASHED_PAGE = re.compile(r"([-—–]) ?(\d{1,4}) ?\1(?![0-9A-Za-z\-—–])")
_NOT_BEFORE_DASHED_PAGE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-—–")
"""A page number inside a line (folded): ``第2页 共4页`` or ``- 3 -`` (``—3—``; not after a digit, a
letter or a dash: ``2021-3-5``), as a 文库 copy or a PDF extraction without line breaks keeps them
between the text of two pages. Cut out as a line of its own, it is furniture (chrome's page
numbers), and what follows it starts a line. Two patterns that each start with a character the
scan can skip to."""


def page_numbers(folded: str) -> list[tuple[int, int]]:
    """The page numbers run into the lines of ``folded`` (:data:`_PAGE_OF`, :data:`_DASHED_PAGE`), as
    spans: each ``第n页 共m页``, and each ``- n -`` next to another of page n-1 or n+1 (no lone
    dash-number-dash of the text)."""
    spans = [match.span() for match in _PAGE_OF.finditer(folded)] if "页" in folded else []
    dashed: dict[int, tuple[int, int]] = {}
    for match in _DASHED_PAGE.finditer(folded):
        if match.start() == 0 or folded[match.start() - 1] not in _NOT_BEFORE_DASHED_PAGE:
            dashed.setdefault(int(match.group(2)), match.span())
    spans += [span for number, span in dashed.items() if number - 1 in dashed or number + 1 in dashed]
    return sorted(spans)


def alone(folded: str) -> bool:
    """The whole text is one line of :data:`RUN_ON_ALONE` characters or more (blank lines and spaces
    around it aside): run-on text, however short."""
    return len(folded) >= RUN_ON_ALONE and "\n" not in folded.strip(" \n")


def cut_points(text: str, places: list[int] | None = None, *, run_on: bool = False,
               pages: list[int] | None = None) -> list[int]:
    """Offsets where virtual lines start in ``text`` (folded; 0 and ``len(text)`` included).

    ``places``: outside run-on text, the offsets of the only markers a rule may cut at
    (:func:`places_to_cut`); by default every marker, wide gap and space of the line is tried.
    ``run_on``: the line is run-on text however short (:func:`alone`); a line of
    :data:`RUN_ON_LENGTH` characters or more always is. ``pages``: the starts and ends of the page
    numbers run into the line (:func:`page_numbers`), where lines start whatever follows; a heading
    number right after one counts as cut there.
    """
    run_on = run_on or len(text) >= RUN_ON_LENGTH
    cuts = [0]
    quotation = _Quotation(text)
    last: dict[str, int] = {}
    for kind, position in _events(text, places, pages or []):
        if kind == "page":
            if cuts[-1] < position < len(text):
                cuts.append(position)
            found = ladder.marker_at(text, _lead(text, position) + position)
            if found and found.lastgroup and (ordinal := ladder.ordinal_of_marker(found.group())) is not None:
                last[found.lastgroup] = ordinal
            continue
        if kind == "quote":
            quotation.mark(text[position], position)
            continue
        if kind == "marker" and position > 0 and (text[position - 1].isdigit()
                                                  or terminal("_CN_DIGIT").match(text, position - 1)):
            continue  # inside a numeral: 十一、 is one marker, not 十 and 一、
        if quotation.inside(position) or position - cuts[-1] < 2 or position >= len(text):
            continue
        found = (ladder.marker_at(text, position) or ladder.tentative_marker_at(text, position)
                 if kind == "marker" else None)
        before = _gap_start(text, position)
        if before <= cuts[-1]:
            continue  # only indentation before it: its line starts here already
        point = Point(text, position, cuts[-1], run_on, text[before - 1] if before > 0 else "",
                      position - before >= 2, found.lastgroup if found else None,
                      ladder.ordinal_of_marker(found.group()) if found else None, last,
                      found.end() if found else position)
        if any(rule(point) for rule in CUT_RULES):
            cuts.append(position)
            if point.marker and point.ordinal is not None:
                last[point.marker] = point.ordinal
    cuts.append(len(text))
    return cuts
