"""Fixtures for the analytics tests: its migrations, a service, callers of its schema and the built app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.analytics.app import AnalyticsSubgraph, build_subgraph
from subgraphs.analytics.context import AnalyticsContext
from subgraphs.analytics.migrations import MIGRATIONS_DIR
from subgraphs.analytics.schema import schema
from subgraphs.analytics.service import AnalyticsService
from subgraphs.kit.events import InProcessBus
from tests.subgraphs.databases import Migrations
from tests.subgraphs.harness import FAST_RETRY, NOW, CallerFor, callers, started, subgraph_settings


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("analytics", MIGRATIONS_DIR)


@pytest.fixture
def service(sqlite_engine: AsyncEngine) -> AnalyticsService:
    return AnalyticsService(async_sessionmaker(sqlite_engine, expire_on_commit=False), clock=lambda: NOW)


@pytest.fixture
def as_user(service: AnalyticsService) -> CallerFor:
    return callers(schema, AnalyticsContext, service)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[AnalyticsSubgraph]:
    settings = subgraph_settings("analytics", tmp_path)
    built = build_subgraph(settings, bus=bus, retry=FAST_RETRY, clock=lambda: NOW)
    async with started(built):
        yield built
