"""Hot reload in compose mode: a subgraph changes its schema under a running router, and the router
re-composes — new operations see the change without a restart, and a change that does not compose leaves
the last good supergraph serving."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import strawberry
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL

from router.app import build_router_app
from router.pipeline import Router
from router.reload import SupergraphWatcher, compose_from_subgraphs
from router.subgraph_client import asgi_client
from router.supergraph import load_supergraph


class Swappable:
    """One subgraph endpoint whose schema the test replaces, as a redeploy would."""

    def __init__(self, schema: strawberry.federation.Schema) -> None:
        self.app: Any = GraphQL(schema, graphql_ide=None)

    def serve(self, schema: strawberry.federation.Schema) -> None:
        self.app = GraphQL(schema, graphql_ide=None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


@strawberry.type(name="Query")
class GreetingV1:
    @strawberry.field
    def hello(self) -> str:
        return "hi"


@strawberry.type(name="Query")
class GreetingV2(GreetingV1):
    @strawberry.field
    def world(self) -> int:
        return 42


@strawberry.type(name="Query")
class Other:
    @strawberry.field
    def other(self) -> str:
        return "o"


@strawberry.type(name="Query")
class Clashing(Other):
    # Also defined by subgraph a, with another type and without @shareable: this does not compose.
    @strawberry.field
    def hello(self) -> int:
        return 7


def schema(query: type) -> strawberry.federation.Schema:
    return strawberry.federation.Schema(query=query)


class Routed:
    """A router in compose mode over two in-process subgraphs, as `python -m router --subgraph ...` runs."""

    def __init__(self) -> None:
        self.subgraphs = {"a": Swappable(schema(GreetingV1)), "b": Swappable(schema(Other))}
        self.source = compose_from_subgraphs(
            {name: f"http://{name}.internal/graphql" for name in self.subgraphs},
            transport=_Dispatch(self.subgraphs),
        )

    async def start(self) -> httpx.AsyncClient:
        sdl = await self.source()
        clients = {name: asgi_client(name, app) for name, app in self.subgraphs.items()}
        self.router = Router(load_supergraph(sdl), clients)

        def apply(new_sdl: str) -> None:
            self.router.swap_supergraph(load_supergraph(new_sdl))

        self.watcher = SupergraphWatcher(self.source, apply, interval=3600)
        self.watcher.mark_current(sdl)
        app = build_router_app(self.router, watcher=self.watcher)
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://router")


class _Dispatch(httpx.AsyncBaseTransport):
    """Introspection requests to each subgraph's current app, by host name."""

    def __init__(self, subgraphs: dict[str, Swappable]) -> None:
        self._subgraphs = subgraphs

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        name = request.url.host.split(".")[0]
        return await httpx.ASGITransport(app=self._subgraphs[name]).handle_async_request(request)


@pytest.fixture
async def routed() -> AsyncIterator[tuple[Routed, httpx.AsyncClient]]:
    setup = Routed()
    async with await setup.start() as client:
        yield setup, client


async def ask(client: httpx.AsyncClient, query: str) -> dict[str, Any]:
    body: dict[str, Any] = (await client.post("/graphql", json={"query": query})).json()
    return body


async def test_a_new_field_is_served_after_the_next_poll_without_a_restart(
    routed: tuple[Routed, httpx.AsyncClient],
) -> None:
    setup, client = routed
    assert await ask(client, "{ hello other }") == {"data": {"hello": "hi", "other": "o"}}
    assert (await ask(client, "{ world }"))["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"

    setup.subgraphs["a"].serve(schema(GreetingV2))
    assert await setup.watcher.poll_once() is True
    assert await ask(client, "{ hello world }") == {"data": {"hello": "hi", "world": 42}}


async def test_a_change_that_does_not_compose_leaves_the_last_good_supergraph(
    routed: tuple[Routed, httpx.AsyncClient], caplog: pytest.LogCaptureFixture
) -> None:
    setup, client = routed
    setup.subgraphs["a"].serve(schema(GreetingV2))
    assert await setup.watcher.poll_once() is True

    setup.subgraphs["b"].serve(schema(Clashing))
    assert await setup.watcher.poll_once() is False
    # Refused with the composer's reason, in the log where an operator looks.
    assert "composition failed" in caplog.text and "hello" in caplog.text
    # Still the supergraph of before the broken change: `world` from a, `other` from b, `hello` a String.
    assert await ask(client, "{ hello world other }") == {"data": {"hello": "hi", "world": 42, "other": "o"}}

    setup.subgraphs["b"].serve(schema(Other))
    # Fixed again: the same SDL as the one being served, so nothing to reload.
    assert await setup.watcher.poll_once() is False
    assert await ask(client, "{ other }") == {"data": {"other": "o"}}
