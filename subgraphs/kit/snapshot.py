"""Snapshots: a producer's current state as events, for consumers that rebuild a view from scratch.

A snapshot event has the shape of the producer's "created" event (its public contract in `events.py`) and is
dated at the item's last change, so a consumer that orders changes by `occurred_at` merges it with the live
events correctly. The composition root hands snapshots to consumers (`jobgraph search reindex`); no subgraph
reads another's store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.events import EventEnvelope

SNAPSHOT_BATCH = 500


def snapshot_event(
    type: str, producer: str, user_id: str, data: dict[str, object], at: datetime
) -> EventEnvelope:
    """One item's snapshot event; no trace: it belongs to no request."""
    return EventEnvelope(
        type=type,
        producer=producer,
        user_id=user_id,
        data=data,
        occurred_at=at.astimezone(UTC).isoformat(),
        trace=None,
    )


async def table_snapshot(
    engine: AsyncEngine,
    table: sa.Table,
    to_event: Callable[[sa.RowMapping], EventEnvelope],
    batch_size: int = SNAPSHOT_BATCH,
) -> AsyncIterator[list[EventEnvelope]]:
    """Every row of `table` as an event, in batches."""
    async for rows in keyset_pages(engine, table, batch_size):
        yield [to_event(row) for row in rows]


async def keyset_pages(
    engine: AsyncEngine, table: sa.Table, batch_size: int = SNAPSHOT_BATCH
) -> AsyncIterator[Sequence[sa.RowMapping]]:
    """Every row of `table` in pages ordered by its `id` column, each page read on its own."""
    last: str | None = None
    while True:
        query = sa.select(table).order_by(table.c.id).limit(batch_size)
        if last is not None:
            query = query.where(table.c.id > last)
        async with engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]
