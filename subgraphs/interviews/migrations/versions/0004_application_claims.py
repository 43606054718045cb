"""claims: an application scheduled for before its `application.created` arrived

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows came from events: confirmed, so NULL.
    with op.batch_alter_table("known_applications") as batch:
        batch.add_column(sa.Column("claimed_at", UtcDateTime(), nullable=True))
        batch.create_index("ix_known_applications_claimed_at", ["claimed_at"])


def downgrade() -> None:
    with op.batch_alter_table("known_applications") as batch:
        batch.drop_index("ix_known_applications_claimed_at")
        batch.drop_column("claimed_at")
