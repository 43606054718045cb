"""In-flight deduplication: identical concurrent queries to one subgraph share a single call."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import orjson

from router.subgraph_client.protocol import SubgraphClient, SubgraphRequest, SubgraphResponse

# Headers that name one client request without changing its answer (the correlation id): they do not keep
# identical queries apart; a shared call carries the id of the request that made it.
ANSWER_NEUTRAL_HEADERS = frozenset({"x-request-id"})


class DedupingClient:
    """Wraps a client; while a query is in flight, identical ones (same text, variables and headers) wait for
    its answer instead of sending their own. Never applied to mutations: each is a separate intent."""

    def __init__(self, inner: SubgraphClient) -> None:
        self.inner = inner
        self._in_flight: dict[bytes, asyncio.Future[SubgraphResponse]] = {}

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
        )
        pending = self._in_flight.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[SubgraphResponse] = asyncio.get_running_loop().create_future()
        self._in_flight[key] = future
        try:
            response = await self.inner.execute(request)
            future.set_result(response)
            return response
        except BaseException as error:
            future.set_exception(error)
            # Waiters re-raise it; mark it retrieved so asyncio does not log it as never awaited.
            future.exception()
            raise
        finally:
            del self._in_flight[key]

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        # Each subscriber gets its own stream.
        return self.inner.subscribe(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
