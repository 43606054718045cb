"""Where a relay reads events from: an outbox it can take a batch of unsent rows from and mark them sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events.outbox import outbox_rows


class OutboxBatch(Protocol):
    """Up to `limit` unsent events, oldest first, held (locked where the store can) until the batch ends."""

    rows: list[tuple[str, bytes]]

    async def mark_sent(self, event_id: str) -> None: ...

    async def count_attempt(self, event_id: str) -> None: ...


class OutboxSource(Protocol):
    """An outbox the relay can drain: the SQL table, or a document store's outbox collection."""

    def batch(self, limit: int) -> AbstractAsyncContextManager[OutboxBatch]: ...


class _SqlBatch:
    def __init__(self, session: AsyncSession, rows: list[tuple[str, bytes]]) -> None:
        self._session = session
        self.rows = rows

    async def mark_sent(self, event_id: str) -> None:
        await self._session.execute(
            sa.update(outbox_rows)
            .where(outbox_rows.c.id == event_id)
            .values(sent_at=datetime.now(UTC), attempts=outbox_rows.c.attempts + 1)
        )

    async def count_attempt(self, event_id: str) -> None:
        await self._session.execute(
            sa.update(outbox_rows)
            .where(outbox_rows.c.id == event_id)
            .values(attempts=outbox_rows.c.attempts + 1)
        )


class SqlOutboxSource:
    """The `outbox` table of a SQL database. A batch is one transaction: its "sent" marks commit together
    when the batch ends, and on PostgreSQL its rows stay locked (`FOR UPDATE SKIP LOCKED`) until then, so
    several relay replicas never take the same rows."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    @asynccontextmanager
    async def batch(self, limit: int) -> AsyncIterator[OutboxBatch]:
        async with self._sessions() as session, session.begin():
            query = (
                sa.select(outbox_rows.c.id, outbox_rows.c.payload)
                .where(outbox_rows.c.sent_at.is_(None))
                .order_by(outbox_rows.c.created_at, outbox_rows.c.id)
                .limit(limit)
            )
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = [(row_id, bytes(payload)) for row_id, payload in (await session.execute(query)).all()]
            yield _SqlBatch(session, rows)
