"""How each code is explained: what it checks, why, on what authority, an example and the fix.

The prose of docs/diagnostics.md (``python -m docparse.validate.registry`` renders its table and
sections from here and the registry) and of ``docparse validate --explain CODE``. A new code adds
its entry here; a test holds every code of the registry to one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    """One code's explanation, in Chinese."""

    check: str
    """检查: what the rule looks at and when it stays silent."""
    reason: str
    """原因: why it matters."""
    source: str
    """依据: the standard, regulation or convention it follows."""
    example: str
    """示例: text that triggers it."""
    fix: str
    """修改: what to change."""


EXPLANATIONS: dict[str, Explanation] = {
    "DP101": Explanation(
        check="文本中有替换字符 U+FFFD（解码时无法识别的字节）。",
        reason="替换字符处的原文已经丢失，后续解析与核对都会出错。",
        source="Unicode 卫生（decode.py）",
        example="`依法行政�作`",
        fix="确认文件编码，用 `--encoding` 指定；或找回未损坏的原文。",
    ),
    "DP102": Explanation(
        check="文本中有转义残留，如 `<U+00A0>`、`&nbsp;`、`\\u3000`。",
        reason="网页抓取或转换未还原实体，字符错位、统计失真。",
        source="domain-rules.md §3.4（抓取清洗）",
        example="`法治&nbsp;政府`",
        fix="把实体和转义序列还原为实际字符。",
    ),
    "DP103": Explanation(
        check="编码识别置信度低于 0.5。",
        reason="可能用错编码，文字为乱码。",
        source="decode.py 的编码识别",
        example="GB18030 与 Big5 难以区分的短文本",
        fix="用 `--encoding` 指定编码后重试。",
    ),
    "DP104": Explanation(
        check="文本不含汉字，但把它按 Mac Cyrillic、Windows-1251、Windows-1252 或 Mac Roman 编回字节后，是 U"
            "TF-8 中文。",
        reason="某个工具把 UTF-8 文件当作单字节编码读出、又存成 UTF-8，每个汉字变成三个西文字符；docparse 已"
            "还原原文，但还原处可能有个别字符与原文不同。",
        source="decode.py 的编码识别",
        example="`дЄ≠еНОдЇЇж∞СеЕ±еТМеЫљ`（原文“中华人民共和国”）",
        fix="向来源索取未经转存的原文，并核对还原后的文字。",
    ),
    "DP201": Explanation(
        check="在“四、”与“六、”之间，一行短标题没有序号，解析器按位置补出序号。消息形如“一级标题缺少序号，按"
            "位置应为“五、””。",
        reason="序号缺失使层级和引用出错，多为排版或抓取时丢失。",
        source="GB/T 9704—2012 §7.3.3（结构层次序数）",
        example="样本 004 第 30 行 `严格决策程序,决策公信力执行力持续提升`（前为“四、”，后为“六、”）",
        fix="在标题前补上序号“五、”。",
    ),
    "DP202": Explanation(
        check="同一上级下同一种序号跳号。缺少的序号若就写在两个标题之间的正文里（解析时未能识别为标题，如与"
            "上文连成一行），说明不是文件缺了这一部分，而是未能读出：只作提示，并写明“未能识别为标题”。同一"
            "组序号有三处以上跳号的，是节选（逐条摘引的法规、删节的方案），合为一条 warning，说明似为节选。",
        reason="跳号说明漏了一部分或编号有误（序列完整性）。",
        source="domain-rules.md §5.4、§6.1 HDG-004（CONV，文本上无歧义，定为 error）",
        example="`一、` `二、` `四、`",
        fix="补上缺少的部分，或把序号改为连续。",
    ),
    "DP203": Explanation(
        check="同一上级下序号重复。",
        reason="重复序号使引用（“第三部分”）指向不明。",
        source="domain-rules.md §5.4、§6.1 HDG-005",
        example="`二、工作任务` 后又是 `二、保障措施`",
        fix="改为“三、”，并顺延后面的序号。",
    ),
    "DP204": Explanation(
        check="序号比前一个小（不是从一重新开始）。两个标题之间的正文里写有该组的第一个序号（如 `（十五）` "
            "之后、专栏中的 `（一）` 未被识别，接着是 `（二）`）时，按重新编号处理（见 DP206），不报颠倒。",
        reason="顺序颠倒多为段落调换后未重编。",
        source="domain-rules.md §5.4",
        example="`三、` 之后是 `二、`",
        fix="按先后顺序重新编号。",
    ),
    "DP205": Explanation(
        check="某一上级下的第一个标题不是“一”。序号接着上一个同级上级下的同类序号往下编（国务院文件常把任务 "
            "1.–20. 贯穿（一）至（六）编号）不报。应有的第一个序号若就写在前文中（与专栏标题连成一行的 `（一"
            "）`，未单独成行的 `第一章`），只作提示，并写明“未能识别为标题”。",
        reason="前面的部分可能丢失（节选、分页抓取）。",
        source="domain-rules.md §6.1 HDG-006（CONV，warning）",
        example="`一、总体要求` 下第一个是 `（二）`",
        fix="改为“（一）”，或补上前面缺少的部分。",
    ),
    "DP206": Explanation(
        check="同一上级下序号在中途又从一开始。新的一组另起编号的不报：附件说明或附件之后，专栏（`专栏3　推"
            "动重点行业治污减排（一）…`）之中，另一份文件的标题（`…的通知`、`…使用说明`）或落款日期之后（一"
            "份通知里先后印了几份文件、几项标准）。法规一条之内分几组列举的项（`（一）…（三）` 之后另一组 `"
            "（一）…`）不报。",
        reason="新的一组内容缺少上级标题，或编号有误。",
        source="domain-rules.md §5.4（restarting numbering inside the same parent）",
        example="`一、` `二、` `一、保障措施`",
        fix="继续编号为“三、”，或为新的一组内容加上级标题。",
    ),
    "DP207": Explanation(
        check="越级使用序号（如“一、”下直接用“1.”），且全文一致。只作提示。",
        reason="GB/T 9704 规定层次“依次”使用，但实践中层次少时可省略中间层级。",
        source="GB/T 9704—2012 §7.3.3；domain-rules.md §1.3（CONV，accepted）",
        example="`一、总体要求` / `1.明确目标`",
        fix="无须修改；如需严格依次，使用“一、”“（一）”“1.”“（1）”。",
    ),
    "DP208": Explanation(
        check="同一种上级标题下，有的用“（一）”，有的直接用“1.”。十进制编号（`5.4` 下用 `（1）`，`3.1` 下用 "
            "`3.1.1`）和接着前文续编的序号（`三、` 下直接 `22.`）不算越级。",
        reason="越级方式前后不一，读者无法凭序号判断层级。",
        source="GB/T 9704 §7.3.3“依次”；domain-rules.md §1.3、§6.1 HDG-002",
        example="`一、`→`（一）`，`二、`→`1.`，`三、`→`（一）`",
        fix="统一用同一级序号。",
    ),
    "DP209": Explanation(
        check="同一上级下，高一级的序号出现在低一级之后（先用“1.”再用“（一）”）。",
        reason="层级倒置，结构混乱。",
        source="GB/T 15834—2011 附录 B.3.8（“不宜…反过来再使用层次更高的序次语”，STD-soft，warning）",
        example="`一、` / `1.明确目标` / `（一）压实责任`",
        fix="调整层级：“（一）”在“1.”之上。",
    ),
    "DP210": Explanation(
        check="同一种序号在文中写法不一：全角与半角括号、`1.` 与 `1．`、`1.` 与 `1、`。报在少数写法的第一处"
            "。",
        reason="同级写法不一致是常见的排版错误。",
        source="GB/T 15834；domain-rules.md §5.2、§6.1 HDG-008",
        example="`（一）` `（二）` `(三)`",
        fix="统一写作“（三）”。",
    ),
    "DP211": Explanation(
        check="序号后标点不合规范：`1、`、`一.`、`（一）、`。每种写法报一次并给出处数。",
        reason="汉字数字后用顿号，阿拉伯数字后用下脚点，括号序号后不加标点。",
        source="GB/T 15834—2011 附录 B.3.2–B.3.4（STD-soft，warning）",
        example="`1、统一思想`",
        fix="改为“1.统一思想”；`docparse validate --fix` 可自动修正“一.”→“一、”，以及全文其余都用“1.”时的“1"
            "、”→“1.”。",
    ),
    "DP212": Explanation(
        check="序号全文一致地使用半角括号 `(一)`。只作提示。",
        reason="中文文本括号应为全角；全文一致时多为转换所致。",
        source="GB/T 15834；domain-rules.md §6.1 HDG-008（一致时 info）",
        example="`(一)明确目标`",
        fix="改为全角“（一）”；`docparse validate --fix` 可自动修正。",
    ),
    "DP213": Explanation(
        check="标题下既没有正文也没有下级标题。以“；”结尾的编号行（列举项，如 `（1）规范社会应急力量参与救"
            "援；`）和以“。”结尾、含逗号的编号句（`（2）支持社会应急力量发展，2024年底前培育300支以上示范"
            "队伍。`）本身就是正文内容，不报；单独一句短的引领句（`（一）加强组织领导。`）仍报。紧跟在冒"
            "号之后的一组编号行（`处置措施如下：` 下的 `（1）…（4）其他必要的紧急措施。`，表格下 `注：1.…"
            "`、`注释：1.…`，`填写原则：` 下的各条）是列举或注释，不报。法规中条下的项（`第四条 有下列情"
            "形之一的：` 下的 `（一）…的；` `（二）…的。`）是条文本身，不报。编号相同、下面都没有正文的一"
            "组编号行（附件所列法律、名词、指标名称，考试大纲逐句列出的各部分）是清单，不报；以“。”结尾、"
            "长于 20 字的编号句（`3.须提供本人的…免冠照片。`），标题超过 40 字的编号行，修改决定的条目（`"
            "一、删去第六条第二款`）也不报。",
        reason="空标题多为内容遗漏或误把正文当标题。",
        source="GB/T 9704 §7.3.3（正文结构）；CONV",
        example="`一、总体要求` 紧接 `二、工作任务`",
        fix="补写正文，或删去这个标题。",
    ),
    "DP214": Explanation(
        check="同一上级下两个标题文字相同。一条之内几组项的相同文字不报。",
        reason="多为复制粘贴失误或两部分应合并。",
        source="CONV",
        example="`（一）加强领导` `（二）加强领导`",
        fix="修改标题或合并两部分。",
    ),
    "DP215": Explanation(
        check="标题层级达到第五层（`①` 等）。只作提示。",
        reason="GB/T 9704 只列四层（一、（一）1.（1））。",
        source="GB/T 9704 §7.3.3；domain-rules.md §6.1 HDG-009",
        example="`（1）提高认识` / `①深入学习`",
        fix="考虑合并层级，或改用段内列举。",
    ),
    "DP216": Explanation(
        check="同一上级下同一种序号的标题（下面有正文的）末尾有的加句号、有的不加：只有一个与其余至少三个不"
            "同时报告。含逗号的编号句、以“；”“：”等结尾的编号行是列举项，不计入。",
        reason="同级标题格式应当一致；单独一个不同多为疏漏。",
        source="domain-rules.md §6.1 HDG-013（CONV）；GB/T 9704—2012 §7.3.3 层次序数",
        example="`一、加强组织领导` `二、压实工作责任` `三、强化监督检查。` `四、加强宣传引导`",
        fix="同级标题末尾统一加或不加句号。",
    ),
    "DP301": Explanation(
        check="段内列举只有“一是”，同一部分没有“二是”。",
        reason="“一是”暗示还有下一项；只有一项时不用序次语。",
        source="GB/T 15834 B.3.7；domain-rules.md §4.2（CONV）",
        example="`一是明确目标，统一思想认识。`（后无二是）",
        fix="去掉“一是”，或补全其他各项。",
    ),
    "DP302": Explanation(
        check="列举从“二是”等开始，同一部分前文没有“一是”。",
        reason="缺项或编号错误。",
        source="domain-rules.md §5.4、§6.1 HDG-012",
        example="`二是明确目标。三是统一思想。`",
        fix="补上前面的列举项，或重新编号。",
    ),
    "DP303": Explanation(
        check="段内列举序号跳号或重复。序号按解析器识别列举项的规则从原文读出：段首或“。；：！？”之后的“X是”"
            "“X要”“第X，”“其X，”（逗号或顿号）；解析器因不连续而留作正文的序号（如“二是”之后的“四是”）也计入"
            "。",
        reason="列举不连续说明漏项或编号错误。",
        source="domain-rules.md §6.1 HDG-012（CONV，warning）",
        example="`一是…。二是…。四是…`",
        fix="按顺序重新编号。",
    ),
    "DP304": Explanation(
        check="同一列举混用不同的序次语（“一是”接“二要”，“第一，”接“二是”）。",
        reason="序次语应成套使用。",
        source="GB/T 15834 B.3；杜永道（语言文字报）；domain-rules.md §6.1 HDG-011",
        example="`一是…。二要…`",
        fix="统一为一种序次语。",
    ),
    "DP401": Explanation(
        check="发文字号的年份没有用六角括号〔〕（用了 [ ]、( )、（ ）、【 】等）。来自网页元数据字段时为 war"
            "ning，来自文件版头时为 error。",
        reason="六角括号是发文字号的法定形式；引用文件时发文字号放在圆括号内，年份再用圆括号会重复。",
        source="GB/T 9704—2012 §7.2.5（STD）",
        example="`国办发[2017]47号`",
        fix="改为“国办发〔2017〕47号”；`docparse validate --fix` 可自动修正正文中的发文字号括号。",
    ),
    "DP402": Explanation(
        check="发文字号的年份不是四位。",
        reason="年份应写全。",
        source="GB/T 9704—2012 §7.2.5（STD）",
        example="`国办发〔17〕47号`",
        fix="改为“〔2017〕”。",
    ),
    "DP403": Explanation(
        check="发文字号序号前加“第”或“字”，或序号编虚位（补零）。",
        reason="序号不加“第”、不编虚位。",
        source="GB/T 9704—2012 §7.2.5（STD）",
        example="`国办发〔2017〕第47号`、`〔2017〕047号`、`财发〔1992〕字第36号`",
        fix="改为“国办发〔2017〕47号”。令号（`令 第732号`）不检查。",
    ),
    "DP404": Explanation(
        check="发文字号缺少“号”。",
        reason="序号后应加“号”。",
        source="GB/T 9704—2012 §7.2.5",
        example="`国办发〔2017〕47`",
        fix="补上“号”。",
    ),
    "DP405": Explanation(
        check="成文日期的月、日补零。",
        reason="成文日期用阿拉伯数字，年份写全，月、日不编虚位。网页元数据日期（`2022年01月28日`）是另一体系"
            "，不检查。",
        source="GB/T 9704—2012 §7.3.5.4（STD-soft 对 warning）",
        example="`2022年01月28日`",
        fix="改为“2022年1月28日”。",
    ),
    "DP406": Explanation(
        check="成文日期用汉字数字。2012年7月1日及以后为 warning，以前为 info（GB/T 9704—1999 要求汉字）。",
        reason="2012 版标准改用阿拉伯数字。",
        source="GB/T 9704—2012 §7.3.5.4；domain-rules.md §1.5",
        example="`二〇二二年一月二十八日`",
        fix="改为“2022年1月28日”。",
    ),
    "DP407": Explanation(
        check="成文日期不是日历上存在的日期。",
        reason="日期错误使文件效力时间不明。",
        source="domain-rules.md §6.3 DATE-005",
        example="`2023年2月30日`",
        fix="核对年月日。",
    ),
    "DP408": Explanation(
        check="成文日期用点、斜线或连字符分隔。",
        reason="成文日期应写作“某年某月某日”。",
        source="GB/T 9704—2012 §7.3.5.4；domain-rules.md §6.3 DATE-008",
        example="`2024.3.1`",
        fix="改为“2024年3月1日”。",
    ),
    "DP409": Explanation(
        check="汉字年份里的零写作“○”“O”“零”或数字 0。只作提示。",
        reason="编号和年份中的零应写作“〇”。",
        source="GB/T 15835—2011；domain-rules.md §1.5",
        example="`二○一〇年三月五日`",
        fix="改为“二〇一〇年”。",
    ),
    "DP410": Explanation(
        check="标题末尾有标点。",
        reason="公文标题末尾不加标点。",
        source="domain-rules.md §1.7、§6.2 TTL-003（CONV）",
        example="`关于加强安全管理的通知.`",
        fix="删去末尾标点。注意：以“。”结尾的行目前不会被识别为标题（见 README 已知限制）。",
    ),
    "DP411": Explanation(
        check="主送机关末尾是半角冒号 `:`。全文标点都是半角时只作提示（多为转换所致）。",
        reason="主送机关最后一个名称后标全角冒号。",
        source="GB/T 9704—2012 §7.3.2（STD）",
        example="`各区县人民政府:`",
        fix="改为“各区县人民政府：”。",
    ),
    "DP412": Explanation(
        check="附件说明格式不规范：半角冒号、序号用“1、”、附件名称后加标点。网页元数据中的“附件:”字段（附件"
            "链接）不是附件说明，不报。",
        reason="附件说明为“附件：1.名称”，名称后不加标点。",
        source="GB/T 9704—2012 §7.3.4（STD）",
        example="`附件：1、安全管理办法。`",
        fix="改为“附件：安全管理办法”（一个附件）或“附件：1.…”“2.…”。",
    ),
    "DP413": Explanation(
        check="只有一个附件却标了序号。只作提示。",
        reason="有多个附件时才用序号。",
        source="GB/T 9704—2012 §7.3.4；domain-rules.md §6.4 ATT-003",
        example="`附件：1.安全管理办法`（只有一个）",
        fix="写作“附件：安全管理办法”。",
    ),
    "DP414": Explanation(
        check="全文标点为半角（半角逗号多于全角逗号）。每个文件报一次，只作提示。",
        reason="网页抓取或转换常把全角标点转成半角；据此把半角冒号、括号等问题降为提示，避免误报。",
        source="GB/T 15834；domain-rules.md §3.4（OBS）",
        example="`2022年,保德县坚持…`",
        fix="正式文本使用全角中文标点。",
    ),
    "DP415": Explanation(
        check="附件说明所列附件的个数与其后所附附件的个数不同。只在文后附有附件时检查（网页常只给附件链接）"
            "；附件说明多列的附件若在正文中有对应的附件标识（`附件3` 单独成行，解析未能识别），不报。",
        reason="附件说明与所附附件的序号、名称应当一致，多列或漏附都会使收文机关无从核对。",
        source="党政机关公文处理工作条例 第九条（十五）；GB/T 9704—2012 §7.3.4、§7.3.7；domain-rules.md §6.4"
            " ATT-002",
        example="`附件：1.某市安全管理办法` `2.某市安全管理责任清单` `3.某市安全检查表`，文后只有附件1、附件"
            "2",
        fix="补附漏掉的附件，或删去附件说明中多列的名称，使二者一致。",
    ),
    "DP417": Explanation(
        check="标题以“请示”“函”（复函）“批复”结尾，却没有主送机关。标题下几行中以机关名开头、以冒号结束的文"
            "字，或正文第一段就是以冒号结束的机关名单时，视为已有主送机关（解析未能识别）。通知可以普发、报"
            "告公开发布时常略去主送机关，不查。",
        reason="请示、函、批复都是向特定机关请求或答复的，须写明主送机关。",
        source="党政机关公文处理工作条例 第九条（八）；GB/T 9704—2012 §7.3.2；domain-rules.md §6.2 RCP-002",
        example="`某县人民政府关于申请安全生产专项资金的请示` 下直接是正文",
        fix="在标题下一行顶格写主送机关，后加全角冒号。",
    ),
    "DP418": Explanation(
        check="请示的主送机关中有两个以上机关（以顿号或逗号分开）。",
        reason="请示一般只主送一个上级机关，需要其他机关知悉的用抄送，以免多头请示、责任不清。",
        source="党政机关公文处理工作条例 第十五条",
        example="`市人民政府、市财政局：`（请示）",
        fix="只主送负责审批的上级机关，其他机关列入抄送。",
    ),
    "DP419": Explanation(
        check="成文日期中的数字是全角数字（`２０２２年１月２８日`）。",
        reason="成文日期用阿拉伯数字，阿拉伯数字用半角；全角数字多为输入法或转换所致，检索、排序时也不能当作"
            "日期。",
        source="GB/T 9704—2012 §7.3.5.4；GB/T 15835—2011；domain-rules.md §6.5 TXT-002",
        example="`２０２２年１月２８日`",
        fix="改为“2022年1月28日”；`docparse validate --fix` 可自动修正。",
    ),
    "DP501": Explanation(
        check="法治政府建设年度报告中找不到“主要举措和成效”部分（一、二级标题中没有举措、成效或具体工作主题"
            "的标题）。",
        reason="督察规定要求报告上一年度推进法治政府建设的主要举措和成效。",
        source="《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第四章",
        example="只有“存在的问题”“下一步打算”两部分的报告",
        fix="增加“主要举措和成效”部分。",
    ),
    "DP502": Explanation(
        check="找不到“党政主要负责人履行推进法治建设第一责任人职责情况”。按含义查找：一、二级标题；未设标题"
            "的段落或“一是…”列举项的首句（如“三是认真履行党政主要负责人推进法治建设第一责任人职责”）；都没有"
            "且正文其他部分也未提及时报告。只在正文中顺带提及时改报 DP506（提示）。报告年度早于2019年（规定"
            "施行前）时只作提示。",
        reason="这是督察规定列明的必报内容，常被遗漏（只报三部分的报告）。",
        source="督察规定第四章；domain-rules.md §2.1、§6.7 FZ-002",
        example="清水县式三部分报告：工作开展情况 / 存在的问题 / 下一步",
        fix="单列一部分，报告主要负责人履职情况。",
    ),
    "DP503": Explanation(
        check="找不到“存在的不足和原因”部分。按含义查找：标题，或未设标题的段落首句（如“…虽取得一定成效，但…"
            "还有一定差距，主要表现在”）。",
        reason="督察规定要求报告存在的不足和原因。",
        source="督察规定第四章；domain-rules.md §6.7 FZ-003",
        example="没有问题部分的报告",
        fix="增加“存在的不足和原因”部分。",
    ),
    "DP504": Explanation(
        check="找不到“下一年度主要安排”部分。按含义查找：标题，或未设标题的段落首句（如“2022年，我们将…”“下"
            "一步，我县将…”）。",
        reason="督察规定要求报告下一年度推进法治政府建设的主要安排。",
        source="督察规定第四章；domain-rules.md §6.7 FZ-004",
        example="以存在问题结尾的报告",
        fix="增加“下一年度主要安排”部分。",
    ),
    "DP505": Explanation(
        check="没有“其他需要报告的情况”部分。只作提示。",
        reason="规定列为第五项，但无此情况时通常省略。",
        source="督察规定第四章；domain-rules.md §6.7 FZ-005",
        example="四部分的报告",
        fix="如有其他需要报告的情况，单列一部分。",
    ),
    "DP506": Explanation(
        check="规定要求的内容只在正文中顺带提及（如“主要负责同志带头履行推进法治建设第一责任人职责”），没有"
            "单列部分或列举项。只作提示。",
        reason="内容存在，不能说“缺少”；但规定把它列为单独一项，一句话的提及通常不足以报告履职情况。",
        source="督察规定第四章；domain-rules.md §2.1",
        example="样本 004 第 16 行",
        fix="单列一部分，具体报告履职情况。",
    ),
    "DP507": Explanation(
        check="“存在的不足”部分没有说明原因的措辞（原因、由于、究其、导致、造成等）。只作提示：原因可能隐含"
            "在表述中。",
        reason="规定要求的是“不足**和原因**”。",
        source="督察规定第四章；domain-rules.md §6.7 FZ-006",
        example="`七、存在的问题及不足`（只列问题）",
        fix="补充“主要原因是……”。",
    ),
    "DP508": Explanation(
        check="报告的发布日期（网页元数据或“时间:”行）晚于报告年度次年的4月1日。",
        reason="年度报告应于每年4月1日之前通过报刊、网站等向社会公开。",
        source="督察规定第二十四条；2015年《法治政府建设实施纲要》（第一季度）",
        example="2022年度报告于2023-05-10发布",
        fix="按时公开；核对元数据中的发布日期。",
    ),
    "DP509": Explanation(
        check="“下一年度安排”部分标题中的年份不是报告年度的下一年。",
        reason="报告年度为 Y 时，安排应针对 Y+1 年，年份写错常见于套用旧稿。",
        source="督察规定第四章；domain-rules.md §6.7 FZ-007",
        example="2022年度报告中“二、2022年工作打算”",
        fix="改为“2023年”。",
    ),
    "DP511": Explanation(
        check="政府工作报告正文前没有称呼“各位代表”。",
        reason="政府工作报告是向人民代表大会所作的报告，以“各位代表：”开头。",
        source="domain-rules.md §2.2、§6.7 GZ-001（OBS/CONV）",
        example="标题后直接是正文",
        fix="在正文前加“各位代表：”。",
    ),
    "DP512": Explanation(
        check="政府工作报告没有会议副标题（——某年某月某日在…人民代表大会…会议上）。",
        reason="副标题给出报告日期和会议，政府工作报告没有文末成文日期。",
        source="domain-rules.md §2.2、§6.7 GZ-002",
        example="标题下无副标题",
        fix="补上副标题。",
    ),
    "DP513": Explanation(
        check="政府工作报告的一级标题中没有工作回顾部分。",
        reason="政府工作报告先回顾上一年（换届年为过去五年）工作。",
        source="domain-rules.md §2.2、§6.7 GZ-003",
        example="一级标题只有具体工作主题",
        fix="单列“一、某年工作回顾”。",
    ),
    "DP514": Explanation(
        check="政府工作报告的一级标题中没有工作任务（安排、建议、总体要求）部分。",
        reason="政府工作报告要部署今年的工作任务（换届年为“对今年政府工作的建议”）。",
        source="domain-rules.md §2.2、§6.7 GZ-005",
        example="只有回顾没有任务的报告",
        fix="单列今年政府工作任务部分。",
    ),
    "DP601": Explanation(
        check="网页元数据“标题”与正文标题不是同一份文件（去掉空白、标点后互不包含）。",
        reason="元数据填错会使检索和归档指向错误文件。",
        source="domain-rules.md §6.6 META-002（一致性）",
        example="元数据“…安全生产工作的报告”，正文“…法治政府建设情况的报告”",
        fix="更正元数据或标题。",
    ),
    "DP602": Explanation(
        check="网页元数据的成文日期与文末成文日期不是同一天（补零等写法差异不算）。",
        reason="两处日期应一致。",
        source="domain-rules.md §6.6 META-003",
        example="元数据 2022-01-20，文末 2022年1月28日",
        fix="核对并更正其中之一。",
    ),
    "DP603": Explanation(
        check="发文字号中的年份与成文日期的年份不同（元旦前后相差一年不报）。",
        reason="发文字号年份即发文年份。",
        source="domain-rules.md §6.6 META-006",
        example="`某政函〔2019〕3号`，成文日期 2022年1月28日",
        fix="核对发文字号或成文日期。",
    ),
    "DP604": Explanation(
        check="发布日期早于成文日期。",
        reason="文件不能在成文之前发布。",
        source="domain-rules.md §6.3 DATE-006",
        example="发布 2022-01-10，成文 2022-01-28",
        fix="核对发布日期和成文日期。",
    ),
    "DP901": Explanation(
        check="某项检查在这份文件上内部出错，已跳过，其他检查照常进行。只作提示。",
        reason="检查器的缺陷不应使整批检查中断。",
        source="docparse 自身",
        example="（不应出现）",
        fix="请附上输入文件报告此问题。",
    ),
}
"""Every code's explanation, by code."""
