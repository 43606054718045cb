"""KEY_FIELDS_SELECT_INVALID_TYPE: a @key cannot select interface- or union-typed fields."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_an_object_typed_key_field_composes() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "ref { id }") { ref: Ref! } type Ref { id: ID! }')
    assert '@join__type(graph: A, key: "ref { id }")' in supergraph(a=a)


def test_an_interface_typed_key_field_fails() -> None:
    a = fed2(
        'type Query { u: U } type U @key(fields: "ref { id }") { ref: Ref! } interface Ref { id: ID! } '
        "type R implements Ref { id: ID! }"
    )
    assert error_codes(a=a) == ["KEY_FIELDS_SELECT_INVALID_TYPE"]


def test_a_union_typed_key_field_fails() -> None:
    a = fed2(
        'type Query { u: U } type U @key(fields: "ref { ... on R { id } }") { ref: Ref! } union Ref = R '
        "type R { id: ID! }"
    )
    assert error_codes(a=a) == ["KEY_FIELDS_SELECT_INVALID_TYPE"]
