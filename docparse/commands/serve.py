"""``docparse serve``: the HTTP service (docparse/serve/), on loopback unless told otherwise.

Stops cleanly on SIGTERM or Ctrl-C: no new connections, the requests in flight finished, the worker
processes ended; then exit status 0.
"""

from __future__ import annotations

import argparse
import copy
import errno
import ipaddress
import os
import signal
import socket
import sys
from typing import Any

from ..errors import EXIT_OK, EXIT_USAGE, MissingExtraError

API_KEY_VARIABLE = "DOCPARSE_API_KEY"
"""The environment variable the API key is read from when ``--api-key`` is not given (a key on the
command line is visible to every user of the machine in the process list)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve", help="启动 HTTP 服务（需要 docparse[serve]）",
        description="以 HTTP 服务提供解析：POST /v1/parse、/v1/outline、/v1/metrics、/v1/validate、"
                    "/v1/chunks、/v1/markdown（上传文件或 JSON 的 text），GET /healthz、/v1/schema、"
                    "/openapi.json、/docs。")
    parser.add_argument("--host", default="127.0.0.1",
                        help="监听地址（默认 127.0.0.1，只接受本机连接；0.0.0.0 接受所有网络）")
    parser.add_argument("--port", type=_port, default=8000, help="端口（默认 8000；0 表示任选一个空闲端口）")
    parser.add_argument("--workers", type=_positive, default=_cpus(), metavar="N",
                        help=f"解析进程数（默认为 CPU 数，本机 {_cpus()}）")
    parser.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                        help="单个请求的解析时限，超时返回 504 并替换该解析进程（默认 60）")
    parser.add_argument("--max-bytes", type=_positive, default=50 * 1024 * 1024, metavar="BYTES",
                        help="请求体大小上限，边读边计，超过即返回 413（默认 52428800，即 50 MB）")
    parser.add_argument("--api-key", default=os.environ.get(API_KEY_VARIABLE) or None, metavar="KEY",
                        help=f"要求每个请求（/healthz 除外）带 Authorization: Bearer KEY 或 X-API-Key: KEY"
                             f"（默认读取环境变量 {API_KEY_VARIABLE}；写在命令行上会被本机其他用户看到）")
    parser.add_argument("--no-access-log", action="store_true", help="不输出每个请求的访问日志")
    parser.set_defaults(run=run)


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{value}")
    return number


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"应为 0 到 65535 的端口号：{value}")
    return int(value)


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"应为正数（秒）：{value}")
    return number


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host`` (``127.0.0.1``, ``::1``, ``localhost``).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to any address
        return False


def exposure_warning(host: str, api_key: str | None) -> str | None:
    """The warning for a server other machines can reach that asks no key of them, else ``None``.

    >>> exposure_warning("127.0.0.1", None) is None, exposure_warning("0.0.0.0", "secret") is None
    (True, True)
    """
    if is_loopback(host) or api_key:
        return None
    return (f"警告：监听 {host}，其他机器可以访问，但没有设置 API key；请用 --api-key 或环境变量 "
            f"{API_KEY_VARIABLE} 设置，或放在有认证的反向代理之后")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..serve.app import Settings, create_app
    except ImportError as error:
        raise MissingExtraError(f"docparse serve 需要安装 docparse[serve]：pip install 'docparse[serve]'"
                                f"（缺少 {error.name}）") from None
    warning = exposure_warning(args.host, args.api_key)
    if warning:
        print(f"docparse serve: {warning}", file=sys.stderr)
    try:  # bound here, before the workers start: a port in use is one line at once
        listener = socket.create_server((args.host.strip("[]"), args.port), backlog=2048,
                                        family=socket.AF_INET6 if ":" in args.host else socket.AF_INET)
    except OSError as error:
        why = _BIND_ERRORS.get(error.errno or 0, error.strerror or str(error))
        print(f"docparse serve: 无法监听 {args.host}:{args.port}（{why}）", file=sys.stderr)
        return EXIT_USAGE
    host, port = listener.getsockname()[:2]
    print(f"docparse serve: 监听 http://{f'[{host}]' if ':' in host else host}:{port}"
          f"（接口说明 /docs；{args.workers} 个解析进程启动中）", file=sys.stderr, flush=True)
    app = create_app(Settings(workers=args.workers, timeout=args.timeout, max_bytes=args.max_bytes,
                              api_key=args.api_key))
    config = uvicorn.Config(app, log_config=_log_config(), access_log=not args.no_access_log,
                            server_header=False)
    if hasattr(signal, "SIGPIPE"):  # the command line's default ends the process at a closed pipe:
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # a server gets EPIPE (a worker or client gone)
    # uvicorn stops on SIGTERM and Ctrl-C, then raises the signal again with the handler it found:
    # a handler that does nothing lets the command end with status 0 after that clean stop
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, _stopped)
    with listener:
        uvicorn.Server(config).run(sockets=[listener])
    return EXIT_OK


_BIND_ERRORS = {errno.EADDRINUSE: "端口已被占用", errno.EACCES: "没有权限使用此端口",
                errno.EADDRNOTAVAIL: "本机没有这个地址"}


def _stopped(signum: int, frame: object) -> None:
    """The signal has been handled: the server has stopped."""


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with the service's own logger (errors with their request id) beside its."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["docparse.serve"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
