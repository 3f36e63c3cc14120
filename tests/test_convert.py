"""``docparse convert`` and docparse.batch: outputs, errors file, resume, formats, jobs."""

from __future__ import annotations

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
from docparse.batch.inputs import expand, output_name, text_files
from docparse.batch.tasks import convert_one
from docparse.cli import main
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
    pairs = expand([str(inputs)])
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
    """text_files walks with os.scandir: the same files, path strings and relative names as
    the plain definition, ``sorted(Path(d).rglob("*.txt"))`` with ``relpath``, links left out."""
    tree = tmp_path / "reports"
    for name in ("a.txt", "b.TXT", ".hidden.txt", "notes.md", "2022/c.txt", "2022/deep/d.txt",
                 "2023/c.txt", "odd.txt/inner.txt", ".cache/e.txt"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text("x", encoding="utf-8")
    (tree / "linked").symlink_to(tree / "2022", target_is_directory=True)  # not followed, as rglob
    (tree / "alias.txt").symlink_to(tree / "a.txt")  # not followed either (--follow-symlinks)
    monkeypatch.chdir(tmp_path)

    def plain(item: str) -> list[tuple[str, str]]:
        listed = (p for p in Path(item).rglob("*.txt") if p.is_file() and not p.is_symlink())
        return [(p, os.path.relpath(p, item)) for p in sorted(str(p) for p in listed)]

    for item in ("reports", "./reports/", str(tree), "reports//2022"):
        assert text_files(item) == plain(item), item
    monkeypatch.chdir(tree)
    assert text_files(".") == plain(".")
    assert ("2022/deep/d.txt", "2022/deep/d.txt") in text_files(".")
