"""A supergraph's planner: every operation normalized first, and each normal form planned once (the plan
cache), so two spellings of one operation share one plan."""

from __future__ import annotations

import graphql

from router.bounded_cache import BoundedCache
from router.planner.budget import UNLIMITED, PlanningBudget
from router.planner.build import plan_operation
from router.planner.operation import normalize
from router.planner.override_labels import with_labels_on
from router.planner.plan import QueryPlan
from router.supergraph import Supergraph

# Estimated bytes a cached plan and its key (the normalized items) hold per selection of the operation.
BYTES_PER_SELECTION = 512


class Planner:
    """Plans operations against one supergraph, caching plans by normalized operation (safe to share with
    worker threads: planning itself is pure, the cache is locked)."""

    def __init__(self, supergraph: Supergraph, max_plans: int = 1000, max_bytes: int = 64 << 20) -> None:
        self.supergraph = supergraph
        self._plans: BoundedCache[tuple[object, ...], QueryPlan] = BoundedCache(
            max_plans, max_bytes, max_bytes // 8
        )

    def plan(
        self,
        document: graphql.DocumentNode,
        operation_name: str | None,
        budget: PlanningBudget = UNLIMITED,
        labels: frozenset[str] = frozenset(),
    ) -> QueryPlan:
        """The plan of one operation of a validated document (as `build_plan`), from the cache when an
        operation with the same normal form was planned before with the same progressive @override labels
        on (`labels`; those the supergraph does not have are ignored, so they cannot multiply the plans)."""
        budget.start()
        operation = normalize(document, operation_name, self.supergraph, budget)
        labels = labels & self.supergraph.override_labels
        key: tuple[object, ...] = (operation.key, labels) if labels else operation.key
        plan = self._plans.get(key)
        if plan is None:
            plan = plan_operation(with_labels_on(self.supergraph, labels), operation, budget)
            self._plans.put(key, plan, operation.size * BYTES_PER_SELECTION)
        return plan

    def __len__(self) -> int:
        """How many plans are cached."""
        return len(self._plans)
