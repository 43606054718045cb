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
    # Aliases and directives written in one document: each alias is another field the subgraphs resolve,
    # and thousands of repeated directives cost validation time without selecting anything.
    max_aliases: int = 30
    max_directives: int = 50
    # Lexical tokens (graphql-core's parser stops at the limit, before building the whole tree) and
    # characters of one document; the request body is bounded separately (max_body_bytes).
    max_tokens: int = 15_000
    max_characters: int = 100_000
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
