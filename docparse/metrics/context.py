"""What the text around a quantity says about it: its clause, period and target flag, whether it is
a level or a change (增长 下降 同比 较上年), its label and subject.

Every window is bounded by the clause (at most :data:`CLAUSE_REACH` characters back), so the
finder stays linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..normalize import CJK, fold
from ..numerals import DIGITS, UNITS
from ..segment.title import BRACKETED_NOTE, NOTE_REFERENCE
from .claim import ClaimText
from .lexicon import (
    AMOUNT_LEVEL_LINKS,
    AS_OF,
    BASELINE_ONLY_CHANGES,
    BASELINE_WORDS,
    CHANGE_LINKS,
    CHANGE_QUALIFIERS,
    CHANGE_WORDS,
    CLAUSE_DELIMITERS,
    CLOSERS,
    COMPARED_WITH,
    COMPUTED_AS,
    COMPUTED_ENDS,
    COUNTED_ACTIONS,
    COUNTED_BEFORE_NOUNS,
    DEGREE_WORDS,
    EXAMPLES_END,
    FROM_WORDS,
    GAP_UNIT,
    GAP_WORDS,
    GROUPINGS,
    INTRO_LINKS,
    LABEL_LEADS,
    LEVEL_LINKS,
    LEVEL_RATES,
    LIST_DELIMITER,
    LIST_JOINS,
    OBJECT_LEADS,
    OBTAINED_WORDS,
    OPENERS,
    PARTS_INTRO,
    PER_HEAD_AVERAGED,
    PREDICATE_STARTS,
    PREFIX_NOT_AFTER,
    PREVIOUS_YEAR_IN_FULL,
    PRIOR_PERIODS,
    RATE_LINKS,
    RATE_UNITS,
    RATES,
    REACHED_ADVERBS,
    REACHED_LINKS,
    REACHED_SCOPES,
    REACHED_VERBS,
    RESPECTIVELY,
    SHARE_VERBS,
    SHORT_LABEL,
    SINCE,
    TARGET_INTROS,
    TARGET_WORD_NOT_BEFORE,
    TARGET_WORDS,
    TIME_AVERAGED,
    TRAIL_WORDS,
    VERBS,
    WEAK_CHANGE_WORDS,
    YEAR_ENDS,
    YEAR_LEADS,
    Direction,
    one_of,
)
from .quantity import ARABIC, Quantity, read_tail
from .relations import continues_list, listed_names, names_in, share_head

CLAUSE_REACH = 60
"""How far back from a quantity its clause is looked for, in characters."""
LABEL_MAX = 30
"""A label is at most this long: its last characters, next to the figure, say what it counts."""
_LABEL_AFTER_REACH = 30
"""How far after a quantity the noun it counts is looked for (成立2支督察队伍)."""
_CUE_REACH = 12
_RATE_REACH = 10

# ---------------------------------------------------------------------------- clauses


Clause = tuple[int, int]
"""Where the clause of a quantity starts, after the last ``,;:。!?`` or ``、`` before it, and where
the wide clause starts, after the last ``,;:。!?`` (in which a 分别 list is read)."""


_OPENING = OPENERS + "("
_CLOSING = CLOSERS + ")"
_CLAUSE_DELIMITER = re.compile(f"[{re.escape(CLAUSE_DELIMITERS)}]")
_CLAUSE_MARK = re.compile(f"[{re.escape(_OPENING + _CLOSING + CLAUSE_DELIMITERS + LIST_DELIMITER)}]")
"""What the walk back to a clause's start looks at: brackets, quotes and delimiters."""


def clause_of(folded: str, claim_start: int, at: int) -> Clause:
    """The clause holding offset ``at``, walking back from it over the marks before it: a delimiter
    inside a title, quote or bracket closed before ``at`` ends no clause; the clause reaches back at
    most :data:`CLAUSE_REACH` characters."""
    limit = max(claim_start, at - CLAUSE_REACH)
    depth = 0
    listed = -1
    marks = [match.start() for match in _CLAUSE_MARK.finditer(folded, limit, at)]
    for mark in reversed(marks):
        char = folded[mark]
        if char in _CLOSING:
            depth += 1
        elif char in _OPENING:
            depth = max(depth - 1, 0)
        elif depth == 0:
            if char in CLAUSE_DELIMITERS:
                return (mark + 1 if listed < 0 else listed), mark + 1
            if listed < 0 and char == LIST_DELIMITER:
                listed = mark + 1
    return (limit if listed < 0 else listed), limit


# ---------------------------------------------------------------------------- period

_YEAR = r"(?:19|20)\d\d"
YEAR_OPENING = re.compile(
    rf"(?:(?<=[{re.escape(CLAUSE_DELIMITERS)}])|^|(?<=\n)) *(?:{one_of(YEAR_LEADS)})?"
    rf"(?P<year>{_YEAR})年(?!\d)", re.MULTILINE)
"""A year that opens a clause (``2023年,我县将…`` ``截至2022年底``): the period of what follows
(:func:`opening_years` finds the matches).

Relative words (去年, 过去一年) are left alone: whether the report year is the year reported on
(法治政府 reports) or the year of delivery (政府工作报告) differs by genre."""
_YEAR_AT_START = re.compile(rf"(?:{one_of(YEAR_LEADS)})?(?P<year>{_YEAR})年")
_OPENS_CLAUSE_AFTER = CLAUSE_DELIMITERS + "\n"
_YEAR_LEAD_ENDS = frozenset(word[-1] for word in YEAR_LEADS)


def opening_years(folded: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, year) of each match of :data:`YEAR_OPENING` in ``folded[start:end]``.

    Found from each 年 back to the year's digits, its lead word and the clause boundary, instead of
    trying the pattern's lookbehinds at every character of the claim.
    """
    found: list[tuple[int, str]] = []
    mark = folded.find("年", start + 4, end)
    while mark >= 0:
        year_start, after = mark - 4, mark + 1
        digits = folded[year_start:mark]
        mark = folded.find("年", after, end)
        if not (digits.startswith(("19", "20")) and digits[2:].isdecimal()) \
                or (after < end and folded[after].isdecimal()):
            continue  # no match of (?:19|20)\d\d年(?!\d)
        lead = ""
        if year_start > start and folded[year_start - 1] in _YEAR_LEAD_ENDS:
            lead = next((word for word in YEAR_LEADS if year_start - len(word) >= start
                         and folded.startswith(word, year_start - len(word))), "")
        opening = year_start - len(lead)
        while opening > start and folded[opening - 1] == " ":
            opening -= 1
        if opening == 0 or folded[opening - 1] in _OPENS_CLAUSE_AFTER:
            found.append((opening, digits))
    return found


def period_of_title(title: str) -> str | None:
    """The year a section title names (``2023年工作回顾`` → 2023), the period of the claims below it."""
    if "年" not in title:
        return None
    match = _YEAR_AT_START.match(fold_digits(title).lstrip(" \u3000"))
    return match["year"] if match else None


_DIGIT_TABLE = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}


def fold_digits(text: str) -> str:
    """Full-width digits as ASCII (titles are not folded)."""
    return text.translate(_DIGIT_TABLE)


# ---------------------------------------------------------------------------- targets

def _target_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The target words as one pattern, each not where it is part of a name (人均预期寿命)."""
    return re.compile("|".join(
        re.escape(word) + (f"(?!{one_of(TARGET_WORD_NOT_BEFORE[word])})" if word in TARGET_WORD_NOT_BEFORE
                           else "")
        for word in words))


_TARGET = _target_words(TARGET_WORDS)
_TARGET_IN_REVIEW = _target_words(tuple(word for word in TARGET_WORDS if word not in OBTAINED_WORDS))
"""In a review of work done: 争取 says what was obtained."""
_TARGET_INTRO = re.compile(f"(?:{one_of(TARGET_INTROS)})(?:{one_of(INTRO_LINKS)})?:")
"""``今年发展主要预期目标是：`` opens a list of targets that runs on over ；-separated claims."""


def has_target_word(folded: str, start: int, end: int, review: bool = False) -> bool:
    """Whether ``folded[start:end]`` says 目标, 力争, 确保… (in a ``review``, 争取 is none)."""
    return (_TARGET_IN_REVIEW if review else _TARGET).search(folded, start, end) is not None


def target_intros(folded: str, start: int, end: int) -> list[int]:
    """The offsets of the ``目标是：`` of ``folded[start:end]``."""
    return [match.start() for match in _TARGET_INTRO.finditer(folded, start, end)]


def clause_has_target(folded: str, clause: Clause, claim_end: int, at: int, review: bool = False) -> bool:
    """Whether the wide clause around ``at`` (up to 60 characters after it) says 目标, 确保… (in a
    ``review``, 争取 is none)."""
    _, wide_start = clause
    limit = min(claim_end, at + CLAUSE_REACH)
    delimiter = _CLAUSE_DELIMITER.search(folded, at, limit)
    pattern = _TARGET_IN_REVIEW if review else _TARGET
    return pattern.search(folded, wide_start, delimiter.start() if delimiter else limit) is not None


# ---------------------------------------------------------------------------- level or change

Measure = Literal["level", "change"]


@dataclass(slots=True)
class Draft:
    """A quantity of the claim with what its context says, filled in as the finder reads on."""

    quantity: Quantity
    period: str | None
    is_target: bool
    measure: Measure = "level"
    direction: Direction | None = None
    baseline: str | None = None
    label: str | None = None
    subject: str | None = None
    breakdown: Literal["total", "part"] | None = None
    total: int | None = None
    """The index of the total this part belongs to, among the claim's drafts."""
    list_names: tuple[str, ...] = ()
    """The names a 分别 list gives its figures in turn (治安案件、刑事案件分别下降…)."""
    list_index: int = 0
    """This figure's place in its 分别 list."""
    baseline_value: float | None = None
    """The figure of 从A增加到B that B is reached from."""
    change_value: float | None = None
    """B − A for 从A增加到B, where both are in one unit."""


CHANGE_CUE = re.compile(
    f"(?P<cue>{one_of(CHANGE_WORDS)})(?P<link>{one_of(CHANGE_LINKS)})?(?:{one_of(CHANGE_QUALIFIERS)})? *$")
"""A change word, then 了/达到/…, then 约/近/… right before the figure (增长了约5%), perhaps with a
space between (a scraped page's en space, folded)."""
CHANGE_RATE = re.compile(f"(?P<rate>{one_of(RATES)})(?:{one_of(RATE_LINKS)})? *$")
"""A rate's name right before the figure (增速为5.2%)."""
CUE_ENDS = frozenset(word[-1] for words in (CHANGE_WORDS, CHANGE_LINKS, CHANGE_QUALIFIERS)
                     for word in words) | {"\n", " "}
RATE_ENDS = frozenset(word[-1] for words in (RATES, RATE_LINKS) for word in words) | {"\n", " "}
"""The characters a match of :data:`CHANGE_CUE` / :data:`CHANGE_RATE` can end with (``$`` also
matches before a final newline): before a figure that follows any other, neither is searched."""
_DOWN = frozenset(word for table in (CHANGE_WORDS, RATES) for word, direction in table.items()
                  if direction == "down")
_PRIOR_PERIOD = f"(?:{one_of(PRIOR_PERIODS)}|{PREVIOUS_YEAR_IN_FULL}|\\d{{4}}年(?:{one_of(YEAR_ENDS)})?)"
_BASELINE = re.compile(
    f"({one_of(BASELINE_WORDS)}|{'|'.join(word + _PRIOR_PERIOD for word in COMPARED_WITH)})")
"""What a change is measured against (同比, 较上年底, 比2021年): every alternative starts with a
word, where a search stops."""


_COMPARED_CHARS = "".join(COMPARED_WITH)
_GAP = re.compile(f"(?P<word>{one_of(GAP_WORDS)})[^0-9]{{2,{LABEL_MAX}}}$")
"""高于/低于 and what the figure after it is measured against, right before the figure."""


def describe(claim: ClaimText, clause: Clause, draft: Draft, drafts: list[Draft]) -> None:
    """What the clause before the quantity (and after it, if need be) says about it: level or
    change, baseline, label, subject; or that it is the next figure of the list before it."""
    folded = claim.folded
    quantity = draft.quantity
    at = quantity.start
    previous = drafts[-1] if drafts else None
    if previous is not None and (previous.measure == "change" or previous.list_names) \
            and continues_list(folded[previous.quantity.end:at]):
        draft.measure, draft.direction = previous.measure, previous.direction
        draft.baseline, draft.list_names = previous.baseline, previous.list_names
        draft.list_index = previous.list_index + 1
        draft.label = (previous.list_names[draft.list_index]
                       if draft.list_index < len(previous.list_names) else previous.label)
        return
    clause_start, wide_start = clause
    # level or change: a change word (增长) or a rate's name (增幅) right before the figure, with
    # the baseline in the wide clause (同比, 较上年)
    last = folded[at - 1] if at > clause_start else ""
    cue = CHANGE_CUE.search(folded, max(clause_start, at - _CUE_REACH), at) if last in CUE_ENDS else None
    rate = CHANGE_RATE.search(folded, max(clause_start, at - _RATE_REACH), at) if last in RATE_ENDS else None
    if rate is not None and folded.endswith(LEVEL_RATES, clause_start, rate.end("rate")):
        rate = None  # 人口自然增长率为-2.2‰: a level
    wide_left = folded[wide_start:at]
    baseline = _BASELINE.search(wide_left) if cue is not None or rate is not None else None
    if cue is not None and not _is_change(folded, cue, baseline is not None, quantity.unit):
        cue = None
    word = cue["cue"] if cue is not None else rate["rate"] if rate is not None else None
    if word is not None:
        draft.measure = "change"
        draft.direction = "down" if word in _DOWN else "up"
        if baseline is not None:
            draft.baseline = baseline[1].lstrip(_COMPARED_CHARS)
        elif rate is not None:  # 增幅 after a figure with its baseline: the same baseline
            draft.baseline = next((earlier.baseline for earlier in reversed(drafts) if earlier.baseline),
                                  None)
    if cue is None and quantity.unit == GAP_UNIT and at > clause_start:
        gap = _GAP.search(folded, clause_start, at)
        if gap is not None:  # 高于全市平均水平4个百分点: a change against what it is compared with
            draft.measure, draft.direction = "change", GAP_WORDS[gap["word"]]
            draft.baseline = clean_label(claim.text, folded, gap.end("word"), at) or None
            draft.label = clean_label(claim.text, folded, clause_start, gap.start()) or (
                previous.label if previous is not None else None)
            if draft.label:
                return
    if RESPECTIVELY in wide_left:  # 治安案件、刑事案件分别下降…: they label the list's figures in turn
        names = listed_names(wide_left)
        if names:
            listed = tuple(clean_label(claim.text, folded, wide_start + name_start, wide_start + name_end)
                           for name_start, name_end in names)
            draft.list_names = share_head(listed) or listed  # 轻、重工业占比分别为…
            if previous is not None and previous.list_names == draft.list_names \
                    and previous.list_index + 1 < len(draft.list_names):
                # 分别增长159.2%、0.7%和下降46.8%、60.8%: the list goes on with another change word
                draft.list_names, draft.list_index = previous.list_names, previous.list_index + 1
        else:  # …分别为4.5万元和2.1万元,分别增长5.1%和6.2%: the names of the list before
            draft.list_names = next(
                (earlier.list_names for earlier in reversed(drafts) if earlier.list_names), ())
        if draft.list_names and (word is not None or (len(draft.list_names) > 1 and draft.list_names[0])):
            draft.label = draft.list_names[draft.list_index]
    elif LIST_DELIMITER in wide_left and folded.startswith(_LIST_JOINS, quantity.end):
        # 城镇、农村居民人均可支配收入达到38381元、15187元: the names of one head go with the figures in turn
        shared = share_head(tuple(clean_label(claim.text, folded, wide_start + first, wide_start + last)
                                  for first, last in names_in(wide_left)))
        if shared is not None:
            draft.list_names, draft.label = shared, shared[0]
    if draft.label is None:  # what the clause names before the figure, else the noun after it
        start = clause_start
        if previous is not None and previous.quantity.end > start:
            start = previous.quantity.end
        label = clean_label(claim.text, folded, start, at)
        if label and start == clause_start and folded[start - 1:start] == LIST_DELIMITER:
            first = wide_start if previous is None else max(wide_start, previous.quantity.end)
            # 走访率、办复率、满意率均为100%: the list names it; 电力、热力、燃气及水生产和供应业: one name
            if _all_of_list(folded, start, at) or _one_name_listed(folded, first, start):
                label = clean_label(claim.text, folded, first, at)
        if label in SHARE_VERBS and previous is not None and previous.label:
            label = previous.label  # 男性人口28.07万人,占50.79%: the share of the amount before
        if not label:
            if previous is not None and previous.quantity.end == start:
                label = previous.label or ""  # 7批次50户: one label for both
            if not label and draft.measure == "change":
                label = _changed_label(folded, claim.start, at, quantity.unit, drafts)
            elif not label and previous is not None and previous.measure == "level" \
                    and previous.quantity.unit == quantity.unit \
                    and quantity.unit not in _COUNTED_BEFORE_NOUNS \
                    and folded[start:at].strip(_LABEL_EDGES) in REACHED_LINKS:
                label = previous.label or ""  # 突破400亿元大关,达到417亿元: the same amount, as reached
        # no noun before the count: 七方面|21个要点 (a grouping), 组织对|2个市州 (an object's lead)
        no_noun = len(label) <= 1 or (folded[start:at].rstrip(" ").endswith("的") and not _FROM_A_YEAR.search(
            folded, max(start, at - _FROM_REACH), at)) or label in _VERBS or label == "由" \
            or label.endswith(_LIST_JOINS) \
            or _ends_in_grouping(folded, at) \
            or (quantity.unit in _COUNTED_BEFORE_NOUNS and label.endswith(OBJECT_LEADS))
        short = not no_noun and len(label) <= SHORT_LABEL and _counts_noun_after(folded, quantity)
        examples = not no_noun and not short and folded[at - 1:at] == EXAMPLES_END \
            and _counts_noun_after(folded, quantity)  # 发电、制袜等99个项目: examples before the count
        if no_noun or short or examples:  # 明确916项具体措施: a verb or a place before the count
            after = _label_after(folded, claim.text, quantity.end, quantity.unit in _COUNTED_ACTIONS)
            if after and not (examples and (len(after) > _EXAMPLES_NOUN_MAX or folded.startswith(
                    LIST_DELIMITER, quantity.end + len(after)))):
                # the noun after the count: no verb splits it (新增四个行政编制)
                draft.label = after
                if short:
                    draft.subject = _subject_of(label)  # 全县设立|1个县公共法律服务中心
                return
        if label in _LIST_JOINS:  # 5.8和3.8个百分点: the label of the figure it is listed with
            label = previous.label or "" if previous is not None and previous.quantity.end == start else ""
        draft.label = label if len(label) <= LABEL_MAX else label[-LABEL_MAX:]
        if len(draft.list_names) == 1:  # 最大负荷分别达到22153、5853万千瓦: one label for the list
            draft.list_names = (draft.label,)
    if draft.label:
        if quantity.unit not in _COUNTED_BEFORE_NOUNS:
            indicator = _reached_indicator(draft.label)
            if indicator is not None:  # 同口径完成3.67亿元 (no name): the indicator of the amount before
                draft.label = indicator or _changed_label(folded, claim.start, at, quantity.unit, drafts) \
                    or draft.label
        verb = _verb_of(draft.label)
        if verb:
            subject = strip_trail(draft.label[:verb.start()]).strip(" ")
            if len(subject) >= 2 and subject not in _VERBS:  # 县委理论学习中心组 | 组织专题学习
                draft.subject = subject
                draft.label = draft.label[verb.start():]
                if draft.label in _VERBS:  # 每个村|选派一名联络员: what was done names it
                    draft.label = _label_after(folded, claim.text, quantity.end) or draft.label


_REACHED = re.compile(one_of(REACHED_VERBS))
_REACHED_SCOPE = re.compile(one_of(REACHED_SCOPES))
_NAME_MIN = 2
"""After a reached verb, a name this long at least: a shorter word makes one with the verb (完成率)."""
_MODIFIER_MAX = 12
"""Before a reached verb, at most this many characters name the part of the economy that reached it
(第一产业实现增加值, 电子产品和日用产品修理业实现营业收入); more are a clause of their own."""
_LISTED_MODIFIER_MAX = 20
"""The same for a name that 、 joins (广播、电视、电影和录音制作业实现营业收入)."""


def _reached_indicator(label: str) -> str | None:
    """The indicator that a label of an amount names around its verb of reaching (生产总值完成 → 生产总值,
    前三季度全区实现地区生产总值 → 地区生产总值, 第一产业实现增加值 → 第一产业增加值): without the verb
    and the area or time of the whole before it; empty if that leaves no name (同口径完成), ``None`` if
    the label says no such thing (已编制完成: a verb of its own before it)."""
    view = fold(label)  # 全市實現地區生產總值: the words are found in simplified characters
    verb = _REACHED.search(view)
    if verb is None:
        return None
    after = label[verb.end():]
    if 0 < len(after) < _NAME_MIN or after.startswith(_BRACKET_OPENERS):
        return None  # 完成率; 實現(xiàn): a mirror site's reading of the characters
    first = 0
    for scope in _REACHED_SCOPE.finditer(view, 0, verb.start()):
        first = scope.end()
    before = strip_trail(view[first:verb.start()])
    adverb = before.endswith(REACHED_ADVERBS)
    first += len(before) - len(before.lstrip(" "))
    before = label[first:first + len(before.strip(" "))]
    longest = _LISTED_MODIFIER_MAX if LIST_DELIMITER in before else _MODIFIER_MAX
    if adverb or len(before) > longest or _VERB.search(view, first, first + len(before)):
        return after or None  # 各方配合基本完成裁减军队员额: what was reached
    indicator = before + after
    return indicator if len(indicator) >= _NAME_MIN else ""


def _verb_of(label: str) -> re.Match[str] | None:
    """The verb that splits a label into its subject and what was done, after any quote or title."""
    quote_end = max(label.rfind("”"), label.rfind("》"))
    return _VERB.search(label, max(2, quote_end + 1))


def _subject_of(label: str) -> str | None:
    """Who did it, in a label before a figure that is labelled otherwise (全县|设立): the words before its
    verb, if they are more than a verb."""
    verb = _verb_of(label)
    subject = strip_trail(label[:verb.start()]).strip(" ") if verb else ""
    return subject if len(subject) >= 2 and subject not in _VERBS else None


def _is_change(folded: str, cue: re.Match[str], has_baseline: bool, unit: str | None) -> bool:
    """Whether a change word before a figure of ``unit`` makes it a change: not 下降到 (the level
    reached), nor 减为 before an amount, not the 增 of 新增 or the 多 of 较多, and 多/少 only beside a
    baseline (比上年多3件)."""
    word = cue["cue"]
    if cue["link"] in LEVEL_LINKS or (cue["link"] in AMOUNT_LEVEL_LINKS and unit not in RATE_UNITS):
        return False
    if word in WEAK_CHANGE_WORDS and folded[cue.start() - 1:cue.start()] in DEGREE_WORDS:
        return False
    return has_baseline or word not in BASELINE_ONLY_CHANGES


# ---------------------------------------------------------------------------- label and subject

_LABEL_LEAD = re.compile(
    f"^(?:{one_of(LABEL_LEADS)}|{COMPUTED_AS}|(?:{one_of(AS_OF)})?{_YEAR}年(?:度|{one_of(YEAR_ENDS)})?(?:{SINCE})?)+")
"""Words and a year at the start of a label (其中, 截至2022年底), which say nothing of what it counts."""
_TRAIL_PARTS = (*BASELINE_WORDS, *PRIOR_PERIODS, *CHANGE_WORDS, "了", *TRAIL_WORDS)
_FROM = f"(?:{one_of(FROM_WORDS)})(?:{_YEAR}年(?:{one_of(YEAR_ENDS)})?)?"
"""从, 由, 从2020年 (the rest of 从2020年的 is a trail word)."""
LABEL_TRAIL = re.compile(
    f"(?:{one_of(BASELINE_WORDS)}|(?:{one_of(COMPARED_WITH)})(?:{one_of(PRIOR_PERIODS)}|{_YEAR}年(?:{one_of(YEAR_ENDS)})?)"
    f"|{one_of(CHANGE_WORDS)}|了|{one_of(TRAIL_WORDS)}|{_FROM}|{COMPUTED_AS})+$")
"""Baselines (较上年, 比2021年), change words, 了, trail words, 从 (with its year) and how the figure was
computed at the end of a label (办结率较上年提高了, 增速比2021年减低, 受理案件从2020年的, 规模以上工业增加值
按可比价格计算同比增长, 城镇居民人均可支配收入实际增长)."""
TRAIL_ENDS = frozenset(word[-1] for word in (*_TRAIL_PARTS, *FROM_WORDS, "年", *YEAR_ENDS)) | {"\n"} \
    | frozenset(COMPUTED_ENDS)
"""The characters a match of :data:`LABEL_TRAIL` can end with (``$`` also matches before a final
newline): a label ending otherwise has no trail, and the pattern is not searched."""
_FROM_A_YEAR = re.compile(f"{_FROM}的 *$")
"""从2020年的 right before a figure: its year, after the label of what it counts."""
_FROM_REACH = 10
_VERB = re.compile(one_of(VERBS))
_PREDICATE = re.compile(f"{one_of(VERBS)}|{one_of(PREDICATE_STARTS)}")
"""Where what follows a count stops naming it: a verb before more words, or a word that opens a
predicate."""
_VERBS = frozenset(VERBS)
_DIGIT = re.compile(f"(?<![0-9.,]){ARABIC}(?![0-9A-Za-z])")
"""A number after a count that may start another quantity; not one of a code (4A级). It starts
where a run of digits starts, so that a search is linear."""
_LIST_JOINS = tuple(LIST_JOINS)
_NUMBER = re.compile(ARABIC)
_ANY_DELIMITER = re.compile(f"[{re.escape(CLAUSE_DELIMITERS + LIST_DELIMITER)}]")


_AVERAGE_BEFORE_ALL = frozenset("平年") | TIME_AVERAGED | PER_HEAD_AVERAGED
"""Before 均, these make an average (平均, 年均, 人均), not 'all of them'."""


def _all_of_list(folded: str, start: int, at: int) -> bool:
    """Whether the words before the figure at ``at`` end in the 均 of 'all of them' and trail words
    (均为, 均达到): one figure for every name of the list before it."""
    all_of = folded.rfind("均", start, at)
    return all_of > start and folded[all_of - 1] not in _AVERAGE_BEFORE_ALL \
        and not strip_trail(folded[all_of:at].strip(" "))


_EXAMPLES_NOUN_MAX = 5
"""After examples ending in 等, the noun after a count names it when it is this short (项目, 地方性法规);
a longer run, or one a 、 cuts, goes on to say what they did (…控制单元等N个单元由Ⅳ类升为Ⅲ类, 等4个单元氨氮、
总磷浓度下降)."""
_LISTED_WORD_MAX = 4
"""The words a 、 joins at the head of one name are this short (电力、热力、燃气及水生产和供应业;
交通运输、仓储和邮政业; 铁路、船舶、航空航天和其他运输设备制造业)."""


def _one_name_listed(folded: str, first: int, start: int) -> bool:
    """Whether ``folded[first:start]``, short words each followed by 、, heads one name with the
    words from ``start`` on, which end the list with 和 or 及 (the industries of a bulletin:
    ``电力、热力、燃气及水生产和供应业增长4.3%``), not a list of names of their own nor of actions
    (``共取消、下放和合并行政职权事项47项``)."""
    words = folded[first:start - 1].split(LIST_DELIMITER)
    if not all(0 < len(word) <= _LISTED_WORD_MAX and all(
            CJK.match(char) is not None and char not in _NUMERAL_CHARS for char in word) for word in words):
        return False  # （正高职称15人、副高职称141人）、中级职称; 十二、资源和环境保护
    if _VERB.match(folded, start) or any(_VERB.match(word) for word in words):
        return False
    stop = _ANY_DELIMITER.search(folded, start)
    tail = folded[start:stop.start() if stop else len(folded)]
    return any(join in tail for join in _LIST_JOINS[1:])


_NUMERAL_CHARS = frozenset("0123456789") | frozenset(DIGITS) | frozenset(UNITS)
_GROUPING_ENDS = frozenset(word[-1] for word in GROUPINGS)


def _ends_in_grouping(folded: str, at: int) -> bool:
    """Whether a count of parts (七方面, 5个方面) stands right before the figure at ``at``: the noun
    after the figure names it (细分为七方面21个要点 → 要点)."""
    if folded[at - 1:at] not in _GROUPING_ENDS:
        return False
    grouping = next((word for word in GROUPINGS if folded.endswith(word, 0, at)), None)
    return grouping is not None and folded[at - len(grouping) - 1:at - len(grouping)] in _NUMERAL_CHARS


def _changed_label(folded: str, claim_start: int, at: int, unit: str | None, drafts: list[Draft]) -> str:
    """What an unlabelled change (较上年底增长2277个) changes: the total before 其中, else the last level."""
    same = [d for d in drafts[-8:] if d.measure == "level" and d.quantity.unit == unit and d.label]
    parts_from = folded.rfind(PARTS_INTRO, max(claim_start, at - CLAUSE_REACH), at)
    if parts_from >= 0:
        before = [d for d in same if d.quantity.end <= parts_from]
        same = before or same
    if same:
        return same[-1].label or ""
    return drafts[-1].label or "" if drafts else ""


_COUNTED_BEFORE_NOUNS = frozenset(COUNTED_BEFORE_NOUNS)
_COUNTED_ACTIONS = frozenset(COUNTED_ACTIONS)


def _counts_noun_after(folded: str, quantity: Quantity) -> bool:
    """Whether a figure in a counter is followed right away by the noun it counts, up to the end of
    its clause (明确916项具体措施,), not by words that go on to another figure (市本级1114项政务服务事项
    三级以上网办率达…, 11个重点执法部门…形成的1141本)."""
    end = quantity.end
    after = folded[end:end + 1]
    if quantity.unit not in _COUNTED_BEFORE_NOUNS or CJK.match(after) is None \
            or after in _NOT_NOUNS or folded.startswith(_NOT_NOUN_WORDS, end):
        return False
    limit = min(len(folded), end + _LABEL_AFTER_REACH)
    delimiter = _ANY_DELIMITER.search(folded, end, limit)
    return _DIGIT.search(folded, end, delimiter.start() if delimiter else limit) is None


_NOT_NOUNS = frozenset("的以等及和与或为是")
"""After a count, these go on with something other than the noun it counts (3项的, 2次以上, 两位为…)."""
_NOT_NOUN_WORDS = (*CHANGE_WORDS, *VERBS, *PREDICATE_STARTS, *COMPARED_WITH, *BASELINE_WORDS)
"""After a count, these start a predicate (1.2万户增至…, 25项已进驻), not the noun it counts."""
_BRACKETED = re.compile(r"[)）](?=.)")
_PREDICATE_AFTER_GLOSS = 2
"""After a noun's bracketed gloss, this many characters at most are a verb (市县（项目）入选), more
the rest of the noun (村（社区）公共法律服务工作室)."""
_UNCLOSED = re.compile(r"[(（][^)）]*$")
"""A closing bracket inside a label: the noun and its gloss end there (市县（项目）入选)."""


def _label_after(folded: str, text: str, end: int, actions: bool = False) -> str:
    """The noun after a quantity that its left side does not name (成立2支督察队伍 → 督察队伍); with
    ``actions``, the action after a count of actions, verbs and all (17次主持召开…会议)."""
    limit = min(len(folded), end + _LABEL_AFTER_REACH)
    delimiter = _ANY_DELIMITER.search(folded, end, limit)
    stop = delimiter.start() if delimiter else limit
    digit = _DIGIT.search(folded, end, stop)
    if digit is not None:  # 5万元以上20万元以下的罚款: the noun after the other end of the range
        of = folded.rfind("的", digit.end(), stop)
        if of >= 0:
            end = of + 1
        elif digit.start() == end:  # 8类73项具体业务: the noun after the count that follows
            number = _NUMBER.match(folded, end, stop)
            assert number is not None
            _, end, _ = read_tail(folded, number.end(), stop)
        else:
            stop = digit.start()
    label = clean_label(text, folded, end, stop, after_figure=True).rstrip("".join(LIST_JOINS))
    bracket = _BRACKETED.search(label)
    if bracket is not None and len(label) - bracket.end() <= _PREDICATE_AFTER_GLOSS:
        label = label[:bracket.end()]
    elif (unclosed := _UNCLOSED.search(label)) is not None:  # 城市细颗粒物（PM2.5）: the noun before
        label = label[:unclosed.start()]
    if not any(char.isalnum() for char in label):
        return ""
    if actions:
        return label[:LABEL_MAX]
    predicate = _PREDICATE.search(label, 2)  # 25项区县级高频事项已进驻中心办理, but 四个行政编制
    return label[:predicate.start()] if predicate and (
        predicate.end() < len(label) or predicate[0] in PREDICATE_STARTS) else label


_LABEL_OPENERS = _OPENING + "（"
"""A label never ends in an opening mark: ``海河流域（75个）`` is labelled 海河流域 (labels quote the
text, where brackets are full-width)."""


_BRACKET_OPENERS = ("(", "[")
_BRACKET_CLOSERS = frozenset(")]")
_LABEL_EDGES = " \t\n,;:。、"
_NAME_EDGES = " \t\n,;:、"


_NOTE_IN_LABEL = re.compile(BRACKETED_NOTE)
"""A footnote's reference inside a label (第三产业[3]增加值), no part of the name."""


def clean_label(text: str, folded: str, start: int, end: int, after_figure: bool = False) -> str:
    """``text[start:end]`` without the delimiters, lead words and trail words around what it names, and
    without an opening mark or a footnote's reference at its end (国内生产总值[2]). The words are found in
    the folded text, where traditional characters are simplified (增長 is 增长); the label quotes the text.
    Before a figure, an unclosed bracket opens a list of parts (34件(主办10件); ``after_figure``, a gloss
    (5600亿元(预计数,下同)), which the caller judges."""
    view = folded[start:end].strip(_LABEL_EDGES)
    if view.startswith(_BRACKET_OPENERS) and not after_figure and _BRACKET_CLOSERS.isdisjoint(view) \
            and len(view) > _NAME_MIN:
        view = view[1:]  # 34件(主办10件, 8家(其中定点医疗机构: the bracket opens the parts, no name
    lead = _LABEL_LEAD.match(view)
    label = strip_trail(view[lead.end():] if lead else view).strip(_NAME_EDGES).rstrip(_LABEL_OPENERS)
    first = folded.find(label, start, end)  # the label quotes the text (nothing, if it is empty)
    quoted = text[first:first + len(label)]
    label = NOTE_REFERENCE.sub("", quoted).rstrip(" ")  # 国民总收入[3]: the reference
    return _NOTE_IN_LABEL.sub("", label) if "[" in label else label  # 第三产业[3]增加值


def strip_trail(label: str) -> str:
    """``label`` without the verbs and baselines at its end (``办结率达到`` → ``办结率``): the
    :data:`LABEL_TRAIL` taken off, where the last character can end one (:data:`TRAIL_ENDS`); the 均 of
    a per-head average stays (人均增加 → 人均), the 日 or 月 of an average over time goes with it; a
    word that ends as a qualifier does stays whole (节约, 签约, 最近: :data:`PREFIX_NOT_AFTER`)."""
    if not label or label[-1] not in TRAIL_ENDS:
        return label
    if len(label) > 1 and label[-2] in PREFIX_NOT_AFTER.get(label[-1], ""):
        return label
    if "均" not in label:
        return LABEL_TRAIL.sub("", label)
    trail = LABEL_TRAIL.search(label)
    if trail is None:
        return label
    end = trail.start()
    if label[end] == "均":
        if label[end - 1:end] in PER_HEAD_AVERAGED:
            end += 1
        elif label[end - 1:end] in TIME_AVERAGED:
            end -= 1
    return label[:end] + label[trail.end():]  # $ matches before a final newline, which stays
