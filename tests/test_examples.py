"""The examples of each input format (examples/README.md) read as their format, with the outline the
same document gives as text."""

from __future__ import annotations

from pathlib import Path

import docparse

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _outline(doc: docparse.Document) -> list[tuple[int, str]]:
    return [(section.level, section.title) for section in doc.walk()]


def test_the_word_example_gives_the_outline_of_its_text_from_automatic_numbering() -> None:
    as_text = docparse.parse_file(EXAMPLES / "001_efdfc4879b8da8ba.txt")
    as_word = docparse.parse_file(EXAMPLES / "001_efdfc4879b8da8ba_word.docx")
    assert as_word.source.format == "docx"
    assert _outline(as_word) == _outline(as_text) and len(_outline(as_text)) == 11
    assert [s.marker.raw for s in as_word.walk()][:2] == ["一、", "（一）"]  # Word's labels, in the text
    assert as_word.title is not None and as_text.title is not None
    assert as_word.title.text == as_text.title.text


def test_every_example_is_read_as_its_format() -> None:
    formats = {".txt": "text", ".docx": "docx", ".doc": "doc", ".html": "html", ".pdf": "pdf", ".ofd": "ofd"}
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in formats:
            doc = docparse.parse_file(path)
            assert doc.source.format == formats[path.suffix], path.name
            assert doc.title is not None and (doc.sections or doc.preamble), path.name
