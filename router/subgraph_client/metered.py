"""Count and time every subgraph call (jobgraph_subgraph_requests_total / _duration_seconds)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

from router.metrics import SUBGRAPH_DURATION, SUBGRAPH_REQUESTS
from router.subgraph_client.protocol import SubgraphClient, SubgraphRequest, SubgraphResponse


class MeteredClient:
    """Wraps a client with metrics; `outcome` as infra/METRICS.md names it: `success`, `graphql_error`,
    `http_error`, `timeout` or `network_error`."""

    def __init__(self, name: str, inner: SubgraphClient) -> None:
        self.name = name
        self.inner = inner
        # This subgraph's series, looked up once: `labels()` takes a lock and builds a key on every call.
        self._duration = SUBGRAPH_DURATION.labels(name)
        self._requests: dict[str, Any] = {}

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        started = time.perf_counter()
        response = await self.inner.execute(request)
        self._duration.observe(time.perf_counter() - started)
        outcome = response.failure or ("graphql_error" if response.errors else "success")
        counter = self._requests.get(outcome)
        if counter is None:
            counter = self._requests[outcome] = SUBGRAPH_REQUESTS.labels(self.name, outcome)
        counter.inc()
        return response

    def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        # Each subscriber gets its own stream.
        return self.inner.subscribe(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
