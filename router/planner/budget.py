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
    """Limits for planning one operation. `start()` when planning begins; the walker `check()`s as it goes.

    Time is the planning thread's CPU time, not the wall clock: a loaded machine, or the event loop holding
    the GIL, must not make an ordinary operation fail; only planning's own work counts.
    """

    # How many selections (fields and fragments, every fragment spread counted where it is spread) the
    # operation may expand to after identical selections are merged.
    max_selections: int = 50_000
    # CPU seconds of planning (expansion, walking, optimising) before the operation is refused.
    timeout: float = 2.0
    _deadline: float = field(default=float("inf"), init=False)
    _checks: int = field(default=0, init=False)

    def start(self) -> None:
        self._deadline = time.thread_time() + self.timeout

    def check(self) -> None:
        # Reading the thread's CPU clock is a system call: look at the first step, then every 64th (a step
        # takes microseconds).
        self._checks += 1
        if self._checks % 64 == 1 and time.thread_time() > self._deadline:
            raise PlanningLimitExceeded(
                TIME_LIMIT,
                f"Planning this operation took more than the limit of {self.timeout} s of CPU time.",
            )

    def check_size(self, selections: int) -> None:
        if selections > self.max_selections:
            raise PlanningLimitExceeded(
                "max_selections",
                f"The operation expands to {selections} selections, more than the limit of "
                f"{self.max_selections}.",
            )


UNLIMITED = PlanningBudget(max_selections=2**62, timeout=float("inf"))
