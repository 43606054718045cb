"""The per-request context of the analytics schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.analytics.loaders import AnalyticsLoaders, build_loaders
from subgraphs.analytics.service import AnalyticsService
from subgraphs.kit.app import RequestContext


@dataclass
class AnalyticsContext(RequestContext[AnalyticsService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to see your analytics"
    _loaders: AnalyticsLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> AnalyticsLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return AnalyticsContext.of(info).require_user()


def service(info: Info) -> AnalyticsService:
    return AnalyticsContext.of(info).service


def loaders(info: Info) -> AnalyticsLoaders:
    return AnalyticsContext.of(info).loaders
