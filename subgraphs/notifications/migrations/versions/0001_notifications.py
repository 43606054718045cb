"""notifications, settings, projections, reminders, outgoing emails, outbox and processed events

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
        "notifications",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("read_at", UtcDateTime(), nullable=True),
        sa.Column("interview_id", sa.String(64), nullable=True),
        sa.Column("application_id", sa.String(64), nullable=True),
        sa.Column("contact_id", sa.String(64), nullable=True),
    )
    op.create_index("ix_notifications_user_created", "notifications", ["user_id", "created_at", "id"])
    op.create_index("ix_notifications_user_read", "notifications", ["user_id", "read_at"])
    op.create_table(
        "notification_settings",
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("email_enabled", sa.Boolean, nullable=False),
        sa.Column("reminder_lead_minutes", sa.String(200), nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=True),
    )
    op.create_table(
        "known_applications",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("company", sa.Text, nullable=False),
        sa.Column("position", sa.Text, nullable=False),
    )
    op.create_table(
        "known_interviews",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("application_id", sa.String(64), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
    )
    op.create_index("ix_known_interviews_owner_starts", "known_interviews", ["owner_id", "starts_at"])
    op.create_index("ix_known_interviews_application", "known_interviews", ["application_id"])
    op.create_table(
        "known_contacts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=True),
        sa.Column("linked_user_id", sa.String(64), nullable=True),
    )
    op.create_index("ix_known_contacts_email", "known_contacts", ["email"])
    op.create_table(
        "reminders",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("interview_id", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("lead_minutes", sa.Integer, nullable=False),
        sa.Column("due_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("interview_id", "lead_minutes", name="uq_reminders_interview_lead"),
    )
    op.create_index("ix_reminders_due", "reminders", ["due_at"])
    op.create_table(
        "outgoing_emails",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("notification_id", sa.String(36), nullable=False, unique=True),
        sa.Column("to_address", sa.Text, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("text_body", sa.Text, nullable=False),
        sa.Column("html_body", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("failed_at", UtcDateTime(), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
    )
    op.create_index(
        "ix_outgoing_emails_pending", "outgoing_emails", ["sent_at", "failed_at", "next_attempt_at"]
    )
    create_outbox_table(op)
    create_processed_events_table(op)


def downgrade() -> None:
    op.drop_table("processed_events")
    op.drop_index("ix_outbox_unsent", "outbox")
    op.drop_table("outbox")
    for table in (
        "outgoing_emails",
        "reminders",
        "known_contacts",
        "known_interviews",
        "known_applications",
        "people",
        "notification_settings",
        "notifications",
    ):
        op.drop_table(table)
