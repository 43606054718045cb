"""The built analytics app: events from the bus update the numbers served over HTTP to a token holder."""

from __future__ import annotations

import asyncio

import httpx

from subgraphs.analytics.app import AnalyticsSubgraph
from subgraphs.kit.events import InProcessBus
from tests.subgraphs.analytics.events import DAY, created, deleted
from tests.subgraphs.harness import NOW, post, token

MINE = "{ myAnalytics { total byStatus { status count } } }"


async def total(http: httpx.AsyncClient, user: str) -> int:
    body = await post(http, MINE, token(user))
    return int(body["data"]["myAnalytics"]["total"])


async def until_total(http: httpx.AsyncClient, user: str, expected: int) -> None:
    for _ in range(200):
        if await total(http, user) == expected:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{user}'s total never became {expected}")


async def test_published_events_reach_the_numbers(
    subgraph: AnalyticsSubgraph, bus: InProcessBus, http: httpx.AsyncClient
) -> None:
    await bus.publish(created("a1", "alice", NOW - DAY))
    await bus.publish(created("a2", "alice", NOW - DAY))
    await until_total(http, "alice", 2)
    await bus.publish(deleted("a1", "alice", NOW))
    await until_total(http, "alice", 1)
    assert await total(http, "bob") == 0


async def test_a_malformed_event_is_dead_lettered_not_applied(
    subgraph: AnalyticsSubgraph, bus: InProcessBus, http: httpx.AsyncClient
) -> None:
    broken = created("a1", "alice", NOW - DAY)
    broken.data["createdAt"] = "yesterday"
    await bus.publish(broken)
    for _ in range(200):
        if await bus.dead_letters("analytics"):
            break
        await asyncio.sleep(0.01)
    assert len(await bus.dead_letters("analytics")) == 1
    assert await total(http, "alice") == 0


async def test_health_and_metrics_are_served(http: httpx.AsyncClient) -> None:
    assert (await http.get("/health")).json() == {"status": "ok", "service": "analytics"}
    assert (await http.get("/metrics")).status_code == 200
