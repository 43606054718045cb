"""In-flight deduplication: identical concurrent queries to one subgraph share a single call."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import orjson

from router.subgraph_client.multipart import FileUpload
from router.subgraph_client.protocol import SubgraphClient, SubgraphRequest, SubgraphResponse


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
            [request.query, request.operation_name, request.variables, sorted(request.headers.items())],
            option=orjson.OPT_SORT_KEYS,
            default=_upload_identity,
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


def _upload_identity(value: object) -> str:
    # An uploaded file (a query may take one too) is its own request: two uploads never share a call.
    if isinstance(value, FileUpload):
        return f"upload:{id(value)}"
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
