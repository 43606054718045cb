"""Progressive @override in the supergraph: `overrideLabel` on both joins, the source kept, join v0.4."""

from __future__ import annotations

from tests.router.composition.harness import compose_sdls, error_codes, fed2, supergraph, type_block

SUBGRAPH1 = fed2("""
type Query { t: T }
type T @key(fields: "k") { k: ID a: Int @override(from: "Subgraph2", label: "foo") }
""")
SUBGRAPH2 = fed2('type T @key(fields: "k") { k: ID a: Int b: Int }')

# Apollo's "captures override labels in supergraph" (composition-js override.compose.test.ts), whose snapshot
# differs only in the join version: Apollo composes its latest (v0.5, with @context's join__ContextArgument),
# this composer the lowest that has `overrideLabel`.
EXPECTED = '''schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)
{
  query: Query
}

directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) \
repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, \
external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on \
FIELD_DEFINITION | INPUT_FIELD_DEFINITION

directive @join__graph(name: String!, url: String!) on ENUM_VALUE

directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: \
Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | \
INPUT_OBJECT | SCALAR

directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__DirectiveArguments

scalar join__FieldSet

enum join__Graph {
  SUBGRAPH1 @join__graph(name: "Subgraph1", url: "http://Subgraph1")
  SUBGRAPH2 @join__graph(name: "Subgraph2", url: "http://Subgraph2")
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
  @join__type(graph: SUBGRAPH1)
  @join__type(graph: SUBGRAPH2)
{
  t: T @join__field(graph: SUBGRAPH1)
}

type T
  @join__type(graph: SUBGRAPH1, key: "k")
  @join__type(graph: SUBGRAPH2, key: "k")
{
  k: ID
  a: Int @join__field(graph: SUBGRAPH1, override: "Subgraph2", overrideLabel: "foo") \
@join__field(graph: SUBGRAPH2, overrideLabel: "foo")
  b: Int @join__field(graph: SUBGRAPH2)
}'''


def test_a_labelled_override_keeps_the_source_join_with_the_label() -> None:
    assert supergraph(Subgraph1=SUBGRAPH1, Subgraph2=SUBGRAPH2) == EXPECTED


def test_a_source_still_using_the_field_is_used_overridden_and_labelled() -> None:
    # `a` is a key of T in b: b keeps it (usedOverridden) and, while the label is off, still resolves it.
    field = 'a: Int @override(from: "b", label: "percent(5)")'
    a = fed2(f'type Query {{ t: T }} type T @key(fields: "k") {{ k: ID {field} }}')
    b = fed2('type T @key(fields: "k") @key(fields: "a") { k: ID a: Int b: Int }')
    assert (
        '  a: Int @join__field(graph: A, override: "b", overrideLabel: "percent(5)") @join__field(graph: B, '
        'usedOverridden: true, overrideLabel: "percent(5)")' in type_block(supergraph(a=a, b=b), "type T")
    )


def test_without_a_label_the_source_join_goes_and_join_stays_v0_3() -> None:
    a = fed2('type Query { t: T } type T @key(fields: "k") { k: ID a: Int @override(from: "b") }')
    b = fed2('type T @key(fields: "k") { k: ID a: Int b: Int }')
    sdl = supergraph(a=a, b=b)
    assert '  a: Int @join__field(graph: A, override: "b")\n' in sdl
    assert "join/v0.3" in sdl and "overrideLabel" not in sdl and "join__DirectiveArguments" not in sdl


def test_an_override_from_a_subgraph_without_the_field_drops_the_label() -> None:
    # Matches Apollo: the @override can be removed (hint), so there is nothing to migrate progressively.
    a = fed2('type Query { t: T } type T @key(fields: "k") { k: ID a: Int @override(from: "b", label: "x") }')
    b = fed2('type T @key(fields: "k") { k: ID b: Int }')
    assert "overrideLabel" not in supergraph(a=a, b=b)


# SATISFIABILITY_ERROR: a progressive override is in either state per request, so both must be satisfiable.
SOURCE = fed2('type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }')


def test_an_overriding_subgraph_the_type_can_reach_composes() -> None:
    b = fed2('type T @key(fields: "id") { id: ID! x: Int @override(from: "a", label: "percent(5)") }')
    assert 'overrideLabel: "percent(5)"' in supergraph(a=SOURCE, b=b)


def test_an_overriding_subgraph_the_type_cannot_reach_fails_with_the_label_on() -> None:
    # With the label off `a` answers T.x; with it on only `b` would, and no resolvable key leads there.
    field = 'x: Int @override(from: "a", label: "beta")'
    b = fed2(f'type T @key(fields: "id", resolvable: false) {{ id: ID! {field} }}')
    assert error_codes(a=SOURCE, b=b) == ["SATISFIABILITY_ERROR"]


def test_a_plain_override_to_a_subgraph_the_type_cannot_reach_fails_too() -> None:
    b = fed2('type T @key(fields: "id", resolvable: false) { id: ID! x: Int @override(from: "a") }')
    assert error_codes(a=SOURCE, b=b) == ["SATISFIABILITY_ERROR"]


# OVERRIDE_MIGRATION_IN_PROGRESS: Apollo's hint per progressive override, by the source's use of the field.
def test_a_progressive_override_is_hinted_as_a_migration_in_progress() -> None:
    (hint,) = compose_sdls(Subgraph1=SUBGRAPH1, Subgraph2=SUBGRAPH2).hints
    assert (hint.code, hint.subgraphs, hint.coordinates) == (
        "OVERRIDE_MIGRATION_IN_PROGRESS",
        ("Subgraph1", "Subgraph2"),
        ("T.a",),
    )
    assert hint.message == (
        'Field "T.a" is currently being migrated with progressive @override. Once the migration is complete, '
        'remove the field from subgraph "Subgraph2".'
    )


def test_the_hint_says_when_the_source_still_uses_the_field() -> None:
    field = 'a: Int @override(from: "b", label: "beta")'
    a = fed2(f'type Query {{ t: T }} type T @key(fields: "k") {{ k: ID {field} }}')
    b = fed2('type T @key(fields: "k") @key(fields: "a") { k: ID a: Int }')
    (hint,) = compose_sdls(a=a, b=b).hints
    assert hint.message.startswith(
        'Field "T.a" on subgraph "b" is currently being migrated via progressive @override. It is still used'
    )


def test_a_plain_override_is_no_migration() -> None:
    a = fed2('type Query { t: T } type T @key(fields: "k") { k: ID a: Int @override(from: "b") }')
    b = fed2('type T @key(fields: "k") { k: ID a: Int }')
    assert compose_sdls(a=a, b=b).hints == ()
