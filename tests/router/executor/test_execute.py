"""Executor: hand-built plans run against in-process Strawberry subgraphs; asserts the merged data AND the
requests each subgraph received (one batched `_entities` call per fetch, deduplicated representations)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from router.executor.execute import ExecutionState, execute_plan
from router.planner.plan import (
    Condition,
    Fetch,
    FieldSelection,
    Flatten,
    InlineFragmentSelection,
    KeyRenamer,
    Parallel,
    PlanNode,
    Sequence,
    TypeCondition,
)
from router.subgraph_client import HttpSubgraphClient, SubgraphClient
from tests.router.executor.subgraphs import BEHAVIOUR, RecordingClient, recording_clients

TOP_PRODUCTS = Fetch(
    service_name="products",
    operation="query($first:Int!){topProducts(first:$first){__typename id name}}",
    variable_usages=("first",),
)
PRODUCT_KEY = (InlineFragmentSelection("Product", (FieldSelection("__typename"), FieldSelection("id"))),)
USER_KEY = (InlineFragmentSelection("User", (FieldSelection("__typename"), FieldSelection("id"))),)
REVIEWS_OF_PRODUCTS = Flatten(
    path=("topProducts", "@"),
    node=Fetch(
        service_name="reviews",
        operation=(
            "query($representations:[_Any!]!){_entities(representations:$representations)"
            "{...on Product{reviews{id body author{__typename id}}}}}"
        ),
        requires=PRODUCT_KEY,
    ),
)
NAMES_OF_AUTHORS = Flatten(
    path=("topProducts", "@", "reviews", "@", "author"),
    node=Fetch(
        service_name="accounts",
        operation=(
            "query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}"
        ),
        requires=USER_KEY,
    ),
)


@pytest.fixture(autouse=True)
def reset_behaviour() -> Iterator[None]:
    BEHAVIOUR.reset()
    yield
    BEHAVIOUR.reset()


def _matches(typename: str, condition: str) -> bool:
    return typename == condition


async def run(
    node: PlanNode, clients: dict[str, Any], variables: dict[str, Any] | None = None
) -> ExecutionState:
    state = ExecutionState(clients=clients, variables=variables or {"first": 5}, matches=_matches)
    await execute_plan(node, state)
    return state


async def test_entity_fetches_are_batched_and_representations_deduplicated() -> None:
    clients = recording_clients()
    state = await run(Sequence((TOP_PRODUCTS, REVIEWS_OF_PRODUCTS, NAMES_OF_AUTHORS)), clients)

    assert state.errors == []
    assert state.data["topProducts"][0]["reviews"] == [
        {"id": "r1", "body": "Sturdy", "author": {"__typename": "User", "id": "u1", "name": "Ada"}},
        {"id": "r2", "body": "Heavy", "author": {"__typename": "User", "id": "u2", "name": "Grace"}},
    ]
    assert state.data["topProducts"][1]["reviews"][0]["author"]["name"] == "Ada"
    assert state.data["topProducts"][2]["reviews"] == []
    # One `_entities` call per fetch node: three products in one call; u1 appears twice but is sent once.
    assert [r.variables["representations"] for r in clients["reviews"].requests] == [
        [{"__typename": "Product", "id": key} for key in ("1", "2", "3")]
    ]
    assert [r.variables["representations"] for r in clients["accounts"].requests] == [
        [{"__typename": "User", "id": "u1"}, {"__typename": "User", "id": "u2"}]
    ]
    assert clients["products"].requests[0].variables == {"first": 5}


async def test_no_entity_call_when_the_flatten_path_finds_no_objects() -> None:
    clients = recording_clients()
    state = await run(Sequence((TOP_PRODUCTS, REVIEWS_OF_PRODUCTS)), clients, {"first": 0})
    assert state.data == {"topProducts": []}
    assert clients["reviews"].requests == []


async def test_parallel_root_fetches_merge_into_one_tree() -> None:
    clients = recording_clients()
    me = Fetch(service_name="accounts", operation="{me{__typename id name}}")
    count = Fetch(service_name="reviews", operation="{reviewCount}")
    state = await run(Parallel((me, count)), clients)
    assert state.data == {"me": {"__typename": "User", "id": "u1", "name": "Ada"}, "reviewCount": 3}
    assert len(clients["accounts"].requests) == len(clients["reviews"].requests) == 1


async def test_mutations_run_in_order() -> None:
    clients = recording_clients()
    first = Fetch(
        service_name="products",
        operation='mutation{a:addProduct(name:"first"){id}}',
        operation_kind="mutation",
    )
    second = Fetch(
        service_name="products",
        operation='mutation{b:addProduct(name:"second"){id}}',
        operation_kind="mutation",
    )
    state = await run(Sequence((first, second)), clients)
    assert BEHAVIOUR.created == ["first", "second"]
    assert state.data == {"a": {"id": "new1"}, "b": {"id": "new2"}}
    assert [r.is_mutation for r in clients["products"].requests] == [True, True]


async def test_condition_branches_on_a_boolean_variable() -> None:
    clients = recording_clients()
    node = Sequence((TOP_PRODUCTS, Condition("withReviews", if_clause=REVIEWS_OF_PRODUCTS)))
    await run(node, clients, {"first": 1, "withReviews": False})
    assert clients["reviews"].requests == []
    state = await run(node, clients, {"first": 1, "withReviews": True})
    assert len(clients["reviews"].requests) == 1
    assert state.data["topProducts"][0]["reviews"][0]["id"] == "r1"


async def test_entity_errors_are_repathed_to_the_object_that_produced_the_representation() -> None:
    BEHAVIOUR.failing_review_products.add("2")
    clients = recording_clients()
    state = await run(Sequence((TOP_PRODUCTS, REVIEWS_OF_PRODUCTS)), clients)
    assert len(state.errors) == 1
    error = state.errors[0]
    assert error["path"] == ["topProducts", 1, "reviews"]
    assert error["extensions"]["serviceName"] == "reviews"
    assert "unavailable" in error["message"]
    # The other products still got their reviews: partial data.
    assert state.data["topProducts"][0]["reviews"][0]["id"] == "r1"


async def test_unreachable_subgraph_yields_partial_data_and_a_tagged_error() -> None:
    clients: dict[str, SubgraphClient] = dict(recording_clients())
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    clients["reviews"] = HttpSubgraphClient("reviews", "http://127.0.0.1:9/graphql", timeout=2.0)
    state = await run(Sequence((TOP_PRODUCTS, REVIEWS_OF_PRODUCTS)), clients)
    assert [p["name"] for p in state.data["topProducts"]] == ["Table", "Chair", "Lamp"]
    # The call got no answer: its error is at the field it was to fill in, on every object it was for.
    assert sorted(error["path"][1] for error in state.errors) == [0, 1, 2]
    assert {(error["path"][0], error["path"][2]) for error in state.errors} == {("topProducts", "reviews")}
    for error in state.errors:
        assert error["extensions"] == {"code": "SUBGRAPH_REQUEST_FAILED", "serviceName": "reviews"}


async def test_slow_subgraph_times_out_into_an_error() -> None:
    BEHAVIOUR.slow_seconds = 1.0
    clients = recording_clients(timeout=0.05)
    state = await run(TOP_PRODUCTS, clients)
    assert state.data == {}
    assert state.errors[0]["extensions"] == {"code": "SUBGRAPH_TIMEOUT", "serviceName": "products"}


async def test_type_condition_in_flatten_path_filters_objects_by_typename() -> None:
    clients = recording_clients()
    state = ExecutionState(clients=clients, variables={}, matches=_matches)
    state.data = {
        "things": [
            {"__typename": "User", "id": "u2"},
            {"__typename": "Robot", "id": "u1"},
        ]
    }
    node = Flatten(path=("things", "@", TypeCondition(("User",))), node=NAMES_OF_AUTHORS.node)
    await execute_plan(node, state)
    assert state.data["things"] == [
        {"__typename": "User", "id": "u2", "name": "Grace"},
        {"__typename": "Robot", "id": "u1"},
    ]
    assert clients["accounts"].requests[0].variables["representations"] == [
        {"__typename": "User", "id": "u2"}
    ]


async def test_output_rewrites_undo_planner_aliases_before_merging() -> None:
    clients = recording_clients()
    fetch = Fetch(
        service_name="accounts",
        operation="{me{__typename id userName:name}}",
        output_rewrites=(KeyRenamer(("me", "userName"), "name"),),
    )
    state = await run(fetch, clients)
    assert state.data == {"me": {"__typename": "User", "id": "u1", "name": "Ada"}}


async def test_missing_client_is_an_error_not_an_exception() -> None:
    state = await run(Fetch(service_name="nowhere", operation="{x}"), {})
    assert state.errors[0]["extensions"]["code"] == "SUBGRAPH_REQUEST_FAILED"


def test_recording_client_is_a_subgraph_client() -> None:
    client: SubgraphClient = recording_clients()["accounts"]
    assert isinstance(client, RecordingClient)


async def test_output_rewrites_reach_entities_whose_selection_has_no_typename() -> None:
    # A planner alias inside an entity fetch: the rewrite's path starts with the entity's type condition,
    # which the representation's `__typename` decides (the audit's child-type-mismatch answered `id: null`).
    clients = recording_clients()
    reviews = Flatten(
        path=("topProducts", "@"),
        node=Fetch(
            service_name="reviews",
            operation=(
                "query($representations:[_Any!]!){_entities(representations:$representations)"
                "{...on Product{_reviews0:reviews{id}}}}"
            ),
            requires=PRODUCT_KEY,
            output_rewrites=(KeyRenamer(("... on Product", "_reviews0"), "reviews"),),
        ),
    )
    state = await run(Sequence((TOP_PRODUCTS, reviews)), clients, {"first": 1})
    assert state.errors == []
    assert state.data == {
        "topProducts": [
            {"__typename": "Product", "id": "1", "name": "Table", "reviews": [{"id": "r1"}, {"id": "r2"}]}
        ]
    }
    assert [r.variables["representations"] for r in clients["reviews"].requests] == [
        [{"__typename": "Product", "id": "1"}]
    ]


async def test_one_entity_fetch_over_two_paths_sends_each_representation_once() -> None:
    # `{ topProducts { reviews } again: topProducts { reviews } }`: the same product reached under two keys
    # is resolved once, and the result merges into the objects at both paths.
    clients = recording_clients()
    root = Fetch(
        service_name="products",
        operation="{topProducts(first:1){__typename id} again:topProducts(first:1){__typename id}}",
    )
    reviews = Flatten(
        path=("topProducts", "@"),
        node=REVIEWS_OF_PRODUCTS.node,
        other_paths=(("again", "@"),),
    )
    state = await run(Sequence((root, reviews)), clients)
    assert state.errors == []
    assert state.data["topProducts"] == state.data["again"]
    assert [review["id"] for review in state.data["again"][0]["reviews"]] == ["r1", "r2"]
    assert [r.variables["representations"] for r in clients["reviews"].requests] == [
        [{"__typename": "Product", "id": "1"}]
    ]
