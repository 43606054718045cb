"""applications, their status timelines and the transactional outbox

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events import create_outbox_table

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("position", sa.String(200), nullable=False),
        sa.Column("location", sa.String(200), nullable=True),
        sa.Column("salary_min", sa.BigInteger, nullable=True),
        sa.Column("salary_max", sa.BigInteger, nullable=True),
        sa.Column("salary_currency", sa.String(3), nullable=True),
        sa.Column("salary_period", sa.String(8), nullable=True),
        sa.Column("job_url", sa.Text, nullable=True),
        sa.Column("description", sa.Text, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text, nullable=True),
        sa.Column("applied_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max",
            name="ck_applications_salary",
        ),
    )
    op.create_index("ix_applications_owner_created", "applications", ["owner_id", "created_at", "id"])
    op.create_index("ix_applications_owner_status", "applications", ["owner_id", "status"])
    op.create_table(
        "application_status_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "application_id",
            sa.String(36),
            sa.ForeignKey("applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("changed_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_status_history_application", "application_status_history", ["application_id", "id"])
    create_outbox_table(op)


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
    op.drop_index("ix_status_history_application", "application_status_history")
    op.drop_table("application_status_history")
    op.drop_index("ix_applications_owner_status", "applications")
    op.drop_index("ix_applications_owner_created", "applications")
    op.drop_table("applications")
