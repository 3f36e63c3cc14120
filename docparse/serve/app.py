"""The application: endpoints, the API key, request ids, errors; the parsing itself is done by the
worker pool (docparse/serve/pool.py) with the renderers the command line uses."""

from __future__ import annotations

import hmac
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import DocparseError, LimitError, WorkerLostError
from ..models import Document
from ..renderers.chunks import Chunk
from .body import RequestError, read_upload
from .docs import docs_page
from .models import (
    ChunksOptions,
    Health,
    InputOptions,
    MarkdownOptions,
    MetricsOptions,
    OutlineOptions,
    ParseOptions,
    Problem,
    TextInput,
    ValidateOptions,
)
from .pool import JobTimeoutError, WorkerDiedError, WorkerPool
from .problems import INTERNAL, problem, status_of
from .worker import Crash, Job, Output, Refusal

log = logging.getLogger("docparse.serve")

MAX_BYTES = 50 * 1024 * 1024
"""The default request body limit (``--max-bytes``)."""
TIMEOUT = 60.0
"""The default time limit of one parse, in seconds (``--timeout``)."""
PUBLIC = frozenset({"/healthz"})
"""The paths served without the API key (a load balancer's health check has none)."""
UNAUTHORIZED = "缺少或错误的 API key（Authorization: Bearer KEY 或 X-API-Key: KEY）"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
"""An ``X-Request-ID`` sent by a proxy, kept when it looks like one (else a new one is made)."""


@dataclass(frozen=True)
class Settings:
    """What ``docparse serve`` is started with."""

    workers: int = 1
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    api_key: str | None = None


def create_app(settings: Settings) -> FastAPI:
    """The ASGI application for ``settings`` (its worker pool starts with the server)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = WorkerPool(settings.workers, settings.timeout)
        await pool.start()
        app.state.pool = pool
        log.info("docparse serve：%d 个解析进程就绪", settings.workers)
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(
        title="docparse", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="把中文政府报告、公文和法规解析为带源位置的结构化数据。每个 POST 接口接受上传的文件"
                    "（multipart/form-data 的 file 字段，docparse 能读的任何格式）或 JSON（text 字段），"
                    "选项放在查询参数中，与命令行相同。除 /healthz 外，设置了 API key 时每个请求都须带 "
                    "`Authorization: Bearer KEY` 或 `X-API-Key: KEY`。")
    app.add_middleware(Guard, api_key=settings.api_key)
    app.add_exception_handler(DocparseError, _docparse_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    _routes(app, settings)
    return app


class Guard:
    """The outermost layer of every request: gives it an id (``X-Request-ID`` on the response),
    checks the API key, and turns an exception nothing else caught into a 500 whose body names
    the request id only (the traceback goes to the server's log)."""

    def __init__(self, app: ASGIApp, api_key: str | None) -> None:
        self.app = app
        self.key = api_key.encode("utf-8") if api_key else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        if self.key is not None and scope["path"] not in PUBLIC and not self._authorized(scope):
            response = problem(401, "HTTP401", UNAUTHORIZED, request_id,
                               headers={"WWW-Authenticate": "Bearer"})
            await response(scope, receive, send_with_id)
            return
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("内部错误（请求 %s %s，编号 %s）", scope["method"], scope["path"], request_id)
            if not started:
                await _internal(request_id)(scope, receive, send_with_id)

    def _authorized(self, scope: Scope) -> bool:
        headers = dict(scope["headers"])
        bearer = headers.get(b"authorization", b"")
        given = bearer[7:].strip() if bearer[:7].lower() == b"bearer " else headers.get(b"x-api-key", b"")
        assert self.key is not None
        return hmac.compare_digest(given, self.key)


def _internal(request_id: str) -> JSONResponse:
    return problem(500, INTERNAL, f"内部错误，请把请求编号 {request_id} 和输入文件报告给服务的维护者",
                   request_id)


def _request_id(request: Request) -> str:
    return str(request.state.request_id)


async def _docparse_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, DocparseError)
    status = error.status if isinstance(error, RequestError) else status_of(error.code)
    headers = {"Connection": "close"} if status == 413 else None  # the rest of the body is not read
    return problem(status, error.code, error.message, _request_id(request), headers=headers)


async def _invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    reasons = "；".join(_reason(e) for e in error.errors())
    return problem(400, RequestError.code, f"请求参数无效：{reasons}", _request_id(request))


def _reason(error: Any) -> str:
    """One pydantic error about a query parameter, in Chinese."""
    name = ".".join(str(part) for part in error.get("loc", ())[1:]) or "参数"
    context = error.get("ctx") or {}
    reasons = {
        "int_parsing": "应为整数", "bool_parsing": "应为 true 或 false", "float_parsing": "应为数字",
        "greater_than_equal": f"应不小于 {context.get('ge')}", "extra_forbidden": "不是此接口的参数",
        "literal_error": f"应为 {context.get('expected')}", "value_error": str(context.get("error")),
        "missing": "缺失",
    }
    return f"{name} {reasons.get(error.get('type', ''), '取值无效')}"


_HTTP_MESSAGES = {404: "没有这个地址（接口列表见 /docs）", 405: "此地址不支持该请求方法"}


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    message = _HTTP_MESSAGES.get(error.status_code, str(error.detail))
    return problem(error.status_code, f"HTTP{error.status_code}", message, _request_id(request),
                   headers=dict(error.headers or {}))


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description} for status, description in (
        (400, "DP001：请求中没有可读的输入，或选项无效"), (401, "HTTP401：缺少或错误的 API key"),
        (413, "DP006：请求体超过 --max-bytes，或输入超过 max_size、max_depth"),
        (415, "DP003、DP008、DP012：不支持的格式（或请求体不是 multipart、JSON）"),
        (422, "DP002、DP004、DP005：空文件、无法解码、不是中文报告"),
        (500, "DP999：内部错误（服务端日志中按请求编号记录详情）；DP007：解析进程意外退出"),
        (504, "DP006：解析超过 --timeout 秒"))}
"""The error responses of every POST endpoint, for the OpenAPI description."""

INPUT_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "报告文件：纯文本（任何常见编码）、Markdown、HTML、Word、PDF、OFD…"}}}},
    "application/json": {"schema": TextInput.model_json_schema()},
}}}
"""The request body of every POST endpoint (read by :func:`docparse.serve.body.read_upload`, not by
FastAPI: an upload stays in memory and the size limit holds while it is read)."""


def _outputs(model: type[Any] | None, description: str, *others: str) -> dict[int | str, dict[str, Any]]:
    """The 200 response (``model`` as the default media type's schema, ``others`` by name) and the errors."""
    success: dict[str, Any] = {"description": description}
    if model is not None:
        success["model"] = model
    if others:
        success["content"] = {media_type: {} for media_type in others}
    return {200: success, **ERRORS}


class JsonOutput(Response):
    media_type = "application/json"


class JsonLinesOutput(Response):
    media_type = "application/jsonl"


class MarkdownOutput(Response):
    media_type = "text/markdown; charset=utf-8"


def _routes(app: FastAPI, settings: Settings) -> None:
    async def run(request: Request, action: str, options: InputOptions) -> Response:
        upload = await read_upload(request, settings.max_bytes)
        own = options.model_dump(exclude=set(InputOptions.model_fields))
        job = Job(action, upload.data, upload.name, encoding="utf-8" if upload.text else options.encoding,
                  format_in=options.format_in, max_size=options.max_size, max_depth=options.max_depth,
                  options=own)
        del upload
        request_id = _request_id(request)
        pool: WorkerPool = request.app.state.pool
        try:
            result = await pool.run(job)
        except JobTimeoutError:
            log.warning("解析超过 %s 秒，已终止该解析进程（请求 %s）", settings.timeout, request_id)
            return problem(504, LimitError.code, f"解析超过 {settings.timeout:g} 秒的时限，已中止"
                           "（服务的 --timeout）", request_id, file=job.name)
        except WorkerDiedError:
            log.error("解析进程意外退出（请求 %s）", request_id)
            return problem(500, WorkerLostError.code, "解析此文件的进程意外退出（内存不足或被终止）",
                           request_id, file=job.name)
        if isinstance(result, Output):
            return Response(result.body, media_type=result.media_type)
        if isinstance(result, Refusal):
            return problem(status_of(result.code), result.code, result.message, request_id, file=job.name)
        assert isinstance(result, Crash)
        log.error("内部错误（请求 %s %s，编号 %s）\n%s", request.method, request.url.path, request_id,
                  result.traceback.rstrip())
        return _internal(request_id)

    @app.post("/v1/parse", summary="解析为文档树 JSON（与 docparse parse 相同）", response_class=JsonOutput,
              openapi_extra=INPUT_BODY, responses=_outputs(Document, "Document JSON"))
    async def parse(request: Request, options: Annotated[ParseOptions, Query()]) -> Response:
        return await run(request, "parse", options)

    @app.post("/v1/markdown", summary="转为 Markdown（docparse parse --format markdown）",
              response_class=MarkdownOutput, openapi_extra=INPUT_BODY,
              responses=_outputs(None, "标题、章节、段落和表格的 Markdown"))
    async def markdown(request: Request, options: Annotated[MarkdownOptions, Query()]) -> Response:
        return await run(request, "markdown", options)

    @app.post("/v1/outline", summary="标题层级（docparse outline）", response_class=JsonLinesOutput,
              openapi_extra=INPUT_BODY,
              responses=_outputs(None, "每个标题一行 JSON（format=text：文本树）", "text/plain"))
    async def outline(request: Request, options: Annotated[OutlineOptions, Query()]) -> Response:
        return await run(request, "outline", options)

    @app.post("/v1/metrics", summary="数量指标（docparse metrics）", response_class=JsonOutput,
              openapi_extra=INPUT_BODY,
              responses=_outputs(None, "每个指标一行（JSON 数组，或 JSON Lines、CSV）", "application/jsonl",
                                 "text/csv"))
    async def metrics(request: Request, options: Annotated[MetricsOptions, Query()]) -> Response:
        return await run(request, "metrics", options)

    @app.post("/v1/validate", summary="检查结构与格式（docparse validate）", response_class=JsonOutput,
              openapi_extra=INPUT_BODY,
              responses=_outputs(None, "检查结果（JSON，或 SARIF 2.1.0、文本行）", "application/sarif+json",
                                 "text/plain"))
    async def validate(request: Request, options: Annotated[ValidateOptions, Query()]) -> Response:
        return await run(request, "validate", options)

    @app.post("/v1/chunks", summary="检索用文本块（docparse chunks）", response_class=JsonLinesOutput,
              openapi_extra=INPUT_BODY, responses=_outputs(Chunk, "JSON Lines：每行一个 Chunk"))
    async def chunks(request: Request, options: Annotated[ChunksOptions, Query()]) -> Response:
        return await run(request, "chunks", options)

    @app.get("/healthz", summary="服务状态（不需要 API key）")
    async def healthz(request: Request) -> Health:
        pool: WorkerPool = request.app.state.pool
        return Health(status="ok" if pool.workers == pool.size else "degraded", version=__version__,
                      workers=pool.workers, busy=pool.busy, waiting=pool.waiting, replaced=pool.replaced)

    schema_bytes: list[bytes] = []

    @app.get("/v1/schema", summary="文档树的 JSON Schema（docparse schema）", response_class=JsonOutput,
             responses={200: {"description": "JSON Schema (draft 2020-12)"}, 401: ERRORS[401]})
    async def schema() -> Response:
        if not schema_bytes:
            from ..api import json_schema

            text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
            schema_bytes.append(text.encode("utf-8"))
        return Response(schema_bytes[0], media_type="application/json")

    @app.get("/docs", summary="接口说明（本页，不加载任何外部资源）", response_class=HTMLResponse)
    async def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))

