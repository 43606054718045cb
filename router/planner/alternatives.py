"""Which subgraphs could answer a position of the operation, and the union members all of them know."""

from __future__ import annotations

from router.planner.routes import can_select, resolvable
from router.supergraph import Supergraph


def field_alternatives(
    supergraph: Supergraph, parents: frozenset[str], type_name: str, field_name: str
) -> frozenset[str]:
    """Subgraphs that could resolve `type_name.field_name` at a position whose parent object `parents`
    could be in: the parents themselves, plus every subgraph an entity hop reaches (a resolvable key that
    one of the parents can send)."""
    model = supergraph.types[type_name]
    reach = set(parents)
    for graph, info in model.graphs.items():
        if graph in reach:
            continue
        if any(
            can_select(supergraph, p, type_name, k.selection) for k in info.resolvable_keys for p in parents
        ):
            reach.add(graph)
    return frozenset(graph for graph in reach if resolvable(supergraph, graph, type_name, field_name))


def safe_members(
    supergraph: Supergraph, union: str, graph: str, alternatives: frozenset[str]
) -> frozenset[str]:
    """The members of `union` to select in `graph` when the value could come from any of `alternatives`.

    Matches Apollo Router and Hive Router (the audit's partial-union-complex): when a shareable path stays
    answerable in several subgraphs, only the members every one of them declares are guaranteed safe; the
    fragments on other members are left out, so their fields read as null. A path only one subgraph can
    answer (or that an entity hop pinned to one) keeps that subgraph's members.
    """
    possible = supergraph.types[union].possible_types
    members = set(possible.get(graph, frozenset()))
    for other in alternatives:
        if other != graph and other in possible:
            members &= possible[other]
    return frozenset(members)
