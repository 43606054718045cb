"""Failures are values: partial data plus errors re-pathed to the client's path, never an exception."""

from __future__ import annotations

from router.app import build_router
from router.subgraph_client import HttpSubgraphClient
from tests.router.executor.shop import SUPERGRAPH, run, shop_router


async def test_an_entity_error_is_repathed_and_nulls_the_nearest_nullable_parent() -> None:
    router = shop_router()
    body = await run(router, "{ topProducts(first: 4) { upc reviews { stars } } }")
    # Product 3's reviews failed: `reviews` is non-null, the list item `Product!` is non-null, so the whole
    # non-null `topProducts` list becomes null and, as `data.topProducts` is non-null too, `data` is null.
    assert body["data"] is None
    [error] = [error for error in body["errors"] if error["extensions"].get("serviceName") == "reviews"]
    assert error["path"] == ["topProducts", 3, "reviews"]
    assert error["message"] == "reviews of 3 are unavailable"


async def test_a_root_field_error_keeps_the_subgraph_path_and_names_the_service() -> None:
    router = shop_router()
    body = await run(router, "{ reviewCount brokenProduct { upc } }")
    assert body["data"] is None  # brokenProduct is non-null at the root
    [error] = body["errors"]
    assert error["path"] == ["brokenProduct"]
    assert error["extensions"]["serviceName"] == "products"


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


async def test_an_unanswered_fetch_errs_at_its_fields_and_adds_no_second_null_error() -> None:
    reviews_down = HttpSubgraphClient("reviews", "http://127.0.0.1:9/graphql", timeout=2)
    healthy = shop_router().clients["products"]
    router = build_router(SUPERGRAPH, clients={"products": healthy, "reviews": reviews_down})
    body = await run(router, "{ topProducts(first: 1) { name reviews { stars } } reviewCount }")
    # Spec null propagation: the non-null `reviews` nulls `Product!`, then `[Product!]!`, then `data`; the
    # subgraph's own error explains each null, so no "Cannot return null" error is added.
    assert body["data"] is None
    assert [(error["path"], error["extensions"]) for error in body["errors"]] == [
        (["topProducts", 0, "reviews"], {"code": "SUBGRAPH_REQUEST_FAILED", "serviceName": "reviews"}),
        (["reviewCount"], {"code": "SUBGRAPH_REQUEST_FAILED", "serviceName": "reviews"}),
    ]
    await reviews_down.aclose()
