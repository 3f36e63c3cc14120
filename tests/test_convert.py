"""``docparse convert`` and docparse.batch: outputs, errors file, resume, formats, jobs."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

import docparse
from docparse import batch
from docparse.batch.executors import ForkedWorkers, exit_on_signal
from docparse.batch.inputs import expand, input_files, output_name
from docparse.batch.tasks import convert_one
from docparse.cli import main
from docparse.readers import EXTENSIONS
from docparse.renderers.parquet import TABLES

from .conftest import SAMPLES


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """The five samples in two subdirectories, plus an empty and a binary file."""
    root = tmp_path / "in"
    for i, sample in enumerate(SAMPLES):
        target = root / ("a" if i < 3 else "b") / sample.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, target)
    (root / "b" / "empty.txt").write_bytes(b"   \n")
    (root / "b" / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    return root


def read_errors(out: Path) -> list[dict[str, str]]:
    with open(out / "errors.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_directory_to_json_with_errors_recorded(inputs: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status = main(["convert", str(inputs), "--out", str(out)])
    assert status == 3  # some inputs failed; the rest are converted
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == sorted(f"{'a' if i < 3 else 'b'}/{s.stem}.json" for i, s in enumerate(SAMPLES))
    for i, sample in enumerate(SAMPLES):
        path = out / ("a" if i < 3 else "b") / f"{sample.stem}.json"
        expected = docparse.parse_file(inputs / path.parent.name / sample.name)
        assert path.read_text(encoding="utf-8") == expected.model_dump_json() + "\n"
    errors = read_errors(out)
    found = [(Path(e["path"]).name, e["code"]) for e in errors]
    assert found == [("empty.txt", "DP002"), ("scan.txt", "DP003")]
    assert all(e["message"] for e in errors)
    assert not list(out.rglob("*.tmp"))  # atomic writes leave no temporary files
    summary = capsys.readouterr().err
    assert "完成：7 个文件" in summary and "错误 2 个" in summary and "MB" in summary and "秒" in summary
    assert "\r" not in summary  # no progress bar when stderr is not a terminal


def test_glob_and_file_inputs_and_clashing_names(tmp_path: Path) -> None:
    for year in ("2021", "2022"):
        (tmp_path / "in" / year).mkdir(parents=True)
        shutil.copy(SAMPLES[0], tmp_path / "in" / year / "report.txt")
    shutil.copy(SAMPLES[1], tmp_path / "report.txt")
    out = tmp_path / "out"
    summary = batch.convert([str(tmp_path / "in" / "*" / "*.txt"), str(tmp_path / "report.txt")], out)
    assert (summary.files, summary.converted, summary.errors) == (3, 3, 0)
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert names[:2] == ["2021/report.json", "2022/report.json"] and names[2].startswith("report")
    with pytest.raises(docparse.DocparseError):
        batch.convert([str(tmp_path / "nothing" / "*.txt")], out)


def test_an_input_that_names_no_file_is_an_error_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    shutil.copy(SAMPLES[0], tmp_path / "report.txt")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.xlsx").write_bytes(b"PK")  # no file docparse reads
    out = tmp_path / "out"
    inputs = [str(tmp_path / "report.txt"), str(tmp_path / "empty"), str(tmp_path / "nothing" / "*.txt")]
    summary = batch.convert(inputs, out)
    assert (summary.converted, summary.errors) == (1, 2)
    assert (out / "report.json").exists()
    rows = [(Path(row["path"]).name, row["code"], row["message"]) for row in read_errors(out)]
    assert rows == [("empty", "DP001", "目录中没有可读取的文件（.txt、.md、.html、.docx、.doc、.pdf、.ofd）"),
                    ("*.txt", "DP001", "没有匹配的文件")]
    with pytest.raises(docparse.errors.InputError):  # no input names a file: nothing to convert
        batch.convert(inputs[1:], tmp_path / "out2")


def test_jobs_give_identical_outputs(inputs: Path, tmp_path: Path) -> None:
    for fmt in ("json", "jsonl"):
        one, two = tmp_path / f"one-{fmt}", tmp_path / f"two-{fmt}"
        batch.convert([str(inputs)], one, format=fmt, jobs=1)  # type: ignore[arg-type]
        batch.convert([str(inputs)], two, format=fmt, jobs=2)  # type: ignore[arg-type]
        files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
        for name in files:
            assert (one / name).read_bytes() == (two / name).read_bytes()


def test_jobs_without_fork_use_a_pool_with_the_same_outputs(inputs: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Where processes cannot fork (Windows; macOS may not), a spawning pool does the work."""
    import multiprocessing

    batch.convert([str(inputs)], tmp_path / "forked", jobs=2)
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: spawn)
    summary = batch.convert([str(inputs)], tmp_path / "pooled", jobs=2)
    assert summary.converted == 5 and summary.errors == 2
    for path in (tmp_path / "forked").rglob("*.json"):
        assert path.read_bytes() == (tmp_path / "pooled" / path.relative_to(tmp_path / "forked")).read_bytes()


def test_a_worker_that_dies_costs_only_its_inputs(inputs: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-batch (out of memory, kill -9): its input is recorded as DP007, the
    other worker converts the rest, and the run ends."""
    import os

    (inputs / "a" / "die.txt").write_text("一、总体情况\n开展培训3次。", encoding="utf-8")
    def dying(task: batch.Task) -> batch.Outcome:
        if task.path.endswith("die.txt"):
            os._exit(9)  # as abrupt as SIGKILL: no outcome, no clean-up
        return convert_one(task)

    monkeypatch.setattr("docparse.batch.tasks.convert_one", dying)  # the forked workers inherit the patch
    out = tmp_path / "out"
    summary = batch.convert([str(inputs)], out, jobs=2)
    assert summary.converted == 5 and summary.errors == 3
    lost = [row for row in read_errors(out) if row["code"] == "DP007"]
    assert [Path(row["path"]).name for row in lost] == ["die.txt"]
    assert "工作进程" in lost[0]["message"]
    assert len(list(out.rglob("*.json"))) == 5


def test_stopping_a_parallel_run_stops_its_workers(inputs: Path, tmp_path: Path) -> None:
    """Leaving the outcomes early (Ctrl-C in the CLI) terminates the workers; no temporary file stays."""
    import multiprocessing

    for i in range(200):  # a second of work: far more than the test takes to stop
        shutil.copy(SAMPLES[i % len(SAMPLES)], inputs / f"r{i:03d}.txt")
    out = tmp_path / "out"
    out.mkdir()
    pairs, _ = expand([str(inputs)])
    tasks = [batch.Task(i, path, str(Path(path).resolve()), str(out / output_name(name, ".json")), "json",
                        False) for i, (path, name) in enumerate(pairs)]
    outcomes = ForkedWorkers(2).run(tasks)
    assert next(outcomes).index == 0
    outcomes.close()
    assert not multiprocessing.active_children()
    assert not list(out.rglob(".*.tmp"))
    assert 1 <= len(list(out.rglob("*.json"))) < len(tasks)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_stop_at_any_moment_of_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A worker stopped (SIGTERM, raised as SystemExit) at a random moment of its writes.

    With the temporary file created before the ``try`` that removes it, 3–7 of 150 such stops
    left one behind; none may.
    """
    import random
    import signal
    import time

    from docparse.files import write_atomic

    for _ in range(150):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:  # the stop may come at once, even before the handler is set
                signal.signal(signal.SIGTERM, exit_on_signal)
                for n in range(10**9):
                    write_atomic(tmp_path / f"o{n % 3}.json", b"x" * 100)
            finally:
                os._exit(0)
        time.sleep(random.uniform(0.0005, 0.004))
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["o0.json", "o1.json", "o2.json"]
    assert (tmp_path / "o0.json").read_bytes() == b"x" * 100
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "o0.json").stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_resume_skips_unchanged_inputs_only(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = batch.convert([str(inputs)], out)
    assert (first.converted, first.skipped, first.errors) == (5, 0, 2)
    target = inputs / "a" / SAMPLES[0].name
    target.write_bytes(target.read_bytes() + "\n四、附则\n本报告自发布之日起公开。\n".encode())
    stale = out / "a" / f"{SAMPLES[1].stem}.json"
    stale.write_text('{"source":{"sha256":"' + "0" * 64 + '"}}', encoding="utf-8")  # another input's output
    again = batch.convert([str(inputs)], out, resume=True)
    assert (again.converted, again.skipped, again.errors) == (2, 3, 2)
    doc = json.loads((out / "a" / f"{SAMPLES[0].stem}.json").read_text(encoding="utf-8"))
    assert "本报告自发布之日起公开" in doc["text"]
    assert json.loads(stale.read_text(encoding="utf-8"))["text"]


def test_jsonl_resume_keeps_order_and_lines(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch.convert([str(inputs)], out, format="jsonl")
    before = (out / "documents.jsonl").read_bytes()
    assert len(before.splitlines()) == 5
    again = batch.convert([str(inputs)], out, format="jsonl", resume=True, jobs=2)
    assert (again.converted, again.skipped) == (0, 5)
    assert (out / "documents.jsonl").read_bytes() == before


def test_progress_bar_has_rate_and_eta(tmp_path: Path) -> None:
    stream = io.StringIO()
    batch.convert([str(p) for p in SAMPLES], tmp_path / "out", progress=stream)
    drawn = stream.getvalue()
    assert "\r[" in drawn and "5/5" in drawn and "个/秒" in drawn and "剩余" in drawn


def test_parquet_tables(inputs: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    summary = batch.convert([str(inputs)], out, format="parquet", jobs=2)
    assert summary.converted == 5
    tables = {name: pq.read_table(out / f"{name}.parquet") for name in TABLES}
    docs = [docparse.parse_file(p) for p in sorted(inputs.rglob("*.txt")) if p.name not in ("empty.txt",
                                                                                               "scan.txt")]
    assert tables["documents"].num_rows == 5
    assert tables["sections"].num_rows == sum(1 for d in docs for _ in d.walk())
    claims = [c for d in docs for _, p in d.paragraphs() for c in [*p.claims, *(c for i in p.items
                                                                                for c in i.claims)]]
    assert tables["claims"].num_rows == len(claims)
    assert tables["metrics"].num_rows == sum(len(c.metrics) for c in claims)
    row = tables["documents"].to_pylist()[0]
    assert row["sha256"] and row["title"] and row["report_year"]
    again = batch.convert([str(inputs)], out, format="parquet", resume=True)
    assert again.skipped == 5
    assert pq.read_table(out / "claims.parquet").equals(tables["claims"])


def test_killed_run_leaves_only_complete_outputs(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    source = tmp_path / "in"
    source.mkdir()
    for i in range(120):
        shutil.copy(SAMPLES[i % len(SAMPLES)], source / f"r{i:03d}.txt")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "docparse", "convert", str(source), "--out", str(out),
                                "--jobs", "2"], stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 5:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, mid-batch
    process.wait()
    written = list(out.glob("*.json"))
    assert written, "the run was killed before it wrote anything"
    for path in written:  # every output under its final name is complete
        assert json.loads(path.read_bytes())["schema_name"] == "docparse.Document"
    again = batch.convert([str(source)], out, resume=True)
    assert again.skipped >= len(written) and again.converted + again.skipped == 120


def test_parquet_streamed_in_row_groups_has_the_same_rows(inputs: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    batch.convert([str(inputs)], tmp_path / "whole", format="parquet")
    monkeypatch.setattr("docparse.batch.sinks.ROW_GROUP", 10)
    batch.convert([str(inputs)], tmp_path / "groups", format="parquet")
    for name in TABLES:
        streamed = pq.ParquetFile(tmp_path / "groups" / f"{name}.parquet")
        if name != "documents":
            assert streamed.num_row_groups > 1
        assert streamed.read().equals(pq.read_table(tmp_path / "whole" / f"{name}.parquet"))
    assert not list((tmp_path / "groups").glob(".*.tmp"))


def test_directory_listing_is_what_rglob_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """input_files walks with os.scandir: the same files, path strings and relative names as
    the plain definition, ``sorted(Path(d).rglob("*"))`` of the extensions docparse reads (in any
    case) with ``relpath``, links left out; the other files are counted."""
    tree = tmp_path / "reports"
    for name in ("a.txt", "b.TXT", ".hidden.txt", "notes.md", "page.HTML", "2022/c.txt", "2022/deep/d.txt",
                 "2023/c.txt", "odd.txt/inner.txt", ".cache/e.txt", "Makefile", "2022/logo.png"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text("x", encoding="utf-8")
    (tree / "linked").symlink_to(tree / "2022", target_is_directory=True)  # not followed, as rglob
    (tree / "alias.txt").symlink_to(tree / "a.txt")  # not followed either (--follow-symlinks)
    monkeypatch.chdir(tmp_path)

    def plain(item: str) -> list[tuple[str, str]]:
        listed = (p for p in Path(item).rglob("*") if p.is_file() and not p.is_symlink()
                  and p.suffix.lower() in EXTENSIONS)
        return [(p, os.path.relpath(p, item)) for p in sorted(str(p) for p in listed)]

    for item in ("reports", "./reports/", str(tree), "reports//2022"):
        assert input_files(item)[0] == plain(item), item
    monkeypatch.chdir(tree)
    others = [p for p in Path(".").rglob("*") if p.is_file() and not p.is_symlink()
              and p.suffix.lower() not in EXTENSIONS]
    assert {p.name for p in others} >= {"Makefile", "logo.png"}
    assert input_files(".") == (plain("."), len(others))  # left out, and counted
    assert ("2022/deep/d.txt", "2022/deep/d.txt") in input_files(".")[0]
    assert ("b.TXT", "b.TXT") in input_files(".")[0] and ("notes.md", "notes.md") in input_files(".")[0]


# Batch outputs: one output per input, one run per output directory, errors never lost.

def test_inputs_that_map_to_one_output_name_get_one_output_each(tmp_path: Path) -> None:
    """``a.txt`` and ``a``, ``x.txt`` and ``x.TXT``, ``B.txt`` and ``b.txt`` (one name on Windows
    and macOS): two outputs each, never one written over the other and counted twice."""
    names = ["a.txt", "a", "x.txt", "x.TXT", "B.txt", "b.txt", "only.txt"]
    for i, name in enumerate(names):
        shutil.copy(SAMPLES[i % len(SAMPLES)], tmp_path / name)
    out = tmp_path / "out"
    summary = batch.convert([str(tmp_path / name) for name in names], out)
    written = sorted(p.name for p in out.glob("*.json"))
    assert summary.converted == len(names) == len(written) == len({n.casefold() for n in written})
    assert "only.json" in written
    sources = {json.loads((out / name).read_bytes())["source"]["path"] for name in written}
    assert sources == {str(tmp_path / name) for name in names}


def test_random_names_never_share_an_output(tmp_path: Path) -> None:
    """A shape generator: names from a small alphabet, in any case, with and without extensions,
    in nested directories; every input has its own output, by a case-blind comparison too."""
    import random

    from docparse.batch.inputs import output_names

    rng = random.Random(17)
    for _ in range(200):
        leaves = ["r", "R", "r.txt", "R.TXT", "r.md", "r.txt.txt"]
        names = {("/".join(rng.choice(["a", "A", "b"]) for _ in range(rng.randint(0, 2)))
                  + ("/" if rng.random() < 0.5 else "") + rng.choice(leaves)).lstrip("/")
                 for _ in range(rng.randint(2, 12))}
        pairs = [(str(tmp_path / name), name) for name in sorted(names)]
        outputs = output_names(pairs, ".json")
        assert len({name.casefold() for name in outputs}) == len(pairs), pairs


def test_a_name_with_glob_characters_that_exists_is_that_file(tmp_path: Path) -> None:
    shutil.copy(SAMPLES[0], tmp_path / "报告[2022].txt")
    shutil.copy(SAMPLES[1], tmp_path / "报告2.txt")
    shutil.copy(SAMPLES[2], tmp_path / "a*?.txt")
    out = tmp_path / "out"
    summary = batch.convert([str(tmp_path / "报告[2022].txt"), str(tmp_path / "a*?.txt")], out)
    assert summary.converted == 2
    assert sorted(p.name for p in out.glob("*.json")) == ["a*?.json", "报告[2022].json"]
    assert batch.convert([str(tmp_path / "报告[0-9].txt")], tmp_path / "pattern").converted == 1  # a pattern


def test_names_near_the_file_system_limit_convert(tmp_path: Path) -> None:
    """80 to 85 Chinese characters (240–255 bytes): the temporary file's suffix must not push a
    name over the limit, and an output name that would be too long is cut (with a hash)."""
    stems = [("关于法治政府建设情况的报告" * 7)[:n] for n in (80, 83)] + ["报" * 83 + "ab"]
    for stem in stems:
        shutil.copy(SAMPLES[0], tmp_path / f"{stem}.txt")
    out = tmp_path / "out"
    summary = batch.convert([str(tmp_path / f"{stem}.txt") for stem in stems], out, format="json")
    assert (summary.converted, summary.errors) == (3, 0)
    assert all(len(os.fsencode(p.name)) <= 255 for p in out.glob("*.json"))
    assert len(list(out.glob("*.json"))) == 3


def test_a_second_run_into_the_same_out_is_refused(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from docparse.batch.outdir import LOCK_FILE, OutputDirectory

    out = tmp_path / "out"
    with OutputDirectory(out):  # a run in progress
        with pytest.raises(docparse.errors.OutputInUseError):
            batch.convert([str(SAMPLES[0])], out, format="jsonl")
        assert main(["convert", str(SAMPLES[0]), "--out", str(out)]) == 3
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "DP010" in err and f"进程 {os.getpid()}" in err and "--out" in err
    assert not list(out.glob("*.json"))  # nothing of the refused runs
    assert batch.convert([str(SAMPLES[0])], out).converted == 1
    assert not (out / LOCK_FILE).exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_lock_of_a_killed_run_is_free(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
                               "from docparse.batch.outdir import OutputDirectory\n"
                               f"with OutputDirectory(Path({str(out)!r})):\n"
                               "    print('held', flush=True)\n    time.sleep(600)\n"],
                              stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    with pytest.raises(docparse.errors.OutputInUseError):
        batch.convert([str(SAMPLES[0])], out)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    assert batch.convert([str(SAMPLES[0])], out).converted == 1


def test_errors_go_to_stderr_when_errors_csv_cannot_be_written(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """As on a full disk: errors.csv cannot be written (here a directory holds its name)."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n")
    out = tmp_path / "out"
    (out / "errors.csv").mkdir(parents=True)
    names = [str(tmp_path / "empty.txt"), str(SAMPLES[0]), str(tmp_path / "scan.txt")]
    assert main(["convert", *names, "--out", str(out)]) == 3
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[2][:5] for line in lines[:3]] == ["DP002", "DP003", "DP009"]
    assert lines[0].startswith(f"docparse: {tmp_path / 'empty.txt'}: DP002") and "errors.csv" in lines[2]
    assert "错误 2 个" in lines[3] and "errors.csv 未能写出" in lines[3]
    (tmp_path / "empty.txt").unlink()
    (tmp_path / "scan.txt").unlink()
    assert main(["convert", str(SAMPLES[0]), "--out", str(out)]) == 3  # no errors, but no errors.csv either


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    left = [".a.json.4242.0f3c9a1b.tmp", "2022/.b.json.4242.0f3c9a1c.tmp", ".documents.jsonl.4242.tmp",
            ".claims.parquet.4242.tmp", ".errors.csv.17.00aa00aa.tmp"]
    kept = ["notes.txt", ".notes.txt.4242.tmp", ".a.json.tmp", "a.json.4242.tmp"]  # not ours
    for name in left + kept:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(b"x")
    summary = batch.convert([str(SAMPLES[0])], out, resume=True)
    assert summary.stale_removed == len(left) and "临时文件 5 个" in summary.line()
    remaining = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert remaining == sorted([*kept, "errors.csv", f"{SAMPLES[0].stem}.json"])


# Process control: a worker's MemoryError is an error row; killing the parent stops the workers.

class Unpicklable:
    """A payload too large to send back (its pickling runs out of memory)."""

    def __reduce__(self) -> tuple[object, ...]:
        raise MemoryError


def test_a_memory_error_is_an_error_row_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capfd: pytest.CaptureFixture[str]) -> None:
    from docparse.batch import executors, tasks

    for i in range(4):
        shutil.copy(SAMPLES[i], tmp_path / f"r{i}.txt")
    real_parse, real_convert = tasks.parse_bytes_unfinished, executors.convert_here

    def parse(data: bytes, **options: object) -> object:
        if str(options["path"]).endswith("r1.txt"):
            raise MemoryError
        return real_parse(data, **options)  # type: ignore[arg-type]

    def convert(task: batch.Task) -> batch.Outcome:
        outcome = real_convert(task)
        if task.path.endswith("r2.txt"):
            outcome.payload = Unpicklable()
        return outcome

    monkeypatch.setattr(tasks, "parse_bytes_unfinished", parse)
    monkeypatch.setattr(executors, "convert_here", convert)  # the forked workers inherit both
    for jobs, fmt in ((1, "json"), (2, "jsonl")):
        out = tmp_path / f"out{jobs}"
        summary = batch.convert([str(tmp_path)], out, jobs=jobs, format=fmt)  # type: ignore[arg-type]
        rows = {Path(row["path"]).name: row for row in read_errors(out)}
        lost = {"r1.txt", "r2.txt"} if jobs == 2 else {"r1.txt"}  # in this process nothing is sent
        assert set(rows) == lost and summary.internal == 0
        assert all(row["code"] == "DP006" and "内存不足" in row["message"] for row in rows.values())
    assert "Traceback" not in capfd.readouterr().err


def live_processes(group: int) -> list[int]:
    """The processes of a process group that have not ended (not zombies)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                found.append(int(entry))
    return found


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_killing_the_parent_stops_the_workers(fmt: str, tmp_path: Path) -> None:
    """``kill -9`` of the run's process: its workers notice and end (jsonl workers used to block
    forever on each other's pipes; json workers went on converting everything in the background).

    The workers are killed once they have spent a second of CPU between them, and are waited for
    with a generous guard (a hang fails, a slow machine does not)."""
    import signal
    import subprocess
    import sys
    import time

    source = tmp_path / "in"
    source.mkdir()
    for i in range(300):
        shutil.copy(SAMPLES[i % len(SAMPLES)], source / f"r{i:03d}.txt")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "docparse", "convert", str(source), "--out", str(out),
                                "--jobs", "2", "--format", fmt], stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        guard = time.monotonic() + 600
        while True:
            workers = [pid for pid in live_processes(process.pid) if pid != process.pid]
            if len(workers) == 2 and cpu_seconds(workers) >= 1.0:
                break
            assert process.poll() is None and time.monotonic() < guard, "the run ended before it was killed"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        while live_processes(process.pid):
            assert time.monotonic() < guard, f"workers still running: {live_processes(process.pid)}"
            time.sleep(0.1)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    if fmt == "json":
        assert len(list(out.glob("*.json"))) < 300  # stopped, not carried on
    again = batch.convert([str(source)], out, format=fmt, resume=True, jobs=2)  # type: ignore[arg-type]
    assert again.converted + again.skipped == 300 and not list(out.glob(".*.tmp"))


# Outputs stay inside --out; links are not followed unless asked; loops end.

def test_outputs_stay_inside_out_for_patterns_that_climb(tmp_path: Path) -> None:
    """A shape generator: patterns with ``..`` after a wildcard (``in/*/../../secret/*.txt``), over
    a small tree; no output name leaves --out, and the runs write nothing outside it."""
    import random

    from docparse.batch.inputs import output_names

    rng = random.Random(8)
    root = tmp_path / "t"
    for name in ("in/x/a.txt", "in/y/b.txt", "secret/victim.txt", "secret/deep/v2.txt", "top.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES[0], root / name)
    before = sorted(tmp_path.rglob("*"))
    parts = ["in", "*", "..", "secret", "**", "*.txt", "x", "deep"]
    matched = []
    for _ in range(400):
        pattern = str(root / "/".join(rng.choice(parts) for _ in range(rng.randint(2, 6))))
        pattern += "" if pattern.endswith(".txt") else "/*.txt"
        try:
            pairs, _ = expand([pattern])
        except docparse.errors.InputError:  # matches nothing
            continue
        out = root / "out"
        for name in output_names(pairs, ".json"):
            assert os.path.commonpath([out, os.path.normpath(out / name)]) == str(out), (pattern, name)
        matched.append(pattern)
    assert len(matched) >= 20
    for n, pattern in enumerate([str(root / "in/*/../../secret/*.txt"), *matched[:5]]):
        batch.convert([pattern], root / "out" / str(n))
    outside = sorted(p for p in tmp_path.rglob("*") if root / "out" not in p.parents and p != root / "out")
    assert outside == before
    assert (root / "out" / "0" / "secret" / "victim.json").exists()


def test_links_in_an_input_directory_are_not_followed_unless_asked(tmp_path: Path) -> None:
    private = tmp_path / "private.txt"
    private.write_text("关于内部事项的说明\n一、账号\n口令为十二位。\n", encoding="utf-8")
    archive = tmp_path / "archive"
    (archive / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES[0], archive / "r.txt")
    (archive / "link.txt").symlink_to(private)
    (archive / "linked-dir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(SAMPLES[1], tmp_path / "elsewhere" / "e.txt")
    for inputs in ([str(archive)], [str(archive / "*.txt")], [str(archive / "**" / "*.txt")]):
        out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}"
        assert batch.convert(inputs, out).converted == 1, inputs
        assert [p.name for p in out.rglob("*.json")] == ["r.json"]
        followed = batch.convert(inputs, out, follow_symlinks=True)
        assert followed.converted >= 2 and (out / "link.json").exists()
    assert main(["convert", str(archive), "--out", str(tmp_path / "cli"), "--follow-symlinks"]) == 0
    assert sorted(p.name for p in (tmp_path / "cli").rglob("*.json")) == ["e.json", "link.json", "r.json"]


def test_a_glob_through_a_loop_of_links_ends_with_each_real_file_once(tmp_path: Path) -> None:
    tree = tmp_path / "d"
    (tree / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES[0], tree / "r.txt")
    shutil.copy(SAMPLES[1], tree / "sub" / "s.txt")
    (tree / "loop").symlink_to(".", target_is_directory=True)
    (tree / "sub" / "up").symlink_to("..", target_is_directory=True)
    for follow in (False, True):
        for inputs in ([str(tree / "**" / "*.txt")], [str(tree)], [str(tree / "*" / "*.txt"), str(tree)]):
            summary = batch.convert(inputs, tmp_path / f"out-{follow}", follow_symlinks=follow)
            assert summary.files == 2, (follow, inputs)


def test_formula_cells_of_errors_csv_are_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("=HYPERLINK(1).txt", "@SUM(A1).txt", "-2+3.txt", "+1.txt", "plain.txt"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    batch.convert(["."], "out")
    names = sorted(row["path"] for row in read_errors(tmp_path / "out"))
    assert names == ["'+1.txt", "'-2+3.txt", "'=HYPERLINK(1).txt", "'@SUM(A1).txt", "plain.txt"]


def test_a_name_that_is_not_utf8_converts_and_is_recorded(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/" + "报告".encode("gbk") + b".txt"
    try:
        with open(name, "wb") as handle:
            handle.write(SAMPLES[0].read_bytes())
        with open(name.replace(b".txt", "空".encode("gbk") + b".txt"), "wb"):
            pass
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    out = tmp_path / "out"
    summary = batch.convert([str(tmp_path)], out)
    assert (summary.converted, summary.errors) == (1, 1)
    (written,) = out.glob("*.json")
    assert os.fsencode(written.name) == "报告".encode("gbk") + b".json"
    assert json.loads(written.read_bytes())["source"]["path"].endswith("/\\xb1\\xa8\\xb8\\xe6.txt")
    assert read_errors(out)[0]["path"].endswith("\\xbf\\xd5.txt")


def test_pattern_matches_are_what_glob_matches_without_links(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``inputs.matches`` walks patterns itself (to leave links alone and end on loops); on a tree
    without links it finds the files ``glob.glob(pattern, recursive=True)`` finds, as the same
    strings. A generator of patterns over a fixed tree (four levels down, so that ``..`` stays
    inside ``tmp_path``)."""
    import glob
    import random

    from docparse.batch.inputs import matches

    tree = tmp_path / "r1" / "r2" / "r3" / "tree"
    for name in ("a.txt", "b.md", ".h.txt", "d/c.txt", "d/e/f.txt", "d/.g/h.txt", "x1/y.txt", "x2/y.TXT",
                 "[k]/z.txt", "k/z.txt", "../up.txt"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tree)
    rng = random.Random(5)
    parts = ["*", "**", "d", "e", "x?", "x[12]", "*.txt", "?.txt", ".*", "..", ".", "[k]", "k", "*.md", "y.*"]
    for _ in range(400):
        pattern = "/".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))
        for form in (pattern, str(tree / pattern), "./" + pattern):
            expected = sorted(p for p in glob.glob(form, recursive=True) if os.path.isfile(p))
            assert sorted(matches(form)) == expected, form
