"""the analytics projection: tracked applications, their timelines, processed events and the outbox

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from subgraphs.analytics.models import application_columns, timeline_columns
from subgraphs.kit.events import create_outbox_table, create_processed_events_table

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The columns come from models.py as of this revision; a later change to them is a new revision.
    op.create_table("tracked_applications", *application_columns())
    op.create_index("ix_tracked_owner_sent", "tracked_applications", ["owner_id", "sent"])
    op.create_table("tracked_status_changes", *timeline_columns())
    create_processed_events_table(op)
    create_outbox_table(op)


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
    op.drop_table("processed_events")
    op.drop_table("tracked_status_changes")
    op.drop_index("ix_tracked_owner_sent", "tracked_applications")
    op.drop_table("tracked_applications")
