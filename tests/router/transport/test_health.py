"""Probes: /health/live answers while the process runs; /health/ready once every subgraph answered a check."""

from __future__ import annotations

from router.subgraph_client import SubgraphRequest, SubgraphResponse
from router.subgraph_client.protocol import failure
from tests.router.executor.subgraphs import RecordingClient, recording_clients
from tests.router.plugins.harness import router_http


class Unreachable(RecordingClient):
    """A subgraph that is down until `up` is set."""

    up = False

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        if not self.up:
            return failure("SUBGRAPH_REQUEST_FAILED", "connection refused")
        return await super().execute(request)


async def test_live_answers_regardless_of_subgraphs() -> None:
    clients = recording_clients()
    clients["reviews"] = Unreachable(clients["reviews"].inner)
    async with router_http(clients=clients) as http:
        response = await http.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "live"}


async def test_ready_waits_for_every_subgraph_then_stays_ready() -> None:
    clients = recording_clients()
    reviews = Unreachable(clients["reviews"].inner)
    clients["reviews"] = reviews
    async with router_http(clients=clients) as http:
        starting = await http.get("/health/ready")
        reviews.up = True
        ready = await http.get("/health/ready")
        reviews.up = False
        still_ready = await http.get("/health/ready")
    assert starting.status_code == 503
    assert starting.json() == {"status": "starting", "waiting_for": ["reviews"]}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready"}
    assert still_ready.status_code == 200
