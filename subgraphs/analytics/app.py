"""Composition root of the analytics subgraph: settings → database → service → schema → ASGI app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.analytics.context import AnalyticsContext
from subgraphs.analytics.events import application_consumer
from subgraphs.analytics.migrations import MIGRATIONS_DIR
from subgraphs.analytics.schema import schema
from subgraphs.analytics.service import AnalyticsService, utc_now
from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, database_lifespan, subgraph_app, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings

NAME = "analytics"


@dataclass(frozen=True, slots=True)
class AnalyticsSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus its event consumer (subscribed to the bus at start-up)."""

    app: Starlette
    service: AnalyticsService
    engine: AsyncEngine
    consumer: EventConsumer


def build_subgraph(
    settings: SubgraphSettings,
    *,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
) -> AnalyticsSubgraph:
    """Build the subgraph from `settings`; the database is migrated when the app starts (lifespan).

    With `bus` (owned, started and stopped by the host), start-up subscribes the `analytics` consumer to it.
    Without one, application events are not consumed (a host such as `jobgraph dev` subscribes `handlers`).
    `verifier` defaults to one for `settings.jwt_public_key`; without a key every request is anonymous.
    """
    engine = create_engine(settings.database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    service = AnalyticsService(sessions, clock=clock)
    consumer = application_consumer(service, sessions, retry=retry)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: AnalyticsContext(service=service, identity=identity, auth_error=error),
        verifier_for(settings, verifier),
    )
    lifespan = database_lifespan(settings, engine, MIGRATIONS_DIR, bus=bus, consumer=consumer)
    app = subgraph_app(NAME, graphql, lifespan)
    return AnalyticsSubgraph(app=app, service=service, engine=engine, consumer=consumer)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
