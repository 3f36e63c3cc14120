"""Instructions per full parse of the samples, counted by valgrind (callgrind): a steady measure.

CPU time on a shared machine moves by ±5 % from run to run; the number of instructions executed does
not (hash seed fixed), so small speed changes can be compared reliably. Counts 10 passes minus 0
(start-up and warm-up cancel out) and prints instructions per pass over examples/*.txt, parse and
JSON as `benchmarks/run.py`'s "full" stage, or with ``--stage structure`` its structure stage.
Needs valgrind; takes about a minute per run.

    python benchmarks/instructions.py [--passes 10] [--stage structure]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def passes(count: int, stage: str) -> None:
    """Warm up, then run ``stage`` of :mod:`run` over the samples ``count`` times (under valgrind)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import run

    work = getattr(run, stage)
    data = [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.txt"))]
    for _ in range(3):
        for item in data:
            work(item)
    for _ in range(count):
        for item in data:
            work(item)


def instructions(count: int, stage: str) -> int:
    """Instructions (callgrind's Ir) of a process that runs :func:`passes` ``count`` times."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--run", str(count), "--stage", stage], capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--stage", choices=("full", "structure"), default="full")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        passes(args.run, args.stage)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 1
    per_pass = (instructions(args.passes, args.stage) - instructions(0, args.stage)) / args.passes
    what = "parse + JSON" if args.stage == "full" else "the structure stage"
    print(f"{per_pass / 1e6:.1f} M instructions per pass (5 samples, {what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
