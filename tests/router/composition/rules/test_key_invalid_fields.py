"""KEY_INVALID_FIELDS: a @key selects existing fields of the entity, without arguments."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_a_nested_key_of_existing_fields_composes() -> None:
    a = fed2(
        'type Query { u: U } type U @key(fields: "id org { id }") { id: ID! org: Org! } type Org { id: ID! }'
    )
    assert '@join__type(graph: A, key: "id org { id }")' in supergraph(a=a)


def test_an_unknown_field_fails() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "uuid") { id: ID! }')
    assert error_codes(a=a) == ["KEY_INVALID_FIELDS"]


def test_an_unparsable_field_set_fails() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id {") { id: ID! }')
    assert error_codes(a=a) == ["KEY_INVALID_FIELDS"]


def test_a_field_with_arguments_fails() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id(format: 1)") { id(format: Int): ID! }')
    assert error_codes(a=a) == ["KEY_INVALID_FIELDS"]
