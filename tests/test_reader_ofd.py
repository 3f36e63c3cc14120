"""The OFD reader: a real 批复 (an OFD test file of an Apache-2.0 project, tests/fixtures/ofd) and OFDs
built here the way producers write them (lines split into runs, ``g`` repeats in DeltaX, a CTM,
a running head on a template page, a paragraph over a page break)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import docparse
from docparse.errors import BinaryInputError, EmptyInputError
from docparse.readers import choose

from .conftest import FIXTURES
from .spans import span_problems

PIFU = FIXTURES / "ofd" / "pifu.ofd"
NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # millimetres: 16 pt, 三号
LEFT, RIGHT = 28.0, 184.0
PER_LINE = 28


def test_a_real_ofd_reads_as_the_document_it_shows() -> None:
    doc = docparse.parse_file(PIFU)
    assert doc.source.format == "ofd"
    assert doc.title is not None and doc.title.text == "关于同意张阿三同志辞职的批复"
    assert doc.metadata.doc_number == "路卫发〔2011〕76号"
    lines = doc.text.split("\n")
    assert lines[:4] == ["测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复",
                         "区中医院："]
    # two wrapped lines of one paragraph, each drawn as its own text object, are one paragraph
    assert "你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。" in lines
    assert any(line.startswith("该同志由于家庭、籍贯等原因，从2006年1月至今未到单位上班，") and
               line.endswith("同意张阿三同志辞职。") for line in lines)
    assert "— 1 —" not in doc.text and "— 2 —" not in doc.text  # page numbers left out
    assert lines[-2:] == ["2011年3月10日", "测试符路桥区卫生局办公室 2011年3月10日印发"]
    signer = doc.locate(doc.text.index("2011年3月10日"))
    assert signer is not None and signer.page == 2 and signer.where == "page[2]"
    assert doc.closing is not None and doc.closing.date_span is not None
    assert (doc.closing.date_span.page, doc.closing.date_span.end_page) == (2, 2)
    assert span_problems(doc) == []


def test_an_ofd_is_told_by_its_content() -> None:
    data = PIFU.read_bytes()
    assert choose(data, path="no-extension").name == "ofd"
    assert choose(ofd([["一、总体要求"]]), path="x.zip").name == "ofd"


def text_object(identifier: int, x: float, y: float, text: str, *, size: float = SIZE,
                deltas: str | None = None, ctm: str | None = None) -> str:
    """A TextObject at (x, y) mm (the top of its box), one TextCode on the baseline."""
    if deltas is None:
        deltas = f"g {len(text) - 1} {size}" if len(text) > 1 else ""
    attributes = f' CTM="{ctm}"' if ctm else ""
    return (f'<ofd:TextObject ID="{identifier}" Font="1" Size="{size}" '
            f'Boundary="{x} {y} {RIGHT - x} {size * 1.5}"{attributes}>'
            f'<ofd:TextCode X="0" Y="{size}" DeltaX="{deltas}">{text}</ofd:TextCode></ofd:TextObject>')


def ofd(pages: list[list[str]], *, title: str = "", template: str = "", numbered: bool = True) -> bytes:
    """An OFD whose pages hold the given lines, set at 28 characters a line from the left margin;
    a line that starts with two ideographic spaces is indented by two characters instead."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
                         f'<ofd:DocInfo><ofd:Title>{title}</ofd:Title></ofd:DocInfo>'
                         f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        templates = ('<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else "")
        archive.writestr("Doc_0/Document.xml", (
            f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>'
            f'<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
            f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{templates}</ofd:CommonData><ofd:Pages>'
            + "".join(f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
                      for n in range(len(pages)))
            + "</ofd:Pages></ofd:Document>"))
        archive.writestr("Doc_0/PublicRes.xml", f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
                         f'<ofd:Font ID="1" FontName="仿宋"/></ofd:Fonts></ofd:Res>')
        if template:
            head = text_object(90, 70.0, 12.0, template, size=3.7)
            archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml",
                             f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{head}</ofd:Layer>'
                             '</ofd:Content></ofd:Page>')
        for number, lines in enumerate(pages):
            objects = []
            for row, line in enumerate(lines):
                indent = 2 * SIZE if line.startswith("\u3000\u3000") else 0.0
                top = 40.0 + row * 10.0
                objects.append(text_object(100 + row, LEFT + indent, top, line.lstrip("\u3000")))
            if numbered:
                objects.append(text_object(99, 95.0, 270.0, f"— {number + 1} —"))
            use = '<ofd:Template TemplateID="9" ZOrder="Background"/>' if template else ""
            archive.writestr(f"Doc_0/Pages/Page_{number}/Content.xml",
                             f'<ofd:Page xmlns:ofd="{NS}">{use}<ofd:Content><ofd:Layer>{"".join(objects)}'
                             f'</ofd:Layer></ofd:Content></ofd:Page>')
    return buffer.getvalue()


PARAGRAPH = ("各单位要加强组织领导，细化工作措施，明确责任分工，确保各项任务落到实处，"
             "对工作中出现的新情况新问题要及时研究解决，重大事项及时向县政府报告，"
             "县政府将适时组织督查，对工作不力的单位予以通报。")


def wrap(text: str) -> list[str]:
    """Lines of a paragraph: the first indented by two characters, the rest full width."""
    first = PER_LINE - 2
    return ["\u3000\u3000" + text[:first]] + [text[i:i + PER_LINE] for i in range(first, len(text), PER_LINE)]


def test_paragraphs_join_across_lines_and_pages_and_the_running_head_is_left_out() -> None:
    lines = wrap(PARAGRAPH)
    pages = [["关于加强安全生产工作的通知", "各乡镇人民政府：", "\u3000\u3000一、总体要求", *lines[:2]],
             [*lines[2:], "\u3000\u3000二、工作措施"]]
    doc = docparse.parse_bytes(ofd(pages, title="关于加强安全生产工作的通知", template="某某县人民政府公报"),
                               path="notice.ofd")
    text_lines = doc.text.split("\n")
    assert PARAGRAPH in text_lines
    assert "某某县人民政府公报" not in doc.text
    assert "— 1 —" not in doc.text
    start = doc.text.index(PARAGRAPH)
    assert {anchor.page for anchor in doc.source_map
            if start <= anchor.start < start + len(PARAGRAPH)} == {1, 2}
    headings = [doc.text[section.heading_span.start:section.heading_span.end] for section in doc.walk()]
    assert headings == ["一、总体要求", "二、工作措施"]
    assert doc.title is not None and doc.title.text == "关于加强安全生产工作的通知"


def test_runs_split_by_the_producer_and_scaled_runs_are_placed_by_position() -> None:
    """A title drawn as two runs, the second first; a run scaled by its CTM."""
    title = 1.4 * SIZE
    body = [text_object(2, LEFT + 4 * title, 40.0, "安全生产工作的通知", size=title),
            text_object(1, LEFT, 40.0, "关于加强", size=title),
            text_object(3, LEFT, 50.0, "各乡镇人民政府：", size=SIZE / 2, ctm="2 0 0 2 0 0")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd([["占位"]]))) as source, zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith("Page_0/Content.xml"):
                data = (f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{"".join(body)}'
                        f'</ofd:Layer></ofd:Content></ofd:Page>').encode()
            archive.writestr(name, data)
    doc = docparse.parse_bytes(buffer.getvalue(), path="runs.ofd")
    assert doc.text.split("\n")[:2] == ["关于加强安全生产工作的通知", "各乡镇人民政府："]


def test_a_damaged_or_empty_ofd_is_refused(tmp_path: Path) -> None:
    data = PIFU.read_bytes()
    with pytest.raises(BinaryInputError, match="OFD") as caught:
        docparse.parse_bytes(data[: len(data) // 2], path="cut.ofd", format="ofd")
    assert caught.value.code == "DP003"
    with pytest.raises(EmptyInputError, match="OCR"):
        docparse.parse_bytes(ofd([[]], numbered=False), path="scan.ofd")
    missing = io.BytesIO()
    with zipfile.ZipFile(missing, "w") as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                         f'</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    with pytest.raises(BinaryInputError, match=r"Document\.xml"):
        docparse.parse_bytes(missing.getvalue(), path="missing.ofd")


def test_a_table_ruled_by_path_objects_is_a_table_with_cells() -> None:
    """A 3×3 table: its frame and inner rules one path (M, L, C commands), a rule of its own as a
    thin path object, its cells text objects; a paragraph above and below."""
    cells = (("序号", "项目名称", "责任单位"), ("1", "城区道路改造工程", "县住建局"),
             ("2", "农村饮水安全巩固提升", "县水利局"))
    top, row, columns = 60.0, 10.0, (LEFT, LEFT + 25.0, LEFT + 95.0, RIGHT)
    width = RIGHT - LEFT
    frame = (f"M 0 0 L {width} 0 L {width} {3 * row} L 0 {3 * row} C "
             f"M 25 0 L 25 {3 * row} M 95 0 L 95 {3 * row} M 0 {row} L {width} {row}")
    objects = [text_object(1, LEFT + 2 * SIZE, 40.0, "现将重点项目安排印发给你们。"),
               f'<ofd:PathObject ID="50" Boundary="{LEFT} {top} {width} {3 * row}">'
               f"<ofd:AbbreviatedData>{frame}</ofd:AbbreviatedData></ofd:PathObject>",
               f'<ofd:PathObject ID="51" Boundary="{LEFT} {top + 2 * row} {width} 0.2">'
               f"<ofd:AbbreviatedData>M 0 0 L {width} 0</ofd:AbbreviatedData></ofd:PathObject>"]
    for number, texts in enumerate(cells):
        for column, text in enumerate(texts):
            objects.append(text_object(10 + 3 * number + column, columns[column] + 1.5,
                                       top + number * row + 2.0, text, size=4.2))
    objects.append(text_object(30, LEFT + 2 * SIZE, top + 3 * row + 10.0, "以上项目请于年底前完成。"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd([["占位"]]))) as source, zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith("Page_0/Content.xml"):
                data = (f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{"".join(objects)}'
                        f'</ofd:Layer></ofd:Content></ofd:Page>').encode()
            archive.writestr(name, data)
    doc = docparse.parse_bytes(buffer.getvalue(), path="table.ofd")
    tables = [[[cell.text for cell in line] for line in paragraph.table.rows]
              for _, paragraph in doc.paragraphs() if paragraph.table is not None]
    assert tables == [[list(texts) for texts in cells]]
    assert doc.text.split("\n")[0] == "现将重点项目安排印发给你们。"
    assert doc.text.split("\n")[-1] == "以上项目请于年底前完成。"
