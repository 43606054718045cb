"""The router's part of idempotency keys: a mutation's `Idempotency-Key` is checked and forwarded to the
subgraphs; a query's is neither (subgraphs keep the keys: subgraphs/kit/idempotency)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from router.app import build_router
from router.config import RouterConfig
from router.pipeline import GraphQLRequest
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
