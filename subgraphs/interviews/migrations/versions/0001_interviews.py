"""interviews and the known-applications projection

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("application_id", sa.String(64), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("meeting_url", sa.Text, nullable=True),
        sa.Column("details", sa.Text, nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("cancelled_at", UtcDateTime(), nullable=True),
        sa.CheckConstraint("duration_minutes BETWEEN 1 AND 1440", name="ck_interviews_duration"),
    )
    op.create_index("ix_interviews_owner_starts", "interviews", ["owner_id", "starts_at", "id"])
    op.create_index("ix_interviews_application", "interviews", ["application_id"])
    op.create_table(
        "known_applications",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("known_applications")
    op.drop_index("ix_interviews_application", "interviews")
    op.drop_index("ix_interviews_owner_starts", "interviews")
    op.drop_table("interviews")
