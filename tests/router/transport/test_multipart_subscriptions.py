"""Subscriptions over multipart HTTP (Apollo's `subscriptionSpec="1.0"`): payload parts with entity fields
resolved per event, `{}` heartbeats, the closing boundary, and the ending error beside a null payload."""

from __future__ import annotations

from tests.router.transport.streaming import multipart_parts, streaming_router, unsigned_token

MULTIPART = {"accept": 'multipart/mixed;subscriptionSpec="1.0", application/json'}


async def test_each_event_is_a_payload_part_then_the_closing_boundary() -> None:
    query = "subscription { reviewAdded(count: 2) { body author { name } } }"
    async with streaming_router() as served, served.stream(query, MULTIPART) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"'
        parts = [part async for part in multipart_parts(response)]
    assert parts[-1] is None
    payloads = [part["payload"] for part in parts if part]
    assert len(payloads) == 2
    assert payloads[0]["data"]["reviewAdded"]["author"]["name"]


async def test_quiet_streams_get_empty_heartbeat_parts() -> None:
    query = "subscription { reviewAdded(count: 100) { body } }"
    async with streaming_router(pause=0.5) as served, served.stream(query, MULTIPART) as response:
        seen: list[str] = []
        async for part in multipart_parts(response):
            seen.append("payload" if part else "heartbeat")
            if seen.count("payload") == 2:
                break
    between = seen[seen.index("payload") + 1 : -1]
    assert between and set(between) == {"heartbeat"}


async def test_an_expired_token_ends_with_errors_beside_a_null_payload() -> None:
    query = "subscription { reviewAdded(count: 100) { body } }"
    headers = {**MULTIPART, "authorization": f"Bearer {unsigned_token(expires_in=0.5)}"}
    async with streaming_router(pause=0.05) as served, served.stream(query, headers) as response:
        parts = [part async for part in multipart_parts(response)]
    assert parts[-1] is None
    ending = parts[-2]
    assert ending is not None and ending["payload"] is None
    assert ending["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
