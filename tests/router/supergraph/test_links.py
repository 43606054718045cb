"""`@link` renames: spec directives are found under the names the supergraph gives them."""

from __future__ import annotations

import graphql

from router.supergraph import load_supergraph

RENAMED = """
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", as: "j", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/inaccessible/v0.2", import: [{name: "@inaccessible", as: "@hidden"}])
{ query: Query }

directive @hidden on FIELD_DEFINITION | OBJECT
directive @j__field(graph: j__Graph, requires: j__FieldSet, provides: j__FieldSet, type: String,
  external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION
directive @j__graph(name: String!, url: String!) on ENUM_VALUE
directive @j__type(graph: j__Graph!, key: j__FieldSet, extension: Boolean! = false,
  resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable
  on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar j__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
enum j__Graph {
  A @j__graph(name: "a", url: "http://a")
  B @j__graph(name: "b", url: "http://b")
}
type Query @j__type(graph: A) @j__type(graph: B) {
  me: User @j__field(graph: A)
  debug: String @j__field(graph: B) @hidden
}
type User @j__type(graph: A, key: "id") @j__type(graph: B, key: "id") {
  id: ID!
  karma: Int @j__field(graph: B)
}
"""


def test_renamed_join_prefix_and_imported_inaccessible_alias() -> None:
    loaded = load_supergraph(RENAMED)
    assert loaded.subgraph_urls == {"a": "http://a", "b": "http://b"}
    assert [key.fields for key in loaded.types["User"].keys_in("b")] == ["id"]
    assert loaded.types["User"].fields["karma"].resolving_graphs() == ("b",)
    printed = graphql.print_schema(loaded.api_schema)
    assert "debug" not in printed
    assert "j__" not in printed
    assert "hidden" not in printed
