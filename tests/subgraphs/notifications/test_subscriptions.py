"""`Subscription.notificationReceived` at the subgraph: over graphql-transport-ws, only the caller's own."""

from __future__ import annotations

import asyncio
import contextlib

from router.subgraph_client import SubgraphRequest, asgi_client
from subgraphs.kit.events import InProcessBus
from subgraphs.notifications.app import NotificationsSubgraph
from tests.subgraphs.harness import token
from tests.subgraphs.notifications.conftest import IN_TWO_DAYS, scheduled

RECEIVED = "subscription { notificationReceived { id kind title interview { id } application { id } } }"


async def until_subscribed(subgraph: NotificationsSubgraph, count: int) -> None:
    async def poll() -> None:
        while subgraph.live.subscriber_count < count:  # noqa: ASYNC110 (no signal for "subscribed")
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout=10)


async def test_a_subscriber_receives_only_their_own_new_notifications(
    subgraph: NotificationsSubgraph, bus: InProcessBus
) -> None:
    client = asgi_client("notifications", subgraph.app)
    request = SubgraphRequest(query=RECEIVED, headers={"authorization": f"Bearer {token('alice')}"})
    async with contextlib.aclosing(client.subscribe(request)) as events:  # type: ignore[type-var]
        first = asyncio.ensure_future(anext(events))
        await until_subscribed(subgraph, 1)
        await bus.publish(scheduled("int-bob", "bob", IN_TWO_DAYS))
        await bus.publish(scheduled("int-alice", "alice", IN_TWO_DAYS))
        event = await asyncio.wait_for(first, timeout=10)
    assert event.errors == ()
    assert event.data is not None
    received = event.data["notificationReceived"]
    assert received["kind"] == "INTERVIEW_SCHEDULED"
    assert received["interview"] == {"id": "int-alice"}
    assert received["application"] == {"id": "app-1"}
    await until_subscribed(subgraph, 0)


async def test_subscribing_needs_a_signed_in_caller(subgraph: NotificationsSubgraph) -> None:
    client = asgi_client("notifications", subgraph.app)
    async with contextlib.aclosing(client.subscribe(SubgraphRequest(query=RECEIVED))) as events:  # type: ignore[type-var]
        event = await asyncio.wait_for(anext(events), timeout=10)
    assert event.data is None
    assert event.errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
