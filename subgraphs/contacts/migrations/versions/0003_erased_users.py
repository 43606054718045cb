"""erased users: who deleted their account, so their still-valid tokens create nothing

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

from subgraphs.kit.erasure import create_erased_users_table

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_erased_users_table(op)


def downgrade() -> None:
    op.drop_table("erased_users")
