"""In-flight deduplication: identical concurrent queries to one subgraph share a single call."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import orjson

from router.subgraph_client.multipart import FileUpload
from router.subgraph_client.protocol import SubgraphClient, SubgraphRequest, SubgraphResponse

# Headers that name one client request without changing its answer (the correlation id): they do not keep
# identical queries apart; a shared call carries the id of the request that made it.
ANSWER_NEUTRAL_HEADERS = frozenset({"x-request-id"})


@dataclass(eq=False)
class _SharedCall:
    """One call in flight and how many callers are waiting for it."""

    task: asyncio.Task[SubgraphResponse]
    waiters: int = 0


class DedupingClient:
    """Wraps a client; while a query is in flight, identical ones (same text, variables and headers) wait for
    its answer instead of sending their own. Never applied to mutations: each is a separate intent.

    The shared call runs in a task of its own, so a caller that goes away (a client disconnecting cancels
    its request) does not cancel the call the others are waiting for; the call is cancelled only when no
    caller is left."""

    def __init__(self, inner: SubgraphClient) -> None:
        self.inner = inner
        self._in_flight: dict[bytes, _SharedCall] = {}

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        if request.is_mutation:
            return await self.inner.execute(request)
        key = orjson.dumps(
            [
                request.query,
                request.operation_name,
                request.variables,
                sorted(item for item in request.headers.items() if item[0] not in ANSWER_NEUTRAL_HEADERS),
            ],
            option=orjson.OPT_SORT_KEYS,
            default=_upload_identity,
        )
        shared = self._in_flight.get(key)
        if shared is None:
            shared = _SharedCall(asyncio.create_task(self.inner.execute(request)))
            self._in_flight[key] = shared
            shared.task.add_done_callback(lambda _: self._forget(key, shared))
        shared.waiters += 1
        try:
            return await asyncio.shield(shared.task)
        finally:
            shared.waiters -= 1
            if shared.waiters == 0 and not shared.task.done():
                # Every caller was cancelled: nobody needs the answer any more.
                shared.task.cancel()
                self._forget(key, shared)

    def _forget(self, key: bytes, shared: _SharedCall) -> None:
        if self._in_flight.get(key) is shared:
            del self._in_flight[key]

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        # Each subscriber gets its own stream.
        return self.inner.subscribe(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def _upload_identity(value: object) -> str:
    # An uploaded file (a query may take one too) is its own request: two uploads never share a call.
    if isinstance(value, FileUpload):
        return f"upload:{id(value)}"
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
