"""Automatic persisted queries (Apollo's APQ protocol): a client sends only the query's hash in
`extensions.persistedQuery.sha256Hash`; an unknown hash is answered PERSISTED_QUERY_NOT_FOUND, the client
retries with the query, which is kept (in a store bounded in entries and bytes) for later requests.

Spec: https://github.com/apollographql/apollo-link-persisted-queries#apollo-engine (version 1, SHA-256 of the
query text, hex).
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from router.bounded_cache import BoundedCache
from router.plugins.plugin import Plugin, RequestContext, StopRequest


class AutomaticPersistedQueriesPlugin(Plugin):
    """Turns a known hash into its query and remembers the queries clients register."""

    def __init__(self, max_entries: int = 10_000, max_bytes: int = 32 * 1024 * 1024) -> None:
        # A client can register any query: the store is bounded so that cannot grow memory without end.
        self.store: BoundedCache[str, str] = BoundedCache(
            max_entries, max_bytes, max_entry_bytes=max_bytes // 8
        )

    async def request_received(self, context: RequestContext) -> None:
        persisted = persisted_query(context.request.extensions)
        if persisted is None:
            return
        if persisted.get("version", 1) != 1:
            raise StopRequest("Unsupported persisted query version.", "PERSISTED_QUERY_NOT_SUPPORTED")
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or not digest:
            raise StopRequest("persistedQuery.sha256Hash must be a string.", "BAD_REQUEST")
        digest = digest.lower()
        query = context.request.query
        if query:
            if hashlib.sha256(query.encode()).hexdigest() != digest:
                raise StopRequest("provided sha does not match query", "INVALID_PERSISTED_QUERY")
            self.store.put(digest, query, len(query))
            return
        known = self.store.get(digest)
        if known is None:
            raise StopRequest("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
        context.request = dataclasses.replace(context.request, query=known)


def persisted_query(extensions: Any) -> dict[str, Any] | None:
    """The request's `extensions.persistedQuery`, when it has one."""
    if not isinstance(extensions, dict):
        return None
    persisted = extensions.get("persistedQuery")
    return persisted if isinstance(persisted, dict) else None
