"""The last pass over a plan: name each subgraph operation after the client's and print it, once.

Names are `{Name}__{subgraph}__{index}` in plan order (Matches Apollo Router): subgraph logs and traces then
tell which client operation (and which of its fetches) a request belongs to. Anonymous client operations keep
anonymous subgraph operations.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

import graphql

from router.planner.compact import print_operation
from router.planner.dedupe_flattens import map_parts
from router.planner.plan import (
    Condition,
    Defer,
    Fetch,
    Flatten,
    Parallel,
    PlanNode,
    Sequence,
    Subscription,
)

_NOT_NAME = re.compile(r"[^_0-9A-Za-z]")


def finish_fetches(node: PlanNode, operation_name: str | None) -> PlanNode:
    """Every Fetch with its (named) operation printed from its AST."""
    counter = itertools.count()

    def finish(fetch: Fetch) -> Fetch:
        document = fetch.document
        assert document is not None, "the planner builds every operation as AST"
        if not operation_name:
            return dataclasses.replace(fetch, operation=print_operation(document))
        name = f"{operation_name}__{_NOT_NAME.sub('_', fetch.service_name)}__{next(counter)}"
        document = dataclasses.replace(document, name=graphql.NameNode(value=name))
        operation = print_operation(document)
        return dataclasses.replace(fetch, operation=operation, operation_name=name, document=document)

    return map_fetches(node, finish)


def map_fetches(node: PlanNode, change: Callable[[Fetch], Fetch]) -> PlanNode:
    """The plan with `change` applied to every Fetch, in plan order."""
    if isinstance(node, Fetch):
        return change(node)
    if isinstance(node, Flatten):
        return Flatten(node.path, map_fetches(node.node, change), node.other_paths, node.path_fields)
    if isinstance(node, Sequence | Parallel):
        return type(node)(tuple(map_fetches(child, change) for child in node.nodes))
    if isinstance(node, Condition):
        if_clause = map_fetches(node.if_clause, change) if node.if_clause else None
        else_clause = map_fetches(node.else_clause, change) if node.else_clause else None
        return Condition(node.condition, if_clause, else_clause)
    if isinstance(node, Defer):
        return map_parts(node, lambda part: map_fetches(part, change))
    assert isinstance(node, Subscription)
    primary = change(node.primary)
    return Subscription(primary, map_fetches(node.rest, change) if node.rest else None)
