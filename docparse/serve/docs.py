"""``GET /docs``: the endpoints, their options and a ``curl`` line each, as one self-contained HTML page
written from the OpenAPI description.

FastAPI's own /docs page loads Swagger UI's script and styles from a CDN: a service on a network
without internet access would show a blank page, and every visit would tell the CDN who reads the
documentation. This page loads nothing: no script, no style sheet, no font; ``/openapi.json`` is
linked for tools (Swagger UI, Postman, client generators) that read it themselves.
"""

from __future__ import annotations

from html import escape
from typing import Any

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5 }
code, pre { font-family: ui-monospace, monospace; background: #f4f4f4 }
pre { padding: .5rem; overflow-x: auto }
table { border-collapse: collapse; margin: .5rem 0 }
td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top }
h2 { margin-top: 2rem; border-top: 1px solid #ccc; padding-top: 1rem }
"""


def docs_page(openapi: dict[str, Any]) -> str:
    """The HTML page for the OpenAPI description ``openapi``."""
    info = openapi.get("info", {})
    parts = [
        "<!doctype html>", '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{escape(info.get('title', ''))} {escape(info.get('version', ''))}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(info.get('title', ''))} {escape(info.get('version', ''))}</h1>",
        f"<p>{escape(info.get('description', ''))}</p>",
        '<p>机器可读的接口描述：<a href="openapi.json">/openapi.json</a>（OpenAPI 3，可导入 Swagger UI、'
        "Postman 或客户端生成工具）。</p>",
    ]
    for path, methods in openapi.get("paths", {}).items():
        for method, operation in methods.items():
            parts.extend(_operation(openapi, path, method, operation))
    parts.append("</body></html>")
    return "\n".join(parts)


def _operation(openapi: dict[str, Any], path: str, method: str, operation: dict[str, Any]) -> list[str]:
    parts = [f"<h2><code>{method.upper()} {escape(path)}</code></h2>",
             f"<p>{escape(operation.get('summary', ''))}</p>"]
    parameters = operation.get("parameters", [])
    if parameters:
        parts.append("<table><tr><th>查询参数</th><th>类型</th><th>默认</th><th>说明</th></tr>")
        for parameter in parameters:
            schema = _resolve(openapi, parameter.get("schema", {}))
            description = parameter.get("description", schema.get("description", ""))
            parts.append(f"<tr><td><code>{escape(parameter['name'])}</code></td>"
                         f"<td>{escape(_type(schema))}</td>"
                         f"<td>{escape(str(schema.get('default', '')))}</td>"
                         f"<td>{escape(description)}</td></tr>")
        parts.append("</table>")
    responses = operation.get("responses", {})
    if responses:
        parts.append("<table><tr><th>状态</th><th>内容</th></tr>")
        for status, response in responses.items():
            media = "、".join(response.get("content", {}))
            parts.append(f"<tr><td>{escape(str(status))}</td>"
                         f"<td>{escape(response.get('description', ''))}"
                         f"{f' <code>{escape(media)}</code>' if media else ''}</td></tr>")
        parts.append("</table>")
    parts.append(f"<pre>{escape(_curl(path, method, 'requestBody' in operation))}</pre>")
    return parts


def _curl(path: str, method: str, takes_input: bool) -> str:
    if not takes_input:
        return f"curl http://127.0.0.1:8000{path}"
    return (f"curl -H \"Authorization: Bearer $DOCPARSE_API_KEY\" -F file=@报告.docx "
            f"http://127.0.0.1:8000{path}\n"
            f"curl -H \"Authorization: Bearer $DOCPARSE_API_KEY\" -H 'Content-Type: application/json' "
            f"-d '{{\"text\": \"关于2023年工作的报告\\n一、主要工作\\n……\"}}' http://127.0.0.1:8000{path}")


def _resolve(openapi: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    reference = schema.get("$ref", "")
    if reference.startswith("#/components/schemas/"):
        found: dict[str, Any] = openapi.get("components", {}).get("schemas", {}).get(
            reference.rsplit("/", 1)[1], {})
        return found
    return schema


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type(option) for option in schema["anyOf"])
    return str(schema.get("type", ""))
