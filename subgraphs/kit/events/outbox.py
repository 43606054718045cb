"""Writing events into a SQL subgraph's transactional outbox, in the caller's transaction.

DESIGN.md, Events: the change and its event commit or roll back together; `OutboxRelay` publishes the rows
later. Every SQL subgraph adds `outbox_table(metadata)` to its metadata and `create_outbox_table(op)` to a
migration, so each has exactly one outbox of the same shape.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events.envelope import EventEnvelope, parse_envelope


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


# A lightweight view of the `outbox` table (no MetaData needed): `record_event` and the relay work with
# whatever metadata the subgraph put the real table definition in.
outbox_rows = sa.table(
    "outbox",
    sa.column("id", sa.String(36)),
    sa.column("type", sa.String(128)),
    sa.column("payload", sa.LargeBinary),
    sa.column("created_at", UtcDateTime()),
    sa.column("sent_at", UtcDateTime()),
    sa.column("attempts", sa.Integer),
)

_PENDING = "jobgraph.outbox.pending"
_listeners: list[Callable[[], None]] = []
_lock = threading.Lock()


async def record_event(session: AsyncSession, event: EventEnvelope) -> None:
    """Insert `event` into the outbox inside `session`'s transaction (nothing is published until commit)."""
    await session.execute(sa.insert(outbox_rows).values(_row(event)))
    session.sync_session.info[_PENDING] = True


async def record_events(session: AsyncSession, events: Sequence[EventEnvelope]) -> None:
    """`record_event` for many events in one statement (a bulk change such as an import of thousands)."""
    if events:
        await session.execute(sa.insert(outbox_rows), [_row(event) for event in events])
        session.sync_session.info[_PENDING] = True


def _row(event: EventEnvelope) -> dict[str, object]:
    return {
        "id": event.id,
        "type": event.type,
        "payload": event.to_json(),
        "created_at": datetime.now(UTC),
        "sent_at": None,
        "attempts": 0,
    }


async def stored_events(sessions: async_sessionmaker[AsyncSession]) -> list[EventEnvelope]:
    """Every event in the outbox of `sessions`' database, oldest first, sent or not (inspection and tests)."""
    query = sa.select(outbox_rows.c.payload).order_by(outbox_rows.c.created_at, outbox_rows.c.id)
    async with sessions() as session:
        payloads = (await session.execute(query)).scalars().all()
    return [parse_envelope(payload) for payload in payloads]


def add_commit_listener(callback: Callable[[], None]) -> Callable[[], None]:
    """Call `callback` after every commit that wrote an outbox row (the relay's low-latency wake-up).

    Returns a function that removes it. Callbacks run in SQLAlchemy's commit hook, so they must only
    schedule work (e.g. `loop.call_soon_threadsafe(event.set)`).
    """
    with _lock:
        if not sa_event.contains(Session, "after_commit", _after_commit):
            sa_event.listen(Session, "after_commit", _after_commit)
            sa_event.listen(Session, "after_rollback", _after_rollback)
        _listeners.append(callback)

    def remove() -> None:
        with _lock:
            if callback in _listeners:
                _listeners.remove(callback)

    return remove


def notify_committed() -> None:
    """Wake every running relay now: for stores that commit events outside SQLAlchemy (MongoDB)."""
    for callback in list(_listeners):
        callback()


def _after_commit(session: Session) -> None:
    if session.info.pop(_PENDING, False):
        notify_committed()


def _after_rollback(session: Session) -> None:
    # The rows went away with the transaction: nothing to wake the relay for.
    session.info.pop(_PENDING, None)
