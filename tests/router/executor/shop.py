"""A tiny federated shop for executor tests: two in-process Strawberry subgraphs that record every call.

products owns `Product @key(fields: "upc")` and `Query.topProducts`; reviews adds `Product.reviews` and a
`Mutation.addReview`; products has `Mutation.renameProduct`. Each subgraph records the operations and the
representations it received, so tests can assert batching, deduplication and ordering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import strawberry
from strawberry.asgi import GraphQL
from strawberry.federation import Schema

from router.app import build_router
from router.config import RouterConfig
from router.pipeline import GraphQLRequest, Router
from router.subgraph_client import asgi_client
from tests.router.planner.sdl import supergraph


@dataclass
class Recorder:
    """What one subgraph saw: every query text, and every batch of representations."""

    queries: list[str] = field(default_factory=list)
    batches: list[list[dict[str, Any]]] = field(default_factory=list)


PRODUCTS = Recorder()
REVIEWS = Recorder()
# Mutations from both subgraphs, in the order they ran.
MUTATIONS: list[str] = []
NAMES = {"1": "Table", "2": "Chair", "3": "Lamp"}


@strawberry.federation.type(keys=["upc"])
class Product:
    upc: str
    name: str


@strawberry.type
class ProductsQuery:
    @strawberry.field
    def top_products(self, first: int = 5) -> list[Product]:
        # "1" twice: the entity fetch must send its representation once.
        upcs = ["1", "2", "1", "3"][:first]
        return [Product(upc=upc, name=NAMES[upc]) for upc in upcs]

    @strawberry.field
    def broken_product(self) -> Product:
        raise ValueError("products are on fire")


@strawberry.type
class ProductsMutation:
    @strawberry.mutation
    def rename_product(self, upc: str, name: str) -> Product:
        MUTATIONS.append(f"rename {upc}")
        NAMES[upc] = name
        return Product(upc=upc, name=name)


@strawberry.type
class Review:
    body: str
    stars: int


@strawberry.federation.type(keys=["upc"])
class ReviewedProduct:
    upc: str
    # A non-null field answered beside `reviews`: nulled with it when `reviews` fails.
    reviewed: bool = True

    @strawberry.field
    def reviews(self) -> list[Review]:
        if self.upc == "3":
            raise ValueError("reviews of 3 are unavailable")
        return [Review(body=f"review of {self.upc}", stars=int(self.upc))]

    @classmethod
    def resolve_reference(cls, upc: str) -> ReviewedProduct:
        return cls(upc=upc)


@strawberry.type
class ReviewsQuery:
    @strawberry.field
    def review_count(self) -> int:
        return 3


@strawberry.type
class ReviewsMutation:
    @strawberry.mutation
    def add_review(self, upc: str, body: str) -> Review:
        MUTATIONS.append(f"review {upc}")
        return Review(body=body, stars=5)


class RecordingGraphQL(GraphQL[Any, Any]):
    """Strawberry's ASGI app, noting each request's query and representations before answering."""

    def __init__(self, schema: Schema, recorder: Recorder) -> None:
        super().__init__(schema)
        self.recorder = recorder

    async def get_context(self, request: Any, response: Any) -> Any:
        body = await request.json()
        self.recorder.queries.append(body["query"])
        representations = (body.get("variables") or {}).get("representations")
        if representations is not None:
            self.recorder.batches.append(representations)
        return await super().get_context(request, response)


def _reviewed_product_schema() -> Schema:
    ReviewedProduct.__strawberry_definition__.name = "Product"  # type: ignore[attr-defined]
    return Schema(query=ReviewsQuery, mutation=ReviewsMutation, types=[ReviewedProduct])


PRODUCTS_SCHEMA = Schema(query=ProductsQuery, mutation=ProductsMutation)
REVIEWS_SCHEMA = _reviewed_product_schema()

SUPERGRAPH = supergraph(
    """
type Product @join__type(graph: PRODUCTS, key: "upc") @join__type(graph: REVIEWS, key: "upc") {
  upc: String!
  name: String! @join__field(graph: PRODUCTS)
  reviews: [Review!]! @join__field(graph: REVIEWS)
  reviewed: Boolean! @join__field(graph: REVIEWS)
}
type Review @join__type(graph: REVIEWS) { body: String! stars: Int! }
type Query @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
  topProducts(first: Int! = 5): [Product!]! @join__field(graph: PRODUCTS)
  brokenProduct: Product! @join__field(graph: PRODUCTS)
  reviewCount: Int! @join__field(graph: REVIEWS)
}
type Mutation @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
  renameProduct(upc: String!, name: String!): Product! @join__field(graph: PRODUCTS)
  addReview(upc: String!, body: String!): Review! @join__field(graph: REVIEWS)
}
""",
    "products",
    "reviews",
    mutation=True,
)


def shop_router(config: RouterConfig | None = None) -> Router:
    """A router over the two in-process subgraphs, with fresh recorders."""
    MUTATIONS.clear()
    for recorder in (PRODUCTS, REVIEWS):
        recorder.queries.clear()
        recorder.batches.clear()
    clients = {
        "products": asgi_client("products", RecordingGraphQL(PRODUCTS_SCHEMA, PRODUCTS)),
        "reviews": asgi_client("reviews", RecordingGraphQL(REVIEWS_SCHEMA, REVIEWS)),
    }
    return build_router(SUPERGRAPH, config, clients)


async def run(router: Router, query: str, **variables: Any) -> dict[str, Any]:
    result = await router.execute(GraphQLRequest(query=query, variables=variables or None))
    return result.body
