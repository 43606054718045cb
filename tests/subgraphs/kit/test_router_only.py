"""Subgraphs answer GraphQL only to the router's secret; probes and metrics stay open; the router's clients
(HTTP and in-process) send the secret on every request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from router.subgraph_client import asgi_client
from router.subgraph_client.http import ROUTER_SECRET_HEADER as ROUTER_SENDS
from router.subgraph_client.protocol import SubgraphRequest
from subgraphs.applications.app import build_subgraph
from subgraphs.kit.router_only import ROUTER_SECRET_HEADER, RouterOnly
from subgraphs.kit.settings import SubgraphSettings

SECRET = "s3cret-shared-by-router-and-subgraphs"
SDL = "{ _service { sdl } }"
REFUSED = {
    "errors": [
        {"message": "this subgraph answers only the jobgraph router", "extensions": {"code": "FORBIDDEN"}}
    ]
}


@pytest.fixture
async def guarded_app(tmp_path: Path) -> AsyncIterator[RouterOnly]:
    built = build_subgraph(SubgraphSettings.from_env("applications", {"JOBGRAPH_DATA_DIR": str(tmp_path)}))
    async with built.app.router.lifespan_context(built.app):
        yield RouterOnly(built.app, SECRET)


@pytest.fixture
async def http(guarded_app: RouterOnly) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=guarded_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://applications") as client:
        yield client


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({}, SDL),
        ({ROUTER_SECRET_HEADER: "guess"}, SDL),
        ({ROUTER_SECRET_HEADER: SECRET[:-1]}, SDL),
        ({}, "{ __schema { types { name } } }"),
        ({}, 'query { _entities(representations: [{__typename: "Application", id: "1"}]) { __typename } }'),
    ],
    ids=["no secret", "wrong secret", "almost the secret", "introspection", "_entities"],
)
async def test_graphql_without_the_routers_secret_is_refused(
    http: httpx.AsyncClient, headers: dict[str, str], query: str
) -> None:
    # Was: `_service { sdl }`, introspection and `_entities` answered anyone who reached the port.
    response = await http.post("/graphql", json={"query": query}, headers=headers)
    assert response.status_code == 403
    assert response.json() == REFUSED


async def test_the_routers_secret_opens_graphql_and_probes_need_none(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": SDL}, headers={ROUTER_SECRET_HEADER: SECRET})
    assert response.status_code == 200 and "type Application" in response.json()["data"]["_service"]["sdl"]
    for path in ("/health", "/health/live", "/metrics"):
        assert (await http.get(path)).status_code == 200, path


async def test_the_routers_client_sends_the_secret(guarded_app: RouterOnly) -> None:
    assert ROUTER_SENDS == ROUTER_SECRET_HEADER  # the router cannot import the kit: two names, one header
    request = SubgraphRequest(query=SDL)
    with_secret = asgi_client("applications", guarded_app, router_secret=SECRET)
    without = asgi_client("applications", guarded_app)
    try:
        answered = await with_secret.execute(request)
        refused = await without.execute(request)
    finally:
        await with_secret.aclose()
        await without.aclose()
    assert answered.errors in (None, [], ()) and answered.data is not None
    assert refused.errors and refused.errors[0]["extensions"]["code"] == "FORBIDDEN"
