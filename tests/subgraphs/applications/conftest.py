"""Fixtures for the applications tests: migrated databases, the service, callers and the built app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.applications.app import ApplicationsSubgraph, build_subgraph
from subgraphs.applications.context import ApplicationsContext
from subgraphs.applications.events import ApplicationEvent
from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.schema import schema
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.events import InProcessBus
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import migrated_engine
from tests.subgraphs.harness import PUBLIC_PEM, Caller, StatementCounter, TickingClock

NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def applications_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated applications database on each backend in turn (store contract suite)."""
    async with migrated_engine(request.param, "applications", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    async with migrated_engine("sqlite", "applications", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


class RecordedEvents(list[ApplicationEvent]):
    """Events the service recorded, in order (a recorder with the outbox's signature)."""

    async def __call__(self, session: AsyncSession, event: ApplicationEvent) -> None:
        self.append(event)


@pytest.fixture
def recorded() -> RecordedEvents:
    return RecordedEvents()


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock(NOW)


@pytest.fixture
def service(sqlite_engine: AsyncEngine, recorded: RecordedEvents, clock: TickingClock) -> ApplicationService:
    return ApplicationService(
        async_sessionmaker(sqlite_engine, expire_on_commit=False), recorded, clock=clock
    )


def caller(service: ApplicationService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: ApplicationsContext(service=service, identity=identity), user_id)


@pytest.fixture
def alice(service: ApplicationService) -> Caller:
    return caller(service, "alice")


@pytest.fixture
def bob(service: ApplicationService) -> Caller:
    return caller(service, "bob")


@pytest.fixture
def anonymous(service: ApplicationService) -> Caller:
    return caller(service, None)


@pytest.fixture
def statements(sqlite_engine: AsyncEngine) -> StatementCounter:
    return StatementCounter(sqlite_engine)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[ApplicationsSubgraph]:
    settings = SubgraphSettings.from_env(
        "applications", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(settings, bus=bus)
    async with built.app.router.lifespan_context(built.app):
        yield built
