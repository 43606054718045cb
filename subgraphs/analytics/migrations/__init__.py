"""Alembic migrations of the analytics database (applied by `subgraphs.kit.db.upgrade_to_head`)."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent
