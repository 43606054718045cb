"""A planning budget: how many selections an operation may expand to and how long planning may take."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# The name of the time limit (the setting), as refusals report it.
TIME_LIMIT = "planning_timeout"


class PlanningLimitExceeded(Exception):
    """Planning one operation would exceed a configured limit; `limit` names the setting.

    Deliberately not a PlanningError: the planner catches those while estimating alternatives, and a spent
    budget must end the whole planning, not one estimate.
    """

    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message)
        self.limit = limit
        self.message = message


@dataclass(slots=True)
class PlanningBudget:
    """Limits for planning one operation. `start()` when planning begins; the walker `check()`s as it goes."""

    # How many selections (fields and fragments, every fragment spread counted where it is spread) the
    # operation may expand to after identical selections are merged.
    max_selections: int = 50_000
    # Seconds of planning (expansion, walking, optimising) before the operation is refused.
    timeout: float = 2.0
    _deadline: float = field(default=float("inf"), init=False)

    def start(self) -> None:
        self._deadline = time.perf_counter() + self.timeout

    def check(self) -> None:
        if time.perf_counter() > self._deadline:
            raise PlanningLimitExceeded(
                TIME_LIMIT, f"Planning this operation took longer than the limit of {self.timeout} s."
            )

    def check_size(self, selections: int) -> None:
        if selections > self.max_selections:
            raise PlanningLimitExceeded(
                "max_selections",
                f"The operation expands to {selections} selections, more than the limit of "
                f"{self.max_selections}.",
            )


UNLIMITED = PlanningBudget(max_selections=2**62, timeout=float("inf"))
