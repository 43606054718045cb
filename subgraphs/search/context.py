"""The per-request context of the search schema: the caller and the service.

Search has no loaders: one index query answers a whole page, and the items are resolved by their own
subgraphs through entity references.
"""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.types import Info

from subgraphs.kit.app import RequestContext
from subgraphs.search.service import SearchService


@dataclass
class SearchContext(RequestContext[SearchService]):
    """Built once per request by the app; resolvers reach it through `info.context`."""

    sign_in_message = "sign in to search"


def caller(info: Info) -> str:
    """The authenticated caller's user id (UNAUTHENTICATED otherwise)."""
    return SearchContext.of(info).require_user()


def service(info: Info) -> SearchService:
    return SearchContext.of(info).service
