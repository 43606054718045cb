"""The compact printer of subgraph operations: values, arguments, directives as graphql-core prints them."""

from __future__ import annotations

import graphql
import pytest

from router.planner.compact import print_arguments, print_directive, print_operation

FIELD = (
    graphql.parse(
        """{ a(x: 1, y: $v, z: true, n: false, w: null, e: ENUM, f: 1.5, s: "hi\\n\\"", l: [1, $v],
    o: {a: 1, b: [$v]}, b: \"\"\"block\"\"\") @include(if: $v) @x @y(a: false) }"""
    )
    .definitions[0]
    .selection_set.selections[0]  # type: ignore[attr-defined]
)


@pytest.mark.parametrize("argument", FIELD.arguments, ids=lambda a: a.name.value)
def test_every_kind_of_argument_prints_as_graphql_core_prints_it(argument: graphql.ArgumentNode) -> None:
    assert print_arguments((argument,)) == graphql.print_ast(argument)


@pytest.mark.parametrize("directive", FIELD.directives, ids=lambda d: d.name.value)
def test_directives_print_as_graphql_core_prints_them(directive: graphql.DirectiveNode) -> None:
    assert print_directive(directive) == graphql.print_ast(directive)


def test_an_operation_prints_compactly_with_its_variables() -> None:
    document = graphql.parse(
        "query Q($v: Int = 3, $w: [ID!]!) "
        "{ a(x: $v) @skip(if: false) { b ... on T @include(if: true) { c } } }"
    )
    operation = document.definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    assert print_operation(operation) == (
        "query Q($v:Int=3,$w:[ID!]!){a(x: $v) @skip(if: false){b ...on T @include(if: true){c}}}"
    )


def test_an_anonymous_query_without_variables_is_its_selection_set() -> None:
    operation = graphql.parse("query { a }").definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    assert print_operation(operation) == "{a}"
