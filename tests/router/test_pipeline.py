"""The whole pipeline (parse → validate → plan → execute → project) on three in-process subgraphs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from router.app import build_router
from router.config import RouterConfig
from router.pipeline import GraphQLRequest, Router
from router.supergraph import load_supergraph
from tests.router.executor.subgraphs import BEHAVIOUR, SUPERGRAPH, RecordingClient, recording_clients


@pytest.fixture(autouse=True)
def reset_behaviour() -> Iterator[None]:
    BEHAVIOUR.reset()
    yield
    BEHAVIOUR.reset()


def shop() -> tuple[Router, dict[str, RecordingClient]]:
    clients = recording_clients()
    return build_router(SUPERGRAPH, RouterConfig(), clients), clients


async def run(router: Router, query: str, **variables: Any) -> dict[str, Any]:
    result = await router.execute(GraphQLRequest(query=query, variables=variables or None))
    return result.body


async def test_nested_cross_subgraph_query() -> None:
    router, clients = shop()
    body = await run(
        router,
        "query($n: Int!) { topProducts(first: $n) { name reviews { body author { name } } } me { name } }",
        n=2,
    )
    assert body == {
        "data": {
            "topProducts": [
                {
                    "name": "Table",
                    "reviews": [
                        {"body": "Sturdy", "author": {"name": "Ada"}},
                        {"body": "Heavy", "author": {"name": "Grace"}},
                    ],
                },
                {"name": "Chair", "reviews": [{"body": "Comfy", "author": {"name": "Ada"}}]},
            ],
            "me": {"name": "Ada"},
        }
    }
    # products once; reviews once for both products; accounts once for `me` and once for the two authors.
    assert len(clients["products"].requests) == 1
    assert len(clients["reviews"].requests) == 1
    entity_calls = [r for r in clients["accounts"].requests if "representations" in r.variables]
    assert [r.variables["representations"] for r in entity_calls] == [
        [{"__typename": "User", "id": "u1"}, {"__typename": "User", "id": "u2"}]
    ]


async def test_introspection_is_answered_by_the_router_and_merged_with_planned_fields() -> None:
    router, clients = shop()
    body = await run(
        router, '{ __typename __schema { queryType { name } } __type(name: "Review") { name } me { name } }'
    )
    assert body == {
        "data": {
            "__typename": "Query",
            "__schema": {"queryType": {"name": "Query"}},
            "__type": {"name": "Review"},
            "me": {"name": "Ada"},
        }
    }
    assert len(clients["accounts"].requests) == 1


async def test_introspection_hides_the_join_machinery() -> None:
    router, clients = shop()
    body = await run(router, "{ __schema { types { name } directives { name } } }")
    names = {t["name"] for t in body["data"]["__schema"]["types"]}
    assert {"Product", "Review", "User"} <= names
    assert not any(name.startswith("join__") for name in names)
    assert all(not client.requests for client in clients.values())


async def test_only_typename_calls_no_subgraph() -> None:
    router, clients = shop()
    assert await run(router, "{ __typename }") == {"data": {"__typename": "Query"}}
    assert all(not client.requests for client in clients.values())


async def test_mutations_and_their_entity_fetches_run_in_order() -> None:
    router, clients = shop()
    body = await run(
        router,
        'mutation { a: addProduct(name: "x") { id reviews { id } } b: addProduct(name: "y") { name } }',
    )
    assert body == {"data": {"a": {"id": "new1", "reviews": []}, "b": {"name": "y"}}}
    assert [r.is_mutation for r in clients["products"].requests] == [True]


async def test_the_same_operation_is_prepared_once() -> None:
    router, _ = shop()
    preparer = router.generation.preparer
    first = await preparer.prepare("{ me { name } }", None)
    assert await preparer.prepare("{ me { name } }", None) is first
    assert await preparer.prepare("{ me { id } }", None) is not first


async def test_depth_limit_rejects_deep_operations() -> None:
    router = build_router(SUPERGRAPH, RouterConfig(max_depth=3), recording_clients())
    allowed = await router.execute(GraphQLRequest(query="{ topProducts { reviews { body } } }"))
    assert allowed.request_error is False
    rejected = await router.execute(GraphQLRequest(query="{ topProducts { reviews { author { id } } } }"))
    assert rejected.request_error is True
    assert "deeper than the limit of 3" in rejected.body["errors"][0]["message"]


async def test_swapped_supergraph_serves_new_operations() -> None:
    router, _ = shop()
    narrowed = SUPERGRAPH.replace("  reviewCount: Int! @join__field(graph: REVIEWS)\n", "")
    assert (await run(router, "{ reviewCount }")) == {"data": {"reviewCount": 3}}
    router.swap_supergraph(load_supergraph(narrowed))
    body = await run(router, "{ reviewCount }")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_failed_entity_fetch_nulls_the_nearest_nullable_parent() -> None:
    BEHAVIOUR.failing_review_products.add("2")
    router, _ = shop()
    body = await run(router, "{ me { name } topProducts(first: 2) { name reviews { body } } }")
    # Product.reviews and the list items are non-null, topProducts is non-null: data collapses to null,
    # and the subgraph error points at the client's path.
    assert body["data"] is None
    assert body["errors"][0]["path"] == ["topProducts", 1, "reviews"]
    assert body["errors"][0]["extensions"]["serviceName"] == "reviews"


async def test_subscription_events_are_completed_by_entity_fetches_and_projected() -> None:
    router, clients = shop()
    request = GraphQLRequest(query="subscription { reviewAdded(count: 2) { body author { name } } }")
    bodies = [result.body async for result in router.subscribe(request)]
    assert bodies == [
        {"data": {"reviewAdded": {"body": "Sturdy", "author": {"name": "Ada"}}}},
        {"data": {"reviewAdded": {"body": "Heavy", "author": {"name": "Grace"}}}},
    ]
    # One subscription at reviews; one `_entities` call at accounts per event.
    assert len(clients["reviews"].requests) == 1
    assert [r.variables["representations"] for r in clients["accounts"].requests] == [
        [{"__typename": "User", "id": "u1"}],
        [{"__typename": "User", "id": "u2"}],
    ]


async def test_subscription_over_execute_is_a_request_error() -> None:
    router, clients = shop()
    result = await router.execute(GraphQLRequest(query="subscription { reviewAdded(count: 1) { body } }"))
    assert result.request_error is True
    assert "streaming transport" in result.body["errors"][0]["message"]
    assert not clients["reviews"].requests


async def test_subscribe_answers_a_query_once_and_request_errors_once() -> None:
    router, _ = shop()
    results = [r.body async for r in router.subscribe(GraphQLRequest(query="{ me { name } }"))]
    assert results == [{"data": {"me": {"name": "Ada"}}}]
    results = [r.body async for r in router.subscribe(GraphQLRequest(query="subscription { nope }"))]
    assert len(results) == 1
    assert results[0]["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
