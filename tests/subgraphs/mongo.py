"""A MongoDB-wire server for the tests: `secantusdb` on loopback (DESIGN.md, Testing), or `MONGODB_URL`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def mongodb_server() -> Iterator[str]:
    """The URL of a MongoDB-wire server: `MONGODB_URL` if set, else an in-memory secantusdb started here."""
    if url := os.environ.get("MONGODB_URL"):
        yield url
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "secantusd-py"),
            *("--host", "127.0.0.1", "--port", str(port)),
            *("--storage-path", ":memory:", "--log-level", "WARNING"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None:
                raise RuntimeError("secantusd-py exited at start-up")
            time.sleep(0.05)
        else:
            raise RuntimeError("secantusd-py did not listen within 15 s")
        yield f"mongodb://127.0.0.1:{port}/?directConnection=true"
    finally:
        server.terminate()
        server.wait(timeout=10)
