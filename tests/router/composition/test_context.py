"""`@context` / `@fromContext` (Federation 2.8): the supergraph Apollo's composition prints (join v0.5
`contextArguments`, the context spec), and a composing and a failing input for every rule.

Cases and messages follow Apollo's `composition-js/src/__tests__/compose.setContext.test.ts`.
"""

from __future__ import annotations

from router.composition.result import CompositionResult
from router.supergraph import load_supergraph
from tests.router.composition.harness import compose_sdls, supergraph, type_block

IMPORTS = '"@key", "@external", "@shareable", "@interfaceObject", "@context", "@fromContext"'
FED = f'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [{IMPORTS}])\n'
SUBGRAPH2 = FED + 'type Query { a: Int! } type U @key(fields: "id") { id: ID! }'


def subgraph1(context_type: str, field: str, u_key: str = '@key(fields: "id")') -> str:
    """Subgraph1 of Apollo's tests: `Query.t`, the type setting the context, and `U.field(a:)` reading it."""
    return (
        FED
        + f"""
type Query {{ t: T! }}
{context_type}
type U {u_key} {{ id: ID! {field} }}
"""
    )


VANILLA = subgraph1(
    'type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }',
    'field(a: String @fromContext(field: "$context { prop }")): Int!',
)

EXPECTED = '''schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/context/v0.1", for: SECURITY)
{
  query: Query
}

directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION

directive @context__fromContext(field: context__ContextFieldValue) on ARGUMENT_DEFINITION

directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) \
repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, \
external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: \
[join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

directive @join__graph(name: String!, url: String!) on ENUM_VALUE

directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: \
Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | \
INPUT_OBJECT | SCALAR

directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar context__ContextFieldValue

input join__ContextArgument {
  name: String!
  type: String!
  context: String!
  selection: join__FieldValue!
}

scalar join__DirectiveArguments

scalar join__FieldSet

scalar join__FieldValue

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
  t: T! @join__field(graph: SUBGRAPH1)
  a: Int! @join__field(graph: SUBGRAPH2)
}

type T
  @join__type(graph: SUBGRAPH1, key: "id")
  @context(name: "Subgraph1__context")
{
  id: ID!
  u: U!
  prop: String!
}

type U
  @join__type(graph: SUBGRAPH1, key: "id")
  @join__type(graph: SUBGRAPH2, key: "id")
{
  id: ID!
  field: Int! @join__field(graph: SUBGRAPH1, contextArguments: [{context: "Subgraph1__context", name: "a", \
type: "String", selection: " { prop }"}])
}'''


def compose(sub1: str, sub2: str = SUBGRAPH2) -> CompositionResult:
    return compose_sdls(Subgraph1=sub1, Subgraph2=sub2)


def messages(sub1: str, sub2: str = SUBGRAPH2) -> list[tuple[str, str]]:
    result = compose(sub1, sub2)
    assert result.supergraph_sdl is None
    return [(error.code, error.message) for error in result.errors]


# -- the supergraph ------------------------------------------------------------------------------------------


def test_the_supergraph_links_join_v05_and_the_context_spec_as_apollo_prints_them() -> None:
    assert supergraph(Subgraph1=VANILLA, Subgraph2=SUBGRAPH2) == EXPECTED


def test_the_contextual_argument_is_not_in_the_api_schema() -> None:
    api = load_supergraph(supergraph(Subgraph1=VANILLA, Subgraph2=SUBGRAPH2)).api_schema
    assert api.get_type("U").fields["field"].args == {}  # type: ignore[union-attr]
    assert api.get_directive("context") is None


def test_supergraphs_without_contexts_keep_join_v03() -> None:
    sdl = supergraph(Subgraph1=FED + "type Query { t: Int }", Subgraph2=SUBGRAPH2)
    assert "join/v0.3" in sdl and "context" not in sdl


def test_a_list_can_be_passed_from_the_context() -> None:
    sdl = supergraph(
        Subgraph1=subgraph1(
            'type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: [String]! }',
            'field(a: [String] @fromContext(field: "$context { prop }")): Int!',
        ),
        Subgraph2=SUBGRAPH2,
    )
    assert 'type: "[String]", selection: " { prop }"' in sdl


def test_two_types_set_one_context_by_duck_typing() -> None:
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query { foo: Foo! bar: Bar! }
type Foo @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }
type Bar @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }
type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$context { prop }")): Int! }
""",
        Subgraph2=SUBGRAPH2,
    )
    assert '@context(name: "Subgraph1__context")' in type_block(sdl, "type Bar")
    assert '@context(name: "Subgraph1__context")' in type_block(sdl, "type Foo")


def test_type_conditions_read_a_different_field_per_type() -> None:
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query { foo: Foo! bar: Bar! }
type Foo @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }
type Bar @key(fields: "id") @context(name: "context") { id: ID! u: U! prop2: String! }
type U @key(fields: "id") {
  id: ID!
  field(a: String @fromContext(field: "$context ... on Foo { prop } ... on Bar { prop2 }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert 'selection: " ... on Foo { prop } ... on Bar { prop2 }"' in sdl


def test_a_context_on_a_union_and_several_contexts_on_one_field() -> None:
    sdl = supergraph(
        Subgraph1=FED
        + """
type Query { t: T! }
union T @context(name: "owner") = A | B
type A @key(fields: "id") @context(name: "a") { id: ID! u: U! prop: String! }
type B @key(fields: "id") { id: ID! u: U! prop: String! }
type U @key(fields: "id") {
  id: ID!
  field(x: String @fromContext(field: "$owner ... on A { prop } ... on B { prop }"),
        y: String @fromContext(field: "$a { prop }")): Int!
}
""",
        Subgraph2=SUBGRAPH2,
    )
    assert '@context(name: "Subgraph1__owner")' in type_block(sdl, "union T")
    assert type_block(sdl, "type U").endswith(
        '  field: Int! @join__field(graph: SUBGRAPH1, contextArguments: [{context: "Subgraph1__owner", '
        'name: "x", type: "String", selection: " ... on A { prop } ... on B { prop }"}, {context: '
        '"Subgraph1__a", name: "y", type: "String", selection: " { prop }"}])\n}'
    )


# -- CONTEXT_NAME_INVALID ------------------------------------------------------------------------------------


def test_a_context_name_with_an_underscore_fails() -> None:
    sub1 = VANILLA.replace('"context")', '"_context")').replace("$context", "$_context")
    assert ("CONTEXT_NAME_INVALID", '[Subgraph1] Context name "_context" may not contain an underscore.') in (
        messages(sub1)
    )


def test_an_empty_context_name_fails() -> None:
    assert messages(VANILLA.replace('@context(name: "context")', '@context(name: "")'))[0] == (
        "CONTEXT_NAME_INVALID",
        '[Subgraph1] Context name "" is invalid. It should have only alphanumeric characters.',
    )


# -- CONTEXT_NOT_SET -----------------------------------------------------------------------------------------


def test_a_context_never_set_fails() -> None:
    assert messages(VANILLA.replace("$context", "$unknown")) == [
        (
            "CONTEXT_NOT_SET",
            '[Subgraph1] Context "unknown" is used at location "U.field(a:)" but is never set.',
        )
    ]


def test_a_contextual_argument_with_a_default_fails() -> None:
    assert messages(VANILLA.replace("a: String @fromContext", 'a: String = "x" @fromContext')) == [
        ("CONTEXT_NOT_SET", '[Subgraph1] @fromContext arguments may not have a default value: "U.field(a:)".')
    ]


def test_a_contextual_argument_on_an_interface_implementation_fails() -> None:
    sub1 = subgraph1(
        'type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }\n'
        "interface I { field: Int! }",
        'field(a: String @fromContext(field: "$context { prop }")): Int!',
        u_key='implements I @key(fields: "id")',
    )
    assert messages(sub1) == [
        (
            "CONTEXT_NOT_SET",
            "[Subgraph1] @fromContext argument cannot be used on a field implementing an interface field "
            '"I.field".',
        )
    ]


# -- NO_CONTEXT_IN_SELECTION ---------------------------------------------------------------------------------


def test_a_selection_without_a_context_fails() -> None:
    assert messages(VANILLA.replace('"$context { prop }"', '"{ prop }"')) == [
        (
            "NO_CONTEXT_IN_SELECTION",
            '[Subgraph1] @fromContext argument does not reference a context "{ prop }".',
        )
    ]


# -- CONTEXT_INVALID_SELECTION -------------------------------------------------------------------------------


def test_a_field_the_context_type_lacks_fails() -> None:
    assert messages(VANILLA.replace("$context { prop }", "$context { invalidprop }")) == [
        (
            "CONTEXT_INVALID_SELECTION",
            '[Subgraph1] Context "context" is used in "U.field(a:)" but the selection is invalid for type T. '
            'Error: Cannot query field "invalidprop" on type "T".',
        )
    ]


def test_a_selection_of_another_type_than_the_argument_fails() -> None:
    sub1 = VANILLA.replace("prop: String!", "prop: Int!")
    assert messages(sub1) == [
        (
            "CONTEXT_INVALID_SELECTION",
            '[Subgraph1] Context "context" is used in "U.field(a:)" but the selection is invalid: the type '
            'of the selection "Int" does not match the expected type "String"',
        )
    ]


def test_a_selection_of_two_fields_fails() -> None:
    sub1 = VANILLA.replace("$context { prop }", "$context { prop id }")
    assert messages(sub1)[0][1].endswith("but the selection is invalid: multiple selections are made")
    sub1 = VANILLA.replace("$context { prop }", "$context { p: prop }")
    assert messages(sub1)[0][1].endswith(
        "but the selection is invalid: aliases are not allowed in the selection"
    )


def test_a_type_condition_matching_no_setter_fails() -> None:
    sub1 = VANILLA.replace("$context { prop }", "$context ... on T { prop } ... on U { id }")
    assert messages(sub1) == [
        (
            "CONTEXT_INVALID_SELECTION",
            '[Subgraph1] Context "context" is used in "U.field(a:)" but the selection is invalid: type '
            'condition "U" is never used.',
        )
    ]


# -- CONTEXT_NO_RESOLVABLE_KEY -------------------------------------------------------------------------------


def test_a_contextual_field_on_a_type_without_a_resolvable_key_fails() -> None:
    sub1 = subgraph1(
        'type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }',
        'field(a: String @fromContext(field: "$context { prop }")): Int!',
        u_key='@key(fields: "id", resolvable: false)',
    )
    assert messages(sub1) == [
        (
            "CONTEXT_NO_RESOLVABLE_KEY",
            '[Subgraph1] Object "U" has no resolvable key but has a field with a contextual argument.',
        )
    ]


# -- CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS -----------------------------------------------------


def test_an_argument_contextual_in_one_subgraph_is_optional_in_the_others() -> None:
    shared = VANILLA.replace("type U @key", "type U @shareable @key")
    optional = (
        FED + 'type Query { a: Int! } type U @key(fields: "id") @shareable { id: ID! field(a: String): Int! }'
    )
    assert "field: Int!" in type_block(supergraph(Subgraph1=shared, Subgraph2=optional), "type U")
    required = optional.replace("field(a: String)", "field(a: String!)")
    assert messages(shared, required) == [
        (
            "CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS",
            'Argument "U.field(a:)" is contextual in at least one subgraph but in "U.field(a:)" it does not '
            "have @fromContext, is not nullable and has no default value.",
        )
    ]


def test_a_context_set_on_an_interface_object_fails() -> None:
    sub1 = VANILLA.replace(
        'type T @key(fields: "id") @context', 'type T @key(fields: "id") @interfaceObject @context'
    )
    sub2 = (
        SUBGRAPH2
        + ' interface T @key(fields: "id") { id: ID! } type A implements T @key(fields: "id") { id: ID! }'
    )
    assert messages(sub1, sub2) == [
        (
            "CONTEXT_INVALID_SELECTION",
            '[Subgraph1] Context "context" is used in "U.field(a:)" but the selection is invalid: One of the '
            'types in the selection is an interfaceObject: "T"',
        )
    ]
