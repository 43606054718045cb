"""graphql-transport-ws operations end like the HTTP streams do: a limit per connection, UNAUTHENTICATED when
the token in `connection_init` expires."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from websockets.asyncio.client import connect

from router.app import build_router
from router.transport.websocket import SubscriptionEndpoint
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients
from tests.router.transport.streaming import SlowReviews, unsigned_token
from tests.router.transport.test_websocket import PROTOCOL, receive, send, served, start

ENDLESS = "subscription { reviewAdded(count: 100) { body } }"


def app(max_operations: int = 100) -> Starlette:
    clients: dict[str, Any] = dict(recording_clients())
    clients["reviews"] = SlowReviews(clients["reviews"], pause=0.05)
    endpoint = SubscriptionEndpoint(build_router(SUPERGRAPH, clients=clients), max_operations=max_operations)
    return Starlette(routes=[WebSocketRoute("/graphql", endpoint.handle)])


async def test_one_operation_beyond_the_limit_is_refused_and_the_others_go_on() -> None:
    async with served(app(max_operations=2)) as url, connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        await start(websocket)
        for operation in ("1", "2", "3"):
            await send(websocket, {"id": operation, "type": "subscribe", "payload": {"query": ENDLESS}})
        refused = None
        seen: set[str] = set()
        while refused is None or seen != {"1", "2"}:
            message = await receive(websocket)
            if message["type"] == "error":
                refused = message
            elif message["type"] == "next":
                seen.add(message["id"])
        assert refused["id"] == "3"
        assert refused["payload"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_an_operation_ends_unauthenticated_when_the_token_expires() -> None:
    token = unsigned_token(expires_in=0.5)
    async with served(app()) as url, connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
        await start(websocket, {"authorization": f"Bearer {token}"})
        await send(websocket, {"id": "1", "type": "subscribe", "payload": {"query": ENDLESS}})
        messages = [await receive(websocket)]
        while messages[-1]["type"] != "complete":
            messages.append(await receive(websocket))
    ending = messages[-2]
    assert ending["type"] == "next"
    assert ending["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
