"""A router process in front of the bench `accounts` subgraph (on loopback), for benchmarks of the router's
own costs: preparing operations, memory."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.router_bench import free_port, processes, wait_until_up
from bench.subgraphs import APPS, supergraph_sdl


@contextmanager
def accounts_router() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The router's /graphql URL and its process; only `accounts` (which answers `me`) runs."""
    python = sys.executable
    port = free_port()
    flags = ["--host", "127.0.0.1", "--log-level", "warning", "--no-access-log"]
    accounts = [python, "-m", "uvicorn", APPS["accounts"], "--factory", "--port", str(port), *flags]
    with tempfile.TemporaryDirectory() as workdir, processes([accounts]):
        supergraph_file = Path(workdir) / "supergraph.graphql"
        # The other subgraphs are named (at ports nothing listens on) but never called.
        supergraph_file.write_text(supergraph_sdl({**{name: free_port() for name in APPS}, "accounts": port}))
        wait_until_up(f"http://127.0.0.1:{port}/graphql?query=%7B__typename%7D")
        router_port = free_port()
        command = [python, "-m", "router", "--supergraph", str(supergraph_file), "--port", str(router_port)]
        with processes([command]) as (router,):
            wait_until_up(f"http://127.0.0.1:{router_port}/health")
            yield f"http://127.0.0.1:{router_port}/graphql", router
