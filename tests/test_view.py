"""docparse view: one self-contained page per set of documents, an index over a folder; checked by
its HTML structure, and in a real headless Chromium where one is installed."""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.errors import EXIT_INPUT

from .browser import Browser, chromium
from .conftest import ROOT, SAMPLES

REAL_SHAPES = ROOT / "tests" / "fixtures" / "spec" / "real_shapes.txt"
INPUTS = [SAMPLES[0], SAMPLES[4], REAL_SHAPES]


class Page(HTMLParser):
    """What a test reads of a page: headings (id, text without the line number), links, marks,
    findings, every attribute that could load something, and every text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.headings: dict[str, str] = {}
        self.links: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.findings: list[str] = []
        self.loads: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self._heading: str | None = None
        self._in_line = False
        self._mark: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.add(tag)
        if re.fullmatch(r"h[1-6]", tag) and values.get("id"):
            self._heading = values["id"]
            self.headings[self._heading] = ""
        if tag == "span" and values.get("class") == "line":
            self._in_line = True
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "mark":
            self._mark = values.get("title") or ""
        if tag == "div" and "finding" in (values.get("class") or ""):
            self.findings.append(values.get("data-code") or "")
        for name in ("src", "srcset", "data", "action", "poster"):
            if values.get(name):
                self.loads.append(values[name] or "")
        if tag == "link":
            self.loads.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None
        if tag == "span":
            self._in_line = False

    def handle_data(self, data: str) -> None:
        if not self._in_line:  # the text without the line numbers beside it
            self.text.append(data)
        if self._heading and not self._in_line:
            self.headings[self._heading] += data
        if self._mark is not None:
            self.marks.append((data, self._mark))
            self._mark = None


def bare(text: str) -> str:
    """Text without its spaces (a title is read without the spaces of ``总　　则``)."""
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("view") / "report.html"
    assert main(["view", *map(str, INPUTS), "-o", str(out)]) == 0
    return out


def test_the_page_holds_every_section_finding_and_metric(report: Path) -> None:
    page = Page(report.read_text(encoding="utf-8"))
    docs = [docparse.parse_file(path) for path in INPUTS]
    sections = {f"d{n}-{s.id}": s for n, doc in enumerate(docs, 1) for s in doc.walk()}
    assert set(sections) <= set(page.headings)
    assert all(bare(section.title) in bare(page.headings[anchor]) for anchor, section in sections.items())
    anchors = {link[1:] for link in page.links if link.startswith("#")}
    assert set(page.headings) <= anchors  # every heading is in the outline …
    assert anchors - {f"d{i}" for i in range(1, 4)} <= set(page.headings)  # … and every entry leads to one
    findings = [f.code for doc in docs for f in docparse.validate(doc)]
    assert sorted(page.findings) == sorted(findings)
    assert all(link.startswith("docs/diagnostics.md#dp") for link in page.links if "diagnostics" in link)
    metrics = [m for doc in docs for m in doc.metrics()]
    assert len(page.marks) == len(metrics)
    first = metrics[0]
    assert (first.raw, True) == (page.marks[0][0], page.marks[0][1].startswith("数值："))


def test_the_page_shows_the_whole_text_and_loads_nothing(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    page = Page(html)
    assert page.loads == []
    style = html.split("</style>")[0].split("<style>")[1]
    assert not re.search(r"(?:https?:)?//|@import|url\(", style)
    assert "script" in page.tags and "style" in page.tags
    finding = r'<div class="finding[^>]*>(?:(?!<div).)*?(?:<div class="hint">.*?</div>)?</div>'
    without_findings = re.sub(finding, "", html, flags=re.S)
    shown = re.sub(r"\s+", "", "".join(Page(without_findings).text))
    for path in INPUTS:  # every line of the text is on the page
        doc = docparse.parse_file(path)
        for line in doc.text.splitlines():
            assert re.sub(r"\s+", "", line) in shown, line


def test_view_of_a_folder_writes_an_index_with_counts_and_a_page_per_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES[4], source / SAMPLES[4].name)
    shutil.copy(REAL_SHAPES, source / "sub" / REAL_SHAPES.name)
    (source / "empty.txt").write_text(" \n", encoding="utf-8")
    index = tmp_path / "site" / "index.html"
    assert main(["view", str(source), "-o", str(index)]) == EXIT_INPUT  # the empty file is an error …
    assert "DP002" in capsys.readouterr().err
    page = Page(index.read_text(encoding="utf-8"))
    assert sorted(page.links) == ["004_96091dc0ec9ac7c9.html", "sub/real_shapes.html"]  # … listed, no page
    text = "".join(page.text)
    doc = docparse.parse_file(REAL_SHAPES)
    assert str(sum(1 for _ in doc.walk())) in text and "DP002" in text
    assert (tmp_path / "site" / "sub" / "real_shapes.html").exists()


def png_is_blank(png: bytes) -> bool:
    """Whether a PNG is one colour (its rows of pixels hold next to no distinct bytes)."""
    position, data = 8, b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        if kind == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(data))) < 8


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    if executable is None:
        pytest.skip("没有 Chromium（Debian 包 chromium；.ci/run 会安装）")
    opened = Browser(executable)
    yield opened
    opened.close()


def test_in_a_real_browser_the_page_loads_shows_and_scrolls(report: Path, browser: Browser) -> None:
    browser.navigate(report.as_uri())
    errors = [e for e in browser.seen("Runtime.consoleAPICalled") if e["type"] in ("error", "assert")]
    errors += browser.seen("Runtime.exceptionThrown")
    errors += [e for e in browser.seen("Log.entryAdded") if e["entry"]["level"] == "error"]
    assert errors == []
    requests = [e["request"]["url"] for e in browser.seen("Network.requestWillBeSent")]
    assert requests == [report.as_uri()]  # nothing fetched but the page itself
    visible = dict(browser.evaluate("""[...document.querySelectorAll('main [id]')]
        .filter(h => h.getClientRects().length && getComputedStyle(h).visibility === 'visible')
        .map(h => [h.id, h.innerText])"""))
    for n, path in enumerate(INPUTS, 1):
        for section in docparse.parse_file(path).walk():
            assert bare(section.title) in bare(visible[f"d{n}-{section.id}"])
    assert not png_is_blank(browser.screenshot())
    doc = docparse.parse_file(INPUTS[-1])
    target = f"d3-{list(doc.walk())[1].id}"  # far below the top, with enough page below it
    box = browser.evaluate(f"""(() => {{ const link = document.querySelector('nav a[href="#{target}"]');
        link.scrollIntoView({{block: 'center'}}); const r = link.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2, window.scrollY]; }})()""")
    browser.click(box[0], box[1])
    top = browser.evaluate(f"""new Promise(done => setTimeout(() => done(
        [document.getElementById('{target}').getBoundingClientRect().top, window.scrollY]), 300))""")
    assert top[1] > box[2] and 0 <= top[0] < 50, top
    assert browser.evaluate("location.hash") == f"#{target}"
