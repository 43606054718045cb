"""Hot reload (file and compose mode): a good new supergraph replaces the old one; a broken one leaves the
last good one serving."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
import strawberry
from strawberry.asgi import GraphQL

from router.app import build_router, build_router_app, supergraph_applier
from router.config import RouterConfig
from router.reload import (
    SupergraphUnavailable,
    SupergraphWatcher,
    compose_from_subgraphs,
    read_supergraph_file,
)
from router.subgraph_client import asgi_client
from router.supergraph import Supergraph, load_supergraph
from tests.router.planner.sdl import supergraph


def supergraph_with(fields: str) -> str:
    return supergraph(f"type Query @join__type(graph: A) {{ {fields} }}", "a")


class Holder:
    """Stands in for the router's swappable supergraph slot: `apply` loads first, then swaps."""

    def __init__(self) -> None:
        self.current: Supergraph | None = None

    def apply(self, sdl: str) -> None:
        self.current = load_supergraph(sdl)

    def query_fields(self) -> set[str]:
        assert self.current is not None
        query = self.current.api_schema.query_type
        assert query is not None
        return set(query.fields)


async def test_file_mode_picks_up_a_new_field_and_ignores_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "supergraph.graphql"
    path.write_text(supergraph_with("hello: String"))
    holder = Holder()
    watcher = SupergraphWatcher(read_supergraph_file(path), holder.apply, interval=0.01)
    await watcher.load_initial()
    assert holder.query_fields() == {"hello"}

    assert await watcher.poll_once() is False  # unchanged file: nothing to do

    path.write_text(supergraph_with("hello: String\n  world: Int"))
    assert await watcher.poll_once() is True
    assert holder.query_fields() == {"hello", "world"}

    path.write_text("type Query {")  # a half-written file must not replace the good supergraph
    assert await watcher.poll_once() is False
    assert holder.query_fields() == {"hello", "world"}

    path.unlink()
    assert await watcher.poll_once() is False
    assert holder.query_fields() == {"hello", "world"}


async def test_initial_load_failure_is_fatal(tmp_path: Path) -> None:
    watcher = SupergraphWatcher(read_supergraph_file(tmp_path / "missing.graphql"), Holder().apply)
    with pytest.raises(SupergraphUnavailable):
        await watcher.load_initial()


# -- compose mode --------------------------------------------------------------------------------------------


@strawberry.type
class GreetingsV1:
    @strawberry.field
    def hello(self) -> str:
        return "hello"


@strawberry.type
class GreetingsV2(GreetingsV1):
    @strawberry.field
    def world(self) -> str:
        return "world"


@strawberry.federation.type(keys=["missing"])
class Broken:
    id: strawberry.ID


@strawberry.type
class GreetingsV3(GreetingsV2):
    @strawberry.field
    def broken(self) -> Broken:
        return Broken(id=strawberry.ID("1"))


class ServedSubgraph:
    """One endpoint whose schema the test replaces, as a redeployed subgraph would."""

    def __init__(self, query: type) -> None:
        self.serve(query)

    def serve(self, query: type) -> None:
        self.app = GraphQL(strawberry.federation.Schema(query=query))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


async def ask(app: Any, query: str) -> dict[str, Any]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://router") as client:
        response = await client.post("/graphql", json={"query": query})
    body: dict[str, Any] = response.json()
    return body


async def test_compose_mode_recomposes_on_the_next_poll_and_keeps_the_last_good_supergraph(
    caplog: pytest.LogCaptureFixture,
) -> None:
    greetings = ServedSubgraph(GreetingsV1)
    # The router introspects `{ _service { sdl } }` and composes in process, as `--subgraph NAME=URL` does.
    source = compose_from_subgraphs(
        {"greetings": "http://greetings.internal/graphql"}, transport=httpx.ASGITransport(app=greetings)
    )
    first = await source()
    config = RouterConfig()
    clients = {"greetings": asgi_client("greetings", greetings)}
    router = build_router(first, config, clients)
    watcher = SupergraphWatcher(source, supergraph_applier(router, config, clients), interval=60)
    watcher.mark_current(first)
    app = build_router_app(router, config=config, watcher=watcher)

    assert await ask(app, "{ hello }") == {"data": {"hello": "hello"}}
    assert "errors" in await ask(app, "{ world }")  # not in the supergraph yet
    assert await watcher.poll_once() is False  # same schema, same supergraph: nothing to do

    greetings.serve(GreetingsV2)
    assert await watcher.poll_once() is True
    # No restart: the same app answers the new field.
    assert await ask(app, "{ hello world }") == {"data": {"hello": "hello", "world": "world"}}

    greetings.serve(GreetingsV3)  # a key on a field Broken does not have: composition fails
    with caplog.at_level(logging.WARNING, logger="router.reload"):
        assert await watcher.poll_once() is False
    assert "KEY_INVALID_FIELDS" in caplog.text
    assert await ask(app, "{ hello world }") == {"data": {"hello": "hello", "world": "world"}}
    assert "errors" in await ask(app, "{ broken { id } }")


async def test_compose_mode_reuses_the_clients_of_subgraphs_that_did_not_move() -> None:
    greetings = ServedSubgraph(GreetingsV1)
    source = compose_from_subgraphs(
        {"greetings": "http://greetings.internal/graphql"}, transport=httpx.ASGITransport(app=greetings)
    )
    router = build_router(await source(), RouterConfig(), {"greetings": asgi_client("greetings", greetings)})
    client = router.clients["greetings"]
    greetings.serve(GreetingsV2)
    supergraph_applier(router, RouterConfig())(await source())
    assert router.clients["greetings"] is client
    assert "world" in router.supergraph.types["Query"].fields
