"""Plan an operation: normalize it, walk it into fetch groups, optimise them, and build the plan tree."""

from __future__ import annotations

from dataclasses import replace

import graphql

from router.planner.budget import UNLIMITED, PlanningBudget
from router.planner.cost import Costs
from router.planner.dedupe_flattens import dedupe_flattens
from router.planner.defer_plan import build_defer
from router.planner.deferred import undeferred
from router.planner.fetches import finish_fetches
from router.planner.groups import GroupRegistry
from router.planner.merge_fetches import merge_sibling_fetches
from router.planner.mismatch_aliases import alias_mismatched_fields
from router.planner.operation import Operation, normalize
from router.planner.plan import PlanNode, QueryPlan
from router.planner.tree import build_tree
from router.planner.walker import Walker
from router.supergraph import Supergraph


def build_plan(
    supergraph: Supergraph,
    document: graphql.DocumentNode,
    operation_name: str | None,
    budget: PlanningBudget = UNLIMITED,
) -> QueryPlan:
    """The QueryPlan for one operation of a document already validated against `supergraph.api_schema`.

    Pure and synchronous: the same inputs always give an equal plan, so callers may cache it per operation.
    Raises PlanningLimitExceeded when the operation is larger, or takes longer to plan, than `budget` allows.
    """
    budget.start()
    return plan_operation(supergraph, normalize(document, operation_name, supergraph, budget), budget)


def plan_operation(
    supergraph: Supergraph, operation: Operation, budget: PlanningBudget = UNLIMITED
) -> QueryPlan:
    """The QueryPlan for a normalized operation (`build_plan` after the normalize stage)."""
    registry = GroupRegistry()
    Walker(supergraph, registry, Costs(supergraph, budget), budget).walk_root(operation.kind, operation.items)
    groups = merge_sibling_fetches(registry.groups)
    alias_mismatched_fields(supergraph, groups, supergraph.root_type(operation.kind) or "Query")
    if registry.deferred:
        merged = plan_operation(supergraph, replace(operation, items=undeferred(operation.items)), budget)
        node: PlanNode | None = build_defer(
            groups, registry.deferred, operation.kind, operation.variables, operation.items, merged.node
        )
    else:
        node = build_tree(groups, operation.kind, operation.variables)
    if node is None:
        return QueryPlan(None)
    return QueryPlan(finish_fetches(dedupe_flattens(node), operation.name))
