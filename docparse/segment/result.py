"""What segmentation finds (:class:`Segmented`) and what its parts share: the line forms they compare,
the stops, the addressee, the date line, recording metadata fields."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .. import chrome, ladder
from ..lines import Line
from ..metadata import OTHER_LABEL, WRITTEN_DATE, RawField
from ..models import FurnitureCategory
from ..normalize import CJK_CHARS, fold

SENTENCE_STOP = re.compile(r"[。;!?]")
LINE_END_PUNCT = re.compile(r"[。;:,、!?]$")
DATE_LINE = re.compile(f"^{WRITTEN_DATE}$")
ORGAN_WORDS = (r"政府|委员会|委|局|厅|办公室|办|院|部|司|中心|所|处|会|公司|小组|党委|党组|办事处|管委会|"
                r"乡|镇|街道|司法局|人民政府|常委会|人大|政协|总队|支队|大队|集团|学校|大学|署|室|站|社|馆|队")
"""The words the name of an organ ends with."""
HEADS = r"总理|主席|省长|市长|州长|县长|区长|盟长|旗长|部长|主任|署长|局长|行长"
"""The offices of the heads who sign an order or deliver a report (``总理 温家宝``, ``区长张庆恩``)."""
ORGAN_ENDING = re.compile(f"({ORGAN_WORDS})$")
"""How the name of an organ ends (a signature line, an organ over its title)."""
_ADDRESSED_ORGANS = (r"政府|委员会|委|局|厅|办公室|办公厅|部|院|中心|公司|集团|党委|党组|管委会|常委会|"
                     r"人大|政协|学校|大学|医院|银行|总队|支队|大队|协会|学会|联合会|单位|部门|机构|企业|"
                     r"用户|兵团|分部|同志|先生|女士")
"""How the last organ a 主送机关 names ends: fewer endings than :data:`ORGAN_ENDING` takes from a
signature (not 署, 处, 会, 所, 组: a sentence up to a colon ends so, ``按照市委、市政府部署：``)."""
_SALUTATIONS = (r"各位代表|各位委员|同志们|"
                r"(?:尊敬的)?(?:[^。;!?:,、]{0,12}常委会)?主任、(?:各位)?副主任(?:、秘书长)?[、,](?:各位)?委员")
"""(The second: a report to a 人大常委会, ``主任、各位副主任、秘书长、各位委员``, ``县人大常委会主任、
各位副主任,委员``.)"""
SALUTATION = re.compile(f"^(?:{_SALUTATIONS})$")
SALUTATION_RUN_ON = re.compile(f"(?:{_SALUTATIONS}):")
"""A salutation and its colon inside a line (a speech that lost its line breaks)."""
"""The salutation of a speech or report (squeezed, without its colon), which stands where a 主送机关
would."""
_ADDRESSEE_ITEM = r"[^。;!?:,、]{1,40}"
ADDRESSEE = re.compile(
    rf"^(?:{_SALUTATIONS}|各(?:省|市|县|区|乡|镇|街道|有关|部门|单位|位)[^。;!?]{{0,80}}|"
    rf"(?:{_ADDRESSEE_ITEM}[,、]){{0,40}}(?:[^。;!?:,、]{{0,40}}"
    rf"(?:{_ADDRESSED_ORGANS})|(?:各|有关)[^。;!?:,、要应须将]{{1,12}})):$"
)
"""A 主送机关 (squeezed, folded): organs separated by ``、`` and ``，``, the last one an organ's name, a
kind of organs (``…，市直有关部门、单位：``) or the organs of a kind (``…，各有关市场主体：``), up to a
colon; or a salutation."""
_ADDRESSED_PERSON = re.compile(rf"^[{CJK_CHARS}]{{2,4}}等?(?:副主席|主席|副委员长|委员长|委员|常委|代表):$")
"""A reply to a deputy's 建议 or a member's 提案 is addressed to the person (``王超斌委员：``,
``马万祺副主席：``, ``周桂英等代表：``)."""


def _organ_parts(text: str, separators: str = ",、，") -> list[str]:
    """``text`` cut at each of ``separators`` (a comma or 顿号) between organs, not at one inside
    brackets (``各县（市、区）人民政府`` is one organ)."""
    parts: list[str] = []
    depth = start = 0
    for index, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts
_ADDRESSED_ORGAN = re.compile(f"(?:{_ADDRESSED_ORGANS})$")
_NOT_AN_ORGAN_LIST = re.compile(r"^(?:根据|按照|依据|依照|遵照|为|经|在|对|由|据|结合|围绕|关于)|的")
"""A list up to a colon that starts as a sentence does (``根据省委、省政府、市委部署：``) or names things
of something: no 主送机关."""


def is_addressee(text: str) -> bool:
    """Whether a line (squeezed, folded) is a 主送机关 or a salutation: :data:`ADDRESSEE`, or a list of
    three or more names up to a colon, at least half of them organs by their ending, where a notice
    to enterprises ends with the short names of some (``国网上海市电力公司、上海电力交易中心、…、
    宝钢股份、上海石化、高桥石化：``). Either ends with its colon."""
    if not text.endswith((":", ":\n")):
        return False
    if ADDRESSEE.match(text) or _ADDRESSED_PERSON.match(text):
        return True
    if not text.endswith(":") or _NOT_AN_ORGAN_LIST.search(text):
        return False
    names = _organ_parts(text[:-1])
    if len(names) < 3 or any(not 2 <= len(name) <= 20 or SENTENCE_STOP.search(name) for name in names):
        return False
    return 2 * sum(1 for name in names if _ADDRESSED_ORGAN.search(name)) >= len(names)


def addressed_organs(addressee: str) -> list[str]:
    """The organs a 主送机关 names, as written; a class of organs whose names share one head noun
    stays one (``各省、自治区、直辖市人民政府，国务院各部委：`` → ``["各省、自治区、直辖市人民政府",
    "国务院各部委"]``, see :func:`_shared_names`); none for a salutation (``各位代表：``)."""
    text = addressee.strip().rstrip(":：").strip()
    if SALUTATION.match(text.replace(" ", "").replace("\u3000", "")):
        return []
    organs: list[str] = []
    for group in _organ_parts(text, ",，;；"):
        organs.extend(_shared_names([part.strip() for part in _organ_parts(group, "、") if part.strip()]))
    return organs


_PLACE_ENDING = re.compile(r"(?:乡|镇|街道)$")
"""A kind of place, not of organ (``各乡、镇人民政府``: 各乡 shares the 人民政府 of the name after it)."""
_TRAILING_BRACKETS = re.compile(r"[(（][^()（）]*[)）]$")
_SHORT_NAME = 2
"""A name of at most this many characters after a 顿号 shares the words before the name it follows
(``市直有关部门、单位``, ``市政府各委、办、局``)."""


_UNPLACED_ORGAN = re.compile(r"人民政府|政府|党委|党工委|管委会|人大常委会|政协|纪委|监委")
"""The name of a place's governing organ without its place (``人民政府``, ``管委会``): it shares the
place of the name before it (``各县市区委、人民政府``, ``…管理区党工委、管委会``)."""


def _names_an_organ(name: str) -> bool:
    """Whether ``name`` names an organ by itself: it ends as one (brackets after it aside, in either
    script: ``省在懷各單位``), not as a kind of place."""
    core = _TRAILING_BRACKETS.sub("", fold(name))
    return (_ADDRESSED_ORGAN.search(core) is not None or ORGAN_ENDING.search(core) is not None) \
        and _PLACE_ENDING.search(core) is None


def _shared_names(names: list[str]) -> list[str]:
    """The names a 顿号 parts, joined where they share words: names that name no organ by themselves
    share the head noun of the organ after them (``各省、自治区、直辖市人民政府``); a short one, or one
    without its place, shares the words before the one before it (``市直有关部门、单位``,
    ``各县市区委、人民政府``). Names none of which names an organ
    stay apart (``宝钢股份、上海石化、高桥石化``)."""
    organs: list[str] = []
    pending: list[str] = []
    for name in names:
        if not pending and organs and (len(name) <= _SHORT_NAME or _UNPLACED_ORGAN.fullmatch(fold(name))):
            organs[-1] += "、" + name
        elif _names_an_organ(name):
            organs.append("、".join([*pending, name]))
            pending = []
        else:
            pending.append(name)
    return organs + pending


@dataclass
class Segmented:
    """The result of segmentation: offsets only; the tree builder turns them into models."""

    body: list[Line] = field(default_factory=list)
    furniture: list[tuple[FurnitureCategory, int, int]] = field(default_factory=list)
    fields: list[tuple[RawField, int]] = field(default_factory=list)
    """Metadata fields with the offset of the line they were read from."""
    title: tuple[str, list[tuple[int, int]]] | None = None
    subtitle: tuple[int, int] | None = None
    byline: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    signature: list[tuple[int, int]] = field(default_factory=list)
    date: tuple[int, int] | None = None
    notes: list[tuple[int, int]] = field(default_factory=list)


def starts_numbered(text: str) -> bool:
    """Whether a (folded) line starts with a heading marker or an enumerator: body, not front matter."""
    return ladder.marker_at(text) is not None or ladder.enumerator_at(text) is not None


def squeeze(line: Line) -> str:
    """The folded line with every space removed: the form chrome and titles are compared in."""
    return line.folded.replace(" ", "")


def cut(line: Line, offsets: list[int]) -> list[Line]:
    """The line cut into virtual lines at ``offsets`` (relative to its start, increasing)."""
    bounds = [0, *(offset for offset in offsets if 0 < offset < len(line.raw)), len(line.raw)]
    return [Line(line.number, line.start + begin, line.start + finish, line.raw[begin:finish],
                 line.folded[begin:finish]) for begin, finish in itertools.pairwise(bounds) if finish > begin]


def add_fields(line: Line, fields: list[RawField], result: Segmented) -> None:
    """Record metadata fields, cutting inline chrome (``大 中 小``) out of their values."""
    for raw in fields:
        value_start, value_end = raw.value_start, raw.value_end
        runs = chrome.chrome_tail(line.folded[value_start:value_end])
        for start, end in runs:  # chrome ends the value: cut it out
            found = line.folded[value_start + start:value_start + end]
            lead, trail = len(found) - len(found.lstrip(" ")), len(found) - len(found.rstrip(" "))
            at = line.start + value_start
            result.furniture.append((chrome.inline_chrome_kind(found), at + start + lead, at + end - trail))
        other = None if runs else OTHER_LABEL.search(line.folded, value_start, value_end)
        if runs or other:  # (a label docparse does not know ends the value too: 文号: 文件分类:)
            value_end = other.start() if other else value_start + runs[0][0]
            while value_end > value_start and line.folded[value_end - 1] == " ":
                value_end -= 1
        result.fields.append((RawField(raw.key, raw.label, line.raw[value_start:value_end],
                                       raw.start, value_start, value_end), line.start))
