"""erased users: who deleted their account, so late events about them are dropped

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

from subgraphs.kit.erasure import create_erased_users_table

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_erased_users_table(op)


def downgrade() -> None:
    op.drop_table("erased_users")
