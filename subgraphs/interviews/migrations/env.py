"""Alembic environment for the interviews database: runs on the connection `upgrade_to_head` hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from subgraphs.interviews.models import metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things in place; batch mode rebuilds tables, PostgreSQL ignores it.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run interviews migrations through subgraphs.interviews.migrations.upgrade_to_head")
run_migrations(connection)
