"""Fixtures of the event tests: a SQL database (SQLite file or a fresh PostgreSQL database) holding an
outbox, a processed-events table and one domain table, plus the bus backends."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from subgraphs.kit.events import outbox_table, processed_events_table

POSTGRES_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"

metadata = sa.MetaData()
outbox = outbox_table(metadata)
processed = processed_events_table(metadata)
# A stand-in domain table: the "change" an event is recorded with.
notes = sa.Table(
    "notes", metadata, sa.Column("id", sa.String(36), primary_key=True), sa.Column("text", sa.Text)
)
# What a consumer's handler changes, so tests can count how often it really ran.
effects = sa.Table(
    "effects",
    metadata,
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(36), nullable=False),
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        created = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'events.sqlite3'}")
        async with created.begin() as connection:
            await connection.run_sync(metadata.create_all)
        yield created
        await created.dispose()
        return
    name = f"jobgraph_events_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    created = create_async_engine(f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}")
    try:
        async with created.begin() as connection:
            await connection.run_sync(metadata.create_all)
        yield created
    finally:
        await created.dispose()
        admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=10)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
