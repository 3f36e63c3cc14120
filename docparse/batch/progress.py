"""The progress bar of a batch (``docparse convert`` on a terminal)."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """``[#####-----] 120/1000 3.2 MB 85.1 个/秒 剩余 0:10``, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total = stream, total
        self.done = 0
        self.bytes = 0
        self.started = time.perf_counter()
        self.drawn = 0.0

    def update(self, size: int) -> None:
        """One more input done, of ``size`` bytes."""
        self.done += 1
        self.bytes += size
        now = time.perf_counter()
        if now - self.drawn >= 0.1 or self.done == self.total:
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        minutes, seconds = divmod(int(left + 0.5), 60)
        self.stream.write(f"\r[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} "
                          f"{self.bytes / 1e6:.1f} MB {rate:.1f} 个/秒 剩余 {minutes}:{seconds:02d}  ")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        self.stream.write("\n")
        self.stream.flush()
