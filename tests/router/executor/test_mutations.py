"""Mutations: top-level fields run strictly in the client's order, each against its own subgraph."""

from __future__ import annotations

from tests.router.executor.shop import MUTATIONS, PRODUCTS, REVIEWS, run, shop_router


async def test_mutation_fields_run_in_order_across_subgraphs() -> None:
    router = shop_router()
    body = await run(
        router,
        """
        mutation {
          first: addReview(upc: "1", body: "great") { stars }
          renameProduct(upc: "2", name: "Stool") { name }
          last: addReview(upc: "2", body: "wobbly") { body }
        }
        """,
    )
    assert body == {
        "data": {"first": {"stars": 5}, "renameProduct": {"name": "Stool"}, "last": {"body": "wobbly"}}
    }
    assert MUTATIONS == ["review 1", "rename 2", "review 2"]
    # Three separate calls (reviews, products, reviews): the two addReview fields are never merged into one
    # operation, because renameProduct must run between them.
    assert len(REVIEWS.queries) == 2
    assert len(PRODUCTS.queries) == 1
