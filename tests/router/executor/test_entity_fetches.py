"""Entity fetches: one `_entities` call per plan node, with each distinct representation sent once."""

from __future__ import annotations

from tests.router.executor.shop import REVIEWS, run, shop_router


async def test_a_nested_cross_subgraph_query_merges_both_subgraphs() -> None:
    router = shop_router()
    body = await run(router, "{ topProducts(first: 2) { name reviews { stars } } }")
    assert body == {
        "data": {
            "topProducts": [
                {"name": "Table", "reviews": [{"stars": 1}]},
                {"name": "Chair", "reviews": [{"stars": 2}]},
            ]
        }
    }


async def test_duplicate_entities_are_fetched_once_in_one_batch() -> None:
    router = shop_router()
    body = await run(router, "{ topProducts(first: 3) { upc reviews { body } } }")
    # Products 1, 2, 1: the third object reuses the first representation's result.
    assert [product["reviews"][0]["body"] for product in body["data"]["topProducts"]] == [
        "review of 1",
        "review of 2",
        "review of 1",
    ]
    assert len(REVIEWS.batches) == 1
    assert REVIEWS.batches[0] == [
        {"__typename": "Product", "upc": "1"},
        {"__typename": "Product", "upc": "2"},
    ]


async def test_only_the_clients_selection_comes_back() -> None:
    router = shop_router()
    # The planner fetches __typename and upc for the jump; the client asked for neither.
    body = await run(router, "{ topProducts(first: 1) { reviews { stars } } }")
    assert body == {"data": {"topProducts": [{"reviews": [{"stars": 1}]}]}}


async def test_aliases_and_typename_are_answered_in_client_terms() -> None:
    router = shop_router()
    query = "{ best: topProducts(first: 1) { kind: __typename title: name } count: reviewCount }"
    body = await run(router, query)
    assert body == {"data": {"best": [{"kind": "Product", "title": "Table"}], "count": 3}}
