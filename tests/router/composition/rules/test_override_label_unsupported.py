"""@override(label:) needs a federation @link of v2.7 or later: below, @override has no `label:` argument."""

from __future__ import annotations

import pytest

from tests.router.composition.harness import compose_sdls, fed2, supergraph

SOURCE = fed2('type T @key(fields: "k") { k: ID a: Int }')


def overriding(arguments: str, version: str) -> str:
    field = f"a: Int @override({arguments})"
    return fed2(f'type Query {{ t: T }} type T @key(fields: "k") {{ k: ID {field} }}', version=version)


@pytest.mark.parametrize("version", ["2.0", "2.3", "2.6"])
def test_a_label_below_federation_2_7_fails_as_invalid_graphql(version: str) -> None:
    result = compose_sdls(a=SOURCE, b=overriding('from: "a", label: "percent(5)"', version))
    assert result.supergraph_sdl is None
    assert [(e.code, e.message) for e in result.errors] == [
        ("INVALID_GRAPHQL", '[b] Unknown argument "label" on directive "@override".')
    ]


def test_the_label_is_refused_whatever_its_value() -> None:
    # Matches Apollo: graphql-js refuses the argument itself, so no OVERRIDE_LABEL_INVALID for a bad label.
    for label in ('""', "null", '"percent(101)"'):
        result = compose_sdls(a=SOURCE, b=overriding(f'from: "a", label: {label}', "2.6"))
        assert [e.code for e in result.errors] == ["INVALID_GRAPHQL"], label


def test_the_error_names_the_directive_as_the_subgraph_spells_it() -> None:
    sdl = (
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])\n'
        'type Query { t: T } type T @key(fields: "k") '
        '{ k: ID a: Int @federation__override(from: "a", label: "x") }'
    )
    (error,) = compose_sdls(a=SOURCE, b=sdl).errors
    assert error.message == '[b] Unknown argument "label" on directive "@federation__override".'


def test_a_label_is_refused_even_when_the_source_is_unknown() -> None:
    # Apollo validates the subgraph before it looks at `from` (an unknown one is only a hint).
    field = 'c: Int @override(from: "nowhere", label: "x")'
    b = fed2(f'type T @key(fields: "k") {{ k: ID {field} }}', version="2.6")
    a = fed2('type Query { t: T } type T @key(fields: "k") { k: ID }')
    (error,) = compose_sdls(a=a, b=b).errors
    assert error.code == "INVALID_GRAPHQL"


@pytest.mark.parametrize("version", ["2.7", "2.9"])
def test_from_federation_2_7_on_the_label_composes(version: str) -> None:
    sdl = supergraph(a=SOURCE, b=overriding('from: "a", label: "percent(5)"', version))
    assert 'overrideLabel: "percent(5)"' in sdl


def test_below_2_7_an_override_without_a_label_composes() -> None:
    assert 'override: "a"' in supergraph(a=SOURCE, b=overriding('from: "a"', "2.6"))
