"""Name subgraph operations after the client's: `{Name}__{subgraph}__{index}` in plan order.

Matches Apollo Router: subgraph logs and traces then tell which client operation (and which of its
fetches) a request belongs to. Anonymous client operations keep anonymous subgraph operations.
"""

from __future__ import annotations

import re
from dataclasses import replace

from router.planner.plan import Condition, Fetch, Flatten, Parallel, PlanNode, Sequence, Subscription

_NOT_NAME = re.compile(r"[^_0-9A-Za-z]")


def name_operations(node: PlanNode, operation_name: str | None) -> PlanNode:
    if not operation_name:
        return node
    counter = [0]
    return _name(node, operation_name, counter)


def _name(node: PlanNode, base: str, counter: list[int]) -> PlanNode:
    if isinstance(node, Fetch):
        return _named_fetch(node, base, counter)
    if isinstance(node, Flatten):
        return Flatten(node.path, _name(node.node, base, counter))
    if isinstance(node, Sequence | Parallel):
        return type(node)(tuple(_name(child, base, counter) for child in node.nodes))
    if isinstance(node, Condition):
        if_clause = _name(node.if_clause, base, counter) if node.if_clause else None
        else_clause = _name(node.else_clause, base, counter) if node.else_clause else None
        return Condition(node.condition, if_clause, else_clause)
    assert isinstance(node, Subscription)
    primary = _named_fetch(node.primary, base, counter)
    return Subscription(primary, _name(node.rest, base, counter) if node.rest else None)


def _named_fetch(fetch: Fetch, base: str, counter: list[int]) -> Fetch:
    name = f"{base}__{_NOT_NAME.sub('_', fetch.service_name)}__{counter[0]}"
    counter[0] += 1
    operation = fetch.operation
    kind = fetch.operation_kind
    body = operation[len(kind):] if operation.startswith(kind) else operation
    return replace(fetch, operation=f"{kind} {name}{body}", operation_name=name)
