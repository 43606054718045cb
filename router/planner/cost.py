"""What a field costs from a subgraph: the fetches it needs there, found by walking it on scratch groups."""

from __future__ import annotations

import graphql

from router.planner.budget import PlanningBudget
from router.planner.groups import GroupRegistry
from router.planner.operation import FieldItem, PlanningError
from router.planner.position import Position
from router.planner.routes import INFEASIBLE
from router.planner.walker import Walker
from router.supergraph import Supergraph

# (subgraph, type, field, provided fields): a provided selection is named by its identity, which is its
# value: every field set is parsed once per text (`router/supergraph/field_sets.py`), and a provided
# selection is one of them or a part of one (hashing the AST instead showed in planning time).
_Question = tuple[str, str, FieldItem, int]


class Costs:
    """Estimates for one plan: `estimate` is a function of its arguments' values alone (the same field, type,
    subgraph and provided fields cost the same wherever they appear), memoised on those values.

    The memo lives as long as one plan: an estimate asked again while it is being computed counts as
    INFEASIBLE (a cycle), so results depend on the order questions are asked in, which one plan fixes.
    """

    def __init__(self, supergraph: Supergraph, budget: PlanningBudget) -> None:
        self.supergraph = supergraph
        self.budget = budget
        self.memo: dict[_Question, int] = {}
        # The provided selections asked about, kept alive for as long as their identity names them here.
        self.provided: dict[int, graphql.SelectionSetNode | None] = {}

    def estimate(
        self, graph: str, type_name: str, item: FieldItem, provided: graphql.SelectionSetNode | None = None
    ) -> int:
        """How many fetches `item` needs when resolved starting in `graph`; INFEASIBLE when it cannot be."""
        question = (graph, type_name, item, id(provided))
        known = self.memo.get(question)
        if known is not None:
            return known
        self.memo[question] = INFEASIBLE  # Until known: a cycle back to this question is infeasible.
        self.provided[id(provided)] = provided
        try:
            walker = self._walk(graph, type_name, item, provided)
        except PlanningError:
            return INFEASIBLE
        cost = self.memo[question] = len(walker.registry.groups) + walker.penalty
        return cost

    def deferred_size(self, graph: str, type_name: str, item: FieldItem) -> int:
        """How many fields the fetches after the first select when `item` starts in `graph` (not memoised:
        only asked to break a tie between subgraphs of equal cost)."""
        walker = self._walk(graph, type_name, item, None)
        start = walker.registry.groups[0]
        return sum(group.selection.size() for group in walker.registry.groups if group is not start)

    def _walk(
        self, graph: str, type_name: str, item: FieldItem, provided: graphql.SelectionSetNode | None
    ) -> Walker:
        registry = GroupRegistry()
        walker = Walker(self.supergraph, registry, self, self.budget)
        start = registry.root(graph, reuse=True)
        at = Position(start, graph, type_name, (), start.selection, provided)
        walker.walk_field(at, item, requires_met=True, check=False)
        return walker
