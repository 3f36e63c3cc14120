"""The words the metric finder knows, as data: units, scales, qualifiers, change and target words.

The modules that match them build their regular expressions from these tables (with
:func:`one_of`). The text they are matched in is folded (:func:`docparse.normalize.fold`): full-width
forms are ASCII (，→ , ％ → % － → -).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from ..models import Qualifier

Direction = Literal["up", "down"]


def one_of(words: Iterable[str]) -> str:
    """The words as a regular expression alternation, in their order (the first that fits wins)."""
    return "|".join(re.escape(word) for word in words)

# ---------------------------------------------------------------------------- after the number

UNITS: dict[str, str] = {
    "个百分点": "个百分点", "百分点": "个百分点", "%": "%", "‰": "‰",
    "个千分点": "个千分点", "千分点": "个千分点",
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
    # animals, plants, vessels, places, cases
    "头": "头", "只": "只", "羽": "羽", "匹": "匹", "株": "株", "棵": "棵", "艘": "艘", "架": "架",
    "枚": "枚",
    "颗": "颗", "粒": "粒", "间": "间", "栋": "栋", "幢": "幢", "镇": "镇", "乡": "乡", "村": "村",
    "街道": "街道",
    "社区": "社区", "例": "例", "轮": "轮", "列": "列", "趟": "趟", "盏": "盏", "根": "根", "台套": "台套",
    "辆次": "辆次", "家庭": "家庭", "艘次": "艘次", "周岁": "周岁", "分钟": "分钟", "标准箱": "标准箱",
    "标箱": "标准箱", "射频模块": "射频模块",
    # measures: mass, length, area, volume, energy, power, pressure, concentration
    "斤": "斤", "公斤": "公斤", "克": "克", "毫克": "毫克", "微克": "微克", "厘米": "厘米", "毫米": "毫米",
    "平方千米": "平方千米", "立方": "立方米", "千帕": "千帕", "兆帕": "兆帕", "兆瓦": "兆瓦",
    "兆瓦时": "兆瓦时", "千伏": "千伏", "千伏安": "千伏安", "伏": "伏", "千卡": "千卡", "吨公里": "吨公里",
    "人公里": "人公里", "吨标准煤": "吨标准煤", "欧元": "欧元", "港元": "港元",
    "片": "片", "℃": "℃", "个点": "个点",
    "μg/m³": "微克/立方米", "μg/m3": "微克/立方米", "mg/m³": "毫克/立方米",
}
"""The units a figure is counted or measured in, each as written → as the metric names it. A unit
that begins with a scale (千瓦, 千帕) is a unit: the scale does not take its first character."""

COUNTERS_NOT = ("年月日号时分秒周季度届期段级章节款楼层版型式等余多几上下内外前后强"
                "左右中间来以之的了和与及或至到为是在个第后次"
                "強號時週屆節層級")
"""After an Arabic number, a character outside :data:`UNITS` that is a counter only by its place
(3镇、2乡; a character before a comma or 、): unless it is one of these, which write dates, times,
ordinals, ranking lists and function words (3号, 5楼, 10后, 世界500强; 26號 in traditional characters)."""

SPACED_UNITS = "%‰"
"""Units that a scraped page may part from their figure by a space (增长16.1 %), even at the start of
a line."""

UNIT_GAP = 2
"""How many spaces text extracted from a PDF may put between an Arabic figure and its unit or scale
(开展专题学习 18 次, 研究列出118 项): the figure is read with the unit after them. A number that opens
a line is a heading's number (3 组织体系), whose spaces part it from its title."""

PER = "/"
"""Between the two units of a compound unit (3.5万元/户, 38微克/立方米)."""

PER_UNITS = ("人次", "人", "户", "日", "天", "年", "月", "小时", "次", "平方米", "立方米", "亩", "公顷",
             "公里",
             "千米", "吨", "千克", "公斤", "万元", "元", "千瓦时", "件", "家", "辆", "床", "秒", "周")
"""The units after :data:`PER`, per which the one before counts (元/人, 人次/日, 吨标准煤/万元)."""

SCALES: dict[str, int] = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
                          "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3,
                          "百": 10**2}
"""The words that scale a figure (2.3万户, 1.5亿元, 51313百羽) and their factors; a unit they begin
(千米, 百分点) is none."""

REST_SCALES: dict[str, int] = {"千万": 10**7, "百万": 10**6, "千": 10**3, "百": 10**2}
"""After 万 or 亿, a digit and one of these count the rest below it (1万6千 = 16000, 1亿3千万 = 1.3亿)."""

INFIXES = ("余", "多", "几")
"""The words between a figure and its unit that make it approximate (500余人, 850多项, 十几个)."""

SCALED_INFIXES = ("多", "余")
"""The approximating words between two scales, which both apply (3万多亿元 → more than 3×10⁴×10⁸)."""

INFIXES_AFTER_HIGH = ("余", "多")
"""The approximating words that may also follow the high end of a range (300至500余人)."""

RANGE_SEPARATORS = ("至", "到", "~", "-", "—", "–")
"""The words between the two ends of a range (3至5年, 10%-15%, 3个至5个)."""

SUFFIX_QUALIFIERS: dict[str, Qualifier] = {
    "以上": "lower_bound", "以下": "upper_bound", "以内": "upper_bound", "左右": "approx", "上下": "approx",
    "及以上": "lower_bound", "及以下": "upper_bound",
}
"""The words after a figure that bound or approximate it (90%以上, 5%左右, 2000万元及以上)."""

SUFFIX_NOT_BEFORE: dict[str, str] = {"以上": "率"}
"""A suffix followed by this is part of a rate's name instead (优良以上率)."""

RANGE_OPENING_SUFFIX = "以上"
"""After a figure, the lower bound that a figure of the same unit closes into one range:
5万元以上20万元以下, 三年以上七年以下有期徒刑, 500吨以上不足1000吨."""

RANGE_CLOSING_SUFFIXES = ("以下", "以内")
"""After the second figure of such a range, the upper bound that closes it (20万元以下)."""

RANGE_CLOSING_PREFIXES = ("不足", "不满")
"""Before the second figure of such a range, the upper bound that closes it (500吨以上不足1000吨)."""

FRACTION_MARK = "分之"
"""Between the whole and the part of a fraction in words (三分之二, 千分之五); 百分之X is a
percentage read with its run."""

FRACTION_UNITS: dict[int, str] = {1000: "‰"}
"""The wholes whose fractions keep a unit of their own (千分之五 → 5‰); every other fraction is a
percentage, as 百分之X is (三分之二 → 66.67%, 万分之五 → 0.05%)."""

PERCENT = "%"
"""The unit of a percentage and of a fraction in percent."""

FRACTION_SLASH = "/"
"""Between the two Arabic numbers of a fraction (2/3, 1/10)."""

FRACTION_MAX_WHOLE = 10
"""The largest whole of an Arabic fraction (2/3, 1/10): a larger one is a day (12/31) or a code."""

DATE_PARTS_AFTER = "前后起止日号"
"""After two Arabic numbers joined by a slash, these make them a date (3/8前, 5/1起), not a fraction."""

PERIOD_AFTER_YEARS = "度底初末中版级前来代"
"""After N年, one of these makes the 年 part of a date or period (三年来, 五年前, 80年代), not a count of
years."""

PERIOD_BEFORE_YEARS = ("过去", "今后", "未来", "最近", "近", "这", "那", "头", "的")
"""Before N年, one of these makes it a period (过去五年, 近三年, 极不平凡的五年), not a count of years."""

YEAR_COUNT_FOLLOWERS = "以多余左上内的至到及和或"
"""After a Chinese N年, what a count of years goes on with (三年以上, 五年左右, 满二年的, 三十年至五十年);
before any other word, a Chinese N年 is the time of what follows (五年投入…, 五年增加70%), and a period."""

TERM_AFTER_YEARS = ("有期徒刑", "执行", "期满")
"""After a Chinese N年, these make it a term of a rule, a count of years (处十五年有期徒刑, 缓期二年执行,
二年期满), where other words make it the time of what follows (五年投入…)."""

TERM_BEFORE_YEARS = ("缓期", "满")
"""Before a Chinese N年, these make it a term of a rule (缓期二年, 满一年时, 不满五年)."""

# ---------------------------------------------------------------------------- before the number

PREFIX_QUALIFIERS: dict[str, Qualifier] = {
    "将近": "approx", "接近": "approx", "大约": "approx", "约": "approx", "近": "approx",
    "超过": "lower_bound", "超": "lower_bound", "逾": "lower_bound", "多于": "lower_bound",
    "高于": "lower_bound", "不少于": "lower_bound", "不低于": "lower_bound", "突破": "lower_bound",
    "不足": "upper_bound", "不满": "upper_bound", "不到": "upper_bound", "不超过": "upper_bound",
    "不高于": "upper_bound",
    "低于": "upper_bound", "少于": "upper_bound", "数": "approx", "几": "approx", "上": "approx",
    "跨越": "lower_bound", "迈过": "lower_bound",
    "至少": "lower_bound", "最少": "lower_bound", "最低": "lower_bound", "最短": "lower_bound",
    "至多": "upper_bound", "最多": "upper_bound", "最高": "upper_bound", "最长": "upper_bound",
    "最迟": "upper_bound",
}
"""The words before a figure that approximate or bound it (约120个, 超过两万人, 不足100人)."""

NEGATIONS = ("不得", "不应", "不能", "不宜", "不可", "严禁", "禁止", "不")
"""Before a bounding word, these turn it round: 不得低于3.5米 is a lower bound, 不得超过 an upper one."""

ACROSS_VERB_QUALIFIERS: dict[str, Qualifier] = {
    "至少": "lower_bound", "最少": "lower_bound", "最多": "upper_bound", "至多": "upper_bound",
}
"""Qualifiers that bound a figure across the verb between them (至少配备2名, 最多安排5人)."""

ACROSS_VERB_REACH = 4
"""How many characters of a verb may stand between an :data:`ACROSS_VERB_QUALIFIERS` word and its figure."""

ONE_COUNTS = ("名", "位")
"""After 一, these count (选派一名联络员), where other counters make 一 the indefinite article (一个机制)."""

UNIT_ONLY_NUMERALS = "百千万亿"
"""After 上/近/数/几, a numeral of places alone counts one of them (上百万人次, 近万家, 上千万家庭)."""

CHINESE_ONLY_PREFIXES = ("数", "几", "上")
"""Prefixes that qualify only a Chinese numeral (数十, 几百, 上万), not Arabic digits."""

PREFIX_NOT_AFTER: dict[str, str] = {"近": "习最接将附", "上": "以", "约": "签节制预履违合公条特缔邀"}
"""A prefix after one of these is part of a word (习近平, 最近, 附近; 五年以上十年以下; 签约, 节约), not a
qualifier (签约亿元以上项目27个: no 约1亿元)."""

ORDINAL_MARK = "第"
"""Before a numeral: an ordinal (第一, 第3)."""

CHINESE_ORDINAL_MARKS = "其初届"
"""Before a Chinese numeral: an ordinal or a day (其一, 初五, 二届三次全会)."""

CODE_JOINERS = ".:/#-"
"""ASCII marks that join a number to the code, date or time before it (2023.1, No.#3, 2022-12)."""

NEGATIVE_SIGNS = "-−"
"""Before an Arabic figure, after a word or a list's 、 or comma, the sign of a negative figure
(增长率为-3.19‰, 增速为−1.5%, 0.15、-5.64、1.34个百分点); after a figure (10%-15%) a range sign."""

NEGATIVE_AFTER = ",;:、(（"
"""The marks after which a sign is a negative figure's; so is a Chinese character or a space."""

NEGATIVE_CLEAR = 3
"""After a Chinese character or a space, a sign with a digit in the few characters before it ends a range
(1.2万元-3万元), not a figure."""

SESSION_NOUNS = ("全会",)
"""After N次 (or a list of them: 十届六次、七次全会), these make it the ordinal of a session, not a count."""

CONGRESSES = ("人大", "届", "屆", "政协", "政協", "人代会", "代表大会")
"""Before a Chinese N次 and a :data:`CONGRESS_SESSIONS` noun, these make it the session of a congress
(市十五届人大四次会议, 十三屆全國人大五次會議, 县政协十届二次会议), not a count."""

CONGRESS_SESSIONS = ("会议", "會議")
"""The nouns after the N次 of a congress's session."""

SLOGAN_GLOSSES = (":即", ",即")
"""After a count and a few words, these say what the words name (达到二个加强:即加强…): a slogan, whose
numeral counts nothing."""

SLOGAN_REACH = 8
"""How many words of a slogan may stand between its count and its gloss."""

SERIAL_OPENERS = "〕"
"""Before a number: the serial of a document number (鄂政發〔2018〕26號)."""

DATE_OPENERS = "·〔["
"""Before a number: a date or a document number (3·15, 〔2022〕)."""

DATE_JOINERS_AFTER = "·:"
"""After an Arabic number: a date or a time (3·15, 9:24)."""

YEAR_FOLLOWERS = "年-—~至"
"""After four bare Arabic digits: a year (2023年, 2021-2025)."""

# ---------------------------------------------------------------------------- level or change

CHANGE_WORDS: dict[str, Direction] = {
    "增长": "up", "增加": "up", "提高": "up", "提升": "up", "上升": "up", "扩大": "up", "增": "up",
    "多": "up",
    "下降": "down", "降低": "down", "减少": "down", "压缩": "down", "缩短": "down", "缩减": "down",
    "回落": "down", "下滑": "down", "降": "down", "减": "down", "少": "down",
    "上涨": "up", "增多": "up", "回升": "up", "下跌": "down", "收窄": "down", "增收": "up", "增支": "up",
    "减收": "down", "减支": "down", "偏高": "up", "偏低": "down", "偏多": "up",
    "偏少": "down", "减低": "down", "净增": "up", "净减": "down", "增产": "up", "减产": "down",
}
"""The words that make the figure after them a change, and its direction (增长12%, 下降3个百分点)."""

CHANGE_LINKS = ("预期目标为", "预期目标是", "目标为", "目标是", "预期为", "了", "达到", "达", "到", "至",
                "为")
"""The words between a change word and its figure (增长了, 下降至)."""

LEVEL_LINKS = ("到", "至")
"""Of the change links, those that make the figure the level reached (下降到5.1%), not the change."""

AMOUNT_LEVEL_LINKS = ("为",)
"""Change links that make the figure the level reached where it is an amount (库存减为200吨,
减为二十五年有期徒刑), and the change where it is a rate (全年增长为3.2%)."""

RATE_UNITS = ("%", "‰", "个百分点", "个千分点", "倍")
"""The units of a rate or a ratio, not of an amount."""

CHANGE_QUALIFIERS = ("约", "近", "超过", "逾", "不足")
"""The qualifiers that may stand between a change word (and its link) and the figure (增长约5%)."""

WEAK_CHANGE_WORDS = ("增", "多", "少")
"""Change words that are part of another word after a degree word (新增, 较多, 更少)."""

DEGREE_WORDS = "新较更最"
"""The degree words before a weak change word."""

BASELINE_ONLY_CHANGES = ("多", "少")
"""Change words that make a change only beside a baseline (比上年多3件)."""

RATES: dict[str, Direction] = {
    "增长率": "up", "增速": "up", "增幅": "up", "涨幅": "up", "降幅": "down", "下降率": "down",
    "降低率": "down", "减少率": "down", "压缩率": "down", "压缩比率": "down", "下降幅度": "down",
    "增长幅度": "up",
}
"""The names of a rate of change and its direction (增速5.2%, 降幅58%)."""

LEVEL_RATES = ("自然增长率",)
"""Rates named as a change is that measure a level (人口自然增长率为-2.2‰: births less deaths, per
thousand; no change of anything)."""

RATE_LINKS = ("为", "达到", "达", "是")
"""The words between a rate's name and its figure (增速为5.2%)."""

GAP_WORDS: dict[str, Direction] = {"高于": "up", "低于": "down", "快于": "up", "慢于": "down"}
"""Before what a figure in points is measured against and the figure, the gap between them and its
direction (增速高于全市平均水平4个百分点: a change of 4 points up against 全市平均水平)."""

GAP_UNIT = "个百分点"
"""The unit of such a gap."""

BASELINE_WORDS = ("同比", "环比", "同口径")
"""Baselines in one word: the same period of the year before, the period before, the same period on the
same basis (一般公共预算收入70.11亿元,同口径下降19.4%)."""

COMPARED_WITH = ("较", "比")
"""The words that introduce a baseline (较上年, 比2021年)."""

PRIOR_YEARS = ("上年", "去年", "常年")
"""The year before, or the usual year, which a change is measured against (较上年, 比去年, 较常年)."""

PRIOR_YEAR_POINTS = ("底", "末", "同期")
"""The points of the year before that a baseline may name (较上年底, 比去年同期)."""

PRIOR_PERIODS = tuple(f"{year}{point}" for year in PRIOR_YEARS for point in (*PRIOR_YEAR_POINTS, ""))
"""上年底 上年末 上年同期 上年 去年底 … : the baselines named after the year before, longest first."""

PREVIOUS_YEAR_IN_FULL = "上一年度"
"""The year before, in full (较上一年度): a baseline too, but one a label keeps at its end."""

# ---------------------------------------------------------------------------- period and target

YEAR_ENDS = ("底", "末")
"""The end of a year (2022年底, 2022年末)."""

AS_OF = ("截至", "截止")
"""'Up to' before a date (截至2022年底, 截至目前)."""

YEAR_LEADS = (*AS_OF, "到", "在", "于", "至")
"""The words before a year that opens a clause (截至2022年底, 在2023年)."""

TARGET_WORDS = ("目标", "预期", "力争", "争取", "确保")
"""The words that make a figure in their clause a target (力争达到90%, 确保完成)."""

OBTAINED_WORDS = ("争取",)
"""Target words that, in a review of work done, say what was obtained (争取上级财力性转移资金13.6亿元):
there they make no target."""

TARGET_WORD_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "预期": ("寿命",), "目标": ("企业", "客户", "人群", "群体")}
"""A target word followed by one of these is part of a name instead (人均预期寿命; 拜访目标企业150家, the
firms a 招商 team courts)."""

TARGET_INTROS = ("预期目标", "主要目标", "目标任务", "目标")
"""With 是/为 and a colon, these open a list of targets (主要预期目标是:…;…)."""

INTRO_LINKS = ("是", "为")
"""The words between a target intro and its colon."""

# ---------------------------------------------------------------------------- no figure

SET_PHRASES = (
    "一网通办", "三位一体", "五位一体", "一把手", "一件事", "一次办", "一站式", "一体化", "一揽子",
    "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "三个代表", "一带一路", "一国两制",
    "两学一做", "三严三实", "一岗双责", "一次性", "一门式", "一号文件", "千家万户", "三年行动",
    "五年规划", "十年规划", "一个中心", "两个基本点", "一类", "一批", "一条龙", "一站", "两级", "三级",
    "八项规定", "三次产业", "一本上线", "二本上线", "二本以上", "三项制度", "三大攻坚战", "两个责任",
    "三会一课", "五年任期",
    "一期工程", "二期工程", "三期工程", "四期工程", "五期工程", "一期项目", "二期项目", "三期项目",
    "十种有色金属",
)
"""Set phrases whose numerals count nothing (一网通办, 四个意识, 县乡两级; 二期工程 is phase two of a
project, where 举办培训班3期 counts sessions; 十种有色金属, a bulletin's product)."""

GROUPINGS = ("个部分", "部分", "个方面", "方面")
"""After a numeral, these count the parts a text or a plan is arranged in (报告共分三部分, 从五个方面
对过去一年的工作进行了全面回顾, 细分为七方面21个要点), no figure; what such a count heads is labelled by
the noun after its figure (要点)."""

NAMES_AFTER_DURATIONS = ("任期", "行动", "规划", "计划", "攻坚", "值班", "值守制", "服务热线", "热线",
                         "生活圈",
                         "服务圈", "便民", "全天候", "不打烊", "不间断", "在线", "制")
"""After a duration (年 小时 分钟 天 …), these make it part of a name (五年任期, 24小时值班制,
15分钟生活圈), not a figure."""

DURATION_UNITS = ("年", "个月", "天", "小时", "分钟", "个工作日", "周岁", "岁")
"""Units of time and of age: a figure in one of them is never the total or a part of another."""

AGE_UNITS = ("岁", "周岁")
"""Units of age: followed by a noun (60岁以上老人) they name a group, not a figure."""

CELL_SEPARATORS = "|\t"
"""Between the cells of a table row a page flattened to text (``18-34岁 | 189574 | 22.76 |``): an
age before one heads its row, a group of people."""

AGE_LIST_JOINS = "、和及或至到"
"""After an age, these continue a list or range of ages (60岁、55岁以下), which is no group."""

HEADING_NUMBER_MARK = "."
"""In an Arabic number at the start of a line, this makes it a heading number (4.2应急响应, 5.5人员防护),
unless a scale or a percent sign follows it (3.5万元用于培训, 2.5%)."""

# ---------------------------------------------------------------------------- from A to B

FROM_WORDS = ("从", "由")
"""Before the first figure of 从120件增加到150件: the baseline a new level is reached from."""

TO_LINKS = ("到", "至")
"""After the change word of 从A增加到B: the new level follows."""

# ---------------------------------------------------------------------------- labels

LABEL_LEADS = ("的", "其中", "另外", "此外", "同时", "全年", "今年", "当年", "目前", "截至目前", "共", "累计",
               "并", "还", "已经", "预计", "力争", "确保")
"""The words taken off the start of a label (其中企业3866个 → 企业; a work report's 预计全年地区生产总值
增长5.5% and 力争新开工亿元以上项目50个: an estimate or a target, which the label does not name); so
are a year (2022年度, 截至2022年底) and :data:`COMPUTED_AS`."""

COMPUTED_AS = "按(?:(?:可比|不变)价格?计算|(?:当年|年)?平均汇率折算)|扣除价格因素"
"""How a bulletin computed a figure (按可比价格计算比上年增长, 按不变价计算; 人均GDP为63525元(按年平均汇率
折算为9847美元); 扣除价格因素实际增长): no part of a label, the indicator is the one before. A pattern, as
one alternative is tried at every label's start (and end)."""

COMPUTED_ENDS = "算素"
"""The characters a match of :data:`COMPUTED_AS` ends with."""

SINCE = "以来"
"""'Since', after a leading year (2020年以来)."""

TRAIL_WORDS = ("达到", "达", "为", "是", "共计", "共有", "共", "累计", "合计", "总计", "约", "近", "超过",
               "逾", "超", "不足", "不到", "到", "至", "有", "分别", "平均", "均", "的", "等", "先后", "全年",
               "已", "还", "又", "再", "至少", "最少", "最多", "至多", "最迟", "最高", "最低", "不得", "应当",
               "年均", "控制在", "保持在", "稳定在", "一直", "(下同)", "实际", "名义")
"""The words taken off the end of a label, with change words, baselines and 了 (办结率达到 → 办结率,
地区生产总值同比(下同)增长 → 地区生产总值)."""

TIME_AVERAGED = frozenset("日月")
"""Before a trailing 均, the time an average is over (日均, 月均): it goes with the change it averages
(企业数量日均净增 → 企业数量), as 年均 (a trail word) does."""

PER_HEAD_AVERAGED = frozenset("人户亩村生")
"""Before 均, what an average is per (人均, 户均, 亩均): the average is part of what is measured, so 均
stays in a label before a change word (居民收入人均增加 → 居民收入人均)."""

REACHED_VERBS = ("完成", "实现")
"""The verbs between an indicator and the amount it reached (生产总值完成125.13亿元, 第一产业实现增加值
72.61亿元, 全区实现地区生产总值…): they name nothing, the indicator they stand in is the label."""

REACHED_SCOPES = ("全区", "全县", "全市", "全省", "全州", "全盟", "全旗", "全镇", "全乡", "全国", "全年",
                  "我区", "我县", "我市", "我省", "我镇", "前三季度", "上半年", "一季度", "预计")
"""Before a reached verb, the area or time of the whole figure (全区实现…, 前三季度全区实现…, 预计全年完成…),
which is no part of the indicator's name: the label starts after the last of them."""

REACHED_LINKS = ("达到", "达")
"""Alone before an amount of the unit of the amount before, these say the same indicator reached it
(地区生产总值突破400亿元大关,达到417亿元)."""

REACHED_ADVERBS = ("基本", "全面", "顺利", "超额", "提前", "圆满", "如期", "按期", "实际", "已经", "已", "只",
                   "仅", "均", "共", "累计")
"""Before a reached verb, these say how it was reached (基本完成裁减军队员额, 并实际完成投资): the words
before them are a clause of their own, and the indicator is what follows the verb."""

VERBS = ("组织", "开展", "举办", "办理", "受理", "发布", "提供", "审查", "研究", "成立", "设立", "建成",
         "培训", "调解", "接待", "发放", "出动", "注销", "新增", "下放", "梳理", "审核", "审议", "清理",
         "处理", "化解", "排查", "收到", "推出", "制定", "出台", "印发", "召开", "参加", "查处", "立案",
         "办结", "上报", "采用", "征求", "解决", "完成", "审结", "编制", "部署", "配备", "划分", "确认",
         "提出", "新建", "选派", "安置", "救助", "走访", "慰问")
"""The verbs that split a label into its subject and what was done (县委…中心组|组织专题学习)."""

PREDICATE_STARTS = ("已经", "已", "进行", "正在", "均", "全部", "将", "有效", "得到", "顺利", "如期", "按期")
"""Words that open a predicate: the noun after a count ends before them (25项高频事项已进驻中心)."""

COUNTED_BEFORE_NOUNS = ("个", "项", "件", "名", "户", "条", "份", "所", "家", "支", "部", "类", "本", "篇",
                        "套", "台", "辆", "座", "处", "宗", "笔", "批", "种", "张", "块", "组", "场", "期",
                        "册", "起", "位", "批次", "场次", "次", "轮")
"""Counters that a noun follows to say what they count (明确916项具体措施, 全省6个市县（项目）入选): a
figure in one of them, with only a few words before it (a verb, 全省), is labelled by that noun."""

SHORT_LABEL = 4
"""A label before a figure this short is a verb or a place (明确, 扎实推动, 全省), not what it counts."""

OBJECT_LEADS = ("作出", "做出", "对", "向", "给", "把", "将")
"""A verb or preposition whose object is the noun after the count that follows it: the clause before
such a count names no quantity (组织对|2个市州…开展督察, 对法治政府建设作出|4次批示)."""

COUNTED_ACTIONS = ("次", "轮")
"""Counters of actions: what follows them is the action counted, verbs and all
(17次主持召开省政府党组会议)."""

LIST_JOINS = ("、", "和", "及", "与")
"""The words that join the items of a list (治安案件、刑事案件; 企业和个体工商户)."""

SHARED_UNIT_REACH = 80
"""How far after a bare Arabic figure a list of figures may run to the unit they share
(分别增长2.74、1.96、5.1个百分点; 快5.8和3.8个百分点; 22153、5853万千瓦: each is a figure in it)."""

SHARED_HEAD_MODIFIERS = ("城镇", "农村", "城市", "乡村", "城区", "郊区", "轻", "重", "男", "女", "进", "出",
                         "存", "贷", "城", "乡")
"""Words that a list names before one head noun they share (城镇、农村居民人均可支配收入; 轻、重工业占比;
城、乡居民人均可支配收入): each stands for itself with that head."""

EXAMPLES_END = "等"
"""Right before a count, it ends the examples of what the count counts (垃圾焚烧发电、柏润高端制袜等99个项目):
the noun after the count names it."""

SHARE_VERBS = ("占", "占比", "占到")
"""Alone before a figure, these give the share of the amount named before (男性人口28.07万人,占50.79%)."""

RESPECTIVELY = "分别"
"""分别: the figures after it go in turn with the names listed before it."""

PARTS_INTRO = "其中"
"""其中: the figures after it are parts of the total before it."""

COMPLETED = ("已", "现已")
"""Before a figure of the same unit as the one before: a part of it done (109个,已办结90个)."""

# ---------------------------------------------------------------------------- clauses, quotes and titles

CLAUSE_DELIMITERS = ",;:。!?"
"""The marks that end a clause."""

LIST_DELIMITER = "、"
"""The mark between the items of a list, which ends a clause except for 分别 lists."""

OPENERS = "《〈“‘「『"
"""The opening marks of titles and quotes (the ASCII quote " opens and closes alike)."""

CLOSERS = "》〉”’」』"
"""The closing marks of titles and quotes."""

TITLE_OPENERS = "《〈"
"""The opening marks of a title (《保德县“十四五”法治政府建设专项规划》), where numbers name things."""
