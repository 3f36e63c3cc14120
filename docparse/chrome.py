"""What web-page chrome and print furniture look like: the patterns behind ``Document.furniture``.

Scraped reports carry navigation trails, font-size switches, share and print buttons, counters,
related-content lists and footers (../shared/docs/domain-rules.md §3.4), and the page's window title
(``【关于…的通知】-国家发展和改革委员会``) a saved page starts with. They are recognised here
as whole lines, or as runs inside a metadata line (``时间:… 大 中 小 来源:…``), and set aside with
their spans, so they never reach the body and are never taken for a title or a heading.
"""

from __future__ import annotations

import re

from .models import FurnitureCategory
from .normalize import _ESCAPE_GARBAGE, CJK_CHARS

_TRAIL_ENDINGS = ("正文", "详情", "详细内容", "内容")
"""A navigation trail ends with one of these (``首页>政务公开>正文``)."""
_TRAIL_PATTERN = rf"[>»]({'|'.join(_TRAIL_ENDINGS)})$"
TRAIL_SEPARATORS = (">", "»", ">>", "→")
_BREADCRUMB_PATTERN = r"\A[^<>»。;,:]{1,16}(?:(?:>>|[>»])[^<>»。;,:]{1,16}){2,8}$"
_TRAIL_TAIL_PATTERN = r"^(?:>>|[>»])[^<>»。;,:]{1,16}(?:(?:>>|[>»])[^<>»。;,:]{1,16}){1,8}$"
"""The rest of a navigation trail whose 首页 stands on the line before (``首页`` / ``>> 政务公开 >>
法治政府工作报告``): a separator first, then two or more words."""
_BREADCRUMB_MAX = 16 + 8 * (2 + 16)
"""No line longer than this is a breadcrumb (the pattern's longest match)."""
"""A navigation trail without 首页 or 正文 (``政务公开>政策法规>委局文件``); ``\\A``, not ``^``: it is
tried only on lines that hold a ``>`` or ``»`` (see _classify_whole)."""
"""What stands between the words of a navigation trail; alone on a line when it was scraped one word
per line."""
_POSITION_LABELS = ("当前位置|您的位置|您的当前位置|您当前的位置|您现在的位置|您所在的位置|所在位置|当前页|您当前所在位置"
                    "|当前所在位置|你的位置|你现在的位置|你当前的位置")
"""The label of a page's navigation trail (``您所在的位置：首页 > 政务公开``)."""
_COUNTER_WORDS = "浏览次数|阅读次数|访问次数|点击数|点击量|访问量|累计次数|浏览量|阅读量|阅读|评论|浏览|点击"
"""The label of a page's visit counter (``访问量：199``)."""
_NOTICE_MAX = 70
"""A site's notice about the browser (``IE版本小于11,为了不影响您的浏览效果,请升级IE版本!``) is this short."""
# Each pattern is matched against the folded line with all spaces removed (see classify_line).
_RAW_PATTERNS: tuple[tuple[FurnitureCategory, str], ...] = (
    ("navigation", rf"^({_POSITION_LABELS})[:>»]"),
    ("navigation", _BREADCRUMB_PATTERN),
    ("navigation", r"^首页([>»/→]|>>)"),
    ("navigation", _TRAIL_TAIL_PATTERN),
    ("navigation", _TRAIL_PATTERN),
    ("font_size", r"^[\[【(]?(字号|字体|文字大小|字体大小)[:]?[\]】)]?[\[【(]?(大中小|小中大|默认|A\+?A-?)?[\]】)]?$"),
    ("font_size", r"^[\[【(]?(字体|字号)?[:]?(大中小|小中大|大中小默认)[\]】)]?$"),
    ("font_size", r"^[\[【(]?字[号体][:]?[\[【(]?(大|中|小|默认)"),
    ("font_size", r"^[\[【(]?(Aa|A\+|A-|默认)[\]】)]?$"),
    ("action", r"^[\[【(]?(打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|收藏本页|加入收藏|收藏|返回顶部|返回|保存本页|我要纠错|纠错|下载|分享)[\]】)]?([\[【(]?(打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|收藏|返回顶部|保存|保存本页)[\]】)]?)*$"),
    ("action", r"^(上一篇|下一篇)[:]"),
    ("share", r"^(扫一扫在手机(上)?(打开|浏览)当前页(面)?|扫码使用手机浏览本页内容|手机扫描二维码|微信扫一扫|扫一扫|分享到[:]?.*|分享[:]?|用手机扫描二维码.*|微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|人人网|豆瓣)$"),
    ("share", r"^\$\(.*\)\.share\(\);?$"),
    ("counter", rf"^[\[【(]?({_COUNTER_WORDS})[:]?\d*[\]】)]?$"),
    ("counter", r"^(?:本篇|本文|全文)(?:文章)?(?:共|约)?\d{1,6}字,?(?:阅读|读完)[需约大]{0,2}\d{1,3}分钟$"),
    ("related", r"^(相关解读|相关稿件|关联稿件|相关文档|相关附件|相关链接|相关新闻|相关阅读|相关文章|相关信息|政策解读|图解|解读)[:|]?$"),
    ("footer", r"(网站地图|联系我们|网站声明|版权所有|主办单位[:]|承办单位[:]|技术支持[:]|网站标识码|ICP备|公网安备|政府网站找错|建议使用.{0,40}浏览器|分辨率|Copyright|©)"),
    ("accessibility", r"^(无障碍(浏览|阅读)?|长者模式|关怀版|适老化|简体|繁体|简|繁|English|智能问答|网站支持IPv6|IPv6|登录|注册|登录\|注册|English版)([|/]?(无障碍(浏览|阅读)?|长者模式|关怀版|简体|繁体|简|繁|English|智能问答|登录|注册|网站支持IPv6))*$"),
    ("accessibility", r"^今天是[:]?\d{4}年"),
    ("accessibility", r"^(?:视力保护色|护眼模式|护眼色)[:]?[^。:]{0,16}$"),
    ("other", r"^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\d{1,2}:\d{2}(?::\d{2})?$"),
    ("other", r"^[•·]?[A-Za-z0-9_-]{1,40}\.(?i:jpe?g|png|gif|bmp|webp)$"),  # a page's picture strip
    ("page_number", r"^[-—–－]\d{1,4}[-—–－]$"),
    ("page_number", r"^第\d{1,4}页(/|,)?(共\d{1,4}页)?$"),
    ("page_number", r"^(共\d{1,4}页)$"),
    ("footer", r"^(责任编辑|编辑|审核|校对|供稿)[:].{0,20}$"),
    ("footer", r"^(?:通讯地址|联系地址|单位地址|地址)[:][^。]{2,60}?邮编[:]?\d{6}"),
    ("markup", r"^(?i:insertinto)[\w`\".]+(?:\([^()]*\))?(?i:values)\("),  # a crawler's SQL record
    ("banner", r"^【[^【】]{4,}】[-_|—–].{2,40}$"),
    ("banner", r"^(?:您好[,!]?)?欢迎(?:访问|来到|光临)[^。]{0,30}$"),
    ("banner", r"^(?:下面|以下)是(?:小编|本站|我们|笔者)?(?:为|给)(?:大家|您)[^。]{0,80}(?:参考|借鉴|阅读|帮助)[^。]{0,20}[。!]?$"),
    ("banner", rf"^(?=.{{0,{_NOTICE_MAX}}}$)[^。]*?(?:(?:IE|ie|浏览器)[^。]*?(?:升级|更换|效果|体验)"
               r"|(?:升级|更换|效果|体验)[^。]*?(?:IE|ie|浏览器))"),
)
_LINE_PATTERNS = tuple((kind, re.compile(pattern)) for kind, pattern in _RAW_PATTERNS)
_TRAIL = next(pattern for _, pattern in _LINE_PATTERNS if pattern.pattern == _TRAIL_PATTERN)
_BREADCRUMB = next(pattern for _, pattern in _LINE_PATTERNS if pattern.pattern == _BREADCRUMB_PATTERN)
# Most patterns are anchored at the line start (``^`` outside any alternation): one match of their
# alternation tells whether any of them can apply, so a content line only runs the few others.
_ANCHORED = re.compile("|".join(f"(?:{pattern})" for _, pattern in _RAW_PATTERNS if pattern.startswith("^")))
_FLOATING_PATTERNS = tuple((kind, pattern) for kind, pattern in _LINE_PATTERNS
                           if not pattern.pattern.startswith("^") and pattern not in (_TRAIL, _BREADCRUMB))
_FOOTER_MAX = 80
"""A longer line that matches a footer pattern is a body sentence that happens to say 联系我们."""
_NO_SEPARATOR = re.compile(rf"[{CJK_CHARS}0-9A-Za-z:]")
"""What makes a line of one or two characters no separator (``|``, ``*``): a word, a number, or the
colon of a label a scraper put on a line of its own (``附件`` / ``：`` / ``某某规则``)."""
# Runs of chrome inside an otherwise meaningful line (a metadata line of a disclosure page).
INLINE_CHROME = re.compile(
    r"(?:[\[【(]\s*)?(?:字[号体]\s*[:：]?\s*)?(?:[\[【(]\s*)?大\s+中\s+小\s*[\]】)]?"  # no bare \s* lead: O(n²)
    r"|(?:字[号体]\s*[:：]?\s*)?【大】\s*【中】\s*【小】"
    r"|[\[【]\s*(?:打印|关闭|收藏|纠错)\s*[\]】]"
    r"|字[号体]\s*[:：]\s*[\[【(]?(?=\s*$)"  # the switch's label, its buttons on the lines below
    rf"|(?:{_COUNTER_WORDS})\s*[:：]\s*\d*"
)
"""Chrome inside a metadata line: a font-size switch, a bracketed button, a visit counter (``来源：
访问量：199``: the counter is no value of the empty 来源)."""
_INLINE_COUNTER = re.compile(_COUNTER_WORDS)


def chrome_tail(text: str) -> list[tuple[int, int]]:
    """The runs of inline chrome a value ends with, as spans of ``text`` (``政府官网   阅读:186   评论:0``:
    the two counters); empty unless chrome runs on to the end."""
    for match in INLINE_CHROME.finditer(text):
        runs = [match.span()]
        position = match.end()
        while True:
            while position < len(text) and text[position] == " ":
                position += 1
            if position == len(text):
                return runs
            following = INLINE_CHROME.match(text, position)
            if following is None or following.end() == position:
                break
            runs.append(following.span())
            position = following.end()
    return []


def inline_chrome_kind(found: str) -> FurnitureCategory:
    """The furniture kind of a run :data:`INLINE_CHROME` found."""
    return ("font_size" if "大" in found or "字" in found else "counter" if _INLINE_COUNTER.search(found)
            else "action")


_TRAIL_ITEM = r"[^ <>»/。;,:]{1,16}"
_LEADING_CHROME = re.compile(
    r"今天是:? ?\d{4}年\d{1,2}月\d{1,2}日(?: ?(?:星期|周)[一二三四五六日天])?(?: ?农历[^ ]{2,8})?(?= |$)"
    rf"|(?:(?:{_POSITION_LABELS}) ?[:>»] ?|首页 ?(?:>>|[>»/]) ?){_TRAIL_ITEM}(?: ?(?:>>|[>»/]) ?{_TRAIL_ITEM})*(?= |$)")
"""Chrome a page kept as one line (or with each line break a space) opens with, to the space after it
(or the line's end, where it is the whole line):
the date of the day (``今天是:2019年10月31日 星期三 农历十月初七``), a navigation trail to its last item
(``您所在的位置:政务公开 > 工作报告``, ``首页 > 政务公开 > 通知公告``)."""
_LEADING_CHROME_REACH = 12
"""Such chrome stands within this many characters of the line's start (after a column's name)."""


def leading_chrome(folded: str, position: int) -> tuple[int, int] | None:
    """Where the chrome that a run-on line opens with at ``position`` (or a few characters after
    it) starts and ends (:data:`_LEADING_CHROME`), else ``None``; in text that kept no space after it
    its end is unknown, and ``None`` too."""
    found = _LEADING_CHROME.search(folded, position, position + _LEADING_CHROME_REACH + 80)
    if found is None or found.start() > position + _LEADING_CHROME_REACH:
        return None
    after = folded[found.end():found.end() + 3].lstrip(" ")
    if not after or after[0] in ">»/":
        return None  # the whole line, or a trail that goes on (an item's spaces): no chrome run on
    return found.span()


_BANNER_TOKEN = re.compile(r"(网|政府|门户|中国|在线|官网|政务|之窗|信用中国)")
_SENTENCE_STOP = re.compile(r"[。;!?]")


_CHUNK = re.compile(r"[\[【][^\]】]{0,20}[\]】]|[^\s\[【|]+")


def classify_line(squeezed: str, stripped: str = "") -> FurnitureCategory | None:
    """The furniture kind of a whole line, or ``None`` for content.

    ``squeezed`` is the folded line without spaces. A line made of several chrome pieces
    (``【字体：大 中 小】【打印】【关闭】``, ``【我要纠错】 责任编辑：王小明``) is chrome too: ``stripped``
    (the folded line, trimmed) is cut into bracketed or space-separated pieces, each classified.
    """
    kind = _classify_whole(squeezed)
    if kind is not None or not stripped or len(stripped) > 120:
        return kind
    chunks = _CHUNK.findall(stripped)
    if len(chunks) < 2:
        return None
    kinds: list[FurnitureCategory] = []
    for chunk in chunks[:-1]:
        chunk_kind = _chunk_kind(chunk, kinds)
        if chunk_kind is None:
            return None  # a piece of content: the line is content
        kinds.append(chunk_kind)
    if _chunk_kind(chunks[-1], kinds):
        return kinds[0]
    # "责任编辑：王小明" splits into label and name: allow a trailing value after a chrome label
    if kinds[-1] == "footer" and chunks[-2].endswith(":"):
        return "footer"
    return None


def _chunk_kind(chunk: str, before: list[FurnitureCategory]) -> FurnitureCategory | None:
    """The furniture kind of a piece of a line (see :func:`classify_line`); a button of a font-size
    switch after its label (``字号：[大] [中] [小]``) is one."""
    squeezed = chunk.replace(" ", "")
    kind = _classify_whole(squeezed)
    if kind is None and before and before[-1] == "font_size":
        return classify_head_token(squeezed)
    return kind


def classify_whole_plain(squeezed: str) -> FurnitureCategory | None:
    """The furniture category of a whole (squeezed) line: the first of :data:`_LINE_PATTERNS` that
    matches. The definition; :func:`_classify_whole` decides the same, faster."""
    if not squeezed:
        return None
    if len(squeezed) <= 2 and not _NO_SEPARATOR.search(squeezed):
        return "other"  # a lone separator such as "|" or "*"
    for kind, pattern in _LINE_PATTERNS:
        if kind == "footer" and len(squeezed) > _FOOTER_MAX:
            continue
        if pattern.search(squeezed):
            return kind
    return None


def _classify_whole(squeezed: str) -> FurnitureCategory | None:
    """:func:`classify_whole_plain`, trying the anchored patterns only when their alternation
    matches at the line start (most lines are content, which none of them matches), and the two
    trail patterns only on a line that ends like a trail or holds a ``>`` or ``»`` (they come first
    of the rest, and both say navigation)."""
    if not squeezed:
        return None
    if len(squeezed) <= 2 and not _NO_SEPARATOR.search(squeezed):
        return "other"
    long_line = len(squeezed) > _FOOTER_MAX
    if _ANCHORED.match(squeezed):
        for kind, pattern in _LINE_PATTERNS:
            if not (kind == "footer" and long_line) and pattern.search(squeezed):
                return kind
        return None
    if ((squeezed.rstrip("\n").endswith(_TRAIL_ENDINGS) and _TRAIL.search(squeezed))
            or (len(squeezed) <= _BREADCRUMB_MAX and (">" in squeezed or "»" in squeezed)
                and _BREADCRUMB.match(squeezed))):
        return "navigation"
    for kind, pattern in _FLOATING_PATTERNS:
        if not (kind == "footer" and long_line) and pattern.search(squeezed):
            return kind
    return None


_FONT_SIZE_TOKEN = re.compile(r"[\[【(]?[大中小][\]】)]?")
"""One button of a font-size switch scraped one per line (``大`` / ``中`` / ``小``): chrome in a page's
head, where no text is a lone 大; in the body it could be a table cell."""


def classify_head_token(squeezed: str) -> FurnitureCategory | None:
    """The furniture kind of a line of the page's head that is chrome only there."""
    return "font_size" if len(squeezed) <= 3 and _FONT_SIZE_TOKEN.fullmatch(squeezed) else None


def looks_like_banner(stripped: str) -> bool:
    """A row of site names before the title: ``中国政府网 山西省政府 忻州市政府 信用中国·忻州``."""
    parts = stripped.split()
    if len(parts) < 2 or _SENTENCE_STOP.search(stripped):
        return False
    if any(len(part) > 16 for part in parts):
        return False
    return sum(bool(_BANNER_TOKEN.search(part)) for part in parts) >= max(2, len(parts) // 2)


def is_markup(stripped: str) -> bool:
    """A line that is nothing but HTML tags, comment fences, entities or escapes left over by a
    scraper (``<p>``, ``<!--``, ``&nbsp;``, ``<U+00A0>``, a literal ``\\u3000``), or the rule under a
    Markdown table's head (``---|---|``). ``stripped`` has no space at either end, so such a line
    starts with one of ``<&-\\|:``: others are not matched at all."""
    return stripped[:1] in _MARKUP_STARTS and (_MARKUP.fullmatch(stripped) is not None
                                               or ("|" in stripped and _TABLE_RULE.fullmatch(stripped) is not None))


_ESCAPES = _ESCAPE_GARBAGE.pattern
_MARKUP = re.compile(rf"(?:<[^<>\n]{{0,200}}>|<!--|-->|&[a-z]{{2,8}};|&#\d{{1,6}};|{_ESCAPES}|\s)+")
_MARKUP_STARTS = ("<", "&", "-", "\\", "|", ":")
_TABLE_RULE = re.compile(r"(?:\| *)?:?-{3,}:? *(?:\| *:?-{3,}:? *)*\|?")
SCRAPER_ESCAPE = rf"{_ESCAPES}|&#\d{{1,6}};"
"""An escape a scraper left in the text (``<U+00A0>``, a literal ``\\u3000``, ``&#160;``)."""
