"""`jobgraph subgraph NAME` (one subgraph as its own service) and `jobgraph migrate`."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
from collections.abc import AsyncIterator, Sequence

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount

from jobgraph.catalog import SUBGRAPHS, find_subgraph
from jobgraph.factories import build_subgraph
from jobgraph.system import lifespan_of, wire_events
from jobgraph.token_keys import token_key_error
from router.logs import configure_logging, server_log_options
from router.telemetry import configure_tracing, traced
from subgraphs.kit.app import readiness_route
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.events.settings import EventSettings, create_event_bus
from subgraphs.kit.router_only import guarded
from subgraphs.kit.settings import SubgraphSettings

logger = logging.getLogger("jobgraph")


def run_subgraph(name: str, *, host: str, port: int | None) -> int:
    """Serve subgraph `name` over HTTP with its events on the configured bus (RabbitMQ in production)."""
    configure_logging()
    try:
        entry = find_subgraph(name)
    except KeyError as error:
        logger.error("%s", error.args[0])
        return 2
    problem = token_key_error(name, os.environ)
    if problem is not None:
        logger.error("%s: %s", name, problem)
        return 2
    if name != "users" and SubgraphSettings.from_env(name).jwt_public_key is None:
        logger.warning("JOBGRAPH_JWT_PUBLIC_KEY is not set: %s refuses every signed-in request", name)
    settings = EventSettings.from_env()
    if settings.rabbitmq_url is None:
        logger.warning("JOBGRAPH_RABBITMQ_URL is not set: %s's events stay inside this process", name)
    router_secret = os.environ.get("JOBGRAPH_ROUTER_SECRET") or None
    if router_secret is None:
        logger.warning("JOBGRAPH_ROUTER_SECRET is not set: %s answers GraphQL from anyone reaching it", name)
    provider = configure_tracing(name)
    built = build_subgraph(name, os.environ)
    bus = create_event_bus(settings)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(lifespan_of(built.app))
            await wire_events(stack, bus, [built])
            yield

    served = guarded(built.app, router_secret)
    app = Starlette(routes=[readiness_route(name, bus), Mount("/", app=served)], lifespan=lifespan)
    uvicorn.run(traced(app, provider), host=host, port=port or entry.port, **server_log_options())
    return 0


def migrate(names: Sequence[str]) -> int:
    """Apply the migrations of the named SQL subgraphs (all of them when none are named)."""
    configure_logging()
    chosen = list(names) or [entry.name for entry in SUBGRAPHS]
    for name in chosen:
        try:
            find_subgraph(name)
        except KeyError as error:
            logger.error("%s", error.args[0])
            return 2
    for name in chosen:
        try:
            migrations = importlib.import_module(f"subgraphs.{name}.migrations")
        except ModuleNotFoundError:
            logger.info("%s keeps documents, not SQL tables: nothing to migrate", name)
            continue
        settings = SubgraphSettings.from_env(name)
        if settings.mongodb_url:
            # Its store is MongoDB (indexes made at start-up): an SQL migration would only leave an unused
            # SQLite file behind.
            logger.info("%s keeps its documents in MongoDB: nothing to migrate", name)
            continue
        if settings.database_url.startswith("sqlite"):
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        asyncio.run(_upgrade(settings.database_url, migrations.MIGRATIONS_DIR))
        logger.info("%s: migrated %s", name, settings.safe_database_url)
    return 0


async def _upgrade(database_url: str, migrations_dir: object) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_to_head(engine, migrations_dir)  # type: ignore[arg-type]
    finally:
        await engine.dispose()
