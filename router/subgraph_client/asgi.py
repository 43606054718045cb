"""In-process subgraphs: the HTTP client on an ASGI app, so tests and `jobgraph dev` skip the network."""

from __future__ import annotations

from typing import Any

import httpx

from router.subgraph_client.http import HttpSubgraphClient


def asgi_client(name: str, app: Any, *, path: str = "/graphql", timeout: float = 10.0) -> HttpSubgraphClient:
    """A client for an ASGI app in this process; the same code path as HTTP, minus the socket."""
    transport = httpx.ASGITransport(app=app)
    return HttpSubgraphClient(name, f"http://{name}.internal{path}", timeout=timeout, transport=transport)
