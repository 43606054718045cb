"""The per-request context of the users schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.kit.auth import Identity
from subgraphs.kit.errors import Unauthenticated
from subgraphs.users.loaders import UserLoaders, build_loaders
from subgraphs.users.service import UserService


@dataclass
class UsersContext:
    """Built once per request by the app; resolvers reach it through `info.context`."""

    service: UserService
    identity: Identity | None
    # Why the token was refused, if it was: reported on first use, so sign-up and sign-in still work.
    auth_error: Unauthenticated | None = None
    _loaders: UserLoaders | None = field(default=None, repr=False)

    def require_user(self) -> str:
        """The caller's user id; UNAUTHENTICATED without a valid token (profiles are for signed-in people)."""
        if self.auth_error is not None:
            raise self.auth_error
        if self.identity is None:
            raise Unauthenticated("sign in to see profiles")
        return self.identity.user_id

    @property
    def loaders(self) -> UserLoaders:
        if self._loaders is None:
            self._loaders = build_loaders(self.service)
        return self._loaders


def context_of(info: Info) -> UsersContext:
    context = info.context
    assert isinstance(context, UsersContext), "the users app builds a UsersContext"
    return context
