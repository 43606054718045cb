"""The outbox of a MongoDB subgraph: a collection written in the same session/transaction as the change.

Same contract as the SQL outbox (DESIGN.md, Events): `record` inserts the event with the caller's session, so
it commits or aborts with the change; `OutboxRelay(MongoOutbox(...), publisher)` publishes and marks sent.
MongoDB has no commit hook to wake the relay, so a producer calls `relay.wake()` after committing (or
relies on the poll). Run one relay per outbox collection: unlike PostgreSQL there is no SKIP LOCKED.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

from subgraphs.kit.events.envelope import EventEnvelope, parse_envelope
from subgraphs.kit.events.source import OutboxBatch

Document = dict[str, Any]


class _MongoBatch:
    def __init__(self, collection: AsyncCollection[Document], rows: list[tuple[str, bytes]]) -> None:
        self._collection = collection
        self.rows = rows

    async def mark_sent(self, event_id: str) -> None:
        # Written at once, not at the end of the batch: a relay killed later re-publishes nothing sent.
        await self._collection.update_one(
            {"_id": event_id}, {"$set": {"sent_at": datetime.now(UTC)}, "$inc": {"attempts": 1}}
        )

    async def count_attempt(self, event_id: str) -> None:
        await self._collection.update_one({"_id": event_id}, {"$inc": {"attempts": 1}})


class MongoOutbox:
    """Events as documents `{_id: event id, type, payload, created_at, sent_at, attempts}` of `collection`."""

    def __init__(self, collection: AsyncCollection[Document]) -> None:
        self.collection = collection

    async def events(self) -> list[EventEnvelope]:
        """Every event in the outbox, oldest first, sent or not (for inspection and tests)."""
        cursor = self.collection.find({}).sort([("created_at", ASCENDING), ("_id", ASCENDING)])
        return [parse_envelope(doc["payload"]) async for doc in cursor]

    async def ensure_indexes(self) -> None:
        """The relay's "unsent, oldest first" lookup (call at start-up; idempotent)."""
        await self.collection.create_index([("sent_at", ASCENDING), ("created_at", ASCENDING)])

    async def record(self, event: EventEnvelope, *, session: AsyncClientSession | None) -> None:
        """Insert `event` with `session` (pass the session of the change's transaction)."""
        document = {
            "_id": event.id,
            "type": event.type,
            "payload": event.to_json(),
            "created_at": datetime.now(UTC),
            "sent_at": None,
            "attempts": 0,
        }
        await self.collection.insert_one(document, session=session)

    @asynccontextmanager
    async def batch(self, limit: int) -> AsyncIterator[OutboxBatch]:
        cursor = (
            self.collection.find({"sent_at": None}, {"payload": 1})
            .sort([("created_at", ASCENDING), ("_id", ASCENDING)])
            .limit(limit)
        )
        rows = [(str(document["_id"]), bytes(document["payload"])) async for document in cursor]
        yield _MongoBatch(self.collection, rows)
