"""EMPTY_MERGED_INPUT_TYPE: the intersection of an input object's fields cannot be empty."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_a_common_field_keeps_the_input_type() -> None:
    a = fed2("type Query { a(f: F): Int } input F { q: String x: Int }")
    b = fed2("type Query { b(f: F): Int } input F { q: String y: Int }")
    assert "  q: String\n" in supergraph(a=a, b=b)


def test_no_common_field_fails() -> None:
    a = fed2("type Query { a(f: F): Int } input F { x: Int }")
    b = fed2("type Query { b(f: F): Int } input F { y: Int }")
    assert error_codes(a=a, b=b) == ["EMPTY_MERGED_INPUT_TYPE"]
