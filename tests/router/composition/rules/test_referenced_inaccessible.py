"""REFERENCED_INACCESSIBLE: an element of the API schema cannot use an @inaccessible type."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_an_inaccessible_type_used_only_by_inaccessible_fields_composes() -> None:
    a = fed2("type Query { a: Int secret: Secret @inaccessible } type Secret @inaccessible { v: Int }")
    assert "type Secret" in supergraph(a=a)


def test_an_accessible_field_returning_an_inaccessible_type_fails() -> None:
    a = fed2("type Query { a: Int secret: Secret } type Secret @inaccessible { v: Int }")
    assert error_codes(a=a) == ["REFERENCED_INACCESSIBLE"]


def test_an_accessible_argument_of_an_inaccessible_type_fails() -> None:
    a = fed2("type Query { a(f: Filter): Int } input Filter @inaccessible { q: String }")
    assert error_codes(a=a) == ["REFERENCED_INACCESSIBLE"]
