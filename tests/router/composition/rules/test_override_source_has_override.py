"""@override: not from the subgraph itself, and not from a subgraph that overrides the same field."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph

A = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String }')


def test_a_plain_override_composes() -> None:
    b = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "a") }')
    assert 'override: "a"' in supergraph(a=A, b=b)


def test_overriding_from_itself_fails() -> None:
    b = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "b") }')
    assert "OVERRIDE_FROM_SELF_ERROR" in error_codes(a=A, b=b)


def test_overriding_from_a_subgraph_that_overrides_it_too_fails() -> None:
    b = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "c") }')
    c = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "b") }')
    assert "OVERRIDE_SOURCE_HAS_OVERRIDE" in error_codes(a=A, b=b, c=c)
