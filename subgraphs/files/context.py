"""The per-request context of the files schema: the caller, the service and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.types import Info

from subgraphs.files.loaders import FileLoaders, build_loaders
from subgraphs.files.service import FileService
from subgraphs.kit.app import RequestContext


@dataclass
class FilesContext(RequestContext[FileService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to see files"
    _loaders: FileLoaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> FileLoaders:
        """The caller's loaders, created on first use (they need an authenticated caller)."""
        if self._loaders is None:
            self._loaders = build_loaders(self.service, self.require_user())
        return self._loaders


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return FilesContext.of(info).require_user()


def service(info: Info) -> FileService:
    return FilesContext.of(info).service


def loaders(info: Info) -> FileLoaders:
    return FilesContext.of(info).loaders
