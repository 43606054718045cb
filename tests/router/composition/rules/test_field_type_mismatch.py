"""FIELD_TYPE_MISMATCH: field types must merge (outputs to a common supertype, inputs to one named type)."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_nullability_differences_merge() -> None:
    a = fed2("type Query { a: T } type T @shareable { v: Int! }")
    b = fed2("type Query { b: T } type T @shareable { v: Int }")
    assert "  v: Int @join__field" in supergraph(a=a, b=b)


def test_different_named_types_fail() -> None:
    a = fed2("type Query { a: T } type T @shareable { v: Int }")
    b = fed2("type Query { b: T } type T @shareable { v: String }")
    assert error_codes(a=a, b=b) == ["FIELD_TYPE_MISMATCH"]


def test_list_and_single_value_fail() -> None:
    a = fed2("type Query { a: T } type T @shareable { v: [Int] }")
    b = fed2("type Query { b: T } type T @shareable { v: Int }")
    assert error_codes(a=a, b=b) == ["FIELD_TYPE_MISMATCH"]


def test_input_fields_of_different_named_types_fail() -> None:
    a = fed2("type Query { a(f: F): Int } input F { v: Int }")
    b = fed2("type Query { b(f: F): Int } input F { v: String }")
    assert error_codes(a=a, b=b) == ["FIELD_TYPE_MISMATCH"]
