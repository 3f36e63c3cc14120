"""The title docparse finds in each corpus document beside the manifest's title.

    python benchmarks/titles.py            # the documents whose titles differ, and the counts
    python benchmarks/titles.py --all      # every document

Every document of ../shared/corpus/manifest.jsonl in its original form (the text renderings made for
the gold are left out). The manifest's title is a cataloguer's: it often adds the 发文字号 or a note
in brackets (``（仅印发通知）``), or an issuer the text does not write. Both titles are compared
folded, without spaces, Markdown marks, 书名号 and quotation marks, and with one dash; a verdict:

- ``same``: the titles agree once the manifest's trailing brackets and ``——`` notes are left out;
- ``shorter``: docparse's title is part of the manifest's (an issuer or year the text does not write);
- ``none``: docparse finds no title, and the manifest says the text has none (shape ``no-title``);
- ``differs``: anything else, to be read by hand: the manifest's own wording or a real miss.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import docparse
from docparse.errors import DocparseError
from docparse.normalize import fold

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
_DASHES = str.maketrans("—–―", "---")
_IGNORED = re.compile(r"[\s#*《》“”\"〈〉<>]")


def comparable(title: str) -> str:
    """A title in the form the two are compared in."""
    return _IGNORED.sub("", fold(title).translate(_DASHES))


def without_notes(manifest: str, found: str) -> str:
    """The manifest's title less the brackets and ``--`` notes it ends with that ``found`` lacks."""
    while manifest != found:
        if manifest.endswith(")") and not found.endswith(manifest[manifest.rfind("("):]):
            depth, index = 0, len(manifest) - 1
            while index > 0:
                depth += (manifest[index] == ")") - (manifest[index] == "(")
                if depth == 0:
                    break
                index -= 1
            if index <= 0:
                break
            manifest = manifest[:index]
        elif manifest.find("--") > 0 and "--" not in found:
            manifest = manifest[:manifest.find("--")]
        else:
            break
    return manifest


def verdict(manifest: dict[str, object], title: str | None) -> str:
    if title is None:
        return "none" if "no-title" in manifest.get("shape", []) else "differs"  # type: ignore[operator]
    found, stated = comparable(title), comparable(str(manifest["title"]))
    if found == without_notes(stated, found):
        return "same"
    return "shorter" if found in stated else "differs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every document, not only differences")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    for row in (args.corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        manifest = json.loads(row)
        if manifest.get("kind") == "rendering":
            continue
        try:
            doc = docparse.parse_file(args.corpus / manifest["path"])
            title = doc.title.text if doc.title else None
        except DocparseError as error:
            title = None
            print(f"{manifest['id']}: {error}")
        kind = verdict(manifest, title)
        counts[kind] += 1
        if args.all or kind != "same":
            print(f"{kind:8} {manifest['id']}")
            print(f"         manifest: {manifest['title']}\n         docparse: {title}")
    agreeing = counts["same"] + counts["shorter"] + counts["none"]
    print(f"{sum(counts.values())} documents: {agreeing} agree ({counts['same']} same, "
          f"{counts['shorter']} shorter, {counts['none']} none), {counts['differs']} differ")


if __name__ == "__main__":
    main()
