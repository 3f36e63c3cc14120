"""The PDF reader: the document as its author wrote it, from PDFs made here as a 公文 is set.

The PDFs are typeset in the test with reportlab in STSong-Light, a CID font the file does not embed
(the hard case of the issue): justified lines, a letter-spaced 版头, a running head and a page number
drawn before the body, a paragraph over a page break, a line that starts with ``五、“3·15”`` inside a
paragraph, and a two-column page. The real PDFs of ../shared/corpus are checked where it is there.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from docparse.errors import BinaryInputError, DecodeError, EmptyInputError, InputError, MissingExtraError
from docparse.models import Document
from docparse.readers import choose
from docparse.renderers.parquet import rows

from .conftest import FIXTURES
from .spans import span_problems

pytest.importorskip("pypdfium2")
reportlab = pytest.importorskip("reportlab")
from reportlab.lib import pdfencrypt  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = 595.0, 842.0
LEFT, RIGHT = 79.0, 516.0
SIZE = 16.0
PITCH = 28.0
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

TITLE = "关于做好2024年安全生产工作的通知"
RUNNING_HEAD = "某某县人民政府规范性文件汇编"
OPENING = ("为深入贯彻落实安全生产工作部署，切实防范化解重大安全风险，坚决遏制重特大事故发生，"
           "保障人民群众生命财产安全，现就做好今年安全生产工作通知如下。")
WRAPPED = ("各部门要结合实际认真组织开展宣传活动，广泛普及安全知识，营造良好氛围，"
           "按照全年安排做好第一、二、三、四、五、“3·15”消费者权益日期间开展专项检查，"
           "严肃查处违法违规行为，切实维护市场秩序。")
ACROSS = ("各乡镇、各部门要严格落实安全生产责任制，主要负责人是本地区本单位安全生产第一责任人，"
          "对安全生产工作全面负责，分管负责人对分管范围内的安全生产工作负直接领导责任，"
          "班子其他成员对分管范围内的安全生产工作负领导责任，形成一级抓一级、层层抓落实的工作格局。")


@dataclass
class Typesetter:
    """Sets paragraphs on A4 pages as a 公文 is set: 16 pt lines justified to both margins, a first
    line indented by two characters, the last line of a paragraph left short; on every page a
    running head and a page number drawn before the body."""

    pdf: canvas.Canvas = field(default_factory=lambda: canvas.Canvas(io.BytesIO(), pagesize=(WIDTH, HEIGHT)))
    y: float = HEIGHT - 120
    page: int = 0
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.pdf.showPage()
        self.page += 1
        self.pdf.setFont(FONT, 14)
        self.pdf.drawCentredString(WIDTH / 2, 50, f"— {self.page} —")  # the footer first, as Word writes it
        self.pdf.setFont(FONT, 10.5)
        self.pdf.drawCentredString(WIDTH / 2, HEIGHT - 50, RUNNING_HEAD)
        self.y = HEIGHT - 110

    def line(self, text: str, x: float, *, size: float = SIZE, justify: bool = False,
             spacing: float = 0.0, right: float = RIGHT) -> None:
        if self.y < 90:
            self.new_page()
        natural = pdfmetrics.stringWidth(text, FONT, size)
        if justify and len(text) > 1:
            spacing = (right - x - natural) / (len(text) - 1)
        text_object = self.pdf.beginText(x, self.y)
        text_object.setFont(FONT, size)
        text_object.setCharSpace(spacing)
        text_object.textOut(text)
        self.pdf.drawText(text_object)
        self.y -= PITCH * size / SIZE

    def centred(self, text: str, *, size: float = SIZE, spacing: float = 0.0) -> None:
        width = pdfmetrics.stringWidth(text, FONT, size) + spacing * (len(text) - 1)
        self.line(text, (WIDTH - width) / 2, size=size, spacing=spacing)

    def paragraph(self, text: str, *, indent: int = 2, left: float = LEFT, right: float = RIGHT) -> None:
        x = left + indent * SIZE
        rest = text
        while rest:
            count = 1
            while count < len(rest) and x + pdfmetrics.stringWidth(rest[:count + 1], FONT, SIZE) <= right:
                count += 1
            chunk, rest = rest[:count], rest[count:]
            self.line(chunk, x, justify=bool(rest), right=right)
            x = left

    def lines(self, lines: list[str], *, first_indent: int = 2) -> None:
        """A paragraph broken where the test says (to put a marker at a line start)."""
        for index, text in enumerate(lines):
            x = LEFT + (first_indent * SIZE if index == 0 else 0)
            self.line(text, x, justify=index < len(lines) - 1)

    def output(self) -> bytes:
        self.pdf.showPage()
        self.pdf.save()
        stream = self.pdf.getpdfdata()
        return stream


def notice() -> bytes:
    """A three-page 通知: 版头, 发文字号, title, addressee, headings, paragraphs; the last paragraph
    of page 1 runs on to page 2."""
    setter = Typesetter()
    setter.centred("某某县人民政府文件", size=26, spacing=14)
    setter.centred("某政发〔2024〕3号")
    setter.y -= 20
    setter.centred(TITLE, size=22)
    setter.line("各乡镇人民政府，县政府各部门：", LEFT)
    setter.paragraph(OPENING)
    setter.line("一、总体要求", LEFT + 2 * SIZE)
    setter.paragraph("坚持人民至上、生命至上，统筹发展和安全，全面提升安全生产治理能力。")
    setter.line("二、主要任务", LEFT + 2 * SIZE)
    first = len(WRAPPED.split("五、")[0])
    setter.lines([WRAPPED[:first - 26], WRAPPED[first - 26:first],  # the third line starts with 五、“3·15”
                  WRAPPED[first:first + 27], WRAPPED[first + 27:]])
    setter.line("三、保障措施", LEFT + 2 * SIZE)
    while setter.y > 90 + 2 * PITCH:
        setter.paragraph("各单位要加强组织领导，细化工作措施，确保各项任务落到实处。")
    setter.paragraph(ACROSS)
    setter.paragraph("本通知自印发之日起施行。")
    return setter.output()


def parse(data: bytes, name: str = "notice.pdf") -> Document:
    return docparse.parse_bytes(data, path=name)


@pytest.fixture(scope="module")
def notice_doc() -> Document:
    return parse(notice())


def test_pdf_is_sniffed_and_named_in_the_source(notice_doc: Document) -> None:
    assert choose(notice(), path="no-extension").name == "pdf"
    assert notice_doc.source.format == "pdf"


def test_letter_spaced_head_and_title_are_whole_lines(notice_doc: Document) -> None:
    lines = notice_doc.text.split("\n")
    assert lines[:3] == ["某某县人民政府文件", "某政发〔2024〕3号", TITLE]
    assert notice_doc.title is not None and notice_doc.title.text == TITLE
    assert notice_doc.metadata.doc_number == "某政发〔2024〕3号"


def test_justified_lines_join_into_paragraphs_without_spaces(notice_doc: Document) -> None:
    lines = notice_doc.text.split("\n")
    assert OPENING in lines
    assert "各乡镇人民政府，县政府各部门：" in lines


def test_a_paragraph_runs_on_over_the_page_break(notice_doc: Document) -> None:
    lines = notice_doc.text.split("\n")
    assert ACROSS in lines
    start = notice_doc.text.index(ACROSS)
    pages = {anchor.page for anchor in notice_doc.source_map
             if anchor.start < start + len(ACROSS) and anchor.end > start}
    assert pages == {1, 2}


def test_every_span_carries_its_pages(notice_doc: Document) -> None:
    assert span_problems(notice_doc) == []
    paragraph = next(paragraph for section in notice_doc.walk() for paragraph in section.body
                     if paragraph.text == ACROSS)
    assert (paragraph.span.page, paragraph.span.end_page) == (1, 2)
    assert notice_doc.title is not None
    assert [(span.page, span.end_page) for span in notice_doc.title.spans] == [(1, 1)]
    assert docparse.from_json(docparse.to_json(notice_doc)) == notice_doc
    pieces = [chunk for chunk in docparse.chunks(notice_doc) if ACROSS in chunk.text]
    assert [(chunk.page, chunk.end_page) for chunk in pieces] == [(1, 2)]
    sections = rows(notice_doc)["sections"]
    assert sections["page"] == [section.span.page for section in notice_doc.walk()]
    assert None not in sections["page"]


def test_page_numbers_and_running_heads_are_left_out(notice_doc: Document) -> None:
    assert RUNNING_HEAD not in notice_doc.text
    assert "— 1 —" not in notice_doc.text and "— 2 —" not in notice_doc.text
    assert notice_doc.text.split("\n")[-1] == "本通知自印发之日起施行。"


def test_headings_are_their_own_lines_and_a_wrapped_marker_is_not_one(notice_doc: Document) -> None:
    titles = [notice_doc.text[section.heading_span.start:section.heading_span.end]
              for section in notice_doc.walk()]
    assert titles[:3] == ["一、总体要求", "二、主要任务", "三、保障措施"]
    assert not any("3·15" in title for title in titles)
    assert WRAPPED in notice_doc.text.split("\n")


def test_every_line_is_anchored_to_its_page(notice_doc: Document) -> None:
    first = notice_doc.locate(notice_doc.text.index(TITLE))
    assert first is not None and first.page == 1 and first.where == "page[1]"
    last = notice_doc.locate(notice_doc.text.index("本通知自印发之日起施行"))
    assert last is not None and last.page == 2
    starts = [anchor.start for anchor in notice_doc.source_map]
    assert starts == sorted(starts)


def two_columns() -> bytes:
    """A page set in two columns under a title that runs across both."""
    setter = Typesetter()
    setter.centred("二〇二三年工作情况简报", size=22)
    top = setter.y
    middle = WIDTH / 2
    for text in LEFT_COLUMN:
        setter.paragraph(text, right=middle - 12)
    setter.y = top
    for text in RIGHT_COLUMN:
        setter.paragraph(text, left=middle + 12)
    return setter.output()


LEFT_COLUMN = ("左栏第一段：全年完成固定资产投资一百二十亿元，同比增长百分之八，其中工业投资增长百分之十二。",
               "左栏第二段：新增城镇就业一万二千人，城镇调查失业率控制在目标以内，居民收入稳步增长。",
               "左栏第三段：营商环境持续优化，新登记市场主体八千户，政务服务事项全部实现网上可办。")
RIGHT_COLUMN = ("右栏第一段：粮食总产量稳定在三十万吨以上，农村居民收入持续增长，乡村振兴扎实推进。",
                "右栏第二段：空气质量优良天数比例达到百分之九十以上，水质持续改善，生态环境明显好转。",
                "右栏第三段：民生支出占一般公共预算支出的八成，教育、医疗、养老等保障水平持续提高。")


def test_a_two_column_page_is_read_column_by_column() -> None:
    text = parse(two_columns()).text
    order = [text.index(paragraph) for paragraph in (*LEFT_COLUMN, *RIGHT_COLUMN)]
    assert order == sorted(order)
    assert set(LEFT_COLUMN + RIGHT_COLUMN) <= set(text.split("\n"))


def test_a_pdf_without_text_is_refused_as_needing_ocr() -> None:
    scan = canvas.Canvas(io.BytesIO(), pagesize=(WIDTH, HEIGHT))
    scan.rect(72, 72, 400, 600, fill=1)  # a page that is only a picture
    scan.showPage()
    scan.save()
    with pytest.raises(EmptyInputError, match="OCR") as caught:
        parse(scan.getpdfdata(), "scan.pdf")
    assert caught.value.code == "DP002" and caught.value.path == "scan.pdf" and caught.value.exit_code == 3


def test_the_command_says_a_scan_needs_ocr_and_exits_3(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    scan = canvas.Canvas(str(tmp_path / "scan.pdf"), pagesize=(WIDTH, HEIGHT))
    scan.rect(72, 72, 400, 600, fill=1)
    scan.showPage()
    scan.save()
    assert main(["outline", str(tmp_path / "scan.pdf")]) == 3
    error = capsys.readouterr().err.strip()
    assert "scan.pdf: DP002" in error and "OCR" in error and "Traceback" not in error


def test_a_pdf_whose_font_maps_to_no_characters_is_reported_as_such() -> None:
    """Characters of an embedded font whose codes map to nothing (PDFium reads them as U+0000): the
    text is there but unreadable, which is neither a scan nor a report."""
    from reportlab.pdfbase.ttfonts import TTFont
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Vera", str(vera)))
    buffer = io.BytesIO()
    broken = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    broken.setFont("Vera", SIZE)
    for line in range(20):  # characters of the private use area, which the font has no glyphs for
        broken.drawString(LEFT, 700 - line * PITCH, "".join(chr(0xE000 + code) for code in range(24)))
    broken.save()
    with pytest.raises(DecodeError, match="字符映射") as caught:
        parse(buffer.getvalue(), "broken.pdf")
    assert caught.value.code == "DP004" and caught.value.exit_code == 3 and caught.value.path == "broken.pdf"


def test_a_pdf_whose_text_is_unmapped_glyph_codes_is_reported() -> None:
    setter = Typesetter()
    setter.centred(TITLE, size=22)
    for _ in range(12):
        setter.line("(cid:3518)(cid:2104)(cid:877)(cid:1204)(cid:9)(cid:4410)(cid:3518)(cid:2104)", LEFT)
    with pytest.raises(DecodeError, match="字符映射"):
        parse(setter.output(), "cid.pdf")


def test_an_encrypted_pdf_is_refused() -> None:
    buffer = io.BytesIO()
    locked = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret"))
    locked.setFont(FONT, SIZE)
    locked.drawString(72, 700, TITLE)
    locked.save()
    with pytest.raises(InputError, match="加密") as caught:
        parse(buffer.getvalue(), "locked.pdf")
    assert caught.value.code == "DP001"


def test_a_truncated_pdf_is_refused_as_damaged() -> None:
    data = notice()
    with pytest.raises(BinaryInputError, match="损坏") as caught:
        parse(data[: len(data) // 2], "cut.pdf")
    assert caught.value.code == "DP003" and "cut.pdf" in str(caught.value)


def test_a_lone_character_in_an_unembedded_font_is_read_or_reported() -> None:
    """PDFium measures a character of a font neither embedded nor installed as empty and leaves a
    text object of one such character out: the reader says so instead of losing it silently."""
    setter = Typesetter()
    for index, char in enumerate("国务院文件"):
        setter.pdf.setFont(FONT, 26)
        setter.pdf.drawString(150 + index * 60, 700, char)
    setter.y = 600
    setter.paragraph(OPENING)
    data = setter.output()
    try:
        doc = parse(data)
    except DecodeError as error:
        assert "未嵌入" in error.message and error.code == "DP004"
    else:
        assert "国务院文件" in doc.text.split("\n")  # a line of its own (after a one-page document's head)


def test_without_pypdfium2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(MissingExtraError, match=r"docparse-cn\[pdf\]"):
        parse(notice())


def long_report(pages: int) -> bytes:
    setter = Typesetter()
    setter.centred(TITLE, size=22)
    while setter.page <= pages:
        setter.paragraph(ACROSS)
    return setter.output()


def cpu_time(data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        parse(data)
        best = min(best, time.process_time() - start)
    return best


def test_reading_time_grows_linearly_with_pages() -> None:
    small, large = long_report(4), long_report(16)
    assert cpu_time(large) < 8 * cpu_time(small)


def corpus_pdfs() -> Iterator[Path]:
    yield from sorted(CORPUS.glob("regulation/*.pdf"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize(("name", "articles", "chapters"), [
    ("regulation-002", 24, 0), ("regulation-005", 107, 13), ("regulation-033", 266, 15),
])
def test_real_law_pdfs_have_every_article_and_chapter(name: str, articles: int, chapters: int) -> None:
    doc = docparse.parse_file(CORPUS / "regulation" / f"{name}.pdf")
    styles = [section.marker.style for section in doc.walk()]
    ordinals = [section.marker.ordinal for section in doc.walk() if section.marker.style == "article"]
    assert ordinals == list(range(1, articles + 1))
    assert styles.count("chapter") == chapters
    assert doc.title is not None and doc.title.text.startswith("中华人民共和国")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_a_real_report_keeps_footnotes_out_of_paragraphs_and_numbers_out_of_the_text() -> None:
    doc = docparse.parse_file(CORPUS / "stats" / "stats-005.pdf")
    lines = doc.text.split("\n")
    # the footnote reference ¹ after 常住人口 is left out; the footnote follows the paragraph
    assert "2021年，深圳市常住人口1761.48万人，其中男性969.57万人，占全市人口的55.0%；女性791.91万人，" \
           "占全市人口的45.0%，常住人口性别比为122.44。" in lines
    assert "注：此处户籍人口数据来自市公安局。" in lines
    assert not any(line.strip().isdigit() for line in lines)  # bare page numbers left out
    assert doc.title is not None and doc.title.text == "2021年深圳市社会性别统计报告"


RULED = (("指标", "单位", "2023年", "增长（%）"), ("地区生产总值", "亿元", "356.8", "6.2"),
         ("一般公共预算收入", "亿元", "21.4", "5.1"),
         ("城镇居民人均可支配收入（按常住地分）", "元", "45210", "4.8"))
ALIGNED = (("乡镇", "播种面积（亩）", "产量（吨）"), ("城关镇", "12500", "5600"), ("河东乡", "9800", "4300"),
           ("山前镇", "15200", "6800"))


def tables_page() -> bytes:
    """A ruled table drawn as one grid path (its last row's first cell over two lines), then a
    table set in aligned columns without rules, each between paragraphs."""
    setter = Typesetter()
    setter.centred("二〇二三年主要指标完成情况", size=22)
    setter.paragraph("全县主要经济指标完成情况如下表所示，各项指标均达到或超过年度目标。")
    setter.centred("表1 主要经济指标")
    columns = [LEFT, LEFT + 160, LEFT + 240, LEFT + 340, RIGHT]
    rows = [setter.y + 18]
    for height in (28, 28, 28, 48):
        rows.append(rows[-1] - height)
    setter.pdf.grid(columns, rows)
    setter.pdf.setFont(FONT, 12)
    for cells, top in zip(RULED, rows, strict=False):
        for index, cell in enumerate(cells):
            room = columns[index + 1] - columns[index] - 8
            pieces = [cell] if pdfmetrics.stringWidth(cell, FONT, 12) <= room else [cell[:12], cell[12:]]
            for number, piece in enumerate(pieces, start=1):
                setter.pdf.drawString(columns[index] + 4, top - 18 * number, piece)
    setter.y = rows[-1] - 30
    setter.paragraph("从上表可以看出，全县经济运行总体平稳、稳中有进。")
    setter.centred("表2 各乡镇粮食产量")
    for cells in ALIGNED:
        setter.pdf.setFont(FONT, 12)
        for x, cell in zip((LEFT + 20, LEFT + 180, LEFT + 330), cells, strict=True):
            setter.pdf.drawString(x, setter.y, cell)
        setter.y -= 22
    setter.y -= 10
    setter.paragraph("各乡镇要继续抓好粮食生产，确保粮食安全。")
    return setter.output()


def table_rows(doc: Document) -> list[list[list[str]]]:
    return [[[cell.text for cell in row] for row in paragraph.table.rows]
            for _, paragraph in doc.paragraphs() if paragraph.table is not None]


def test_ruled_and_aligned_tables_become_tables_with_cells() -> None:
    doc = parse(tables_page())
    assert table_rows(doc) == [[list(row) for row in RULED], [list(row) for row in ALIGNED]]
    lines = doc.text.split("\n")
    assert "从上表可以看出，全县经济运行总体平稳、稳中有进。" in lines  # the paragraphs around stay whole
    assert "\t".join(RULED[3]) in lines  # a row a line, a cell's two lines joined


def test_a_real_three_line_table_has_its_rows_and_cells() -> None:
    """Page 3 of ../shared/corpus/stats/stats-005.pdf (深圳市社会性别统计报告): a table ruled only
    above, under its head and below (三线表), its columns aligned."""
    doc = docparse.parse_file(FIXTURES / "pdf" / "stats-005-page3.pdf")
    (table,) = table_rows(doc)
    assert table[:3] == [["户籍人口", "男性", "女性", "户籍人口性别比"],
                         ["（万人）", "(万人)", "（万人）", "（女=100）"],
                         ["福田区", "124.88", "60.48", "64.40", "93.91"]]
    assert len(table) == 12 and table[-1] == ["大鹏新区", "5.05", "2.58", "2.47", "104.45"]
    assert doc.text.split("\n")[0] == "表2 2021年深圳市分区户籍人口及性别比"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_the_tables_of_a_real_report_have_their_cells() -> None:
    doc = docparse.parse_file(CORPUS / "stats" / "stats-005.pdf")
    tables = table_rows(doc)
    district = next(table for table in tables if table[0] == ["户籍人口", "男性", "女性", "户籍人口性别比"])
    assert ["福田区", "124.88", "60.48", "64.40", "93.91"] in district
    assert district[-1] == ["大鹏新区", "5.05", "2.58", "2.47", "104.45"]
    assert len(tables) >= 6


COPIES = "抄送：县委各部门，县人大常委会办公室，县政协办公室。"


def red_head_notice() -> bytes:
    """A 公文 over several pages: the red 版头 and its red rule, the 发文字号 under it, page numbers
    ``— N —`` and a running head on every page, and the 版记 (抄送, 印发机关和日期) between rules at
    the end."""
    setter = Typesetter()
    setter.pdf.setFillColorRGB(0.9, 0, 0)
    setter.centred("某某县人民政府文件", size=30, spacing=10)
    setter.pdf.setFillColorRGB(0, 0, 0)
    setter.centred("某政发〔2024〕12号")
    setter.pdf.setStrokeColorRGB(0.9, 0, 0)
    setter.pdf.line(LEFT, setter.y + 14, RIGHT, setter.y + 14)
    setter.pdf.setStrokeColorRGB(0, 0, 0)
    setter.y -= 20
    setter.centred("某某县人民政府关于加强安全生产工作的通知", size=22)
    setter.line("各乡镇人民政府，县政府各部门：", LEFT)
    for heading in ("一、总体要求", "二、重点任务", "三、保障措施"):
        setter.line(heading, LEFT + 2 * SIZE)
        for _ in range(3):
            setter.paragraph(ACROSS)
    setter.y -= 30
    setter.line("某某县人民政府", RIGHT - 8 * SIZE)
    setter.line("2024年3月1日", RIGHT - 7 * SIZE)
    setter.y -= 40
    setter.pdf.line(LEFT, setter.y + 20, RIGHT, setter.y + 20)
    setter.pdf.setFont(FONT, 14)
    setter.pdf.drawString(LEFT + 14, setter.y, COPIES)
    setter.pdf.line(LEFT, setter.y - 10, RIGHT, setter.y - 10)
    setter.y -= 30
    setter.pdf.drawString(LEFT + 14, setter.y, "某某县人民政府办公室")
    setter.pdf.drawRightString(RIGHT - 14, setter.y, "2024年3月1日印发")
    setter.pdf.line(LEFT, setter.y - 10, RIGHT, setter.y - 10)
    return setter.output()


def test_a_red_head_notice_keeps_head_and_page_numbers_as_furniture_and_its_imprint_lines_whole() -> None:
    doc = parse(red_head_notice())
    assert [(item.category, item.text) for item in doc.furniture] == [("banner", "文件")]
    assert doc.metadata.issuer == "某某县人民政府"  # the masthead names the issuer
    assert doc.metadata.doc_number == "某政发〔2024〕12号"
    assert doc.title is not None and doc.title.text == "某某县人民政府关于加强安全生产工作的通知"
    assert doc.closing is not None and doc.closing.date is not None
    assert doc.closing.date.isoformat() == "2024-03-01"
    lines = doc.text.split("\n")
    assert not any("—" in line or RUNNING_HEAD in line for line in lines)
    assert max(anchor.page or 0 for anchor in doc.source_map) >= 2
    # the 版记: each item a line of its own, as the text pipeline reads a typed one
    assert lines[-2:] == [COPIES, "某某县人民政府办公室 2024年3月1日印发"]
