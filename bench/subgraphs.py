"""The four benchmark subgraphs (accounts, inventory, products, reviews) in the shape and with the data of the
field's public benchmark (graphql-hive/graphql-gateways-benchmark): our own Strawberry code, in memory.

The nested query (`NESTED_QUERY`) crosses every subgraph several levels deep, including an `@requires` hop
(inventory's shipping estimate needs products' price and weight) and a `@provides` (a review's author's
username), and answers about 87 KB. Each subgraph can sit behind `AnswerCache`: the data never changes, so
identical requests get identical answers, and the router is what a benchmark measures, not Strawberry.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import strawberry
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache

_USERS = {
    "1": ("Uri Goldshtein", "urigo"),
    "2": ("Dotan Simha", "dotansimha"),
    "3": ("Kamil Kisiela", "kamilkisiela"),
    "4": ("Arda Tanrikulu", "ardatan"),
    "5": ("Gil Gardosh", "gilgardosh"),
    "6": ("Laurin Quast", "laurin"),
}
_BIRTHDAY = 1234567890
# upc → (name, price, weight, in stock)
_PRODUCTS = {
    "1": ("Table", 899, 100, True),
    "2": ("Couch", 1299, 1000, False),
    "3": ("Glass", 15, 20, False),
    "4": ("Chair", 499, 100, False),
    "5": ("TV", 1299, 1000, True),
    "6": ("Lamp", 6999, 300, True),
    "7": ("Grill", 3999, 2000, True),
    "8": ("Fridge", 100000, 6000, False),
    "9": ("Sofa", 9999, 800, True),
}
_LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris "
    "nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit"
    " esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt"
    " in culpa qui officia deserunt mollit anim id est laborum."
)
_SED_UT = (
    "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, "
    "totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae "
    "dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi"
)
_SED_QUIA = (
    "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro "
    "quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non "
    "numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem."
)
_UT_ENIM = (
    "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut "
    "aliquid ex ea commodi consequatur? Quis autem"
)
_AT_VERO = (
    "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum "
    "deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non "
    "provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum "
    "fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta "
    "nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, "
    "omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis "
    "debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non "
    "recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus "
    "maiores alias consequatur aut perferendis doloribus asperiores repellat."
)
# review id → (body, product upc)
_REVIEWS = {
    "1": (_LOREM, "1"),
    "2": (_SED_UT, "1"),
    "3": (_SED_QUIA, "1"),
    "4": (_UT_ENIM, "1"),
    "5": (_LOREM, "2"),
    "6": (_SED_UT, "2"),
    "7": (_SED_QUIA, "2"),
    "8": (_UT_ENIM, "2"),
    "9": (_UT_ENIM, "3"),
    "10": (_UT_ENIM, "4"),
    "11": (_AT_VERO, "4"),
}

NESTED_QUERY = """
fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}
"""


def _schema(**kwargs: Any) -> strawberry.federation.Schema:
    # Measured in DESIGN.md: the parser and validation caches lift a subgraph from ~500 to ~2,300 requests/s.
    return strawberry.federation.Schema(extensions=[ParserCache, ValidationCache], **kwargs)


Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class AnswerCache:
    """Replays the answer to a POST body seen before (the data never changes), so the subgraphs cost little
    next to the router under test; at most `size` answers are kept, the least recently used go first."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], size: int = 4096) -> None:
        self.app = app
        self.size = size
        self.answers: OrderedDict[bytes, list[MutableMapping[str, Any]]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if (answer := self.answers.get(body)) is not None:
            self.answers.move_to_end(body)
            for message in answer:
                await send(message)
            return
        sent: list[MutableMapping[str, Any]] = []

        async def replay() -> MutableMapping[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def keep(message: MutableMapping[str, Any]) -> None:
            sent.append(message)
            await send(message)

        await self.app(scope, replay, keep)
        if sent and sent[0].get("status") == 200:
            self.answers[body] = sent
            if len(self.answers) > self.size:
                self.answers.popitem(last=False)


def _app(schema: strawberry.federation.Schema) -> AnswerCache:
    return AnswerCache(GraphQL(schema, graphql_ide=None))


# accounts


@strawberry.federation.type(keys=["id"])
class User:
    id: strawberry.ID
    name: str | None
    username: str | None
    birthday: int | None

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        name, username = _USERS[str(id)]
        return cls(id=id, name=name, username=username, birthday=_BIRTHDAY)


@strawberry.type
class AccountsQuery:
    @strawberry.field
    def me(self) -> User | None:
        return User.resolve_reference(strawberry.ID("1"))

    @strawberry.field
    def user(self, id: strawberry.ID) -> User | None:
        return User.resolve_reference(id) if str(id) in _USERS else None

    @strawberry.field
    def users(self) -> list[User | None] | None:
        return [User.resolve_reference(strawberry.ID(key)) for key in _USERS]


def accounts_app() -> AnswerCache:
    return _app(_schema(query=AccountsQuery, types=[User]))


# products


@strawberry.federation.type(keys=["upc"])
class Product:
    upc: str
    name: str | None
    price: int | None
    weight: int | None

    @classmethod
    def resolve_reference(cls, upc: str) -> Product:
        name, price, weight, _ = _PRODUCTS[upc]
        return cls(upc=upc, name=name, price=price, weight=weight)


@strawberry.type
class ProductsQuery:
    @strawberry.field
    def top_products(self, first: int | None = 5) -> list[Product | None] | None:
        return [
            Product.resolve_reference(upc) for upc in list(_PRODUCTS)[: first if first is not None else 5]
        ]


def products_app() -> AnswerCache:
    return _app(_schema(query=ProductsQuery, types=[Product]))


# inventory


@strawberry.federation.type(keys=["upc"], name="Product", extend=True)
class InventoryProduct:
    upc: str = strawberry.federation.field(external=True)
    weight: int | None = strawberry.federation.field(external=True, default=None)
    price: int | None = strawberry.federation.field(external=True, default=None)

    @strawberry.field
    def in_stock(self) -> bool | None:
        return _PRODUCTS[self.upc][3]

    @strawberry.federation.field(requires=["price", "weight"])
    def shipping_estimate(self) -> int | None:
        # The public benchmark's rule: free above 1,000, else half the weight.
        if self.price is None:
            return None
        if self.price > 1000:
            return 0
        return self.weight // 2 if self.weight is not None else None

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


def inventory_app() -> AnswerCache:
    return _app(_schema(query=InventoryQuery, types=[InventoryProduct]))


# reviews


@strawberry.federation.type(keys=["upc"], name="Product", extend=True)
class ReviewedProduct:
    upc: str = strawberry.federation.field(external=True)

    @strawberry.field
    def reviews(self) -> list[Review | None] | None:
        return [
            Review.resolve_reference(strawberry.ID(key))
            for key, (_, upc) in _REVIEWS.items()
            if upc == self.upc
        ]

    @classmethod
    def resolve_reference(cls, upc: str) -> ReviewedProduct:
        return cls(upc=upc)


@strawberry.federation.type(keys=["id"], name="User", extend=True)
class ReviewAuthor:
    id: strawberry.ID = strawberry.federation.field(external=True)
    username: str | None = strawberry.federation.field(external=True)

    @strawberry.field
    def reviews(self) -> list[Review | None] | None:
        # As in the public benchmark: every author has the first two reviews.
        return [Review.resolve_reference(strawberry.ID(key)) for key in ("1", "2")]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> ReviewAuthor:
        return cls(id=id, username="user")


@strawberry.federation.type(keys=["id"])
class Review:
    id: strawberry.ID
    body: str | None
    product: ReviewedProduct | None

    @strawberry.federation.field(provides=["username"])
    def author(self) -> ReviewAuthor | None:
        return ReviewAuthor(id=strawberry.ID("1"), username="urigo")

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Review:
        body, upc = _REVIEWS[str(id)]
        return cls(id=id, body=body, product=ReviewedProduct(upc=upc))


@strawberry.type
class ReviewsQuery:
    @strawberry.field
    def review_count(self) -> int:
        return len(_REVIEWS)


def reviews_app() -> AnswerCache:
    return _app(_schema(query=ReviewsQuery, types=[ReviewedProduct, ReviewAuthor, Review]))


APPS = {
    "accounts": "bench.subgraphs:accounts_app",
    "inventory": "bench.subgraphs:inventory_app",
    "products": "bench.subgraphs:products_app",
    "reviews": "bench.subgraphs:reviews_app",
}


def supergraph_sdl(ports: dict[str, int]) -> str:
    """The supergraph of the four subgraphs listening on loopback at `ports` (the public benchmark's, with
    our subgraphs' extra root fields)."""
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
%GRAPHS%
}

type Query
  @join__type(graph: ACCOUNTS) @join__type(graph: INVENTORY) @join__type(graph: PRODUCTS)
  @join__type(graph: REVIEWS)
{
  me: User @join__field(graph: ACCOUNTS)
  user(id: ID!): User @join__field(graph: ACCOUNTS)
  users: [User] @join__field(graph: ACCOUNTS)
  inventorySize: Int! @join__field(graph: INVENTORY)
  topProducts(first: Int = 5): [Product] @join__field(graph: PRODUCTS)
  reviewCount: Int! @join__field(graph: REVIEWS)
}

type Product
  @join__type(graph: INVENTORY, key: "upc") @join__type(graph: PRODUCTS, key: "upc")
  @join__type(graph: REVIEWS, key: "upc")
{
  upc: String!
  weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
  price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
  inStock: Boolean @join__field(graph: INVENTORY)
  shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
  name: String @join__field(graph: PRODUCTS)
  reviews: [Review] @join__field(graph: REVIEWS)
}

type Review @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  body: String
  product: Product
  author: User @join__field(graph: REVIEWS, provides: "username")
}

type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
  id: ID!
  name: String @join__field(graph: ACCOUNTS)
  username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
  birthday: Int @join__field(graph: ACCOUNTS)
  reviews: [Review] @join__field(graph: REVIEWS)
}
"""
