"""failed sign-ins, for throttling password guessing

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "failed_logins",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("failed_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_failed_logins_email_at", "failed_logins", ["email", "failed_at"])


def downgrade() -> None:
    op.drop_index("ix_failed_logins_email_at", "failed_logins")
    op.drop_table("failed_logins")
