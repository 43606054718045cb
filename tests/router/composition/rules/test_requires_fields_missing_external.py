"""REQUIRES_FIELDS_MISSING_EXTERNAL: the leaves a @requires selects must be @external."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_a_local_path_to_an_external_leaf_composes() -> None:
    a = fed2(
        'type Query { u: U } type U @key(fields: "id") { id: ID! profile: Profile } '
        'type Profile @key(fields: "id") { id: ID! name: String }'
    )
    b = fed2(
        'type U @key(fields: "id") { id: ID! profile: Profile @shareable '
        'big: String @requires(fields: "profile { name }") } '
        'type Profile @key(fields: "id") { id: ID! name: String @external }'
    )
    a = a.replace("profile: Profile }", "profile: Profile @shareable }")
    assert 'requires: "profile { name }"' in supergraph(a=a, b=b)


def test_a_required_field_that_is_not_external_fails() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String @shareable }')
    b = fed2(
        'type U @key(fields: "id") { id: ID! name: String @shareable big: String @requires(fields: "name") }'
    )
    assert error_codes(a=a, b=b) == ["REQUIRES_FIELDS_MISSING_EXTERNAL"]
