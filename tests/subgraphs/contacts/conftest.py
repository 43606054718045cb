"""Fixtures for the contacts tests: the store on every backend, the service, callers and the built app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.contacts.app import ContactsSubgraph, build_subgraph
from subgraphs.contacts.context import ContactsContext
from subgraphs.contacts.migrations import MIGRATIONS_DIR
from subgraphs.contacts.mongo_store import MongoContactStore
from subgraphs.contacts.schema import schema
from subgraphs.contacts.service import ContactService
from subgraphs.contacts.sql_store import SqlContactStore
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.events import EventEnvelope, InProcessBus
from tests.subgraphs.databases import DOCUMENT_BACKENDS, Migrations, document_store
from tests.subgraphs.harness import (
    FAST_RETRY,
    NOW,
    CallerFor,
    TickingClock,
    callers,
    started,
    subgraph_settings,
)


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("contacts", MIGRATIONS_DIR)


def mongo_store(url: str, database: str) -> ContactStore:
    return MongoContactStore(url, database=database)


@pytest.fixture(params=DOCUMENT_BACKENDS)
async def store(
    request: pytest.FixtureRequest, migrations: Migrations, tmp_path: Path
) -> AsyncIterator[ContactStore]:
    """A started, empty store on each backend in turn (the contract suite runs on all three)."""
    async with document_store(
        request, migrations, tmp_path, sql=SqlContactStore, mongo=mongo_store
    ) as opened:
        yield opened


@pytest.fixture
def sqlite_store(sqlite_engine: AsyncEngine) -> SqlContactStore:
    return SqlContactStore(sqlite_engine)


@pytest.fixture
def service(sqlite_store: SqlContactStore) -> ContactService:
    return ContactService(sqlite_store, clock=TickingClock(NOW))


@pytest.fixture
def as_user(service: ContactService) -> CallerFor:
    return callers(schema, ContactsContext, service)


def user_event(event_type: str, user_id: str, email: str | None, *, shown: bool = True) -> EventEnvelope:
    """A `user.registered` / `user.updated` event as the users subgraph publishes it (by default from a
    person who shows their email, the only kind contacts link to)."""
    data: dict[str, object] = {"id": user_id, "name": "Someone", "showEmail": shown, "showPhone": False}
    if email is not None:
        data["email"] = email
    return EventEnvelope(type=event_type, producer="users", user_id=user_id, data=data)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[ContactsSubgraph]:
    built = build_subgraph(subgraph_settings("contacts", tmp_path), bus=bus, retry=FAST_RETRY)
    async with started(built):
        yield built
