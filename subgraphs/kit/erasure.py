"""Erasing a person from a subgraph's store when `user.deleted` arrives (README, "Your data").

Every subgraph that holds something about a person consumes `user.deleted` and removes it: its own rows
(`erase_rows`) and the events about the person still in its outbox (`erase_outbox`, `erase_mongo_outbox`):
sent ones are a copy of the person's data, unsent ones would carry it to consumers that already erased them.
Deleting by the person's id is idempotent by nature, so a re-delivered `user.deleted` finds nothing to do.

Late events must not bring the person back: an `application.created` published just before the deletion
can reach a consumer after `user.deleted` (queues of different producers are not ordered). A SQL subgraph
therefore keeps the erased ids (`erased_users`, only the id and when) and its handlers skip events about
them (`unless_erased`); applications also refuses new writes from an erased id whose access token is still
valid (at most 15 minutes).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import orjson
import sqlalchemy as sa
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events.envelope import EventEnvelope
from subgraphs.kit.events.outbox import outbox_rows
from subgraphs.kit.events.processed import SessionHandler

# The event users publishes when a person deleted their account (subgraphs/users/events.py).
USER_DELETED = "user.deleted"
# Outbox rows are read in pages of this many while looking for a person's events.
_OUTBOX_PAGE = 1000


def _erased_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("erased_at", UtcDateTime(), nullable=False),
    ]


def erased_users_table(metadata: sa.MetaData) -> sa.Table:
    """The `erased_users(user_id, erased_at)` table in `metadata`: who was erased, nothing else."""
    return sa.Table("erased_users", metadata, *_erased_columns())


def create_erased_users_table(op: Any) -> None:
    """For a migration's `upgrade()`: `create_erased_users_table(op)` with Alembic's `op`."""
    op.create_table("erased_users", *_erased_columns())


_erased = sa.table("erased_users", sa.column("user_id", sa.String(64)), sa.column("erased_at", UtcDateTime()))


async def remember_erased(session: AsyncSession, user_id: str) -> None:
    """Record that `user_id` was erased (a no-op when it already was)."""
    if not await is_erased(session, user_id):
        await session.execute(sa.insert(_erased).values(user_id=user_id, erased_at=datetime.now(UTC)))


async def is_erased(session: AsyncSession, user_id: str | None) -> bool:
    if not user_id:
        return False
    found = await session.execute(sa.select(_erased.c.user_id).where(_erased.c.user_id == user_id))
    return found.first() is not None


def unless_erased(handler: SessionHandler) -> SessionHandler:
    """`handler`, skipping events whose `user_id` was erased (a late event about a deleted person)."""

    async def handle(session: AsyncSession, event: EventEnvelope) -> None:
        if not await is_erased(session, event.user_id):
            await handler(session, event)

    return handle


async def erase_rows(session: AsyncSession, user_id: str, columns: Iterable[sa.Column[Any]]) -> int:
    """Delete every row whose `column` is `user_id`, for each column in order; how many rows went."""
    deleted = 0
    for column in columns:
        assert column.table is not None and isinstance(column.table, sa.Table)
        result = await session.execute(sa.delete(column.table).where(column == user_id))
        deleted += result.rowcount or 0  # type: ignore[attr-defined]
    return deleted


def _doomed(payload: bytes, sent: bool, user_id: str) -> bool:
    """Whether an outbox event goes with the person: theirs (its `user_id`), or already sent and naming
    them elsewhere (someone else's contact linked to them). Others' unsent events stay: they must still
    reach the consumers, whose own `user.deleted` handling unlinks the person."""
    if sent and user_id.encode() in payload:
        return True
    envelope = orjson.loads(payload)
    return isinstance(envelope, dict) and envelope.get("user_id") == user_id


async def erase_outbox(session: AsyncSession, user_id: str, *, keep: str | None = None) -> int:
    """Delete the outbox events about `user_id` (see `_doomed`), except the event `keep`.

    The person's id is inside the JSON payload, not a column, so the outbox is read page by page: this is
    a full scan, run once per deleted account.
    """
    doomed: list[str] = []
    last = ""
    while True:
        page = (
            await session.execute(
                sa.select(outbox_rows.c.id, outbox_rows.c.payload, outbox_rows.c.sent_at)
                .where(outbox_rows.c.id > last)
                .order_by(outbox_rows.c.id)
                .limit(_OUTBOX_PAGE)
            )
        ).all()
        if not page:
            break
        last = page[-1].id
        doomed.extend(
            row.id
            for row in page
            if row.id != keep and _doomed(row.payload, row.sent_at is not None, user_id)
        )
    for start in range(0, len(doomed), _OUTBOX_PAGE):
        ids = doomed[start : start + _OUTBOX_PAGE]
        await session.execute(sa.delete(outbox_rows).where(outbox_rows.c.id.in_(ids)))
    return len(doomed)


async def erase_mongo_outbox(
    collection: AsyncCollection[Any], user_id: str, *, session: AsyncClientSession | None
) -> int:
    """`erase_outbox` for a MongoDB outbox collection (`MongoOutbox`)."""
    doomed = [
        document["_id"]
        async for document in collection.find({}, {"payload": 1, "sent_at": 1}, session=session)
        if _doomed(bytes(document["payload"]), document.get("sent_at") is not None, user_id)
    ]
    if doomed:
        await collection.delete_many({"_id": {"$in": doomed}}, session=session)
    return len(doomed)
