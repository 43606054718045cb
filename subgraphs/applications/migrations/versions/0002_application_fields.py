"""application fields of issue #18 and an index per order of `applications`

source, source_detail, priority, work_mode, employment_type, deadline, tags, and company_key (the COMPANY
order's case-folded sort key, filled in here for existing rows).

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

# Rows whose company_key is filled per statement: bounded memory on a big table.
_BACKFILL_BATCH = 1000

_INDEXES = {
    "ix_applications_owner_updated": "updated_at",
    "ix_applications_owner_company": "company_key",
    "ix_applications_owner_priority": "priority",
    "ix_applications_owner_deadline": "deadline",
}


def upgrade() -> None:
    op.add_column("applications", sa.Column("source", sa.String(16), nullable=True))
    op.add_column("applications", sa.Column("source_detail", sa.String(200), nullable=True))
    op.add_column("applications", sa.Column("priority", sa.SmallInteger, nullable=True))
    op.add_column("applications", sa.Column("work_mode", sa.String(8), nullable=True))
    op.add_column("applications", sa.Column("employment_type", sa.String(16), nullable=True))
    op.add_column("applications", sa.Column("deadline", UtcDateTime(), nullable=True))
    op.add_column("applications", sa.Column("tags", sa.Text, nullable=False, server_default=""))
    op.add_column("applications", sa.Column("company_key", sa.String(200), nullable=False, server_default=""))
    _backfill_company_keys()
    for name, column in _INDEXES.items():
        op.create_index(name, "applications", ["owner_id", column, "id"])


def _backfill_company_keys() -> None:
    # Python's casefold, as `models.company_key` computes it on every write (SQL lower() differs by backend).
    applications = sa.table("applications", sa.column("id"), sa.column("company"), sa.column("company_key"))
    connection = op.get_bind()
    while True:
        rows = connection.execute(
            sa.select(applications.c.id, applications.c.company)
            .where(applications.c.company_key == "")
            .limit(_BACKFILL_BATCH)
        ).all()
        if not rows:
            return
        for application_id, company in rows:
            connection.execute(
                sa.update(applications)
                .where(applications.c.id == application_id)
                .values(company_key=company.casefold())
            )


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, "applications")
    for column in (
        "company_key",
        "tags",
        "deadline",
        "employment_type",
        "work_mode",
        "priority",
        "source_detail",
        "source",
    ):
        op.drop_column("applications", column)
