"""Fixtures for the analytics tests: migrated databases, a service, and callers of its schema."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.analytics.app import AnalyticsSubgraph, build_subgraph
from subgraphs.analytics.context import AnalyticsContext
from subgraphs.analytics.migrations import MIGRATIONS_DIR
from subgraphs.analytics.schema import schema
from subgraphs.analytics.service import AnalyticsService
from subgraphs.kit.events import InProcessBus, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import migrated_engine
from tests.subgraphs.harness import PUBLIC_PEM, Caller

# Every test's "now": fixed, so nothing depends on the wall clock.
NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def analytics_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated analytics database on each backend in turn (store contract suite)."""
    async with migrated_engine(request.param, "analytics", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    async with migrated_engine("sqlite", "analytics", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


@pytest.fixture
def service(sqlite_engine: AsyncEngine) -> AnalyticsService:
    return AnalyticsService(async_sessionmaker(sqlite_engine, expire_on_commit=False), clock=lambda: NOW)


def caller(service: AnalyticsService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: AnalyticsContext(service=service, identity=identity), user_id)


@pytest.fixture
def alice(service: AnalyticsService) -> Caller:
    return caller(service, "alice")


@pytest.fixture
def bob(service: AnalyticsService) -> Caller:
    return caller(service, "bob")


@pytest.fixture
def anonymous(service: AnalyticsService) -> Caller:
    return caller(service, None)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[AnalyticsSubgraph]:
    settings = SubgraphSettings.from_env(
        "analytics", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(settings, bus=bus, retry=FAST_RETRY, clock=lambda: NOW)
    async with built.app.router.lifespan_context(built.app):
        yield built
