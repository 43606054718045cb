"""Which media type a client prefers: what picks the router's answer format (JSON or a stream)."""

from __future__ import annotations

import pytest

from router.transport.accept import preferred_media_type
from tests.router.transport.streaming import streaming_router


@pytest.mark.parametrize(
    ("accept", "preferred"),
    [
        ("text/event-stream", "text/event-stream"),
        # urql's default: every format it reads, JSON first — a query must not be answered as a stream.
        (
            "application/graphql-response+json, application/graphql+json, application/json, "
            "text/event-stream, multipart/mixed",
            "application/graphql-response+json",
        ),
        # Apollo Client's multipart subscriptions keep their parameters.
        (
            'multipart/mixed;boundary="graphql";subscriptionSpec=1.0,application/json',
            'multipart/mixed;boundary="graphql";subscriptionspec=1.0',
        ),
        ("application/json;q=0.5, text/event-stream", "text/event-stream"),
        ("text/event-stream;q=0, application/json", "application/json"),
        ("", None),
        (None, None),
    ],
)
def test_the_highest_ranked_then_first_listed_type_is_preferred(
    accept: str | None, preferred: str | None
) -> None:
    assert preferred_media_type(accept) == preferred


async def test_a_query_from_a_client_that_lists_streams_among_others_gets_plain_json() -> None:
    urql = "application/graphql-response+json, application/json, text/event-stream, multipart/mixed"
    async with streaming_router() as served, served.stream("{ me { name } }", {"accept": urql}) as response:
        body = await response.aread()
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert b'"data"' in body
