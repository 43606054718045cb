"""files metadata, current resumes, the applications projection, outbox and processed events

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


def upgrade() -> None:
    op.create_table(
        "files",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("application_id", sa.String(64)),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("expires_at", UtcDateTime()),
        sa.Column("doc", sa.JSON, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_files_owner_created", "files", ["owner_id", "created_at", "id"])
    op.create_index("ix_files_application", "files", ["application_id"])
    op.create_index("ix_files_pending_expiry", "files", ["status", "expires_at"])
    op.create_table(
        "resumes",
        sa.Column("owner_id", sa.String(64), primary_key=True),
        sa.Column("file_id", sa.String(36), nullable=False),
    )
    op.create_index("ix_resumes_file_id", "resumes", ["file_id"])
    op.create_table(
        "applications",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("description", sa.Text),
    )
    create_outbox_table(op)
    create_processed_events_table(op)


def downgrade() -> None:
    op.drop_table("processed_events")
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
    op.drop_table("applications")
    op.drop_table("resumes")
    op.drop_table("files")
