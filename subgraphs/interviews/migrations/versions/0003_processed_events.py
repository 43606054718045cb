"""processed application events, so every delivery is applied once

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

from subgraphs.kit.events import create_processed_events_table

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_processed_events_table(op)


def downgrade() -> None:
    op.drop_table("processed_events")
