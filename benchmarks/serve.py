"""How `docparse serve` scales with its workers: the same concurrent uploads against one worker and
against N.

    python benchmarks/serve.py                  # 1 worker against 2 (this machine's cores)
    python benchmarks/serve.py --workers 1,2,4 --requests 16 --copies 20

Each round starts a fresh server (``docparse serve --port 0 --workers W``), waits for ``/healthz``,
then sends ``--requests`` uploads of the same document (the five samples, repeated ``--copies``
times: a report of ~70 KB × copies) to ``/v1/parse`` from as many client threads at once, and
times them from the first request sent to the last answer read. The speed-up is the one-worker
time over the W-worker time; on W idle cores it approaches W.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "examples").glob("00[0-4]_*.txt"))


def _document(copies: int) -> bytes:
    return b"\n".join(path.read_bytes() for path in SAMPLES) * copies


def _request(port: int, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _upload(port: int, data: bytes) -> int:
    boundary = "docparse-bench-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    status, _ = _request(port, "POST", "/v1/parse", body,
                         {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    return status


def _start(workers: int, log: tempfile._TemporaryFileWrapper[bytes]) -> tuple[subprocess.Popen[bytes], int]:
    env = {name: value for name, value in os.environ.items() if name != "DOCPARSE_API_KEY"}
    process = subprocess.Popen([sys.executable, "-m", "docparse", "serve", "--port", "0",
                                "--workers", str(workers), "--max-bytes", str(500_000_000),
                                "--timeout", "600"], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    port = 0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(Path(log.name).read_text(encoding="utf-8", errors="replace"))
        if not port:
            found = re.search(r"监听 http://127\.0\.0\.1:(\d+)",
                              Path(log.name).read_text(encoding="utf-8", errors="replace"))
            port = int(found.group(1)) if found else 0
        else:
            try:
                status, body = _request(port, "GET", "/healthz")
                if status == 200 and json.loads(body)["status"] == "ok":
                    return process, port
            except OSError:
                pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start in 60 s")


def _round(workers: int, requests: int, data: bytes) -> float:
    with tempfile.NamedTemporaryFile() as log:
        process, port = _start(workers, log)
        try:
            _upload(port, data)  # every worker has imported and loaded its grammars before timing
            statuses: list[int] = []
            clients = [threading.Thread(target=lambda: statuses.append(_upload(port, data)))
                       for _ in range(requests)]
            started = time.perf_counter()
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            elapsed = time.perf_counter() - started
            if statuses.count(200) != requests:
                raise SystemExit(f"answers {sorted(statuses)}")
            return elapsed
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 2}")
    parser.add_argument("--requests", type=int, default=8)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="rounds per worker count; the median is kept")
    options = parser.parse_args()
    data = _document(options.copies)
    counts = [int(part) for part in options.workers.split(",")]
    print(f"{options.requests} concurrent uploads of {len(data) / 1e3:.0f} KB to /v1/parse, "
          f"median of {options.rounds} rounds")
    times: dict[int, float] = {}
    for workers in counts:
        rounds = sorted(_round(workers, options.requests, data) for _ in range(options.rounds))
        times[workers] = rounds[len(rounds) // 2]
        speedup = times[counts[0]] / times[workers]
        print(f"  workers {workers}: {times[workers]:6.2f} s   ×{speedup:.2f} over {counts[0]}")


if __name__ == "__main__":
    main()
