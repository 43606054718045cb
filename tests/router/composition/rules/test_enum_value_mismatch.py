"""ENUM_VALUE_MISMATCH: an enum used as input and output needs the same values in every subgraph."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_same_values_everywhere_compose() -> None:
    a = fed2("type Query { a(c: Color): Color } enum Color { RED BLUE }")
    b = fed2("type Query { b: Color } enum Color { RED BLUE }")
    assert "enum Color" in supergraph(a=a, b=b)


def test_a_value_missing_in_one_subgraph_fails() -> None:
    a = fed2("type Query { a(c: Color): Color } enum Color { RED BLUE }")
    b = fed2("type Query { b: Color } enum Color { RED }")
    assert error_codes(a=a, b=b) == ["ENUM_VALUE_MISMATCH"]


def test_a_missing_inaccessible_value_is_allowed() -> None:
    a = fed2("type Query { a(c: Color): Color } enum Color { RED BLUE @inaccessible }")
    b = fed2("type Query { b: Color } enum Color { RED }")
    assert "BLUE" in supergraph(a=a, b=b)
