"""The Alembic migrations build exactly the tables the code maps, on every backend."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.notifications.migrations import MIGRATIONS_DIR
from subgraphs.notifications.models import metadata
from tests.subgraphs.databases import differences_from, upgraded_again


async def test_migrated_database_matches_the_models(backend_engine: AsyncEngine) -> None:
    assert await differences_from(backend_engine, metadata) == []


async def test_upgrading_again_is_a_no_op(backend_engine: AsyncEngine) -> None:
    revision, head = await upgraded_again(backend_engine, MIGRATIONS_DIR)
    assert revision == head
