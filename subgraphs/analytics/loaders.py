"""Per-request DataLoaders: the same analytics asked for twice in one operation (aliases, `_entities` with a
repeated representation) is computed once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from strawberry.dataloader import DataLoader

from subgraphs.analytics.models import Analytics, AnalyticsRange
from subgraphs.analytics.service import AnalyticsService


@dataclass(frozen=True, slots=True)
class AnalyticsLoaders:
    """The loaders of one request, scoped to its caller (analytics is only ever the caller's own)."""

    # Validated range → the caller's numbers for it.
    analytics: DataLoader[AnalyticsRange, Analytics]


def build_loaders(service: AnalyticsService, user_id: str) -> AnalyticsLoaders:
    """Fresh loaders for one request by `user_id`; never share them between requests (they cache)."""
    return AnalyticsLoaders(analytics=DataLoader(load_fn=partial(_analytics, service, user_id)))


async def _analytics(
    service: AnalyticsService, user_id: str, periods: Sequence[AnalyticsRange]
) -> list[Analytics]:
    return [await service.analytics(user_id, period) for period in periods]
