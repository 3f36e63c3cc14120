"""Where the time of a full parse goes, by stage (cProfile, cumulative time of each stage's entry point).

    python benchmarks/stages.py             # the five samples, 20 rounds
    python benchmarks/stages.py --top 30    # also the 30 most expensive functions (own time)

The shares are of the profiled run (cProfile slows Python code more than C code, so they are
approximate). The second table is unprofiled: CPU time (median of ``--rounds``) of the full parse
with the later stages switched off one after another, so the differences are what metrics and
claims cost at full speed. ``benchmarks/run.py`` gives the MB/s.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from pathlib import Path

from run import full  # the same full parse + JSON as benchmarks/run.py measures

ROOT = Path(__file__).resolve().parent.parent

STAGES = [
    ("read (decode)", "readers/__init__.py", "read"),
    ("normalize + fold", "normalize.py", "normalize_newlines"),
    ("normalize + fold", "normalize.py", "fold"),
    ("lines + locator", "lines.py", "text_lines"),
    ("lines + locator", "spans.py", "__init__"),
    ("segment (chrome, metadata)", "segment/__init__.py", "segment"),
    ("front matter", "frontmatter.py", "build_front_matter"),
    ("structure (lexer, line rules, LALR, outline)", "structure/__init__.py", "structure"),
    ("  LALR block parse", "lark.py", "parse"),
    ("body (sections, paragraphs)", "models.py", "finish"),
    ("  enumerations", "body/enumerations.py", "cut_paragraph"),
    ("  claims (sentences)", "body/claims.py", "split_claims"),
    ("    metrics", "metrics/finder.py", "find_metrics"),
    ("  spans (Locator.span)", "spans.py", "span"),
    ("JSON (json_chunks, as convert writes it)", "renderers/document.py", "json_chunks"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()

    docs = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.txt"))]
    for data in docs:
        full(data)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.rounds):
        for data in docs:
            full(data)
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(own for (_, _, own, _, _) in entries.values())
    shares: dict[str, float] = {}
    for label, filename, function in STAGES:
        for (path, _, name), (_, _, _, cumulative, _) in entries.items():
            if path.endswith(filename) and name == function and ("docparse" in path or "lark" in path
                                                                  or "pydantic" in path):
                if filename == "lark.py" and "lark" not in path:
                    continue
                shares[label] = shares.get(label, 0.0) + cumulative
    print(f"{args.rounds} rounds over {len(docs)} samples, profiled total {total:.2f} s\n")
    print("| stage | share of a full parse + JSON |\n|---|---:|")
    for label, _, _ in STAGES:
        if label in shares:
            print(f"| {label} | {100 * shares.pop(label) / total:.0f}% |")
    print()
    print(ablation(docs, args.rounds))
    if args.top:
        print()
        stats.sort_stats("tottime").print_stats(args.top)
    return 0


def ablation(docs: list[bytes], rounds: int) -> str:
    """Unprofiled CPU ms of the full parse + JSON, then without metrics, then without claims."""
    import statistics
    import time

    from docparse.body import claims

    def measure() -> float:
        times = []
        for _ in range(rounds):
            started = time.process_time()
            for data in docs:
                full(data)
            times.append(time.process_time() - started)
        return statistics.median(times) * 1000

    find_metrics, split_claims = claims.find_metrics, claims.split_claims
    rows = [("full parse + JSON", measure())]
    try:
        claims.find_metrics = lambda *args, **kwargs: []  # type: ignore[assignment]
        rows.append(("without metrics", measure()))
        claims.split_claims = lambda *args, **kwargs: []  # type: ignore[assignment]
        rows.append(("without claims and metrics", measure()))
    finally:
        claims.find_metrics, claims.split_claims = find_metrics, split_claims
    total = rows[0][1]
    lines = ["| unprofiled, 5 samples | CPU ms | share of full |", "|---|---:|---:|"]
    lines += [f"| {label} | {ms:.1f} | {100 * ms / total:.0f}% |" for label, ms in rows]
    for label, (_, with_stage), (_, without) in (("→ metrics", rows[0], rows[1]),
                                                 ("→ claims (sentences, roles)", rows[1], rows[2])):
        cost = with_stage - without
        lines.append(f"| {label} | {cost:.1f} | {100 * cost / total:.0f}% |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
