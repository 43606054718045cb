"""The per-request context of the interviews schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.interviews.loaders import InterviewLoaders, build_loaders
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.auth import Identity
from subgraphs.kit.errors import Unauthenticated


@dataclass
class InterviewsContext:
    """Built once per request by the app; resolvers reach it through `info.context`."""

    service: InterviewService
    identity: Identity | None
    # Why the token was refused, if it was: reported on first use, so anonymous fields still work.
    auth_error: Unauthenticated | None = None
    _loaders: InterviewLoaders | None = field(default=None, repr=False)

    def require_user(self) -> str:
        """The caller's user id; UNAUTHENTICATED without a valid token."""
        if self.auth_error is not None:
            raise self.auth_error
        if self.identity is None:
            raise Unauthenticated("sign in to see interviews")
        return self.identity.user_id

    @property
    def loaders(self) -> InterviewLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def context_of(info: Info) -> InterviewsContext:
    context = info.context
    assert isinstance(context, InterviewsContext), "the interviews app builds an InterviewsContext"
    return context


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return context_of(info).require_user()


def service(info: Info) -> InterviewService:
    return context_of(info).service


def loaders(info: Info) -> InterviewLoaders:
    return context_of(info).loaders
