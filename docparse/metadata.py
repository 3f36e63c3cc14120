"""The metadata block of disclosure pages (索引号, 发文字号, 成文日期 …) and the dates in it.

Labels and their synonyms follow ../shared/docs/domain-rules.md §3.2. A label may be
letter-spaced (``索 引 号``, ``标\\u3000\\u3000题``) and several ``label: value`` pairs may share a
line, so the labels are found first and each value runs to the next label.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .normalize import CJK_CHARS, fold
from .numerals import cn_to_int

# canonical key ← labels as written (spaces removed). Keys that Metadata has no field for (url,
# column …) stay in Metadata.fields only. The English labels are the keys of scraper header blocks and
# Markdown front matter (``title: …``, ``url: …``).
LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "信息索引号", "索取号"),
    "title": ("标题", "名称", "信息名称", "文件名称", "title"),
    "issuer": ("发文机关", "发文机构", "发布机构", "制发机构", "发文单位", "发布单位", "成文单位"),
    "doc_number": ("发文字号", "文号", "文件编号", "发文号", "备注/文号"),
    "written_date": ("成文日期", "生成日期", "公文生成日期", "产生日期", "发文日期", "成文时间"),
    "publish_date": ("发布日期", "发布时间", "公开日期", "发表时间", "公布日期", "时间", "日期",
                     "通过或发布日期", "更新时间", "信息时间",
                     "date", "publish_date", "publish_time", "pubdate", "time"),
    "topic_class": ("主题分类", "信息分类", "目录分类", "分类", "主题", "category"),
    "genre_class": ("体裁分类", "公文种类", "文种", "类型"),
    "audience_class": ("服务对象分类", "服务对象"),
    "validity": ("有效性", "时效性", "效力状态", "状态"),
    "keywords": ("主题词", "关键词", "关键字", "keywords", "tags"),
    "summary": ("内容概述", "摘要", "内容描述", "内容摘要"),
    "source": ("来源", "信息来源", "文章来源", "稿件来源", "来自", "source"),
    "author": ("作者", "发布人", "author"),
    "url": ("原文链接", "官方链接", "原文地址", "链接", "网址", "页面地址", "url", "link"),
    "column": ("栏目", "所属栏目", "栏目名称", "频道", "column", "channel"),
    "local_path": ("本地路径", "文件路径", "保存路径", "path", "local_path", "file"),
    "admin_level": ("层级", "行政层级"),
    "disclosure": ("公开方式", "公开类别", "公开形式", "公开属性"),
    "disclosure_scope": ("公开范围",),
    "disclosure_period": ("公开时限",),
    "department": ("责任部门",),
    "carrier": ("载体类型", "记录形式"),
    "effective_date": ("生效日期", "生效时间", "施行日期", "实施日期"),
    "repeal_date": ("废止日期", "废止时间", "失效日期", "失效时间"),
    "archive_date": ("归档日期", "归档时间"),
    "assembled_class": ("组配分类",),
    "catalogue": ("公文目录", "信息目录"),
    "copy_to": ("抄送", "抄送机关", "抄报"),
    "printed_by": ("印发机关",),
    "printed_date": ("印发日期",),
}
DATE_KEYS = ("written_date", "publish_date", "printed_date")
"""The keys whose values are dates."""
_LABEL_TO_KEY = {label.lower(): key for key, labels in LABELS.items() for label in labels}


def label_key(label: str) -> str | None:
    """The canonical key of a label as written (``索 引 号``, ``发布日期``, ``PubDate`` as its label
    ``发布日期``), or ``None`` for a label docparse does not know.

    >>> label_key("索 引 号：")
    'index_no'
    """
    return _LABEL_TO_KEY.get(fold(label).replace(" ", "").rstrip(":").lower())


def _spaced(label: str) -> str:
    return "[ ]*".join(re.escape(ch) for ch in label)


# Longest labels first, so 发布日期 wins over 日期 and 信息来源 over 来源; the English ones in any case.
_LABEL_ALTERNATION = "|".join(
    _spaced(label) if not label.isascii() else f"(?i:{re.escape(label)})"
    for label in sorted(_LABEL_TO_KEY, key=len, reverse=True))
_LABEL_RE = re.compile(rf"(?<![{CJK_CHARS}A-Za-z_])(?P<label>" + _LABEL_ALTERNATION + r")[ ]*[:]")
_GLUED_LABEL = re.compile(rf"(?:{_LABEL_ALTERNATION})[ ]*:")
"""A label and its colon wherever it stands, also right after the last word of a title."""
_BARE_LABEL = re.compile(r"(?P<label>" + _LABEL_ALTERNATION + r")[ ]*:?")
"""A line that is a label and nothing else (``索取号``, ``发布机构：``): a table cell whose value is
the next line."""
_YAML_FIELD = re.compile(rf"(?P<label>[A-Za-z_{CJK_CHARS}][\w -]{{0,19}}?)[ ]*:(?:[ ]|$)")
"""A ``key: value`` line of Markdown front matter, whatever the key."""


_PLACEHOLDER_WORDS = frozenset({"无", "暂无", "空", "null", "none", "n/a"})
_PLACEHOLDER_MARKS = frozenset("-—―－/／\\_")


def placeholder(folded_value: str) -> bool:
    """Whether a field's value only holds its cell open (``文号: -``, ``发文字号: 无``, ``成文日期: ——``,
    ``/``, ``暂无``): such a label has no value.

    >>> [placeholder(v) for v in ("-", " —— ", "暂无", "N/A", "无锡市", "〔2020〕1号")]
    [True, True, True, True, False, False]
    """
    value = folded_value.replace(" ", "")
    if not value or len(value) > 4:
        return False
    return value.lower() in _PLACEHOLDER_WORDS or all(char in _PLACEHOLDER_MARKS for char in value)


OTHER_LABEL = re.compile(rf"(?<= )[{CJK_CHARS}]{{2,6}} *:(?=[ \[]|$)")
"""A label docparse does not know, after a space, in a row of fields (``文 号: 文件分类: 所属机构:``,
``信息来源: 党政综合管理办公室 访问次数: 字体:[ ]``): the value before it ends there; no value holds
a word and a colon after a space."""


@dataclass(frozen=True)
class RawField:
    """A ``label: value`` pair found in a line, with offsets into that line."""

    key: str
    label: str
    value: str
    start: int
    value_start: int
    value_end: int


_LIST_BULLET = re.compile(r"(?:[•·●▪◆■・]|[-*+](?= ))[ ]*")
"""The bullet of a list item a converter writes a page's ``<li>`` as (``  • 索引号:``, ``- 发文字号：``),
after its indentation (no leading ``[ ]*``: searched, that would be quadratic in a run of spaces)."""


def _label_lead(folded_line: str) -> int:
    """Where a label would start in a line: after its indentation and a list item's bullet."""
    indent = len(folded_line) - len(folded_line.lstrip(" "))
    bullet = _LIST_BULLET.match(folded_line, indent)
    return bullet.end() if bullet else indent


def find_fields(folded_line: str) -> list[RawField]:
    """All ``label: value`` pairs of a folded line; empty unless the line *starts* with a label
    (after a list item's bullet, if any: ``  • 发文字号:``).

    >>> [(f.key, f.value) for f in find_fields("- 备注/文号: 将镛委〔2025〕5号")]
    [('doc_number', '将镛委〔2025〕5号')]
    """
    lead = _label_lead(folded_line)
    if not _LABEL_RE.match(folded_line, lead):
        return []  # the label that would come first is not at the start (a search finds it no sooner)
    matches = list(_LABEL_RE.finditer(folded_line, lead))
    fields = []
    for index, match in enumerate(matches):
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(folded_line)
        value_start = match.end()
        while value_start < stop and folded_line[value_start] == " ":
            value_start += 1
        value_end = stop
        while value_end > value_start and folded_line[value_end - 1] == " ":
            value_end -= 1
        label = match.group("label").replace(" ", "")
        fields.append(RawField(_LABEL_TO_KEY[label.lower()], label, folded_line[value_start:value_end],
                               match.start(), value_start, value_end))
    return fields


_DATED = re.compile(r"((?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?: +\d{1,2}:\d{2}(?::\d{2})?)?) *")
"""The date (and time) a news page writes before its fields, without a label."""


def dated_fields(folded_line: str) -> list[RawField]:
    """A page's date line: its date without a label, then ``label: value`` pairs (``2019-01-07 09:30
    来源:江苏能源监管办``): the date is the publish date; empty unless fields follow it.

    >>> [(f.key, f.label, f.value) for f in dated_fields("2021-08-01 06:59 来源: 新华社")]
    [('publish_date', '', '2021-08-01 06:59'), ('source', '来源', '新华社')]
    """
    date = _DATED.match(folded_line, len(folded_line) - len(folded_line.lstrip(" ")))
    if date is None:
        return []
    rest = find_fields(folded_line[date.end():])
    if not rest:
        return []
    shift = date.end()
    return [RawField("publish_date", "", date.group(1), date.start(1), date.start(1), date.end(1)),
            *(RawField(raw.key, raw.label, raw.value, raw.start + shift, raw.value_start + shift,
                       raw.value_end + shift) for raw in rest)]


_CELL = re.compile(r"[^|]+")


def table_fields(folded_line: str) -> list[RawField]:
    """The ``label | value`` cells of a row of a disclosure table as a converter writes it (``文 号 |
    德府发〔2016〕20号 | 发文日期 | 2016-11-04 |``); empty unless the row starts with a known label.

    >>> [(f.key, f.value) for f in table_fields("| 发布机构 | 湖北省司法厅 | 文 号 | 无 |")]
    [('issuer', '湖北省司法厅'), ('doc_number', '无')]
    """
    if folded_line.count("|") < 2:
        return []
    cells = [cell for cell in _CELL.finditer(folded_line) if cell.group().strip(" ")]
    fields: list[RawField] = []
    index = 0
    while index < len(cells):
        label = cells[index]
        key = label_key(label.group())
        if key is None:
            break
        value = cells[index + 1] if index + 1 < len(cells) else None
        if value is None or label_key(value.group()) is not None:  # an empty value: a label follows
            value_start = value_end = label.end()
            index += 1
        else:
            value_start = value.start() + len(value.group()) - len(value.group().lstrip(" "))
            value_end = value.end() - len(value.group()) + len(value.group().rstrip(" "))
            index += 2
        label_start = label.start() + len(label.group()) - len(label.group().lstrip(" "))
        written = label.group().replace(" ", "").rstrip(":")
        text = folded_line[value_start:value_end]
        fields.append(RawField(key, written, text, label_start, value_start, value_end))
    return fields


def label_at(folded: str, position: int) -> re.Match[str] | None:
    """The ``label:`` that starts at ``position``, whatever stands before it: a title run on into
    its page's fields (``…法治政府建设报告日期:2024-03-12``).

    >>> label_at("建设报告发布日期:2024-03-12", 4).end()
    9
    """
    return _GLUED_LABEL.match(folded, position)


def bracketed_fields_start(folded_line: str) -> int | None:
    """Where a bracket of ``label: value`` pairs that ends the line opens, else ``None``: a page
    writes its date and 发文字号 so after the title (``关于…的通知 (发布日期:2019年05月31日
    文号:沪发改规范〔2019〕7号)``)."""
    text = folded_line.rstrip(" ")
    if not text.endswith(")"):
        return None
    bracket = text.find("(")
    while bracket >= 0:
        label_start = bracket + 1
        while text.startswith(" ", label_start):
            label_start += 1
        if _LABEL_RE.match(text, label_start):
            return bracket
        bracket = text.find("(", bracket + 1)
    return None


def bracketed_fields(folded_line: str) -> list[RawField]:
    """The ``label: value`` pairs of a line that is one bracket of them (see
    :func:`bracketed_fields_start`), offsets into the line; the brackets are no part of a value."""
    text = folded_line.rstrip(" ")
    lead = len(text) - len(text.lstrip(" "))
    if bracketed_fields_start(text) != lead:
        return []
    return find_fields(" " * (lead + 1) + text[lead + 1:-1])


def bare_label(folded_line: str) -> RawField | None:
    """The field of a line that holds only a label (the value is on the next line), else ``None``."""
    lead = _label_lead(folded_line)
    match = _BARE_LABEL.fullmatch(folded_line.rstrip(" "), lead)
    if not match:
        return None
    label = match.group("label").replace(" ", "")
    return RawField(_LABEL_TO_KEY[label.lower()], label, "", lead, len(folded_line), len(folded_line))


def front_matter_field(folded_line: str) -> RawField | None:
    """A ``key: value`` line between the ``---`` fences of Markdown front matter. A key with no
    canonical name keeps the key as written (``层级``, ``status``)."""
    fields = find_fields(folded_line)
    if fields:
        return fields[0] if len(fields) == 1 else None
    match = _YAML_FIELD.match(folded_line, len(folded_line) - len(folded_line.lstrip(" ")))
    if not match:
        return None
    label = match.group("label").strip(" ")
    value_end = len(folded_line.rstrip(" "))
    value_start = min(len(folded_line) - len(folded_line[match.end():].lstrip(" ")), value_end)
    return RawField(label, label, folded_line[value_start:value_end], match.start("label"), value_start,
                    value_end)


CN_YEAR = "[〇零○OＯ0一二三四五六七八九]{4}"
"""A year in Chinese numerals (〇 also written 零, ○, O or 0): 二〇二二."""
_CN_DATE_PARTS = (CN_YEAR, "[一二三四五六七八九十]{1,2}", "[一二三四五六七八九十]{1,3}")
"""Year, month and day of a date in Chinese numerals."""
ARABIC_DATE = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
"""A date as GB/T 9704—2012 writes a 成文日期: 2022年1月28日."""
CN_DATE = "{}年{}月{}日".format(*_CN_DATE_PARTS)
"""A date in Chinese numerals, as the 1999 standard wrote it: 二〇二二年一月二十八日."""
YEAR_MONTH = rf"(?:(?:19|20)\d{{2}}|{CN_YEAR})年(?:\d{{1,2}}|{_CN_DATE_PARTS[1]})月"
"""A month as a report is dated by under its title: 2022年12月, 二〇二二年十二月."""
WRITTEN_DATE = rf"(?:{ARABIC_DATE}|{CN_DATE}|(?:19|20)\d{{2}}[-./]\d{{1,2}}[-./]\d{{1,2}})"
"""A 成文日期 as written, right or wrong: 2022年1月28日, 二〇二二年一月二十八日, 2022-01-28."""
_ISO_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
_CN_DATE = re.compile("(?P<y>{})年(?P<m>{})月(?P<d>{})日".format(*_CN_DATE_PARTS))
_DIGITS_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")


def parse_date(text: str) -> dt.date | None:
    """Read the first date: ``2022年1月28日``, ``2023-02-28 09:24``, ``二〇二二年一月二十八日``, or
    eight digits alone (``20171116``, as a page left a closing's date; seven are ambiguous)."""
    match = _ISO_DATE.search(text) or _DIGITS_DATE.fullmatch(text.strip())
    if match:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        match = _CN_DATE.search(text)
        if not match:
            return None
        year_text = match["y"].translate(str.maketrans("零○O0", "〇〇〇〇"))
        parts = (cn_to_int(year_text), cn_to_int(match["m"]), cn_to_int(match["d"]))
        if None in parts:
            return None
        year, month, day = parts  # type: ignore[assignment]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


DOC_NUMBER = re.compile(
    rf"(?P<org>[{CJK_CHARS}]{{1,12}}?)\s*(?P<open>[〔﹝\[【(（［])\s*(?P<year>(?:19|20)?\d{{2}})\s*"
    rf"(?P<close>[〕﹞\]】)）］])\s*(?:(?P<zi>字)\s*)?(?P<di>第)?\s*(?P<seq>\d{{1,5}})\s*(?P<hao>号)?"
)
"""A 发文字号 as written, right or wrong (运政函〔2022〕3号, 国办发[2017]47号, 〔17〕, a missing 号): the
validator reports what is wrong (its parts are named for it), so the reader must accept it."""

SIX_CORNERED_BRACKETS: frozenset[tuple[str, str]] = frozenset({("〔", "〕"), ("﹝", "﹞")})
"""The 六角括号 GB/T 9704 puts around a 发文字号's year: 〔〕, or the small form ﹝﹞ many sites print
(the same tortoise-shell bracket)."""
