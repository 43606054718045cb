"""What one client operation may cost the router (router/limits.py), met where a client meets it: over HTTP.

Issue 9, findings 1, 5 and 7: a fragment chain that doubles at every step, an operation too large or too
slow to plan, and many root fields (aliased mutations) are refused with a coded error naming the limit,
before any subgraph is called; the fragment chain itself is answered, because identical selections merge.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx

from router.app import build_router_app
from router.config import RouterConfig
from tests.router.executor.subgraphs import BEHAVIOUR, SUPERGRAPH, RecordingClient, recording_clients

GRAPHQL_RESPONSE = "application/graphql-response+json"


def fragment_chain(n: int) -> str:
    """`{ me { ...F0 } }` where each fragment spreads the next one twice: 2^n spreads if expanded naively."""
    fragments = [f"fragment F{i} on User {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n)]
    return "{ me { ...F0 } } " + " ".join([*fragments, f"fragment F{n} on User {{ id name }}"])


@asynccontextmanager
async def router_over_http(
    **settings: Any,
) -> AsyncIterator[tuple[Callable[[str], Any], dict[str, RecordingClient]]]:
    clients = recording_clients()
    app = build_router_app(SUPERGRAPH, clients, RouterConfig(**settings))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://router", timeout=30) as http:

        async def post(query: str) -> httpx.Response:
            return await http.post("/graphql", json={"query": query}, headers={"accept": GRAPHQL_RESPONSE})

        yield post, clients


def refusal(response: httpx.Response, clients: dict[str, RecordingClient]) -> dict[str, Any]:
    """The one request error of a refused operation, after checking no subgraph was called for it."""
    assert response.status_code == 400
    assert all(not client.requests for client in clients.values())
    [error] = response.json()["errors"]
    assert "data" not in response.json()
    return dict(error)


async def test_a_fragment_chain_spreading_each_fragment_twice_is_answered() -> None:
    async with router_over_http() as (post, _):
        response = await post(fragment_chain(40))
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"id": "u1", "name": "Ada"}}}


async def test_an_operation_expanding_to_too_many_selections_is_refused_naming_the_limit() -> None:
    # Distinct aliases cannot merge: each level really doubles what the subgraphs would be asked for.
    levels = [
        f"fragment P{i} on Product {{ a: reviews {{ id }} b{i}: reviews {{ id }} ...P{i + 1} }}"
        for i in range(3)
    ]
    query = "{ topProducts { ...P0 } } " + " ".join([*levels, "fragment P3 on Product { id }"])
    async with router_over_http(max_selections=8) as (post, clients):
        response = await post(query)
    error = refusal(response, clients)
    assert error["extensions"] == {"code": "QUERY_PLANNING_FAILED", "limit": "max_selections"}
    assert "more than the limit of 8" in error["message"]


async def test_an_operation_that_takes_longer_to_plan_than_the_budget_is_refused() -> None:
    async with router_over_http(planning_timeout=1e-9) as (post, clients):
        response = await post("{ topProducts { name reviews { body } } }")
    error = refusal(response, clients)
    assert error["extensions"] == {"code": "QUERY_PLANNING_FAILED", "limit": "planning_timeout"}
    assert "took more than the limit of 1e-09 s of CPU time" in error["message"]


async def test_too_many_aliased_mutations_are_refused_before_any_subgraph_is_called() -> None:
    BEHAVIOUR.reset()
    mutation = "mutation { " + " ".join(f'm{i}: addProduct(name: "p{i}") {{ id }}' for i in range(11)) + " }"
    async with router_over_http() as (post, clients):
        response = await post(mutation)
    error = refusal(response, clients)
    assert error["extensions"] == {"code": "OPERATION_LIMIT_EXCEEDED", "limit": "max_mutation_root_fields"}
    assert error["message"] == (
        "The mutation selects 11 root fields, more than the limit of 10 (max_mutation_root_fields)."
    )
    assert BEHAVIOUR.created == []


async def test_mutations_within_the_limit_all_run() -> None:
    BEHAVIOUR.reset()
    mutation = "mutation { " + " ".join(f'm{i}: addProduct(name: "p{i}") {{ id }}' for i in range(3)) + " }"
    async with router_over_http(max_mutation_root_fields=3) as (post, _):
        response = await post(mutation)
    assert response.status_code == 200
    assert BEHAVIOUR.created == ["p0", "p1", "p2"]
    BEHAVIOUR.reset()


async def test_root_fields_of_a_query_count_through_fragments() -> None:
    query = "{ a: me { id } ...Q } fragment Q on Query { b: me { id } c: reviewCount }"
    async with router_over_http(max_root_fields=2) as (post, clients):
        response = await post(query)
    error = refusal(response, clients)
    assert error["extensions"] == {"code": "OPERATION_LIMIT_EXCEEDED", "limit": "max_root_fields"}
    assert "selects 3 root fields, more than the limit of 2" in error["message"]


def aliased(count: int) -> str:
    """`{ me { ... } }` with `count` aliases of `name`."""
    return "{ me { " + " ".join(f"n{i}: name" for i in range(count)) + " } }"


def with_directives(count: int) -> str:
    """`{ me { ... } }` with `count` aliases of `name`, each `@include(if: true)`."""
    return "{ me { " + " ".join(f"n{i}: name @include(if: true)" for i in range(count)) + " } }"


SIZE_LIMITS = [
    # (setting, limit, operation at the limit, operation one over it)
    ("max_aliases", 5, aliased(5), aliased(6)),
    ("max_directives", 4, with_directives(4), with_directives(5)),
    # `{ me { } }` and the document's end are 5 tokens; each alias adds 3.
    ("max_tokens", 5 + 3 * 2, aliased(2), aliased(3)),
    ("max_characters", len(aliased(3)), aliased(3), aliased(3) + " "),
]


async def test_each_size_limit_accepts_an_operation_at_the_limit() -> None:
    for setting, limit, at_limit, _ in SIZE_LIMITS:
        async with router_over_http(**{setting: limit}) as (post, _clients):
            response = await post(at_limit)
        assert response.status_code == 200, setting
        assert response.json()["data"]["me"]["n0"] == "Ada"


async def test_each_size_limit_refuses_an_operation_over_it_naming_the_limit() -> None:
    for setting, limit, _, over in SIZE_LIMITS:
        async with router_over_http(**{setting: limit}) as (post, clients):
            response = await post(over)
        error = refusal(response, clients)
        assert error["extensions"] == {"code": "OPERATION_LIMIT_EXCEEDED", "limit": setting}, setting
        assert f"more than the limit of {limit} ({setting})" in error["message"]


async def test_the_default_size_limits_are_safe() -> None:
    # Issue 16: 30 aliases, 50 directives, 15,000 tokens and 100,000 characters per document.
    config = RouterConfig()
    assert (config.max_aliases, config.max_directives) == (30, 50)
    assert (config.max_tokens, config.max_characters) == (15_000, 100_000)
    async with router_over_http() as (post, clients):
        response = await post(aliased(31))
    assert refusal(response, clients)["extensions"]["limit"] == "max_aliases"
