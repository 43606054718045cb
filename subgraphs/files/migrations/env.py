"""Alembic environment for the files database: runs on the connection `upgrade_to_head` hands in."""

from __future__ import annotations

from alembic import context

from subgraphs.files.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run files migrations through subgraphs.kit.db.upgrade_to_head")
# SQLite cannot ALTER most things in place; batch mode rebuilds tables, PostgreSQL ignores it.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
