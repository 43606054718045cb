"""Subgraph call metrics: one `jobgraph_subgraph_requests_total` per call, outcomes per infra/METRICS.md."""

from __future__ import annotations

import asyncio
import socket

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from router.metrics import REGISTRY
from router.subgraph_client import asgi_client
from router.subgraph_client.http import HttpSubgraphClient
from router.subgraph_client.metered import MeteredClient
from router.subgraph_client.protocol import SubgraphRequest


async def answer(request: Request) -> Response:
    kind = (await request.json())["query"]
    if kind == "slow":
        await asyncio.sleep(5)
    if kind == "html":
        return PlainTextResponse("<html>bad gateway</html>", status_code=502)
    if kind == "graphql-502":
        return JSONResponse({"errors": [{"message": "down"}]}, status_code=502)
    if kind == "errors":
        return JSONResponse({"data": None, "errors": [{"message": "boom"}]})
    return JSONResponse({"data": {"ok": True}})


APP = Starlette(routes=[Route("/graphql", answer, methods=["POST"])])


def count(subgraph: str, outcome: str) -> float:
    value = REGISTRY.get_sample_value(
        "jobgraph_subgraph_requests_total", {"subgraph": subgraph, "outcome": outcome}
    )
    return value or 0.0


@pytest.mark.parametrize(
    ("query", "outcome"),
    [
        ("fine", "success"),
        ("errors", "graphql_error"),
        ("html", "http_error"),
        ("graphql-502", "http_error"),
        ("slow", "timeout"),
    ],
)
async def test_each_call_is_counted_with_its_outcome(query: str, outcome: str) -> None:
    client = MeteredClient("metered-test", asgi_client("metered-test", APP, timeout=0.2))
    before = count("metered-test", outcome)
    response = await client.execute(SubgraphRequest(query=query))
    assert count("metered-test", outcome) == before + 1
    # The outcome is for metrics only: what the client sees is the GraphQL error, nothing more.
    assert all(set(error) <= {"message", "extensions", "locations", "path"} for error in response.errors)
    await client.aclose()


async def test_an_unreachable_subgraph_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port any more: the connection is refused.
    inner = HttpSubgraphClient("metered-down", f"http://127.0.0.1:{port}/graphql", timeout=2)
    client = MeteredClient("metered-down", inner)
    before = count("metered-down", "network_error")
    response = await client.execute(SubgraphRequest(query="{ __typename }"))
    assert response.data is None and response.failure == "network_error"
    assert count("metered-down", "network_error") == before + 1
    await client.aclose()
