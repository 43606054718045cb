"""The per-request context of the notifications schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.kit.app import RequestContext
from subgraphs.kit.events import LiveEvents
from subgraphs.notifications.loaders import NotificationLoaders, build_loaders
from subgraphs.notifications.service import NotificationService


@dataclass
class NotificationsContext(RequestContext[NotificationService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to see notifications"
    # The subscribers this process serves (None only in tests of queries and mutations).
    live: LiveEvents | None = None
    _loaders: NotificationLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> NotificationLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return NotificationsContext.of(info).require_user()


def service(info: Info) -> NotificationService:
    return NotificationsContext.of(info).service


def live(info: Info) -> LiveEvents:
    hub = NotificationsContext.of(info).live
    assert hub is not None, "the app gives every request the live hub"
    return hub


def loaders(info: Info) -> NotificationLoaders:
    return NotificationsContext.of(info).loaders
