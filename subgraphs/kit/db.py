"""SQL databases of the subgraphs: the async engine (SQLite by default, PostgreSQL via asyncpg) and
Alembic migrations applied programmatically at start-up."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def create_engine(database_url: str) -> AsyncEngine:
    """An engine for `database_url`; SQLite gets WAL and foreign keys (the embedded default)."""
    engine = create_async_engine(database_url)
    if engine.url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: object, _: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    # WAL lets readers run while the relay or a writer holds the database.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


async def upgrade_to_head(engine: AsyncEngine, migrations_dir: Path) -> None:
    """Bring the database to the newest revision of `migrations_dir` (a no-op when already there).

    Alembic runs on the caller's async connection (the Alembic cookbook's "programmatic API use with
    asyncio"), so it works inside a running event loop on SQLite and PostgreSQL alike; the migrations'
    `env.py` reads it from `config.attributes["connection"]`.
    """

    def upgrade(connection: Connection) -> None:
        config = Config()
        config.set_main_option("script_location", str(migrations_dir))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

    async with engine.begin() as connection:
        await connection.run_sync(upgrade)
