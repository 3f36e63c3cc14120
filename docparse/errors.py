"""Exceptions docparse raises; every one is a :class:`DocparseError` carrying a stable code.

Document-quality problems are never raised: they are :class:`~docparse.models.Diagnostic` data.
Errors are for input docparse cannot read at all (empty, binary, undecodable, too large).
"""

from __future__ import annotations

# Exit codes of the ``docparse`` command (README, "Exit codes").
EXIT_OK = 0
"""Success (validate: no error-severity finding)."""
EXIT_FINDINGS = 1
"""validate found errors."""
EXIT_USAGE = 2
"""A usage error (argparse's own code)."""
EXIT_INPUT = 3
"""An input could not be read or is not a report; :attr:`DocparseError.exit_code`."""
EXIT_INTERNAL = 4
"""An internal error: a bug, to be reported with the input."""


class DocparseError(Exception):
    """Base of every docparse error: ``code`` is stable, ``message`` is Chinese, ``path`` names the file."""

    code = "DP000"
    exit_code = EXIT_INPUT

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code} {self.message}"


class InputError(DocparseError):
    """The input cannot be read: missing file, a directory, no permission."""

    code = "DP001"


class EmptyInputError(DocparseError):
    """The input is empty or holds only white space."""

    code = "DP002"


class BinaryInputError(DocparseError):
    """The input is a binary file (PDF, ZIP, image …), not text."""

    code = "DP003"


class DecodeError(DocparseError):
    """The bytes cannot be decoded with the requested or any detected encoding."""

    code = "DP004"


class NotChineseError(DocparseError):
    """The text decodes but contains no Chinese: not a report docparse can structure."""

    code = "DP005"


MAX_CHARS = 64 * 1024 * 1024
"""Default limit on input size (characters or bytes); raise it with ``max_chars``."""
MAX_DEPTH = 12
"""Default limit on section nesting; raise it with ``max_depth``. The marker ladder has 10 ranks,
so real documents stay below it: the limit is for callers that want a tighter bound on untrusted input."""


class LimitError(DocparseError):
    """The input exceeds a resource limit (size or nesting depth) set for untrusted input."""

    code = "DP006"


class UnknownFormatError(DocparseError):
    """An input format was asked for (``--format-in``) that no reader reads."""

    code = "DP008"


class WorkerLostError(DocparseError):
    """The worker process converting the input died (killed, out of memory) before it reported.

    Not raised: ``docparse convert`` records it for each input the worker had taken, and goes on."""

    code = "DP007"
