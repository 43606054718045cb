"""`@defer` and `@stream` executed: the payloads a client receives in both forms (Apollo's
`deferSpec=20220824` and the RFC draft's pending/completed ids) AND the requests each subgraph received, on
the in-process subgraphs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from router.app import build_router
from router.config import RouterConfig
from router.executor.incremental import IncrementalFormat
from router.pipeline import GraphQLRequest, Router
from tests.router.executor.subgraphs import BEHAVIOUR, SUPERGRAPH, RecordingClient, recording_clients

REVIEWS_LATER = '{ topProducts(first: 2) { name ... @defer(label: "r") { reviews { body } } } }'
TABLE_REVIEWS = {"reviews": [{"body": "Sturdy"}, {"body": "Heavy"}]}
CHAIR_REVIEWS = {"reviews": [{"body": "Comfy"}]}
PRIMARY = {"topProducts": [{"name": "Table"}, {"name": "Chair"}]}


@pytest.fixture(autouse=True)
def reset_behaviour() -> Iterator[None]:
    BEHAVIOUR.reset()
    yield
    BEHAVIOUR.reset()


def shop() -> tuple[Router, dict[str, RecordingClient]]:
    clients = recording_clients()
    return build_router(SUPERGRAPH, RouterConfig(), clients), clients


async def payloads(
    router: Router, query: str, form: IncrementalFormat = "20220824", **variables: Any
) -> list[dict[str, Any]]:
    request = GraphQLRequest(query=query, variables=variables or None)
    return [result.body async for result in router.execute_incremental(request, form)]


def queries(client: RecordingClient) -> list[str]:
    return [request.query for request in client.requests]


async def test_the_primary_payload_comes_before_any_deferred_fetch() -> None:
    router, clients = shop()
    results = router.execute_incremental(GraphQLRequest(query=REVIEWS_LATER), "20220824")
    first = await anext(results)
    assert first.body == {"data": PRIMARY, "hasNext": True}
    # The deferred part's fetch starts only once the primary payload is out.
    assert clients["reviews"].requests == []
    rest = [result.body async for result in results]
    assert rest == [
        {
            "incremental": [
                {"data": TABLE_REVIEWS, "path": ["topProducts", 0], "label": "r"},
                {"data": CHAIR_REVIEWS, "path": ["topProducts", 1], "label": "r"},
            ],
            "hasNext": False,
        }
    ]
    # One products fetch without the deferred field, one reviews fetch for both products.
    assert queries(clients["products"]) == ["{topProducts(first: 2){__typename name id}}"]
    assert len(clients["reviews"].requests) == 1
    assert clients["reviews"].requests[0].variables["representations"] == [
        {"__typename": "Product", "id": "1"},
        {"__typename": "Product", "id": "2"},
    ]


async def test_the_draft_form_announces_pending_ids_and_completes_them() -> None:
    router, _ = shop()
    assert await payloads(router, REVIEWS_LATER, "v0.2") == [
        {
            "data": PRIMARY,
            "pending": [
                {"id": "0", "path": ["topProducts", 0], "label": "r"},
                {"id": "1", "path": ["topProducts", 1], "label": "r"},
            ],
            "hasNext": True,
        },
        {
            "incremental": [{"id": "0", "data": TABLE_REVIEWS}, {"id": "1", "data": CHAIR_REVIEWS}],
            "completed": [{"id": "0"}, {"id": "1"}],
            "hasNext": False,
        },
    ]


async def test_an_error_in_a_deferred_fragment_stays_in_its_increment() -> None:
    # `reviews` is non-null: for the Chair the null propagates, but only up to the deferred fragment (Spec,
    # incremental delivery) — the primary data and the Table's increment are untouched.
    BEHAVIOUR.failing_review_products.add("2")
    router, _ = shop()
    initial, later = await payloads(router, REVIEWS_LATER, "v0.2")
    assert "errors" not in initial and initial["data"] == PRIMARY
    assert later["incremental"] == [{"id": "0", "data": TABLE_REVIEWS}]
    assert later["completed"][0] == {"id": "0"}
    failed = later["completed"][1]
    assert failed["id"] == "1"
    assert [(error["path"], error["message"]) for error in failed["errors"]] == [
        (["topProducts", 1, "reviews"], "reviews of 2 are unavailable")
    ]
    apollo = await payloads(router, REVIEWS_LATER)
    chair = apollo[1]["incremental"][1]
    assert chair["data"] is None and chair["path"] == ["topProducts", 1] and chair["errors"]


async def test_a_client_without_incremental_delivery_gets_everything_merged() -> None:
    router, clients = shop()
    result = await router.execute(GraphQLRequest(query=REVIEWS_LATER))
    assert result.body == {
        "data": {"topProducts": [{"name": "Table", **TABLE_REVIEWS}, {"name": "Chair", **CHAIR_REVIEWS}]}
    }
    assert len(clients["products"].requests) == 1
    assert len(clients["reviews"].requests) == 1


async def test_a_client_without_incremental_delivery_runs_the_plan_without_defer() -> None:
    # Deferring a products field costs a second products fetch (through the key); one response needs none.
    router, clients = shop()
    query = "{ topProducts(first: 2) { name ... @defer { price } } }"
    result = await router.execute(GraphQLRequest(query=query))
    products = [{"name": "Table", "price": 100}, {"name": "Chair", "price": 40}]
    assert result.body == {"data": {"topProducts": products}}
    assert len(clients["products"].requests) == 1
    await payloads(router, query)
    assert len(clients["products"].requests) == 3


async def test_defer_if_a_false_variable_delivers_the_fragment_in_the_only_payload() -> None:
    router, _ = shop()
    query = "query($d: Boolean!) { topProducts(first: 2) { name ... @defer(if: $d) { reviews { body } } } }"
    (only,) = await payloads(router, query, d=False)
    assert only == {
        "data": {"topProducts": [{"name": "Table", **TABLE_REVIEWS}, {"name": "Chair", **CHAIR_REVIEWS}]}
    }
    deferred = await payloads(router, query, d=True)
    assert [payload["hasNext"] for payload in deferred] == [True, False]


async def test_a_deferred_fragment_on_the_root_has_the_empty_path() -> None:
    router, clients = shop()
    assert await payloads(router, "{ me { name } ... @defer { reviewCount } }") == [
        {"data": {"me": {"name": "Ada"}}, "hasNext": True},
        {"incremental": [{"data": {"reviewCount": 3}, "path": []}], "hasNext": False},
    ]
    assert queries(clients["reviews"]) == ["{reviewCount}"]


async def test_stream_sends_initial_count_items_then_the_rest() -> None:
    # The router fetches the whole list at once (one products call) and streams what follows `initialCount`.
    router, clients = shop()
    query = '{ topProducts(first: 3) @stream(initialCount: 1, label: "more") { name } }'
    assert await payloads(router, query) == [
        {"data": {"topProducts": [{"name": "Table"}]}, "hasNext": True},
        {
            "incremental": [
                {"items": [{"name": "Chair"}, {"name": "Lamp"}], "path": ["topProducts", 1], "label": "more"}
            ],
            "hasNext": False,
        },
    ]
    assert await payloads(router, query, "v0.2") == [
        {
            "data": {"topProducts": [{"name": "Table"}]},
            "pending": [{"id": "0", "path": ["topProducts"], "label": "more"}],
            "hasNext": True,
        },
        {
            "incremental": [{"id": "0", "items": [{"name": "Chair"}, {"name": "Lamp"}]}],
            "completed": [{"id": "0"}],
            "hasNext": False,
        },
    ]
    # `@stream` never reaches the subgraph.
    assert all("stream" not in query for query in queries(clients["products"]))


async def test_stream_with_every_item_in_the_initial_count_is_one_payload() -> None:
    router, _ = shop()
    query = "{ topProducts(first: 2) @stream(initialCount: 5) { name } }"
    assert await payloads(router, query) == [{"data": PRIMARY}]


async def test_an_operation_without_defer_is_one_ordinary_result() -> None:
    router, _ = shop()
    assert await payloads(router, "{ topProducts(first: 2) { name } }") == [{"data": PRIMARY}]


@pytest.mark.parametrize(
    "query",
    [
        'mutation { ... @defer { addProduct(name: "Desk") { id } } }',
        "{ me { name @stream } }",
        '{ me { ... @defer(label: "x") { name } ... @defer(label: "x") { id } } }',
    ],
)
async def test_the_rfc_validation_rules_refuse_misplaced_directives(query: str) -> None:
    # Spec (incremental delivery RFC): no `@defer` on mutation/subscription root fields, `@stream` only on
    # lists, labels unique — graphql-core 3.3's rules, applied with the API schema declaring the directives.
    router, clients = shop()
    (only,) = await payloads(router, query)
    assert "data" not in only and only["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert all(not client.requests for client in clients.values())


async def test_a_client_without_incremental_delivery_gets_a_streamed_list_whole() -> None:
    router, _ = shop()
    query = "{ topProducts(first: 3) @stream(initialCount: 1) { name } }"
    result = await router.execute(GraphQLRequest(query=query))
    assert [product["name"] for product in result.body["data"]["topProducts"]] == ["Table", "Chair", "Lamp"]


async def test_a_mutation_result_may_defer_below_its_root_field() -> None:
    # Spec: only a mutation's root fields may not be deferred; the mutation runs once, in the primary part.
    router, clients = shop()
    query = 'mutation { addProduct(name: "Desk") { name ... @defer { reviews { body } } } }'
    assert await payloads(router, query) == [
        {"data": {"addProduct": {"name": "Desk"}}, "hasNext": True},
        {"incremental": [{"data": {"reviews": []}, "path": ["addProduct"]}], "hasNext": False},
    ]
    assert BEHAVIOUR.created == ["Desk"]
    assert len(clients["products"].requests) == 1 and len(clients["reviews"].requests) == 1


async def test_a_deferred_fragment_in_a_streamed_item_comes_with_the_item() -> None:
    # Streamed items go last, once the deferred parts merged: an item carries the fragment deferred in it.
    router, clients = shop()
    query = "{ topProducts(first: 2) @stream(initialCount: 1) { name ... @defer { reviews { body } } } }"
    assert await payloads(router, query) == [
        {"data": {"topProducts": [{"name": "Table"}]}, "hasNext": True},
        {"incremental": [{"data": TABLE_REVIEWS, "path": ["topProducts", 0]}], "hasNext": True},
        {
            "incremental": [{"items": [{"name": "Chair", **CHAIR_REVIEWS}], "path": ["topProducts", 1]}],
            "hasNext": False,
        },
    ]
    # Every item's reviews in one reviews call: the deferred part's fetch serves the streamed item too.
    assert len(clients["reviews"].requests) == 1
