"""Subscription clients for the three protocols the router streams over, as browsers and Apollo clients speak
them, against a whole system served on a real loopback socket."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from websockets.asyncio.client import connect

from jobgraph.system import System, running_system
from tests.e2e.client import RouterClient

PROTOCOLS = ("graphql-transport-ws", "sse", "multipart")
# How long a test waits for a subscription's next result before failing (a hang, not a measurement).
RESULT_TIMEOUT = 15.0


@dataclass
class ServedSystem:
    system: System
    url: str
    client: RouterClient


@asynccontextmanager
async def served_system(data_dir: Path, environ: dict[str, str] | None = None) -> AsyncIterator[ServedSystem]:
    """`jobgraph dev` on a loopback port, and a client of its router over real HTTP."""
    async with running_system(data_dir, environ or {}) as system:
        config = uvicorn.Config(system.app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:  # noqa: ASYNC110 - uvicorn offers no start-up event to wait on
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        url = f"http://127.0.0.1:{port}/graphql"
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
                yield ServedSystem(system, url, RouterClient(http))
        finally:
            server.should_exit = True
            await asyncio.wait_for(task, 30)


class Subscription:
    """One open subscription: `next()` is its next result (a GraphQL response body)."""

    def __init__(self) -> None:
        self.results: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def next(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.results.get(), RESULT_TIMEOUT)


@asynccontextmanager
async def subscribe(protocol: str, url: str, query: str, token: str) -> AsyncIterator[Subscription]:
    """Subscribe with `query` over `protocol` until the block ends; results arrive on the Subscription."""
    subscription = Subscription()
    async with AsyncExitStack() as stack:
        if protocol == "graphql-transport-ws":
            reader = _websocket(stack, url, query, token, subscription)
        else:
            reader = _http_stream(stack, protocol, url, query, token, subscription)
        task = asyncio.create_task(reader)
        try:
            yield subscription
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def _websocket(stack: AsyncExitStack, url: str, query: str, token: str, into: Subscription) -> None:
    websocket = await stack.enter_async_context(
        connect(url.replace("http://", "ws://"), subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
    )
    await websocket.send(
        json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
    )
    assert json.loads(await websocket.recv())["type"] == "connection_ack"
    await websocket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
    async for text in websocket:
        message = json.loads(text)
        if message["type"] == "next":
            await into.results.put(message["payload"])
        elif message["type"] == "ping":
            await websocket.send(json.dumps({"type": "pong"}))


async def _http_stream(
    stack: AsyncExitStack, protocol: str, url: str, query: str, token: str, into: Subscription
) -> None:
    accept = "text/event-stream" if protocol == "sse" else 'multipart/mixed;subscriptionSpec="1.0"'
    http = await stack.enter_async_context(httpx.AsyncClient(timeout=httpx.Timeout(30, read=None)))
    headers = {"accept": accept, "authorization": f"Bearer {token}"}
    response = await stack.enter_async_context(
        http.stream("POST", url, json={"query": query}, headers=headers)
    )
    buffer = ""
    async for chunk in response.aiter_text():
        buffer += chunk
        separator = "\n\n" if protocol == "sse" else "\r\n--graphql"
        while separator in buffer:
            block, buffer = buffer.split(separator, 1)
            result = _sse_result(block) if protocol == "sse" else _multipart_result(block)
            if result is not None:
                await into.results.put(result)


def _sse_result(block: str) -> dict[str, Any] | None:
    lines = block.split("\n")
    if "event: next" not in lines:
        return None
    data = "".join(line.removeprefix("data: ") for line in lines if line.startswith("data: "))
    parsed: dict[str, Any] = json.loads(data)
    return parsed


def _multipart_result(block: str) -> dict[str, Any] | None:
    _, _, body = block.partition("\r\n\r\n")
    if not body.strip():
        return None
    part = json.loads(body)
    payload: dict[str, Any] | None = part.get("payload")
    return payload
