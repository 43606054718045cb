"""`exportMyData` as events (README, "Your data"): every subgraph answers an export request with its part.

The files subgraph records `export.requested` (data: `exportId`, `domains` it waits for; `user_id` the
person). Each subgraph holding something about the person answers with its part — one JSON document,
`{"domain": ..., "exportedAt": ..., <collection>: [rows...]}` — as `export.part` events through its own
outbox: `exportId`, `domain`, `partId` (one per publication of the part), `index`, `count` and `chunk` (a
slice of the document's JSON text). A part is
cut into chunks of at most `CHUNK_CHARACTERS`, so no message on the broker is large however much a person
has; files keeps the chunks and assembles the archive once every expected part is complete.

Subgraphs never call each other and never share storage: the request and the parts are ordinary events.
A re-delivered request publishes the part again under a new `partId`; files assembles each domain from one
publication whose chunks are all there, so chunks of two publications never mix.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events.consumer import Handler
from subgraphs.kit.events.envelope import EventEnvelope
from subgraphs.kit.events.outbox import record_event

EXPORT_REQUESTED = "export.requested"
EXPORT_PART = "export.part"
# 64 KiB of JSON text per event: small next to RabbitMQ's frame and our outbox rows, big enough that an
# ordinary person's part is one or two events.
CHUNK_CHARACTERS = 64 * 1024


class MalformedExportRequest(ValueError):
    """An `export.requested` event without an export id or a person (retried, then dead-lettered)."""


def requested_export(event: EventEnvelope) -> tuple[str, str]:
    """(export id, person) of an `export.requested` event."""
    export_id = event.data.get("exportId")
    if not isinstance(export_id, str) or not export_id or not event.user_id:
        raise MalformedExportRequest(f"{event.type} event {event.id} has no exportId or user_id")
    return export_id, event.user_id


def part_events(
    producer: str, user_id: str, export_id: str, domain: str, collections: Mapping[str, Any]
) -> list[EventEnvelope]:
    """The `export.part` events carrying `collections` as the `domain` part of export `export_id`."""
    document = {"domain": domain, "exportedAt": datetime.now(UTC).isoformat(), **collections}
    text = orjson.dumps(document, default=_jsonable, option=orjson.OPT_INDENT_2).decode()
    chunks = [text[start : start + CHUNK_CHARACTERS] for start in range(0, len(text), CHUNK_CHARACTERS)]
    part_id = str(uuid.uuid4())
    return [
        EventEnvelope(
            type=EXPORT_PART,
            producer=producer,
            user_id=user_id,
            data={
                "exportId": export_id,
                "domain": domain,
                "partId": part_id,
                "index": index,
                "count": len(chunks),
                "chunk": chunk,
            },
        )
        for index, chunk in enumerate(chunks)
    ]


async def rows_where(
    session: AsyncSession, column: sa.Column[Any], values: Sequence[Any], *, leave_out: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Every row of `column`'s table whose `column` is one of `values`, as plain dicts (without the columns
    named in `leave_out`, e.g. a password hash)."""
    if not values:
        return []
    assert isinstance(column.table, sa.Table)
    table = column.table
    query = sa.select(table).where(column.in_(list(values)))
    keys = table.primary_key.columns.values() or list(table.columns)
    rows = (await session.execute(query.order_by(*keys))).mappings()
    return [{str(name): value for name, value in row.items() if name not in leave_out} for row in rows]


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    raise TypeError(f"cannot export {type(value).__name__}")


Collect = Callable[[AsyncSession, str], Awaitable[Mapping[str, Any]]]


def sql_export_handler(
    sessions: async_sessionmaker[AsyncSession], producer: str, domain: str, collect: Collect
) -> Handler:
    """The `export.requested` handler of a SQL subgraph: `collect(session, person)` gathers its part, whose
    `export.part` events are recorded in its outbox in the same read transaction."""

    async def handle(event: EventEnvelope) -> None:
        export_id, user_id = requested_export(event)
        async with sessions.begin() as session:
            collections = await collect(session, user_id)
            for part in part_events(producer, user_id, export_id, domain, collections):
                await record_event(session, part)

    return handle
