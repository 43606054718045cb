"""The limits every client operation is held to before any subgraph is called, with their safe defaults."""

from __future__ import annotations

from dataclasses import dataclass

from router.planner import PlanningBudget

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class OperationLimits:
    """What one operation may cost the router to prepare, and what the preparation caches may hold."""

    # Prepared operations (parsed, validated, planned) kept, at most this many ...
    cache_size: int = 1000
    # ... and at most this many bytes of estimated memory; an operation estimated above an eighth of it is
    # prepared every time and never cached, so one huge operation cannot push out everything else.
    cache_bytes: int = 64 * MIB
    # Deepest field nesting accepted.
    max_depth: int = 32
    # Root fields (counted by response key, fragments included) of a query, and of a mutation: each root
    # mutation field is work the subgraphs do in sequence (e.g. one Argon2 hash per `register`).
    max_root_fields: int = 64
    max_mutation_root_fields: int = 10
    # Selections the operation may expand to (every fragment counted where it is spread, identical
    # selections merged), and seconds of planning (CPU time of the planning thread).
    max_selections: int = 50_000
    planning_timeout: float = 2.0

    def root_field_limit(self, operation_kind: str) -> tuple[str, int]:
        """The setting that bounds root fields for this kind of operation, and its value."""
        if operation_kind == "mutation":
            return "max_mutation_root_fields", self.max_mutation_root_fields
        return "max_root_fields", self.max_root_fields

    def planning_budget(self) -> PlanningBudget:
        """A fresh budget for planning one operation."""
        return PlanningBudget(max_selections=self.max_selections, timeout=self.planning_timeout)
