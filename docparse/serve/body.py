"""Reading a request's input: an uploaded file (multipart ``file``) or a JSON body with ``text``.

The body is read piece by piece as it arrives and counted: past ``--max-bytes`` the request is
refused at once (413), and a ``Content-Length`` over the limit is refused before any of it is read.
An upload is kept in memory and never written to disk (Starlette's own form parser spools files
over 1 MB to a temporary file): the multipart stream is parsed here as it comes in, keeping the
bytes of the ``file`` part only. The file's name is kept as a label (its last component): nothing
the request names is ever opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PureWindowsPath

from pydantic import ValidationError
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from ..errors import InputError, LimitError, path_text
from .models import TextInput

FILE_FIELD = "file"
"""The multipart field that carries the upload."""


@dataclass(frozen=True)
class Upload:
    """The input of a request: its bytes, the name it was given, whether it came as JSON ``text``."""

    data: bytes
    name: str | None
    text: bool = False


class RequestError(InputError):
    """The request carries no input docparse can read (no ``file`` part, malformed JSON, a
    content type the service does not take): the input cannot be read (DP001), with the HTTP
    status that says why."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def too_large(max_bytes: int) -> LimitError:
    return LimitError(f"请求超过 {max_bytes} 字节的上限（服务的 --max-bytes）")


async def read_upload(request: Request, max_bytes: int) -> Upload:
    """The input of ``request``, read no further than ``max_bytes``.

    Raises:
        LimitError: the body is over ``max_bytes``.
        RequestError: not a multipart upload with one ``file`` part, nor JSON with ``text``.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(max_bytes)
    kind, options = parse_options_header(request.headers.get("content-type"))
    if kind == b"multipart/form-data":
        boundary = options.get(b"boundary")
        if not boundary:
            raise RequestError("multipart 请求缺少 boundary 参数")
        return await _read_multipart(request, boundary, max_bytes)
    if kind == b"application/json" or kind.endswith(b"+json"):
        return _text_input(await _read_all(request, max_bytes))
    raise RequestError("请求须为 multipart/form-data（文件放在 file 字段）或 application/json（text 字段）",
                       status=415)


async def _read_all(request: Request, max_bytes: int) -> bytes:
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > max_bytes:
            raise too_large(max_bytes)
    return bytes(body)


def _text_input(body: bytes) -> Upload:
    try:
        given = TextInput.model_validate_json(body)
    except ValidationError as error:
        fields = "、".join(str(e["loc"][0]) for e in error.errors() if e["loc"])
        if any(e["type"] == "json_invalid" for e in error.errors()):
            raise RequestError("请求体不是有效的 JSON") from None
        if any(e["type"] == "extra_forbidden" for e in error.errors()):
            raise RequestError(f"JSON 请求体只接受 text 和 filename 字段，不接受 {fields}"
                               "（选项请放在查询参数中，如 ?profile=gongwen）") from None
        wrong = f"（{fields} 有误）" if fields else ""
        raise RequestError(f"JSON 请求体须有字符串字段 text{wrong}") from None
    return Upload(given.text.encode("utf-8", errors="surrogatepass"), file_name(given.filename), text=True)


def file_name(given: str | None) -> str | None:
    """The last component of a file name given by a client (``C:\\a\\b.docx``, ``../b.docx`` →
    ``b.docx``), as text every output can hold; ``None`` for none or an empty one."""
    if not given:
        return None
    name = PureWindowsPath(given).name  # splits at both / and \
    return path_text(name) if name not in ("", ".", "..") else None


class _Parts:
    """The callbacks of a streaming multipart parser that keep the ``file`` part's bytes only."""

    def __init__(self) -> None:
        self.data: bytearray | None = None
        self.name: str | None = None
        self.ended = False
        self._header = b""
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""
        self._keep = False

    def on_part_begin(self) -> None:
        self._headers = {}
        self._keep = False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._field.lower()] = self._value
        self._field = self._value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition"))
        field = options.get(b"name", b"").decode("utf-8", "replace")
        if field != FILE_FIELD:
            raise RequestError(f"不接受表单字段“{field}”：文件放在 file 字段，选项放在查询参数中"
                               "（如 ?profile=gongwen）")
        if self.data is not None:
            raise RequestError("一个请求只能上传一个文件")
        self.data = bytearray()
        raw = options.get(b"filename")
        self.name = file_name(raw.decode("utf-8", "surrogateescape")) if raw else None
        self._keep = True

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._keep and self.data is not None:
            self.data += data[start:end]

    def on_end(self) -> None:
        self.ended = True


async def _read_multipart(request: Request, boundary: bytes, max_bytes: int) -> Upload:
    parts = _Parts()
    parser = MultipartParser(boundary, {
        "on_part_begin": parts.on_part_begin, "on_part_data": parts.on_part_data,
        "on_header_field": parts.on_header_field, "on_header_value": parts.on_header_value,
        "on_header_end": parts.on_header_end, "on_headers_finished": parts.on_headers_finished,
        "on_end": parts.on_end,
    })
    received = 0
    try:
        async for piece in request.stream():
            received += len(piece)
            if received > max_bytes:
                raise too_large(max_bytes)
            parser.write(piece)
        parser.finalize()
    except MultipartParseError:
        raise RequestError("multipart 请求体格式错误") from None
    if parts.data is None:
        raise RequestError("请求中没有 file 字段（curl -F file=@报告.docx）")
    if not parts.ended:
        raise RequestError("multipart 请求体不完整")
    return Upload(bytes(parts.data), parts.name)
