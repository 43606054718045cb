"""Subscriptions to a subgraph over graphql-transport-ws: in process (ASGI websocket scope) and over a real
loopback socket, plus failures that must come back as values."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

import pytest
import strawberry
from strawberry.asgi import GraphQL

from router.subgraph_client import HttpSubgraphClient, SubgraphRequest, SubgraphResponse, asgi_client
from tests.network import serving

CLOSED: list[int] = []


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def count(self, to: int) -> AsyncGenerator[int, None]:
        try:
            for number in range(1, to + 1):
                yield number
        finally:
            CLOSED.append(to)

    @strawberry.subscription
    async def forever(self) -> AsyncGenerator[int, None]:
        number = 0
        try:
            while True:
                number += 1
                yield number
                await asyncio.sleep(0.001)
        finally:
            CLOSED.append(-1)


def app() -> GraphQL[Any, Any]:
    return GraphQL(strawberry.Schema(query=Query, subscription=Subscription))


COUNT = SubgraphRequest(query="subscription($to: Int!) { count(to: $to) }", variables={"to": 3})


async def _collect(events: AsyncIterator[SubgraphResponse]) -> list[SubgraphResponse]:
    return [event async for event in events]


async def test_in_process_subscription_streams_every_event_then_ends() -> None:
    client = asgi_client("counter", app())
    events = await asyncio.wait_for(_collect(client.subscribe(COUNT)), 10)
    assert [event.data for event in events] == [{"count": 1}, {"count": 2}, {"count": 3}]
    assert all(not event.errors for event in events)


async def test_closing_the_stream_early_ends_the_subscription_at_the_subgraph() -> None:
    CLOSED.clear()
    client = asgi_client("counter", app())
    stream = client.subscribe(SubgraphRequest(query="subscription { forever }"))
    assert isinstance(stream, AsyncGenerator)
    first = await asyncio.wait_for(anext(stream), 10)
    assert first.data == {"forever": 1}
    await stream.aclose()
    assert CLOSED == [-1]


async def test_a_subscription_the_subgraph_rejects_ends_with_its_errors() -> None:
    client = asgi_client("counter", app())
    events = await asyncio.wait_for(
        _collect(client.subscribe(SubgraphRequest(query="subscription { nope }"))), 10
    )
    assert len(events) == 1
    assert events[0].data is None
    assert "nope" in events[0].errors[0]["message"]


@pytest.fixture
async def served() -> AsyncIterator[str]:
    async with serving(app()) as url:
        yield url


async def test_subscription_over_a_real_websocket(served: str) -> None:
    client = HttpSubgraphClient("counter", served, timeout=5)
    events = await asyncio.wait_for(_collect(client.subscribe(COUNT)), 10)
    assert [event.data for event in events] == [{"count": 1}, {"count": 2}, {"count": 3}]
    await client.aclose()


async def test_unreachable_subgraph_yields_one_error_event() -> None:
    client = HttpSubgraphClient("counter", "http://127.0.0.1:9/graphql", timeout=2)
    events = await asyncio.wait_for(_collect(client.subscribe(COUNT)), 10)
    assert len(events) == 1
    assert events[0].errors[0]["extensions"]["code"] == "SUBGRAPH_REQUEST_FAILED"
