"""Depth and root-field counts of an operation, each fragment measured once."""

from __future__ import annotations

import graphql

from router.measure import operation_depth, root_field_count


def measure(query: str) -> tuple[int, int]:
    document = graphql.parse(query)
    definitions = document.definitions
    fragments = {d.name.value: d for d in definitions if isinstance(d, graphql.FragmentDefinitionNode)}
    [operation] = [d for d in document.definitions if isinstance(d, graphql.OperationDefinitionNode)]
    return operation_depth(operation, fragments), root_field_count(operation, fragments)


def test_a_doubling_fragment_chain_is_measured_without_expanding_it() -> None:
    # 2^60 spreads if walked naively: this returns at once because each fragment is measured once.
    fragments = [f"fragment F{i} on User {{ ...F{i + 1} ...F{i + 1} }}" for i in range(60)]
    query = "{ me { ...F0 } } " + " ".join([*fragments, "fragment F60 on User { friends { id } }"])
    assert measure(query) == (3, 1)


def test_depth_counts_fields_through_inline_and_named_fragments() -> None:
    query = "{ a { ... on T { b { ...F } } } } fragment F on T { c { d } }"
    assert measure(query)[0] == 4


def test_introspection_does_not_count_towards_depth() -> None:
    assert measure("{ __schema { types { fields { type { ofType { name } } } } } me { id } }")[0] == 2


def test_root_fields_are_counted_by_response_key() -> None:
    query = "mutation { a: register b: register a: register ...M } fragment M on Mutation { c }"
    assert measure(query)[1] == 3
