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


@pytest.fixture(autouse=True)
def sigpipe_raises() -> Iterator[None]:
    """Python's own SIGPIPE setting (ignored: a write to a closed socket raises) while a test runs.

    The scheduler of a LocalCluster runs in this process; ``docparse.cli.run``, called in-process by
    another test, gives SIGPIPE its default action (which ends the process), and a scheduler that
    writes to a socket its peer closed (a client refused by TLS) would end pytest."""
    import signal

    if not hasattr(signal, "SIGPIPE"):
        yield
        return
    previous = signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGPIPE, previous)


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


def test_a_scheduler_that_cannot_be_used_is_one_line_naming_it(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """An empty or malformed address, or one where nothing listens: one Chinese line with DP011,
    exit 3, the output directory not blamed."""
    import socket

    import dask

    from docparse.cli import main

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "out"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        for address in ("", "foo", f"tcp://127.0.0.1:{port}"):
            assert main(["convert", str(SAMPLES[0]), "--out", str(out), "--scheduler", address]) == 3
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and "DP011" in err and "调度器" in err, err
            assert str(out) not in err and "DP999" not in err


def certificates(directory: Path) -> dict[str, str]:
    """A CA and a certificate it signed for 127.0.0.1 (openssl), as Dask's TLS takes them."""
    import subprocess

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=directory, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=docparse-test-ca")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "node.key", "-out", "node.csr",
            "-subj", "/CN=localhost")
    (directory / "ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n", encoding="ascii")
    openssl("x509", "-req", "-in", "node.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "node.pem", "-days", "2", "-extfile", "ext")
    return {name: str(directory / name) for name in ("ca.pem", "node.pem", "node.key")}


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make certificates")
def test_a_tls_scheduler(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A cluster that requires TLS: converted with --tls-ca-file/--tls-cert/--tls-key, refused
    (DP011, one line) without them."""
    import dask
    from distributed.security import Security

    from docparse.cli import main

    pem = certificates(tmp_path)
    roles = {f"tls_{role}_{part}": pem[name] for role in ("scheduler", "worker", "client")
             for part, name in (("cert", "node.pem"), ("key", "node.key"))}
    security = Security(tls_ca_file=pem["ca.pem"], require_encryption=True, **roles)
    with distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1,
                                  dashboard_address=None, security=security, protocol="tls://",
                                  host="127.0.0.1") as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tls://")
        tls = ["--tls-ca-file", pem["ca.pem"], "--tls-cert", pem["node.pem"], "--tls-key", pem["node.key"]]
        out = tmp_path / "out"
        assert main(["convert", str(inputs), "--out", str(out), "--scheduler", address, *tls]) == 3
        assert len(list((tmp_path / "out").glob("*.json"))) == 5
        capsys.readouterr()
        with dask.config.set({"distributed.comm.timeouts.connect": "3s"}):
            plain = tmp_path / "plain"
            assert main(["convert", str(inputs), "--out", str(plain), "--scheduler", address]) == 3
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "DP011" in err
