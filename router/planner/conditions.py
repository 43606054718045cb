"""Optimisation: a fetch whose every field is under one `@include`/`@skip` variable runs conditionally.

Matches Apollo's `Include(if: $v)` / `Skip(if: $v)` plan nodes: when the condition excludes every field, the
subgraph would be sent an operation that selects nothing, so the fetch (and the fetches that read its data)
is skipped. The directives stay in the subgraph operation as well, which keeps it correct either way.
"""

from __future__ import annotations

import graphql

from router.planner.groups import FetchGroup
from router.planner.plan import Condition, PlanNode
from router.planner.selection import SelectionTree

# (variable, True for @include / False for @skip)
VariableCondition = tuple[str, bool]


def group_condition(group: FetchGroup) -> VariableCondition | None:
    """The condition every field of the group's selection hangs on, or None."""
    return _uniform(group.selection)


def guard(node: PlanNode, condition: VariableCondition | None) -> PlanNode:
    if condition is None:
        return node
    variable, include = condition
    return Condition(variable, node, None) if include else Condition(variable, None, node)


def _uniform(tree: SelectionTree) -> VariableCondition | None:
    found: set[VariableCondition | None] = set()
    for node in tree.fields.values():
        found.add(_single(node.directives))
    for directives, fragment in tree.fragments.values():
        if fragment.is_empty():
            continue
        found.add(_single(directives) if directives else _uniform(fragment))
    if len(found) != 1:
        return None
    return found.pop()


def _single(directives: tuple[graphql.DirectiveNode, ...]) -> VariableCondition | None:
    conditions = [c for c in map(_condition, directives) if c is not None]
    return conditions[0] if len(conditions) == 1 else None


def _condition(directive: graphql.DirectiveNode) -> VariableCondition | None:
    if directive.name.value not in ("include", "skip"):
        return None
    argument = next((a for a in directive.arguments or () if a.name.value == "if"), None)
    if argument is None or not isinstance(argument.value, graphql.VariableNode):
        return None
    return argument.value.name.value, directive.name.value == "include"
