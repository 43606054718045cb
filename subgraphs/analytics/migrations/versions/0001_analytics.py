"""the analytics projection: tracked applications, their timelines, owner versions, processed events, outbox

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events import create_outbox_table, create_processed_events_table

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


STATUSES = ("saved", "applied", "interview", "offer", "rejected", "withdrawn")


def upgrade() -> None:
    stays = []
    for status in STATUSES:
        stays.append(sa.Column(f"closed_{status}_seconds", sa.Float, nullable=False, server_default="0"))
        stays.append(sa.Column(f"closed_{status}_stays", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "tracked_applications",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Text, nullable=True),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("applied_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=True),
        sa.Column("version", UtcDateTime(), nullable=True),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("sent", sa.Float, nullable=True),
        sa.Column("position_category", sa.String(32), nullable=True),
        sa.Column("location_key", sa.Text, nullable=True),
        sa.Column("location_label", sa.Text, nullable=True),
        sa.Column("reached_applied", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reached_interview", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reached_offer", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("responded", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("response_seconds", sa.Float, nullable=True),
        sa.Column("current_status", sa.String(16), nullable=True),
        sa.Column("current_since", sa.Float, nullable=True),
        *stays,
    )
    op.create_index("ix_tracked_owner_sent", "tracked_applications", ["owner_id", "sent"])
    op.create_table(
        "tracked_status_changes",
        sa.Column("application_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), primary_key=True),
        sa.Column("changed_at", UtcDateTime(), primary_key=True),
    )
    op.create_table(
        "owner_versions",
        sa.Column("owner_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    create_processed_events_table(op)
    create_outbox_table(op)


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
    op.drop_table("processed_events")
    op.drop_table("owner_versions")
    op.drop_table("tracked_status_changes")
    op.drop_index("ix_tracked_owner_sent", "tracked_applications")
    op.drop_table("tracked_applications")
