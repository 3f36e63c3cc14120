"""``docparse serve``: the real server, started in a subprocess on a free loopback port, talked to
over HTTP (http.client): every endpoint, every error status, the API key, concurrent clients, a
parse over the time limit, a worker that dies, and a clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("python_multipart")

from docparse.api import json_schema, parse_bytes
from docparse.cli import main
from docparse.renderers.chunks import ChunksJsonLines
from docparse.renderers.document import DocumentJson
from docparse.renderers.markdown import to_markdown
from docparse.renderers.metrics import RENDERERS as METRICS
from docparse.renderers.metrics import metric_rows
from docparse.renderers.outline import RENDERERS as OUTLINES

from .conftest import SAMPLES

KEY = "test-key-0123456789"
STARTUP = 180.0
"""Seconds a server is given to start its workers (generous: CI's two cores are busy)."""
ANSWER = 300.0
"""Seconds a request is given to be answered (generous, as above)."""
REPORT = SAMPLES[4]
"""A real report (a city government's annual report on law-based government)."""


Answer = tuple[int, http.client.HTTPMessage, bytes]
"""A response's status, headers and body."""


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: IO[bytes]

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, *, key: str | None = KEY) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=ANSWER)
        try:
            sent = dict(headers or {})
            if key:
                sent.setdefault("Authorization", f"Bearer {key}")
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def upload(self, path: str, data: bytes, filename: str | None = "report.txt", *,
               key: str | None = KEY, headers: dict[str, str] | None = None) -> Answer:
        body, content_type = multipart(data, filename)
        return self.request("POST", path, body, {"Content-Type": content_type, **(headers or {})}, key=key)

    def text(self, path: str, payload: dict[str, Any]) -> Answer:
        return self.request("POST", path, json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                            {"Content-Type": "application/json"})

    def health(self) -> dict[str, Any]:
        status, _, body = self.request("GET", "/healthz", key=None)
        assert status == 200
        result: dict[str, Any] = json.loads(body)
        return result

    def logged(self) -> str:
        self.log.flush()
        self.log.seek(0)
        text = self.log.read().decode("utf-8", "replace")
        self.log.seek(0, os.SEEK_END)
        return text


def multipart(data: bytes, filename: str | None, field: str = "file") -> tuple[bytes, str]:
    boundary = "docparse-test-boundary-7f3a"
    disposition = f'form-data; name="{field}"' + (f'; filename="{filename}"' if filename else "")
    head = (f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@contextmanager
def running(*options: str, key: str | None = None) -> Iterator[Server]:
    """A ``docparse serve`` subprocess on a free loopback port (the default host, ``--port 0``: the
    port it names when it starts), until the block ends."""
    # the servers parse without the checked builds of the test suite: the suite's own parses
    # check the same code, and the servers' CPU time stays small
    env = {name: value for name, value in os.environ.items()
           if name not in ("DOCPARSE_CHECK_BUILDS", "DOCPARSE_API_KEY")}
    if key:
        env["DOCPARSE_API_KEY"] = key
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "docparse", "serve", "--port", "0", *options],
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
        server = Server(process, 0, log)
        try:
            _wait_until_ready(server)
            yield server
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(ANSWER)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_until_ready(server: Server) -> None:
    deadline = time.monotonic() + STARTUP
    while True:
        assert server.process.poll() is None, server.logged()
        assert time.monotonic() < deadline, server.logged()
        if not server.port:  # on loopback unless told otherwise
            found = re.search(r"监听 http://127\.0\.0\.1:(\d+)", server.logged())
            server.port = int(found.group(1)) if found else 0
        else:
            try:
                if server.health()["status"] == "ok":
                    return
            except OSError:
                pass
        time.sleep(0.2)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """Two workers, an API key from the environment, a 1 MB body limit."""
    with running("--workers", "2", "--max-bytes", "1000000", key=KEY) as started:
        yield started


def _problem(status: int, body: bytes, code: str) -> dict[str, Any]:
    problem: dict[str, Any] = json.loads(body)
    assert problem["code"] == code, problem
    assert problem["message"] and problem["request_id"]
    return problem


# --- the endpoints -----------------------------------------------------------------------------

def test_parse_gives_the_bytes_of_docparse_parse(server: Server, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = REPORT.read_bytes()
    (tmp_path / "report.txt").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "report.txt"]) == 0
    printed = capsysbinary.readouterr().out
    status, headers, body = server.upload("/v1/parse", data, "report.txt")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert body == printed


def test_parse_options_and_json_text(server: Server) -> None:
    text = REPORT.read_text(encoding="utf-8")
    status, _, body = server.text("/v1/parse?indent=0&no_text=true",
                                  {"text": text, "filename": "a/b/年报.txt"})
    assert status == 200
    assert body.count(b"\n") == 1  # compact: one line
    doc = json.loads(body)
    assert "text" not in doc
    assert doc["source"]["path"] == "年报.txt"  # the name's last component, a label only
    assert doc["title"]["text"] == parse_bytes(text.encode()).title.text  # type: ignore[union-attr]


def test_a_file_name_is_a_label_never_opened(server: Server) -> None:
    data = "关于工作的报告\n一、总体情况\n完成任务。\n".encode()
    status, _, body = server.upload("/v1/parse?no_text=true", data, "../../../../etc/passwd")
    assert status == 200
    doc = json.loads(body)
    assert doc["source"]["path"] == "passwd"
    assert doc["sections"][0]["title"] == "总体情况"


def test_outline_metrics_chunks_markdown(server: Server) -> None:
    data = REPORT.read_bytes()
    doc = parse_bytes(data, path="r.txt")
    status, headers, body = server.upload("/v1/outline", data, "r.txt")
    assert (status, headers["Content-Type"]) == (200, "application/jsonl")
    assert body == OUTLINES["jsonl"].render(("r.txt", doc))
    status, _, body = server.upload("/v1/outline?format=text", data, "r.txt")
    assert body == OUTLINES["text"].render(("r.txt", doc))
    status, headers, body = server.upload("/v1/metrics?format=csv", data, "r.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body == METRICS["csv"].render(list(metric_rows(doc, "r.txt")))
    status, _, body = server.upload("/v1/metrics", data, "r.txt")
    assert json.loads(body) == json.loads(METRICS["json"].render(list(metric_rows(doc, "r.txt"))))
    status, _, body = server.upload("/v1/chunks?max_chars=200&overlap=20", data, "r.txt")
    assert status == 200
    assert body == ChunksJsonLines(max_chars=200, overlap=20).render(doc)
    assert all(len(json.loads(line)["text"]) <= 200 for line in body.splitlines())
    status, headers, body = server.upload("/v1/markdown", data, "r.txt")
    assert (status, headers["Content-Type"]) == (200, "text/markdown; charset=utf-8")
    assert body.decode("utf-8") == to_markdown(doc)


def test_validate_as_json_and_sarif(server: Server) -> None:
    data = REPORT.read_bytes()
    status, _, body = server.upload("/v1/validate?min_severity=info", data, "r.txt")
    assert status == 200
    report = json.loads(body)["files"][0]
    assert report["path"] == "r.txt" and report["profile"] == "fzzf"
    everything = report["diagnostics"]
    assert everything
    status, _, body = server.upload("/v1/validate?profile=gongwen&min_severity=error", data, "r.txt")
    report = json.loads(body)["files"][0]
    assert report["profile"] == "gongwen"
    assert all(d["severity"] == "error" for d in report["diagnostics"])
    status, headers, body = server.upload("/v1/validate?format=sarif", data, "r.txt")
    assert (status, headers["Content-Type"]) == (200, "application/sarif+json")
    sarif = json.loads(body)
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} <= {d["code"] for d in everything}


def test_schema_openapi_and_docs(server: Server) -> None:
    status, _, body = server.request("GET", "/v1/schema")
    assert status == 200
    assert json.loads(body) == json_schema()
    status, _, body = server.request("GET", "/openapi.json")
    openapi = json.loads(body)
    assert {"/v1/parse", "/v1/outline", "/v1/metrics", "/v1/validate", "/v1/chunks", "/v1/markdown",
            "/healthz", "/v1/schema", "/docs"} <= set(openapi["paths"])
    assert {"Document", "Chunk", "Problem", "Health"} <= set(openapi["components"]["schemas"])
    parse = openapi["paths"]["/v1/parse"]["post"]
    assert {"multipart/form-data", "application/json"} == set(parse["requestBody"]["content"])
    assert {"indent", "no_text", "encoding", "format_in", "max_size", "max_depth"} <= {
        p["name"] for p in parse["parameters"]}
    status, headers, body = server.request("GET", "/docs")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "/v1/chunks" in page and "openapi.json" in page
    assert "<script" not in page and "src=" not in page and "<link" not in page  # loads nothing


def test_health_needs_no_key(server: Server) -> None:
    health = server.health()
    assert health["status"] == "ok" and health["workers"] == 2


# --- errors ------------------------------------------------------------------------------------

def test_the_api_key(server: Server) -> None:
    data = "关于工作的报告\n一、总体情况\n完成任务。\n".encode()
    for key in (None, "wrong"):
        status, headers, body = server.upload("/v1/outline", data, key=key)
        assert status == 401 and headers["WWW-Authenticate"] == "Bearer"
        _problem(status, body, "HTTP401")
    for path in ("/openapi.json", "/docs", "/v1/schema"):
        assert server.request("GET", path, key=None)[0] == 401
    status, _, _ = server.upload("/v1/outline", data, key=None, headers={"X-API-Key": KEY})
    assert status == 200


def test_request_ids(server: Server) -> None:
    status, headers, body = server.upload("/v1/parse", b"", "empty.txt")
    problem = _problem(status, body, "DP002")
    assert headers["X-Request-ID"] == problem["request_id"]
    status, headers, _ = server.request("GET", "/healthz", headers={"X-Request-ID": "from-the-proxy-1"})
    assert headers["X-Request-ID"] == "from-the-proxy-1"


@pytest.mark.parametrize(("data", "query", "status", "code"), [
    (b"", "", 422, "DP002"),
    (b"Annual report 2023\nNothing in Chinese here.\n", "", 422, "DP005"),
    ("关于工作的报告".encode("gb18030"), "?encoding=utf-8", 422, "DP004"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "", 415, "DP003"),
    ("关于工作的报告\n".encode(), "?format_in=nope", 415, "DP008"),
])
def test_bad_input_gets_the_cli_code(server: Server, data: bytes, query: str, status: int, code: str) -> None:
    got, _, body = server.upload(f"/v1/parse{query}", data, "input.bin")
    assert got == status
    problem = _problem(got, body, code)
    assert problem["file"] == "input.bin"


def test_the_same_message_as_the_command_line(server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "english.txt").write_bytes(b"Annual report 2023\n")
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "english.txt"]) == 3
    printed = capsys.readouterr().err.strip()
    status, _, body = server.upload("/v1/parse", b"Annual report 2023\n", "english.txt")
    problem = _problem(status, body, "DP005")
    assert printed == f"docparse: english.txt: DP005 {problem['message']}"


@pytest.mark.parametrize(("path", "options"), [
    ("/v1/chunks", "?max_chars=0"),
    ("/v1/chunks", "?max_chars=100&overlap=100"),
    ("/v1/validate", "?profile=nope"),
    ("/v1/validate", "?format=xml"),
    ("/v1/parse", "?indent=two"),
    ("/v1/parse", "?no_such_option=1"),
])
def test_bad_options_are_400(server: Server, path: str, options: str) -> None:
    status, _, body = server.upload(path + options, "关于工作的报告\n一、总体情况\n".encode())
    assert status == 400
    assert "请求参数无效" in _problem(status, body, "DP001")["message"]


def test_malformed_requests(server: Server) -> None:
    data = "关于工作的报告\n".encode()
    body, content_type = multipart(data, "r.txt", field="document")
    status, _, answer = server.request("POST", "/v1/parse", body, {"Content-Type": content_type})
    assert status == 400 and "document" in _problem(status, answer, "DP001")["message"]
    json_type = {"Content-Type": "application/json"}
    status, _, answer = server.request("POST", "/v1/parse", b"{not json", json_type)
    assert status == 400 and _problem(status, answer, "DP001")
    status, _, answer = server.text("/v1/parse", {"text": "关于工作的报告", "profile": "gongwen"})
    assert status == 400 and "查询参数" in _problem(status, answer, "DP001")["message"]
    status, _, answer = server.request("POST", "/v1/parse", data, {"Content-Type": "text/plain"})
    assert status == 415 and _problem(status, answer, "DP001")
    status, _, answer = server.request("GET", "/v1/parse")
    assert status == 405 and _problem(status, answer, "HTTP405")
    status, _, answer = server.request("GET", "/v2/nothing")
    assert status == 404 and _problem(status, answer, "HTTP404")


def _raw_exchange(port: int, head: bytes, pieces: list[bytes]) -> bytes:
    """Send a request's head and some of its body, then read the answer (no more is sent)."""
    with socket.create_connection(("127.0.0.1", port), timeout=ANSWER) as raw:
        raw.sendall(head)
        for piece in pieces:
            raw.sendall(piece)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            more = raw.recv(65536)
            if not more:
                break
            answer += more
        return answer


def test_a_body_over_the_limit_is_refused_unread(server: Server) -> None:
    # a declared length over the limit: refused before a byte of the body is sent
    head = (f"POST /v1/parse HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 60000000\r\n\r\n").encode()
    answer = _raw_exchange(server.port, head, [])
    assert answer.startswith(b"HTTP/1.1 413")
    assert b'"DP006"' in answer
    # no length declared (chunked): refused as soon as the count passes the limit
    head = (f"POST /v1/parse HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    piece = b"x" * 250_000
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    opening = b'{"text": "'
    pieces = [f"{len(opening):x}\r\n".encode() + opening + b"\r\n", *[chunk] * 4]  # 10 bytes past the limit
    answer = _raw_exchange(server.port, head, pieces)
    assert answer.startswith(b"HTTP/1.1 413")
    assert server.health()["status"] == "ok"


# --- load --------------------------------------------------------------------------------------

def test_40_concurrent_requests_from_8_clients(server: Server) -> None:
    inputs = [(f"r{index}.txt", sample.read_bytes()) for index, sample in enumerate(SAMPLES)]
    docs = {name: parse_bytes(data, path=name) for name, data in inputs}
    expected = {
        ("/v1/parse", name): DocumentJson(indent=2).render(doc) for name, doc in docs.items()} | {
        ("/v1/outline", name): OUTLINES["jsonl"].render((name, doc)) for name, doc in docs.items()} | {
        ("/v1/chunks", name): ChunksJsonLines().render(doc) for name, doc in docs.items()} | {
        ("/v1/metrics?format=jsonl", name): METRICS["jsonl"].render(list(metric_rows(doc, name)))
        for name, doc in docs.items()}
    plan = [(path, inputs[(client + turn) % len(inputs)])
            for client in range(8) for turn, path in enumerate(
                ["/v1/parse", "/v1/outline", "/v1/chunks", "/v1/metrics?format=jsonl", "/v1/parse"])]
    assert len(plan) == 40
    wrong: list[str] = []

    def client(number: int) -> None:
        for path, (name, data) in plan[number * 5:(number + 1) * 5]:
            status, _, body = server.upload(path, data, name)
            if status != 200 or body != expected[path, name]:
                wrong.append(f"{path} {name}: {status}")

    clients = [threading.Thread(target=client, args=(number,)) for number in range(8)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join(ANSWER)
    assert not any(thread.is_alive() for thread in clients)
    assert not wrong
    assert server.health()["replaced"] == 0


# --- time limit, a dead worker, stopping ------------------------------------------------------

SLOW = SAMPLES[0].read_bytes() * 500
"""About 10 MB of real report text: several seconds of parsing, well over a one-second limit."""


def test_a_parse_over_the_time_limit_gets_504_and_health_still_answers() -> None:
    with running("--workers", "1", "--timeout", "1", "--max-bytes", "20000000") as limited:
        outcome: list[tuple[int, bytes]] = []
        slow = threading.Thread(target=lambda: outcome.append(
            limited.upload("/v1/parse", SLOW, "slow.txt", key=None)[::2]))
        slow.start()
        busy_seen = False
        while slow.is_alive():
            health = limited.health()  # answers while the only worker is busy
            busy_seen = busy_seen or health["busy"] == 1
            time.sleep(0.05)
        slow.join()
        status, body = outcome[0]
        assert status == 504
        problem = _problem(status, body, "DP006")
        assert problem["file"] == "slow.txt"
        assert busy_seen
        # the worker was replaced: the next request is parsed
        status, _, body = limited.upload("/v1/outline", REPORT.read_bytes(), key=None)
        assert status == 200 and body
        health = limited.health()
        assert health["replaced"] == 1 and health["workers"] == 1
        assert "Traceback" not in limited.logged()


def _workers_of(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(child) for child in (task / "children").read_text().split()]
    return [child for child in children
            if b"multiprocessing.spawn" in Path(f"/proc/{child}/cmdline").read_bytes()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the worker's pid from /proc")
def test_a_worker_that_dies_gets_500_and_is_replaced() -> None:
    with running("--workers", "1", "--max-bytes", "20000000") as server:
        outcome: list[tuple[int, bytes]] = []
        slow = threading.Thread(target=lambda: outcome.append(
            server.upload("/v1/parse", SLOW, "slow.txt", key=None)[::2]))
        slow.start()
        while server.health()["busy"] == 0:
            time.sleep(0.02)
        (worker,) = _workers_of(server.process.pid)
        os.kill(worker, signal.SIGKILL)
        slow.join(ANSWER)
        assert outcome, server.logged()
        status, body = outcome[0]
        assert status == 500
        problem = _problem(status, body, "DP007")
        assert problem["request_id"] in server.logged()
        status, _, _ = server.upload("/v1/outline", REPORT.read_bytes(), key=None)
        assert status == 200


def test_sigterm_finishes_the_requests_in_flight_then_stops() -> None:
    medium = SAMPLES[0].read_bytes() * 40  # under a second of parsing each
    with running("--workers", "1", "--max-bytes", "20000000") as server:
        doc = parse_bytes(medium, path="m.txt")
        expected = DocumentJson(indent=2, exclude=frozenset({"text"})).render(doc)
        outcomes: list[tuple[int, bytes]] = []

        def client() -> None:
            outcomes.append(server.upload("/v1/parse?no_text=true", medium, "m.txt", key=None)[::2])

        clients = [threading.Thread(target=client) for _ in range(3)]
        for thread in clients:
            thread.start()
        while True:  # one request parsing, the others waiting for the worker
            health = server.health()
            if health["busy"] == 1 and health["waiting"] >= 1:
                break
            assert all(thread.is_alive() for thread in clients), "the requests ended before the signal"
            time.sleep(0.02)
        server.process.send_signal(signal.SIGTERM)
        for thread in clients:
            thread.join(ANSWER)
        assert server.process.wait(ANSWER) == 0
        assert [status for status, _ in outcomes] == [200, 200, 200]
        assert all(body == expected for _, body in outcomes)
        log = server.logged()
        assert "Shutting down" in log and "Traceback" not in log
        with pytest.raises(OSError):
            server.health()


# --- in process: what a real server cannot be made to do -------------------------------------

def test_a_bug_in_a_worker_is_a_crash_with_its_traceback() -> None:
    from docparse.serve.worker import Crash, Job, execute

    result = execute(Job("no-such-action", "关于工作的报告\n".encode()))
    assert isinstance(result, Crash)
    assert "KeyError" in result.traceback


def test_an_internal_error_is_500_with_a_request_id_and_the_traceback_in_the_log(
        caplog: pytest.LogCaptureFixture) -> None:
    from docparse.serve.app import Guard

    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("secret detail")

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "POST", "path": "/v1/parse", "headers": [], "query_string": b""}
    with caplog.at_level(logging.ERROR, logger="docparse.serve"):
        asyncio.run(Guard(broken, api_key=None)(scope, receive, send))
    assert sent[0]["status"] == 500
    body = json.loads(sent[1]["body"])
    assert body["code"] == "DP999"
    assert "secret detail" not in sent[1]["body"].decode()
    assert body["request_id"] in caplog.text and "secret detail" in caplog.text


def test_a_warning_when_other_machines_can_reach_a_server_without_a_key() -> None:
    from docparse.commands.serve import exposure_warning

    assert exposure_warning("127.0.0.1", None) is None
    assert exposure_warning("::1", None) is None
    assert exposure_warning("0.0.0.0", "k") is None
    warning = exposure_warning("0.0.0.0", None)
    assert warning and "API key" in warning
    assert exposure_warning("docs.example.org", None)


def test_a_port_in_use_is_one_line_before_any_worker_starts() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "docparse", "serve", "--port", str(port)],
                             capture_output=True, timeout=ANSWER, check=False)
    assert run.returncode == 2
    assert run.stderr.decode("utf-8").strip() == f"docparse serve: 无法监听 127.0.0.1:{port}（端口已被占用）"
