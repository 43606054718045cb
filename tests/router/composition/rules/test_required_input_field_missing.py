"""REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH: intersection cannot drop a required input field."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_an_optional_field_missing_elsewhere_is_dropped() -> None:
    a = fed2("type Query { a(f: F): Int } input F { q: String x: Int }")
    b = fed2("type Query { b(f: F): Int } input F { q: String }")
    sdl = supergraph(a=a, b=b)
    assert "  q: String\n" in sdl and "  x: Int" not in sdl


def test_a_required_field_missing_elsewhere_fails() -> None:
    a = fed2("type Query { a(f: F): Int } input F { q: String x: Int! }")
    b = fed2("type Query { b(f: F): Int } input F { q: String }")
    assert error_codes(a=a, b=b) == ["REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH"]
