"""Per-request DataLoaders so `_entities` of notifications costs one query however many are asked for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from strawberry.dataloader import DataLoader

from subgraphs.notifications.models import Notification
from subgraphs.notifications.service import NotificationService


@dataclass(frozen=True, slots=True)
class NotificationLoaders:
    """The loaders of one request, scoped to its caller: someone else's ids load as None."""

    # Notification id → the caller's notification; backs `Notification.resolve_reference`.
    notification: DataLoader[str, Notification | None]


def build_loaders(service: NotificationService, user_id: str) -> NotificationLoaders:
    """Fresh loaders for one request by `user_id`; never share them between requests (they cache)."""
    return NotificationLoaders(notification=DataLoader(load_fn=partial(_notifications, service, user_id)))


async def _notifications(
    service: NotificationService, user_id: str, ids: Sequence[str]
) -> list[Notification | None]:
    return await service.get_many(user_id, ids)
