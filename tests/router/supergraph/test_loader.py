"""load_supergraph reads the join directives into the planner's model."""

from __future__ import annotations

import graphql

from router.supergraph import load_supergraph
from tests.router.composition.harness import supergraph as composed

from .sdl import supergraph

SDL = supergraph(
    """
type Query @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
  products: [Product!]! @join__field(graph: PRODUCTS)
  topReview: Review @join__field(graph: REVIEWS)
}

type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: PRODUCTS, key: "sku org { id }")
  @join__type(graph: REVIEWS, key: "id", resolvable: false) {
  id: ID!
  sku: String! @join__field(graph: PRODUCTS)
  org: Org! @join__field(graph: PRODUCTS)
  price: Int @join__field(graph: PRODUCTS, override: "reviews")
    @join__field(graph: REVIEWS, usedOverridden: true)
  weight: Int @join__field(graph: PRODUCTS, external: true) @join__field(graph: REVIEWS, type: "Int!")
  shipping: Int @join__field(graph: REVIEWS, requires: "weight")
}

type Org @join__type(graph: PRODUCTS) { id: ID! }

interface Node @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true) {
  id: ID!
}

type Review implements Node @join__type(graph: REVIEWS, key: "id")
  @join__implements(graph: REVIEWS, interface: "Node") {
  id: ID!
  product: Product @join__field(graph: REVIEWS, provides: "id")
}

union Item @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS)
  @join__unionMember(graph: PRODUCTS, member: "Product") @join__unionMember(graph: REVIEWS, member: "Review")
  = Product | Review

enum Color @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
  RED @join__enumValue(graph: PRODUCTS) @join__enumValue(graph: REVIEWS)
  BLUE @join__enumValue(graph: PRODUCTS)
}
""",
    "products",
    "reviews",
)


def test_subgraph_urls_use_join_graph_names() -> None:
    loaded = load_supergraph(SDL)
    assert loaded.subgraph_urls == {
        "products": "http://products/graphql",
        "reviews": "http://reviews/graphql",
    }
    assert loaded.sdl == SDL


def test_keys_per_subgraph_with_resolvability() -> None:
    product = load_supergraph(SDL).types["Product"]
    keys = [(k.fields, k.resolvable) for k in product.keys_in("products")]
    assert keys == [("id", True), ("sku org { id }", True)]
    assert [(k.fields, k.resolvable) for k in product.keys_in("reviews")] == [("id", False)]
    assert product.graphs["reviews"].resolvable_keys == ()


def test_field_owners_requires_override_and_external() -> None:
    fields = load_supergraph(SDL).types["Product"].fields
    # A field without @join__field belongs to every subgraph that defines the type.
    assert fields["id"].resolving_graphs() == ("products", "reviews")
    assert fields["price"].resolving_graphs() == ("products",)
    assert fields["price"].graphs["products"].override == "reviews"
    assert fields["weight"].resolving_graphs() == ("reviews",)
    assert fields["weight"].graphs["reviews"].type == "Int!"
    assert fields["shipping"].graphs["reviews"].requires == "weight"
    assert load_supergraph(SDL).types["Review"].fields["product"].graphs["reviews"].provides == "id"


def test_abstract_types_per_subgraph() -> None:
    loaded = load_supergraph(SDL)
    assert loaded.types["Item"].possible_types == {
        "products": frozenset({"Product"}),
        "reviews": frozenset({"Review"}),
    }
    assert loaded.types["Node"].possible_types == {"reviews": frozenset({"Review"})}
    assert loaded.types["Node"].is_interface_object_in("reviews")
    assert not loaded.types["Node"].is_interface_object_in("products")
    assert loaded.possible_types("Item") == {"Product", "Review"}


def test_enum_values_per_subgraph() -> None:
    color = load_supergraph(SDL).types["Color"]
    assert color.enum_values == {"products": frozenset({"RED", "BLUE"}), "reviews": frozenset({"RED"})}


def test_root_types() -> None:
    loaded = load_supergraph(SDL)
    assert (loaded.query_type, loaded.mutation_type, loaded.subscription_type) == ("Query", None, None)
    assert loaded.root_type("query") == "Query"


def test_supergraph_keys_caches_by_identity() -> None:
    first, second = load_supergraph(SDL), load_supergraph(SDL)
    cache = {first: "plans of the first load"}
    assert cache[first] == "plans of the first load"
    assert second not in cache


def test_contextual_arguments_and_the_variables_they_are_passed_in() -> None:
    imports = '"@key", "@context", "@fromContext"'
    fed = f'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [{imports}])\n'
    a = fed + 'type Query { a: Int } type U @key(fields: "id") { id: ID! }'
    b = (
        fed
        + """
type Query { t: T }
type T @key(fields: "id") @context(name: "ctx") {
  id: ID!
  name: String
  u: U
  f(b: String @fromContext(field: "$ctx { name }")): Int
}
type U @key(fields: "id") { id: ID! z(a: String @fromContext(field: "$ctx ... on T { name }")): Int }
"""
    )
    loaded = load_supergraph(composed(a=a, b=b))
    assert loaded.types["T"].contexts == frozenset({"b__ctx"})
    (f,) = loaded.types["T"].fields["f"].graphs["b"].context_arguments
    (z,) = loaded.types["U"].fields["z"].graphs["b"].context_arguments
    assert (f.context, f.name, f.type) == ("b__ctx", "b", "String")
    assert graphql.print_ast(f.selection) == "{\n  name\n}"
    assert graphql.print_ast(z.selection) == "{\n  ... on T {\n    name\n  }\n}"
    # Matches Apollo's query graph: b is the 2nd join__Graph value; `T.f(b:)` sorts before `U.z(a:)`.
    assert (f.variable, z.variable) == ("contextualArgument_2_0", "contextualArgument_2_1")
