"""data exports and the parts other subgraphs send for them

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
    op.create_table(
        "exports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("doc", sa.JSON, nullable=False),
    )
    op.create_index("ix_exports_owner_created", "exports", ["owner_id", "created_at"])
    op.create_index("ix_exports_status_created", "exports", ["status", "created_at"])
    op.create_index(
        "ux_exports_one_pending",
        "exports",
        ["owner_id"],
        unique=True,
        sqlite_where=sa.text("status = 'PENDING'"),
        postgresql_where=sa.text("status = 'PENDING'"),
    )
    op.create_table(
        "export_parts",
        sa.Column("export_id", sa.String(36), primary_key=True),
        sa.Column("domain", sa.String(32), primary_key=True),
        sa.Column("part_id", sa.String(36), primary_key=True),
        sa.Column("chunk_index", sa.Integer, primary_key=True),
        sa.Column("chunk_count", sa.Integer, nullable=False),
        sa.Column("chunk", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("export_parts")
    op.drop_table("exports")
