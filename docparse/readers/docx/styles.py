"""Paragraph styles (styles.xml): the numbering and outline level a paragraph takes from its style
and the styles that style is based on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .wordml import W, integer, value

_HEADING_NAME = re.compile(r"(?:heading|标题)\s*[1-9]$", re.IGNORECASE)
"""Heading style names: Word's built-in ``heading 1`` … ``heading 9`` (stored in English whatever
the interface language) and the names Chinese Word and WPS give their own (``标题 1``)."""
BODY_LEVEL = 9
"""``w:outlineLvl`` 9 is body text; 0 … 8 are the outline's levels."""


@dataclass(frozen=True)
class StyleProperties:
    """What a paragraph style gives its paragraphs, its base styles' properties folded in."""

    num_id: str | None = None
    """The list instance (``w:numPr/w:numId``); ``"0"`` switches inherited numbering off."""
    level: int | None = None
    """The list level (``w:numPr/w:ilvl``)."""
    outline_level: int | None = None
    """``w:outlineLvl``: 0 … 8 for a heading of that level."""
    heading: bool = False
    """A heading style: by its outline level or its name."""


@dataclass(frozen=True)
class _Style:
    based_on: str | None
    name: str
    num_id: str | None
    level: int | None
    outline_level: int | None


class Styles:
    """The paragraph styles of a document, each read through its ``w:basedOn`` chain."""

    def __init__(self, root: Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.list_styles: dict[str, str] = {}
        """Numbering styles and the list instance each names (for ``w:numStyleLink``)."""
        self.default: str | None = None
        """The style of paragraphs that name none."""
        self._resolved: dict[str | None, StyleProperties] = {}
        if root is None:
            return
        for style in root.iter(W("style")):
            style_id = style.get(W("styleId"))
            if style_id is None:
                continue
            kind = style.get(W("type"), "paragraph")
            properties = style.find(W("pPr"))
            numbering = properties.find(W("numPr")) if properties is not None else None
            num_id = value(numbering.find(W("numId"))) if numbering is not None else None
            if kind == "numbering":
                if num_id is not None:
                    self.list_styles[style_id] = num_id
                continue
            if kind != "paragraph":
                continue
            if style.get(W("default")) in ("1", "true", "on") and self.default is None:
                self.default = style_id
            self._styles.setdefault(style_id, _Style(
                based_on=value(style.find(W("basedOn"))), name=value(style.find(W("name"))) or "",
                num_id=num_id, level=integer(numbering.find(W("ilvl"))) if numbering is not None else None,
                outline_level=integer(properties.find(W("outlineLvl"))) if properties is not None else None))

    def properties(self, style_id: str | None) -> StyleProperties:
        """The properties of paragraph style ``style_id`` (the default style when ``None`` or
        unknown), each from the nearest style of its chain that sets it."""
        if style_id not in self._styles:
            style_id = self.default
        if style_id in self._resolved:
            return self._resolved[style_id]
        num_id = level = outline_level = None
        heading = False
        seen: set[str] = set()
        current = style_id
        while current is not None and current not in seen and current in self._styles:
            seen.add(current)
            style = self._styles[current]
            num_id = num_id if num_id is not None else style.num_id
            level = level if level is not None else style.level
            outline_level = outline_level if outline_level is not None else style.outline_level
            heading = heading or bool(_HEADING_NAME.match(style.name.strip()))
            current = style.based_on
        if outline_level is not None and outline_level < BODY_LEVEL:
            heading = True
        resolved = StyleProperties(num_id, level, outline_level, heading)
        self._resolved[style_id] = resolved
        return resolved

    def numbered_style(self, style_id: str | None) -> str | None:
        """The style of the chain of ``style_id`` that holds its numbering (a list level may
        name it with ``w:pStyle``)."""
        if style_id not in self._styles:
            style_id = self.default
        seen: set[str] = set()
        current = style_id
        while current is not None and current not in seen and current in self._styles:
            seen.add(current)
            if self._styles[current].num_id is not None:
                return current
            current = self._styles[current].based_on
        return None
