"""The registry of diagnostic codes: every code docparse can emit, with its default severity.

Codes are grouped by stage, as ruff groups its rules: DP1xx decoding and text hygiene, DP2xx
heading structure, DP3xx enumerations, DP4xx format (发文字号, dates, title), DP5xx report-type
profiles, DP6xx metadata and page chrome. docs/diagnostics.md documents each one; a test fails
when a code is emitted that is not registered here or not documented there.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Diagnostic, Severity
from .spans import Locator


@dataclass(frozen=True)
class Code:
    """A registered diagnostic code."""

    code: str
    severity: Severity
    summary: str
    """One line, Chinese: what the check is about."""


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("DP101", "warning", "文本含无法解码的字节（替换字符 U+FFFD）"),
        Code("DP102", "warning", "文本含转义残留（如 <U+00A0>、&nbsp;、\\u3000）"),
        Code("DP103", "info", "编码识别置信度低"),
        Code("DP201", "warning", "标题缺少序号，已按位置补出"),
        # DP2xx heading structure (GB/T 9704 §7.3.3, GB/T 15834 B.3; validate.py)
        Code("DP202", "error", "同级标题序号跳号"),
        Code("DP203", "error", "同级标题序号重复"),
        Code("DP204", "error", "同级标题序号倒序"),
        Code("DP205", "warning", "同级标题序号不从第一个开始"),
        Code("DP206", "warning", "同一上级下标题序号重新从头编号"),
        Code("DP207", "info", "标题层级越级（全文一致）"),
        Code("DP208", "warning", "标题层级越级方式不一致"),
        Code("DP209", "warning", "层级倒置：高一级序号出现在低一级序号之后"),
        Code("DP210", "warning", "同级序号写法混用（全角/半角括号、下脚点/顿号）"),
        Code("DP211", "warning", "序号后标点不合规范（如“1、”“一.”“（一）、”）"),
        Code("DP212", "info", "序号使用半角括号（全文一致）"),
        Code("DP213", "warning", "标题下没有正文"),
        Code("DP214", "warning", "同级标题重复"),
        Code("DP215", "info", "标题层级超过四层"),
        # DP3xx in-paragraph enumerations 一是…二是… (GB/T 15834 B.3.7; validate.py)
        Code("DP301", "warning", "列举只有一项（有“一是”没有“二是”）"),
        Code("DP302", "warning", "列举不从“一是”开始"),
        Code("DP303", "warning", "列举序号跳号或重复"),
        Code("DP304", "warning", "同一列举混用不同序次语（如“一是”与“二要”）"),
        # DP4xx format: 发文字号, dates, title, 附件, 主送 (GB/T 9704; validate.py)
        Code("DP401", "error", "发文字号年份未用六角括号〔〕"),
        Code("DP402", "error", "发文字号年份不是四位"),
        Code("DP403", "warning", "发文字号序号前有“第”“字”或序号补零"),
        Code("DP404", "warning", "发文字号缺少“号”"),
        Code("DP405", "warning", "成文日期月、日补零"),
        Code("DP406", "warning", "成文日期使用汉字数字（2012年7月1日以前为提示）"),
        Code("DP407", "error", "成文日期不存在（如2月30日）"),
        Code("DP408", "warning", "成文日期用点、斜线或连字符分隔"),
        Code("DP409", "info", "汉字年份中的零写法不规范（应为“〇”）"),
        Code("DP410", "warning", "标题以标点结尾"),
        Code("DP411", "warning", "主送机关后的冒号不是全角“：”"),
        Code("DP412", "warning", "附件说明格式不规范"),
        Code("DP413", "info", "只有一个附件却标了序号"),
        Code("DP414", "info", "全文使用半角标点（多为网页转换所致）"),
        # DP5xx report-type profiles (profiles.py)
        Code("DP501", "warning", "法治政府建设年度报告缺少“主要举措和成效”部分"),
        Code("DP502", "warning",
             "法治政府建设年度报告缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分"),
        Code("DP503", "warning", "法治政府建设年度报告缺少“存在的不足和原因”部分"),
        Code("DP504", "warning", "法治政府建设年度报告缺少“下一年度主要安排”部分"),
        Code("DP505", "info", "法治政府建设年度报告没有“其他需要报告的情况”部分"),
        Code("DP506", "info", "规定内容只在正文中顺带提及，未单独成部分"),
        Code("DP507", "info", "“存在的不足”部分未说明原因"),
        Code("DP508", "warning", "法治政府建设年度报告晚于次年4月1日公开"),
        Code("DP509", "warning", "下一年度安排的年份与报告年度不符"),
        Code("DP511", "warning", "政府工作报告缺少称呼“各位代表：”"),
        Code("DP512", "warning", "政府工作报告缺少会议副标题（——某年某月某日在…会议上）"),
        Code("DP513", "warning", "政府工作报告缺少工作回顾部分"),
        Code("DP514", "warning", "政府工作报告缺少工作任务（安排、建议）部分"),
        # DP6xx metadata against the body (validate.py)
        Code("DP601", "warning", "网页元数据中的标题与正文标题不一致"),
        Code("DP602", "warning", "网页元数据中的成文日期与文末成文日期不一致"),
        Code("DP603", "warning", "发文字号年份与成文日期年份不符"),
        Code("DP604", "warning", "发布日期早于成文日期"),
        # DP9xx the checker itself
        Code("DP901", "info", "某项检查内部出错，已跳过"),
    )
}


def make(code: str, message: str, locator: Locator | None = None, start: int | None = None,
         end: int | None = None, *, hint: str | None = None, severity: Severity | None = None
         ) -> Diagnostic:
    """Build a diagnostic of a registered code, located when offsets are given."""
    registered = CODES[code]
    span = locator.span(start, end if end is not None else start) if locator and start is not None else None
    return Diagnostic(code=code, severity=severity or registered.severity, message=message, span=span,
                      hint=hint)
