"""contacts documents, registered-email projection, outbox and processed events

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
        "contacts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("company_key", sa.String(200)),
        sa.Column("position_key", sa.String(200)),
        sa.Column("email", sa.String(254)),
        sa.Column("linked_user_id", sa.String(64)),
        sa.Column("doc", sa.JSON, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("owner_id", "id", name="uq_contacts_owner_id"),
    )
    op.create_index("ix_contacts_owner_name", "contacts", ["owner_id", "name_key", "id"])
    op.create_index("ix_contacts_email", "contacts", ["email"])
    op.create_index("ix_contacts_linked_user", "contacts", ["linked_user_id"])
    op.create_table(
        "registered_emails",
        sa.Column("email", sa.String(254), primary_key=True),
        sa.Column("user_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_registered_emails_user_id", "registered_emails", ["user_id"])
    create_outbox_table(op)
    create_processed_events_table(op)


def downgrade() -> None:
    op.drop_table("processed_events")
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
    op.drop_table("registered_emails")
    op.drop_table("contacts")
