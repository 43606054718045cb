"""REQUIRES_INVALID_FIELDS: a @requires field set parses and selects fields of the parent type."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph

BASE = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! name: String }')


def test_a_requires_of_a_declared_external_field_composes() -> None:
    b = fed2(
        'type U @key(fields: "id") { id: ID! name: String @external big: String @requires(fields: "name") }'
    )
    assert 'requires: "name"' in supergraph(a=BASE, b=b)


def test_a_requires_of_an_undeclared_field_fails() -> None:
    b = fed2('type U @key(fields: "id") { id: ID! big: String @requires(fields: "name") }')
    assert error_codes(a=BASE, b=b) == ["REQUIRES_INVALID_FIELDS"]


def test_an_unparsable_requires_fails() -> None:
    b = fed2(
        'type U @key(fields: "id") { id: ID! name: String @external big: String @requires(fields: "{") }'
    )
    assert error_codes(a=BASE, b=b) == ["REQUIRES_INVALID_FIELDS"]
