"""`Subscription.applicationChanged`: the caller's applications after each change, no one else's."""

from __future__ import annotations

import asyncio
import contextlib

import httpx

from router.subgraph_client import SubgraphRequest, asgi_client
from subgraphs.applications.app import ApplicationsSubgraph
from tests.subgraphs.harness import post, token

CHANGED = "subscription { applicationChanged { id company status } }"
CREATE = (
    'mutation($company: String!) { createApplication(input: {company: $company, position: "Dev"}) { id } }'
)
MOVE = "mutation($id: ID!) { changeApplicationStatus(id: $id, status: APPLIED) { status } }"


async def until_subscribed(subgraph: ApplicationsSubgraph, count: int) -> None:
    async def poll() -> None:
        while subgraph.live.subscriber_count < count:  # noqa: ASYNC110 (no signal for "subscribed")
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout=10)


async def test_a_subscriber_sees_their_own_applications_change(
    subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    alice, bob = token("alice"), token("bob")
    created = await post(http, CREATE, alice, company="Initech")
    application_id = created["data"]["createApplication"]["id"]
    client = asgi_client("applications", subgraph.app)
    request = SubgraphRequest(query=CHANGED, headers={"authorization": f"Bearer {alice}"})
    async with contextlib.aclosing(client.subscribe(request)) as events:  # type: ignore[type-var]
        first = asyncio.ensure_future(anext(events))
        await until_subscribed(subgraph, 1)
        await post(http, CREATE, bob, company="Bob's own")
        moved = await post(http, MOVE, alice, id=application_id)
        assert moved["data"]["changeApplicationStatus"]["status"] == "APPLIED"
        # The relay may still deliver Alice's own `application.created` after the subscription starts (the
        # outbox is relayed asynchronously): read until the change, and see only Alice's application.
        seen = [await asyncio.wait_for(first, timeout=10)]
        while seen[-1].data != {
            "applicationChanged": {"id": application_id, "company": "Initech", "status": "APPLIED"}
        }:
            seen.append(await asyncio.wait_for(anext(events), timeout=10))
    assert all(event.errors == () for event in seen)
    assert {event.data["applicationChanged"]["id"] for event in seen if event.data} == {application_id}


async def test_subscribing_needs_a_signed_in_caller(subgraph: ApplicationsSubgraph) -> None:
    client = asgi_client("applications", subgraph.app)
    async with contextlib.aclosing(client.subscribe(SubgraphRequest(query=CHANGED))) as events:  # type: ignore[type-var]
        event = await asyncio.wait_for(anext(events), timeout=10)
    assert event.errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
