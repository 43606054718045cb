"""Composition root of the interviews subgraph: settings → database → service → schema → ASGI app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from subgraphs.interviews.context import InterviewsContext
from subgraphs.interviews.events import application_consumer, record_interview_event
from subgraphs.interviews.migrations import MIGRATIONS_DIR
from subgraphs.interviews.schema import schema
from subgraphs.interviews.service import InterviewService, utc_now
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.errors import Unauthenticated
from subgraphs.kit.events import EventBus, EventConsumer, Handler, OutboxRelay, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings

NAME = "interviews"


@dataclass(frozen=True, slots=True)
class InterviewsSubgraph:
    """The built subgraph: the ASGI app plus its event consumer (subscribed to the bus at start-up)."""

    app: Starlette
    service: InterviewService
    engine: AsyncEngine
    consumer: EventConsumer

    @property
    def handlers(self) -> dict[str, Handler]:
        """Routing key → idempotent handler, for a host that subscribes them itself (`jobgraph dev`)."""
        return self.consumer.handlers


class InterviewsGraphQL(GraphQL[InterviewsContext, None]):
    """Strawberry's ASGI app with the interviews context built per request."""

    def __init__(self, service: InterviewService, verifier: TokenVerifier | None) -> None:
        # No IDE page: Strawberry's GraphiQL loads from a CDN and is blank offline (DESIGN.md); people use
        # the router's GraphiQL, which serves its assets itself.
        super().__init__(schema, graphql_ide=None)
        self._service = service
        self._verifier = verifier

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> InterviewsContext:
        context = InterviewsContext(service=self._service, identity=None)
        if self._verifier is not None:
            try:
                context.identity = self._verifier.identity(request.headers)
            except Unauthenticated as error:
                context.auth_error = error
        return context


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
    if verifier is None and settings.jwt_public_key is not None:
        verifier = TokenVerifier(key=settings.jwt_public_key)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await upgrade_to_head(engine, MIGRATIONS_DIR)
        if bus is None:
            yield
            await engine.dispose()
            return
        await bus.subscribe(consumer)
        relay = OutboxRelay(sessions, bus)
        await relay.start()
        try:
            yield
        finally:
            await relay.stop()
            await engine.dispose()

    app = Starlette(
        routes=[
            Route("/health", _health, methods=["GET"]),
            Route("/graphql", InterviewsGraphQL(service, verifier), methods=["GET", "POST"]),
        ],
        lifespan=lifespan,
    )
    return InterviewsSubgraph(app=app, service=service, engine=engine, consumer=consumer)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app


async def _health(_: Request) -> Response:
    return JSONResponse({"status": "ok", "service": NAME})
