"""Exceptions docparse raises; every one is a :class:`DocparseError` carrying a stable code.

Document-quality problems are never raised: they are :class:`~docparse.models.Diagnostic` data.
Errors are for input docparse cannot read at all (empty, binary, undecodable, too large).
"""

from __future__ import annotations

import re

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


DISTRIBUTION = "docparse-cn"
"""The name docparse is installed by (``pip install docparse-cn``); the import name is docparse."""


def install_hint(extra: str) -> str:
    """The command that installs an optional extra.

    >>> install_hint("parquet")
    "pip install 'docparse-cn[parquet]'"
    """
    return f"pip install '{DISTRIBUTION}[{extra}]'"


class DocparseError(Exception):
    """Base of every docparse error: ``code`` is stable, ``message`` is Chinese, ``path`` names the file."""

    code = "DP000"
    exit_code = EXIT_INPUT

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return describe(self.code, self.message, self.path)


def describe(code: str, message: str, path: str | None = None) -> str:
    """An error as one line, ``path: CODE message``, whatever the file is called: a newline or
    another control character in the name is written as an escape, and so are the bytes of a name
    that are not UTF-8.

    >>> describe("DP002", "文件为空", "a\\nb.txt")
    'a\\\\nb.txt: DP002 文件为空'
    """
    where = f"{_CONTROL.sub(_escape, path_text(path))}: " if path else ""
    return f"{where}{code} {message}"


def path_text(name: str) -> str:
    """A file name as text that every output can hold (JSON, CSV, a terminal).

    Python holds the bytes of a name that are not UTF-8 (GBK names from a Windows archive) as
    lone surrogates, which no UTF-8 output accepts; they become ``\\xNN`` escapes. Any other name
    is returned as it is.

    >>> path_text(b"\\xb1\\xa8\\xb8\\xe6.txt".decode("utf-8", "surrogateescape"))
    '\\\\xb1\\\\xa8\\\\xb8\\\\xe6.txt'
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate that stands for no byte (only from a str made in Python)
            raw = name.encode("utf-8", "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return name


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


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
BYTES_PER_CHAR = 4
"""The most bytes a character takes in the encodings docparse reads (UTF-8, UTF-32): input of more
than ``max_chars`` times this many bytes is refused before it is read or decoded."""
MAX_DEPTH = 12
"""Default limit on section nesting; raise it with ``max_depth``. The marker ladder has 10 ranks,
so real documents stay below it: the limit is for callers that want a tighter bound on untrusted input."""


class LimitError(DocparseError):
    """The input exceeds a resource limit (size or nesting depth) set for untrusted input, or
    there was not memory enough to convert it."""

    code = "DP006"


def size_limit_error(max_chars: int, path: str | None) -> LimitError:
    """The error for input of more than ``max_chars * BYTES_PER_CHAR`` bytes."""
    return LimitError(f"输入超过 {max_chars * BYTES_PER_CHAR} 字节的上限（可用 max_chars 放宽）", path=path)


class UnknownFormatError(DocparseError):
    """An input format was asked for (``--format-in``) that no reader reads."""

    code = "DP008"


class MissingExtraError(DocparseError):
    """The input's format needs a package or program that is not installed (``pip install
    'docparse-cn[html]'``, LibreOffice for .doc); the message names what to install."""

    code = "DP012"


class WorkerLostError(DocparseError):
    """The worker process converting the input died (killed, out of memory) before it reported.

    Not raised: ``docparse convert`` records it for each input the worker had taken, and goes on."""

    code = "DP007"


class OutputError(DocparseError):
    """An output cannot be written: standard output, ``-o FILE``, the ``--out`` directory or a
    file in it (a full disk, no permission, a name too long)."""

    code = "DP009"


class OutputInUseError(OutputError):
    """Another ``docparse convert`` is writing into the same ``--out`` directory."""

    code = "DP010"


class SchedulerError(DocparseError):
    """The Dask scheduler given by ``--scheduler`` cannot be used: the address is malformed, nothing
    answers there, or the connection was lost during the run."""

    code = "DP011"


class FixError(DocparseError):
    """``docparse validate --fix`` cannot rewrite the input: its text is not its bytes decoded (a
    Word or PDF file converted, a garbled file restored on reading), or it is standard input."""

    code = "DP013"
