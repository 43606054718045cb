"""PROVIDES_INVALID_FIELDS: a @provides field set selects fields of the type the field returns."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph

USERS = fed2('type Query { me: U } type U @key(fields: "id") { id: ID! name: String @shareable }')


def test_providing_a_declared_external_field_composes() -> None:
    reviews = fed2(
        'type Query { reviews: [R] } type R { author: U @provides(fields: "name") } '
        'type U @key(fields: "id") { id: ID! name: String @external }'
    )
    assert 'provides: "name"' in supergraph(users=USERS, reviews=reviews)


def test_providing_an_unknown_field_fails() -> None:
    reviews = fed2(
        'type Query { reviews: [R] } type R { author: U @provides(fields: "nickname") } '
        'type U @key(fields: "id") { id: ID! name: String @external }'
    )
    assert error_codes(users=USERS, reviews=reviews) == ["PROVIDES_INVALID_FIELDS"]
