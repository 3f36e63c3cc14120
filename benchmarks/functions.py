"""Instructions spent inside given functions during full parses of the samples (valgrind's callgrind).

`instructions.py` counts a whole pass; this says where the instructions of a pass go. Each named
function is wrapped in turn (in every module that imported it, and in the rule tuples that list it),
and callgrind counts only while a wrapped call runs, switched on and off by a client request from
a small C helper compiled on the fly (needs a C compiler and valgrind's headers). Each call pays
about 3,200 instructions of wrapping, counted in: subtract ``calls × 3.2 k`` for a function called
thousands of times. Generators count only their creation. Takes a few minutes.

    python benchmarks/functions.py docparse.metrics.finder:find_metrics docparse.structure:structure
    python benchmarks/functions.py --passes 2 lark:Lark.parse docparse.spans:Locator.span
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_HELPER = """#include <valgrind/callgrind.h>
void toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
"""


def _wrapped(function: Callable[..., Any], toggle: Callable[[], None]) -> Callable[..., Any]:
    """``function`` with counting switched on for the outermost call (it may recurse)."""
    depth = 0

    @functools.wraps(function)
    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal depth
        if depth == 0:
            toggle()
        depth += 1
        try:
            return function(*args, **kwargs)
        finally:
            depth -= 1
            if depth == 0:
                toggle()
    return counted


def _swap(target: str, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> Callable[[], None]:
    """Put ``wrap(function)`` wherever ``module:qualname`` is bound; return the undo."""
    module_name, qualname = target.split(":")
    owner: Any = importlib.import_module(module_name)
    *path, name = qualname.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    new = wrap(original)
    undo: list[tuple[Any, str, Any]] = []
    holders = [owner] if path else [m for m in list(sys.modules.values()) if m is not None]
    for holder in holders:
        for attribute, value in list(vars(holder).items()):
            if value is original:
                replaced: Any = new
            elif isinstance(value, tuple) and any(item is original for item in value):
                replaced = tuple(new if item is original else item for item in value)
            else:
                continue
            setattr(holder, attribute, replaced)
            undo.append((holder, attribute, value))

    def restore() -> None:
        for holder, attribute, value in undo:
            setattr(holder, attribute, value)
    return restore


def _run(passes: int, targets: list[str], helper: str) -> None:
    """Inside callgrind: warm up, then ``passes`` passes per target with only the target counted."""
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    import run

    library = ctypes.CDLL(helper)
    data = [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.txt"))]
    for _ in range(2):
        for item in data:
            run.full(item)
    for target in targets:
        if target == "full":
            library.toggle()
            for _ in range(passes):
                for item in data:
                    run.full(item)
            library.toggle()
        else:
            undo = _swap(target, lambda original: _wrapped(original, library.toggle))
            for _ in range(passes):
                for item in data:
                    run.full(item)
            undo()
        library.dump(target.encode())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="+", help="module:qualname, or 'full' for the whole pass")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        _run(args.passes, args.targets, args.run)
        return 0
    if shutil.which("valgrind") is None or shutil.which("cc") is None:
        print("needs valgrind and a C compiler", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        source, helper = Path(work, "toggle.c"), Path(work, "toggle.so")
        source.write_text(_HELPER)
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(helper), str(source)], check=True)
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no",
             f"--callgrind-out-file={work}/out.%p", sys.executable, __file__, "--run", str(helper),
             "--passes", str(args.passes), *args.targets],
            capture_output=True, check=True, env=dict(os.environ, PYTHONHASHSEED="0"))
        dumps = sorted(Path(work).glob("out.*"),
                       key=lambda path: [int(number) for number in re.findall(r"\d+", path.name)])
        for dump in dumps:
            content = dump.read_text()
            label = re.search(r"^desc: Trigger: Client Request: (.*)$", content, re.MULTILINE)
            total = re.search(r"^summary: (\d+)", content, re.MULTILINE)
            if label and total:
                print(f"{label.group(1):<60} {int(total.group(1)) / args.passes / 1e6:8.2f} M per pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
