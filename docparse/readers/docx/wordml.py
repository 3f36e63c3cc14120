"""WordprocessingML names and the few ways its attributes are written."""

from __future__ import annotations

from xml.etree.ElementTree import Element

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_NAMESPACES = ((b"http://purl.oclc.org/ooxml/wordprocessingml/main", WORD_NS.encode()),
                     (b"http://purl.oclc.org/ooxml/officeDocument/relationships", RELATIONSHIPS_NS.encode()))
"""ISO 29500 Strict writes the same markup in other namespaces: read as the usual (Transitional) ones."""


def W(name: str) -> str:  # noqa: N802 - reads as the w: prefix of the markup
    """The qualified name of ``w:name`` as ElementTree writes it."""
    return f"{{{WORD_NS}}}{name}"


VAL = W("val")
R_ID = f"{{{RELATIONSHIPS_NS}}}id"


def value(element: Element | None, name: str = VAL) -> str | None:
    """An attribute (``w:val`` unless named) of an element that may be missing."""
    return None if element is None else element.get(name)


def integer(element: Element | None, name: str = VAL) -> int | None:
    """A whole-number attribute; ``None`` when missing or not a number (Word ignores such values)."""
    text = value(element, name)
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def flag(element: Element | None) -> bool:
    """An on/off property (``<w:vanish/>``, ``<w:isLgl w:val="0"/>``): on when present unless
    its value says off."""
    return element is not None and element.get(VAL, "true") not in ("0", "false", "off")
