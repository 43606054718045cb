"""The Alembic migrations build exactly the tables the code maps, on every backend."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.applications.models import metadata
from tests.subgraphs.databases import differences_from, upgraded_again


async def test_migrated_database_matches_the_models(backend_engine: AsyncEngine) -> None:
    assert await differences_from(backend_engine, metadata) == []


async def test_upgrading_again_is_a_no_op(backend_engine: AsyncEngine) -> None:
    revision, head = await upgraded_again(backend_engine, MIGRATIONS_DIR)
    assert revision == head


def _migrate(connection: sa.Connection, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    getattr(command, action)(config, revision)


async def test_0002_fills_in_the_company_sort_key_of_existing_applications(
    backend_engine: AsyncEngine,
) -> None:
    async with backend_engine.begin() as connection:
        await connection.run_sync(_migrate, "downgrade", "0001")
        await connection.execute(
            sa.text(
                "INSERT INTO applications (id, owner_id, company, position, status, created_at, updated_at)"
                " VALUES ('a1', 'alice', 'Ärzte Straße', 'Dev', 'SAVED', :at, :at)"
            ),
            {"at": datetime(2031, 3, 10, 9, 0, tzinfo=UTC)},
        )
        await connection.run_sync(_migrate, "upgrade", "head")
        row = (await connection.execute(sa.text("SELECT company_key, tags FROM applications"))).one()
    assert tuple(row) == ("ärzte strasse", "")
