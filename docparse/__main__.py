"""``python -m docparse``."""

import sys

from .cli import run

sys.exit(run())
