"""Optimisation: a root fetch whose every field is under one `@include`/`@skip` variable runs conditionally.

Matches Apollo's `Include(if: $v)` / `Skip(if: $v)` plan nodes: when the condition excludes every field the
subgraph would be sent an operation that selects nothing, so the whole branch (with its entity fetches) is
skipped. The directives stay in the subgraph operation as well, which keeps it correct either way.
"""

from __future__ import annotations

import graphql

from router.planner.groups import FetchGroup
from router.planner.plan import Condition, PlanNode


def root_condition(group: FetchGroup) -> tuple[str, bool] | None:
    """(variable, include?) shared by every top-level field of a root group, or None."""
    found: set[tuple[str, bool]] = set()
    for node in group.selection.fields.values():
        conditions = [c for c in map(_condition, node.directives) if c is not None]
        if len(conditions) != 1:
            return None
        found.add(conditions[0])
    if group.selection.fragments or len(found) != 1:
        return None
    return found.pop()


def guard(node: PlanNode, condition: tuple[str, bool] | None) -> PlanNode:
    if condition is None:
        return node
    variable, include = condition
    return Condition(variable, node, None) if include else Condition(variable, None, node)


def _condition(directive: graphql.DirectiveNode) -> tuple[str, bool] | None:
    if directive.name.value not in ("include", "skip"):
        return None
    argument = next((a for a in directive.arguments or () if a.name.value == "if"), None)
    if argument is None or not isinstance(argument.value, graphql.VariableNode):
        return None
    return argument.value.name.value, directive.name.value == "include"
