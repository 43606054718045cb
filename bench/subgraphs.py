"""The four benchmark subgraphs (accounts, inventory, products, reviews): in-memory Strawberry apps.

They are the classic federation demo shape, so the nested query crosses every subgraph, including an
`@requires` hop (inventory's shipping estimate needs products' price and weight).
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache

_PRODUCTS = {f"p{i}": (f"Product {i}", 10 * i + 9, i % 7 + 1) for i in range(1, 11)}
_USERS = {f"u{i}": (f"User {i}", f"user{i}") for i in range(1, 6)}


def _schema(**kwargs: Any) -> strawberry.federation.Schema:
    # Measured in DESIGN.md: the parser and validation caches lift a subgraph from ~500 to ~2,300 requests/s.
    return strawberry.federation.Schema(extensions=[ParserCache, ValidationCache], **kwargs)


@strawberry.federation.type(keys=["upc"])
class Product:
    upc: str
    name: str
    price: int
    weight: int

    @classmethod
    def resolve_reference(cls, upc: str) -> Product:
        name, price, weight = _PRODUCTS[upc]
        return cls(upc=upc, name=name, price=price, weight=weight)


@strawberry.type
class ProductsQuery:
    @strawberry.field
    def top_products(self, first: int = 5) -> list[Product]:
        return [Product.resolve_reference(upc) for upc in list(_PRODUCTS)[:first]]


def products_app() -> GraphQL[Any, Any]:
    return GraphQL(_schema(query=ProductsQuery, types=[Product]), graphql_ide=None)


@strawberry.federation.type(keys=["upc"], name="Product")
class InventoryProduct:
    upc: str
    price: int | None = strawberry.federation.field(external=True, default=None)
    weight: int | None = strawberry.federation.field(external=True, default=None)

    @strawberry.field
    def in_stock(self) -> bool:
        return int(self.upc[1:]) % 3 != 0

    @strawberry.federation.field(requires=["price", "weight"])
    def shipping_estimate(self) -> int:
        # Free above 50; otherwise half the weight (the reference demo's rule).
        return 0 if (self.price or 0) > 50 else (self.weight or 0) // 2

    @classmethod
    def resolve_reference(
        cls, upc: str, price: int | None = None, weight: int | None = None
    ) -> InventoryProduct:
        return cls(upc=upc, price=price, weight=weight)


@strawberry.type
class InventoryQuery:
    @strawberry.field
    def inventory_size(self) -> int:
        return len(_PRODUCTS)


def inventory_app() -> GraphQL[Any, Any]:
    return GraphQL(_schema(query=InventoryQuery, types=[InventoryProduct]), graphql_ide=None)


@strawberry.federation.type(keys=["id"], name="User")
class Author:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Author:
        return cls(id=id)


@strawberry.type
class Review:
    id: strawberry.ID
    body: str
    author: Author


@strawberry.federation.type(keys=["upc"], name="Product")
class ReviewedProduct:
    upc: str

    @strawberry.field
    def reviews(self) -> list[Review]:
        number = int(self.upc[1:])
        return [
            Review(
                id=strawberry.ID(f"{self.upc}-r{k}"),
                body=f"Review {k} of {self.upc}",
                author=Author(id=strawberry.ID(f"u{(number + k) % len(_USERS) + 1}")),
            )
            for k in range(3)
        ]

    @classmethod
    def resolve_reference(cls, upc: str) -> ReviewedProduct:
        return cls(upc=upc)


@strawberry.type
class ReviewsQuery:
    @strawberry.field
    def review_count(self) -> int:
        return 3 * len(_PRODUCTS)


def reviews_app() -> GraphQL[Any, Any]:
    return GraphQL(_schema(query=ReviewsQuery, types=[ReviewedProduct, Author]), graphql_ide=None)


@strawberry.federation.type(keys=["id"])
class User:
    id: strawberry.ID
    name: str
    username: str

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        name, username = _USERS[str(id)]
        return cls(id=id, name=name, username=username)


@strawberry.type
class AccountsQuery:
    @strawberry.field
    def me(self) -> User:
        return User.resolve_reference(strawberry.ID("u1"))


def accounts_app() -> GraphQL[Any, Any]:
    return GraphQL(_schema(query=AccountsQuery, types=[User]), graphql_ide=None)


APPS = {
    "accounts": "bench.subgraphs:accounts_app",
    "inventory": "bench.subgraphs:inventory_app",
    "products": "bench.subgraphs:products_app",
    "reviews": "bench.subgraphs:reviews_app",
}


def supergraph_sdl(ports: dict[str, int]) -> str:
    """The supergraph of the four subgraphs listening on loopback at `ports`."""
    graphs = "\n".join(
        f'  {name.upper()} @join__graph(name: "{name}", url: "http://127.0.0.1:{port}/graphql")'
        for name, port in sorted(ports.items())
    )
    return _SUPERGRAPH.replace("%GRAPHS%", graphs)


_SUPERGRAPH = """
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{
  query: Query
}

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
%GRAPHS%
}

type Query
  @join__type(graph: ACCOUNTS) @join__type(graph: INVENTORY) @join__type(graph: PRODUCTS)
  @join__type(graph: REVIEWS)
{
  me: User! @join__field(graph: ACCOUNTS)
  inventorySize: Int! @join__field(graph: INVENTORY)
  topProducts(first: Int! = 5): [Product!]! @join__field(graph: PRODUCTS)
  reviewCount: Int! @join__field(graph: REVIEWS)
}

type Product
  @join__type(graph: INVENTORY, key: "upc") @join__type(graph: PRODUCTS, key: "upc")
  @join__type(graph: REVIEWS, key: "upc")
{
  upc: String!
  name: String! @join__field(graph: PRODUCTS)
  price: Int! @join__field(graph: PRODUCTS) @join__field(graph: INVENTORY, external: true)
  weight: Int! @join__field(graph: PRODUCTS) @join__field(graph: INVENTORY, external: true)
  inStock: Boolean! @join__field(graph: INVENTORY)
  shippingEstimate: Int! @join__field(graph: INVENTORY, requires: "price weight")
  reviews: [Review!]! @join__field(graph: REVIEWS)
}

type Review @join__type(graph: REVIEWS) {
  id: ID!
  body: String!
  author: User!
}

type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  name: String! @join__field(graph: ACCOUNTS)
  username: String! @join__field(graph: ACCOUNTS)
}
"""
