"""Test databases for SQL subgraphs: a migrated SQLite file, or a fresh database on the real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.db import create_engine, upgrade_to_head

POSTGRES_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
BACKENDS = ("sqlite", "postgres")


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
