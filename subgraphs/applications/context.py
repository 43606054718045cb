"""The per-request context of the applications schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.applications.loaders import ApplicationLoaders, build_loaders
from subgraphs.applications.service import ApplicationService
from subgraphs.applications.transfer.service import TransferService
from subgraphs.kit.app import RequestContext
from subgraphs.kit.events import LiveEvents


@dataclass
class ApplicationsContext(RequestContext[ApplicationService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to see applications"
    # The subscribers of `applicationChanged` in this process (None only in tests of queries and mutations).
    live: LiveEvents | None = None
    # Export and import (None only in tests that do not reach them).
    transfer: TransferService | None = None
    _loaders: ApplicationLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> ApplicationLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return ApplicationsContext.of(info).require_user()


def service(info: Info) -> ApplicationService:
    return ApplicationsContext.of(info).service


def transfer(info: Info) -> TransferService:
    found = ApplicationsContext.of(info).transfer
    assert found is not None, "the app gives every request the transfer service"
    return found


def live(info: Info) -> LiveEvents:
    hub = ApplicationsContext.of(info).live
    assert hub is not None, "the app gives every request the live hub"
    return hub


def loaders(info: Info) -> ApplicationLoaders:
    return ApplicationsContext.of(info).loaders
