"""In-flight deduplication: identical concurrent queries share one subgraph call; mutations never do."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from router.subgraph_client import DedupingClient, SubgraphRequest, SubgraphResponse


class GatedSubgraph:
    """A subgraph client that answers only when the test opens the gate, counting calls it received."""

    def __init__(self) -> None:
        self.calls: list[SubgraphRequest] = []
        self.gate = asyncio.Event()

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        self.calls.append(request)
        await self.gate.wait()
        return SubgraphResponse(data={"n": len(self.calls)})

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        self.calls.append(request)
        yield SubgraphResponse(data={"event": 1})

    async def aclose(self) -> None:
        return None


async def _concurrently(client: DedupingClient, *requests: SubgraphRequest) -> list[SubgraphResponse]:
    inner = client.inner
    assert isinstance(inner, GatedSubgraph)
    tasks = [asyncio.create_task(client.execute(request)) for request in requests]
    await asyncio.sleep(0)
    inner.gate.set()
    return list(await asyncio.gather(*tasks))


async def test_identical_concurrent_queries_share_one_call() -> None:
    inner = GatedSubgraph()
    request = SubgraphRequest(query="{ a }", variables={"x": 1}, headers={"authorization": "t"})
    responses = await _concurrently(DedupingClient(inner), request, request, request)
    assert len(inner.calls) == 1
    assert responses == [SubgraphResponse(data={"n": 1})] * 3


async def test_different_variables_or_headers_are_separate_calls() -> None:
    inner = GatedSubgraph()
    await _concurrently(
        DedupingClient(inner),
        SubgraphRequest(query="{ a }", variables={"x": 1}),
        SubgraphRequest(query="{ a }", variables={"x": 2}),
        SubgraphRequest(query="{ a }", variables={"x": 1}, headers={"authorization": "other"}),
    )
    assert len(inner.calls) == 3


async def test_queries_differing_only_in_correlation_id_share_one_call() -> None:
    inner = GatedSubgraph()
    await _concurrently(
        DedupingClient(inner),
        SubgraphRequest(query="{ a }", headers={"authorization": "t", "x-request-id": "r1"}),
        SubgraphRequest(query="{ a }", headers={"authorization": "t", "x-request-id": "r2"}),
    )
    assert [call.headers["x-request-id"] for call in inner.calls] == ["r1"]


async def test_mutations_are_never_deduplicated() -> None:
    inner = GatedSubgraph()
    mutation = SubgraphRequest(query="mutation { a }", is_mutation=True)
    await _concurrently(DedupingClient(inner), mutation, mutation)
    assert len(inner.calls) == 2


async def test_a_finished_call_is_not_reused_later() -> None:
    inner = GatedSubgraph()
    inner.gate.set()
    client = DedupingClient(inner)
    await client.execute(SubgraphRequest(query="{ a }"))
    await client.execute(SubgraphRequest(query="{ a }"))
    assert len(inner.calls) == 2


async def test_subscriptions_are_never_shared() -> None:
    inner = GatedSubgraph()
    client = DedupingClient(inner)
    request = SubgraphRequest(query="subscription { a }")
    events = [event async for event in client.subscribe(request)] + [
        e async for e in client.subscribe(request)
    ]
    assert events == [SubgraphResponse(data={"event": 1})] * 2
    assert len(inner.calls) == 2


async def test_a_cancelled_leader_does_not_cancel_the_followers_call() -> None:
    # One client disconnecting (its request task cancelled) must not fail another client's identical request.
    inner = GatedSubgraph()
    client = DedupingClient(inner)
    request = SubgraphRequest(query="{ a }")
    leader = asyncio.create_task(client.execute(request))
    follower = asyncio.create_task(client.execute(request))
    await asyncio.sleep(0)
    leader.cancel()
    await asyncio.sleep(0)
    inner.gate.set()
    assert await follower == SubgraphResponse(data={"n": 1})
    assert leader.cancelled()
    assert len(inner.calls) == 1


async def test_the_shared_call_is_cancelled_once_every_caller_is_gone() -> None:
    inner = GatedSubgraph()
    client = DedupingClient(inner)
    request = SubgraphRequest(query="{ a }")
    callers = [asyncio.create_task(client.execute(request)) for _ in range(2)]
    await asyncio.sleep(0)
    for caller in callers:
        caller.cancel()
    await asyncio.gather(*callers, return_exceptions=True)
    await asyncio.sleep(0)
    # Nothing is left in flight: the next identical request makes a fresh call.
    inner.gate.set()
    assert await client.execute(request) == SubgraphResponse(data={"n": 2})
    assert len(inner.calls) == 2
