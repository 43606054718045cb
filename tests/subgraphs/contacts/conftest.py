"""Fixtures for the contacts tests: the store on every backend, the service, callers and the built app."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from subgraphs.contacts.app import ContactsSubgraph, build_subgraph
from subgraphs.contacts.context import ContactsContext
from subgraphs.contacts.migrations import MIGRATIONS_DIR
from subgraphs.contacts.mongo_store import MongoContactStore
from subgraphs.contacts.schema import schema
from subgraphs.contacts.service import ContactService
from subgraphs.contacts.sql_store import SqlContactStore
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.events import EventEnvelope, InProcessBus, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import migrated_engine
from tests.subgraphs.harness import PUBLIC_PEM, Caller, TickingClock
from tests.subgraphs.mongo import mongodb_server

NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
# Failing handlers are retried quickly here, so dead-lettering takes milliseconds, not minutes.
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)


@pytest.fixture(scope="session")
def mongodb_url() -> Iterator[str]:
    with mongodb_server() as url:
        yield url


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
        "mongodb",
    ]
)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ContactStore]:
    """A started, empty store on each backend in turn (the contract suite runs on all three)."""
    if request.param == "mongodb":
        url = request.getfixturevalue("mongodb_url")
        database = f"contacts_{uuid.uuid4().hex[:10]}"
        mongo = MongoContactStore(url, database=database)
        await mongo.start()
        try:
            yield mongo
        finally:
            await mongo.client.drop_database(database)
            await mongo.close()
        return
    async with migrated_engine(request.param, "contacts", MIGRATIONS_DIR, tmp_path) as engine:
        sql = SqlContactStore(engine)
        await sql.start()
        yield sql


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[SqlContactStore]:
    async with migrated_engine("sqlite", "contacts", MIGRATIONS_DIR, tmp_path) as engine:
        yield SqlContactStore(engine)


@pytest.fixture
def service(sqlite_store: SqlContactStore) -> ContactService:
    return ContactService(sqlite_store, clock=TickingClock(NOW))


def caller(service: ContactService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: ContactsContext(service=service, identity=identity), user_id)


@pytest.fixture
def alice(service: ContactService) -> Caller:
    return caller(service, "alice")


@pytest.fixture
def bob(service: ContactService) -> Caller:
    return caller(service, "bob")


@pytest.fixture
def anonymous(service: ContactService) -> Caller:
    return caller(service, None)


def user_event(event_type: str, user_id: str, email: str | None, *, shown: bool = True) -> EventEnvelope:
    """A `user.registered` / `user.updated` event as the users subgraph publishes it (by default from a
    person who shows their email, the only kind contacts link to)."""
    data: dict[str, object] = {"id": user_id, "name": "Someone", "showEmail": shown, "showPhone": False}
    if email is not None:
        data["email"] = email
    return EventEnvelope(type=event_type, producer="users", user_id=user_id, data=data)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[ContactsSubgraph]:
    settings = SubgraphSettings.from_env(
        "contacts", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(settings, bus=bus, retry=FAST_RETRY)
    async with built.app.router.lifespan_context(built.app):
        yield built
