"""INVALID_FIELD_SHARING: a field several subgraphs resolve must be @shareable in each of them."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_shareable_everywhere_composes() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String @shareable }')
    b = fed2('type U @key(fields: "id") { id: ID! name: String @shareable }')
    assert "  name: String\n" in supergraph(a=a, b=b)


def test_shareable_in_only_one_subgraph_fails() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String @shareable }')
    b = fed2('type U @key(fields: "id") { id: ID! name: String }')
    assert error_codes(a=a, b=b) == ["INVALID_FIELD_SHARING"]


def test_an_overridden_field_is_no_longer_shared() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String }')
    b = fed2('type U @key(fields: "id") { id: ID! name: String @override(from: "a") }')
    assert 'override: "a"' in supergraph(a=a, b=b)
