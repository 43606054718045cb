"""The whole system in one process (`jobgraph dev`): every subgraph, the event bus, and the router in front.

Users is built first: it creates the token signing key under the data directory, where the other subgraphs
find its public half. The supergraph is composed at start-up from the subgraphs' own schemas, so the router
always serves exactly what the running code defines.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Mount

from jobgraph.catalog import available_subgraphs
from jobgraph.factories import BuiltSubgraph, build_subgraph
from jobgraph.schema_files import compose_project
from router.app import build_router_app
from router.config import load_config
from router.subgraph_client import asgi_client
from router.transport.streams import OpenStreams
from subgraphs.kit.events import EventBus, EventConsumer, OutboxRelay, attach_live
from subgraphs.kit.events.settings import EventSettings, create_event_bus
from subgraphs.kit.router_only import RouterOnly

logger = logging.getLogger("jobgraph")


class CompositionFailed(RuntimeError):
    """The subgraphs do not compose; the message lists the composer's errors."""


@dataclass
class System:
    """The running pieces; `app` is what the HTTP server serves."""

    app: Starlette
    subgraphs: dict[str, BuiltSubgraph]
    bus: EventBus
    supergraph_sdl: str
    relays: list[OutboxRelay] = field(default_factory=list)
    # The router's subscription streams, which the server ends first at shutdown (router/server.py).
    streams: OpenStreams = field(default_factory=OpenStreams)


@contextlib.asynccontextmanager
async def running_system(data_dir: Path, environ: Mapping[str, str]) -> AsyncIterator[System]:
    """Build and start everything (`data_dir` must exist); stop it all on exit."""
    env = {**environ, "JOBGRAPH_DATA_DIR": str(data_dir)}
    entries = available_subgraphs()
    subgraphs: dict[str, BuiltSubgraph] = {}
    for entry in sorted(entries, key=lambda item: item.name != "users"):
        subgraphs[entry.name] = build_subgraph(entry.name, env)
    _, result = compose_project(entries)
    if result.supergraph_sdl is None:
        details = "\n".join(f"  [{error.code}] {error.message}" for error in result.errors)
        raise CompositionFailed(f"the subgraphs do not compose:\n{details}")
    # Subgraphs answer only the router (kit/router_only.py); in one process a fresh secret per run means
    # nothing to configure. JOBGRAPH_ROUTER_SECRET, if set, is used instead.
    secret = env.get("JOBGRAPH_ROUTER_SECRET") or secrets.token_urlsafe(32)
    served = {name: RouterOnly(built.app, secret) for name, built in subgraphs.items()}
    clients = {name: asgi_client(name, app, router_secret=secret) for name, app in served.items()}
    # The router's own settings (JOBGRAPH_ROUTER_*: limits, rate limits, CORS...) apply in one process too.
    config = load_config(None, env).model_copy(update={"web_dir": web_dir(env)})
    router_app = build_router_app(result.supergraph_sdl, clients, config)
    routes = [Mount(f"/subgraphs/{name}", app=app) for name, app in served.items()]
    app = Starlette(routes=[*routes, Mount("/", app=router_app)])
    # In-process unless JOBGRAPH_RABBITMQ_URL points at a broker.
    bus = create_event_bus(EventSettings.from_env(env))
    system = System(
        app=app,
        subgraphs=subgraphs,
        bus=bus,
        supergraph_sdl=result.supergraph_sdl,
        streams=router_app.state.streams,
    )
    async with contextlib.AsyncExitStack() as stack:
        # Each app's own start-up (migrations) and shutdown (closing its database), in order.
        for built in subgraphs.values():
            await stack.enter_async_context(lifespan_of(built.app))
        await stack.enter_async_context(lifespan_of(router_app))
        system.relays = await wire_events(stack, bus, list(subgraphs.values()))
        yield system


async def wire_events(
    stack: contextlib.AsyncExitStack, bus: EventBus, subgraphs: list[BuiltSubgraph]
) -> list[OutboxRelay]:
    """Start `bus`, subscribe each subgraph's handlers and start a relay per outbox; `stack` stops them all
    (relays first, so nothing is published into a stopped bus)."""
    await bus.start()
    stack.push_async_callback(bus.stop)
    for built in subgraphs:
        if built.handlers:
            await bus.subscribe(EventConsumer(built.name, built.handlers))
        if built.live is not None:
            source = await attach_live(bus, built.live)
            if source is not None:
                stack.push_async_callback(source.stop)
    relays = []
    for built in subgraphs:
        if built.outbox is not None:
            relay = OutboxRelay(built.outbox, bus)
            await relay.start()
            stack.push_async_callback(relay.stop)
            relays.append(relay)
    return relays


def web_dir(environ: Mapping[str, str]) -> str:
    """The built web app `jobgraph dev` serves at `/`: JOBGRAPH_ROUTER_WEB_DIR, else this checkout's web/dist
    (`make run` builds it there)."""
    return environ.get("JOBGRAPH_ROUTER_WEB_DIR") or str(Path(__file__).resolve().parents[1] / "web" / "dist")


@contextlib.asynccontextmanager
async def lifespan_of(app: Any) -> AsyncIterator[None]:
    """Run a Starlette app's start-up and shutdown around the block."""
    async with app.router.lifespan_context(app):
        yield
