"""GraphQL over WebSocket (`graphql-transport-ws`) at /graphql, on a real socket: the handshake, streamed
subscriptions that complete, queries, operation errors, client-side completion, and the close codes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from router.app import build_router, build_router_app
from router.config import RouterConfig
from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse
from router.transport.websocket import SubscriptionEndpoint
from tests.network import serving
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients

PROTOCOL = "graphql-transport-ws"


class EndlessReviews:
    """The reviews subgraph's subscription as a stream that never ends by itself (until closed)."""

    def __init__(self, inner: SubgraphClient) -> None:
        self.inner = inner
        self.closed = asyncio.Event()
        self.headers: list[dict[str, str]] = []

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        return await self.inner.execute(request)

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        self.headers.append(dict(request.headers))
        try:
            while True:
                yield SubgraphResponse(
                    data={"reviewAdded": {"__typename": "Review", "body": "Sturdy", "author": {"id": "u1"}}}
                )
                await asyncio.sleep(0.01)
        finally:
            self.closed.set()

    async def aclose(self) -> None:
        await self.inner.aclose()


@asynccontextmanager
async def served(target: dict[str, Any] | Starlette) -> AsyncIterator[str]:
    """The router app over these subgraph clients (or an app) on a loopback port; yields its ws:// URL."""
    app = target if isinstance(target, Starlette) else build_router_app(SUPERGRAPH, target)
    async with serving(app) as url:
        yield url.replace("http://", "ws://", 1)


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with served(dict(recording_clients())) as address:
        yield address


async def send(websocket: ClientConnection, message: dict[str, Any]) -> None:
    await websocket.send(json.dumps(message))


async def receive(websocket: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(websocket.recv(), 10))
    return message


async def start(websocket: ClientConnection, payload: dict[str, Any] | None = None) -> None:
    await send(websocket, {"type": "connection_init", "payload": payload or {}})
    assert await receive(websocket) == {"type": "connection_ack"}


async def test_a_subscription_streams_each_event_completed_by_entity_fetches_then_completes(url: str) -> None:
    async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        assert websocket.subprotocol == PROTOCOL
        await start(websocket)
        query = "subscription { reviewAdded(count: 2) { body author { name } } }"
        await send(websocket, {"id": "1", "type": "subscribe", "payload": {"query": query}})
        assert await receive(websocket) == {
            "id": "1",
            "type": "next",
            "payload": {"data": {"reviewAdded": {"body": "Sturdy", "author": {"name": "Ada"}}}},
        }
        assert (await receive(websocket))["payload"]["data"]["reviewAdded"]["author"] == {"name": "Grace"}
        assert await receive(websocket) == {"id": "1", "type": "complete"}


async def test_a_query_answers_once_and_completes(url: str) -> None:
    async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        await start(websocket)
        await send(websocket, {"id": "q", "type": "subscribe", "payload": {"query": "{ me { name } }"}})
        assert await receive(websocket) == {
            "id": "q",
            "type": "next",
            "payload": {"data": {"me": {"name": "Ada"}}},
        }
        assert await receive(websocket) == {"id": "q", "type": "complete"}
        await send(websocket, {"type": "ping"})
        assert await receive(websocket) == {"type": "pong"}


async def test_an_invalid_operation_is_an_error_message_and_the_connection_stays(url: str) -> None:
    async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        await start(websocket)
        await send(
            websocket, {"id": "bad", "type": "subscribe", "payload": {"query": "subscription { nope }"}}
        )
        message = await receive(websocket)
        assert (message["id"], message["type"]) == ("bad", "error")
        assert message["payload"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        await send(websocket, {"id": "ok", "type": "subscribe", "payload": {"query": "{ me { name } }"}})
        assert (await receive(websocket))["type"] == "next"


async def test_the_client_completing_ends_the_stream_at_the_subgraph() -> None:
    clients: dict[str, Any] = dict(recording_clients())
    reviews = EndlessReviews(clients["reviews"])
    clients["reviews"] = reviews
    async with served(clients) as url, connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        await start(websocket, {"authorization": "Bearer ada-token"})
        query = "subscription { reviewAdded(count: 1) { body } }"
        await send(websocket, {"id": "s", "type": "subscribe", "payload": {"query": query}})
        assert (await receive(websocket))["type"] == "next"
        await send(websocket, {"id": "s", "type": "complete"})
        await asyncio.wait_for(reviews.closed.wait(), 10)
    # The identity given at connection_init reached the subgraph, as an HTTP header would.
    assert [headers["authorization"] for headers in reviews.headers] == ["Bearer ada-token"]
    # ...with the operation's correlation id (router/plugins/request_id.py).
    assert [len(headers["x-request-id"]) for headers in reviews.headers] == [32]


async def test_a_client_that_goes_away_ends_its_streams_at_the_subgraph() -> None:
    clients: dict[str, Any] = dict(recording_clients())
    reviews = EndlessReviews(clients["reviews"])
    clients["reviews"] = reviews
    async with served(clients) as url:
        async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
            await start(websocket)
            query = "subscription { reviewAdded(count: 1) { body } }"
            await send(websocket, {"id": "s", "type": "subscribe", "payload": {"query": query}})
            assert (await receive(websocket))["type"] == "next"
        await asyncio.wait_for(reviews.closed.wait(), 10)


LONG = "subscription { reviewAdded(count: 2) { body } }"


@pytest.mark.parametrize(
    ("messages", "code"),
    [
        ([{"id": "1", "type": "subscribe", "payload": {"query": "{ me { name } }"}}], 4401),
        ([{"type": "connection_init"}, {"type": "connection_init"}], 4429),
        ([{"type": "connection_init"}, {"type": "what"}], 4400),
        ([{"type": "connection_init"}, {"id": "1", "type": "subscribe", "payload": "not an object"}], 4400),
    ],
)
async def test_protocol_violations_close_with_the_specified_code(
    url: str, messages: list[dict[str, Any]], code: int
) -> None:
    async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        for message in messages:
            await send(websocket, message)
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await receive(websocket)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == code


async def test_a_duplicate_operation_id_closes_with_4409() -> None:
    clients: dict[str, Any] = dict(recording_clients())
    clients["reviews"] = EndlessReviews(clients["reviews"])
    async with served(clients) as url, connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        await start(websocket)
        await send(websocket, {"id": "1", "type": "subscribe", "payload": {"query": LONG}})
        await send(websocket, {"id": "1", "type": "subscribe", "payload": {"query": LONG}})
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await receive(websocket)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4409


async def test_another_subprotocol_is_refused(url: str) -> None:
    async with connect(url, subprotocols=["graphql-ws"]) as websocket:  # type: ignore[list-item]
        with pytest.raises(ConnectionClosed) as closed:
            await receive(websocket)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4406


async def test_a_client_that_never_initialises_is_closed_with_4408() -> None:
    router = build_router(SUPERGRAPH, RouterConfig(), dict(recording_clients()))
    app = Starlette(
        routes=[WebSocketRoute("/graphql", SubscriptionEndpoint(router, init_timeout=0.2).handle)]
    )
    async with served(app) as url, connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        with pytest.raises(ConnectionClosed) as closed:
            await receive(websocket)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4408
