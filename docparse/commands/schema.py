"""``docparse schema``: the JSON Schema of ``docparse parse`` output."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("schema", help="输出 JSON Schema",
                                   description="输出解析结果的 JSON Schema。")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..api import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
