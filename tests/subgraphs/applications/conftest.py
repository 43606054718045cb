"""Fixtures for the applications tests: its migrations, the service, callers and the built app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.applications.app import ApplicationsSubgraph, build_subgraph
from subgraphs.applications.context import ApplicationsContext
from subgraphs.applications.events import ApplicationEvent
from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.schema import schema
from subgraphs.applications.service import ApplicationService
from subgraphs.applications.transfer.service import TransferService
from subgraphs.kit.blobs import LocalBlobStore
from subgraphs.kit.events import InProcessBus
from subgraphs.kit.signing import UrlSigner
from tests.subgraphs.databases import Migrations
from tests.subgraphs.harness import (
    FAST_RETRY,
    NOW,
    CallerFor,
    Recorded,
    StatementCounter,
    TickingClock,
    callers,
    started,
    subgraph_settings,
)

__all__ = ["NOW", "RecordedEvents"]

RecordedEvents = Recorded[ApplicationEvent]


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("applications", MIGRATIONS_DIR)


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


@pytest.fixture
def exports(tmp_path: Path) -> LocalBlobStore:
    """Where exports are written (`<data dir>/exports` in the app)."""
    return LocalBlobStore(tmp_path / "exports", "http://subgraph", UrlSigner(b"test-secret"))


@pytest.fixture
def transfer(
    sqlite_engine: AsyncEngine, recorded: RecordedEvents, clock: TickingClock, exports: LocalBlobStore
) -> TransferService:
    sessions = async_sessionmaker(sqlite_engine, expire_on_commit=False)
    return TransferService(sessions, recorded.many, exports, clock=clock)


@pytest.fixture
def as_user(service: ApplicationService, transfer: TransferService) -> CallerFor:
    return callers(schema, partial(ApplicationsContext, transfer=transfer), service)


@pytest.fixture
def statements(sqlite_engine: AsyncEngine) -> StatementCounter:
    return StatementCounter(sqlite_engine)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[ApplicationsSubgraph]:
    built = build_subgraph(subgraph_settings("applications", tmp_path), bus=bus, retry=FAST_RETRY)
    async with started(built) as built:
        yield built
