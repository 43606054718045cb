"""The API schema drops join/link machinery and hides `@inaccessible` elements."""

from __future__ import annotations

import graphql

from router.supergraph import load_supergraph

from .sdl import supergraph

SDL = supergraph(
    """
type Query @join__type(graph: A) {
  users(filter: Filter, debug: Boolean @inaccessible): [User!]!
  secret: Secret @inaccessible
}

type User @join__type(graph: A, key: "id") {
  id: ID!
  name: String @deprecated(reason: "use fullName")
  passwordHash: String @inaccessible
  role: Role
}

type Secret @join__type(graph: A) @inaccessible { value: String }

enum Role @join__type(graph: A) { ADMIN MEMBER INTERNAL @inaccessible }

input Filter @join__type(graph: A) { name: String internalFlag: Boolean @inaccessible }

directive @cacheHint(maxAge: Int) on FIELD
""",
    "a",
)


def test_join_and_link_machinery_removed() -> None:
    printed = graphql.print_schema(load_supergraph(SDL).api_schema)
    assert "join__" not in printed
    assert "link" not in printed
    assert "inaccessible" not in printed


def test_inaccessible_elements_hidden() -> None:
    schema = load_supergraph(SDL).api_schema
    assert schema.get_type("Secret") is None
    query = schema.query_type
    assert query is not None
    assert set(query.fields) == {"users"}
    assert set(query.fields["users"].args) == {"filter"}
    user = schema.get_type("User")
    assert isinstance(user, graphql.GraphQLObjectType)
    assert set(user.fields) == {"id", "name", "role"}
    assert user.fields["name"].deprecation_reason == "use fullName"
    role = schema.get_type("Role")
    assert isinstance(role, graphql.GraphQLEnumType)
    assert set(role.values) == {"ADMIN", "MEMBER"}
    filter_type = schema.get_type("Filter")
    assert isinstance(filter_type, graphql.GraphQLInputObjectType)
    assert set(filter_type.fields) == {"name"}


def test_executable_directives_kept_and_queries_validate() -> None:
    schema = load_supergraph(SDL).api_schema
    assert schema.get_directive("cacheHint") is not None
    document = graphql.parse('{ users(filter: {name: "x"}) { id name role } }')
    assert graphql.validate(schema, document) == []
    hidden = graphql.parse("{ users { passwordHash } }")
    assert graphql.validate(schema, hidden) != []


def test_fed1_supergraph_with_owner() -> None:
    sdl = """
schema @core(feature: "https://specs.apollo.dev/core/v0.2")
  @core(feature: "https://specs.apollo.dev/join/v0.1", for: EXECUTION) { query: Query }
directive @core(feature: String!, as: String, for: core__Purpose) repeatable on SCHEMA
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet)
  on FIELD_DEFINITION
directive @join__type(graph: join__Graph!, key: join__FieldSet) repeatable on OBJECT | INTERFACE
directive @join__owner(graph: join__Graph!) on OBJECT | INTERFACE
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
enum core__Purpose { EXECUTION SECURITY }
scalar join__FieldSet
enum join__Graph {
  ACCOUNTS @join__graph(name: "accounts" url: "http://accounts")
  REVIEWS @join__graph(name: "reviews" url: "http://reviews")
}
type Query { me: User @join__field(graph: ACCOUNTS) }
type User @join__owner(graph: ACCOUNTS) @join__type(graph: ACCOUNTS, key: "id")
  @join__type(graph: REVIEWS, key: "id") {
  id: ID! @join__field(graph: ACCOUNTS)
  name: String @join__field(graph: ACCOUNTS)
  reviews: [String] @join__field(graph: REVIEWS)
  nickname: String
}
"""
    loaded = load_supergraph(sdl)
    assert loaded.subgraph_urls == {"accounts": "http://accounts", "reviews": "http://reviews"}
    user = loaded.types["User"]
    assert user.fields["reviews"].resolving_graphs() == ("reviews",)
    # Fed 1: a field without @join__field belongs to the type's owner.
    assert user.fields["nickname"].resolving_graphs() == ("accounts",)
    assert loaded.types["Query"].fields["me"].resolving_graphs() == ("accounts",)
    assert "core" not in graphql.print_schema(loaded.api_schema)


def test_introspection_serves_the_released_specifications_built_in_directives() -> None:
    # graphql-core 3.3 puts `@deprecated` on DIRECTIVE_DEFINITION too (a working-draft location): a client
    # on a released implementation could not rebuild the schema from introspection.
    schema = load_supergraph(SDL).api_schema
    # graphql-core executes a schema declaring `@defer`/`@stream` only through its incremental entry point.
    query = graphql.parse(graphql.get_introspection_query())
    result = graphql.experimental_execute_incrementally(schema, query)
    assert isinstance(result, graphql.ExecutionResult)
    assert result.errors is None and result.data is not None
    directives = {d["name"]: d["locations"] for d in result.data["__schema"]["directives"]}
    assert directives["deprecated"] == [
        "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION",
        "INPUT_FIELD_DEFINITION",
        "ENUM_VALUE",
    ]
    assert set(directives) == {
        "include",
        "skip",
        "deprecated",
        "specifiedBy",
        "oneOf",
        "cacheHint",
        "defer",
        "stream",
    }
    client = graphql.build_client_schema(result.data)  # type: ignore[arg-type]
    user = client.get_type("User")
    assert isinstance(user, graphql.GraphQLObjectType)
    assert user.fields["name"].deprecation_reason == "use fullName"
