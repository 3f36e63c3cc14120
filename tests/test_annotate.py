"""``validate --annotate``: findings written as Word comments on the words they are about, the
document otherwise as it was. Drafts are built with python-docx; the comments are read back
from the file's XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.shared import Pt

import docparse
from docparse.cli import main
from docparse.models import Diagnostic, SourceAnchor
from docparse.readers import choose
from docparse.readers.doc import convert_with_libreoffice, libreoffice
from docparse.renderers.annotate import AUTHOR, Comment, annotate_docx, comment_text, comments_for
from docparse.spans import Locator
from docparse.validate import validate
from docparse.validate.profiles import resolve

from .conftest import FIXTURES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

DRAFT = [  # (runs of each paragraph): a notice whose numbering skips 二、 and （二）
    ["关于做好2024年防汛工作的通知"],
    ["各县（市、区）人民政府："],
    ["一、加强组织领导"],
    ["各地要落实", "防汛责任。"],
    ["三、强化", "监测预警"],  # the marker 三、 is inside a run: the comment must split it
    ["（一）做好监测"],
    ["（三）", "发布预警"],
    ["要及时发布预警信息。"],
]


def _draft() -> bytes:
    """The draft as a .docx: one bold run, so that a split can be seen to keep formatting."""
    document = docx.Document()
    for runs in DRAFT:
        paragraph = document.add_paragraph()
        for text in runs:
            run = paragraph.add_run(text)
            if text == "（三）":
                run.bold = True
                run.font.size = Pt(16)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "联系人"
    table.cell(0, 1).text = "张三"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(data: bytes) -> docparse.Document:
    """The draft as docparse reads it, with a paragraph-index source map (``p[N]`` of the body's
    paragraphs, as the .docx reader's map names them)."""
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    text, anchors = "", []
    for index, paragraph in enumerate(paragraphs, start=1):
        end = len(text) + len(paragraph.text)
        anchors.append(SourceAnchor(start=len(text), end=end, where=f"p[{index}]"))
        text += paragraph.text + "\n"
    return docparse.parse(text).model_copy(update={"source_map": anchors})


def _comments(data: bytes) -> list[tuple[str, str, str]]:
    """(author, comment text, the text it is anchored on) of each comment, in the file's order."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    said = {}
    for comment in ElementTree.fromstring(archive.read("word/comments.xml")).iter(f"{W}comment"):
        said[comment.get(f"{W}id")] = (comment.get(f"{W}author") or "",
                                        "\n".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                                                  for p in comment.iter(f"{W}p")))
    anchored: dict[str, str] = {}
    open_ids: list[str] = []
    for element in ElementTree.fromstring(archive.read("word/document.xml")).iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.append(element.get(f"{W}id") or "")
            anchored.setdefault(open_ids[-1], "")
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.remove(element.get(f"{W}id") or "")
        elif element.tag == f"{W}t":
            for comment_id in open_ids:
                anchored[comment_id] += element.text or ""
    return [(*said[comment_id], anchored.get(comment_id, "")) for comment_id in said]


def _paragraph_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs] + [cell.text for row in document.tables[0].rows
                                                     for cell in row.cells]


def test_each_finding_is_a_comment_on_its_words_and_the_text_is_unchanged() -> None:
    data = _draft()
    document = _read(data)
    findings = validate(document, resolve(document, "auto"))
    assert [d.code for d in findings] == ["DP202", "DP213", "DP202"]
    annotated = annotate_docx(data, comments_for(document, findings))
    comments = _comments(annotated)
    assert [(author, text.split("：")[0], anchor) for author, text, anchor in comments] == [
        (AUTHOR, "DP202 错误", "三、"), (AUTHOR, "DP213 警告", "（一）"), (AUTHOR, "DP202 错误", "（三）")]
    assert comments[0][1] == comment_text(findings[0])
    assert "缺少“二、”" in comments[0][1] and "建议：" in comments[0][1]
    assert _paragraph_texts(annotated) == _paragraph_texts(data)
    runs = docx.Document(io.BytesIO(annotated)).paragraphs[4].runs
    assert [run.text for run in runs if run.text] == ["三、", "强化", "监测预警"]
    marker = docx.Document(io.BytesIO(annotated)).paragraphs[6].runs
    bold = next(run for run in marker if run.text == "（三）")
    assert bold.bold and bold.font.size == Pt(16)


def test_a_span_over_several_paragraphs_and_one_with_none() -> None:
    data = _draft()
    document = _read(data)
    start = document.text.index("各地要")
    end = document.text.index("监测预警") + 2
    findings = [Diagnostic(code="DP900", severity="info", message="跨段",
                           span=Locator(document.text).span(start, end)),
                Diagnostic(code="DP901", severity="warning", message="全文")]
    comments = _comments(annotate_docx(data, comments_for(document, findings)))
    assert comments[0][2] == "各地要落实防汛责任。三、强化监测"
    assert comments[1][2] == "关于做好2024年防汛工作的通知"  # no span: the first paragraph


def test_comments_in_a_table_cell_through_a_cell_address() -> None:
    data = _draft()
    comment = Comment("核对联系人", "table[1]/tr[1]/tc[2]/p[1]", 0, "table[1]/tr[1]/tc[2]/p[1]", 2)
    assert _comments(annotate_docx(data, [comment])) == [(AUTHOR, "核对联系人", "张三")]


def test_a_relationship_to_a_missing_part_does_not_stop_the_comments() -> None:
    """Word files in the wild link images that were never saved (``Target="../NULL"``, as in
    the corpus's other-001.docx); Word opens them, so must --annotate."""
    original = zipfile.ZipFile(io.BytesIO(_draft()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as broken:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/image" '
                                    b'Target="../NULL"/></Relationships>')
            broken.writestr(info, data)
    comment = Comment("核对", "p[1]", 0, "p[1]", 2)
    annotated = annotate_docx(out.getvalue(), [comment])
    assert _comments(annotated) == [(AUTHOR, "核对", "关于")]
    assert _paragraph_texts(annotated) == _paragraph_texts(_draft())


def test_the_command_line_refuses_what_it_cannot_annotate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("\n".join("".join(runs) for runs in DRAFT), encoding="utf-8")
    out = tmp_path / "reviewed.docx"
    assert main(["validate", str(text), "--annotate", str(out)]) == 2
    assert "--annotate 只能批注 .docx 文件" in capsys.readouterr().err and not out.exists()
    assert main(["validate", str(FIXTURES / "doc" / "notice-002.doc"), "--annotate", str(out)]) == 2
    assert "doc 格式" in capsys.readouterr().err and not out.exists()
    assert main(["validate", str(text), str(text), "--annotate", str(out)]) == 2
    assert "只用于一个 .docx 文件" in capsys.readouterr().err


needs_docx_reader = pytest.mark.skipif(choose(_draft()).name != "docx",
                                       reason="the .docx reader is not part of this installation")


@needs_docx_reader
def test_validate_annotate_writes_the_reviewed_copy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_draft())
    out = tmp_path / "reviewed.docx"
    assert main(["validate", str(draft), "--annotate", str(out)]) == 1  # errors found
    captured = capsys.readouterr()
    assert "DP202" in captured.out and "批注写入" in captured.err
    assert [anchor for _, _, anchor in _comments(out.read_bytes())] == ["三、", "（一）", "（三）"]
    assert _paragraph_texts(out.read_bytes()) == _paragraph_texts(draft.read_bytes())


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_annotated_file_and_keeps_its_comments() -> None:
    data = _draft()
    document = _read(data)
    annotated = annotate_docx(data, comments_for(document, validate(document, resolve(document, "auto"))))
    soffice = libreoffice()
    assert soffice is not None
    (converted,) = convert_with_libreoffice([annotated], soffice, suffix=".docx")
    assert converted is not None
    comments = _comments(converted)
    assert [text.split("：")[0] for _, text, _ in comments] == ["DP202 错误", "DP213 警告", "DP202 错误"]
    assert [anchor for _, _, anchor in comments] == ["三、", "（一）", "（三）"]
