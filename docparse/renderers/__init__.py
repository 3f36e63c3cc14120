"""Outputs: one renderer per format, all behind :class:`Renderer`.

A renderer turns what it renders (a Document, metric rows, validation findings, an outline) into
bytes, in pieces. The command line, the batch runner and any other caller (a web service) use the
same renderers, so every way of asking for an output gives the same bytes.

=================  =====================================================================
module             formats
=================  =====================================================================
``document``       a Document as JSON (streamed section by section) and as JSON Lines
``outline``        the heading tree as text and as JSON Lines
``metrics``        metric rows as CSV (UTF-8 with a BOM), JSON and JSON Lines
``findings``       validation findings as text lines, JSON and SARIF 2.1.0
``parquet``        the four tables (documents, sections, claims, metrics) as Parquet
=================  =====================================================================

A new format is a new module with a subclass of :class:`Renderer`; a family of formats that a
command offers by ``--format`` lists its renderers in the module's ``RENDERERS``. The modules
import the models only where they render, so that the command line can list the formats without
loading the parser.
"""

from __future__ import annotations

from .base import Renderer

__all__ = ["Renderer"]
