"""An S3-compatible server for the tests: moto's server mode on loopback (DESIGN.md, Testing), or
`S3_ENDPOINT_URL`. moto does not verify signatures; our own signature checks are tested separately."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from moto.server import ThreadedMotoServer

from tests.network import free_port


@contextmanager
def s3_server() -> Iterator[str]:
    """The endpoint URL of an S3-compatible server: `S3_ENDPOINT_URL` if set, else moto started here."""
    if url := os.environ.get("S3_ENDPOINT_URL"):
        yield url
        return
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
