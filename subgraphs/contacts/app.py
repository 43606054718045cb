"""Composition root of the contacts subgraph: settings → store → service → schema → ASGI app.

The store is MongoDB when `CONTACTS_MONGODB_URL` is set (production), else JSON documents in SQL: the SQLite
file under the data directory, or `CONTACTS_DATABASE_URL` (PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.contacts.context import ContactsContext
from subgraphs.contacts.events import user_consumer
from subgraphs.contacts.mongo_store import MongoContactStore
from subgraphs.contacts.schema import schema
from subgraphs.contacts.service import ContactService, utc_now
from subgraphs.contacts.sql_store import SqlContactStore
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, subgraph_app, subgraph_lifespan, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, OutboxSource, RetryPolicy
from subgraphs.kit.idempotency import IdempotencyGuard
from subgraphs.kit.settings import SubgraphSettings

NAME = "contacts"


@dataclass(frozen=True, slots=True)
class ContactsSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus its store and event consumer (for hosts that wire events)."""

    app: Starlette
    service: ContactService
    store: ContactStore
    consumer: EventConsumer

    @property
    def outbox(self) -> async_sessionmaker[AsyncSession] | OutboxSource:
        """What a host's `OutboxRelay` drains to publish contact events."""
        return self.store.outbox


def build_store(settings: SubgraphSettings) -> ContactStore:
    """MongoDB when the settings name one, else SQL documents on the settings' database."""
    if settings.mongodb_url:
        return MongoContactStore(settings.mongodb_url)
    return SqlContactStore(create_engine(settings.database_url))


def build_subgraph(
    settings: SubgraphSettings,
    *,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
    store: ContactStore | None = None,
) -> ContactsSubgraph:
    """Build the subgraph from `settings`; the store is prepared (migrations, indexes) when the app starts.

    With `bus` (owned by the host), start-up subscribes the `contacts` consumer (user events) and runs an
    outbox relay publishing contact events until shutdown. `verifier` defaults to one for
    `settings.jwt_public_key`; without a key every request is anonymous.
    """
    store = store or build_store(settings)
    service = ContactService(store, clock=clock)
    consumer = user_consumer(store, retry=retry)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: ContactsContext(service=service, identity=identity, auth_error=error),
        verifier_for(settings, verifier),
        idempotency=IdempotencyGuard(store.idempotency),
    )

    lifespan = subgraph_lifespan(
        settings, start=store.start, stop=store.close, outbox=store.outbox, bus=bus, consumer=consumer
    )
    app = subgraph_app(NAME, graphql, lifespan)
    return ContactsSubgraph(app=app, service=service, store=store, consumer=consumer)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
