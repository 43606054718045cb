"""SQL databases of the subgraphs: the async engine (SQLite by default, PostgreSQL via asyncpg) and
Alembic migrations applied programmatically at start-up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from subgraphs.kit import inline_sqlite

# Every database call has a deadline: a server that stopped answering must fail a request, not hang it.
CONNECT_TIMEOUT_SECONDS = 10.0
STATEMENT_TIMEOUT_SECONDS = 30.0


def create_engine(
    database_url: str,
    *,
    connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
    statement_timeout: float = STATEMENT_TIMEOUT_SECONDS,
) -> AsyncEngine:
    """An engine for `database_url` with timeouts on connecting, waiting for a pooled connection and every
    statement; SQLite gets WAL and foreign keys (the embedded default), and answers in the event loop's thread
    (`inline_sqlite`), a writer waiting up to `statement_timeout` for the database lock."""
    if database_url.startswith("sqlite"):
        database = sa.make_url(database_url).database or ":memory:"
        engine = create_async_engine(
            database_url, async_creator=inline_sqlite.creator(database, lock_timeout=statement_timeout)
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(
        database_url,
        # asyncpg: `timeout` bounds connecting, `command_timeout` every statement.
        connect_args={"timeout": connect_timeout, "command_timeout": statement_timeout},
        pool_timeout=connect_timeout,
        # A connection the server dropped (restart, failover) is replaced instead of failing a request.
        pool_pre_ping=True,
    )


def _sqlite_pragmas(connection: object, _: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    # WAL lets readers run while the relay or a writer holds the database.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


async def upgrade_to_head(engine: AsyncEngine, migrations_dir: Path) -> None:
    """Bring the database to the newest revision of `migrations_dir` (a no-op when already there).

    Concurrent upgrades of one PostgreSQL database (replicas starting together) run one after the other.
    Alembic runs on the caller's async connection (the Alembic cookbook's "programmatic API use with
    asyncio"), so it works inside a running event loop on SQLite and PostgreSQL alike; the migrations'
    `env.py` reads it from `config.attributes["connection"]`.
    """

    def upgrade(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            # Replicas starting together would race to create the same tables (one fails with a unique
            # violation in pg_type): the first takes this transaction-scoped lock, the others wait for it and
            # then find the database at head. SQLite allows one writer at a time anyway.
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": str(migrations_dir)}
            )
        config = Config()
        config.set_main_option("script_location", str(migrations_dir))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

    async with engine.begin() as connection:
        await connection.run_sync(upgrade)


def newest_first(
    statement: sa.Select[Any],
    created_at: sa.ColumnElement[datetime],
    item_id: sa.ColumnElement[str],
    after: tuple[datetime, str] | None,
    limit: int,
) -> sa.Select[Any]:
    """`statement` ordered newest first (the id breaks ties), limited, strictly after the `after` position.

    Keyset pagination with the row-value comparison written out, which SQLite and PostgreSQL both serve from
    an index on (owner, created_at, id).
    """
    if after is not None:
        at, last_id = after
        statement = statement.where(sa.or_(created_at < at, sa.and_(created_at == at, item_id < last_id)))
    return statement.order_by(created_at.desc(), item_id.desc()).limit(limit)


def conflict_insert(session: AsyncSession, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT on `table` offering `.on_conflict_do_nothing` / `.on_conflict_do_update` in any dialect.

    Both dialects have INSERT ... ON CONFLICT with the same Python API; it keeps redelivered events
    idempotent without a read-then-write race.
    """
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
