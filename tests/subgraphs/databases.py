"""Test databases for SQL subgraphs: a migrated SQLite file, or a fresh database on the real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import asyncpg
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from pymongo import AsyncMongoClient
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.db import create_engine, upgrade_to_head

POSTGRES_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
BACKENDS = ("sqlite", "postgres")
# The SQL backends as fixture parameters: PostgreSQL cases carry the `postgres` mark (deselectable).
SQL_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@dataclass(frozen=True, slots=True)
class Migrations:
    """A SQL subgraph's migrations: what a test package's `migrations` fixture names for the shared
    `backend_engine` and `sqlite_engine` fixtures."""

    name: str
    directory: Path

    def engine(self, backend: str, tmp_path: Path) -> AbstractAsyncContextManager[AsyncEngine]:
        """An engine on a new database of `backend` migrated to head, dropped afterwards."""
        return migrated_engine(backend, self.name, self.directory, tmp_path)


# The backends of a document store (contacts, files): JSON documents in SQL, or MongoDB.
DOCUMENT_BACKENDS = [*SQL_BACKENDS, "mongodb"]


class DocumentStore(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...


StoreT = TypeVar("StoreT", bound=DocumentStore)


@asynccontextmanager
async def document_store(
    request: pytest.FixtureRequest,
    migrations: Migrations,
    tmp_path: Path,
    *,
    sql: Callable[[AsyncEngine], StoreT],
    mongo: Callable[[str, str], StoreT],
) -> AsyncIterator[StoreT]:
    """A started, empty store on the backend `request.param` names (one of DOCUMENT_BACKENDS): `sql(engine)`
    on a migrated database, or `mongo(url, database)` on a new MongoDB database, dropped afterwards."""
    if request.param == "mongodb":
        url = request.getfixturevalue("mongodb_url")
        database = f"{migrations.name}_{uuid.uuid4().hex[:10]}"
        store = mongo(url, database)
        await store.start()
        try:
            yield store
        finally:
            async with AsyncMongoClient[dict[str, object]](url, timeoutMS=10_000) as client:
                await client.drop_database(database)
            await store.close()
        return
    async with migrations.engine(request.param, tmp_path) as engine:
        store = sql(engine)
        await store.start()
        yield store


@asynccontextmanager
async def migrated_engine(
    backend: str, name: str, migrations_dir: Path, tmp_path: Path
) -> AsyncIterator[AsyncEngine]:
    """An engine on a new, migrated database of `backend`, dropped afterwards."""
    if backend == "sqlite":
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / f'{name}.sqlite3'}")
        await upgrade_to_head(engine, migrations_dir)
        try:
            yield engine
        finally:
            await engine.dispose()
        return
    async with postgres_database(name) as url:
        engine = create_engine(url)
        try:
            await upgrade_to_head(engine, migrations_dir)
            yield engine
        finally:
            await engine.dispose()


@asynccontextmanager
async def postgres_database(name: str) -> AsyncIterator[str]:
    """A new, empty database on the real PostgreSQL (its SQLAlchemy URL), dropped afterwards."""
    database = f"{name}_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{database}"')
    finally:
        await admin.close()
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{database}"
    finally:
        admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=10)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        finally:
            await admin.close()


async def differences_from(engine: AsyncEngine, metadata: sa.MetaData) -> list[object]:
    """What Alembic's autogenerate finds between the migrated database and the tables the code maps."""

    def compare(connection: sa.Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))

    async with engine.connect() as connection:
        return await connection.run_sync(compare)


async def upgraded_again(engine: AsyncEngine, migrations_dir: Path) -> tuple[str | None, str | None]:
    """(the database's revision after upgrading it to head once more, the head of `migrations_dir`)."""
    await upgrade_to_head(engine, migrations_dir)
    async with engine.connect() as connection:
        revision = await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
    return revision, ScriptDirectory(str(migrations_dir)).get_current_head()
