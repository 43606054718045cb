"""the application timeline, contacts linked to applications, the contacts projection, processed events

Revision ID: 0003
Revises: 0002

The timeline starts with what the database already knows: every application's CREATED entry and a
STATUS_CHANGED entry for each later row of its status history (the first row is the status it was created
with).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events import create_processed_events_table

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Rows copied per INSERT while backfilling, so a big table never sits in memory at once.
_BATCH = 1000


def upgrade() -> None:
    timeline = op.create_table(
        "application_timeline",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(120), nullable=False),
        sa.Column(
            "application_id",
            sa.String(36),
            sa.ForeignKey("applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.UniqueConstraint("id", name="uq_application_timeline_id"),
    )
    op.create_index("ix_timeline_application_at", "application_timeline", ["application_id", "at", "seq"])
    op.create_table(
        "application_contacts",
        sa.Column(
            "application_id",
            sa.String(36),
            sa.ForeignKey("applications.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("contact_id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("linked_at", UtcDateTime(), nullable=False),
    )
    op.create_index(
        "ix_application_contacts_owner_contact", "application_contacts", ["owner_id", "contact_id"]
    )
    op.create_table(
        "known_contacts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("changed_at", UtcDateTime(), nullable=False),
    )
    create_processed_events_table(op)
    _backfill(timeline)


def _backfill(timeline: sa.Table) -> None:
    connection = op.get_bind()
    applications = sa.table(
        "applications",
        sa.column("id", sa.String),
        sa.column("status", sa.String),
        sa.column("created_at", UtcDateTime()),
    )
    history = sa.table(
        "application_status_history",
        sa.column("id", sa.Integer),
        sa.column("application_id", sa.String),
        sa.column("status", sa.String),
        sa.column("note", sa.Text),
        sa.column("changed_at", UtcDateTime()),
    )
    first = (
        sa.select(history.c.application_id, sa.func.min(history.c.id).label("first_id"))
        .group_by(history.c.application_id)
        .subquery()
    )
    # The status each application was created with is its first history row (else its current one).
    status = sa.func.coalesce(history.c.status, applications.c.status)
    created = sa.select(applications.c.id, status, applications.c.created_at).select_from(
        applications.outerjoin(first, first.c.application_id == applications.c.id).outerjoin(
            history, history.c.id == first.c.first_id
        )
    )
    _insert_all(
        connection,
        timeline,
        (
            {
                "id": f"created:{application_id}",
                "application_id": application_id,
                "kind": "CREATED",
                "at": at,
                "detail": {"status": status},
            }
            for application_id, status, at in connection.execute(created)
        ),
    )
    later = sa.select(
        history.c.id, history.c.application_id, history.c.status, history.c.note, history.c.changed_at
    ).where(history.c.id.not_in(sa.select(first.c.first_id)))
    _insert_all(
        connection,
        timeline,
        (
            {
                "id": f"status:{row_id}",
                "application_id": application_id,
                "kind": "STATUS_CHANGED",
                "at": at,
                "detail": {"status": status, "note": note},
            }
            for row_id, application_id, status, note, at in connection.execute(later)
        ),
    )


def _insert_all(connection: sa.Connection, table: sa.Table, rows: Iterable[dict[str, object]]) -> None:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            connection.execute(sa.insert(table), batch)
            batch = []
    if batch:
        connection.execute(sa.insert(table), batch)


def downgrade() -> None:
    op.drop_table("processed_events")
    op.drop_table("known_contacts")
    op.drop_index("ix_application_contacts_owner_contact", "application_contacts")
    op.drop_table("application_contacts")
    op.drop_index("ix_timeline_application_at", "application_timeline")
    op.drop_table("application_timeline")
