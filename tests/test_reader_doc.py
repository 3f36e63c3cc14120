"""Word 97–2003 .doc: real files from ../shared/corpus (a notice and a table of positions), read from
the binary format and, where LibreOffice is installed, through its conversion to .docx."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.errors import BinaryInputError, MissingExtraError
from docparse.readers import choose, doc
from docparse.readers.doc import DocReader, convert_with_libreoffice, libreoffice, read_binary

from .conftest import FIXTURES

NOTICE = FIXTURES / "doc" / "notice-002.doc"
"""上饶市2019年度考录人民警察体能测评通知: 一、 parts holding 1、 items, typed (no automatic numbering)."""
TABLE = FIXTURES / "doc" / "other-007.doc"
"""关于取消部分职位录用计划的说明: a table of four positions under a heading row."""

needs_libreoffice = pytest.mark.skipif(libreoffice() is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture
def binary_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read .doc files from their binary format even where LibreOffice is installed."""
    monkeypatch.setattr(doc, "libreoffice", lambda: None)


def _outline(document: docparse.Document) -> list[tuple[int, str, str]]:
    return [(section.level, section.marker.raw, section.title) for section in document.walk()]


def test_doc_files_are_chosen_by_content_whatever_their_name() -> None:
    data = NOTICE.read_bytes()
    assert choose(data, path="通知.txt").name == "doc"
    assert choose(data).name == "doc"
    assert not DocReader().sniff(b"PK\x03\x04") and not DocReader().sniff("一、总则".encode())


@pytest.mark.usefixtures("binary_only")
def test_the_binary_format_gives_the_text_as_the_author_typed_it() -> None:
    reading = read_binary(NOTICE.read_bytes(), path=str(NOTICE))
    lines = [line for line in reading.text.splitlines() if line.strip()]
    assert lines[:4] == ["上饶市2019年度考录人民警察体能测评通知",
                         "根据考务工作的安排，2019年度上饶市录用人民警察体能测试的具体安排如下：",
                         "一、体能测试的时间和地点",
                         "1、时间：2019年7月12日，上午7:30"]
    assert lines[-2:] == ["上饶市公安局政治部", "2019年7月3日"]
    # automatic numbering is not in the binary format's text: the reading says it is not sure
    assert reading.confidence < 1.0
    assert reading.anchors[0].where == "p[1]"
    assert reading.text[reading.anchors[0].start:reading.anchors[0].end] == lines[0]


@pytest.mark.usefixtures("binary_only")
def test_the_outline_of_a_doc_is_that_of_its_text() -> None:
    document = docparse.parse_file(NOTICE)
    assert document.source.format == "doc"
    assert document.title is not None and document.title.text == "上饶市2019年度考录人民警察体能测评通知"
    as_text = docparse.parse(document.text)
    assert _outline(document) == _outline(as_text) == [
        (1, "一、", "体能测试的时间和地点"), (2, "1、", "时间"), (2, "2、", "地点"),
        (1, "二、", "领取体能测试准考证的时间和地点"), (2, "1、", "时间"), (2, "2、", "地点"),
        (2, "3、", "须提供本人的笔试、面试准考证、身份证、面试准考证同底1寸免冠照片")]
    located = document.locate(document.text.index("二、领取"))
    assert located is not None and located.where.startswith("p[")


@pytest.mark.usefixtures("binary_only")
def test_table_rows_are_lines_of_tab_separated_cells() -> None:
    reading = read_binary(TABLE.read_bytes(), path=str(TABLE))
    assert "序号\t部门名称\t职位代码\t原录用计划数\n1\t靖安县罗湾乡政府\t2202400050049\t1\n" in reading.text
    (table,) = reading.tables
    assert len(table.rows) == 5
    assert [reading.text[start:end] for start, end in table.rows[4]] == ["4", "上高县野市乡政府",
                                                                          "2202700050019", "1"]
    cell = next(anchor for anchor in reading.anchors if anchor.where == "table[1]/tr[5]/tc[2]")
    assert reading.text[cell.start:cell.end] == "上高县野市乡政府"


def _not_word(data: bytes) -> bytes:
    """The compound file with its WordDocument stream renamed Workbook, as in an Excel file."""
    changed = bytearray(data)
    entry = changed.find("WordDocument\0".encode("utf-16-le"))
    name = "Workbook\0".encode("utf-16-le")
    changed[entry:entry + 64] = name.ljust(64, b"\0")
    changed[entry + 64:entry + 66] = len(name).to_bytes(2, "little")
    return bytes(changed)


def test_a_compound_file_that_is_not_word_is_refused_naming_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "名单.xls"
    sheet.write_bytes(_not_word(NOTICE.read_bytes()))
    with pytest.raises(BinaryInputError, match="不是 Word 文档") as caught:
        docparse.parse_file(sheet)
    assert caught.value.code == "DP003" and caught.value.path == str(sheet)
    assert main(["outline", str(sheet)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DP003" in err and "名单.xls" in err


@pytest.mark.usefixtures("binary_only")
def test_a_truncated_doc_is_a_clear_error() -> None:
    data = NOTICE.read_bytes()
    for size in (512, 4096, len(data) // 2):
        with pytest.raises(BinaryInputError) as caught:
            docparse.parse_bytes(data[:size], path="cut.doc")
        assert caught.value.code == "DP003" and caught.value.path == "cut.doc"


def test_without_libreoffice_or_olefile_the_error_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(doc, "libreoffice", lambda: None)
    monkeypatch.setitem(sys.modules, "olefile", None)  # import olefile raises ImportError
    with pytest.raises(MissingExtraError) as caught:
        docparse.parse_file(NOTICE)
    assert caught.value.code == "DP012"
    assert "LibreOffice" in caught.value.message and "docparse-cn[doc]" in caught.value.message
    assert main(["outline", str(NOTICE)]) == 3
    assert "DP012" in capsys.readouterr().err


@needs_libreoffice
def test_libreoffice_converts_many_files_in_one_call() -> None:
    soffice = libreoffice()
    assert soffice is not None
    converted = convert_with_libreoffice([NOTICE.read_bytes(), TABLE.read_bytes()], soffice)
    assert all(converted)
    texts = [zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
             for data in converted if data]
    assert "体能测试的时间和地点" in texts[0] and "靖安县罗湾乡政府" in texts[1]


@needs_libreoffice
def test_through_libreoffice_the_outline_is_the_same() -> None:
    if doc._docx_reader() is None:
        pytest.skip("the .docx reader is not part of this installation")
    document = docparse.parse_file(NOTICE)
    assert document.source.format == "doc"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(doc, "libreoffice", lambda: None)
        binary = docparse.parse_file(NOTICE)
    assert _outline(document) == _outline(binary)
    assert document.title == binary.title


@needs_libreoffice
def test_convert_dir_converts_its_doc_files_in_one_libreoffice_call(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Each .doc converted on its own (LibreOffice started once a file), then the same folder by
    ``convert``: one LibreOffice call for both files, the same outputs."""
    if doc._docx_reader() is None:
        pytest.skip("the .docx reader is not part of this installation")
    from docparse.batch import convert

    inputs = tmp_path / "in"
    inputs.mkdir()
    for source in (NOTICE, TABLE):
        (inputs / source.name).write_bytes(source.read_bytes())
    calls: list[int] = []
    real = doc.convert_with_libreoffice

    def counted(documents: list[bytes], soffice: str, **options: object) -> list[bytes | None]:
        calls.append(len(documents))
        return real(documents, soffice, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(doc, "convert_with_libreoffice", counted)
    summary = convert([str(inputs)], tmp_path / "batched")
    assert summary.converted == 2 and calls == [2]
    one_by_one = {name: docparse.parse_file(inputs / name) for name in (NOTICE.name, TABLE.name)}
    assert calls == [2, 1, 1]
    for name, document in one_by_one.items():
        written = (tmp_path / "batched" / name).with_suffix(".json").read_text(encoding="utf-8")
        batched = docparse.Document.model_validate_json(written)
        assert _outline(batched) == _outline(document) and batched.text == document.text
        assert batched.source.format == "doc" and batched.source.sha256 == document.source.sha256
