"""Arguments of a shared field: compatible types, one default, no required argument lost to intersection."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_nullability_differences_merge_to_the_most_specific_type() -> None:
    a = fed2("type Query { a: T } type T @shareable { v(x: Int): Int }")
    b = fed2("type Query { b: T } type T @shareable { v(x: Int!): Int }")
    assert "  v(x: Int!): Int" in supergraph(a=a, b=b)


def test_different_argument_types_fail() -> None:
    a = fed2("type Query { a: T } type T @shareable { v(x: Int): Int }")
    b = fed2("type Query { b: T } type T @shareable { v(x: String): Int }")
    assert error_codes(a=a, b=b) == ["FIELD_ARGUMENT_TYPE_MISMATCH"]


def test_different_defaults_fail() -> None:
    a = fed2("type Query { a: T } type T @shareable { v(x: Int = 1): Int }")
    b = fed2("type Query { b: T } type T @shareable { v(x: Int = 2): Int }")
    assert error_codes(a=a, b=b) == ["FIELD_ARGUMENT_DEFAULT_MISMATCH"]


def test_a_required_argument_missing_in_another_subgraph_fails() -> None:
    a = fed2("type Query { a: T } type T @shareable { v(x: Int!): Int }")
    b = fed2("type Query { b: T } type T @shareable { v: Int }")
    assert error_codes(a=a, b=b) == ["REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH"]


def test_an_optional_argument_missing_in_another_subgraph_is_dropped() -> None:
    a = fed2("type Query { a: T } type T @shareable { v(x: Int): Int }")
    b = fed2("type Query { b: T } type T @shareable { v: Int }")
    assert "  v: Int\n" in supergraph(a=a, b=b)
