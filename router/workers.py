"""`python -m router --workers N`: N router processes sharing one port, so the router uses N cores.

Each worker is a whole router (`python -m router ... --reuse-port`) binding the port with SO_REUSEPORT; the
kernel spreads new connections over them. The supervisor forwards SIGINT/SIGTERM, restarts a worker that
dies (with a growing pause), and gives up at once when a worker could not start (exit code 1 or 2: the
supergraph or the config does not load; every worker would fail the same way) or when workers keep dying
right after start.
Per-process state stays per process: caches warm up in each worker, and the per-client rate limits count per
worker (README, "Running several workers").
"""

from __future__ import annotations

import logging
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from types import FrameType

logger = logging.getLogger("router")

# `python -m router`'s exit codes for "cannot start": the supergraph (1) or the config (2) does not load.
CANNOT_START = frozenset({1, 2})
# A worker that dies this soon after starting, this many times in a row, ends the run too.
START_FAILURE_SECONDS = 30.0
MAX_START_FAILURES = 5


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A listening socket several processes can bind at once (the kernel balances connections over them)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def worker_arguments(argv: Sequence[str]) -> list[str]:
    """The command line of one worker: the supervisor's, without `--workers`, with `--reuse-port`."""
    out: list[str] = []
    skip = False
    for item in argv:
        if skip:
            skip = False
            continue
        if item == "--workers":
            skip = True
            continue
        if item.startswith("--workers="):
            continue
        out.append(item)
    return [*out, "--reuse-port"]


def supervise(argv: Sequence[str], count: int) -> int:
    """Run `count` workers until a signal (0) or repeated start-up failures (the last worker's exit code)."""
    command = [sys.executable, "-m", "router", *worker_arguments(argv)]
    stopping = False

    def stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for process in workers:
            if process.poll() is None:
                process.send_signal(signum)

    workers = [subprocess.Popen(command) for _ in range(count)]
    started = [time.monotonic()] * count
    failures = 0
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    logger.info("router supervising %d workers", count)
    while not stopping:
        time.sleep(0.2)
        for index, process in enumerate(workers):
            code = process.poll()
            if code is None or stopping:
                continue
            quick = time.monotonic() - started[index] < START_FAILURE_SECONDS
            failures = failures + 1 if quick else 0
            if code in CANNOT_START or failures >= MAX_START_FAILURES:
                reason = "could not start" if code in CANNOT_START else "keep dying right after start-up"
                logger.error("router workers %s (exit %s); stopping", reason, code)
                stop(signal.SIGTERM, None)
                _wait_all(workers)
                return code or 1
            logger.warning("router worker %d exited with %s; starting another", process.pid, code)
            time.sleep(min(5.0, 0.5 * 2**failures))
            workers[index] = subprocess.Popen(command)
            started[index] = time.monotonic()
    _wait_all(workers)
    return 0


def _wait_all(workers: list[subprocess.Popen[bytes]], timeout: float = 35.0) -> None:
    deadline = time.monotonic() + timeout
    for process in workers:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
