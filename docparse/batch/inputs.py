"""A batch's inputs: files, directories (every file below them of a format docparse reads) and glob
patterns, each with the name of the output it becomes.

What a directory or a pattern lists is bounded by what the user named: a link found in a listing
(to a file or to a directory) is not followed unless ``follow_symlinks`` (an archive from
elsewhere may hold ``report.txt -> /home/me/.ssh/id_rsa``); with it, each real directory is
listed once, so that a loop of links ends, and each real file is converted once. An output name
never leaves the output directory: a pattern such as ``in/*/../../secret/*.txt`` gives
``secret/….json`` below it.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import re
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..files import NAME_MAX, cut_name
from ..readers import EXTENSIONS


def expand(inputs: Sequence[str], *, follow_symlinks: bool = False, misses: list[InputError] | None = None
           ) -> tuple[list[tuple[str, str]], int]:
    """Files, directories (the files below them whose extension, in any case, is one docparse
    reads: :data:`docparse.readers.EXTENSIONS`) and globs → (path, name below the input), each file
    once; and how many files the directories held of other extensions (left out).

    An input that exists is taken as it is, even when its name holds ``[``, ``?`` or ``*``
    (``报告[2022].txt``); only one that does not is a pattern. The name keeps the path below the
    directory or the pattern's fixed prefix, so ``reports/2022/a.txt`` and ``reports/2023/a.txt``
    become different outputs (:func:`output_names`). Raises :class:`InputError` for a directory
    without a file docparse reads or a pattern that matches nothing; given ``misses``, such an input
    is put there instead and the others are expanded (a batch goes on past it), unless no input
    names a file.
    """
    found: list[tuple[str, str]] = []
    seen: set[object] = set()
    ignored = 0
    missed: list[InputError] = []
    for item in inputs:
        if os.path.isdir(item):
            pairs, left_out = input_files(item, follow_symlinks=follow_symlinks)
            ignored += left_out
            if not pairs:
                missed.append(InputError("目录中没有可读取的文件（.txt、.md、.html、.docx、.doc、.pdf、.ofd）",
                                         path=item))
        elif os.path.lexists(item) or not glob.has_magic(item):
            pairs = [(item, os.path.basename(item) or item)]  # a missing file is its task's error
        else:
            root = _fixed_prefix(item)
            found_paths = sorted(matches(item, follow_symlinks=follow_symlinks))
            pairs = [(path, _below(path, root)) for path in found_paths]
            if not pairs:
                missed.append(InputError("没有匹配的文件", path=item))
        for path, name in pairs:
            key = _identity(path, follow_symlinks)
            if key not in seen:
                seen.add(key)
                found.append((path, name))
    if missed and (misses is None or not found):
        raise missed[0]
    if misses is not None:
        misses.extend(missed)
    return found, ignored


def input_files(root: str, *, follow_symlinks: bool = False) -> tuple[list[tuple[str, str]], int]:
    """Every file below the directory ``root`` of a format docparse reads and its path relative to
    ``root``, sorted: the files ``Path(root).rglob("*")`` lists with such an extension that are not
    links, with the same path strings (hidden files included); and how many other files it holds.
    With ``follow_symlinks``, links are followed and each real directory is listed once.

    One ``os.scandir`` per directory, whose entries know their type: ``rglob`` and ``relpath``
    took six times as long, seconds before any work starts on a few hundred thousand files.
    """
    base = str(Path(root))
    found: list[tuple[str, str]] = []
    ignored = 0
    pending = [""]
    listed = {_directory_identity(base)} if follow_symlinks else set()
    while pending:
        prefix = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(base, prefix) if prefix else base))
        except OSError:  # unreadable: skipped, as rglob skips it
            continue
        for entry in entries:
            name = prefix + entry.name
            if entry.is_symlink() and not follow_symlinks:
                continue
            if entry.is_dir():
                if follow_symlinks and not _first_visit(entry.path, listed):
                    continue
                pending.append(name + os.sep)
            elif entry.is_file():
                if os.path.splitext(entry.name)[1].lower() in EXTENSIONS:
                    found.append((name if base == "." else os.path.join(base, name), name))
                else:
                    ignored += 1
    found.sort()
    return found, ignored


def matches(pattern: str, *, follow_symlinks: bool = False) -> Iterator[str]:
    """The files ``glob.glob(pattern, recursive=True)`` matches, without going through a link that
    a wildcard finds (unless ``follow_symlinks``; then each real directory once, so that a loop of
    links ends). The pattern's own fixed parts are followed as written, ``..`` included.
    """
    drive, rest = os.path.splitdrive(pattern)
    separators = re.escape(os.sep + (os.altsep or ""))
    start = drive + os.sep if rest[:1] and rest[0] in (os.sep, os.altsep or os.sep) else drive
    parts = [part for part in re.split(f"[{separators}]", rest) if part]
    yield from _match(start, parts, follow_symlinks)


def _match(base: str, parts: list[str], follow: bool) -> Iterator[str]:
    part, rest = parts[0], parts[1:]
    if part == "**":
        if not rest:  # everything below
            for directory in _directories(base, follow):
                for name, is_file in _entries(directory, follow):
                    if is_file and not name.startswith("."):
                        yield os.path.join(directory, name) if directory else name
            return
        for directory in _directories(base, follow):
            yield from _match(directory, rest, follow)
        return
    if not glob.has_magic(part):
        path = os.path.join(base, part) if base else part
        if not rest:
            if os.path.isfile(path):
                yield path
        elif os.path.isdir(path):
            yield from _match(path, rest, follow)
        return
    for name, is_file in _entries(base, follow):
        if (name.startswith(".") and not part.startswith(".")) or not fnmatch.fnmatch(name, part):
            continue
        path = os.path.join(base, name) if base else name
        if not rest:
            if is_file:
                yield path
        elif not is_file and is_file is not None:
            yield from _match(path, rest, follow)


def _entries(directory: str, follow: bool) -> Iterator[tuple[str, bool | None]]:
    """The names in ``directory`` with whether each is a file (``False``: a directory, ``None``:
    neither, or a link not to be followed)."""
    try:
        entries = list(os.scandir(directory or "."))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_symlink() and not follow:
                yield entry.name, None
            elif entry.is_dir():
                yield entry.name, False
            else:
                yield entry.name, True if entry.is_file() else None
        except OSError:  # noqa: PERF203 - a broken entry is skipped, as glob skips it
            continue


def _directories(base: str, follow: bool) -> Iterator[str]:
    """``base`` and every directory below it that ``**`` walks (not hidden ones, as glob); when
    links are followed, each real directory once."""
    listed: set[tuple[int, int]] = set()
    if follow and not _first_visit(base or ".", listed):
        return
    pending = deque([base])
    while pending:
        directory = pending.popleft()
        yield directory
        for name, is_file in _entries(directory, follow):
            if is_file is False and not name.startswith("."):
                path = os.path.join(directory, name) if directory else name
                if not follow or _first_visit(path, listed):
                    pending.append(path)


def _first_visit(path: str, listed: set[tuple[int, int]]) -> bool:
    """Whether the real directory ``path`` is not yet in ``listed`` (then it is added)."""
    try:
        identity = _directory_identity(path)
    except OSError:
        return False
    if identity in listed:
        return False
    listed.add(identity)
    return True


def _directory_identity(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _identity(path: str, follow: bool) -> object:
    """What makes two inputs one file: the real file when links are followed, else the path."""
    if follow:
        try:
            info = os.stat(path)
            return info.st_dev, info.st_ino
        except OSError:
            pass
    return os.path.normpath(os.path.abspath(path))


def output_names(pairs: Sequence[tuple[str, str]], extension: str) -> list[str]:
    """The output of each input, relative to the output directory: ``2022/a.txt`` → ``2022/a.json``.

    Two inputs whose outputs would have one name (``a.txt`` and ``a``, ``x.txt`` and ``x.TXT``;
    compared without case, as the file systems of Windows and macOS do) both get a hash of their
    path in it (``a.3f2c1b7e.json``): never one output written over the other. A name longer than
    the file system allows is cut and gets the hash too.
    """
    wanted = [output_name(name, extension) for _, name in pairs]
    count: dict[str, int] = {}
    for name in wanted:
        count[name.casefold()] = count.get(name.casefold(), 0) + 1
    result = []
    for (path, _), name in zip(pairs, wanted, strict=True):
        if count[name.casefold()] > 1 or len(os.fsencode(os.path.basename(name))) > NAME_MAX:
            name = _tagged(name, path, extension)
        result.append(name)
    return result


def output_name(name: str, extension: str) -> str:
    """The file an input's output goes to: ``2022/a.txt`` → ``2022/a.json`` (for ``.json``)."""
    stem, dot, _ = name.rpartition(".")
    return (stem if dot and "/" not in name[len(stem):] else name) + extension


def _tagged(name: str, path: str, extension: str) -> str:
    """``name`` with a hash of the input's path before ``extension``, cut to fit :data:`NAME_MAX`."""
    tag = "." + hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest()[:8]
    folder, base = os.path.split(name[:-len(extension)])
    base = cut_name(base, NAME_MAX - len(os.fsencode(tag + extension)))
    return os.path.join(folder, base + tag + extension)


def _fixed_prefix(pattern: str) -> str:
    """The directory a pattern starts from: its parts before the first wildcard."""
    fixed = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else "."


def _below(path: str, root: str) -> str:
    """``path`` relative to ``root``, never above it: the parts that climb out (``..``) are dropped."""
    relative = os.path.relpath(os.path.normpath(path), root)
    parts = [part for part in re.split(r"[\\/]", relative) if part not in ("", ".", "..")]
    return os.path.join(*parts) if parts else os.path.basename(path)
