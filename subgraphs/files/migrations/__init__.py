"""Alembic migrations of the files SQLite database (the MongoDB backend creates indexes instead)."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent
