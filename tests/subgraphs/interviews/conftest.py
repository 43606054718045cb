"""Fixtures for the interviews tests: migrated databases, and a service on the embedded SQLite default."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from subgraphs.interviews.events import InterviewEvent
from subgraphs.interviews.models import metadata
from subgraphs.interviews.service import InterviewService

POSTGRES_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
# Every test's "now": fixed, so nothing depends on the wall clock.
NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)


async def _sqlite_engine(directory: Path) -> AsyncEngine:
    engine = create_async_engine(f"sqlite+aiosqlite:///{directory}/interviews.sqlite3")
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def interviews_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A database with the interviews tables, on each backend in turn (store contract suite)."""
    if request.param == "sqlite":
        engine = await _sqlite_engine(tmp_path)
        yield engine
        await engine.dispose()
        return
    name = f"interviews_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    engine = create_async_engine(f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}")
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=10)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = await _sqlite_engine(tmp_path)
    yield engine
    await engine.dispose()


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
