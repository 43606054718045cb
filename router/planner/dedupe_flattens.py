"""Optimisation: drop a Flatten repeating an identical Flatten (same path and fetch) in the same block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from router.planner.plan import Condition, Defer, Flatten, Parallel, PlanNode, Sequence, Subscription


def dedupe_flattens(node: PlanNode) -> PlanNode:
    """Identical entity fetches at the same path fetch the same data twice; keep the first one."""
    if isinstance(node, Sequence | Parallel):
        seen: set[Flatten] = set()
        nodes: list[PlanNode] = []
        for child in node.nodes:
            child = dedupe_flattens(child)
            if isinstance(child, Flatten):
                if child in seen:
                    continue
                seen.add(child)
            nodes.append(child)
        if len(nodes) == 1:
            return nodes[0]
        return type(node)(tuple(nodes))
    if isinstance(node, Condition):
        return Condition(
            node.condition,
            dedupe_flattens(node.if_clause) if node.if_clause else None,
            dedupe_flattens(node.else_clause) if node.else_clause else None,
        )
    if isinstance(node, Subscription):
        return Subscription(node.primary, dedupe_flattens(node.rest) if node.rest else None)
    if isinstance(node, Defer):
        return map_parts(node, dedupe_flattens)
    return node


def map_parts(node: Defer, change: Callable[[PlanNode], PlanNode]) -> Defer:
    """The Defer node with `change` applied to its primary part, each deferred part's node and the merged
    plan."""
    deferred = tuple(
        replace(part, node=change(part.node) if part.node is not None else None) for part in node.deferred
    )
    primary = change(node.primary) if node.primary is not None else None
    merged = change(node.merged) if node.merged is not None else None
    return Defer(node.primary_subselection, primary, deferred, merged)
