"""transactional outbox for interview events

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from subgraphs.kit.events import create_outbox_table

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_outbox_table(op)


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
