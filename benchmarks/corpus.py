"""A reproducible generated corpus of report-like texts, built from the sample reports.

Benchmarks need more (and larger) input than the five samples, but shipping hundreds of real
reports is not an option. Every generated document is assembled from the samples' own headings
and paragraphs by a seeded random generator, so the corpus is the same on every machine and has
the features that cost time: nested numbered headings, run-in headings, 一是…二是… enumerations,
figures, a closing block. One document in ten is written in GB18030, as scraped reports often are.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

_CN = "一二三四五六七八九十"
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}、\s*(.{2,30}?)\s*$")
_SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,2}[)）]\s*(.{2,30}?)[。.]?\s*$")
_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、．])")
_COUNTIES = ("保德县", "云雾镇", "清丰县", "淮阴区", "运城市", "平遥县", "安阳市", "临汾市", "长治市",
             "忻州市")
_COUNTERS = ("件", "次", "人次", "个", "场", "条", "项", "家")
_LABELS = ("行政复议案件", "行政诉讼案件", "法律援助案件", "普法宣传活动", "执法人员培训", "规范性文件",
           "行政执法案件", "调解纠纷")


@dataclass(frozen=True)
class Pool:
    """Headings and paragraphs cut from the sample reports."""

    headings: list[str]
    subheadings: list[str]
    paragraphs: list[str]


def load_pool(examples: Path = EXAMPLES) -> Pool:
    headings: list[str] = []
    subheadings: list[str] = []
    paragraphs: list[str] = []
    for path in sorted(examples.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if (m := _HEADING.match(line)) is not None:
                headings.append(m.group(1))
            elif (m := _SUBHEADING.match(line)) is not None:
                subheadings.append(m.group(1))
            elif len(line.strip()) >= 60 and not _MARKER.match(line):
                paragraphs.append(line.strip())
    return Pool(headings or ["工作开展情况"], subheadings or ["加强组织领导"], paragraphs)


def _figure(rng: random.Random, year: int) -> str:
    label = rng.choice(_LABELS)
    count = rng.randint(3, 20000)
    change = rng.randint(1, 60)
    return (f"{year}年共办理{label}{count}{rng.choice(_COUNTERS)}，"
            f"同比{'增长' if rng.random() < 0.6 else '下降'}{change}%。")


def _enumeration(rng: random.Random, pool: Pool, year: int) -> str:
    parts = []
    for i in range(rng.randint(2, 5)):
        lead = rng.choice(pool.subheadings).rstrip("。")
        body = rng.choice(pool.paragraphs)
        figure = _figure(rng, year) if rng.random() < 0.5 else ""
        parts.append(f"{_CN[i]}是{lead}。{body}{figure}")
    return "".join(parts)


def document(rng: random.Random, pool: Pool, target_chars: int) -> str:
    """One report of roughly ``target_chars`` characters."""
    county = rng.choice(_COUNTIES)
    year = rng.randint(2015, 2024)
    lines = [f"{county}{year}年度法治政府建设情况报告", ""]
    lines.append(f"{year}年，{county}深入学习贯彻习近平法治思想，法治政府建设取得新成效。现将有关情况报告如下：")
    size = sum(len(line) for line in lines)
    top = 0
    while size < target_chars and top < 99:
        heading = f"{_cn(top + 1)}、{rng.choice(pool.headings)}"
        lines.append(heading)
        size += len(heading)
        for sub in range(rng.randint(0, 5)):
            if size >= target_chars:
                break
            if rng.random() < 0.6:  # a run-in heading with an enumeration
                title = rng.choice(pool.subheadings).rstrip("。")
                text = f"（{_cn(sub + 1)}）{title}。{_enumeration(rng, pool, year)}"
                lines.append(text)
                size += len(text)
            else:
                lines.append(f"（{_cn(sub + 1)}）{rng.choice(pool.subheadings).rstrip('。')}")
                for _ in range(rng.randint(1, 3)):
                    text = rng.choice(pool.paragraphs) + (_figure(rng, year) if rng.random() < 0.4 else "")
                    lines.append(text)
                    size += len(text)
        top += 1
    lines += ["", f"{county}人民政府", f"{year + 1}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", ""]
    return "\n".join(lines)


def _cn(n: int) -> str:
    """1 … 99 in Chinese numerals (十一, 二十三)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + ("" if ones == 0 else _CN[ones - 1])


def generate(count: int, *, seed: int = 6, mean_chars: int = 4500) -> Iterator[tuple[str, bytes]]:
    """``count`` documents as (file name, bytes); sizes vary from a third to three times the mean."""
    rng = random.Random(seed)
    pool = load_pool()
    for index in range(count):
        target = int(mean_chars * rng.choice((0.3, 0.6, 1.0, 1.0, 1.5, 3.0)))
        text = document(rng, pool, target)
        encoding = "gb18030" if index % 10 == 9 else "utf-8"
        yield f"gen_{index:06d}.txt", text.encode(encoding)


def large(target_bytes: int, *, seed: int = 7) -> bytes:
    """One UTF-8 report of about ``target_bytes`` bytes (sections numbered up to 九十九, then again)."""
    rng = random.Random(seed)
    pool = load_pool()
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        chunk = document(rng, pool, 200_000)
        if parts:  # continue the body: drop the title and closing of later chunks
            chunk = "\n".join(chunk.split("\n")[2:-4])
        parts.append(chunk)
        size += len(chunk.encode("utf-8")) + 1
    return "\n".join(parts).encode("utf-8")


def write(directory: Path, count: int, *, seed: int = 6) -> list[Path]:
    """Write the generated corpus to ``directory`` (used by the batch benchmark)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in generate(count, seed=seed):
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths
