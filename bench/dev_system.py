"""`jobgraph dev` in a process of its own on a fresh (or given) data directory: the whole product on embedded
defaults, as the benchmarks that measure what a person sees start it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from bench.router_bench import cpu_seconds, free_port, processes


@dataclass(frozen=True, slots=True)
class DevSystem:
    process: subprocess.Popen[bytes]
    url: str
    # Seconds from starting the process until the router answered /health.
    cold_start: float

    def wait_until_idle(
        self, share: float = 0.05, window: float = 1.0, windows: int = 3, limit: float = 300.0
    ) -> float:
        """Seconds until the process used under `share` of a core in `windows` windows of `window` seconds in
        a row: after a fill-in, the event consumers (search, analytics, notifications, timeline) have caught
        up and a measurement sees the steady state, not their backlog."""
        began = time.perf_counter()
        quiet = 0
        while quiet < windows and time.perf_counter() - began < limit:
            before = cpu_seconds(self.process.pid)
            time.sleep(window)
            quiet = quiet + 1 if cpu_seconds(self.process.pid) - before < share * window else 0
        return time.perf_counter() - began


@contextmanager
def jobgraph_dev(
    environ: Mapping[str, str] | None = None, data_dir: str | None = None
) -> Iterator[DevSystem]:
    """The running system until the block ends. Benchmarks send many requests from one address, so the
    router's per-client rate limit is off unless `environ` says otherwise."""
    port = free_port()
    env = {**os.environ, "JOBGRAPH_ROUTER_RATE_LIMIT": "false", **(environ or {})}
    with tempfile.TemporaryDirectory() as scratch:
        directory = data_dir or scratch
        command = [sys.executable, "-m", "jobgraph", "dev", "--port", str(port), "--data-dir", directory]
        started = time.perf_counter()
        with processes([command], env) as (system,):
            cold_start = wait_until_up(f"http://127.0.0.1:{port}/health", started)
            yield DevSystem(system, f"http://127.0.0.1:{port}/graphql", cold_start)


def wait_until_up(url: str, started: float, deadline_seconds: float = 60.0) -> float:
    """Seconds since `started` when `url` first answered 200."""
    while time.perf_counter() - started < deadline_seconds:
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"jobgraph dev did not answer {url} within {deadline_seconds:.0f}s")
