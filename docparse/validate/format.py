"""DP4xx: the format of 发文字号, 成文日期, the title, 主送机关 and 附件说明 (GB/T 9704—2012), and
the half-width punctuation of a converted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Code
from ..metadata import CN_DATE, DOC_NUMBER, SIX_CORNERED_BRACKETS, parse_date
from ..models import Diagnostic, Severity
from ..normalize import fold
from ..segment.closing import title_issuer
from ..segment.result import SENTENCE_STOP, is_addressee
from ..segment.title import GENRE_ENDING
from .context import RuleContext, rule

DOC_NUMBER_FORM = re.compile(rf"(?:{DOC_NUMBER.pattern})\s*$")
"""A whole value that is a 发文字号 as the reader accepts it (:data:`docparse.metadata.DOC_NUMBER`),
right or wrong: 机关代字, the year in some brackets, the serial and 号."""


@rule(
    Code("DP401", "error", "发文字号年份未用六角括号〔〕"),
    Code("DP402", "error", "发文字号年份不是四位"),
    Code("DP403", "warning", "发文字号序号前有“第”“字”或序号补零"),
    Code("DP404", "warning", "发文字号缺少“号”"),
)
def check_doc_number(ctx: RuleContext) -> Iterator[Diagnostic]:
    """发文字号 {代字}〔YYYY〕N号: GB/T 9704 §7.2.5 (令号 第N号 and 公告 年第N号 are other families)."""
    value = ctx.doc.metadata.doc_number
    if not value:
        return
    match = DOC_NUMBER_FORM.match(value.strip())
    if not match or match["org"].endswith("令"):
        return
    field = next((f for f in ctx.doc.metadata.fields if f.key == "doc_number"
                  and f.span.start < f.value_span.start), None)  # a labelled field, not the head line
    start: int | None
    end: int | None
    if field:
        start, end, source = field.value_span.start, field.value_span.end, "网页元数据中的"
    else:
        found = ctx.doc.text.find(value)
        start, end, source = (found, found + len(value), "") if found >= 0 else (None, None, "")
    year = match["year"]
    fixed = f"{match['org']}〔{year}〕{int(match['seq'])}号"
    strict: Severity | None = "warning" if field else None  # page metadata is noisy (domain-rules §3.1)
    if (match["open"], match["close"]) not in SIX_CORNERED_BRACKETS:
        yield ctx.diag("DP401", f"{source}发文字号“{value}”的年份应用六角括号“〔〕”：“{fixed}”", start, end,
                       hint=f"改为“{fixed}”", severity=strict)
    if len(year) != 4:
        yield ctx.diag("DP402", f"{source}发文字号“{value}”的年份应写全四位", start, end,
                       hint="年份写全，如“〔2022〕”", severity=strict)
    if match["zi"] or match["di"] or match["seq"].startswith("0"):
        yield ctx.diag("DP403", f"{source}发文字号“{value}”的序号不加“第”“字”、不编虚位：“{fixed}”",
                       start, end, hint=f"改为“{fixed}”")
    if not match["hao"]:
        yield ctx.diag("DP404", f"{source}发文字号“{value}”缺少“号”", start, end, hint=f"改为“{fixed}”")


_CN_DATE = re.compile(f"^{CN_DATE}$")
_PADDED = re.compile(r"^\d{4}年(0\d)月|^\d{4}年\d{1,2}月(0\d)日")
_SEPARATED = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$")
_UNFILLED = re.compile(r"^\d{4}年(?P<month>\d{0,2})月(?P<day>\d{0,2})日$")
"""A date with its month or day left blank (``2020年4月 日``): a draft awaiting its signature."""
FULL_WIDTH_DIGITS = "０１２３４５６７８９"
"""The full-width digits, in order (``FULL_WIDTH_DIGITS.index("３") == 3``)."""
_HALF_WIDTH_DIGITS = str.maketrans(FULL_WIDTH_DIGITS, "0123456789")
_ERA = (2012, 7, 1)
"""GB/T 9704—2012 (Arabic dates) in force; the 1999 standard wrote 成文日期 in Chinese numerals."""


@rule(
    Code("DP405", "warning", "成文日期月、日补零"),
    Code("DP406", "warning", "成文日期使用汉字数字（2012年7月1日以前为提示）"),
    Code("DP407", "error", "成文日期不存在（如2月30日）"),
    Code("DP408", "warning", "成文日期用点、斜线或连字符分隔"),
    Code("DP409", "info", "汉字年份中的零写法不规范（应为“〇”）"),
    Code("DP419", "warning", "成文日期使用全角数字"),
)
def check_date(ctx: RuleContext) -> Iterator[Diagnostic]:
    """成文日期 written 2022年1月28日: Arabic, full year, no padding (GB/T 9704 §7.3.5.4), half-width
    digits (GB/T 15835)."""
    closing = ctx.doc.closing
    if not closing or not closing.date_text or not closing.date_span:
        return
    raw = "".join(closing.date_text.split())
    start, end = closing.date_span.start, closing.date_span.end
    written = raw
    raw = raw.translate(_HALF_WIDTH_DIGITS)
    date = closing.date or (parse_date(raw) if raw != written else None)
    if date is None:
        blank = _UNFILLED.match(raw)
        if blank and not (blank["month"] and blank["day"]):  # a draft's 2020年4月 日, to sign
            parts = "、".join(label for group, label in (("month", "月"), ("day", "日")) if not blank[group])
            yield ctx.diag("DP407", f"成文日期“{ctx.doc.text[start:end]}”未填写完整，缺少{parts}", start, end,
                           hint="签发时填写完整的成文日期", severity="warning")
        else:
            yield ctx.diag("DP407", f"成文日期“{written}”不是存在的日期", start, end, hint="核对年月日")
        return
    proper = f"{date.year}年{date.month}月{date.day}日"
    if raw != written:
        yield ctx.diag("DP419", f"成文日期“{written}”使用全角数字，应为“{proper}”", start, end,
                       hint=f"改为“{proper}”（可用 --fix 修正）")
    if _CN_DATE.match(raw):
        era = (date.year, date.month, date.day) >= _ERA
        yield ctx.diag("DP406", f"成文日期“{raw}”用汉字数字；GB/T 9704—2012 起应写作“{proper}”"
                       + ("" if era else "（该日期早于2012年7月1日，当时的标准用汉字，仅作提示）"),
                       start, end, hint=f"改为“{proper}”", severity=None if era else "info")
        if re.search(r"[零○OＯ0]", raw[:4]):
            yield ctx.diag("DP409", f"汉字年份“{raw[:4]}”中的零应写作“〇”", start, start + 4,
                           hint="年份中的零用“〇”（U+3007）")
    elif _SEPARATED.match(raw):
        yield ctx.diag("DP408", f"成文日期“{raw}”应写作“{proper}”", start, end, hint=f"改为“{proper}”")
    elif _PADDED.match(raw):
        yield ctx.diag("DP405", f"成文日期“{raw}”的月、日不应补零，应为“{proper}”", start, end,
                       hint=f"改为“{proper}”")


@rule(Code("DP424", "warning", "有发文机关署名，没有成文日期"))
def check_date_present(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A 公文 signed by its issuer is dated under the signature (条例 9(十二), GB/T 9704 §7.3.5). The
    signature is told by what it says: the body's last paragraph (before the 版记) is the organ the
    title opens with (``国务院`` under ``国务院关于…的决定``); a text cut short ends elsewhere."""
    doc = ctx.doc
    if doc.closing is not None or doc.title is None:
        return
    imprint = min([f.span.start for f in doc.metadata.fields if f.key in ("copy_to", "printed_by")]
                  + [doc.attachments[0].span.start if doc.attachments else len(doc.text)])
    paragraphs = [p for _, p in doc.paragraphs() if p.span.end <= imprint]
    if not paragraphs:
        return
    last = paragraphs[-1]
    signer = "".join(last.text.split())
    if len(signer) >= 2 and fold(signer) == title_issuer(fold("".join(doc.title.text.split()))):
        yield ctx.diag("DP424", f"署名“{signer}”下没有成文日期", last.span.start, last.span.end,
                       hint="在署名下一行写成文日期，如“2024年3月1日”")


_END_PUNCT = re.compile(r"[。，,.;；:：!！?？、]$")


@rule(Code("DP410", "warning", "标题以标点结尾"))
def check_title(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A title never ends with punctuation (CONV; errata of 公文 titles)."""
    title = ctx.doc.title
    if title and title.spans and _END_PUNCT.search(title.text.rstrip()):
        last = title.spans[-1]
        end = last.end
        while end > last.start and ctx.doc.text[end - 1].isspace():
            end -= 1
        yield ctx.diag("DP410", f"标题以标点“{ctx.doc.text[end - 1]}”结尾", end - 1, end,
                       hint="删去标题末尾的标点")


_TRAILING_NOTE = re.compile(r"[（(][^（）()]{1,12}[)）]$")
"""A bracketed note after a title: ``…的通知（2007）``, ``…办法（试行）``."""


def title_genre(title: str) -> str | None:
    """The 文种 a title ends with (``通知``, ``请示``, ``复函`` …), a bracketed note after it aside."""
    found = GENRE_ENDING.search(_TRAILING_NOTE.sub("", "".join(title.split())))
    return found.group(1) if found else None


_ADDRESSED = ("请示", "函", "批复")
"""The 文种 that always name a 主送机关 (条例 9(八)): each asks or answers one organ. A 通知 may be
issued to the public at large, and a 报告 is often published without the organ it was sent to."""
_ADDRESSEE_REACH = 8
"""A 主送机关 stands within this many lines after the title."""


def _addressee_in_text(ctx: RuleContext) -> bool:
    """Whether the text opens with a 主送机关 the parser did not read as one: a line near the title
    that starts with one (``各省、自治区、直辖市人民政府，国务院各部委：　　多年来，…`` run on into
    the text), or a first paragraph that is a list of organs up to a colon
    (``国网天津市电力公司，有关单位：``)."""
    doc = ctx.doc
    start = doc.title.spans[-1].end if doc.title else 0
    end = doc.sections[0].heading_span.start if doc.sections else len(doc.text)
    lines = [line.strip() for line in fold(doc.text[start:end]).split("\n") if line.strip()]
    for line in lines[:_ADDRESSEE_REACH]:
        colon = line.find(":")
        if colon > 0 and is_addressee(line[:colon + 1].replace(" ", "")):
            return True
    first = next((p for _, p in doc.paragraphs()), None)
    if first is None:
        return False
    opening = fold(first.text)
    colon = opening.find(":")
    return (0 < colon <= _LONGEST_ADDRESSEE and SENTENCE_STOP.search(opening[:colon]) is None
            and _LEAD_IN.search(opening[:colon]) is None)


def _spoken_to(ctx: RuleContext) -> tuple[int, int] | None:
    """Where the opening of a 通知 with no 主送机关 the parser read nor one run into the text says
    ``你们``: (the start of its clause, the offset of 你们); None if it does not."""
    doc = ctx.doc
    start = doc.title.spans[-1].end if doc.title else 0
    end = min(start + _OPENING_REACH, doc.sections[0].heading_span.start if doc.sections else len(doc.text))
    found = _ADDRESSED_AS_YOU.search(doc.text, start, max(start, end))
    if found is None or _addressee_in_text(ctx):
        return None
    clause = max(doc.text.rfind(mark, start, found.start()) for mark in "，,。\n")
    return max(clause + 1, start), found.start()


_LONGEST_ADDRESSEE = 150
"""A 主送机关 listing many organs (every 省 and the 派出机构) still ends within this many characters."""
_LEAD_IN = re.compile(r"如下$|现[就将把]|^(?:为|根据|按照|依据|经)")
"""How the sentence that leads into a text begins or ends (``为贯彻…，现就有关事项请示如下：``):
a first paragraph up to a colon written so is no 主送机关 run into the text."""
_ADDRESSED_AS_YOU = re.compile(r"你们")
"""How a 通知 speaks to its recipients (``现印发给你们``, ``请你们认真贯彻执行``)."""
_OPENING_REACH = 400
"""A 通知 speaks to its recipients within this many characters after its title (``现将…印发给你们``)."""


@rule(
    Code("DP417", "warning", "请示、函、批复没有主送机关"),
    Code("DP418", "warning", "请示主送多个机关"),
    Code("DP420", "warning", "通知对“你们”说话，却没有主送机关"),
)
def check_addressee_present(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A 请示, 函 or 批复 names its 主送机关; a 请示 names one (条例 9(八), 15). A 通知 may be issued
    to the public, but one that speaks to ``你们`` (``现印发给你们``) has recipients to name."""
    doc = ctx.doc
    kind = title_genre(doc.title.text) if doc.title else None
    if kind is None or doc.title is None:
        return
    kind = "函" if kind.endswith("函") else kind
    title = doc.title.spans[0]
    if kind in _ADDRESSED and doc.addressee is None and not _addressee_in_text(ctx):
        yield ctx.diag("DP417", f"{kind}没有主送机关", title.start, title.end,
                       hint="在标题下一行顶格写主送机关，后加全角冒号")
    if kind == "通知" and doc.addressee is None and (you := _spoken_to(ctx)) is not None:
        sentence_start, at = you
        sentence = ctx.doc.text[sentence_start:at + 2].strip()
        yield ctx.diag("DP420", f"通知中说“{sentence}”，但没有主送机关", at, at + 2,
                       hint="在标题下一行顶格写主送机关，后加全角冒号；如已写出，检查其末尾是否漏了冒号")
    if kind == "请示" and doc.addressee is not None:
        organs = [o for o in re.split(r"[、，,]", doc.addressee.text.strip().rstrip(":：")) if o.strip()]
        if len(organs) > 1:
            span = doc.addressee.span
            yield ctx.diag("DP418", f"请示主送了{len(organs)}个机关：“{doc.addressee.text.strip()}”",
                           span.start, span.end, hint="请示一般只主送一个上级机关，其他机关用抄送")


@rule(Code("DP411", "warning", "主送机关后的冒号不是全角“：”"))
def check_addressee(ctx: RuleContext) -> Iterator[Diagnostic]:
    """主送机关 ends with a full-width colon ：(GB/T 9704 §7.3.2)."""
    addressee = ctx.doc.addressee
    if addressee and addressee.text.rstrip().endswith(":"):
        end = addressee.span.start + len(addressee.text.rstrip())
        yield ctx.diag("DP411", f"“{addressee.text.strip()}”末尾的冒号应为全角“：”", end - 1, end,
                       hint="改为全角冒号“：”", severity="info" if ctx.halfwidth else None)


_ATTACHMENT_NOTE = re.compile(r"^(?P<indent>\s*)附件\s*(?P<colon>[:：])\s*(?P<rest>\S.*)$")
_ATTACHMENT_ITEM = re.compile(r"^(?P<number>\d{1,2})(?![\d０-９])\s*(?P<point>[.．、,，]?)\s*(?P<name>.*)$")


@rule(
    Code("DP412", "warning", "附件说明格式不规范"),
    Code("DP413", "info", "只有一个附件却标了序号"),
    Code("DP415", "warning", "附件说明所列附件数与文后所附附件数不符"),
)
def check_attachments(ctx: RuleContext) -> Iterator[Diagnostic]:
    """附件说明: full-width colon, 1. 2. numbering, no punctuation after names (GB/T 9704 §7.3.4), and
    as many names as attachments follow (条例 9(十五), §7.3.7)."""
    lines = ctx.doc.text.split("\n")
    offset = 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    fields = [(f.span.start, f.span.end) for f in ctx.doc.metadata.fields]
    for index, line in enumerate(lines):
        match = _ATTACHMENT_NOTE.match(line)
        if not match or any(start <= starts[index] < end for start, end in fields):
            continue  # a page's 附件: field (links to the files) is no 附件说明
        if match["colon"] == ":":
            at = starts[index] + match.start("colon")
            yield ctx.diag("DP412", "附件说明的冒号应为全角“：”", at, at + 1, hint="写作“附件：”",
                           severity="info" if ctx.halfwidth else None)
        items = [(starts[index] + match.start("rest"), match["rest"].rstrip())]
        following = index + 1
        while (following := _next_item(lines, following, items)) >= 0:
            indent = len(lines[following]) - len(lines[following].lstrip())
            items.append((starts[following] + indent, lines[following].strip()))
            following += 1
        yield from _attachment_items(ctx, items)
        yield from _attachment_count(ctx, starts[index] + len(match["indent"]), items)


def _next_item(lines: list[str], following: int, items: list[tuple[int, str]]) -> int:
    """The index of the 附件说明's next item from ``lines[following]``, or -1: the next line, or after
    blank lines the line numbered next after the last item (a Markdown source's paragraphs,
    ``附件：1.…`` / blank / ``2.…``)."""
    after = following
    while after < len(lines) and not lines[after].strip():
        after += 1
    if after >= len(lines) or not (item := _ATTACHMENT_ITEM.match(lines[after].strip())):
        return -1
    if after == following:
        return after
    last = _ATTACHMENT_ITEM.match(items[-1][1])
    numbered_on = last is not None and int(last["number"]) == len(items)
    return after if numbered_on and int(item["number"]) == len(items) + 1 else -1


def _attachment_count(ctx: RuleContext, note: int, items: list[tuple[int, str]]) -> Iterator[Diagnostic]:
    """The 附件说明 at ``note`` names as many attachments as are appended after it.

    Only where attachments were found after it (a page links its files instead); and an
    attachment label the parser did not read (``附件3`` written at a line start after the note)
    counts as present: the text is not short of it. Where a notice issues documents written after
    it without a label, those are what it lists (the attachments after them are their own)."""
    appended = [a for a in ctx.doc.attachments if a.span.start > note]
    appended = [a for a in appended if not a.label] or appended
    if not appended or len(items) == len(appended):
        return
    after = fold(ctx.doc.text[note + 3:])
    unread = range(len(appended) + 1, len(items) + 1)
    if len(items) > len(appended) and all(re.search(f"(?:^|\n) *附件 *{n}(?![0-9])", after) for n in unread):
        return
    labels = "、".join(a.label or a.title or "" for a in appended)
    yield ctx.diag("DP415", f"附件说明列出{len(items)}个附件，文后附有{len(appended)}个（{labels}）",
                   note, note + 2, hint="核对附件说明与所附附件的数量、序号和名称，使二者一致")


def _attachment_items(ctx: RuleContext, items: list[tuple[int, str]]) -> Iterator[Diagnostic]:
    numbered = [(at, text, m) for at, text in items if (m := _ATTACHMENT_ITEM.match(text))]
    for at, text, match in numbered:
        if match["point"] not in (".", "．"):
            yield ctx.diag("DP412", f"附件序号“{text[:match.end('point')]}”应写作“{match['number']}.”", at,
                           at + match.end("point"), hint="多个附件用“1.”“2.”编号")
    for at, text in items:
        if _END_PUNCT.search(text) or text.endswith("；"):
            yield ctx.diag("DP412", f"附件名称“{text}”末尾不加标点", at + len(text) - 1, at + len(text),
                           hint="删去附件名称后的标点")
    if len(items) == 1 and numbered:
        at, text, match = numbered[0]
        yield ctx.diag("DP413", f"只有一个附件，不需要序号“{text[:match.end('point')]}”", at,
                       at + match.end("point"), hint="只有一个附件时写作“附件：名称”")


@rule(
    Code("DP421", "warning", "抄送行格式不规范（用“抄报”、半角冒号或末尾无句号）"),
    Code("DP422", "warning", "印发日期月、日补零或使用汉字数字"),
)
def check_imprint(ctx: RuleContext) -> Iterator[Diagnostic]:
    """The 版记 (GB/T 9704 §7.4): ``抄送：`` with a full-width colon and a 。 after the last organ,
    never the obsolete ``抄报``; the 印发日期 written as the 成文日期 (``2024年3月1日印发``). Only
    the lines after the body: a page's metadata block above it is another record."""
    doc = ctx.doc
    body_start = doc.sections[0].heading_span.start if doc.sections else (
        doc.title.spans[-1].end if doc.title else 0)
    fields = [f for f in doc.metadata.fields if f.span.start >= body_start]
    for field in fields:
        if field.key == "copy_to":
            yield from _copy_to(ctx, field.span.start, field.value_span.start, field.value_span.end)
        elif field.key == "printed_date":
            yield from _printed_date(ctx, field.value, field.value_span.start, field.value_span.end)


def _copy_to(ctx: RuleContext, start: int, value_start: int, value_end: int) -> Iterator[Diagnostic]:
    """The 抄送 line's label and its end; the field's value spans the lines a long list wraps over."""
    text = ctx.doc.text
    label = text[start:value_start]
    if "抄报" in label:
        at = start + label.index("抄报")
        yield ctx.diag("DP421", "“抄报”已不再使用，应写作“抄送”", at, at + 2, hint="改为“抄送：”")
    if ":" in label:
        at = start + label.index(":")
        yield ctx.diag("DP421", "抄送后的冒号应为全角“：”", at, at + 1, hint="改为全角冒号“：”",
                       severity="info" if ctx.halfwidth else None)
    end = len(text[:value_end].rstrip())
    if end > value_start and text[end - 1] not in "。.":
        yield ctx.diag("DP421", "抄送机关最后一个名称后应加句号“。”", end - 1, end,
                       hint="在最后一个机关名称后加“。”")


def _printed_date(ctx: RuleContext, value: str, start: int, end: int) -> Iterator[Diagnostic]:
    raw = "".join(value.split()).removesuffix("印发").translate(_HALF_WIDTH_DIGITS)
    date = parse_date(raw)
    if date is None:
        return
    proper = f"{date.year}年{date.month}月{date.day}日"
    if _PADDED.match(raw) or (_CN_DATE.match(raw) and (date.year, date.month, date.day) >= _ERA):
        yield ctx.diag("DP422", f"印发日期“{raw}”应写作“{proper}”（与成文日期写法相同）", start, end,
                       hint=f"改为“{proper}印发”")


_REQUEST = re.compile(r"妥否|请批示|请予批准|请予审批|请审批|请批复")
"""The closing words of a 请示 (``妥否，请批示``, ``以上请示，请予审批``)."""


@rule(Code("DP423", "warning", "报告中夹带请示事项（“妥否，请批示”等）"))
def check_request_in_report(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A 报告 asks for nothing (条例 第十五条: 不得在报告等非请示性公文中夹带请示事项): its last
    paragraph asking for approval is a 请示 in disguise."""
    doc = ctx.doc
    if doc.title is None or title_genre(doc.title.text) != "报告":
        return
    closing = doc.closing.span.start if doc.closing else len(doc.text)
    last = [p for _, p in doc.paragraphs() if p.span.end <= closing][-1:]
    for paragraph in last:
        found = _REQUEST.search(paragraph.text)
        if found:
            at = paragraph.span.start + found.start()
            yield ctx.diag("DP423", f"报告结尾写有“{found.group()}”，报告中不得夹带请示事项", at,
                           at + len(found.group()), hint="需要上级批准的事项另行请示；报告可用“特此报告”结束")


@rule(Code("DP414", "info", "全文使用半角标点（多为网页转换所致）"))
def check_halfwidth(ctx: RuleContext) -> Iterator[Diagnostic]:
    """Say once that the text uses half-width punctuation, and so why width findings are only info."""
    if ctx.halfwidth:
        text = ctx.doc.text
        first = text.find(",")
        half, full = text.count(","), text.count("，")
        yield ctx.diag("DP414", f"全文标点为半角（半角逗号{half}处，全角逗号{full}处），"
                       "多为网页抓取或格式转换所致", first, first + 1,
                       hint="如为正式文本，应使用全角中文标点；半角括号、冒号等问题因此只作提示")
