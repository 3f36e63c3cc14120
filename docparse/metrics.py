"""Stage 8: the quantities a claim cites → :class:`~docparse.models.Metric`.

Every numeral run of a claim (Arabic ``13027``, Chinese ``三千零五十二``, ``百分之九十五``) is looked at
once and either becomes a metric or gets a reason why not (:func:`scan`). A run is a metric only when
a counter or unit follows it (次 件 个 人次 % 个百分点 元 …) or it is scaled by 万/亿; that anchor is what
keeps years, dates, 发文字号, 十四五, 一是 and 12345热线 out. The text around the anchor gives the
qualifier (余 多 近 以上 不足 左右), level or change (增长 下降 同比 较上年), label, period, target flag,
total/part (其中) and 分别 lists. All context windows are bounded by the clause, so the finder is linear
in the length of the text.

Chinese numerals are converted (:func:`docparse.numerals.cn_quantity`) only on a core this module has
cut out and cleaned: never on running text, where a converter would turn 一网通办 into 1网通办.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from .models import Metric, Qualifier, build
from .numerals import cn_quantity
from .spans import Locator

_CN_DIGITS = "〇零一二两三四五六七八九"
_CN_CHARS = _CN_DIGITS + "十百千万亿"
_AR = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
"""ASCII digits only (full-width ones are folded to them): a class of ``\\d`` is tested through the
Unicode database at every character the finder scans, twice as slow."""
_CN = f"[{_CN_CHARS}]+(?:点[{_CN_DIGITS}]+)?"
_CN_DIGIT = frozenset(_CN_DIGITS + "十")
"""A Chinese run without one of these is no numeral (百姓, 千方百计): ``_CN_DIGIT.isdisjoint(core)``."""
_RUN = re.compile(
    rf"[0-9{_CN_CHARS}]"
    rf"(?:(?<=百)分之(?:{_AR}|{_CN})|(?<=[0-9])[0-9]*(?:,[0-9]{{3}})*(?:\.[0-9]+)?|[{_CN_CHARS}]*(?:点[{_CN_DIGITS}]+)?)")
"""Every numeral run: 百分之X first, then Arabic (:data:`_AR`), then Chinese (:data:`_CN`).

That is ``百分之(?:AR|CN)|AR|CN``, written to start with the class of its first character, which
each alternative takes in turn (百 · a digit · a Chinese numeral): ``re`` then skips to a possible
start at C speed, where the plain alternation made it try the whole pattern at every character
(tests/test_metric_fast_paths.py holds the two equal)."""


# Units, longest first; a raw unit maps to its normalized form.
_UNIT_MAP: dict[str, str] = {
    "个百分点": "个百分点", "百分点": "个百分点", "%": "%", "‰": "‰",
    "个工作日": "个工作日", "个月": "个月", "人次": "人次", "件次": "件次", "批次": "批次", "场次": "场次",
    "户次": "户次", "架次": "架次", "车次": "车次", "班次": "班次", "余次": "次",
    "平方公里": "平方公里", "平方米": "平方米", "立方米": "立方米", "千瓦时": "千瓦时", "千瓦": "千瓦",
    "公里": "公里", "千米": "千米", "公顷": "公顷", "千克": "千克", "美元": "美元", "大类": "类",
    "小时": "小时", "元": "元", "个": "个", "次": "次", "件": "件", "项": "项", "名": "名", "户": "户",
    "条": "条", "份": "份", "期": "期", "册": "册", "场": "场", "所": "所", "家": "家", "起": "起",
    "支": "支", "部": "部", "类": "类", "人": "人", "本": "本", "篇": "篇", "套": "套", "台": "台",
    "辆": "辆", "座": "座", "处": "处", "宗": "宗", "笔": "笔", "批": "批", "位": "位", "种": "种",
    "张": "张", "块": "块", "组": "组", "亩": "亩", "吨": "吨", "米": "米", "倍": "倍", "天": "天",
    "年": "年", "岁": "岁", "学时": "学时", "课时": "课时",
}
_UNITS = "|".join(re.escape(u) for u in sorted(_UNIT_MAP, key=len, reverse=True))
_SCALE = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![米瓦克])"
_SCALES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8, "千万": 10**7,
           "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3}
_INFIXES = "余|多|几"
_RANGE_SEPS = "至|到|~|-|—|－|–"
_SUFFIXES = "以上(?!率)|以下|以内|左右|上下"
_UNIT_RANGE_SEPS = "至|到|~|-|—|–"
"""Between a unit and the high end of a range written with its unit again (3个至5个)."""
_TAIL = re.compile(  # _read unpacks its groups in this order
    rf"(?P<scale>{_SCALE})?(?P<infix>{_INFIXES})?(?P<scale2>{_SCALE})?"
    rf"(?:(?P<sep>{_RANGE_SEPS})(?P<high>{_AR}|{_CN})(?P<hscale>{_SCALE})?)?"
    rf"(?P<infix2>余|多)?(?P<unit>{_UNITS})?"
    rf"(?:(?:{_UNIT_RANGE_SEPS})(?P<rhigh>{_AR})(?P=unit))?"
    rf"(?P<suffix>{_SUFFIXES})?"
)
_TAIL_STARTS = frozenset(word[0] for word in f"{_SCALE}|{_INFIXES}|{_RANGE_SEPS}|{_SUFFIXES}".split("|")
                         ).union(unit[0] for unit in _UNIT_MAP)
"""The characters a non-empty match of :data:`_TAIL` can start with (each of its parts is optional
and starts with a scale, 余多几, a range sign, a unit or a suffix): after any other, the tail is empty."""
_NO_TAIL: tuple[str | None, ...] = (None,) * _TAIL.groups
_LEADS = frozenset(word[0] for word in f"{_SCALE}|{_INFIXES}|{_RANGE_SEPS}".split("|"))
_AFTER_UNIT = frozenset(word[0] for word in f"{_UNIT_RANGE_SEPS}|{_SUFFIXES}".split("|"))
_UNIT_ALONE = {
    unit: _AFTER_UNIT.union(longer[1] for longer in _UNIT_MAP if len(longer) > 1 and longer[0] == unit)
    for unit in _UNIT_MAP if len(unit) == 1 and unit not in _LEADS}
"""A one-character unit (个 次 % …) and the characters that, right after it, can make the tail
longer (个 → 个百分点, a range 3至5个, a suffix 以上): followed by any other, :data:`_TAIL` finds that
unit alone, and :func:`_read` takes it without running the pattern (most quantities)."""
_UNIT_TAIL_GROUPS: dict[str, tuple[str | None, ...]] = {
    unit: (None,) * 7 + (unit, None, None) for unit in _UNIT_ALONE}
_PREFIX_WORDS = ("将近|接近|大约|约|近|超过|超|逾|多于|高于|不少于|不低于|突破|不足|不到|不超过|"
                 "不高于|低于|少于|数|几|上")
_PREFIX = re.compile(rf"(?P<q>{_PREFIX_WORDS})$")
_PREFIX_ENDS = frozenset(word[-1] for word in _PREFIX_WORDS.split("|")) | {"\n"}
"""The characters a match of :data:`_PREFIX` can end with (``$`` also matches before a final newline)."""
_PREFIX_QUALIFIER: dict[str, Qualifier] = {
    "将近": "approx", "接近": "approx", "大约": "approx", "约": "approx", "近": "approx", "数": "approx",
    "几": "approx", "上": "approx", "超过": "lower_bound", "超": "lower_bound", "逾": "lower_bound",
    "多于": "lower_bound", "高于": "lower_bound", "不少于": "lower_bound", "不低于": "lower_bound",
    "突破": "lower_bound", "不足": "upper_bound", "不到": "upper_bound", "不超过": "upper_bound",
    "不高于": "upper_bound", "低于": "upper_bound", "少于": "upper_bound",
}
_SUFFIX_QUALIFIER: dict[str, Qualifier] = {
    "以上": "lower_bound", "以下": "upper_bound", "以内": "upper_bound", "左右": "approx", "上下": "approx",
}
_UP = "增长|增加|提高|提升|上升|扩大|增|多"
_DOWN = "下降|降低|减少|压缩|缩短|缩减|回落|下滑|降|减|少"
_CUE_TO = "了|达到|达|到|至|为"
_CUE_ABOUT = "约|近|超过|逾|不足"
_CHANGE_CUE = re.compile(rf"(?P<cue>{_UP}|{_DOWN})(?P<to>{_CUE_TO})?(?:{_CUE_ABOUT})?$")
_RATES = "增长率|增速|增幅|涨幅|降幅|下降率|降低率|减少率|压缩率|压缩比率|下降幅度|增长幅度"
_RATE_TO = "为|达到|达|是"
_CHANGE_RATE = re.compile(rf"({_RATES})(?:{_RATE_TO})?$")
_CUE_ENDS = frozenset(w[-1] for w in f"{_UP}|{_DOWN}|{_CUE_TO}|{_CUE_ABOUT}".split("|")) | {"\n"}
_RATE_ENDS = frozenset(w[-1] for w in f"{_RATES}|{_RATE_TO}".split("|")) | {"\n"}
"""The characters a match of :data:`_CHANGE_CUE` / :data:`_CHANGE_RATE` can end with (``$`` also
matches before a final newline): any other character before a quantity rules both out at once."""
_DOWN_WORDS = frozenset(_DOWN.split("|")) | {"降幅", "下降率", "降低率", "减少率", "压缩率", "压缩比率",
                                             "下降幅度"}
_BASELINE = re.compile(
    r"(同比|环比|(?:较|比)(?:上年(?:底|末|同期)?|去年(?:底|同期)?|上一?年度|\d{4}年(?:底|末)?))")
_YEAR_OPENING = re.compile(
    r"(?:(?<=[,;:。!?])|^|(?<=\n)) *(?:截至|截止|到|在|于|至)?(?P<y>(?:19|20)\d\d)年(?!\d)", re.MULTILINE)
"""A year that opens a clause (``2023年,我县将…`` ``截至2022年底``): the period of what follows.

Relative words (去年, 过去一年) are left alone: whether the report year is the year reported on
(法治政府 reports) or the year of delivery (政府工作报告) differs by genre."""
_YEAR_LEADS = ("截至", "截止", "到", "在", "于", "至")
_YEAR_LEAD_ENDS = frozenset(word[-1] for word in _YEAR_LEADS)


def _opening_years(folded: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, year) of each match of :data:`_YEAR_OPENING` in ``folded[start:end]``.

    The same matches, found from each 年 back to the year's digits and on to the clause boundary,
    instead of trying the pattern's lookbehinds at every character of the claim
    (tests/test_metric_fast_paths.py holds the two equal).
    """
    found: list[tuple[int, str]] = []
    mark = folded.find("年", start + 4, end)
    while mark >= 0:  # the matches of _YEAR ((?:19|20)\d\d年(?!\d)), from each 年 back
        at, after = mark - 4, mark + 1
        mark = folded.find("年", after, end)
        if not folded.startswith(("19", "20"), at) or not folded[at + 2:at + 4].isdecimal() \
                or (after < end and folded[after].isdecimal()):
            continue
        lead = ""
        if at > start and folded[at - 1] in _YEAR_LEAD_ENDS:
            lead = next((word for word in _YEAR_LEADS if folded.startswith(word, at - len(word))
                         and at - len(word) >= start), "")
        opening = at - len(lead)
        while opening > start and folded[opening - 1] == " ":
            opening -= 1
        if opening == 0 or folded[opening - 1] in ",;:。!?\n":
            found.append((opening, folded[at:at + 4]))
    return found


_YEAR_AT_CLAUSE = re.compile(r"(?:截至|截止|到|在|于|至)?(?P<y>(?:19|20)\d\d)年")
_TARGET = re.compile(r"目标|预期|力争|争取|确保")
_TARGET_INTRO = re.compile(r"(?:预期目标|主要目标|目标任务|目标)(?:是|为)?:")
"""``今年发展主要预期目标是：`` opens a list of targets that runs on over ；-separated claims."""

_CLAUSE_DELIMS = ",;:。!?"
_LIST_DELIMS = "、"
_SET_PHRASES = (
    "一网通办", "三位一体", "五位一体", "一把手", "一件事", "一次办", "一站式", "一体化", "一揽子",
    "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "三个代表", "一带一路", "一国两制",
    "两学一做", "三严三实", "一岗双责", "一次性", "一门式", "一号文件", "千家万户", "三年行动",
    "五年规划", "十年规划", "一个中心", "两个基本点", "一类", "一批", "一条龙", "一站", "两级", "三级",
)
_YEAR_BLOCK_AFTER = "度底初末中版级前来"
_TRAIL_WORDS = ("达到|达|为|是|共计|共有|共|累计|合计|总计|约|近|超过|逾|超|不足|不到|到|至|有|分别|平均|均|"
                "的|等|先后|全年|已|还|又|再")
_LABEL_TRAIL = re.compile(
    rf"(?:同比|环比|(?:较|比)(?:上年|去年)(?:底|末|同期)?|{_UP}|{_DOWN}|了|{_TRAIL_WORDS})+$")
"""A run of baselines, change words, 了 and trail words at the end. (Written as ``(baseline? change?
了? trail*)+$`` it meant the same, but the nested optional parts backtracked three times longer.)"""
_TRAIL_ENDS = frozenset("\n").union(
    word[-1] for word in f"同比|上年|去年|底|末|同期|{_UP}|{_DOWN}|了|{_TRAIL_WORDS}".split("|"))
"""The last characters :data:`_LABEL_TRAIL` can end with (``$`` also matches before a final newline)."""
_LABEL_LEAD = re.compile(r"^(?:的|其中|另外|此外|同时|全年|今年|当年|目前|截至目前|"
                         r"(?:截至|截止)?(?:19|20)\d\d年(?:度|底|末)?"
                         r"(?:以来)?|共|累计|并|还|已经)+")
_LEAD_FIRST = frozenset("的其另此同全今当目截12共累并还已")
"""The characters a match of :data:`_LABEL_LEAD` can start with (tests/test_metric_fast_paths.py
tries every other one): a label that starts otherwise has no lead to take off."""
_VERB = re.compile(r"组织|开展|举办|办理|受理|发布|提供|审查|研究|成立|设立|建成|培训|调解|接待|发放|"
                   r"出动|注销|"
                   r"新增|下放|梳理|审核|审议|清理|处理|化解|排查|收到|推出|制定|出台|印发|召开|参加|查处|立案|"
                   r"办结|上报|采用|征求|解决|完成|审结|编制|部署|配备|划分|确认|提出")
_LIST_JOINS = ("、", "和", "及", "与", ",")
_VERBS = frozenset(_VERB.pattern.split("|"))
"""The verbs as a set: ``label in _VERBS`` is ``_VERB.fullmatch(label)`` (every verb is one word)."""
_LABEL_MAX = 30
_NAME_QUOTE = 20
"""A quotation this short is a name or slogan (“一个牵引、三项示范、六大提升”), not a quoted sentence."""
_OPENERS = "《〈“‘「『"
_CLOSERS = "》〉”’」』"

Reason = Literal["no_unit", "ordinal", "year_or_date", "identifier", "law_title", "quoted_name",
                 "set_phrase", "article_yi", "not_numeral", "part_of_metric"]


@dataclass
class Candidate:
    """One numeral run of the text: a metric (``reason`` is None) or the reason it is not one."""

    start: int
    end: int
    reason: Reason | None
    metric: Metric | None = None


@dataclass
class ClaimState:
    """What carries from one claim to the next inside a paragraph: the period, an open target list."""

    period: str | None
    """The year the claims are about so far: the report year, a section title's year, ``2023年，…``."""
    target_open: bool = False
    """A ``目标是：`` list is open: the claims up to the next 。 state targets."""
    strings: dict[str, str] = field(default_factory=dict)
    """Labels and figures as written, one object per distinct string in a document (a long report
    names 行政复议案件 or cites 100% many times); pass the document's table to every paragraph."""


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    raw: str
    value: float
    value_high: float | None
    unit: str | None
    qualifier: Qualifier
    kind: Literal["level", "change"] = "level"
    direction: Literal["up", "down"] | None = None
    baseline: str | None = None
    label: str | None = None
    subject: str | None = None
    period: str | None = None
    is_target: bool = False
    role: Literal["total", "part"] | None = None
    group: int | None = None
    list_names: tuple[str, ...] = ()
    list_index: int = 0


def find_metrics(text: str, folded: str, start: int, end: int, locator: Locator, claim_id: str,
                 path: str, state: ClaimState, plans: bool = False) -> list[Metric]:
    """The metrics of the claim ``text[start:end]``; ``state`` carries the period and target context.

    (Positional parameters: the claims stage calls this once per sentence, and a call by keywords
    costs more.)"""
    first = _RUN.search(folded, start, end)
    if first is None:  # half of all claims cite no number at all
        _close_claim(folded, start, end, state, None)
        return []
    return _find(text, folded, start, end, locator, claim_id, path, state, plans, None, first)


def scan(text: str, folded: str, start: int, end: int, *, locator: Locator, claim_id: str = "",
         path: str = "", state: ClaimState | None = None, plans: bool = False) -> list[Candidate]:
    """Every numeral run of ``text[start:end]``, each a metric or deliberately not one (with the reason)."""
    candidates: list[Candidate] = []
    _find(text, folded, start, end, locator, claim_id, path, state or ClaimState(period=None), plans,
          candidates, _RUN.search(folded, start, end))
    return candidates


def _find(text: str, folded: str, start: int, end: int, locator: Locator, claim_id: str, path: str,
          state: ClaimState, plans: bool, candidates: list[Candidate] | None,
          run: re.Match[str] | None) -> list[Metric]:
    """The metrics of a claim; with ``candidates``, also every numeral run with why it is not one.

    ``run`` is the first numeral run of the claim (the caller has looked)."""
    id_prefix = f"{claim_id}/m" if claim_id else "m"
    claim_target = state.target_open
    if run is None:
        _close_claim(folded, start, end, state, None)
        return []
    years = _opening_years(folded, start, end)
    year_count = len(years)
    # Half the claims with a numeral run cite no quantity (进一步, 第一, 二十大): their runs are
    # bare (_bare), and the titles, quotes, 目标 words of the claim are looked for only once a run
    # is not. Without years to follow from run to run, a bare run needs nothing at all.
    shielded = None if candidates is None and year_count == 0 else _shield_spans(folded, start, end)
    shield_count = len(shielded) if shielded is not None else 0
    intros: list[int] | None = None
    """Offsets of the claim's ``目标是：`` (found at its first metric)."""
    targets = False
    next_year = next_intro = next_shield = 0
    drafts: list[_Draft] = []
    slots: list[int] = []
    """Index in ``candidates`` of each draft."""
    consumed = start
    period = state.period
    while run is not None:
        s, e = run.span()
        run = _RUN.search(folded, e, end)  # the runs as _RUN.finditer finds them
        if s < consumed:
            if candidates is not None:
                candidates.append(Candidate(s, e, "part_of_metric"))
            continue
        bare = candidates is None and _bare(folded, s, e, end)
        if bare and shielded is None:
            continue
        while next_year < year_count and years[next_year][0] < s:
            period = years[next_year][1]
            next_year += 1
        if shielded is None:
            shielded = _shield_spans(folded, start, end)
            shield_count = len(shielded)
        while next_shield < shield_count and shielded[next_shield][1] <= s:
            next_shield += 1
        shield = _inside(shielded[next_shield:next_shield + 4], s) if next_shield < shield_count else None
        if shield is not None and candidates is None:  # no metric before the title or quote closes
            run = _RUN.search(folded, max(e, shield[1]), end)
            continue
        if bare:
            continue
        result = _read(text, folded, start, end, s, e, shield[2] if shield else None)
        if isinstance(result, str):
            if candidates is not None:
                candidates.append(Candidate(s, e, result))  # type: ignore[arg-type]
            continue
        if intros is None:
            targets = _TARGET.search(folded, start, end) is not None
            intros = [m.start() for m in _TARGET_INTRO.finditer(folded, start, end)] if targets else []
        while next_intro < len(intros) and intros[next_intro] < s:
            claim_target = True
            next_intro += 1
        result.period = period
        clause = _clause_starts(folded, start, s)
        result.is_target = claim_target or plans or (
            targets and _clause_has_target(folded, clause[1], end, s))
        _attach_context(folded, text, start, clause, result, drafts)
        drafts.append(result)
        consumed = result.end
        if candidates is not None:
            slots.append(len(candidates))
            candidates.append(Candidate(s, result.end, None))
    if len(drafts) > 1:
        _relate(folded, drafts)
    metrics: list[Metric] = []
    share = state.strings.setdefault
    for number, draft in enumerate(drafts, start=1):
        group = f"{id_prefix}{draft.group + 1}" if draft.group is not None else None
        if draft.role == "total":
            group = f"{id_prefix}{number}"
        metrics.append(build(
            Metric, id=f"{id_prefix}{number}", span=locator.span(draft.start, draft.end),
            raw=share(draft.raw, draft.raw), value=draft.value, value_high=draft.value_high, unit=draft.unit,
            qualifier=draft.qualifier, measure=draft.kind, direction=draft.direction, baseline=draft.baseline,
            label=share(draft.label, draft.label) if draft.label else None, subject=draft.subject,
            period=draft.period, is_target=draft.is_target, breakdown=draft.role, group=group, path=path,
            claim_id=claim_id))
    if candidates is not None:
        for slot, metric in zip(slots, metrics, strict=True):
            candidates[slot].metric = metric
    state.period = period
    _close_claim(folded, start, end, state, intros)
    return metrics


def _close_claim(folded: str, start: int, end: int, state: ClaimState, intros: list[int] | None) -> None:
    """A 。 closes an open target list; a ``目标是：`` opens one for the claims that follow.

    ``intros`` are the claim's ``目标是：`` offsets; ``None`` when not looked for yet (only needed when
    the claim does not end with 。)."""
    if folded[end - 1: end] == "。" or end == start:
        state.target_open = False
    elif intros or (intros is None and _TARGET.search(folded, start, end)
                    and _TARGET_INTRO.search(folded, start, end)):
        state.target_open = True


def _bare(folded: str, s: int, e: int, end: int) -> bool:
    """Whether the run ``folded[s:e]`` of a claim ending at ``end`` is certainly no metric: nothing
    follows it that :data:`_TAIL` reads (unit, scale, 余, range, 以上) and it is neither 百分之X nor
    scaled by 万/亿 itself, so :func:`_read` would give a reason, not a metric
    (tests/test_metric_fast_paths.py)."""
    if e < end and folded[e] in _TAIL_STARTS:
        return False
    core = folded[s:e]
    return "万" not in core and "亿" not in core and not core.startswith("百分之")


def _shield_spans(folded: str, start: int, end: int) -> list[tuple[int, int, Reason]]:
    """:func:`_shielded`, after a quick look for an opening mark."""
    return _shielded(folded, start, end) if _SHIELD_OPENER.search(folded, start, end) else []


def _shielded(folded: str, start: int, end: int) -> list[tuple[int, int, Reason]]:
    """Spans inside 《》 (a title) or short quotes (a slogan or name), where numbers name things."""
    found: list[tuple[int, int, Reason]] = []
    stack: list[tuple[str, int]] = []
    for match in _QUOTE_TOKEN.finditer(folded, start, end):
        char = match.group()
        index = match.start()
        if char in _OPENERS:
            stack.append((char, index))
        elif char in _CLOSERS:
            if stack:
                opener, at = stack.pop()
                if opener in "《〈":
                    found.append((at, index + 1, "law_title"))
                elif index - at <= _NAME_QUOTE:
                    found.append((at, index + 1, "quoted_name"))
        elif stack and stack[-1][0] == '"':
            _, at = stack.pop()
            if index - at <= _NAME_QUOTE:
                found.append((at, index + 1, "quoted_name"))
        else:
            stack.append(('"', index))
    found.sort()
    return found


_SET_PHRASE = re.compile("|".join(sorted(_SET_PHRASES, key=len, reverse=True)))


def _in_set_phrase(folded: str, s: int, e: int) -> bool:
    """Whether the run at ``s`` sits in a set phrase (一网通办, 三位一体, 县乡两级)."""
    match = _SET_PHRASE.search(folded, max(0, s - 4), e + 4)
    while match is not None:  # the phrases near the run, as finditer gives them
        if match.start() <= s < match.end():
            return True
        match = _SET_PHRASE.search(folded, match.end(), e + 4)
    return False


def _inside(shielded: list[tuple[int, int, Reason]], s: int) -> tuple[int, int, Reason] | None:
    """The first of the (sorted) shielded spans that holds offset ``s``."""
    for span in shielded:
        if span[0] < s < span[1]:
            return span
        if span[0] > s:
            break
    return None


def _read(text: str, folded: str, cstart: int, cend: int, s: int, e: int, shield: Reason | None
          ) -> _Draft | str:
    """Read the run at ``folded[s:e]`` with what follows it; a string names why it is not a metric.

    ``shield`` is set when the run is inside a title or a short quote (:func:`_shielded`).
    """
    core = folded[s:e]
    before = folded[s - 1] if s > cstart else " "  # the start of a claim counts as a space
    arabic = core[0].isdigit()
    percent_words = core.startswith("百分之")
    if not percent_words and not arabic and _CN_DIGIT.isdisjoint(core):
        return "not_numeral"  # 百姓, 千方百计, 万众一心
    if shield:
        return shield
    if before == "第" or (before in "其初" and not arabic):
        return "ordinal"
    if before.isascii() and (before.isalnum() or before in ".·:/#-"):
        return "identifier" if before.isalpha() else "year_or_date"
    if before in "·〔[":
        return "year_or_date"
    if not arabic and _in_set_phrase(folded, s, e):
        return "set_phrase"
    after = folded[e:e + 1]
    if arabic and after.isascii() and after.isalpha():
        return "identifier"
    if arabic and (after in "·:" or (after == "-" and folded[e + 1:e + 2].isdigit() and len(core) == 4)):
        return "year_or_date"
    if after in _UNIT_ALONE and e < cend and folded[e + 1:min(e + 2, cend)] not in _UNIT_ALONE[after]:
        groups, finish, unit_end = _UNIT_TAIL_GROUPS[after], e + 1, e + 1
    elif after in _TAIL_STARTS:
        tail = _TAIL.match(folded, e, cend)
        assert tail is not None  # every group is optional
        groups, finish, unit_end = tail.groups(), tail.end(), tail.end("unit")
    else:
        groups, finish, unit_end = _NO_TAIL, e, -1
    scale1, infix, scale2, sep, high_raw, hscale, infix2, unit_raw, rhigh, suffix = groups
    scale = scale1 or scale2
    if percent_words:
        unit_raw, scale = "%", None
    elif unit_raw is None and not (scale and arabic) and not (not arabic and ("万" in core or "亿" in core)
                                                              and len(core) > 1):
        if arabic and len(core.replace(",", "").split(".")[0]) == 4 and after in "年-—~至":
            return "year_or_date"
        return "no_unit"
    if unit_raw == "年":
        digits = core.replace(",", "")
        spelled_year = not arabic and len(core) >= 3 and all(c in _CN_DIGITS for c in core)  # 二〇二二
        if (arabic and (len(digits) >= 3 or "." in digits)) or spelled_year:
            return "year_or_date"
        if folded[unit_end:unit_end + 1] in _YEAR_BLOCK_AFTER:
            return "year_or_date"
    if not arabic and core == "一" and not infix and not sep:
        return "article_yi"  # 一个机制, 一项工作: the indefinite article, not a count
    if core in ("零", "〇"):
        return "not_numeral"
    value = _value(core, scale)
    if value is None:
        return "not_numeral"
    high: float | None = None
    if high_raw and (unit_raw or hscale):
        high = _value(high_raw, hscale or scale)
        if unit_raw == "年" and high is not None and high >= 1000:
            return "year_or_date"
    elif sep:
        return "no_unit" if unit_raw is None else "year_or_date"
    if rhigh:
        high = _value(rhigh, None)
    qualifier: Qualifier = "exact"
    begin = s
    prefix = _PREFIX.search(folded, max(cstart, s - 3), s) if folded[s - 1] in _PREFIX_ENDS else None
    if prefix and _is_qualifier(folded, prefix, arabic):
        qualifier = _PREFIX_QUALIFIER[prefix.group("q")]
        begin = prefix.start()
    if infix or infix2:
        qualifier = "approx"
    if suffix:
        qualifier = _SUFFIX_QUALIFIER[suffix]
    unit = _UNIT_MAP[unit_raw] if unit_raw else None
    return _Draft(begin, finish, text[begin:finish], value, high, unit, qualifier)


def _is_qualifier(folded: str, prefix: re.Match[str], arabic: bool) -> bool:
    """Whether a word before the number qualifies it: not the 近 of 习近平 or 最近, nor 数/几/上 + digits."""
    word = prefix.group("q")
    if word == "近" and folded[prefix.start() - 1: prefix.start()] in "习最接将附":
        return False
    return not (word in "数几上" and arabic)


@functools.lru_cache(maxsize=4096)
def _value(core: str, scale: str | None) -> float | None:
    """The number a cleaned core stands for, times its 万/亿 scale; ``None`` if it is no numeral.

    Cached: the same few cores (一, 两, 12, 100) recur in every report.
    """
    core = core.removeprefix("百分之").replace(",", "")
    try:
        number = Decimal(core) if core[0].isdigit() else Decimal(str(cn_quantity(core)))
    except (InvalidOperation, ValueError, IndexError):
        return None
    if scale:
        number *= _SCALES[scale]
    return float(number)


def _clause_starts(folded: str, cstart: int, s: int) -> tuple[int, int]:
    """Start of the clause holding offset ``s`` of the claim starting at ``cstart``, and of the wider
    clause in which a 、 does not end a clause (``分别`` lists).

    A clause starts after the last delimiter before ``s`` that is not inside quotes or brackets
    closed before it, within 60 characters. Without a bracket or quote between the last delimiter
    and ``s`` (most quantities) that is the last delimiter, found by searching the reversed window;
    otherwise the window's delimiters, brackets and quotes are walked back over, keeping count of
    the depth.
    """
    limit = max(cstart, s - 60)
    if s <= limit:
        return limit, limit
    back = folded[s - 1:limit - 1 if limit else None:-1]  # the window, last character first
    delimiter = _CLAUSE_DELIMITER.search(back)
    wide = s - delimiter.start() if delimiter else limit
    if _CLAUSE_BRACKET.search(folded, wide, s) is None:
        listed = back.find("、", 0, delimiter.start() if delimiter else len(back))
        return (s - listed if listed >= 0 else wide), wide
    tokens = [(match.start(), match.group()) for match in _CLAUSE_TOKEN.finditer(folded, limit, s)]
    depth = 0
    clause = -1
    for offset, char in reversed(tokens):
        if char in _CLOSERS or char == ")":
            depth += 1
        elif char in _OPENERS or char == "(":
            depth = max(depth - 1, 0)
        elif depth == 0:
            if char in _CLAUSE_DELIMS:
                wide = offset + 1
                return (wide if clause < 0 else clause), wide
            if clause < 0 and char in _LIST_DELIMS:
                clause = offset + 1
    return (limit if clause < 0 else clause), limit


_SHIELD_OPENER = re.compile("[" + re.escape(_OPENERS) + '"]')
"""Without one of these a claim has no title or quote to shield numbers in."""
_QUOTE_TOKEN = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + '"]')
_CLAUSE_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "()]")
_CLAUSE_TOKEN = re.compile("[" + re.escape(_OPENERS + _CLOSERS + '()"' + _CLAUSE_DELIMS + _LIST_DELIMS) + "]")
_DELIMITER = re.compile("[" + re.escape(_CLAUSE_DELIMS + _LIST_DELIMS) + "]")
_CLAUSE_DELIMITER = re.compile("[" + re.escape(_CLAUSE_DELIMS) + "]")


def period_of_title(title: str) -> str | None:
    """The year a section title names (``2023年工作回顾`` → 2023), the period of the claims below it."""
    if "年" not in title:
        return None
    match = _YEAR_AT_CLAUSE.match(fold_digits(title).lstrip(" \u3000"))
    return match.group("y") if match else None


_DIGIT_TABLE = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}


def fold_digits(text: str) -> str:
    """Full-width digits as ASCII (titles are not folded)."""
    return text.translate(_DIGIT_TABLE)


def _clause_has_target(folded: str, begin: int, cend: int, s: int) -> bool:
    """Whether the clause around ``s`` (from ``begin`` to 60 characters after ``s``) says 目标, 确保…"""
    limit = min(cend, s + 60)
    delimiter = _CLAUSE_DELIMITER.search(folded, s, limit)
    return bool(_TARGET.search(folded, begin, delimiter.start() if delimiter else limit))


def _attach_context(folded: str, text: str, cstart: int, clause_start: tuple[int, int], draft: _Draft,
                    drafts: list[_Draft]) -> None:
    """Kind, baseline, label and subject from the clause before the quantity (and after it if need be)."""
    s = draft.start
    clause, wide = clause_start
    previous = drafts[-1] if drafts else None
    # a list continuation: 分别下降28.3%、8.4% / 4次、专题讲座1次 (only when nothing but 、 or 和 is between)
    if previous and previous.kind == "change" and folded[previous.end:s].strip(" ") in _LIST_JOINS:
        draft.kind, draft.direction, draft.baseline = previous.kind, previous.direction, previous.baseline
        draft.list_names, draft.list_index = previous.list_names, previous.list_index + 1
        draft.label = (previous.list_names[draft.list_index]
                       if draft.list_index < len(previous.list_names) else previous.label)
        return
    wide_left = folded[wide:s]
    baseline = _BASELINE.search(wide_left) if "比" in wide_left or "较" in wide_left else None
    last = folded[s - 1] if s > clause else ""
    cue = _CHANGE_CUE.search(folded, max(clause, s - 12), s) if last in _CUE_ENDS else None
    rate = _CHANGE_RATE.search(folded, max(clause, s - 10), s) if last in _RATE_ENDS else None
    if cue and cue.group("to") not in ("到", "至") and not (cue.group("cue") in ("增", "多", "少")
                                                            and folded[cue.start() - 1: cue.start()]
                                                            in "新较更最"):
        if cue.group("cue") in ("多", "少") and not baseline:
            cue = None
    else:
        cue = None
    if cue or rate:
        word = cue.group("cue") if cue else rate.group(1)  # type: ignore[union-attr]
        draft.kind = "change"
        draft.direction = "down" if word in _DOWN_WORDS else "up"
        if baseline:
            draft.baseline = baseline.group(1).lstrip("较比")
        elif rate:
            draft.baseline = next((d.baseline for d in reversed(drafts) if d.baseline), None)
        if "分别" in wide_left:
            names_text = wide_left[: wide_left.index("分别")]
            names = [n for n in re.split("[、和及与]", names_text) if n.strip(" ")]
            draft.list_names = tuple(_clean_label(text[wide + len(wide_left[: wide_left.find(n)]):
                                                       wide + wide_left.find(n) + len(n)]) for n in names)
            draft.label = draft.list_names[0] if draft.list_names else None
    if draft.label is None:
        if previous and previous.end > clause:
            clause = previous.end
        raw_left = folded[clause:s].rstrip(" ")
        label = _clean_label(text[clause:s])
        if not label and previous and previous.end == clause:
            label = previous.label or ""  # 7批次50户: one label for both
        if not label and draft.kind == "change":
            label = _changed_label(folded, cstart, s, draft.unit, drafts)
        if len(label) <= 1 or raw_left.endswith("的") or label in _VERBS or label == "由":
            label = _label_after(folded, text, draft.end) or label
        draft.label = label if len(label) <= _LABEL_MAX else label[-_LABEL_MAX:]
    if draft.label:
        quote_end = max(draft.label.rfind("”"), draft.label.rfind("》"))
        verb = _VERB.search(draft.label, max(2, quote_end + 1))
        if verb:
            subject = _strip_trail(draft.label[: verb.start()]).strip(" ")
            if len(subject) >= 2 and subject not in _VERBS:
                draft.subject = subject
                draft.label = draft.label[verb.start():]


def _changed_label(folded: str, cstart: int, s: int, unit: str | None, drafts: list[_Draft]) -> str:
    """What an unlabelled change (较上年底增长2277个) changes: the total before 其中, else the last level."""
    same = [d for d in drafts[-8:] if d.kind == "level" and d.unit == unit and d.label]
    parts_from = folded.rfind("其中", max(cstart, s - 60), s)
    if parts_from >= 0:
        before = [d for d in same if d.end <= parts_from]
        same = before or same
    if same:
        return same[-1].label or ""
    return drafts[-1].label or "" if drafts else ""


def _label_after(folded: str, text: str, end: int) -> str:
    """The noun after a quantity that its left side does not name (成立2支督察队伍 → 督察队伍)."""
    limit = min(len(folded), end + 30)
    delimiter = _DELIMITER.search(folded, end, limit)
    stop = delimiter.start() if delimiter else limit
    label = _clean_label(text[end:stop])
    verb = _VERB.search(label, 2)
    return label[: verb.start()] if verb and verb.end() < len(label) else label


def _clean_label(raw: str) -> str:
    label = raw.strip(" \t\n,;:。、")
    lead = _LABEL_LEAD.match(label) if label[:1] in _LEAD_FIRST else None
    if lead:
        label = label[lead.end():]
    return _strip_trail(label).strip(" \t\n,;:、")


def _strip_trail(label: str) -> str:
    """``label`` without the verbs and baselines at its end (``办结率达到`` → ``办结率``)."""
    return _LABEL_TRAIL.sub("", label) if label and label[-1] in _TRAIL_ENDS else label


_COMPLETED = re.compile(r"(?<![,\s])[,\s]*(已|现已)")
"""Matched at the start of the text between two quantities; the lookbehind keeps a search linear."""


def _relate(folded: str, drafts: list[_Draft]) -> None:
    """Totals and parts: ``13027个,其中企业3866个、…`` and ``109个,已办结90个``."""
    total: int | None = None
    for index, draft in enumerate(drafts):
        if index == 0:
            continue
        previous = drafts[index - 1]
        between = folded[previous.end: draft.start]
        if "其中" in between and previous.kind == "level" and previous.role != "part":
            total = index - 1
        elif total is not None and (draft.kind != "level" or draft.unit != drafts[total].unit
                                    or ";" in between or "。" in between):
            total = None
        completed = _COMPLETED.match(between)  # 109个,已办结90个
        if total is None and completed and draft.kind == "level" and previous.kind == "level" \
                and draft.unit == previous.unit and previous.role is None:
            total = index - 1
            drafts[total].role = "total"
            draft.role, draft.group = "part", total
            total = None
            continue
        if total is not None:
            drafts[total].role = "total"
            draft.role, draft.group = "part", total
