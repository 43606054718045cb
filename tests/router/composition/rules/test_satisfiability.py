"""SATISFIABILITY_ERROR: every field of a reachable type is resolvable along some path from a root."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_a_field_reached_through_a_key_composes() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id") { id: ID! }')
    b = fed2('type U @key(fields: "id") { id: ID! name: String }')
    assert "name: String @join__field(graph: B)" in supergraph(a=a, b=b)


def test_a_field_of_a_value_type_only_another_subgraph_reaches_fails() -> None:
    # B adds `extra` to a value type (no key) that only A's root returns: no path leads to B's Point.
    a = fed2("type Query { p: Point } type Point @shareable { x: Int }")
    b = fed2("type Query { b: Int } type Point @shareable { x: Int extra: Int }")
    assert error_codes(a=a, b=b) == ["SATISFIABILITY_ERROR"]


def test_a_non_resolvable_key_leads_nowhere() -> None:
    a = fed2('type Query { u: U } type U @key(fields: "id", resolvable: false) { id: ID! }')
    b = fed2('type U @key(fields: "id", resolvable: false) { id: ID! name: String }')
    assert error_codes(a=a, b=b) == ["SATISFIABILITY_ERROR"]
