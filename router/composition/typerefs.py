"""Type reference algebra: printing, unwrapping and the most general / most specific of two types."""

from __future__ import annotations

from collections.abc import Callable

import graphql


def print_type(type_node: graphql.TypeNode) -> str:
    return graphql.print_ast(type_node)


def named_type(type_node: graphql.TypeNode) -> str:
    while isinstance(type_node, graphql.NonNullTypeNode | graphql.ListTypeNode):
        type_node = type_node.type
    assert isinstance(type_node, graphql.NamedTypeNode)
    return type_node.name.value


def _non_null(inner: graphql.TypeNode) -> graphql.TypeNode:
    assert isinstance(inner, graphql.NamedTypeNode | graphql.ListTypeNode)
    return graphql.NonNullTypeNode(type=inner)


def most_general(
    a: graphql.TypeNode, b: graphql.TypeNode, is_subtype: Callable[[str, str], bool]
) -> graphql.TypeNode | None:
    """Output position: the type both subgraphs' values fit in (nullable wins; interface over implementation).

    Matches Apollo: an output field may be non-null in one subgraph and nullable in another, and may return a
    subtype in one subgraph; the supergraph takes the supertype. None when the types are incompatible.
    """
    if isinstance(a, graphql.NonNullTypeNode) and isinstance(b, graphql.NonNullTypeNode):
        inner = most_general(a.type, b.type, is_subtype)
        return _non_null(inner) if inner is not None else None
    if isinstance(a, graphql.NonNullTypeNode):
        return most_general(a.type, b, is_subtype)
    if isinstance(b, graphql.NonNullTypeNode):
        return most_general(a, b.type, is_subtype)
    if isinstance(a, graphql.ListTypeNode) and isinstance(b, graphql.ListTypeNode):
        inner = most_general(a.type, b.type, is_subtype)
        return graphql.ListTypeNode(type=inner) if inner is not None else None
    if isinstance(a, graphql.NamedTypeNode) and isinstance(b, graphql.NamedTypeNode):
        if a.name.value == b.name.value or is_subtype(a.name.value, b.name.value):
            return b
        if is_subtype(b.name.value, a.name.value):
            return a
    return None


def most_specific(a: graphql.TypeNode, b: graphql.TypeNode) -> graphql.TypeNode | None:
    """Input position: the type every subgraph accepts (non-null wins); named types must be equal."""
    if isinstance(a, graphql.NonNullTypeNode) and isinstance(b, graphql.NonNullTypeNode):
        inner = most_specific(a.type, b.type)
        return _non_null(inner) if inner is not None else None
    if isinstance(a, graphql.NonNullTypeNode):
        inner = most_specific(a.type, b)
        return _non_null(inner) if inner is not None else None
    if isinstance(b, graphql.NonNullTypeNode):
        inner = most_specific(a, b.type)
        return _non_null(inner) if inner is not None else None
    if isinstance(a, graphql.ListTypeNode) and isinstance(b, graphql.ListTypeNode):
        inner = most_specific(a.type, b.type)
        return graphql.ListTypeNode(type=inner) if inner is not None else None
    if isinstance(a, graphql.NamedTypeNode) and isinstance(b, graphql.NamedTypeNode):
        return a if a.name.value == b.name.value else None
    return None


def same_type(a: graphql.TypeNode, b: graphql.TypeNode) -> bool:
    return print_type(a) == print_type(b)
