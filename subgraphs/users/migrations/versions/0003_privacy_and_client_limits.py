"""private email and phone unless shown; sign-in failures per client address; per-client attempt limits

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        # Everyone starts private: showing an email is the person's choice, not a migration's.
        batch.add_column(sa.Column("show_email", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("show_phone", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("failed_logins") as batch:
        batch.add_column(sa.Column("client", sa.String(64), nullable=False, server_default=""))
        batch.create_index("ix_failed_logins_client_at", ["client", "failed_at"])
    op.create_table(
        "auth_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_auth_attempts_client_action_at", "auth_attempts", ["client", "action", "at"])


def downgrade() -> None:
    op.drop_index("ix_auth_attempts_client_action_at", "auth_attempts")
    op.drop_table("auth_attempts")
    with op.batch_alter_table("failed_logins") as batch:
        batch.drop_index("ix_failed_logins_client_at")
        batch.drop_column("client")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("show_phone")
        batch.drop_column("show_email")
