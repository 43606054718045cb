"""Fixtures for the interviews tests: migrated databases, and a service on the embedded SQLite default."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.interviews.app import InterviewsSubgraph, build_subgraph
from subgraphs.interviews.context import InterviewsContext
from subgraphs.interviews.events import InterviewEvent
from subgraphs.interviews.migrations import MIGRATIONS_DIR
from subgraphs.interviews.schema import schema
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.events import EventEnvelope, InProcessBus, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import migrated_engine
from tests.subgraphs.harness import PUBLIC_PEM, Caller, StatementCounter

# Every test's "now": fixed, so nothing depends on the wall clock.
NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def interviews_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated interviews database on each backend in turn (store contract suite)."""
    async with migrated_engine(request.param, "interviews", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    async with migrated_engine("sqlite", "interviews", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


class RecordedEvents(list[InterviewEvent]):
    """Events the service recorded, in order (a recorder with the outbox's signature)."""

    async def __call__(self, session: AsyncSession, event: InterviewEvent) -> None:
        self.append(event)


@pytest.fixture
def recorded() -> RecordedEvents:
    return RecordedEvents()


@pytest.fixture
def service(sqlite_engine: AsyncEngine, recorded: RecordedEvents) -> InterviewService:
    return InterviewService(async_sessionmaker(sqlite_engine), recorded, clock=lambda: NOW)


def caller(service: InterviewService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: InterviewsContext(service=service, identity=identity), user_id)


@pytest.fixture
def alice(service: InterviewService) -> Caller:
    return caller(service, "alice")


@pytest.fixture
def bob(service: InterviewService) -> Caller:
    return caller(service, "bob")


@pytest.fixture
def anonymous(service: InterviewService) -> Caller:
    return caller(service, None)


@pytest.fixture
def statements(sqlite_engine: AsyncEngine) -> StatementCounter:
    return StatementCounter(sqlite_engine)


# Failing handlers are retried quickly here, so dead-lettering takes milliseconds, not minutes.
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[InterviewsSubgraph]:
    settings = SubgraphSettings.from_env(
        "interviews", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(settings, bus=bus, retry=FAST_RETRY)
    async with built.app.router.lifespan_context(built.app):
        yield built


def application_event(event_type: str, application_id: str, owner: str | None) -> EventEnvelope:
    data = {"id": application_id, "company": "Acme", "position": "Engineer"}
    return EventEnvelope(type=event_type, producer="applications", user_id=owner, data=data)
