"""Failures are values: partial data plus errors re-pathed to the client's path, never an exception."""

from __future__ import annotations

from typing import Any

import orjson

from router.app import build_router
from router.subgraph_client import HttpSubgraphClient
from router.subgraph_client.transports import AsgiTransport
from tests.router.executor.shop import REVIEWS, SUPERGRAPH, run, shop_router


async def test_an_entity_error_is_repathed_and_nulls_the_nearest_nullable_parent() -> None:
    router = shop_router()
    body = await run(router, "{ topProducts(first: 4) { upc reviews { stars } } }")
    # Product 3's reviews failed: `reviews` is non-null, the list item `Product!` is non-null, so the whole
    # non-null `topProducts` list becomes null and, as `data.topProducts` is non-null too, `data` is null.
    assert body["data"] is None
    [error] = [error for error in body["errors"] if error["extensions"].get("serviceName") == "reviews"]
    assert error["path"] == ["topProducts", 3, "reviews"]
    assert error["message"] == "reviews of 3 are unavailable"


async def test_an_entity_the_subgraph_nulled_for_one_error_adds_no_null_errors_for_its_siblings() -> None:
    router = shop_router()
    body = await run(router, "{ topProducts(first: 4) { upc reviewed reviews { stars } } }")
    # Product 3's `reviews` failed, so the subgraph nulled the whole entity: `reviewed` is missing too, but
    # only because of that one error (the audit's include-skip answered a second "Cannot return null").
    assert body["data"] is None
    assert [(error["path"], error["message"]) for error in body["errors"]] == [
        (["topProducts", 3, "reviews"], "reviews of 3 are unavailable")
    ]
    assert [len(batch) for batch in REVIEWS.batches] == [3]  # products 1, 2, 1, 3: each sent once


async def test_a_root_field_error_keeps_the_subgraph_path_and_names_the_service() -> None:
    router = shop_router()
    body = await run(router, "{ reviewCount brokenProduct { upc } }")
    assert body["data"] is None  # brokenProduct is non-null at the root
    [error] = body["errors"]
    assert error["path"] == ["brokenProduct"]
    assert error["extensions"]["serviceName"] == "products"


async def test_a_root_field_nulling_its_subgraphs_data_adds_no_null_errors_for_its_siblings() -> None:
    router = shop_router()
    body = await run(router, "{ topProducts(first: 1) { upc } brokenProduct { upc } }")
    # products answered `data: null` for `brokenProduct` alone: `topProducts` resolved and is missing only
    # because of that error, so it gets no "Cannot return null" of its own (found by the differential run
    # over our own supergraph: `{ myDataExports { id } myDataExport(id: "unknown") { id } }`).
    assert body["data"] is None
    assert [error["path"] for error in body["errors"]] == [["brokenProduct"]]


async def test_an_unreachable_subgraph_yields_partial_data_and_an_error() -> None:
    reviews_down = HttpSubgraphClient("reviews", "http://127.0.0.1:9/graphql", timeout=2)
    healthy = shop_router().clients["products"]
    router = build_router(SUPERGRAPH, clients={"products": healthy, "reviews": reviews_down})
    body = await run(router, "{ topProducts(first: 1) { name } reviewCount }")
    # reviewCount is non-null, so data collapses, but the error says which subgraph failed and why.
    assert body["data"] is None
    codes = {
        (error["extensions"]["code"], error["extensions"].get("serviceName")) for error in body["errors"]
    }
    assert ("SUBGRAPH_REQUEST_FAILED", "reviews") in codes
    await reviews_down.aclose()


async def request_error_subgraph(scope: Any, receive: Any, send: Any) -> None:
    """A subgraph refusing the whole request (no `data`, no `path`), as Strawberry does for a variable its
    scalar cannot parse: GRAPHQL_VALIDATION_FAILED."""
    while (await receive()).get("more_body"):
        pass
    error = {
        "message": "Variable '$from' got invalid value ''; not a date and time",
        "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"},
    }
    body = orjson.dumps({"errors": [error]})
    headers = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def test_a_subgraphs_request_level_error_is_passed_on_alone() -> None:
    refusing = HttpSubgraphClient(
        "reviews", "http://reviews/graphql", transport=AsgiTransport(request_error_subgraph)
    )
    router = build_router(SUPERGRAPH, clients={"reviews": refusing})
    body = await run(router, "{ reviewCount }")
    await refusing.aclose()
    # `reviewCount` is non-null, so `data` is null; the subgraph's error explains it, with its own code, at
    # the field it left empty, and no "Cannot return null for non-nullable field" is added.
    assert body == {
        "errors": [
            {
                "message": "Variable '$from' got invalid value ''; not a date and time",
                "path": ["reviewCount"],
                "extensions": {"code": "GRAPHQL_VALIDATION_FAILED", "serviceName": "reviews"},
            }
        ],
        "data": None,
    }


async def test_an_entity_fetch_failing_as_a_whole_adds_no_null_errors_under_its_objects() -> None:
    healthy = shop_router().clients["products"]
    refusing = HttpSubgraphClient(
        "reviews", "http://reviews/graphql", transport=AsgiTransport(request_error_subgraph)
    )
    router = build_router(SUPERGRAPH, clients={"products": healthy, "reviews": refusing})
    body = await run(router, "{ topProducts(first: 2) { upc reviews { stars } } }")
    await refusing.aclose()
    assert body["data"] is None
    # The subgraph's error at each field the fetch was to fill, and no "Cannot return null" error besides.
    assert [(error["path"], error["extensions"]["code"]) for error in body["errors"]] == [
        (["topProducts", 0, "reviews"], "GRAPHQL_VALIDATION_FAILED"),
        (["topProducts", 1, "reviews"], "GRAPHQL_VALIDATION_FAILED"),
    ]


async def test_an_unanswered_fetch_errs_at_its_fields_and_adds_no_second_null_error() -> None:
    reviews_down = HttpSubgraphClient("reviews", "http://127.0.0.1:9/graphql", timeout=2)
    healthy = shop_router().clients["products"]
    router = build_router(SUPERGRAPH, clients={"products": healthy, "reviews": reviews_down})
    body = await run(router, "{ topProducts(first: 1) { name reviews { stars } } reviewCount }")
    # Spec null propagation: the non-null `reviews` nulls `Product!`, then `[Product!]!`, then `data`; the
    # subgraph's own error explains each null, so no "Cannot return null" error is added.
    assert body["data"] is None
    # The two failing fetches run in parallel, so their errors come in either order.
    failed = {"code": "SUBGRAPH_REQUEST_FAILED", "serviceName": "reviews"}
    assert sorted((error["path"], error["extensions"]) for error in body["errors"]) == sorted(
        [(["topProducts", 0, "reviews"], failed), (["reviewCount"], failed)]
    )
    await reviews_down.aclose()


async def test_an_entity_error_is_reported_only_under_the_key_that_selected_the_field() -> None:
    router = shop_router()
    query = "{ topProducts(first: 4) { reviewed } a1: topProducts(first: 4) { reviews { stars } } }"
    body = await run(router, query)
    # Both keys' products share one `_entities` call (one representation each), but only `a1` asked for
    # `reviews`: product 3's error belongs at `a1.3.reviews`, never at `topProducts.3.reviews` (found by the
    # differential run over our own supergraph: `{ me { resume { id } } a2: me { files(first: 0) { … } } }`).
    assert [error["path"] for error in body["errors"]] == [["a1", 3, "reviews"]]
    assert body["data"] is None  # a1 (a non-null list of non-null products) is null, and so is data
