"""A router app with plugins over the tiny products/reviews/accounts subgraphs, over HTTP in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from router.app import build_router_app
from router.config import RouterConfig
from router.plugins import Plugin
from tests.router.executor.subgraphs import SUPERGRAPH, RecordingClient, recording_clients


@asynccontextmanager
async def router_http(
    *plugins: Plugin,
    config: RouterConfig | None = None,
    clients: dict[str, RecordingClient] | None = None,
    supergraph: str = SUPERGRAPH,
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for a router running `plugins` after the defaults."""
    app = build_router_app(supergraph, clients or recording_clients(), config, plugins=plugins)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://router", timeout=10) as http:
        yield http
