"""TYPE_KIND_MISMATCH: one type name, one kind in every subgraph."""

from __future__ import annotations

from tests.router.composition.harness import error_codes, fed2, supergraph


def test_the_same_kind_everywhere_composes() -> None:
    a = fed2("type Query { a: Shape } type Shape @shareable { sides: Int }")
    b = fed2("type Query { b: Shape } type Shape @shareable { sides: Int }")
    assert "type Shape" in supergraph(a=a, b=b)


def test_an_object_in_one_subgraph_and_an_interface_in_another_fails() -> None:
    a = fed2("type Query { a: Shape } type Shape @shareable { sides: Int }")
    b = fed2("type Query { b: Shape } interface Shape { sides: Int }")
    assert error_codes(a=a, b=b) == ["TYPE_KIND_MISMATCH"]


def test_an_interface_object_stands_for_the_interface() -> None:
    a = fed2('type Query { a: Node } interface Node @key(fields: "id") { id: ID! }')
    a += ' type Page implements Node @key(fields: "id") { id: ID! }'
    b = fed2('type Query { b: Int } type Node @key(fields: "id") @interfaceObject { id: ID! views: Int }')
    assert "interface Node" in supergraph(a=a, b=b)
