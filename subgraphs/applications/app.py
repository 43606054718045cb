"""Composition root of the applications subgraph: settings → database → service → schema → ASGI app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.applications.context import ApplicationsContext
from subgraphs.applications.events import LIVE, applications_consumer, record_application_event
from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.schema import schema
from subgraphs.applications.service import ApplicationService, utc_now
from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, database_lifespan, subgraph_app, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, LiveEvents, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings

NAME = "applications"


@dataclass(frozen=True, slots=True)
class ApplicationsSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus what a host wires around it: its live hub and its consumer of
    the interviews, files and contacts events that feed the timeline, of `user.deleted` and of
    `export.requested`."""

    app: Starlette
    service: ApplicationService
    engine: AsyncEngine
    # The subscribers of `applicationChanged` in this process, fed from the bus by the lifespan or host.
    live: LiveEvents
    consumer: EventConsumer


def build_subgraph(
    settings: SubgraphSettings,
    *,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
) -> ApplicationsSubgraph:
    """Build the subgraph from `settings`; the database is migrated when the app starts (lifespan).

    With `bus` (owned by the host), start-up subscribes the `applications` consumer (timeline events,
    `user.deleted`, `export.requested`) and
    an outbox relay publishes application events to it until shutdown; without one they wait in the outbox
    for a host that relays them. `verifier` defaults to one for `settings.jwt_public_key`; without a key
    every request is anonymous.
    """
    engine = create_engine(settings.database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    service = ApplicationService(sessions, record_application_event, clock=clock)
    live = LiveEvents(NAME, LIVE)
    consumer = applications_consumer(service, sessions, retry=retry)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: ApplicationsContext(
            service=service, identity=identity, auth_error=error, live=live
        ),
        verifier_for(settings, verifier),
    )
    lifespan = database_lifespan(settings, engine, MIGRATIONS_DIR, bus=bus, consumer=consumer, live=live)
    app = subgraph_app(NAME, graphql, lifespan)
    return ApplicationsSubgraph(app=app, service=service, engine=engine, live=live, consumer=consumer)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
