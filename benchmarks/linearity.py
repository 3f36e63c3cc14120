"""Linearity and memory benchmark (issue 5, point 6): parse 1 MB and 10 MB synthetic reports.

Not a unit test: run it by hand (``make bench-linearity`` or ``python benchmarks/linearity.py``).
Each case runs in a fresh subprocess so that peak RSS (``resource.getrusage``) is that case's own;
the table shows time and peak memory of ``docparse.parse`` at 1 MB and 10 MB and the 10 MB / 1 MB
ratios (10 is linear), and time and peak memory of ``docparse convert`` on the same report written
to a file (the whole command: reading, decoding, parsing, writing the JSON). It exits 1 when a
conversion of 10 MB peaks at 60 MB per MB of input or more (docs/benchmarks.md).

Shapes: ``corpus`` (one long report assembled by benchmarks/corpus.py from the samples' own headings
and paragraphs: ~14 figures per 1,000 characters, where the five samples have 11), ``sections`` (a
report with thousands of numbered sections, short lines, and ~44 figures per 1,000 characters: four
times as dense as real reports, the worst case for memory), ``long_lines`` (paragraphs of ~8,000
characters each), ``one_line`` (the whole report on a single line), ``short_lines`` (a line of six
characters after another, an 一、 heading every 50 lines: a paragraph per line, the most nodes per
byte), ``enumerations`` (paragraphs of ten short 一是 … 十是 items each).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

MB = 1024 * 1024
CONVERT_BOUND = 60
"""Peak RSS of ``convert`` per MB of input that a 10 MB input of any shape stays under."""
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    from docparse.numerals import int_to_cn

    return int_to_cn(n)


def section(n: int, sentence_repeat: int, newline: str) -> str:
    """One 一、 section with two （一） subsections, enumerations and metrics."""
    number = cn((n - 1) % 99 + 1)
    parts = [f"{number}、第{n}项重点工作推进情况"]
    for sub in (1, 2):
        items = "".join(f"{CN[i]}是加强第{n}项工作的第{i + 1}个环节，开展培训{12 + i}次，覆盖{300 + n}人次。"
                        for i in range(3))
        filler = "各部门协同推进依法行政，行政执法质量稳步提升，群众满意度达到95%以上。" * sentence_repeat
        parts.append(f"（{CN[sub - 1]}）完善制度机制。{items}{filler}")
    return newline.join(parts)


def short_lines(size: int) -> str:
    """Six-character lines, an 一、 heading every 50 lines, to about ``size`` UTF-8 bytes."""
    count = size // len("短行内容完成。\n".encode())
    lines = (f"{cn(i // 50 % 99 + 1)}、第{i // 50}部分\n" if i % 50 == 0 else "短行内容完成。\n"
             for i in range(count))
    return "某县2022年度工作报告\n" + "".join(lines)


def enumerations(size: int) -> str:
    """Paragraphs of ten enumeration items (一是加强学习。… 十是…。), to about ``size`` UTF-8 bytes."""
    paragraph = "".join(f"{CN[i]}是加强学习。" for i in range(10)) + "\n"
    return "某县2022年度工作报告\n一、主要工作\n" + paragraph * (size // len(paragraph.encode()))


def report(shape: str, size: int) -> str:
    """A synthetic report of about ``size`` UTF-8 bytes."""
    if shape == "short_lines":
        return short_lines(size)
    if shape == "enumerations":
        return enumerations(size)
    if shape == "corpus":
        import corpus  # benchmarks/corpus.py, beside this file

        return corpus.large(size).decode("utf-8")
    newline = "" if shape == "one_line" else "\n"
    repeat = 1 if shape == "sections" else 80
    head = newline.join(["某县2022年度法治政府建设情况报告", "2022年，全县上下深入学习贯彻习近平法治思想。"])
    chunks = [head]
    total = len(head.encode("utf-8"))
    n = 0
    while total < size:
        n += 1
        chunk = section(n, repeat, newline)
        chunks.append(chunk)
        total += len(chunk.encode("utf-8")) + len(newline)
    chunks.append(newline.join(["某县人民政府", "2023年2月20日"]))
    return newline.join(chunks) + newline


def run_case(shape: str, megabytes: int) -> dict[str, float]:
    """Generate, then parse once; report time, peak RSS and the document's size."""
    import docparse

    text = report(shape, megabytes * MB)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    doc = docparse.parse(text)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak_kb / 1024, "before_mb": before / 1024,
            "chars": len(text), "sections": sum(1 for _ in doc.walk()),
            "items": sum(1 for _ in doc.enum_items()), "metrics": sum(1 for _ in doc.metrics())}


def run_convert(shape: str, megabytes: int) -> dict[str, float]:
    """Write the report to a file, then run ``docparse convert`` on it in this process: the peak
    RSS of the whole command (reading, decoding, parsing, writing the JSON)."""
    import tempfile

    from docparse.cli import main as cli

    with tempfile.TemporaryDirectory() as temp:
        path = f"{temp}/report.txt"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(report(shape, megabytes * MB))
        started = time.perf_counter()
        if cli(["convert", path, "--out", f"{temp}/out"]) != 0:
            raise SystemExit("docparse convert failed")
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(kind: str, shape: str, megabytes: int) -> dict[str, float]:
    """One case in a fresh interpreter, so that its peak RSS is its own."""
    out = subprocess.run([sys.executable, __file__, f"--{kind}", shape, "--mb", str(megabytes)],
                         capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--convert", help=argparse.SUPPRESS)
    parser.add_argument("--mb", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--shapes", default="corpus,sections,long_lines,one_line")
    parser.add_argument("--sizes", default="1,10", help="sizes in MB (default 1,10)")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.mb)))
        return 0
    if args.convert:
        print(json.dumps(run_convert(args.convert, args.mb)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'shape':<11} {'MB':>3} {'chars':>10} {'sections':>8} {'items':>7} {'metrics':>8} {'seconds':>8} "
          f"{'peak MB':>8} {'convert s':>9} {'convert MB':>10}")
    failed = False
    for shape in args.shapes.split(","):
        results = {}
        for size in sizes:
            r = measure("case", shape, size)
            c = measure("convert", shape, size)
            results[size] = r
            print(f"{shape:<11} {size:>3} {r['chars']:>10} {r['sections']:>8} {r['items']:>7} "
                  f"{r['metrics']:>8} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} {c['seconds']:>9.2f} "
                  f"{c['peak_mb']:>10.0f}")
            failed |= size == 10 and c["peak_mb"] >= CONVERT_BOUND * size
        if len(sizes) >= 2:
            low, high = results[sizes[0]], results[sizes[-1]]
            time_ratio = high["seconds"] / low["seconds"]
            print(f"{shape:<11} ratio {sizes[-1]}/{sizes[0]} MB: time ×{time_ratio:.1f}, "
                  f"peak memory ×{high['peak_mb'] / low['peak_mb']:.1f} (input ×{sizes[-1] / sizes[0]:.0f})")
    if failed:
        print(f"FAIL: converting 10 MB peaks at {CONVERT_BOUND} MB per MB of input or more")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
