"""Progressive @override per request: which override labels are on — `percent(N)` ones at random, custom
ones when a plugin turns them on (router/plugins/plugin.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

# The `context.values` key under which plugins put the custom override labels they turn on for a request (any
# iterable of label names), in `request_received` or `operation_prepared`. Matches Apollo Router's
# `apollo::progressive_override::labels_to_override` context key (set there by coprocessors or Rhai).
OVERRIDE_LABELS = "override.labels"


def percentage(label: str) -> float | None:
    """N of a `percent(N)` label, None for a custom label (composition checked the syntax)."""
    if not (label.startswith("percent(") and label.endswith(")")):
        return None
    try:
        return float(label[len("percent(") : -1])
    except ValueError:
        return None


class OverrideLabels:
    """The override labels of one supergraph, and the choice of those on for one request."""

    def __init__(self, labels: frozenset[str], random: Callable[[], float]) -> None:
        self.labels = labels
        # In label order, so a seeded `random` draws the same number for the same label every run.
        self._percentages = {label: p for label in sorted(labels) if (p := percentage(label)) is not None}
        # A uniform draw in [0, 1) per `percent(N)` label and request; injected so tests can seed it.
        self._random = random

    def choose(self, requested: Iterable[str]) -> frozenset[str]:
        """Each `percent(N)` label is on with probability N% (Matches Apollo Router: on when a draw times 100
        is below N, so `percent(0)` is never on and `percent(100)` always); the custom labels a plugin
        `requested` are on when the supergraph has them (others would only multiply the cached plans)."""
        if not self.labels:
            return frozenset()
        drawn = {label for label, percent in self._percentages.items() if self._random() * 100 < percent}
        if isinstance(requested, str):  # a plugin that set one name meant that label, not its letters
            requested = (requested,)
        return frozenset(drawn).union(self.labels.intersection(requested))
