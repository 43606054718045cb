"""Alembic migrations of the interviews database, applied programmatically at start-up and in tests.

`upgrade_to_head` shares the caller's async connection with Alembic (the Alembic cookbook's "programmatic
API use with asyncio"), so it works inside a running event loop on SQLite and PostgreSQL alike. It is
domain-free and can move to the kit (`subgraphs/kit/migrations.py` was not committed when this was written).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).parent


def alembic_config() -> Config:
    """An Alembic config for these migrations, needing no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


async def upgrade_to_head(engine: AsyncEngine) -> None:
    """Bring the database behind `engine` to the newest revision (a no-op when it is already there)."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)


def _upgrade(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
