"""Merging rules: enums, inputs, field and argument types, override, access control, interface objects."""

from __future__ import annotations

from tests.router.composition.harness import compose_sdls, fed2, supergraph, type_block


def test_output_enum_takes_the_union_of_values() -> None:
    a = fed2("type Query { a: Color } enum Color { RED GREEN }")
    b = fed2("type Query { b: Color } enum Color { RED BLUE }")
    block = type_block(supergraph(a=a, b=b), "enum Color")
    assert "  RED @join__enumValue(graph: A) @join__enumValue(graph: B)\n" in block
    assert "  GREEN @join__enumValue(graph: A)\n" in block
    assert "  BLUE @join__enumValue(graph: B)\n" in block


def test_input_enum_takes_the_intersection_of_values() -> None:
    a = fed2("type Query { a(c: Color): Int } enum Color { RED GREEN }")
    b = fed2("type Query { b(c: Color): Int } enum Color { RED BLUE }")
    block = type_block(supergraph(a=a, b=b), "enum Color")
    assert "RED" in block
    assert "GREEN" not in block and "BLUE" not in block


def test_input_object_takes_the_intersection_of_fields() -> None:
    a = fed2("type Query { a(f: Filter): Int } input Filter { q: String tag: String }")
    b = fed2("type Query { b(f: Filter): Int } input Filter { q: String! }")
    block = type_block(supergraph(a=a, b=b), "input Filter")
    # Input positions take the most specific type: String! wins, and each subgraph's own type is recorded.
    assert (
        '  q: String! @join__field(graph: A, type: "String") @join__field(graph: B, type: "String!")' in block
    )
    assert "tag" not in block


def test_output_field_takes_the_most_general_type() -> None:
    a = fed2("type Query { a: T } type T @shareable { v: Int! }", '"@shareable"')
    b = fed2("type Query { b: T } type T @shareable { v: Int }", '"@shareable"')
    block = type_block(supergraph(a=a, b=b), "type T")
    assert '  v: Int @join__field(graph: A, type: "Int!") @join__field(graph: B, type: "Int")' in block


def test_output_field_may_return_an_implementation_in_one_subgraph() -> None:
    a = fed2(
        "type Query { a: Node @shareable } interface Node { id: ID! } "
        "type Book implements Node { id: ID! @shareable }",
        '"@shareable"',
    )
    b = fed2("type Query { a: Book @shareable } type Book { id: ID! @shareable }", '"@shareable"')
    sdl = supergraph(a=a, b=b)
    assert '  a: Node @join__field(graph: A, type: "Node") @join__field(graph: B, type: "Book")' in sdl


def test_arguments_are_intersected() -> None:
    a = fed2("type Query { a: T } type T @shareable { v(x: Int, y: Int): Int }", '"@shareable"')
    b = fed2("type Query { b: T } type T @shareable { v(x: Int): Int }", '"@shareable"')
    assert "  v(x: Int): Int\n" in type_block(supergraph(a=a, b=b), "type T")


def test_override_removes_the_unused_source_join() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String }')
    b = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "a") }')
    assert '  name: String @join__field(graph: B, override: "a")\n' in supergraph(a=a, b=b)


def test_override_keeps_a_source_that_still_uses_the_field() -> None:
    # A still selects `name` in its key, so its join stays, marked usedOverridden (Matches Apollo).
    a = fed2('type Query { u: U } type U @key(fields: "id name") { id: ID! name: String }')
    b = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "a") }')
    block = type_block(supergraph(a=a, b=b), "type U")
    assert (
        '  name: String @join__field(graph: A, usedOverridden: true) @join__field(graph: B, override: "a")'
        in (block)
    )


def test_external_field_keeps_its_external_join() -> None:
    a = fed2(
        'type Query { u: U } type U @key(fields: "id") '
        '{ id: ID! name: String @external extra: Int @requires(fields: "name") }'
    )
    b = fed2('type U @key(fields: "id") { id: ID! name: String }')
    block = type_block(supergraph(a=a, b=b), "type U")
    assert "  name: String @join__field(graph: A, external: true) @join__field(graph: B)\n" in block
    assert '  extra: Int @join__field(graph: A, requires: "name")' in block


def test_overridden_interface_field_is_used_overridden() -> None:
    a = fed2(
        'interface P { at: String } type I implements P @key(fields: "id") { id: ID! at: String } '
        "type Query { feed: [P] }"
    )
    b = fed2('type I @key(fields: "id") { id: ID! at: String @override(from: "a") }')
    sdl = supergraph(a=a, b=b)
    assert (
        '  at: String @join__field(graph: A, usedOverridden: true) @join__field(graph: B, override: "a")'
        in sdl
    )


def test_override_from_unknown_subgraph_is_ignored_with_a_hint() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! at: String @override(from: "zz") }')
    result = compose_sdls(a=a)
    assert result.supergraph_sdl is not None
    assert "  at: String\n" in result.supergraph_sdl
    assert [h.code for h in result.hints] == ["FROM_SUBGRAPH_DOES_NOT_EXIST"]


def test_inaccessible_and_tag_propagate_with_their_links() -> None:
    a = fed2('type Query { a: Int @tag(name: "public") secret: Int @inaccessible }')
    sdl = supergraph(a=a)
    assert '@link(url: "https://specs.apollo.dev/tag/v0.3")' in sdl
    assert '@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)' in sdl
    assert "directive @inaccessible on FIELD_DEFINITION" in sdl
    assert "directive @tag(name: String!) repeatable on" in sdl
    assert '  a: Int @tag(name: "public")\n' in sdl
    assert "  secret: Int @inaccessible\n" in sdl


def test_interface_object_fields_reach_the_implementations() -> None:
    a = fed2(
        'interface Account @key(fields: "id") { id: ID! } type Admin implements Account @key(fields: "id") '
        "{ id: ID! } type Query { admins: [Admin] }"
    )
    b = fed2(
        'type Account @key(fields: "id") @interfaceObject { id: ID! active: Boolean } type Query { x: Int }'
    )
    sdl = supergraph(a=a, b=b)
    interface = type_block(sdl, "interface Account")
    assert '@join__type(graph: B, key: "id", isInterfaceObject: true)' in interface
    assert "  active: Boolean @join__field(graph: B)" in interface
    assert "  active: Boolean @join__field\n" in type_block(sdl, "type Admin implements Account")


def test_union_members_are_merged_with_their_graphs() -> None:
    a = fed2("type Query { a: R } union R = X type X { x: Int }")
    b = fed2("type Query { b: R } union R = Y type Y { y: Int }")
    block = type_block(supergraph(a=a, b=b), "union R").split("\n = ")[0]
    assert '@join__unionMember(graph: A, member: "X")' in block
    assert '@join__unionMember(graph: B, member: "Y")' in block
    assert "union R" in supergraph(a=a, b=b) and "\n = X | Y" in supergraph(a=a, b=b)


def test_compose_directive_keeps_the_custom_directive() -> None:
    a = (
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", '
        'import: ["@composeDirective"])\n'
        '  @link(url: "https://example.dev/cache/v1.0", import: ["@cache"]) '
        '@composeDirective(name: "@cache")\n'
        "directive @cache(ttl: Int) on FIELD_DEFINITION\n"
        "type Query { a: Int @cache(ttl: 5) }"
    )
    sdl = supergraph(a=a)
    assert '@link(url: "https://example.dev/cache/v1.0", import: ["@cache"])' in sdl
    assert "directive @cache(ttl: Int) on FIELD_DEFINITION" in sdl
    assert "  a: Int @cache(ttl: 5)\n" in sdl


def test_descriptions_are_kept() -> None:
    a = fed2('"""A user."""\ntype Query { "the answer" a: Int }')
    sdl = supergraph(a=a)
    assert '"""A user."""\ntype Query' in sdl
    assert '  """the answer"""\n  a: Int' in sdl
