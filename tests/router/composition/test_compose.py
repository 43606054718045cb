"""compose(): exact supergraph SDL for small cases, determinism and Fed 1 input."""

from __future__ import annotations

import graphql

from router.composition import SubgraphSource, compose
from tests.router.composition.harness import fed2, supergraph, type_block

USERS = fed2("""
type Query { me: User }
type User @key(fields: "id") { id: ID! name: String }
""")
REVIEWS = fed2("""
type User @key(fields: "id") { id: ID! reviews: [Review!]! }
type Review { body: String! }
""")

EXPECTED = '''schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{
  query: Query
}

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, \
external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | \
INPUT_FIELD_DEFINITION

directive @join__graph(name: String!, url: String!) on ENUM_VALUE

directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: \
Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | \
INPUT_OBJECT | SCALAR

directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__FieldSet

enum join__Graph {
  REVIEWS @join__graph(name: "reviews", url: "http://reviews")
  USERS @join__graph(name: "users", url: "http://users")
}

scalar link__Import

enum link__Purpose {
  """
  `SECURITY` features provide metadata necessary to securely resolve fields.
  """
  SECURITY

  """
  `EXECUTION` features provide metadata necessary for operation execution.
  """
  EXECUTION
}

type Query
  @join__type(graph: REVIEWS)
  @join__type(graph: USERS)
{
  me: User @join__field(graph: USERS)
}

type Review
  @join__type(graph: REVIEWS)
{
  body: String!
}

type User
  @join__type(graph: REVIEWS, key: "id")
  @join__type(graph: USERS, key: "id")
{
  id: ID!
  reviews: [Review!]! @join__field(graph: REVIEWS)
  name: String @join__field(graph: USERS)
}'''


def test_two_subgraphs_compose_to_the_exact_supergraph() -> None:
    assert supergraph(users=USERS, reviews=REVIEWS) == EXPECTED


def test_output_is_independent_of_input_order() -> None:
    assert supergraph(reviews=REVIEWS, users=USERS) == supergraph(users=USERS, reviews=REVIEWS)


def test_supergraph_builds_as_a_graphql_schema() -> None:
    schema = graphql.build_ast_schema(graphql.parse(supergraph(users=USERS, reviews=REVIEWS)))
    assert set(schema.get_type("User").fields) == {"id", "name", "reviews"}  # type: ignore[union-attr]


def test_fed1_extend_type_composes_with_external_key() -> None:
    products = 'type Query { top: Product } type Product @key(fields: "upc") { upc: String! name: String }'
    reviews = 'extend type Product @key(fields: "upc") { upc: String! @external rating: Int }'
    sdl = supergraph(products=products, reviews=reviews)
    block = type_block(sdl, "type Product")
    assert '@join__type(graph: REVIEWS, key: "upc")' in block
    assert "  upc: String!\n" in block  # the @external key of an extension is resolvable there
    assert "rating: Int @join__field(graph: REVIEWS)" in block


def test_fed1_value_types_are_implicitly_shareable() -> None:
    a = "type Query { a: Point } type Point { x: Int }"
    b = "type Query { b: Point } type Point { x: Int }"
    assert "  x: Int\n" in type_block(supergraph(a=a, b=b), "type Point")


def test_invalid_sdl_is_reported_not_raised() -> None:
    result = compose([SubgraphSource("broken", "http://broken", "type Query {")])
    assert result.supergraph_sdl is None
    assert [e.code for e in result.errors] == ["INVALID_GRAPHQL"]
    assert result.errors[0].subgraphs == ("broken",)
