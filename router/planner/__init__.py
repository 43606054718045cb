"""The query planner: a client operation plus the supergraph in, a QueryPlan out (pure, synchronous)."""

from router.planner.budget import PlanningBudget, PlanningLimitExceeded
from router.planner.build import build_plan
from router.planner.operation import PlanningError
from router.planner.planner import Planner
from router.planner.printer import print_plan

__all__ = [
    "Planner",
    "PlanningBudget",
    "PlanningError",
    "PlanningLimitExceeded",
    "build_plan",
    "print_plan",
]
