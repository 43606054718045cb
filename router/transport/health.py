"""Orchestrators' probes: `/health/live` (the process answers) and `/health/ready` (a supergraph is loaded and
every subgraph answered a first check)."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from router.pipeline import Router
from router.subgraph_client import SubgraphRequest

# The cheapest operation every GraphQL server answers.
_PROBE = SubgraphRequest(query="query __RouterReadiness { __typename }", operation_name="__RouterReadiness")


class Readiness:
    """Answers the probes. Readiness is sticky: once every subgraph answered, later subgraph outages are the
    executor's business (partial answers), not a reason to take the router out of the load balancer."""

    def __init__(self, router: Router, *, check_timeout: float = 2.0) -> None:
        self.router = router
        self.check_timeout = check_timeout
        self.ready = False
        self._lock = asyncio.Lock()

    async def live(self, request: Request) -> Response:
        return JSONResponse({"status": "live"})

    async def ready_probe(self, request: Request) -> Response:
        waiting = [] if self.ready else await self._check()
        if waiting:
            return JSONResponse({"status": "starting", "waiting_for": waiting}, status_code=503)
        return JSONResponse({"status": "ready"})

    async def _check(self) -> list[str]:
        """The subgraphs that did not answer a first check (one check at a time, however many probes)."""
        async with self._lock:
            if self.ready:
                return []
            clients = dict(self.router.clients)
            answers = await asyncio.gather(*(self._answers(client_name) for client_name in clients))
            waiting = sorted(name for name, answered in zip(clients, answers, strict=True) if not answered)
            self.ready = not waiting
            return waiting

    async def _answers(self, name: str) -> bool:
        try:
            async with asyncio.timeout(self.check_timeout):
                response = await self.router.clients[name].execute(_PROBE)
        except TimeoutError:
            return False
        return response.data is not None
