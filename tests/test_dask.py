"""The Dask path: the same conversion on a local cluster of two worker processes, identical outputs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docparse import batch

from .conftest import SAMPLES

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning",
                                        "ignore::UserWarning")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for sample in SAMPLES:
        shutil.copy(sample, root / sample.name)
    (root / "empty.txt").write_bytes(b"")
    return root


def files(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "parquet"])
def test_dask_outputs_identical_to_local(client: Any, inputs: Path, tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    local, remote = tmp_path / "local", tmp_path / "dask"
    batch.convert([str(inputs)], local, format=fmt)  # type: ignore[arg-type]
    summary = batch.convert_with_dask([str(inputs)], remote, client=client, format=fmt)
    assert (summary.converted, summary.errors) == (5, 1)
    assert files(local) == files(remote)
    assert len(client.scheduler_info()["workers"]) == 2


def test_cli_scheduler_address(client: Any, inputs: Path, tmp_path: Path) -> None:
    from docparse.cli import main

    address = client.scheduler.address
    status = main(["convert", str(inputs), "--out", str(tmp_path / "out"), "--scheduler", address])
    assert status == 3  # the empty file is an error; the five samples are converted
    assert len(list((tmp_path / "out").glob("*.json"))) == 5
