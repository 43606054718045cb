"""Alembic migrations of the notifications database (applied by `subgraphs.kit.db.upgrade_to_head`)."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent
