"""MongoDB helpers the document subgraphs share (contacts, files): transactions, and the database, outbox,
processed event ids and idempotency keys every document store on MongoDB has."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from subgraphs.kit.events import EventEnvelope, MongoOutbox
from subgraphs.kit.idempotency.mongo import MongoIdempotencyStore


class MongoTransaction:
    """`async with` a session with a started transaction: committed on success, aborted on an exception."""

    def __init__(self, client: AsyncMongoClient[dict[str, Any]]) -> None:
        self._client = client
        self._session: AsyncClientSession | None = None

    async def __aenter__(self) -> AsyncClientSession:
        self._session = self._client.start_session()
        await self._session.start_transaction()
        return self._session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: object
    ) -> None:
        session = self._session
        assert session is not None
        try:
            if session.in_transaction:
                if kind is None:
                    await session.commit_transaction()
                else:
                    await asyncio.shield(session.abort_transaction())
        finally:
            await session.end_session()


class MongoDocumentStore:
    """Base of a subgraph's store on MongoDB: the client (every call bounded by `timeout_ms`), its database
    (`database`, else the URL's, else `default_database`), the `outbox` and the `processed_events` ids."""

    def __init__(
        self, url: str, default_database: str, *, database: str | None = None, timeout_ms: int = 10_000
    ) -> None:
        self.client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(
            url, serverSelectionTimeoutMS=timeout_ms, timeoutMS=timeout_ms, tz_aware=True
        )
        self.db = (
            self.client.get_database(database)
            if database
            else self.client.get_default_database(default_database)
        )
        self._outbox = MongoOutbox(self.db["outbox"])
        self.processed = self.db["processed_events"]
        # Its indexes are made by the subclass's `start`, with the others.
        self._idempotency = MongoIdempotencyStore(self.db["idempotency_keys"])

    async def close(self) -> None:
        await self.client.close()

    async def outbox_events(self) -> list[EventEnvelope]:
        return await self._outbox.events()

    @property
    def outbox(self) -> MongoOutbox:
        return self._outbox

    @property
    def idempotency(self) -> MongoIdempotencyStore:
        """The idempotency keys of the subgraph's mutations (collection `idempotency_keys`)."""
        return self._idempotency

    def transaction(self) -> MongoTransaction:
        return MongoTransaction(self.client)

    async def apply_once(
        self, consumer: str, event_id: str, apply: Callable[[AsyncClientSession], Awaitable[None]]
    ) -> bool:
        """Claim `event_id` for `consumer` and `apply` the event in one transaction; False (nothing done) when
        it was claimed before."""
        try:
            async with self.transaction() as session:
                processed = {"_id": f"{consumer}:{event_id}", "processed_at": datetime.now(UTC)}
                await self.processed.insert_one(processed, session=session)
                await apply(session)
        except DuplicateKeyError:
            # The event id was claimed before: a redelivery, already applied.
            return False
        return True
