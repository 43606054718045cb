"""@override cannot be combined with @interfaceObject, with @requires/@provides on the field it overrides, or
with @external on the overriding field.

The subgraphs and messages are Apollo's (composition-js override.compose.test.ts).
"""

from __future__ import annotations

from tests.router.composition.harness import compose_sdls, fed2, supergraph

CODE = "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE"


def collisions(**subgraphs: str) -> list[str]:
    result = compose_sdls(**subgraphs)
    assert result.supergraph_sdl is None
    return [e.message for e in result.errors if e.code == CODE]


OVERRIDING_U = fed2("""
type Query { t: T }
type T @key(fields: "k") { k: ID u: U @override(from: "Subgraph2") }
type U @key(fields: "id") { id: ID name: String }
""")


def test_the_overridden_field_has_provides() -> None:
    subgraph2 = fed2("""
type T @key(fields: "k") { k: ID u: U @provides(fields: "name") }
extend type U @key(fields: "id") { id: ID name: String @external }
""")
    assert collisions(Subgraph1=OVERRIDING_U, Subgraph2=subgraph2) == [
        '@override cannot be used on field "T.u" on subgraph "Subgraph1" since "T.u" on "Subgraph2" is '
        'marked with directive "@provides"'
    ]


REQUIRES_U = fed2("""
type T @key(fields: "k") { k: ID id: ID @external u: U @requires(fields: "id") }
extend type U @key(fields: "id") { id: ID }
""")
OVERRIDING_U_NEXT_TO_ID = fed2("""
type Query { t: T }
type T @key(fields: "k") { k: ID id: ID u: U @override(from: "Subgraph2") }
type U @key(fields: "id") { id: ID }
""")


def test_the_overridden_field_has_requires() -> None:
    assert collisions(Subgraph1=OVERRIDING_U_NEXT_TO_ID, Subgraph2=REQUIRES_U) == [
        '@override cannot be used on field "T.u" on subgraph "Subgraph1" since "T.u" on "Subgraph2" is '
        'marked with directive "@requires"'
    ]


def test_the_directive_is_named_as_the_overridden_subgraph_imports_it() -> None:
    renamed = fed2(
        """
type T @key(fields: "k") { k: ID id: ID @external u: U @needs(fields: "id") }
extend type U @key(fields: "id") { id: ID }
""",
        imports='"@key", "@external", { name: "@requires", as: "@needs" }',
    )
    (message,) = collisions(Subgraph1=OVERRIDING_U_NEXT_TO_ID, Subgraph2=renamed)
    assert message.endswith('is marked with directive "@needs"')


def test_the_overriding_field_is_external() -> None:
    subgraph1 = fed2("""
type Query { t: T }
type T @key(fields: "k") { k: ID @override(from: "Subgraph2") @external a: Int }
""")
    subgraph2 = fed2('type T @key(fields: "k") { k: ID b: Int }')
    assert collisions(Subgraph1=subgraph1, Subgraph2=subgraph2) == [
        '@override cannot be used on field "T.k" on subgraph "Subgraph1" since "T.k" on "Subgraph1" is '
        'marked with directive "@external"'
    ]


def test_the_error_names_both_subgraphs_and_the_field() -> None:
    (error,) = compose_sdls(Subgraph1=OVERRIDING_U_NEXT_TO_ID, Subgraph2=REQUIRES_U).errors
    assert (error.code, error.subgraphs, error.coordinates) == (CODE, ("Subgraph1", "Subgraph2"), ("T.u",))


INTERFACE_I = fed2("""
type Query { i2: I }
interface I @key(fields: "k") { k: ID a: Int }
type A implements I @key(fields: "k") { k: ID a: Int }
""")


def test_a_field_of_an_interface_object_cannot_be_overridden() -> None:
    subgraph1 = fed2("""
type Query { i1: I }
type I @interfaceObject @key(fields: "k") { k: ID a: Int @override(from: "Subgraph2") }
""")
    assert collisions(Subgraph1=subgraph1, Subgraph2=INTERFACE_I) == [
        "@override is not yet supported on fields of @interfaceObject types: cannot be used on field "
        '"I.a" on subgraph "Subgraph1".'
    ]


def test_on_an_interface_object_field_from_is_not_looked_at() -> None:
    # Apollo refuses the @override before it checks `from`: no OVERRIDE_FROM_SELF_ERROR, no hint.
    for source in ("Subgraph1", "nowhere"):
        field = f'a: Int @override(from: "{source}")'
        subgraph1 = fed2(
            f'type Query {{ i1: I }} type I @interfaceObject @key(fields: "k") {{ k: ID {field} }}'
        )
        result = compose_sdls(Subgraph1=subgraph1, Subgraph2=INTERFACE_I)
        assert ([e.code for e in result.errors], result.hints) == ([CODE], ()), source


def test_a_field_an_interface_object_stands_for_in_the_source_cannot_be_overridden() -> None:
    subgraph1 = fed2("""
type Query { i1: I }
type I @interfaceObject @key(fields: "k") { k: ID a: Int }
""")
    subgraph2 = fed2("""
type Query { i2: I }
interface I @key(fields: "k") { k: ID a: Int }
type A implements I @key(fields: "k") { k: ID a: Int @override(from: "Subgraph1") }
""")
    assert collisions(Subgraph1=subgraph1, Subgraph2=subgraph2) == [
        'Invalid @override on field "A.a" of subgraph "Subgraph2": source subgraph "Subgraph1" does not have '
        'field "A.a" but abstract it in type "I" and overriding abstracted fields is not supported.'
    ]


# The valid counterparts compose.
def test_an_override_of_a_plain_field_next_to_a_requires_composes() -> None:
    subgraph2 = fed2("""
type T @key(fields: "k") { k: ID id: ID @external u: U v: Int @requires(fields: "id") }
extend type U @key(fields: "id") { id: ID }
""")
    assert 'u: U @join__field(graph: SUBGRAPH1, override: "Subgraph2")' in supergraph(
        Subgraph1=OVERRIDING_U_NEXT_TO_ID, Subgraph2=subgraph2
    )


def test_an_override_of_a_field_the_interface_object_does_not_have_composes() -> None:
    subgraph1 = fed2("""
type Query { i1: I }
type I @interfaceObject @key(fields: "k") { k: ID b: Int }
""")
    subgraph2 = fed2("""
type Query { i2: I }
interface I @key(fields: "k") { k: ID a: Int }
type A implements I @key(fields: "k") { k: ID a: Int @override(from: "Subgraph1") }
""")
    assert compose_sdls(Subgraph1=subgraph1, Subgraph2=subgraph2).errors == ()
