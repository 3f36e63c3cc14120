"""docparse: Chinese government reports and regulations → a typed tree with exact source spans."""

from __future__ import annotations

from .api import json_schema, parse, parse_bytes, parse_file, to_json
from .errors import DocparseError
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
    SourceInfo,
    Span,
)
from .validate import validate

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
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
    "SourceInfo",
    "Span",
    "__version__",
    "json_schema",
    "parse",
    "parse_bytes",
    "parse_file",
    "to_json",
    "validate",
]
