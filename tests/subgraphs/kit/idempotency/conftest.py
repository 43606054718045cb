"""Fixtures of the idempotency tests: the kit's idempotency store on SQLite, PostgreSQL and MongoDB."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from pymongo import AsyncMongoClient
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.kit.db import create_engine
from subgraphs.kit.idempotency import (
    IdempotencyStore,
    MongoIdempotencyStore,
    SqlIdempotencyStore,
    idempotency_table,
)
from tests.subgraphs.databases import DOCUMENT_BACKENDS, SQL_BACKENDS, postgres_database

metadata = sa.MetaData()
keys = idempotency_table(metadata)


@asynccontextmanager
async def keys_database(backend: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A new database of `backend` (sqlite or postgres) holding only the `idempotency_keys` table."""
    async with _database_url(backend, tmp_path) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                await connection.run_sync(metadata.create_all)
            yield engine
        finally:
            await engine.dispose()


@asynccontextmanager
async def _database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'keys.sqlite3'}"
        return
    async with postgres_database("idempotency") as url:
        yield url


@pytest.fixture(params=SQL_BACKENDS)
async def sql_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A database holding the `idempotency_keys` table, on SQLite and on the real PostgreSQL."""
    async with keys_database(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture(params=DOCUMENT_BACKENDS)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[IdempotencyStore]:
    """The store on each backend a subgraph can have: SQLite, PostgreSQL, MongoDB."""
    if request.param != "mongodb":
        async with keys_database(request.param, tmp_path) as engine:
            yield SqlIdempotencyStore(async_sessionmaker(engine))
        return
    url = request.getfixturevalue("mongodb_url")
    database = f"idempotency_{uuid.uuid4().hex[:10]}"
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(url, timeoutMS=10_000, tz_aware=True)
    try:
        mongo = MongoIdempotencyStore(client[database]["idempotency_keys"])
        await mongo.ensure_indexes()
        yield mongo
    finally:
        await client.drop_database(database)
        await client.close()
