"""EXTERNAL_MISSING_ON_BASE: an @external field must be resolved by another subgraph."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_an_external_field_resolved_elsewhere_composes() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String }')
    b = fed2(
        'type U @key(fields: "id") { id: ID! name: String @external big: String @requires(fields: "name") }'
    )
    assert '  big: String @join__field(graph: B, requires: "name")' in supergraph(a=a, b=b)


def test_an_external_field_nobody_resolves_fails() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! }')
    b = fed2(
        'type U @key(fields: "id") { id: ID! name: String @external big: String @requires(fields: "name") }'
    )
    assert error_codes(a=a, b=b) == ["EXTERNAL_MISSING_ON_BASE"]
