"""The per-request context of the contacts schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.contacts.loaders import ContactLoaders, build_loaders
from subgraphs.contacts.service import ContactService
from subgraphs.kit.app import RequestContext


@dataclass
class ContactsContext(RequestContext[ContactService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to see contacts"
    _loaders: ContactLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> ContactLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return ContactsContext.of(info).require_user()


def service(info: Info) -> ContactService:
    return ContactsContext.of(info).service


def loaders(info: Info) -> ContactLoaders:
    return ContactsContext.of(info).loaders
