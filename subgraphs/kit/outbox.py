"""The transactional outbox: a subgraph's events are rows written in the same transaction as the change.

DESIGN.md, Events: a relay publishes unsent rows later (at least once; consumers dedupe by event id), so a
change and its event commit or roll back together. Every SQL subgraph adds `outbox_table(metadata)` to its
metadata and `create_outbox_table(op)` to a migration.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.kit.columns import UtcDateTime

ENVELOPE_VERSION = 1


def _columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("type", sa.String(128), nullable=False),
        # The whole envelope as JSON bytes, exactly what the relay puts on the wire.
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    ]


def outbox_table(metadata: sa.MetaData) -> sa.Table:
    """The `outbox` table in `metadata` (the relay reads unsent rows oldest first)."""
    return sa.Table("outbox", metadata, *_columns(), sa.Index("ix_outbox_unsent", "sent_at", "created_at"))


def create_outbox_table(op: Any) -> None:
    """For a migration's `upgrade()`: `create_outbox_table(op)` with Alembic's `op`."""
    op.create_table("outbox", *_columns())
    op.create_index("ix_outbox_unsent", "outbox", ["sent_at", "created_at"])


def envelope(
    *, event_type: str, producer: str, user_id: str | None, data: dict[str, Any], event_id: str, at: datetime
) -> dict[str, Any]:
    """The DESIGN.md envelope: id, type, version, occurred_at, producer, user_id, data, trace."""
    return {
        "id": event_id,
        "type": event_type,
        "version": ENVELOPE_VERSION,
        "occurred_at": at.astimezone(UTC).isoformat(),
        "producer": producer,
        "user_id": user_id,
        "data": data,
        "trace": None,
    }


async def record_event(
    session: AsyncSession,
    table: sa.Table,
    *,
    event_type: str,
    producer: str,
    user_id: str | None,
    data: dict[str, Any],
) -> str:
    """Insert the event into `table` within `session`'s transaction; returns the event id."""
    event_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    payload = orjson.dumps(
        envelope(
            event_type=event_type, producer=producer, user_id=user_id, data=data, event_id=event_id, at=now
        )
    )
    row = {"id": event_id, "type": event_type, "payload": payload, "created_at": now, "attempts": 0}
    await session.execute(sa.insert(table).values(row))
    return event_id
