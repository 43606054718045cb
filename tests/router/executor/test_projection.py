"""Projection: merged data shaped to exactly the client's selection, with spec null propagation
(https://spec.graphql.org/October2021/#sec-Handling-Field-Errors)."""

from __future__ import annotations

from typing import Any

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse

from router.executor.projection import Projector
from router.supergraph import load_supergraph

SCHEMA_SDL = """
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{ query: Query }
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
enum join__Graph { A @join__graph(name: "a", url: "http://a/graphql") }

type Query @join__type(graph: A) {
  user: User
  users: [User!]
  strict: User!
  search: [Result!]!
  node: Node
}
interface Node @join__type(graph: A) { id: ID! }
type User implements Node @join__type(graph: A) @join__implements(graph: A, interface: "Node") {
  id: ID!
  name: String!
  nickname: String
  role: Role
}
type Team implements Node @join__type(graph: A) @join__implements(graph: A, interface: "Node") {
  id: ID!
  title: String
}
union Result @join__type(graph: A) @join__unionMember(graph: A, member: "User")
  @join__unionMember(graph: A, member: "Team") = User | Team
enum Role @join__type(graph: A) { ADMIN MEMBER }
"""

SCHEMA = load_supergraph(SCHEMA_SDL).api_schema


def project(
    query: str, data: dict[str, Any], variables: dict[str, Any] | None = None
) -> tuple[Any, list[dict[str, Any]]]:
    document = parse(query)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    projector = Projector(schema=SCHEMA, fragments=fragments, variables=variables or {})
    root = SCHEMA.query_type
    assert root is not None
    return projector.project_root(root, operation.selection_set, data), projector.errors


def test_only_selected_keys_come_out_in_client_order() -> None:
    data = {"user": {"__typename": "User", "id": "1", "name": "Ada", "extra": "planner key"}}
    result, errors = project("{ user { name id } }", data)
    assert result == {"user": {"name": "Ada", "id": "1"}}
    assert list(result["user"]) == ["name", "id"]
    assert errors == []


def test_aliases_read_their_response_keys() -> None:
    data = {"first": {"__typename": "User", "name": "Ada"}, "user": {"__typename": "User", "name": "Bob"}}
    result, _ = project("{ first: user { n: name } user { name } }", {**data, "first": {"n": "Ada"}})
    assert result == {"first": {"n": "Ada"}, "user": {"name": "Bob"}}


def test_typename_and_fragments_on_abstract_types_use_the_merged_typename() -> None:
    data = {
        "search": [
            {"__typename": "User", "id": "1", "name": "Ada"},
            {"__typename": "Team", "id": "t", "title": "Core"},
        ]
    }
    query = """
      { search { __typename ... on User { name } ...T } }
      fragment T on Team { title }
    """
    result, errors = project(query, data)
    assert result == {
        "search": [{"__typename": "User", "name": "Ada"}, {"__typename": "Team", "title": "Core"}]
    }
    assert errors == []


def test_fragment_on_an_interface_applies_to_each_implementation() -> None:
    data = {"node": {"__typename": "Team", "id": "t", "title": "Core"}}
    result, _ = project("{ node { ... on Node { id } ... on User { name } } }", data)
    assert result == {"node": {"id": "t"}}


def test_null_in_non_null_field_bubbles_to_nearest_nullable_parent() -> None:
    result, errors = project(
        "{ user { id name } }", {"user": {"__typename": "User", "id": "1", "name": None}}
    )
    assert result == {"user": None}
    assert errors[0]["path"] == ["user", "name"]


def test_null_in_non_null_list_item_nulls_the_nullable_list() -> None:
    data = {"users": [{"id": "1", "name": "Ada"}, {"id": "2", "name": None}]}
    result, errors = project("{ users { id name } }", data)
    assert result == {"users": None}
    assert [e["path"] for e in errors] == [["users", 1, "name"]]


def test_null_reaching_a_non_null_root_field_nulls_data() -> None:
    result, _ = project("{ strict { name } user { id } }", {"strict": None, "user": None})
    assert result is None


def test_no_second_error_where_a_subgraph_error_already_explains_the_null() -> None:
    document = parse("{ user { name } }")
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    projector = Projector(schema=SCHEMA, fragments={}, variables={}, error_paths={("user",)})
    assert SCHEMA.query_type is not None
    result = projector.project_root(SCHEMA.query_type, operation.selection_set, {"user": {"name": None}})
    assert result == {"user": None}
    assert projector.errors == []


def test_skip_and_include_follow_variables() -> None:
    data = {"user": {"id": "1", "name": "Ada", "nickname": "A"}}
    query = "query($s: Boolean!, $i: Boolean!) { user { id @skip(if: $s) name @include(if: $i) nickname } }"
    result, _ = project(query, data, {"s": True, "i": False})
    assert result == {"user": {"nickname": "A"}}
    result, _ = project(query, data, {"s": False, "i": True})
    assert result == {"user": {"id": "1", "name": "Ada", "nickname": "A"}}


def test_enum_value_unknown_to_the_api_schema_is_an_error_and_null() -> None:
    result, errors = project("{ user { role } }", {"user": {"role": "SECRET"}})
    assert result == {"user": {"role": None}}
    assert errors[0]["path"] == ["user", "role"]


def test_missing_nullable_field_completes_to_null() -> None:
    result, errors = project("{ user { nickname } }", {"user": {}})
    assert result == {"user": {"nickname": None}}
    assert errors == []


def test_interface_object_answer_without_a_concrete_typename_projects_the_interface_fields() -> None:
    # An @interfaceObject subgraph says `__typename: "Node"`; the client asked only for interface fields.
    result, errors = project("{ node { id } }", {"node": {"__typename": "Node", "id": "n1"}})
    assert result == {"node": {"id": "n1"}}
    assert errors == []


def test_object_of_a_type_the_api_schema_hides_completes_to_null() -> None:
    result, _ = project("{ node { id } }", {"node": {"__typename": "Secret", "id": "n1"}})
    assert result == {"node": None}


def test_field_plans_shared_across_requests_still_follow_each_requests_variables() -> None:
    # One operation's plans are kept with it (PreparedOperation.field_plans); a selection whose fields an
    # @include reads a variable for is planned per request, so the second request does not reuse the first's.
    document = parse("query($withName: Boolean!) { users { id name @include(if: $withName) } user { id } }")
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    root = SCHEMA.query_type
    assert root is not None
    data = {
        "users": [{"__typename": "User", "id": "1", "name": "Ada"}],
        "user": {"__typename": "User", "id": "2"},
    }
    plans: dict[Any, Any] = {}
    answers = []
    for with_name in (True, False, True):
        projector = Projector(schema=SCHEMA, fragments={}, variables={"withName": with_name}, plans=plans)
        answers.append(projector.project_root(root, operation.selection_set, data))
    assert answers == [
        {"users": [{"id": "1", "name": "Ada"}], "user": {"id": "2"}},
        {"users": [{"id": "1"}], "user": {"id": "2"}},
        {"users": [{"id": "1", "name": "Ada"}], "user": {"id": "2"}},
    ]
    # The root selection and `user { id }` read no variable: planned once, for every request.
    assert len(plans) == 2
