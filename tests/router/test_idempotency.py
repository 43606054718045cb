"""The router's part of idempotency keys: a mutation's `Idempotency-Key` is checked and forwarded to the
subgraphs, a query's is neither (subgraphs keep the keys: subgraphs/kit/idempotency); a subgraph's replayed
answer is marked for the client."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator

import pytest

from router.app import build_router
from router.config import RouterConfig
from router.idempotency import for_fetch
from router.pipeline import GraphQLRequest
from router.plugins import RequestContext
from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse
from router.subgraph_client.http import parse_response
from tests.router.executor.subgraphs import BEHAVIOUR, SUPERGRAPH, recording_clients

ADD = 'mutation { addProduct(name: "x") { id reviews { id } } }'


@pytest.fixture(autouse=True)
def reset_behaviour() -> Iterator[None]:
    BEHAVIOUR.reset()
    yield
    BEHAVIOUR.reset()


async def test_a_mutations_key_goes_to_its_subgraph_requests() -> None:
    clients = recording_clients()
    router = build_router(SUPERGRAPH, RouterConfig(), clients)
    result = await router.execute(GraphQLRequest(query=ADD, headers={"Idempotency-Key": "order-1"}))
    assert result.body == {"data": {"addProduct": {"id": "new1", "reviews": []}}}
    [mutation] = clients["products"].requests
    assert mutation.is_mutation
    assert mutation.headers["idempotency-key"] == "order-1"


async def test_a_querys_key_is_not_forwarded() -> None:
    clients = recording_clients()
    router = build_router(SUPERGRAPH, RouterConfig(), clients)
    result = await router.execute(
        GraphQLRequest(query="{ me { name } }", headers={"idempotency-key": "\x00"})
    )
    assert result.body == {"data": {"me": {"name": "Ada"}}}
    assert all("idempotency-key" not in request.headers for request in clients["accounts"].requests)


@pytest.mark.parametrize("key", ["", "k" * 256, "caf\u00e9", "line\nbreak"])
async def test_a_mutation_with_an_unusable_key_is_refused_unrun(key: str) -> None:
    clients = recording_clients()
    router = build_router(SUPERGRAPH, RouterConfig(), clients)
    result = await router.execute(GraphQLRequest(query=ADD, headers={"idempotency-key": key}))
    assert result.request_error
    [error] = result.body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "Idempotency-Key"}
    assert "Idempotency-Key" in error["message"]
    assert not clients["products"].requests


async def test_the_longest_key_is_accepted() -> None:
    clients = recording_clients()
    router = build_router(SUPERGRAPH, RouterConfig(), clients)
    key = "~" * 255
    result = await router.execute(GraphQLRequest(query=ADD, headers={"idempotency-key": key}))
    assert not result.request_error
    assert clients["products"].requests[0].headers["idempotency-key"] == key


class ReplayingSubgraph:
    """The products subgraph as it answers a retried mutation: its answer marked replayed."""

    def __init__(self, inner: SubgraphClient) -> None:
        self.inner = inner

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        response = await self.inner.execute(request)
        return dataclasses.replace(response, replayed=request.is_mutation)

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        return self.inner.subscribe(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_a_replayed_answer_is_marked_for_the_client() -> None:
    clients: dict[str, SubgraphClient] = {**recording_clients()}
    clients["products"] = ReplayingSubgraph(clients["products"])
    router = build_router(SUPERGRAPH, RouterConfig(), clients)
    context = RequestContext(GraphQLRequest(query=ADD), headers={"idempotency-key": "order-1"})
    result = await router.execute(context.request, context)
    assert result.body == {
        "data": {"addProduct": {"id": "new1", "reviews": []}},
        "extensions": {"idempotentReplay": True},
    }
    assert context.response_headers["idempotent-replayed"] == "true"


def test_a_subgraph_marks_a_replay_in_its_extensions() -> None:
    replayed = parse_response(
        "products", 200, b'{"data": {"a": 1}, "extensions": {"idempotentReplay": true}}'
    )
    assert replayed.replayed
    assert not parse_response("products", 200, b'{"data": {"a": 1}}').replayed
    assert not parse_response(
        "products", 200, b'{"data": {"a": 1}, "extensions": {"idempotentReplay": 1}}'
    ).replayed


def test_a_second_mutation_fetch_to_one_subgraph_gets_a_key_of_its_own() -> None:
    # mutation { a: applications… b: contacts… c: applications… } sends two fetches to applications.
    earlier: dict[str, int] = {}
    headers = {"idempotency-key": "order-1", "authorization": "Bearer t"}
    first = for_fetch(headers, "applications", earlier)
    other = for_fetch(headers, "contacts", earlier)
    second = for_fetch(headers, "applications", earlier)
    assert first == other == headers
    assert second["authorization"] == "Bearer t"
    assert len(second["idempotency-key"]) == 64
    assert second["idempotency-key"] != "order-1"
    # A retry of the operation derives the same keys.
    again: dict[str, int] = {}
    for_fetch(headers, "applications", again)
    assert for_fetch(headers, "applications", again) == second
    assert for_fetch({"authorization": "Bearer t"}, "applications", {}) == {"authorization": "Bearer t"}
