"""GraphQL subscriptions over SSE (graphql-sse, distinct connections): events with entity fields resolved
per event, request errors, heartbeats, and the end at token expiry, on shutdown and on supergraph reload."""

from __future__ import annotations

import asyncio
import json

from router.supergraph import load_supergraph
from tests.router.executor.subgraphs import SUPERGRAPH
from tests.router.transport.streaming import SlowReviews, sse_events, streaming_router, unsigned_token

SSE = {"accept": "text/event-stream"}


async def test_each_event_is_a_next_with_entities_resolved_then_complete() -> None:
    query = "subscription { reviewAdded(count: 2) { body author { name } } }"
    async with streaming_router() as served, served.stream(query, SSE) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [event async for event in sse_events(response) if event[0] != "heartbeat"]
    assert [name for name, _ in events] == ["next", "next", "complete"]
    first = json.loads(events[0][1])
    assert first["data"]["reviewAdded"]["author"]["name"]


async def test_a_request_error_is_one_next_with_errors_then_complete() -> None:
    async with streaming_router() as served, served.stream("subscription { nope }", SSE) as response:
        events = [event async for event in sse_events(response) if event[0] != "heartbeat"]
    assert [name for name, _ in events] == ["next", "complete"]
    assert json.loads(events[0][1])["errors"]


async def test_heartbeats_keep_a_quiet_stream_alive() -> None:
    query = "subscription { reviewAdded(count: 100) { body } }"
    async with streaming_router(pause=0.5) as served, served.stream(query, SSE) as response:
        seen: list[str] = []
        async for name, _ in sse_events(response):
            seen.append(name)
            if seen.count("next") == 2:
                break
    between = seen[seen.index("next") + 1 : len(seen) - 1]
    assert between and set(between) == {"heartbeat"}


async def test_the_stream_ends_unauthenticated_when_the_token_expires() -> None:
    query = "subscription { reviewAdded(count: 100) { body } }"
    headers = {**SSE, "authorization": f"Bearer {unsigned_token(expires_in=0.5)}"}
    async with streaming_router(pause=0.05) as served, served.stream(query, headers) as response:
        events = [event async for event in sse_events(response) if event[0] != "heartbeat"]
    assert events[-1][0] == "complete"
    last = json.loads(events[-2][1])
    assert last["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    already = {**SSE, "authorization": f"Bearer {unsigned_token(expires_in=-1)}"}
    async with streaming_router() as served, served.stream(query, already) as response:
        events = [event async for event in sse_events(response) if event[0] != "heartbeat"]
    assert [name for name, _ in events] == ["next", "complete"]
    assert json.loads(events[0][1])["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_shutdown_and_reload_end_every_stream_with_an_error() -> None:
    query = "subscription { reviewAdded(count: 100) { body } }"
    async with streaming_router(pause=0.05) as served:
        for end in ("reload", "shutdown"):
            async with served.stream(query, SSE) as response:
                events: list[tuple[str, str]] = []
                async for event in sse_events(response):
                    events.append(event)
                    if event[0] == "next" and len(events) < 3:
                        if end == "reload":
                            served.router.swap_supergraph(load_supergraph(SUPERGRAPH))
                        else:
                            served.streams.close_all()
            codes = [
                json.loads(data).get("errors", [{}])[0].get("extensions", {}).get("code")
                for name, data in events
                if name == "next"
            ]
            assert codes[-1] == "SUBSCRIPTION_CLOSED", end
            assert events[-1][0] == "complete"
        await asyncio.sleep(0)
        assert served.streams.count == 0


async def test_a_client_that_goes_away_ends_the_subscription_at_the_subgraph() -> None:
    query = "subscription { reviewAdded(count: 100) { body } }"
    async with streaming_router(pause=0.05) as served:
        reviews = served.router.clients["reviews"]
        async with served.stream(query, SSE) as response:
            async for name, _ in sse_events(response):
                if name == "next":
                    break
        # The router wraps each client (metrics, deduplication): find the test's own inside.
        while not isinstance(reviews, SlowReviews):
            reviews = reviews.inner  # type: ignore[attr-defined]
        await asyncio.wait_for(reviews.closed.wait(), timeout=10)
        assert served.streams.count == 0
