"""What the SSE and multipart subscription tests share: a router app on a real socket with short heartbeats,
a slow endless subgraph stream, unsigned tokens with a chosen expiry, and readers of both stream formats."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.routing import Route

from router.app import build_router
from router.pipeline import Router
from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse
from router.transport.http import GraphQLEndpoint
from router.transport.http_subscriptions import StreamingEndpoint
from router.transport.streams import OpenStreams
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients
from tests.router.transport.test_websocket import served

HEARTBEAT = 0.05


class SlowReviews:
    """The reviews subgraph's subscription as an endless stream with a pause between events."""

    def __init__(self, inner: SubgraphClient, pause: float) -> None:
        self.inner = inner
        self.pause = pause
        self.closed = asyncio.Event()

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        return await self.inner.execute(request)

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        try:
            while True:
                yield SubgraphResponse(
                    data={"reviewAdded": {"__typename": "Review", "body": "Sturdy", "author": {"id": "u1"}}}
                )
                await asyncio.sleep(self.pause)
        finally:
            self.closed.set()

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class Served:
    url: str
    router: Router
    streams: OpenStreams
    client: httpx.AsyncClient

    def stream(self, query: str, headers: dict[str, str]) -> AbstractAsyncContextManager[httpx.Response]:
        """POST `query` and read the streamed response as it arrives."""
        return self.client.stream("POST", self.url, json={"query": query}, headers=headers)


@asynccontextmanager
async def streaming_router(*, pause: float | None = None) -> AsyncIterator[Served]:
    """The router over the test subgraphs (reviews endless, `pause` apart, if given) on a real socket."""
    clients: dict[str, Any] = dict(recording_clients())
    if pause is not None:
        clients["reviews"] = SlowReviews(clients["reviews"], pause)
    router = build_router(SUPERGRAPH, clients=clients)
    streams = OpenStreams()
    endpoint = StreamingEndpoint(
        GraphQLEndpoint(router), router, streams, sse_heartbeat=HEARTBEAT, multipart_heartbeat=HEARTBEAT
    )
    app = Starlette(routes=[Route("/graphql", endpoint.handle, methods=["GET", "POST"])])
    async with served(app) as ws_url, httpx.AsyncClient(timeout=10) as client:
        yield Served(ws_url.replace("ws://", "http://"), router, streams, client)


def unsigned_token(expires_in: float) -> str:
    """A bearer token whose `exp` is `expires_in` seconds away (the router reads, never verifies, it)."""

    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none'})}.{part({'sub': 'u1', 'exp': time.time() + expires_in})}.sig"


async def sse_events(response: httpx.Response, limit: int = 1000) -> AsyncIterator[tuple[str, str]]:
    """(event, data) of each SSE event, and ("heartbeat", "") for each comment, as they arrive."""
    event, data = "", ""
    async for line in response.aiter_lines():
        if line.startswith(":"):
            yield "heartbeat", ""
        elif line.startswith("event:"):
            event = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data = line.removeprefix("data:").strip()
        elif line == "" and event:
            yield event, data
            event, data = "", ""


async def multipart_parts(response: httpx.Response) -> AsyncIterator[dict[str, Any] | None]:
    """Each part's JSON object as it arrives; None for the closing boundary."""
    buffer = b""
    async for chunk in response.aiter_bytes():
        buffer += chunk
        while True:
            start = buffer.find(b"\r\n--graphql")
            if start < 0:
                break
            if buffer[start:].startswith(b"\r\n--graphql--"):
                yield None
                return
            body_at = buffer.find(b"\r\n\r\n", start)
            following = buffer.find(b"\r\n--graphql", start + 1)
            if body_at < 0 or following < 0:
                break
            yield json.loads(buffer[body_at + 4 : following])
            buffer = buffer[following:]
