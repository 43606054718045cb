"""Base of a subgraph's store on SQL (contacts, files): the engine and its sessions, migrated at start-up,
disposed at close, the outbox its changes are recorded in and its idempotency keys."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.kit.db import upgrade_to_head
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.events.outbox import stored_events
from subgraphs.kit.idempotency.sql import SqlIdempotencyStore


class SqlDocumentStore:
    """An SQLAlchemy async engine (SQLite file by default, or PostgreSQL) with the subgraph's migrations."""

    def __init__(self, engine: AsyncEngine, migrations_dir: Path) -> None:
        self.engine = engine
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._migrations_dir = migrations_dir

    async def start(self) -> None:
        await upgrade_to_head(self.engine, self._migrations_dir)

    async def close(self) -> None:
        await self.engine.dispose()

    async def outbox_events(self) -> list[EventEnvelope]:
        return await stored_events(self.sessions)

    @property
    def outbox(self) -> async_sessionmaker[AsyncSession]:
        """What an `OutboxRelay` drains: the outbox table, through these sessions."""
        return self.sessions

    @property
    def idempotency(self) -> SqlIdempotencyStore:
        """The idempotency keys of the subgraph's mutations (its `idempotency_keys` table)."""
        return SqlIdempotencyStore(self.sessions)
