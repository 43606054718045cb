"""Idempotent event handling: a handler's effects and the `processed_events` row commit together.

DESIGN.md, Events: delivery is at least once, so a consumer records every event id it handled in the same
transaction as the handler's changes; a redelivered duplicate finds the row and is acknowledged unrun.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events.consumer import Handler
from subgraphs.kit.events.envelope import EventEnvelope

SessionHandler = Callable[[AsyncSession, EventEnvelope], Awaitable[None]]


def _columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("consumer", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("processed_at", UtcDateTime(), nullable=False),
    ]


def processed_events_table(metadata: sa.MetaData) -> sa.Table:
    """The `processed_events(consumer, event_id)` table in `metadata`."""
    return sa.Table("processed_events", metadata, *_columns())


def create_processed_events_table(op: Any) -> None:
    """For a migration's `upgrade()`: `create_processed_events_table(op)` with Alembic's `op`."""
    op.create_table("processed_events", *_columns())


_processed = sa.table(
    "processed_events",
    sa.column("consumer", sa.String(64)),
    sa.column("event_id", sa.String(36)),
    sa.column("processed_at", UtcDateTime()),
)


async def claim_event(session: AsyncSession, consumer: str, event_id: str) -> bool:
    """Record `event_id` as processed by `consumer` in the session's transaction; False if it already was.

    Two concurrent deliveries of one event can both see "not yet": the second commit then fails on the
    primary key, the delivery is retried and finds the row.
    """
    found = await session.execute(
        sa.select(_processed.c.event_id).where(
            _processed.c.consumer == consumer, _processed.c.event_id == event_id
        )
    )
    if found.first() is not None:
        return False
    row = {"consumer": consumer, "event_id": event_id, "processed_at": datetime.now(UTC)}
    await session.execute(sa.insert(_processed).values(row))
    return True


def idempotent(
    session_factory: async_sessionmaker[AsyncSession], consumer: str, handler: SessionHandler
) -> Handler:
    """A bus handler that runs `handler(session, event)` at most once per event id, in one transaction."""

    async def handle(event: EventEnvelope) -> None:
        async with session_factory() as session, session.begin():
            if await claim_event(session, consumer, event.id):
                await handler(session, event)

    return handle
