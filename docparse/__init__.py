"""docparse: Chinese government reports and regulations → a typed tree with exact source spans.

The public names are loaded on first use (PEP 562): ``import docparse`` stays cheap for a CLI
that only prints help and for worker processes, while ``docparse.parse`` and friends import the
pipeline (pydantic models, lark) the first time they are touched.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import from_json, json_schema, parse, parse_bytes, parse_file, to_json
    from .errors import DocparseError
    from .ids import document_id
    from .loader import load
    from .models import (
        SCHEMA_VERSION,
        Claim,
        Closing,
        Diagnostic,
        Document,
        EnumItem,
        Furniture,
        Marker,
        Metadata,
        Metric,
        Paragraph,
        Section,
        SourceAnchor,
        SourceInfo,
        Span,
        Table,
        TableCell,
    )
    from .renderers.chunks import Chunk, chunks
    from .renderers.markdown import to_markdown

# Not lazy: the package docparse.validate shares the function's name, and importing a package binds
# it on its parent. Bound here, at once, the package is loaded (a few lines, importing nothing of
# the parser) before anything else can import it, and ``docparse.validate`` stays the function.
from .validate import validate

__version__ = "0.1.0"

_LAZY = {
    **dict.fromkeys(("from_json", "json_schema", "parse", "parse_bytes", "parse_file", "to_json"), "api"),
    "DocparseError": "errors",
    "document_id": "ids",
    "load": "loader",
    **dict.fromkeys(("Chunk", "chunks"), "renderers.chunks"),
    "to_markdown": "renderers.markdown",
    **dict.fromkeys(("SCHEMA_VERSION", "Claim", "Closing", "Diagnostic", "Document", "EnumItem", "Furniture",
                     "Marker", "Metadata", "Metric", "Paragraph", "Section", "SourceAnchor", "SourceInfo",
                     "Span", "Table", "TableCell"), "models"),
}

__all__ = [
    "SCHEMA_VERSION",
    "Chunk",
    "Claim",
    "Closing",
    "Diagnostic",
    "DocparseError",
    "Document",
    "EnumItem",
    "Furniture",
    "Marker",
    "Metadata",
    "Metric",
    "Paragraph",
    "Section",
    "SourceAnchor",
    "SourceInfo",
    "Span",
    "Table",
    "TableCell",
    "__version__",
    "chunks",
    "document_id",
    "from_json",
    "json_schema",
    "load",
    "parse",
    "parse_bytes",
    "parse_file",
    "to_json",
    "to_markdown",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'docparse' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
