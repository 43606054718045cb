"""The HTTP subgraph client: one pooled client serves every user, so it keeps no state between requests."""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from router.subgraph_client import SubgraphRequest
from router.subgraph_client.http import HttpSubgraphClient


async def cookie_setting_subgraph(scope: Any, receive: Any, send: Any) -> None:
    """Answers with the Cookie header it received, and sets a session cookie on every response."""
    assert scope["type"] == "http"
    while (await receive()).get("more_body"):
        pass
    received = dict(scope["headers"]).get(b"cookie", b"").decode()
    body = orjson.dumps({"data": {"cookie": received}})
    headers = [(b"content-type", b"application/json"), (b"set-cookie", b"session=alice; Path=/")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def test_a_cookie_one_response_sets_is_never_sent_on_a_later_request() -> None:
    client = HttpSubgraphClient(
        "accounts", "http://accounts/graphql", transport=httpx.ASGITransport(app=cookie_setting_subgraph)
    )
    try:
        first = await client.execute(SubgraphRequest(query="{ cookie }"))
        second = await client.execute(
            SubgraphRequest(query="{ cookie }", headers={"authorization": "Bearer bob"})
        )
    finally:
        await client.aclose()
    assert first.data == {"cookie": ""}
    # Alice's session cookie must not ride along on the next request (it may be Bob's).
    assert second.data == {"cookie": ""}


async def test_a_cookie_the_router_forwards_still_reaches_the_subgraph() -> None:
    client = HttpSubgraphClient(
        "accounts", "http://accounts/graphql", transport=httpx.ASGITransport(app=cookie_setting_subgraph)
    )
    try:
        response = await client.execute(
            SubgraphRequest(query="{ cookie }", headers={"cookie": "session=bob"})
        )
    finally:
        await client.aclose()
    assert response.data == {"cookie": "session=bob"}
