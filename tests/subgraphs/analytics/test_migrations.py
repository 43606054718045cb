"""The Alembic migrations build exactly the tables the code maps, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.analytics.migrations import MIGRATIONS_DIR
from subgraphs.analytics.models import metadata
from subgraphs.kit.db import upgrade_to_head


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


async def test_migrated_database_matches_the_models(backend_engine: AsyncEngine) -> None:
    async with backend_engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


async def test_upgrading_again_is_a_no_op(backend_engine: AsyncEngine) -> None:
    await upgrade_to_head(backend_engine, MIGRATIONS_DIR)
    async with backend_engine.connect() as connection:
        revision = await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
    assert revision == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
