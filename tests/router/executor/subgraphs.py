"""Three tiny in-process Strawberry subgraphs (products, reviews, accounts), their supergraph, and a client
that records every request a subgraph received."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import strawberry
from strawberry.asgi import GraphQL

from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse, asgi_client

_PRODUCTS = {"1": ("Table", 100), "2": ("Chair", 40), "3": ("Lamp", 25)}
_REVIEWS = {
    "1": [("r1", "Sturdy", "u1"), ("r2", "Heavy", "u2")],
    "2": [("r3", "Comfy", "u1")],
    "3": [],
}
_USERS = {"u1": "Ada", "u2": "Grace"}


@dataclass
class Behaviour:
    """Knobs a test turns to make a subgraph misbehave; shared by the resolvers through the app context."""

    failing_review_products: set[str] = field(default_factory=set)
    slow_seconds: float = 0.0
    created: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.failing_review_products.clear()
        self.slow_seconds = 0.0
        self.created.clear()


BEHAVIOUR = Behaviour()


@strawberry.federation.type(keys=["id"])
class Product:
    id: strawberry.ID
    name: str
    price: int | None

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Product:
        name, price = _PRODUCTS[str(id)]
        return cls(id=id, name=name, price=price)


@strawberry.type
class ProductsQuery:
    @strawberry.field
    async def top_products(self, first: int = 5) -> list[Product]:
        if BEHAVIOUR.slow_seconds:
            await asyncio.sleep(BEHAVIOUR.slow_seconds)
        return [Product.resolve_reference(strawberry.ID(key)) for key in list(_PRODUCTS)[:first]]


@strawberry.type
class ProductsMutation:
    @strawberry.mutation
    def add_product(self, name: str) -> Product:
        BEHAVIOUR.created.append(name)
        return Product(id=strawberry.ID(f"new{len(BEHAVIOUR.created)}"), name=name, price=None)


@strawberry.federation.type(keys=["id"])
class User:
    id: strawberry.ID
    name: str | None

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        return cls(id=id, name=_USERS.get(str(id)))


@strawberry.type
class AccountsQuery:
    @strawberry.field
    def me(self) -> User:
        return User(id=strawberry.ID("u1"), name=_USERS["u1"])


@strawberry.federation.type(keys=["id"], name="User")
class UserStub:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> UserStub:
        return cls(id=id)


@strawberry.type
class Review:
    id: strawberry.ID
    body: str
    author: UserStub


@strawberry.federation.type(keys=["id"], name="Product")
class ProductWithReviews:
    id: strawberry.ID

    @strawberry.field
    def reviews(self) -> list[Review]:
        if str(self.id) in BEHAVIOUR.failing_review_products:
            raise ValueError(f"reviews of {self.id} are unavailable")
        return [
            Review(id=strawberry.ID(rid), body=body, author=UserStub(id=strawberry.ID(uid)))
            for rid, body, uid in _REVIEWS.get(str(self.id), [])
        ]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> ProductWithReviews:
        return cls(id=id)


@strawberry.type
class ReviewsQuery:
    @strawberry.field
    def review_count(self) -> int:
        return sum(len(reviews) for reviews in _REVIEWS.values())


@strawberry.type
class ReviewsSubscription:
    @strawberry.subscription
    async def review_added(self, count: int) -> AsyncGenerator[Review, None]:
        for number in range(count):
            rid, body, uid = [review for reviews in _REVIEWS.values() for review in reviews][number]
            yield Review(id=strawberry.ID(rid), body=body, author=UserStub(id=strawberry.ID(uid)))


def products_app() -> GraphQL[Any, Any]:
    schema = strawberry.federation.Schema(query=ProductsQuery, mutation=ProductsMutation, types=[Product])
    return GraphQL(schema)


def reviews_app() -> GraphQL[Any, Any]:
    schema = strawberry.federation.Schema(
        query=ReviewsQuery, subscription=ReviewsSubscription, types=[ProductWithReviews, UserStub]
    )
    return GraphQL(schema)


def accounts_app() -> GraphQL[Any, Any]:
    return GraphQL(strawberry.federation.Schema(query=AccountsQuery, types=[User]))


class RecordingClient:
    """A real subgraph client that also keeps every request it sent, in order."""

    def __init__(self, inner: SubgraphClient) -> None:
        self.inner = inner
        self.requests: list[SubgraphRequest] = []

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        self.requests.append(request)
        return await self.inner.execute(request)

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        self.requests.append(request)
        return self.inner.subscribe(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def recording_clients(timeout: float = 10.0) -> dict[str, RecordingClient]:
    return {
        "products": RecordingClient(asgi_client("products", products_app(), timeout=timeout)),
        "reviews": RecordingClient(asgi_client("reviews", reviews_app(), timeout=timeout)),
        "accounts": RecordingClient(asgi_client("accounts", accounts_app(), timeout=timeout)),
    }


SUPERGRAPH = """
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{
  query: Query
  mutation: Mutation
  subscription: Subscription
}

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String,
  external: Boolean, override: String, usedOverridden: Boolean) repeatable
  on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false,
  resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable
  on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }

enum join__Graph {
  ACCOUNTS @join__graph(name: "accounts", url: "http://accounts/graphql")
  PRODUCTS @join__graph(name: "products", url: "http://products/graphql")
  REVIEWS @join__graph(name: "reviews", url: "http://reviews/graphql")
}

type Query @join__type(graph: ACCOUNTS) @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
  me: User! @join__field(graph: ACCOUNTS)
  topProducts(first: Int! = 5): [Product!]! @join__field(graph: PRODUCTS)
  reviewCount: Int! @join__field(graph: REVIEWS)
}

type Mutation @join__type(graph: PRODUCTS) {
  addProduct(name: String!): Product! @join__field(graph: PRODUCTS)
}

type Subscription @join__type(graph: REVIEWS) {
  reviewAdded(count: Int!): Review! @join__field(graph: REVIEWS)
}

type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  name: String! @join__field(graph: PRODUCTS)
  price: Int @join__field(graph: PRODUCTS)
  reviews: [Review!]! @join__field(graph: REVIEWS)
}

type Review @join__type(graph: REVIEWS) {
  id: ID!
  body: String!
  author: User!
}

type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  name: String @join__field(graph: ACCOUNTS)
}
"""
