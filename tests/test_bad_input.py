"""Bad input: a typed error in the library, one Chinese line and exit 3 in the CLI.

A batch never stops at a bad file: the good files after it are still parsed and printed. Limits
hold before a byte is read; no input makes the command wait forever or print an internal error.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest

import docparse
from docparse import batch, cli, errors
from docparse.errors import (
    BinaryInputError,
    DocparseError,
    EmptyInputError,
    InputError,
    LimitError,
    NotChineseError,
)

from .conftest import SAMPLES

CJK = set(range(0x4E00, 0xA000))


def zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "一、总体情况")
    return buffer.getvalue()


BAD_CONTENT: dict[str, tuple[bytes, type[DocparseError]]] = {
    "empty": (b"", EmptyInputError),
    "whitespace": (b" \r\n\t\n  \n", EmptyInputError),
    "ideographic-space": ("\u3000\u3000\n\u3000".encode(), EmptyInputError),
    "utf16-whitespace": ("\ufeff  \n".encode("utf-16"), EmptyInputError),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", BinaryInputError),
    "zip": (zip_bytes(), BinaryInputError),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInputError),
    "nul-heavy": (bytes(range(256)) * 8, BinaryInputError),
    "english": (b"Annual report on the rule of law.\n1. Overview\nWe trained 12 times.\n", NotChineseError),
    "russian-cp1251": ("Отчёт о работе правительства за 2022 год.\n".encode("cp1251") * 20, NotChineseError),
}


def chinese_line(message: str) -> bool:
    return any(ord(ch) in CJK for ch in message)


@pytest.mark.parametrize("case", BAD_CONTENT)
def test_bad_content_is_a_typed_error_naming_the_file(case: str, tmp_path: Path) -> None:
    data, error = BAD_CONTENT[case]
    with pytest.raises(error) as caught:
        docparse.parse_bytes(data, path="in.txt")
    assert str(caught.value).startswith("in.txt: DP0") and chinese_line(caught.value.message)
    path = tmp_path / f"{case}.txt"
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        docparse.parse_file(path)
    assert caught.value.path == str(path) and str(path) in str(caught.value)


def test_parse_of_a_string_never_raises_for_odd_text() -> None:
    for text in ("", " \n", "\x00" * 10, "Annual report", "%PDF-1.7"):
        doc = docparse.parse(text)
        assert doc.text == text and not doc.sections


def unreadable(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("一、总体情况\n开展培训。\n", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: the case cannot be produced here
        path.chmod(0o644)
        pytest.skip("running as a user who can read a mode-000 file (root)")
    return path


def test_missing_file_directory_and_unreadable(tmp_path: Path) -> None:
    for path, words in ((tmp_path / "nope.txt", "不存在"), (tmp_path, "目录")):
        with pytest.raises(InputError) as caught:
            docparse.parse_file(path)
        assert caught.value.path == str(path) and words in caught.value.message
    path = unreadable(tmp_path)
    with pytest.raises(InputError) as caught:
        docparse.parse_file(path)
    assert "权限" in caught.value.message


def test_every_error_has_its_own_code_and_exit_code() -> None:
    classes = [EmptyInputError, BinaryInputError, NotChineseError, InputError, docparse.errors.DecodeError,
               docparse.errors.LimitError]
    assert len({c.code for c in classes}) == len(classes)
    assert all(issubclass(c, DocparseError) and c.exit_code == errors.EXIT_INPUT == 3 for c in classes)


def bad_files(tmp_path: Path) -> list[Path]:
    paths = []
    for case, (data, _) in BAD_CONTENT.items():
        path = tmp_path / f"{case}.txt"
        path.write_bytes(data)
        paths.append(path)
    return [*paths, tmp_path / "missing.txt", tmp_path]


def test_cli_batch_reports_each_bad_file_on_one_line_and_continues(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = bad_files(tmp_path)
    good = SAMPLES[0]
    names = [str(bad[0]), str(good), *map(str, bad[1:]), str(good)]
    assert cli.main(["parse", *names]) == errors.EXIT_INPUT
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith(f"docparse: {path}: DP0"), line
        assert chinese_line(line.split("DP0", 1)[1])
    documents = [json.loads(line) for line in out.splitlines()]
    assert len(documents) == 2 and all(d["source"]["path"] == str(good) for d in documents)


def test_cli_exit_code_and_stderr_in_a_real_process(tmp_path: Path) -> None:
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "docparse", "parse", str(empty), str(SAMPLES[1])],
                            capture_output=True, check=False)
    assert result.returncode == 3
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1 and str(empty) in err and "DP002" in err and "Traceback" not in err
    assert json.loads(result.stdout)["source"]["path"] == str(SAMPLES[1])


def test_cli_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = unreadable(tmp_path)
    assert cli.main(["parse", str(path)]) == errors.EXIT_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "权限" in err


def test_permission_denied_even_when_running_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Root can read mode-000 files, so the EACCES path is also driven through a failing os.open()."""
    path = tmp_path / "locked.txt"
    path.write_text("一、总体情况\n", encoding="utf-8")
    real_open = os.open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if file == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("os.open", deny)
    with pytest.raises(InputError) as caught:
        docparse.parse_file(path)
    assert "权限" in caught.value.message and caught.value.path == str(path)
    assert cli.main(["parse", str(path), str(SAMPLES[2])]) == errors.EXIT_INPUT
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(path) in err and "权限" in err
    assert json.loads(out)["source"]["path"] == str(SAMPLES[2])


DEEP = ("关于2022年度工作的报告\n第一编 总则\n第一章 一般规定\n第一节 范围\n"
        "一、总体\n（一）目标\n1. 任务\n（1）措施\n①培训\n开展培训。\n")


def test_size_limit_is_a_typed_error_with_an_option_to_raise_it(tmp_path: Path) -> None:
    text = "一、总体情况\n开展培训。\n" * 100
    with pytest.raises(LimitError) as caught:
        docparse.parse(text, max_chars=100)
    assert "max_chars" in caught.value.message
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="gb18030")
    with pytest.raises(LimitError):
        docparse.parse_file(path, max_chars=100)
    assert docparse.parse_file(path, max_chars=len(text)).sections


def test_depth_limit_is_a_typed_error_with_an_option_to_raise_it() -> None:
    doc = docparse.parse(DEEP)
    depth = max(s.level for s in doc.walk())
    assert depth == 8
    with pytest.raises(LimitError) as caught:
        docparse.parse(DEEP, max_depth=depth - 1)
    assert "max_depth" in caught.value.message and str(depth) in caught.value.message
    assert docparse.parse(DEEP, max_depth=depth) == doc


def test_cli_limit_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.txt"
    path.write_text(DEEP, encoding="utf-8")
    assert cli.main(["parse", "--max-depth", "3", str(path)]) == errors.EXIT_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "DP006" in err and "嵌套" in err
    assert cli.main(["parse", "--max-size", "10", str(path)]) == errors.EXIT_INPUT
    assert "DP006" in capsys.readouterr().err
    assert cli.main(["parse", "--max-size", "1000", "--max-depth", "8", str(path)]) == errors.EXIT_OK


# Limits before reading: a file over the limit is refused by its size, unread; what has no size
# (a character device, standard input) is read no further than the limit; a FIFO is refused.

def peak_bytes_allocated(call: Callable[[], object]) -> int:
    """The most memory Python held at once during ``call`` (tracemalloc: a count, not a time)."""
    tracemalloc.start()
    try:
        with contextlib.suppress(DocparseError):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_file_over_the_size_limit_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # 256 MB, sparse: nothing to write, much to read
        handle.write("一、总体情况\n".encode())
        handle.truncate(256 * 1024 * 1024)
    with pytest.raises(LimitError) as caught:
        docparse.parse_file(big, max_chars=1000)
    assert "4000 字节" in caught.value.message and caught.value.path == str(big)
    assert peak_bytes_allocated(lambda: docparse.parse_file(big, max_chars=1000)) < 1024 * 1024


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_an_endless_device_is_read_no_further_than_the_limit() -> None:
    """First in a process of bounded memory (reading /dev/zero to its end fills any memory), then here."""
    import resource

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    run = subprocess.run([sys.executable, "-m", "docparse", "parse", "--max-size", "100000", "/dev/zero"],
                         capture_output=True, timeout=120, check=False, preexec_fn=bounded)
    assert run.returncode == errors.EXIT_INPUT and b"/dev/zero: DP006" in run.stderr, run.stderr.decode()
    with pytest.raises(LimitError):
        docparse.parse_file("/dev/zero", max_chars=100_000)
    assert peak_bytes_allocated(lambda: docparse.parse_file("/dev/zero", max_chars=100_000)) < 2 * 1024 * 1024
    with pytest.raises(EmptyInputError):
        docparse.parse_file("/dev/null")


def test_standard_input_is_read_no_further_than_the_limit() -> None:
    """An endless writer on stdin (``yes | docparse parse -``): refused at the limit, not read to
    the end of memory."""
    endless = "import sys\nwhile True: sys.stdout.write('一、总体情况\\n' * 999)"
    writer = subprocess.Popen([sys.executable, "-c", endless], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    try:
        run = subprocess.run([sys.executable, "-m", "docparse", "parse", "--max-size", "100000", "-"],
                             stdin=writer.stdout, capture_output=True, timeout=120, check=False)
    finally:
        writer.kill()
        writer.wait()
        assert writer.stdout is not None
        writer.stdout.close()
    err = run.stderr.decode("utf-8")
    assert run.returncode == errors.EXIT_INPUT and err.count("\n") == 1 and "<stdin>: DP006" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_given_as_a_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer that never comes: it is refused at once, in parse and in
    convert (a process, so that a regression fails by the timeout instead of hanging the suite)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for command in (["parse", str(fifo)], ["convert", str(fifo), "--out", str(tmp_path / "out")]):
        run = subprocess.run([sys.executable, "-m", "docparse", *command], capture_output=True, timeout=120,
                             check=False)
        assert run.returncode == errors.EXIT_INPUT, run.stderr.decode()
    rows = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and "DP001" in rows[1] and "命名管道" in rows[1]


@pytest.mark.parametrize("command", ["parse", "outline", "metrics", "validate"])
def test_every_command_takes_the_limits(command: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.txt"
    path.write_text(DEEP, encoding="utf-8")
    assert cli.main([command, "--max-size", "10", str(path)]) == errors.EXIT_INPUT
    assert f"{path}: DP006" in capsys.readouterr().err
    assert cli.main([command, "--max-depth", "3", str(path)]) == errors.EXIT_INPUT
    assert "DP006" in capsys.readouterr().err
    assert cli.main([command, "--max-size", "1000", "--max-depth", "8", str(path)]) in (errors.EXIT_OK,
                                                                                         errors.EXIT_FINDINGS)


def test_convert_takes_the_limits_and_checks_the_size_unread(tmp_path: Path) -> None:
    deep = tmp_path / "deep.txt"
    deep.write_text(DEEP, encoding="utf-8")
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # 256 MB, sparse: refused by its size, never read
        handle.write("一、总体情况\n".encode())
        handle.truncate(256 * 1024 * 1024)
    out = tmp_path / "out"
    assert cli.main(["convert", "--max-size", "1000", "--max-depth", "3", str(deep), str(big),
                     "--out", str(out)]) == errors.EXIT_INPUT
    rows = sorted((out / "errors.csv").read_text(encoding="utf-8").splitlines()[1:])
    assert rows == [f"{big},DP006,输入超过 4000 字节的上限（可用 max_chars 放宽）",
                    f"{deep},DP006,章节嵌套深度 8 超过 3 层的上限（可用 max_depth 放宽）"]
    assert peak_bytes_allocated(lambda: batch.convert([str(big)], tmp_path / "out2", max_chars=1000)
                                ) < 1024 * 1024


# File names: bytes that are not UTF-8, control characters.

def gbk_named(tmp_path: Path) -> str:
    """A report under a name in GBK bytes (a Windows archive unpacked on Linux)."""
    name = os.fsencode(tmp_path) + b"/" + "报告".encode("gbk") + b".txt"
    try:
        with open(name, "wb") as handle:
            handle.write(SAMPLES[0].read_bytes())
    except (OSError, UnicodeError):  # a file system that takes only UTF-8 names (APFS)
        pytest.skip("the file system refuses names that are not UTF-8")
    return os.fsdecode(name)


def test_a_name_that_is_not_utf8_works_in_every_command(tmp_path: Path) -> None:
    name = gbk_named(tmp_path)
    shown = os.fsdecode(tmp_path) + "/\\xb1\\xa8\\xb8\\xe6.txt"
    assert docparse.parse_file(name).source.path == shown
    for command in ("parse", "outline", "metrics", "validate"):
        run = subprocess.run([sys.executable, "-m", "docparse", command, name], capture_output=True,
                             check=False)
        assert run.returncode in (0, 1) and b"DP999" not in run.stderr, (command, run.stderr.decode())
        if command == "parse":
            assert json.loads(run.stdout)["source"]["path"] == shown
        elif command != "validate":
            assert shown in run.stdout.decode("utf-8")
    missing = name.replace(".txt", "-缺.txt")
    run = subprocess.run([sys.executable, "-m", "docparse", "parse", missing], capture_output=True,
                         check=False)
    assert run.returncode == 3 and run.stderr.decode("utf-8").count("\n") == 1 and b"\\xb1\\xa8" in run.stderr


def test_a_name_with_a_newline_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "a\nb\r.txt"
    empty.write_bytes(b"")
    assert cli.main(["parse", str(empty), str(tmp_path / "x\ny.txt")]) == errors.EXIT_INPUT
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("a\\nb\\r.txt: DP002 文件为空或只有空白字符") and "x\\ny.txt: DP001" in lines[1]


# A forced encoding must be a text encoding; writing to a full device.

@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "undefined", "nope"])
def test_a_forced_encoding_that_is_no_text_encoding_is_one_error(encoding: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(docparse.errors.DecodeError) as caught:
        docparse.parse_bytes("一、总体情况".encode(), encoding=encoding)
    assert encoding in caught.value.message
    assert cli.main(["parse", "--encoding", encoding, str(SAMPLES[0]), str(SAMPLES[1])]) == errors.EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "DP004" in captured.err and not captured.out
    assert docparse.parse_bytes("一、总体情况".encode("utf-16"), encoding="utf-16").sections


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_writing_to_a_full_device_is_one_line_exit_3() -> None:
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "docparse", "parse", str(SAMPLES[0])], stdout=full,
                             stderr=subprocess.PIPE, check=False)
    err = run.stderr.decode("utf-8")
    assert run.returncode == errors.EXIT_INPUT and err.count("\n") == 1
    assert "DP009" in err and "标准输出" in err
    run = subprocess.run([sys.executable, "-m", "docparse", "metrics", str(SAMPLES[0]), "-o", "/dev/full"],
                         capture_output=True, check=False)
    err = run.stderr.decode("utf-8")
    assert run.returncode == errors.EXIT_INPUT and err.count("\n") == 1 and "/dev/full: DP009" in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # written to, not replaced by a file
