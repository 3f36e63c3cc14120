"""The Word reader: the text of a .docx as Word shows it, automatic numbering included.

Word files are built here with python-docx (numbering.xml definitions and paragraph styles written
as Word writes them) and read back; the real files under fixtures/docx/ are public documents of
../shared/corpus (other-001: an examination syllabus with its LibreOffice text rendering;
regulation-007: a law whose body is an embedded web archive).
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

import docparse
from docparse.cli import main
from docparse.errors import BinaryInputError, DocparseError
from docparse.numerals import int_to_cn
from docparse.readers import choose, read
from docparse.readers.docx.numbering import format_number

FIXTURES = Path(__file__).parent / "fixtures" / "docx"

# ---------------------------------------------------------------------------- building .docx files

GONGWEN_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                  ("decimal", "（%4）"))
"""The four levels of a 公文's numbering (一、 （一） 1. （1）) as Word's list definitions write them."""


class Builder:
    """A python-docx Document with helpers for list definitions, numbered paragraphs and styles."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.numbering = self.doc.part.numbering_part.element
        self._next_definition = 100
        self._next_instance = 100

    def definition(self, levels: tuple[tuple[str, str], ...], *, suffix: str | None = None,
                   extra: dict[int, str] | None = None) -> int:
        """A new w:abstractNum of ``levels`` (format, label template); its id."""
        definition_id = self._next_definition
        self._next_definition += 1
        parts = []
        for index, (fmt, template) in enumerate(levels):
            suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
            parts.append(f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suff}'
                         f'<w:lvlText w:val="{template}"/>{(extra or {}).get(index, "")}</w:lvl>')
        element = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{definition_id}">'
                            f'{"".join(parts)}</w:abstractNum>')
        first_instance = self.numbering.find(qn("w:num"))
        if first_instance is not None:
            first_instance.addprevious(element)
        else:
            self.numbering.append(element)
        return definition_id

    def instance(self, definition_id: int, *, restart_at: int | None = None) -> int:
        """A new w:num of a definition (restarting its first level at ``restart_at``); its id."""
        num_id = self._next_instance
        self._next_instance += 1
        override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/></w:lvlOverride>'
                    if restart_at is not None else "")
        self.numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                                        f'w:val="{definition_id}"/>{override}</w:num>'))
        return num_id

    def paragraph(self, text: str, *, num_id: int | None = None, level: int | None = None,
                  style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(text, style=style)
        if num_id is not None or level is not None:
            properties = paragraph._p.get_or_add_pPr()
            numbering = parse_xml(f"<w:numPr {nsdecls('w')}>"
                                  + (f'<w:ilvl w:val="{level}"/>' if level is not None else "")
                                  + (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
                                  + "</w:numPr>")
            properties.append(numbering)
        return paragraph

    def numbered_style(self, name: str, num_id: int, level: int, *, based_on: str | None = None,
                       outline_level: int | None = None) -> str:
        """A paragraph style called ``name`` numbered by list ``num_id`` at ``level``; its name."""
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if based_on is not None:
            style.base_style = self.doc.styles[based_on]
        properties = style.element.get_or_add_pPr()
        properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                    f'<w:numId w:val="{num_id}"/></w:numPr>'))
        if outline_level is not None:
            properties.append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline_level}"/>'))
        return name

    def bytes(self) -> bytes:
        stream = io.BytesIO()
        self.doc.save(stream)
        return stream.getvalue()

    def text(self) -> str:
        return read(self.bytes(), path="built.docx").text


def headings(doc: docparse.Document) -> list[tuple[int, str, str]]:
    """(depth, marker, title) of every section in document order: the outline."""
    found = []

    def walk(sections: list[docparse.Section], depth: int) -> None:
        for section in sections:
            found.append((depth, section.marker.raw if section.marker else "", section.title or ""))
            walk(section.children, depth + 1)
    walk(doc.sections, 0)
    return found


def parse(builder: Builder) -> docparse.Document:
    return docparse.parse_bytes(builder.bytes(), path="built.docx")


# ---------------------------------------------------------------------------- automatic numbering

def test_numbering_on_paragraphs_is_rendered_as_word_shows_it_and_read_as_the_outline() -> None:
    built = Builder()
    gongwen = built.instance(built.definition(GONGWEN_LEVELS, suffix="nothing"))
    built.paragraph("关于做好2024年安全生产工作的通知")
    built.paragraph("各区人民政府，市各委、办、局：")
    for text, level in (("总体要求", 0), ("指导思想", 1), ("坚持人民至上。", None), ("工作目标", 1),
                        ("完成年度任务", 2), ("细化分解", 3), ("压实责任", 3), ("督促落实", 2),
                        ("重点任务", 0), ("深化专项整治", 1)):
        built.paragraph(text, num_id=gongwen if level is not None else None, level=level)
    text = built.text()
    assert text.splitlines()[2:] == ["一、总体要求", "（一）指导思想", "坚持人民至上。", "（二）工作目标",
                                     "1.完成年度任务", "（1）细化分解", "（2）压实责任", "2.督促落实",
                                     "二、重点任务", "（一）深化专项整治"]
    assert headings(parse(built)) == [
        (0, "一、", "总体要求"), (1, "（一）", "指导思想"), (1, "（二）", "工作目标"),
        (2, "1.", "完成年度任务"), (3, "（1）", "细化分解"), (3, "（2）", "压实责任"), (2, "2.", "督促落实"),
        (0, "二、", "重点任务"), (1, "（一）", "深化专项整治")]


def test_numbering_from_localized_heading_styles_and_their_base_styles() -> None:
    built = Builder()
    gongwen = built.instance(built.definition(GONGWEN_LEVELS, suffix="nothing"))
    level_1 = built.numbered_style("标题 1", gongwen, 0, outline_level=0)
    level_2 = built.numbered_style("标题 2", gongwen, 1, outline_level=1)
    built.doc.styles.add_style("公文二级标题", WD_STYLE_TYPE.PARAGRAPH).base_style = built.doc.styles[level_2]
    built.paragraph("某市2023年法治政府建设情况报告")
    built.paragraph("主要工作", style=level_1)
    built.paragraph("完善制度", style=level_2)
    built.paragraph("全年制定规章3件。")
    built.paragraph("规范执法", style="公文二级标题")  # numbered through its base style
    built.paragraph("存在的问题", style=level_1)
    built.paragraph("不再编号的二级标题", style=level_2, num_id=0)  # numId 0 switches the style's list off
    assert built.text().splitlines()[1:] == ["一、主要工作", "（一）完善制度", "全年制定规章3件。",
                                             "（二）规范执法", "二、存在的问题", "不再编号的二级标题"]
    assert [(depth, marker) for depth, marker, _ in headings(parse(built))] == [
        (0, "一、"), (1, "（一）"), (1, "（二）"), (0, "二、")]


def test_a_list_level_tied_to_a_style_gives_the_level_when_the_style_names_none() -> None:
    built = Builder()
    definition = built.definition(GONGWEN_LEVELS[:2], suffix="nothing", extra={
        0: '<w:pStyle w:val="GongwenOne"/>', 1: '<w:pStyle w:val="GongwenTwo"/>'})
    gongwen = built.instance(definition)
    for name, style_id in (("Gongwen One", "GongwenOne"), ("Gongwen Two", "GongwenTwo")):
        style = built.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert style.style_id == style_id
        style.element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{gongwen}"/></w:numPr>'))
    built.paragraph("工作报告")
    for text, style in (("成绩", "Gongwen One"), ("经济", "Gongwen Two"), ("社会", "Gongwen Two"),
                        ("计划", "Gongwen One")):
        built.paragraph(text, style=style)
    assert built.text().splitlines()[1:] == ["一、成绩", "（一）经济", "（二）社会", "二、计划"]


def test_a_restarted_list_starts_again_and_one_that_continues_goes_on() -> None:
    built = Builder()
    definition = built.definition((("decimal", "%1."),), suffix="nothing")
    first, restarted, continued = (built.instance(definition), built.instance(definition, restart_at=1),
                                   built.instance(definition))
    for text, num_id in (("甲", first), ("乙", first), ("丙", restarted), ("丁", restarted),
                         ("戊", continued)):
        built.paragraph(text, num_id=num_id, level=0)
    assert built.text().splitlines() == ["1.甲", "2.乙", "1.丙", "2.丁", "3.戊"]


def _wps_report() -> Builder:
    """A report numbered through its heading styles as WPS writes them: numeric style ids (``2``,
    ``3``, ``4``), the names ``heading 1``, ``标题 2``, ``标题 3``, each with its list level and
    outline level, the labels followed by Word's default tab."""
    built = Builder()
    gongwen = built.instance(built.definition(GONGWEN_LEVELS))
    names = ("heading 1", "标题 2", "标题 3")
    for level, name in enumerate(names):
        style = built.doc.styles[name] if name == "heading 1" else built.doc.styles.add_style(
            name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), str(level + 2))
        properties = style.element.get_or_add_pPr()
        properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                    f'<w:numId w:val="{gongwen}"/></w:numPr>'))
        properties.append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>'))
    built.paragraph("某县2023年法治政府建设年度报告")
    built.paragraph("2023年，我县深入学习贯彻习近平法治思想，现将有关情况报告如下。")
    for text, level in (("主要举措和成效", 0), ("完善依法行政制度体系", 1),
                        ("全年制定行政规范性文件5件。", None), ("严格规范公正文明执法", 1),
                        ("推行行政执法三项制度", 2), ("落实行政裁量权基准", 2),
                        ("存在的不足和原因", 0), ("下一步工作安排", 0), ("深化法治政府示范创建", 1)):
        built.paragraph(text, style=names[level] if level is not None else None)
    built.paragraph("某县人民政府")
    built.paragraph("2024年1月15日")
    return built


def test_numbering_on_wps_heading_styles_gives_the_outline_of_the_text_libreoffice_exports() -> None:
    """fixtures/docx/wps_numbered_styles.txt is LibreOffice's text export (``soffice --convert-to
    txt:Text``) of the file :func:`_wps_report` builds: the same outline, title and closing."""
    built = _wps_report()
    assert 'w:styleId="2"' in zipfile.ZipFile(io.BytesIO(built.bytes())).read("word/styles.xml").decode()
    assert built.text().splitlines()[2:6] == ["一、 主要举措和成效", "（一） 完善依法行政制度体系",
                                              "全年制定行政规范性文件5件。", "（二） 严格规范公正文明执法"]
    original = parse(built)
    rendering = docparse.parse_file(FIXTURES / "wps_numbered_styles.txt")
    assert headings(original) == headings(rendering)
    assert [(depth, marker) for depth, marker, _ in headings(original)] == [
        (0, "一、"), (1, "（一）"), (1, "（二）"), (2, "1."), (2, "2."), (0, "二、"), (0, "三、"),
        (1, "（一）")]
    assert original.title == rendering.title
    assert original.closing is not None and rendering.closing is not None
    assert original.closing.date == rendering.closing.date


def test_an_outline_level_on_the_paragraph_makes_it_a_heading_whose_label_is_spaced() -> None:
    """``w:outlineLvl`` 0 … 8 on a paragraph of a plain style: a heading (its label's tab read
    as a space, as in a heading style); 9 is body text, whose tab stays."""
    built = Builder()
    tabbed = built.instance(built.definition((("chineseCounting", "%1、"),)))
    for text, outline_level in (("总体要求", 0), ("重点任务", 9)):
        paragraph = built.paragraph(text, num_id=tabbed, level=0)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline_level}"/>'))
    assert built.text().splitlines() == ["一、 总体要求", "二、\t重点任务"]
    assert [marker for _, marker, _ in headings(parse(built))] == ["一、", "二、"]


def test_chapters_and_articles_counted_through_the_whole_law() -> None:
    """第%1章 and 第%2条 with the articles never restarting (w:lvlRestart 0): as in a law."""
    built = Builder()
    definition = built.definition((("chineseCounting", "第%1章"), ("chineseCountingThousand", "第%2条")),
                                  suffix="space", extra={1: '<w:lvlRestart w:val="0"/>'})
    law = built.instance(definition)
    built.paragraph("某某省安全生产条例")
    for text, level in (("总则", 0), ("为了加强安全生产工作，制定本条例。", 1), ("本条例适用于本省。", 1),
                        ("附则", 0)):
        built.paragraph(text, num_id=law, level=level)
    for _ in range(9):
        built.paragraph("其他规定。", num_id=law, level=1)
    lines = built.text().splitlines()
    assert lines[1:5] == ["第一章 总则", "第一条 为了加强安全生产工作，制定本条例。",
                          "第二条 本条例适用于本省。", "第二章 附则"]
    assert lines[-1] == "第十一条 其他规定。"
    outline = headings(parse(built))
    assert [(depth, marker) for depth, marker, _ in outline][:4] == [
        (0, "第一章"), (1, "第一条"), (1, "第二条"), (0, "第二章")]
    assert outline[-1][1] == "第十一条"


def test_items_in_enclosed_numbers_restart_under_each_article() -> None:
    """A third level ⑴ ⑵ (decimalEnclosedParen) under 第%2条: it starts again under every article
    (no w:lvlRestart: any higher level restarts it); 甲、 乙、 (ideographTraditional) under it."""
    built = Builder()
    definition = built.definition((("chineseCounting", "第%1章"), ("chineseCountingThousand", "第%2条"),
                                   ("decimalEnclosedParen", "%3"), ("ideographTraditional", "%4、")),
                                  suffix="nothing", extra={1: '<w:lvlRestart w:val="0"/>'})
    law = built.instance(definition)
    for text, level in (("总则", 0), ("本条例适用于：", 1), ("生产经营单位；", 2), ("监督管理部门。", 2),
                        ("分则", 0), ("生产经营单位应当：", 1), ("建立制度；", 2), ("其中：", 2),
                        ("责任制度；", 3), ("考核制度。", 3)):
        built.paragraph(text, num_id=law, level=level)
    assert built.text().splitlines() == [
        "第一章总则", "第一条本条例适用于：", "⑴生产经营单位；", "⑵监督管理部门。", "第二章分则",
        "第二条生产经营单位应当：", "⑴建立制度；", "⑵其中：", "甲、责任制度；", "乙、考核制度。"]


def test_multilevel_decimal_labels_and_legal_numbering() -> None:
    built = Builder()
    definition = built.definition((("chineseCounting", "%1."), ("decimal", "%1.%2")), suffix="tab",
                                  extra={1: "<w:isLgl/>"})
    plan = built.instance(definition)
    for text, level in (("总则", 0), ("目的", 1), ("依据", 1), ("组织", 0), ("机构", 1)):
        built.paragraph(text, num_id=plan, level=level)
    assert built.text().splitlines() == ["一.\t总则", "1.1\t目的", "1.2\t依据", "二.\t组织", "2.1\t机构"]


def test_what_follows_a_label_and_tabs_in_headings() -> None:
    built = Builder()
    spaced = built.instance(built.definition((("chineseCounting", "%1、"),), suffix="space"))
    tabbed = built.instance(built.definition((("decimal", "%1."),)))
    heading = built.paragraph("", style="Heading 1")
    heading.add_run("第一部分")
    heading.add_run().add_tab()
    heading.add_run("总体要求")
    built.paragraph("背景", num_id=spaced, level=0)
    built.paragraph("事项", num_id=tabbed, level=0)
    body = built.paragraph("姓名")
    body.add_run().add_tab()
    body.add_run("张三")
    assert built.text().splitlines() == ["第一部分 总体要求", "一、 背景", "1.\t事项", "姓名\t张三"]


@pytest.mark.parametrize(("fmt", "numbers", "written"), [
    ("chineseCounting", (1, 9, 10, 11, 19, 20, 21, 99), "一 九 十 十一 十九 二十 二十一 九十九"),
    ("chineseCountingThousand", (1, 10, 15, 100, 101, 110, 1001),
     "一 十 十五 一百 一百〇一 一百一十 一千〇一"),
    ("japaneseCounting", (1, 10, 11, 100, 101), "一 十 十一 百 百一"),
    ("ideographTraditional", (1, 2, 10), "甲 乙 癸"),
    ("ideographZodiac", (1, 12), "子 亥"),
    ("ideographDigital", (1, 10, 2024), "一 一〇 二〇二四"),
    ("chineseLegalSimplified", (1, 10, 11, 20), "壹 壹拾 壹拾壹 贰拾"),
    ("decimalFullWidth", (1, 10), "１ １０"),
    ("decimalEnclosedCircle", (1, 10, 20, 21), "① ⑩ ⑳ 21"),
    ("decimalEnclosedCircleChinese", (3,), "③"),
    ("decimalEnclosedParen", (1, 12), "⑴ ⑿"),
    ("decimalEnclosedFullstop", (1, 12), "⒈ ⒓"),
    ("ideographEnclosedCircle", (1, 10), "㊀ ㊉"),
    ("decimalZero", (1, 10), "01 10"),
    ("upperLetter", (1, 26, 27), "A Z AA"),
    ("lowerLetter", (2,), "b"),
    ("upperRoman", (4, 9, 14, 1999), "IV IX XIV MCMXCIX"),
    ("lowerRoman", (3,), "iii"),
    ("decimal", (7,), "7"),
    ("none", (3,), ""),
    ("someFutureFormat", (5,), "5"),
])
def test_number_formats(fmt: str, numbers: tuple[int, ...], written: str) -> None:
    assert " ".join(format_number(number, fmt) for number in numbers) == written


def test_labels_in_chinese_enclosed_and_letter_formats() -> None:
    built = Builder()
    definition = built.definition((("ideographTraditional", "%1、"), ("decimalEnclosedCircle", "%2"),
                                   ("upperLetter", "%3."), ("bullet", "\uf0b7")), suffix="nothing")
    lists = built.instance(definition)
    for text, level in (("甲项", 0), ("第一点", 1), ("第二点", 1), ("选项", 2), ("要点", 3), ("乙项", 0)):
        built.paragraph(text, num_id=lists, level=level)
    assert built.text().splitlines() == ["甲、甲项", "①第一点", "②第二点", "A.选项", "•要点", "乙、乙项"]


def test_a_custom_format_is_read_as_the_format_word_writes_beside_it_for_older_readers() -> None:
    built = Builder()
    definition = built.definition((("decimal", "%1."),), suffix="nothing")
    [level] = [element for element in built.numbering.iter(qn("w:lvl"))
               if element.getparent().get(qn("w:abstractNumId")) == str(definition)]
    level.remove(level.find(qn("w:numFmt")))
    level.insert(1, parse_xml(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'{nsdecls("w")}><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'))
    built.paragraph("总则", num_id=built.instance(definition), level=0)
    assert built.text() == "01.总则"


# ---------------------------------------------------------------------------- text as Word shows it

def _append(paragraph: Any, markup: str) -> None:
    """Append raw WordprocessingML (runs, tracked changes, fields) to a python-docx paragraph."""
    for element in list(parse_xml(f'<w:wrap {nsdecls("w")}>{markup}</w:wrap>')):
        paragraph._p.append(element)


def test_tracked_deletions_are_left_out_and_insertions_kept() -> None:
    built = Builder()
    paragraph = built.paragraph("本办法自")
    _append(paragraph, '<w:del w:id="1" w:author="审核"><w:r><w:delText>2023年</w:delText></w:r></w:del>')
    _append(paragraph, '<w:ins w:id="2" w:author="审核"><w:r><w:t>2024年</w:t></w:r></w:ins>')
    paragraph.add_run("1月1日起施行。")
    gone = built.paragraph("")
    _append(gone, '<w:del w:id="3" w:author="审核"><w:r><w:delText>整段删除。</w:delText></w:r></w:del>')
    gone._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr {nsdecls("w")}><w:del w:id="4" w:author="审核"/></w:rPr>'))
    built.paragraph("附则")
    assert built.text().splitlines() == ["本办法自2024年1月1日起施行。", "附则"]


def test_fields_show_their_result_and_hidden_text_is_left_out() -> None:
    built = Builder()
    paragraph = built.paragraph("详见第")
    _append(paragraph, '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                       '<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>'
                       '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r>'
                       '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r>'
                       '<w:fldSimple w:instr=" DATE "><w:r><w:t>（2024年）</w:t></w:r></w:fldSimple>'
                       '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批注</w:t></w:r>'
                       '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                       '2006/relationships"><w:r><w:t>。</w:t></w:r></w:hyperlink>')
    assert built.text() == "详见第5页（2024年）。"


def _with_footnote(data: bytes, note: str) -> bytes:
    """``data`` with a footnotes part holding ``note``, referenced from the first paragraph (python-docx
    writes no footnotes: the part, its relationship and content type are added as Word adds them)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (f'<w:footnotes xmlns:w="{word}"><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
                 f'<w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"</w:t></w:r>",
                                    b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>', 1)
            elif info.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", b'<Relationship Id="rIdNote" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            elif info.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="'
                                    b'application/vnd.openxmlformats-officedocument.wordprocessingml.'
                                    b'footnotes+xml"/></Types>')
            archive.writestr(info.filename, part)
        archive.writestr("word/footnotes.xml", footnotes)
    return stream.getvalue()


def test_headers_footers_and_footnotes_stay_out_of_the_body() -> None:
    """The running header (a 文件 masthead repeated on every page), the footer's page number and a
    footnote are not lines of the document: the text and outline are those of the body alone."""
    built = Builder()
    built.paragraph("关于做好防汛工作的通知")
    built.paragraph("一、总体要求")
    built.paragraph("做好防汛准备。")
    section = built.doc.sections[0]
    section.header.paragraphs[0].text = "某某市人民政府文件"
    _append(section.footer.paragraphs[0], '<w:r><w:t>— </w:t></w:r><w:fldSimple w:instr=" PAGE ">'
                                          '<w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t> —</w:t></w:r>')
    data = _with_footnote(built.bytes(), "一、本条注释不是标题。")
    assert b"footnoteReference" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    doc = docparse.parse_bytes(data, path="notice.docx")
    assert doc.text == "关于做好防汛工作的通知\n一、总体要求\n做好防汛准备。"
    assert headings(doc) == [(0, "一、", "总体要求")]
    assert doc.title is not None and doc.title.text == "关于做好防汛工作的通知"


def test_content_controls_and_text_boxes_hold_body_text() -> None:
    built = Builder()
    built.paragraph("关于开展检查的通知")
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent>'
                    '<w:p><w:r><w:t>各有关单位：</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    built.doc.element.body.insert(1, sdt)
    anchor = built.paragraph("")
    _append(anchor, '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
                    '2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r>'
                    '<w:t>某市人民政府办公室</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                    '<w:txbxContent><w:p><w:r><w:t>某市人民政府办公室</w:t></w:r></w:p></w:txbxContent></w:pict>'
                    '</mc:Fallback></mc:AlternateContent></w:r>')
    assert built.text().splitlines() == ["关于开展检查的通知", "各有关单位：", "", "某市人民政府办公室"]


def test_a_table_is_one_line_per_row_and_a_table_region() -> None:
    built = Builder()
    built.paragraph("附件")
    table = built.doc.add_table(rows=3, cols=3)
    rows = (("序号", "单位", "人数"), ("1", "市教育局", "12"), ("2", "市卫健委", ""))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.rows[2].cells[2].add_paragraph("另有2人")
    table.rows[2].cells[2].paragraphs[0].text = "8"
    built.paragraph("合计22人。")
    reading = read(built.bytes(), path="built.docx")
    assert reading.text.splitlines() == [
        "附件", "序号\t单位\t人数", "1\t市教育局\t12", "2\t市卫健委\t8 另有2人", "合计22人。"]
    [region] = reading.tables
    assert reading.text[region.start:region.end] == "\n".join(reading.text.splitlines()[1:4])
    assert [[reading.text[start:end] for start, end in row] for row in region.rows] == [
        ["序号", "单位", "人数"], ["1", "市教育局", "12"], ["2", "市卫健委", "8 另有2人"]]


def test_the_source_map_takes_an_offset_to_its_paragraph_or_cell() -> None:
    built = Builder()
    gongwen = built.instance(built.definition(GONGWEN_LEVELS, suffix="nothing"))
    built.paragraph("关于调整工作人员的通知")
    built.paragraph("工作安排", num_id=gongwen, level=0)
    table = built.doc.add_table(rows=2, cols=2)
    table.rows[1].cells[1].text = "张三"
    doc = parse(built)
    assert doc.source.format == "docx"
    title = doc.text.index("调整")
    assert (doc.locate(title).where, doc.locate(title).offset) == ("p[1]", 0)
    label, heading = doc.text.index("一、"), doc.text.index("工作安排")
    assert doc.locate(label).where == "p[2]/numbering"
    assert (doc.locate(heading + 2).where, doc.locate(heading + 2).offset) == ("p[2]", 0)
    assert doc.locate(doc.text.index("张三")).where == "table[1]/tr[2]/tc[2]/p[1]"
    assert doc.locate(doc.text.index("\n")) is None


def test_a_word_title_property_is_a_hint_only_when_it_is_a_title() -> None:
    for title, hint in (("关于做好防汛工作的通知", "关于做好防汛工作的通知"),
                        ("Microsoft Word - 通知.doc", None), ("文档1", None), ("report", None), ("", None)):
        built = Builder()
        built.doc.core_properties.title = title
        built.paragraph("关于做好防汛工作的通知")
        assert read(built.bytes()).title_hint == hint, title


# ---------------------------------------------------------------------------- real documents

def test_a_real_syllabus_gives_the_outline_of_its_text_rendering() -> None:
    """other-001: the same headings as the LibreOffice text export the development gold annotates
    (its tables are rows here, cells on lines of their own there); the example questions （1）（2）,
    followed by their options A．B．, are no headings there or here."""
    original = docparse.parse_file(FIXTURES / "other-001.docx")
    rendering = docparse.parse_file(FIXTURES / "other-001.txt")
    assert original.source.format == "docx"
    assert headings(original) == headings(rendering)
    assert [marker for _, marker, _ in headings(original)] == [
        "一、", "二、", "三、", "四、", "（一）", "（二）"]
    assert original.title == rendering.title


def test_a_wps_file_gives_the_outline_of_its_text_and_leaves_its_page_numbers_out() -> None:
    """other-004: written by WPS Office (numeric style ids, a footer holding a PAGE field): the
    same outline and title as its LibreOffice text export, and the footer's page number nowhere."""
    original = docparse.parse_file(FIXTURES / "other-004.docx")
    rendering = docparse.parse_file(FIXTURES / "other-004.txt")
    assert headings(original) == headings(rendering)
    top = [marker for depth, marker, _ in headings(original) if depth == 0]
    assert top == ["一、", "二、", "三、", "四、"]
    assert original.title == rendering.title
    assert original.closing is not None and rendering.closing is not None
    assert original.closing.date == rendering.closing.date
    assert original.text.splitlines()[:3] == ["大纲4", "江西省人民政府外事办公室",
                                              "2022年招考外语类公务员考试大纲"]
    assert all(line.strip() != "3" for line in original.text.splitlines())


def test_a_law_held_as_an_embedded_web_archive() -> None:
    """regulation-007: document.xml holds only w:altChunk; the law is an MHT part (quoted-printable HTML)."""
    doc = docparse.parse_file(FIXTURES / "regulation-007.docx")
    assert doc.title is not None and doc.title.text == "中华人民共和国国徽法"
    articles = [marker for _, marker, _ in headings(doc) if marker.endswith("条")]
    assert articles == [f"第{int_to_cn(number)}条" for number in range(1, 20)]
    assert doc.locate(doc.text.index("第一条")).where == "altChunk[1]"


def test_the_command_line_reads_docx(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(FIXTURES / "other-001.docx")]) == 0
    assert "一、笔试内容" in capsys.readouterr().out


# ---------------------------------------------------------------------------- bad input

def test_a_truncated_docx_is_a_clear_error_naming_the_file(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = (FIXTURES / "other-001.docx").read_bytes()
    for cut in (len(data) // 2, len(data) - 100):
        (tmp_path / "cut.docx").write_bytes(data[:cut])
        with pytest.raises(BinaryInputError, match=r"Word|ZIP"):
            docparse.parse_file(tmp_path / "cut.docx")
        assert main(["outline", str(tmp_path / "cut.docx")]) == 3
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "DP003" in err and "cut.docx" in err and "Traceback" not in err


def test_a_zip_that_is_not_word_is_dp003(tmp_path: Path) -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "book.docx").write_bytes(stream.getvalue())
    with pytest.raises(BinaryInputError, match="不是 Word 文档") as caught:
        docparse.parse_file(tmp_path / "book.docx")
    assert caught.value.path is not None and caught.value.path.endswith("book.docx")
    (tmp_path / "book.zip").write_bytes(stream.getvalue())
    with pytest.raises(DocparseError) as caught_zip:
        docparse.parse_file(tmp_path / "book.zip")
    assert caught_zip.value.code == "DP003"


def test_parts_declaring_a_dtd_are_refused(tmp_path: Path) -> None:
    built = Builder()
    built.paragraph("正文")
    source = zipfile.ZipFile(io.BytesIO(built.bytes()))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "aaaa">]>', 1)
            archive.writestr(info, data)
    with pytest.raises(BinaryInputError, match="DTD"):
        read(stream.getvalue(), path="bomb.docx")


def test_a_docx_is_chosen_by_content_whatever_its_name() -> None:
    built = Builder()
    built.paragraph("关于做好防汛工作的通知")
    assert choose(built.bytes(), path="通知.txt").name == "docx"
    assert docparse.parse_bytes(built.bytes()).source.format == "docx"


def _many_paragraphs(n: int) -> bytes:
    """A report of ``n`` paragraphs, one in five numbered: a small file built once, its body
    paragraphs repeated in its XML (python-docx takes seconds to add ten thousand)."""
    built = Builder()
    gongwen = built.instance(built.definition(GONGWEN_LEVELS, suffix="nothing"))
    built.paragraph("关于工作的报告")
    built.paragraph("工作", num_id=gongwen, level=0)
    for index in range(4):
        built.paragraph(f"第{index}段正文内容，完成投资{index}万元。")
    source = zipfile.ZipFile(io.BytesIO(built.bytes()))
    document = source.read("word/document.xml").decode()
    start = document.index("<w:p>", document.index("<w:p>") + 1)
    end = document.rindex("</w:p>") + len("</w:p>")
    document = document[:start] + document[start:end] * (n // 5) + document[end:]
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = document.encode() if info.filename == "word/document.xml" else source.read(info)
            archive.writestr(info.filename, data)
    return stream.getvalue()


def _cpu_seconds(action: Callable[[], object]) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def test_ten_thousand_paragraphs_read_in_linear_time() -> None:
    small, large = _many_paragraphs(1_000), _many_paragraphs(10_000)
    read(small)
    small_time = min(_cpu_seconds(lambda: read(small)) for _ in range(2))  # the least of two runs: a
    large_time = min(_cpu_seconds(lambda: read(large)) for _ in range(2))  # collector pass lands in one
    assert large_time < 20 * max(small_time, 0.01), \
        f"{small_time:.3f}s → {large_time:.3f}s for ×10 the paragraphs"
    assert read(large).text.count("\n") == 10_000
