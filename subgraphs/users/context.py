"""The per-request context of the users schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.kit.app import RequestContext
from subgraphs.users.loaders import UserLoaders, build_loaders
from subgraphs.users.service import UserService


@dataclass
class UsersContext(RequestContext[UserService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    # Profiles are for signed-in people; sign-up and sign-in work without a token.
    sign_in_message = "sign in to see profiles"
    _loaders: UserLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> UserLoaders:
        if self._loaders is None:
            self._loaders = build_loaders(self.service)
        return self._loaders


def context_of(info: Info) -> UsersContext:
    return UsersContext.of(info)
