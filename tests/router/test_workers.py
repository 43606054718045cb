"""`python -m router --workers N`: N processes answer on one port, a dead worker is replaced, a signal stops
them all, and workers that cannot start end the run instead of restarting forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from router.workers import worker_arguments
from tests.network import free_port, wait_until_up
from tests.router.executor.subgraphs import SUPERGRAPH

ROUTER = (sys.executable, "-m", "router")


def test_a_worker_runs_the_same_command_without_workers_and_with_reuse_port() -> None:
    argv = ["--supergraph", "s.graphql", "--workers", "2", "--port", "4000", "--workers=3"]
    assert worker_arguments(argv) == ["--supergraph", "s.graphql", "--port", "4000", "--reuse-port"]


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError):
            continue
        if parent == pid:
            found.add(int(stat.parent.name))
    return found


def _eventually(check: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def test_two_workers_share_the_port_and_a_dead_one_is_replaced(tmp_path: Path) -> None:
    supergraph = tmp_path / "supergraph.graphql"
    supergraph.write_text(SUPERGRAPH)
    port = free_port()
    supervisor = subprocess.Popen(
        [*ROUTER, "--supergraph", str(supergraph), "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", supervisor)
        _eventually(lambda: len(_children(supervisor.pid)) == 2)
        workers = _children(supervisor.pid)
        # Every connection is answered, whichever worker the kernel gives it to.
        for _ in range(20):
            with httpx.Client() as client:
                answer = client.post(f"http://127.0.0.1:{port}/graphql", json={"query": "{ __typename }"})
            assert answer.json() == {"data": {"__typename": "Query"}}

        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        _eventually(lambda: len(_children(supervisor.pid) - {victim}) == 2)
        wait_until_up(f"http://127.0.0.1:{port}/health", supervisor)

        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=40) == 0
        assert not _children(supervisor.pid)
    finally:
        if supervisor.poll() is None:
            supervisor.kill()


def test_workers_that_cannot_start_end_the_run(tmp_path: Path) -> None:
    broken = tmp_path / "supergraph.graphql"
    broken.write_text("type Query {")
    supervisor = subprocess.run(
        [*ROUTER, "--supergraph", str(broken), "--port", str(free_port()), "--workers", "2"],
        capture_output=True,
        timeout=120,
    )
    assert supervisor.returncode == 1
    assert b"router workers could not start (exit 1)" in supervisor.stderr
