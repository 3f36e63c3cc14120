"""Bad and outsized input in the web page, Word and Markdown formats: a clear error naming the file
or the right output, time in proportion to the size, and in a batch every good file converted
beside the bad ones.
"""

from __future__ import annotations

import csv
import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.readers.html import HtmlReader

FIXTURES = Path(__file__).parent / "fixtures"
NDRC = FIXTURES / "html" / "ndrc_notice_051.html"
GOV_CN = FIXTURES / "html" / "gov_cn_gbk_metadata_table.html"
SYLLABUS = FIXTURES / "docx" / "other-001.docx"
LAW = FIXTURES / "markdown" / "legal_aid_law.md"


def _page_of(size: int) -> tuple[bytes, int]:
    """notice-051 with its body repeated up to about ``size`` bytes (a long page of <span>s and
    <br />s), and how many copies of the body it holds."""
    page = NDRC.read_text(encoding="utf-8")
    start = page.index("<span>各省")
    end = page.index('<div align="center"><span>国家发')
    body = page[start:end]
    copies = max(1, (size - len(page.encode())) // len(body.encode()))
    return (page[:start] + body * copies + page[end:]).encode("utf-8"), copies


def test_a_50_mb_page_is_read_whole_in_time_in_proportion_to_its_size() -> None:
    reader = HtmlReader()
    (small, small_copies), (large, large_copies) = _page_of(5_000_000), _page_of(50_000_000)
    assert len(large) >= 49_000_000
    reader.read(small)
    started = time.process_time()
    small_text = reader.read(small).text
    small_seconds = time.process_time() - started
    started = time.process_time()
    large_text = reader.read(large).text
    large_seconds = time.process_time() - started
    assert large_seconds < 10 * 2.5 * small_seconds, f"{small_seconds:.2f}s → {large_seconds:.2f}s for ×10"
    addressee = "各省、自治区、直辖市"  # the first line of the body: once a copy
    assert small_text.count(addressee) == small_copies and large_text.count(addressee) == large_copies
    assert large_text.rsplit("\n", 1)[-1] == small_text.rsplit("\n", 1)[-1]  # the page's end, after them


def _not_word(path: Path) -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(stream.getvalue())


def test_a_batch_of_pages_and_word_files_converts_every_good_one_and_names_each_bad_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(NDRC, inputs / "notice.html")
    shutil.copy(SYLLABUS, inputs / "syllabus.DOCX")
    shutil.copy(LAW, inputs / "law.md")
    declaration = b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
    undeclared = GOV_CN.read_bytes().replace(declaration, b"")
    assert declaration not in undeclared
    (inputs / "gbk_no_charset.htm").write_bytes(undeclared)  # GBK bytes, no charset anywhere
    data = SYLLABUS.read_bytes()
    (inputs / "cut.docx").write_bytes(data[:len(data) // 2])
    _not_word(inputs / "book.docx")
    (inputs / "empty.html").write_bytes(b"<!DOCTYPE html><html><head><title> </title></head><body>"
                                        b"<script>var a = 1;</script><div>  </div></body></html>")
    out = tmp_path / "out"
    assert main(["convert", str(inputs), "--out", str(out)]) == 3
    assert sorted(path.name for path in out.glob("*.json")) == [
        "gbk_no_charset.json", "law.json", "notice.json", "syllabus.json"]
    with open(out / "errors.csv", encoding="utf-8", newline="") as handle:
        errors = sorted((Path(row["path"]).name, row["code"]) for row in csv.DictReader(handle))
    assert errors == [("book.docx", "DP003"), ("cut.docx", "DP003"), ("empty.html", "DP002")]
    summary = capsys.readouterr().err
    assert "完成：7 个文件" in summary and "错误 3 个" in summary
    gbk = docparse.from_json((out / "gbk_no_charset.json").read_text(encoding="utf-8"))
    assert gbk.source.encoding == "gb18030" and gbk.metadata.doc_number == "国发〔2018〕43号"
    assert gbk.text == docparse.parse_file(GOV_CN).text
    syllabus = docparse.from_json((out / "syllabus.json").read_text(encoding="utf-8"))
    assert syllabus.source.format == "docx" and syllabus.text == docparse.parse_file(SYLLABUS).text
