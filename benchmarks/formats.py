"""Each input format against the same document as plain text: CPU time of ``parse_bytes`` on the
original and on its text rendering, and their ratio (an HTML page should take at most 2× the time
of its text, a .docx at most 3×).

    python benchmarks/formats.py            # the pages and .docx of tests/fixtures beside their text
    python benchmarks/formats.py --rounds 51
    python benchmarks/formats.py --pdf      # generated PDFs of 30 and 300 pages: pages per second
    python benchmarks/formats.py --doc      # the .doc files of ../shared/corpus: LibreOffice's cost

The pairs are real documents: a saved page or a Word file and the rendering the development gold
annotates (the page's text, one line per block; the .docx exported as text by LibreOffice). The
ratio holds on any machine; the milliseconds are this one's.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docparse

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAIRS = (
    ("NDRC notice page (notice-051)", FIXTURES / "html" / "ndrc_notice_051.html",
     FIXTURES / "html" / "ndrc_notice_051.txt", 2.0),
    ("county statistics page (stats-002)", FIXTURES / "html" / "county_stats_002.html",
     FIXTURES / "html" / "county_stats_002.txt", 2.0),
    ("syllabus .docx (other-001)", FIXTURES / "docx" / "other-001.docx", FIXTURES / "docx" / "other-001.txt",
     3.0),
)
"""(name, original, its text rendering, the most times the text's time the original may take)."""


def cpu_ms(data: bytes, path: str, rounds: int) -> float:
    """The median CPU time of one parse, in milliseconds."""
    docparse.parse_bytes(data, path=path)  # warm: grammars built, modules imported
    times = []
    for _ in range(rounds):
        start = time.process_time()
        docparse.parse_bytes(data, path=path)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1e3


PARAGRAPH = ("各乡镇、各部门要严格落实安全生产责任制，主要负责人是本地区本单位安全生产第一责任人，对安全生产"
             "工作全面负责，全年完成固定资产投资120.5亿元，同比增长8.2%，其中工业投资增长12.1%，新增城镇就业"
             "1.2万人，城镇调查失业率控制在5.5%以内。")
HEADINGS = ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、")
CHARS_PER_LINE = 27


def report_pdf(pages: int) -> bytes:
    """A report of ``pages`` A4 pages set as a 公文 is (16 pt 仿宋-sized lines, a heading every few
    paragraphs, a page number ``— N —`` at the foot), in STSong-Light (a CID font not embedded)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    page, y, paragraph = 1, 700.0, 0

    def line(text: str, x: float, size: float = 16) -> None:
        nonlocal page, y
        if y < 90:
            pdf.setFont(font, 14)
            pdf.drawCentredString(297, 50, f"— {page} —")
            pdf.showPage()
            page, y = page + 1, 760.0
        pdf.setFont(font, size)
        pdf.drawString(x, y, text)
        y -= 28 * size / 16

    line("某某县2023年国民经济和社会发展情况报告", 110, 22)
    while page <= pages:
        if paragraph % 4 == 0:
            line(f"{HEADINGS[paragraph // 4 % 10]}第{paragraph // 4 + 1}部分工作情况", 111)
        text, x = PARAGRAPH, 111.0
        while text:
            count = CHARS_PER_LINE - (2 if x > 100 else 0)
            line(text[:count], x)
            text, x = text[count:], 79.0
        paragraph += 1
    pdf.save()
    return buffer.getvalue()


def read_ms(data: bytes, rounds: int) -> float:
    """The median CPU time of the PDF reader alone, in milliseconds."""
    from docparse.readers.pdf import PdfReader

    times = []
    for _ in range(rounds):
        start = time.process_time()
        PdfReader().read(data, path="report.pdf")
        times.append(time.process_time() - start)
    return statistics.median(times) * 1e3


def peak_mb(path: Path) -> float:
    """The peak RSS of a fresh interpreter that parses ``path``, in MB."""
    code = ("import resource, sys, docparse; docparse.parse_file(sys.argv[1]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def pdf_table(rounds: int) -> None:
    """Pages per second of the reader and of the full parse beside the same text (the PDF's own
    reading, parsed as a .txt), at 30 and 300 pages, and the peak memory of each parse."""
    print("| pages | PDF KB | reader ms | reader pages/s | parse ms | parse pages/s | text ms | × text "
          "| peak MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for pages in (30, 300):
            data = report_pdf(pages)
            path = Path(folder) / f"report-{pages}.pdf"
            path.write_bytes(data)
            text = docparse.parse_bytes(data, path=path.name).text.encode("utf-8")
            count = max(3, rounds // (pages // 10))
            reader, parse = read_ms(data, count), cpu_ms(data, path.name, count)
            plain = cpu_ms(text, "report.txt", count)
            print(f"| {pages} | {len(data) / 1e3:.0f} | {reader:.0f} | {pages / reader * 1e3:.0f} "
                  f"| {parse:.0f} | {pages / parse * 1e3:.0f} | {plain:.0f} | {parse / plain:.1f} "
                  f"| {peak_mb(path):.0f} |")


def doc_table() -> None:
    """The .doc files of ../shared/corpus converted by LibreOffice one call a file and all in one
    call (wall time: LibreOffice runs in processes of its own), then, in CPU time, the parse of the
    .docx it made (all of docparse's work on a .doc) beside the parse of the same text."""
    from docparse.readers.doc import convert_with_libreoffice, libreoffice

    soffice = libreoffice()
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    files = sorted(corpus.glob("*/*.doc"))
    if soffice is None or not files:
        print("LibreOffice (soffice) or ../shared/corpus is not here")
        return
    documents = [file.read_bytes() for file in files]
    start = time.perf_counter()
    one_by_one = [convert_with_libreoffice([data], soffice)[0] for data in documents]
    each = time.perf_counter() - start
    start = time.perf_counter()
    convert_with_libreoffice(documents, soffice)
    batched = time.perf_counter() - start
    print(f"LibreOffice .doc → .docx, {len(files)} files: {each:.1f} s one call a file "
          f"({each / len(files):.2f} s a file), {batched:.1f} s in one call "
          f"({batched / len(files):.2f} s a file)")
    print()
    print("| document | .doc KB | .docx parse ms | text ms | × text |")
    print("|---|---:|---:|---:|---:|")
    for file, data, docx in zip(files, documents, one_by_one, strict=True):
        if docx is None:
            continue
        text = docparse.parse_bytes(docx, path=file.stem + ".docx").text.encode("utf-8")
        parse = cpu_ms(docx, file.stem + ".docx", 5)
        plain = cpu_ms(text, file.stem + ".txt", 5)
        print(f"| {file.name} | {len(data) / 1e3:.0f} | {parse:.1f} | {plain:.1f} | {parse / plain:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--pdf", action="store_true", help="generated PDFs of 30 and 300 pages")
    parser.add_argument("--doc", action="store_true", help="the corpus's .doc files through LibreOffice")
    args = parser.parse_args()
    if args.pdf:
        pdf_table(args.rounds)
    if args.doc:
        doc_table()
    if args.pdf or args.doc:
        return 0
    print("| document | original KB | original ms | text KB | text ms | × text | at most |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, original, text, limit in PAIRS:
        page, plain = original.read_bytes(), text.read_bytes()
        page_ms = cpu_ms(page, original.name, args.rounds)
        text_ms = cpu_ms(plain, text.name, args.rounds)
        print(f"| {name} | {len(page) / 1e3:.1f} | {page_ms:.2f} | {len(plain) / 1e3:.1f} | {text_ms:.2f} | "
              f"{page_ms / text_ms:.2f} | {limit:.0f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
