"""One numeral run of a claim, read with what follows it: a :class:`Quantity` or a :class:`Rejection`.

A run is a quantity only when a unit follows it (次 件 个 人次 % 个百分点 元 …), or it is 百分之X
or another fraction (三分之二, 2/3), or 万/亿 scales it: that anchor keeps years, dates, 发文字号,
十四五, 一是 and 12345热线 out.
Chinese numerals are converted (:func:`docparse.numerals.cn_quantity`) only on the run cut out
here, never on running text, where a converter would turn 一网通办 into 1网通办.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from .. import numerals
from ..models import Qualifier
from ..normalize import CJK, CJK_CHARS
from ..numerals import DIGITS, cn_quantity
from .claim import ClaimText
from .lexicon import (
    ACROSS_VERB_QUALIFIERS,
    ACROSS_VERB_REACH,
    AGE_LIST_JOINS,
    AGE_UNITS,
    CELL_SEPARATORS,
    CHINESE_ONLY_PREFIXES,
    CHINESE_ORDINAL_MARKS,
    CLAUSE_DELIMITERS,
    CODE_JOINERS,
    CONGRESS_SESSIONS,
    CONGRESSES,
    COUNTERS_NOT,
    DATE_JOINERS_AFTER,
    DATE_OPENERS,
    DATE_PARTS_AFTER,
    DURATION_UNITS,
    FRACTION_MARK,
    FRACTION_MAX_WHOLE,
    FRACTION_SLASH,
    FRACTION_UNITS,
    GROUPINGS,
    HEADING_NUMBER_MARK,
    INFIXES,
    INFIXES_AFTER_HIGH,
    LIST_DELIMITER,
    LIST_JOINS,
    NAMES_AFTER_DURATIONS,
    NEGATIONS,
    NEGATIVE_AFTER,
    NEGATIVE_CLEAR,
    NEGATIVE_SIGNS,
    ONE_COUNTS,
    ORDINAL_MARK,
    PER,
    PER_UNITS,
    PERCENT,
    PERIOD_AFTER_YEARS,
    PERIOD_BEFORE_YEARS,
    PREFIX_NOT_AFTER,
    PREFIX_QUALIFIERS,
    RANGE_CLOSING_PREFIXES,
    RANGE_CLOSING_SUFFIXES,
    RANGE_OPENING_SUFFIX,
    RANGE_SEPARATORS,
    REST_SCALES,
    SCALED_INFIXES,
    SCALES,
    SERIAL_OPENERS,
    SESSION_NOUNS,
    SET_PHRASES,
    SHARED_UNIT_REACH,
    SLOGAN_GLOSSES,
    SLOGAN_REACH,
    SPACED_UNITS,
    SUFFIX_NOT_BEFORE,
    SUFFIX_QUALIFIERS,
    TERM_AFTER_YEARS,
    TERM_BEFORE_YEARS,
    UNIT_GAP,
    UNIT_ONLY_NUMERALS,
    UNITS,
    YEAR_COUNT_FOLLOWERS,
    YEAR_FOLLOWERS,
    one_of,
)

Reason = Literal["no_unit", "ordinal", "year_or_date", "identifier", "law_title", "quoted_name",
                 "set_phrase", "article_yi", "not_numeral", "part_of_metric", "name", "age_group",
                 "heading_number", "grouping"]


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a numeral run is no metric (one of the constants below)."""

    reason: Reason


NO_UNIT = Rejection("no_unit")
"""No unit follows the run and no 万/亿 scales it (一是, 十四五, 12345热线)."""
ORDINAL = Rejection("ordinal")
"""第一, 其一, 初五."""
YEAR_OR_DATE = Rejection("year_or_date")
"""2022年, 2023-02-28, 3·15, 〔2022〕, 三年来."""
IDENTIFIER = Rejection("identifier")
"""Part of a code or name written in Latin letters (4G, IPv6, A1), or a document number's serial
(〔2018〕26號)."""
LAW_TITLE = Rejection("law_title")
"""Inside 《》: numbers in a title name things (《“十四五”规划》)."""
QUOTED_NAME = Rejection("quoted_name")
"""Inside a short quote, a name or slogan (“八五”普法)."""
SET_PHRASE = Rejection("set_phrase")
"""Part of a set phrase (一网通办, 县乡两级)."""
ARTICLE_YI = Rejection("article_yi")
"""一 as the indefinite article (一个机制, 一项工作), not a count."""
NOT_NUMERAL = Rejection("not_numeral")
"""Characters of numerals that write no number here (百姓, 千方百计, a lone 零)."""
PART_OF_METRIC = Rejection("part_of_metric")
"""Inside a metric read already (the 5 of 3至5个)."""
NAME = Rejection("name")
"""A duration that is part of a name (五年任期, 24小时值班制, 15分钟生活圈)."""
AGE_GROUP = Rejection("age_group")
"""An age that names a group of people (60岁以上老人), not a figure."""
HEADING_NUMBER = Rejection("heading_number")
"""A decimal heading number glued to its title at the start of a line (4.2应急响应, 3.1人员要求)."""
GROUPING = Rejection("grouping")
"""The count of the parts a text or plan is arranged in (共分三部分, 从五个方面, 七方面21个要点)."""


@dataclass(slots=True)
class Quantity:
    """A figure as the text writes it, from its qualifier word (约, 超过) to its unit or suffix."""

    start: int
    end: int
    raw: str
    """``text[start:end]``."""
    value: float
    """The number, scaled (2.3万 → 23000)."""
    value_high: float | None
    """The high end of a range (3至5年 → 5)."""
    unit: str | None
    """The unit as the metric names it (百分点 → 个百分点); None for a bare scaled number (2.3万)."""
    qualifier: Qualifier


PERCENT_WORDS = "百分之"
"""百分之X: a percentage written in words (百分之九十五)."""

_DIGIT_CHARS = "".join(DIGITS)
_NUMERAL_CHARS = _DIGIT_CHARS + "".join(numerals.UNITS)
ARABIC = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
"""An Arabic numeral (1,234.5). ASCII digits only, as the folded text writes every digit: a class
of ``\\d`` is looked up in the Unicode database at every character."""
_CHINESE = f"[{_NUMERAL_CHARS}]+(?:点[{_DIGIT_CHARS}]+)?"
"""A Chinese numeral (三千零五十二, 三点五), however malformed: :func:`cn_quantity` judges it."""
RUN_DEFINITION = re.compile(f"{PERCENT_WORDS}(?:{ARABIC}|{_CHINESE})|{ARABIC}|{_CHINESE}")
"""Every numeral run of a text: 百分之X, an Arabic numeral or a Chinese one (:data:`RUN` finds them)."""
RUN = re.compile(
    f"[0-9{_NUMERAL_CHARS}]"
    f"(?:(?<=百)分之(?:{ARABIC}|{_CHINESE})|(?<=[0-9])[0-9]*(?:,[0-9]{{3}})*(?:\\.[0-9]+)?"
    f"|[{_NUMERAL_CHARS}]*(?:点[{_DIGIT_CHARS}]+)?)")
""":data:`RUN_DEFINITION` written to start with the class of the first character of every run,
where each alternative goes on (百 → 分之…, a digit → more digits, a Chinese numeral → more of
them): ``re`` skips to the next possible start at C speed instead of trying the pattern at every
character."""

_NUMERAL_DIGITS = frozenset(DIGITS).union("十")
"""A Chinese run holds one of these, or it is no numeral (百姓, 千方百计)."""


def _scale_word(scale: str) -> str:
    """The scale as a pattern that leaves the units it begins alone (千, but not the 千 of 千米)."""
    units = [unit[len(scale):] for unit in UNITS if unit.startswith(scale) and unit != scale]
    return f"{scale}(?!{one_of(units)})" if units else scale


def _suffix_word(suffix: str) -> str:
    """The suffix as a pattern that leaves the names it begins alone (以上, but not 以上率)."""
    follower = SUFFIX_NOT_BEFORE.get(suffix)
    return f"{suffix}(?!{re.escape(follower)})" if follower else suffix


_SCALE = "|".join(_scale_word(scale) for scale in SCALES)
TAIL = re.compile(  # read_quantity unpacks its groups in this order
    rf"(?P<scale>{_SCALE})?(?:(?<=[万亿])(?P<rest>[0-9])(?P<rest_scale>{one_of(REST_SCALES)}))?"
    rf"(?P<infix>{one_of(INFIXES)})?(?P<scale2>{_SCALE})?"
    rf"(?:(?P<sep>{one_of(RANGE_SEPARATORS)})(?P<high>{ARABIC}|{_CHINESE})(?P<hscale>{_SCALE})?)?"
    rf"(?P<infix2>{one_of(INFIXES_AFTER_HIGH)})?"
    rf"(?P<unit>{one_of(sorted(UNITS, key=len, reverse=True))})?"
    rf"(?:(?:{one_of(RANGE_SEPARATORS)})(?P<rhigh>{ARABIC}|{_CHINESE})(?P=unit))?"
    rf"(?:{re.escape(PER)}(?P<per>{one_of(sorted(PER_UNITS, key=len, reverse=True))}))?"
    rf"(?P<suffix>{'|'.join(_suffix_word(suffix) for suffix in SUFFIX_QUALIFIERS)})?")
"""What follows a numeral run: scale (万), the rest below it (1万6千), approximation (余), the
high end of a range (至5),
unit (个), the unit again after the high end (3个至5个), the unit it is counted per (/户),
suffix (以上). Every part is optional."""
_SCALE1, _SCALE2, _UNIT = 0, 4, 9
"""The places of the scales and the unit among the groups of :data:`TAIL`."""
Tail = tuple[tuple[str | None, ...], int, int]
"""The groups of a match of :data:`TAIL`, where it ends and where its unit ends (-1: no unit)."""

TAIL_STARTS = frozenset(word[0] for words in (SCALES, INFIXES, RANGE_SEPARATORS, UNITS, SUFFIX_QUALIFIERS)
                        for word in words)
"""The characters a non-empty match of :data:`TAIL` can start with (each of its parts starts with
a scale, 余多几, a range sign, a unit or a suffix)."""


def read_tail(folded: str, run_end: int, claim_end: int) -> Tail:
    """:data:`TAIL` after a run: its groups, where it ends and where its unit ends."""
    tail = TAIL.match(folded, run_end, claim_end)
    assert tail is not None  # every part is optional
    return tail.groups(), tail.end(), tail.end("unit")


_PREFIX_REACH = max(len(word) for word in PREFIX_QUALIFIERS) + max(len(word) for word in NEGATIONS)
PREFIX = re.compile(f"(?P<negation>{one_of(NEGATIONS)})?(?P<word>{one_of(PREFIX_QUALIFIERS)})$")
"""A qualifier word right before the numeral (约, 超过, 不少于), perhaps negated (不得低于)."""
_TURNED: dict[Qualifier, Qualifier] = {"lower_bound": "upper_bound", "upper_bound": "lower_bound"}
_ACROSS_VERB = re.compile(
    f"(?:{one_of(ACROSS_VERB_QUALIFIERS)})(?P<verb>[{CJK_CHARS}]{{1,{ACROSS_VERB_REACH}}})$")
"""至少/最多, a verb of a few characters, then the numeral (至少配备2名)."""
_ACROSS_REACH = max(len(word) for word in ACROSS_VERB_QUALIFIERS) + ACROSS_VERB_REACH
_DIGIT_OR_DELIMITER = frozenset("0123456789" + CLAUSE_DELIMITERS + LIST_DELIMITER)
_NOT_COUNTERS = frozenset(COUNTERS_NOT)
_COUNTER_ENDS = frozenset(CLAUSE_DELIMITERS + LIST_DELIMITER)
_UNIT_ONLY = frozenset(UNIT_ONLY_NUMERALS)
_UNIT_ONLY_PREFIXES = tuple(word for word, qualifier in PREFIX_QUALIFIERS.items() if qualifier == "approx")
_DURATIONS = frozenset(DURATION_UNITS)
_NAME_AFTER_DURATION = re.compile(one_of(NAMES_AFTER_DURATIONS))
_AGES = frozenset(AGE_UNITS)
_AGE_LIST = frozenset(AGE_LIST_JOINS)
_CELL_SEPARATORS = frozenset(CELL_SEPARATORS)
_GROUPING_STARTS = frozenset(word[0] for word in GROUPINGS)
_YEAR_COUNT_FOLLOWERS = frozenset(YEAR_COUNT_FOLLOWERS)
_SPACED_UNITS = frozenset(SPACED_UNITS)
PREFIX_ENDS = frozenset(word[-1] for word in PREFIX_QUALIFIERS) | {"\n"}
"""The characters a match of :data:`PREFIX` can end with (``$`` also matches before a final
newline): after any other, the pattern is not searched."""

_PHRASE_REACH = max(len(phrase) for phrase in SET_PHRASES) - 1
_SET_PHRASE = re.compile(one_of(sorted(SET_PHRASES, key=len, reverse=True)))


def read_quantity(claim: ClaimText, run_start: int, run_end: int, shield: Rejection | None
                  ) -> Quantity | Rejection:
    """The quantity the run ``folded[run_start:run_end]`` of ``claim`` writes, or why there is none.

    ``shield`` is the reason when the run is inside a title or a short quote.
    """
    folded = claim.folded
    core = folded[run_start:run_end]
    arabic = core[0].isdigit()
    percent_words = core.startswith(PERCENT_WORDS)
    places_only = False
    fraction = _fraction(folded, core, arabic, run_end, claim.end) \
        if folded.startswith(_FRACTION_STARTS, run_end) else None
    if fraction is None and not percent_words and not arabic and _NUMERAL_DIGITS.isdisjoint(core):
        if not (_UNIT_ONLY.issuperset(core) and _places_prefix(folded, claim.start, run_start)):
            return NOT_NUMERAL  # 百姓, 千方百计, 万众一心; 签约亿元以上项目
        places_only = True  # 上百万人次, 近万家
    if shield is not None:
        return shield
    # the characters around the run: an ordinal, a date, a code, a set phrase
    negative = arabic and _is_negative(folded, claim.start, run_start)
    number_start = run_start - 1 if negative else run_start
    # a claim's start counts as a space
    before = folded[number_start - 1] if number_start > claim.start else " "
    gap = _unit_gap(claim, run_start, run_end) if arabic and fraction is None else 0
    if before == ORDINAL_MARK or (before in CHINESE_ORDINAL_MARKS and not arabic) or (
            gap and folded[_spaces_before(folded, claim.start, run_start) - 1] == ORDINAL_MARK):  # 第 3 条
        return ORDINAL
    if before.isascii() and (before.isalnum() or before in CODE_JOINERS):
        return IDENTIFIER if before.isalpha() else YEAR_OR_DATE
    if before in DATE_OPENERS:
        return YEAR_OR_DATE
    if before in SERIAL_OPENERS:
        return IDENTIFIER
    if not arabic and _in_set_phrase(folded, run_start, run_end):
        return SET_PHRASE
    if folded[run_end:run_end + 1] in _GROUPING_STARTS and folded.startswith(GROUPINGS, run_end):
        return GROUPING  # 报告共分三部分, 从五个方面
    after = folded[run_end:run_end + 1]
    if arabic and after == MIDDLE_DOT and "." not in core:
        decimal = _middle_dot_decimal(folded, core, run_end, claim.end)
        if decimal is not None:  # 上涨1·8%: a typeset decimal point, not a date (3·15)
            core, run_end = decimal
            after = folded[run_end:run_end + 1]
    if arabic and after.isascii() and after.isalpha():
        return IDENTIFIER
    if arabic and (after in DATE_JOINERS_AFTER
                   or (after == "-" and folded[run_end + 1:run_end + 2].isdigit() and len(core) == 4)):
        return YEAR_OR_DATE
    # what follows it: a unit, a scale, a range
    parts, end, unit_end = read_tail(folded, fraction[2] if fraction else run_end + gap, claim.end)
    if gap and not (parts[_UNIT] or parts[_SCALE1] or parts[_SCALE2]):  # 18 号: no unit after the spaces
        parts, end, unit_end = read_tail(folded, run_end, claim.end)
    shared_end: int | None = None  # after the unit a list's figures share
    if arabic and fraction is None and end == run_end and folded[end:end + 1] in _LIST_JOIN_STARTS:
        shared = _shared_tail(folded, claim.start, run_start, end, claim.end)
        if shared is not None:  # 2.74、1.96、5.1个百分点: the unit of the list's last figure
            parts, shared_end, unit_end = shared
    (scale1, rest, rest_scale, infix, scale2, separator, high_raw, high_scale, infix2, unit_raw, unit_high,
     per, suffix) = parts
    scale = scale1 or scale2
    factor = SCALES[scale] if scale else 1
    rest_value = 0
    if rest and rest_scale:  # 1万6千多户, 1亿3千多万: the digit after the scale counts below it
        rest_value = int(rest) * REST_SCALES[rest_scale]
        if scale2 and infix in SCALED_INFIXES:
            rest_value *= SCALES[scale2]
        if scale1 is None or rest_value >= SCALES[scale1]:
            return NO_UNIT
    elif scale1 and scale2 and infix in SCALED_INFIXES:
        factor *= SCALES[scale2]  # 3万多亿元, 5千多万元: both scales apply
    counter = None
    if unit_raw is None and arabic and not suffix and not separator:
        counter = _counter_at(folded, end, claim.end)  # 3镇、2乡: a counter by its place
        if counter is not None:
            unit_raw, end, unit_end = counter, end + 1, end + 1
        elif folded[end:end + 1] == " " and end + 1 < claim.end and folded[end + 1] in SPACED_UNITS:
            unit_raw, end, unit_end = folded[end + 1], end + 2, end + 2  # 增长16.1 %
    if arabic and HEADING_NUMBER_MARK in core and (run_start == 0 or folded[run_start - 1] == "\n") \
            and not scale and unit_raw not in _SPACED_UNITS:
        return HEADING_NUMBER
    if fraction is not None:
        if unit_raw or scale or separator or infix:
            return NO_UNIT  # a fraction is a share of a whole: no unit or range follows it
        unit_raw = fraction[1]
    elif percent_words:
        unit_raw, scale = PERCENT, None
    elif unit_raw is None and not (scale and arabic) and not (
            not arabic and ("万" in core or "亿" in core) and len(core) > 1 and not places_only):
        if arabic and len(core.replace(",", "").split(".")[0]) == 4 and after in YEAR_FOLLOWERS:
            return YEAR_OR_DATE
        return NO_UNIT
    if unit_raw == "年" and _is_year(claim, core, arabic, run_start, unit_end):
        return YEAR_OR_DATE
    follows = end if shared_end is None else shared_end
    if unit_raw == _SESSION_COUNTER and (_SESSION.match(folded, follows, claim.end) or (
            not arabic and folded.startswith(CONGRESS_SESSIONS, follows)
            and folded.endswith(CONGRESSES, claim.start, run_start))):
        return ORDINAL  # 十届六次、七次全会, 市十五届人大四次会议
    if _SLOGAN.match(folded, follows, claim.end):
        return SET_PHRASE  # 达到二个加强:即…
    if unit_raw in _DURATIONS and _NAME_AFTER_DURATION.match(folded, follows):
        return NAME  # 五年任期, 24小时值班制
    if unit_raw in _AGES and _names_a_group(folded, follows, claim.end):
        return AGE_GROUP  # 60岁以上老人
    if not arabic and core == "一" and not infix and not separator and not suffix and (
            unit_raw not in ONE_COUNTS or folded.startswith(core, end)):
        return ARTICLE_YI  # 一个机制, 一项工作, 一人一档: the indefinite article, not a count
    if DIGITS.get(core) == 0:
        return NOT_NUMERAL  # a lone 零
    value = fraction[0] if fraction else _value(core, factor, places_only)
    if value is None:
        return NOT_NUMERAL
    value += rest_value
    high: float | None = None
    if high_raw and (unit_raw or high_scale):
        high = _value(high_raw, SCALES[high_scale] if high_scale else factor)
        if unit_raw == "年" and high is not None and high >= 1000:
            return YEAR_OR_DATE  # 2021至2025年
    elif separator:
        return NO_UNIT if unit_raw is None else YEAR_OR_DATE
    if unit_high:
        high = _value(unit_high, 1)
    if high is not None and high <= value:
        return NO_UNIT  # 3109290091-16.6%: table cells run together, no range
    if negative:
        value = -value
    qualifier: Qualifier = "exact"
    start = number_start
    prefix = (PREFIX.search(folded, max(claim.start, start - _PREFIX_REACH), start)
              if folded[start - 1] in PREFIX_ENDS else None)
    if prefix and _is_qualifier(folded, prefix, arabic):
        qualifier = PREFIX_QUALIFIERS[prefix["word"]]
        start = prefix.start("word")
        if prefix["negation"] and qualifier in _TURNED:
            qualifier = _TURNED[qualifier]  # 不得低于: a lower bound
            start = prefix.start()
    elif prefix is None and start > claim.start and folded[start - 1] not in _DIGIT_OR_DELIMITER:
        across = _ACROSS_VERB.search(folded, max(claim.start, start - _ACROSS_REACH), start)
        if across is not None and not _DIGIT_OR_DELIMITER.intersection(across["verb"]) \
                and "的" not in across["verb"]:
            qualifier = ACROSS_VERB_QUALIFIERS[folded[across.start():across.start("verb")]]
    if infix or infix2:
        qualifier = "approx"
    if suffix:
        qualifier = SUFFIX_QUALIFIERS[suffix]
        if suffix == RANGE_OPENING_SUFFIX and high is None:  # 5万元以上20万元以下: one range
            closing = _closing_bound(folded, end, claim.end, unit_raw, per)
            if closing is not None and closing[0] > value:
                high, end = closing
                qualifier = "range"
    elif high is not None and qualifier == "exact":
        qualifier = "range"
    unit = UNITS.get(unit_raw, unit_raw) if unit_raw else None
    if unit and per:
        unit = f"{unit}{PER}{per}"  # 3.5万元/户: the scale is the numerator's
    return Quantity(start, end, claim.text[start:end], value, high, unit, qualifier)


MIDDLE_DOT = "·"
_MIDDLE_DOT_DIGITS = re.compile("·([0-9]+)")


def _middle_dot_decimal(folded: str, core: str, run_end: int, claim_end: int) -> tuple[str, int] | None:
    """The number ``core·digits`` as a decimal (``1.8``) and where its digits end, when a unit or scale
    follows them (上涨1·8%, 254·5亿元); ``None`` for a date (3·15晚会, 5·12地震), which has none."""
    digits = _MIDDLE_DOT_DIGITS.match(folded, run_end, claim_end)
    if digits is None:
        return None
    parts, _, _ = read_tail(folded, digits.end(), claim_end)
    if not (parts[_UNIT] or parts[_SCALE1] or parts[_SCALE2]):
        return None
    return f"{core}.{digits[1]}", digits.end()


_FRACTION_STARTS = (FRACTION_MARK, FRACTION_SLASH)
_DATE_PARTS = frozenset(DATE_PARTS_AFTER)
_ARABIC_WHOLE = re.compile(f"{re.escape(FRACTION_SLASH)}([0-9]+)(?![0-9.,/:-])")
"""The whole of an Arabic fraction after its part (2/3): digits that no date or code goes on from."""


def _fraction(folded: str, core: str, arabic: bool, run_end: int, claim_end: int
              ) -> tuple[float, str, int] | None:
    """A fraction whose first numeral is ``core``: 三分之二 (whole first) or 2/3 (part first), as its
    value in percent (in ‰ for 千分之X), its unit and where it ends; ``None`` if it is none."""
    part: float
    if arabic:
        if not core.isdigit():
            return None
        whole_match = _ARABIC_WHOLE.match(folded, run_end, claim_end)
        if whole_match is None:
            return None
        part, whole, end = int(core), int(whole_match[1]), whole_match.end()
        if not 0 < part < whole <= FRACTION_MAX_WHOLE or folded[end:end + 1] in _DATE_PARTS:
            return None  # 12/31, 2023/5, 3/8前: no share of a whole
    else:
        if not folded.startswith(FRACTION_MARK, run_end) or core.startswith(PERCENT_WORDS):
            return None
        part_run = RUN.match(folded, run_end + len(FRACTION_MARK), claim_end)
        if part_run is None or part_run.group()[0].isdigit():
            return None
        whole_value = _value(core, 1, places_only=_NUMERAL_DIGITS.isdisjoint(core))  # 三, 千, 万
        part_value = _value(part_run.group(), 1)
        if whole_value is None or part_value is None or not 0 < part_value <= whole_value:
            return None
        part, whole, end = part_value, int(whole_value), part_run.end()
    unit = FRACTION_UNITS.get(whole, PERCENT)
    return part * (whole if unit != PERCENT else 100) / whole, unit, end


def _closing_bound(folded: str, at: int, claim_end: int, unit_raw: str | None, per: str | None
                   ) -> tuple[float, int] | None:
    """The upper bound right after a lower one (``5万元以上`` + ``20万元以下``, ``500吨以上`` +
    ``不足1000吨``) that closes it into a range: its value and where it ends, if it is a figure of
    the same unit bounded by 以下 after it or 不足 before it."""
    prefix = next((word for word in RANGE_CLOSING_PREFIXES if folded.startswith(word, at)), "")
    run = RUN.match(folded, at + len(prefix), claim_end)
    if run is None:
        return None
    core = run.group()
    parts, end, _ = read_tail(folded, run.end(), claim_end)
    scale1, rest, _, infix, scale2, separator, _, _, infix2, unit, _, high_per, suffix = parts
    if core.startswith(PERCENT_WORDS) and unit is None:
        unit = PERCENT
    bounded = suffix is None if prefix else suffix in RANGE_CLOSING_SUFFIXES
    if not bounded or unit != unit_raw or high_per != per or rest or infix or separator or infix2:
        return None
    scale = scale1 or scale2
    value = _value(core, SCALES[scale] if scale else 1)
    return None if value is None else (value, end)


_AGE = f"(?:{ARABIC}|{_CHINESE})(?:{one_of(AGE_UNITS)})?"
_AGE_LIST_ITEMS = re.compile(
    f"(?:(?:{one_of(LIST_JOINS)}){_AGE}(?:(?:{one_of(RANGE_SEPARATORS)}){_AGE})?(?:{one_of(AGE_UNITS)})"
    f"(?:{one_of(SUFFIX_QUALIFIERS)})?)+")
"""The ages after the first of a list (、18-34岁、35-59岁、60岁及以上)."""
_SESSION_COUNTER = "次"
_SESSION = re.compile(
    f"(?:(?:{one_of(LIST_JOINS)})(?:{ARABIC}|{_CHINESE}){_SESSION_COUNTER})*(?:{one_of(SESSION_NOUNS)})")
"""After N次: the other sessions of its list and the session noun (、七次全会)."""
_SLOGAN = re.compile(f"[{CJK_CHARS}]{{1,{SLOGAN_REACH}}}(?:{one_of(SLOGAN_GLOSSES)})")
"""After a count: the words of a slogan and its gloss (加强:即)."""
_LIST_JOIN_STARTS = frozenset(join[0] for join in LIST_JOINS)
_SHARED_LIST = re.compile(f"(?:(?:{one_of(LIST_JOINS)}) ?[{re.escape(NEGATIVE_SIGNS)}]?{ARABIC}(?![0-9]))+")
"""The figures after the first of a list that share one unit (、1.96、5.1 of 2.74、1.96、5.1个百分点)."""


def _shared_tail(folded: str, claim_start: int, run_start: int, run_end: int, claim_end: int) -> Tail | None:
    """The scale and unit (no range, no suffix) after the last figure of the list of bare Arabic
    figures that ``folded[run_start:run_end]`` opens, which they all share (分别为22153、5853万千瓦);
    ``None`` if the list ends in none, or the figure opens a line or the claim (1、2022年以来: a
    heading's number)."""
    listed = _SHARED_LIST.match(folded, run_end, min(claim_end, run_end + SHARED_UNIT_REACH))
    if listed is None:
        return None
    opening = _spaces_before(folded, claim_start, run_start)
    if opening == claim_start or folded[opening - 1] == "\n":
        return None
    parts, end, unit_end = read_tail(folded, listed.end(), claim_end)
    scale1, _, _, _, scale2, _, _, _, _, unit, _, per, _ = parts
    if unit is None and scale1 is None:
        return None
    return (scale1, None, None, None, scale2, None, None, None, None, unit, None, per, None), end, unit_end


def _is_negative(folded: str, claim_start: int, run_start: int) -> bool:
    """Whether a sign right before the run makes it negative (增长-2.3%, 0.15、-5.64): after a
    Chinese character or a delimiter, with no digit just before, which would make it a range's."""
    sign = run_start - 1
    if sign <= claim_start or folded[sign] not in NEGATIVE_SIGNS:
        return False
    before = folded[sign - 1]
    if before in NEGATIVE_AFTER:
        return True
    return (CJK.match(before) is not None or before == " ") and not any(
        char.isdigit() for char in folded[max(claim_start, sign - NEGATIVE_CLEAR):sign])


def _spaces_before(folded: str, claim_start: int, at: int) -> int:
    """Where the spaces right before ``at`` start (not before the claim's start)."""
    while at > claim_start and folded[at - 1] == " ":
        at -= 1
    return at


def _unit_gap(claim: ClaimText, run_start: int, run_end: int) -> int:
    """How many spaces part an Arabic figure from the unit or scale that may follow them (学习 18 次):
    0 if none, too many, nothing after them starts a unit, or the figure opens a line (3 组织体系, a
    heading's number) or the claim. Only ASCII spaces, as a PDF's text has: an ideographic space
    parts a heading's number from its title (2　组织指挥体系)."""
    folded, text, claim_start, claim_end = claim.folded, claim.text, claim.start, claim.end
    gap = 0
    while run_end + gap < claim_end and text[run_end + gap] == " ":
        gap += 1
        if gap > UNIT_GAP:
            return 0
    if gap == 0 or run_end + gap >= claim_end or folded[run_end + gap] not in TAIL_STARTS:
        return 0
    opening = _spaces_before(folded, claim_start, run_start)
    return 0 if opening == claim_start or folded[opening - 1] == "\n" else gap


def _counter_at(folded: str, at: int, claim_end: int) -> str | None:
    """A character after an Arabic number that is a counter by its place: a CJK character outside
    :data:`COUNTERS_NOT`, before a comma, 、 or the claim's end (3镇、2乡)."""
    if at >= claim_end:
        return None
    char = folded[at]
    if CJK.match(char) is None or char in _NOT_COUNTERS:
        return None
    return char if at + 1 == claim_end or folded[at + 1] in _COUNTER_ENDS else None


def _names_a_group(folded: str, end: int, claim_end: int) -> bool:
    """Whether an age is followed by the people it names (60岁以上老人, 60岁以上的老人) or heads a
    table's row (``18-34岁 | 189574``), not by a delimiter or the next age of a list (年龄在55岁以下。
    60岁、55岁以下); an age of a list of them names a group when the last one does (0-17岁、18-34岁、
    60岁及以上户籍人口)."""
    listed = _AGE_LIST_ITEMS.match(folded, end, min(claim_end, end + SHARED_UNIT_REACH))
    if listed is not None:
        end = listed.end()
    if end >= claim_end:
        return False
    char = folded[end]
    if char == " " or char in CELL_SEPARATORS:  # 18-34岁 | 189574: the heading of a table's row
        return folded[end:claim_end].lstrip(" ")[:1] in _CELL_SEPARATORS
    return CJK.match(char) is not None and char not in _AGE_LIST


def may_be_quantity(folded: str, run_start: int, run_end: int, claim_end: int) -> bool:
    """False for a run that :func:`read_quantity` certainly rejects: nothing it reads as a unit,
    scale or range can follow (:data:`TAIL_STARTS`), nor a middle dot that may be a decimal point
    (1·8%), and the run is neither 百分之X nor scaled by 万/亿 itself."""
    if run_end < claim_end and folded[run_end] in TAIL_STARTS:
        return True
    if folded[run_start].isdigit() and (_counter_at(folded, run_end, claim_end) is not None
                                        or folded[run_end:run_end + 1] in _LIST_JOIN_STARTS
                                        or folded[run_end:run_end + 1] == MIDDLE_DOT
                                        or folded.startswith(FRACTION_SLASH, run_end) or (
            folded[run_end:run_end + 1] == " " and folded[run_end + 1:run_end + UNIT_GAP + 1].lstrip(" ")[:1]
            in TAIL_STARTS)):
        return True
    core = folded[run_start:run_end]
    return "万" in core or "亿" in core or core.startswith(PERCENT_WORDS)


def _in_set_phrase(folded: str, run_start: int, run_end: int) -> bool:
    """Whether the run starts inside a set phrase (一网通办, 三位一体, 县乡两级)."""
    return any(match.start() <= run_start < match.end() for match in _SET_PHRASE.finditer(
        folded, max(0, run_start - _PHRASE_REACH), run_end + _PHRASE_REACH))


def _is_year(claim: ClaimText, core: str, arabic: bool, run_start: int, unit_end: int) -> bool:
    """Whether N年 is a year or a period (2022年, 二〇二二年, 三年来, 过去五年, 五年投入…), not a
    count of years (三年以上, 缓期二年执行, 处十五年有期徒刑)."""
    folded = claim.folded
    digits = core.replace(",", "")
    spelled_year = not arabic and len(core) >= 3 and all(char in DIGITS for char in core)  # 二〇二二
    if (arabic and (len(digits) >= 3 or "." in digits)) or spelled_year:
        return True
    after = folded[unit_end:unit_end + 1] if unit_end < claim.end else ""
    if after and after in PERIOD_AFTER_YEARS:
        return True
    if folded.endswith(PERIOD_BEFORE_YEARS, claim.start, run_start):
        return True
    return not arabic and CJK.match(after) is not None and after not in _YEAR_COUNT_FOLLOWERS \
        and not folded.startswith(TERM_AFTER_YEARS, unit_end) \
        and not folded.endswith(TERM_BEFORE_YEARS, claim.start, run_start)


def _places_prefix(folded: str, claim_start: int, run_start: int) -> bool:
    """Whether an approximating word that qualifies it stands before a numeral of places alone (近万家,
    上百万人次), not the end of a word (签约亿元以上项目)."""
    word = next((word for word in _UNIT_ONLY_PREFIXES if folded.endswith(word, claim_start, run_start)), None)
    if word is None:
        return False
    word_start = run_start - len(word)
    before = folded[word_start - 1:word_start] if word_start > claim_start else ""
    return not (before and before in PREFIX_NOT_AFTER.get(word, ""))


def _is_qualifier(folded: str, prefix: re.Match[str], arabic: bool) -> bool:
    """Whether a word before the number qualifies it: not the 近 of 习近平 or 最近, nor the 上 of
    以上, nor 数/几/上 + digits."""
    word = prefix["word"]
    before = folded[prefix.start() - 1: prefix.start()]
    if before and before in PREFIX_NOT_AFTER.get(word, ""):
        return False
    return not (word in CHINESE_ONLY_PREFIXES and arabic)


def _value(core: str, factor: int, places_only: bool = False) -> float | None:
    """The number a cleaned core stands for, times its 万/亿 ``factor``; ``None`` if it is no numeral,
    or no float holds it (a run of 309 digits: a metric holds a finite float, never infinity).

    Cached for short cores: the same few (一, 两, 12, 100) recur in every report, and a long one
    (a run of digits a scraper left) would stay in the cache of a long-lived process.
    """
    if places_only:  # 上百万: one of the places written
        return float(math.prod(numerals.UNITS[char] for char in core) * factor)
    if len(core) > _CACHED_CORE_CHARS:
        return _read_value(core, factor)
    return _cached_value(core, factor)


_CACHED_CORE_CHARS = 24
"""The longest core :func:`_value` caches (1,234,567,890.12 has 16 characters)."""


def _read_value(core: str, factor: int) -> float | None:
    core = core.removeprefix(PERCENT_WORDS).replace(",", "")
    try:
        number = Decimal(core) if core[0].isdigit() else Decimal(str(cn_quantity(core)))
    except (InvalidOperation, ValueError, IndexError):
        return None
    if factor != 1:
        number *= factor
    value = float(number)
    return value if math.isfinite(value) else None


_cached_value = functools.lru_cache(maxsize=4096)(_read_value)
