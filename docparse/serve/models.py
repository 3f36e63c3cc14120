"""The service's own Pydantic models: the options of each endpoint (query parameters), the JSON
input, the error body and the health report. ``/openapi.json`` is generated from them and from the
Document and Chunk models of the library."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import MAX_CHARS, MAX_DEPTH
from ..models import Severity
from ..renderers.findings import RENDERERS as FINDINGS
from ..renderers.metrics import RENDERERS as METRICS
from ..renderers.outline import RENDERERS as OUTLINES


class TextInput(BaseModel):
    """A JSON body: the report's text, and optionally a file name for it (which names the input in
    the outputs and gives the extension the reader is chosen by when the content does not tell)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="报告全文（纯文本或 Markdown）")
    filename: str | None = Field(None, description="文件名：文档的 source.path，标题、指标和检查结果中的"
                                                   "文件名；内容不能判断格式时按其扩展名选择读取方式")


class Problem(BaseModel):
    """The body of every error response."""

    code: str = Field(description="与命令行对同一输入给出的代码相同（DP001…）；DP999 为内部错误；"
                                  "HTTP401、HTTP404、HTTP405 为缺少 API key、没有这个地址或方法")
    message: str = Field(description="中文说明，与命令行相同")
    file: str | None = Field(None, description="上传文件的文件名（如有）")
    request_id: str = Field(description="请求编号（响应头 X-Request-ID）；"
                                        "内部错误的详情按此编号记在服务端日志中")


class Health(BaseModel):
    """``GET /healthz``: the service answers, and how busy its workers are."""

    status: str = Field(description="ok；degraded：有解析进程正在替换，少于 --workers")
    version: str
    workers: int = Field(description="就绪或忙碌的解析进程数")
    busy: int = Field(description="正在解析的进程数")
    waiting: int = Field(description="等待空闲进程的请求数")
    replaced: int = Field(description="启动以来因超时或意外退出而替换的进程数")


def _one_of(value: str, names: Any, what: str) -> str:
    if value not in names:
        raise ValueError(f"未知的{what}“{value}”，可选：{'、'.join(names)}")
    return value


class InputOptions(BaseModel):
    """How to read the input: the options of every command that reads reports (query parameters;
    the descriptions are the command line's help)."""

    model_config = ConfigDict(extra="forbid")

    encoding: str | None = Field(None, description="强制使用的编码（默认自动识别：UTF-8、GB18030、Big5、"
                                                   "UTF-16…）；JSON 的 text 总是 UTF-8")
    format_in: str | None = Field(None, description="指定输入格式，如 text、markdown、html、docx"
                                                    "（默认按内容识别，再看文件名的扩展名）")
    max_size: int = Field(MAX_CHARS, ge=1, description="输入字符数上限（超过其 4 倍字节的文件不读即拒）")
    max_depth: int = Field(MAX_DEPTH, ge=1, description="章节嵌套层数上限")


class ParseOptions(InputOptions):
    indent: int = Field(2, ge=0, description="JSON 缩进（0 表示紧凑，一行）")
    no_text: bool = Field(False, description="输出中不含全文 text 字段（跨度仍指向原文）")


class MarkdownOptions(InputOptions):
    pass


class OutlineOptions(InputOptions):
    format: str = Field("jsonl", json_schema_extra={"enum": list(OUTLINES)},
                        description="jsonl：每个标题一行 JSON（docparse outline --json）；text：文本树")

    @field_validator("format")
    @classmethod
    def _known(cls, value: str) -> str:
        return _one_of(value, OUTLINES, "格式")


class MetricsOptions(InputOptions):
    format: str = Field("json", json_schema_extra={"enum": list(METRICS)},
                        description="json（数组）、jsonl 或 csv（UTF-8 带 BOM）")

    @field_validator("format")
    @classmethod
    def _known(cls, value: str) -> str:
        return _one_of(value, METRICS, "格式")


class ValidateOptions(InputOptions):
    profile: str = Field("auto", description="检查配置：auto（按标题识别）、gongwen（通用公文）、"
                                             "fzzf/fazhi_annual（法治政府建设年度报告）、"
                                             "gzbg/gov_work_report（政府工作报告）")
    format: str = Field("json", json_schema_extra={"enum": list(FINDINGS)},
                        description="json、sarif（SARIF 2.1.0）或 text（path:line:col: 代码 级别: 说明）")
    min_severity: Severity = Field("warning", description="只输出不低于此级别的结果")

    @field_validator("format")
    @classmethod
    def _known(cls, value: str) -> str:
        return _one_of(value, FINDINGS, "格式")

    @field_validator("profile")
    @classmethod
    def _profile(cls, value: str) -> str:
        from ..validate.profiles import names

        return _one_of(value, names(), "检查配置")


class ChunksOptions(InputOptions):
    max_chars: int = Field(500, ge=1, description="每块最多字符数")
    overlap: int = Field(0, ge=0, description="与上一块重叠的字符数（按整句计），小于 max_chars")

    @model_validator(mode="after")
    def _overlap_below_limit(self) -> ChunksOptions:
        if self.overlap >= self.max_chars:
            raise ValueError("overlap 应小于 max_chars")
        return self
