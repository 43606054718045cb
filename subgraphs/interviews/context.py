"""The per-request context of the interviews schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.interviews.loaders import InterviewLoaders, build_loaders
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.app import RequestContext


@dataclass
class InterviewsContext(RequestContext[InterviewService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to see interviews"
    _loaders: InterviewLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> InterviewLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return InterviewsContext.of(info).require_user()


def service(info: Info) -> InterviewService:
    return InterviewsContext.of(info).service


def loaders(info: Info) -> InterviewLoaders:
    return InterviewsContext.of(info).loaders
