"""Composition root of the interviews subgraph: settings → database → service → schema → ASGI app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.interviews.context import InterviewsContext
from subgraphs.interviews.events import application_consumer, record_interview_event
from subgraphs.interviews.migrations import MIGRATIONS_DIR
from subgraphs.interviews.schema import schema
from subgraphs.interviews.service import InterviewService, utc_now
from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, database_lifespan, subgraph_app, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, RetryPolicy
from subgraphs.kit.idempotency import sql_idempotency
from subgraphs.kit.periodic import every
from subgraphs.kit.settings import SubgraphSettings

NAME = "interviews"
# How often stale application claims are swept (service.CLAIM_TTL says which are stale).
CLAIM_SWEEP_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class InterviewsSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus its event consumer (subscribed to the bus at start-up)."""

    app: Starlette
    service: InterviewService
    engine: AsyncEngine
    consumer: EventConsumer


def build_subgraph(
    settings: SubgraphSettings,
    *,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
) -> InterviewsSubgraph:
    """Build the subgraph from `settings`; the database is migrated when the app starts (lifespan).

    With `bus` (owned, started and stopped by the host), start-up subscribes the `interviews` consumer to
    it and runs an outbox relay publishing interview events to it until shutdown. Without one, events wait
    in the outbox and application events are not consumed. `verifier` defaults to one for
    `settings.jwt_public_key`; without a key every request is anonymous.
    """
    engine = create_engine(settings.database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    service = InterviewService(sessions, record_interview_event, clock=clock)
    consumer = application_consumer(service, sessions, retry=retry)

    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: InterviewsContext(service=service, identity=identity, auth_error=error),
        verifier_for(settings, verifier),
        idempotency=sql_idempotency(engine),
    )
    database = database_lifespan(settings, engine, MIGRATIONS_DIR, bus=bus, consumer=consumer)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with database(app), every(CLAIM_SWEEP_SECONDS, service.drop_stale_claims, name="claim-sweep"):
            yield

    app = subgraph_app(NAME, graphql, lifespan)
    return InterviewsSubgraph(app=app, service=service, engine=engine, consumer=consumer)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
