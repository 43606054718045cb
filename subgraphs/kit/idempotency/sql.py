"""The idempotency records of a SQL subgraph: the `idempotency_keys` table and the store on it.

Every SQL subgraph with mutations adds `idempotency_table(metadata)` to its metadata and
`create_idempotency_table(op)` to a migration, like the outbox.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.db import conflict_insert
from subgraphs.kit.idempotency.guard import IdempotencyGuard
from subgraphs.kit.idempotency.store import Claim, KeyRecord

TABLE = "idempotency_keys"
EXPIRY_INDEX = "ix_idempotency_keys_expires_at"


def _columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("owner", sa.String(255), primary_key=True),
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("token", sa.String(36), nullable=False),
        # The first response body as JSON text, replayed as it was; NULL while its request acts.
        sa.Column("response", sa.Text, nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
    ]


def idempotency_table(metadata: sa.MetaData) -> sa.Table:
    """The `idempotency_keys` table in `metadata`: primary key (owner, key), swept by `expires_at`."""
    return sa.Table(TABLE, metadata, *_columns(), sa.Index(EXPIRY_INDEX, "expires_at"))


def create_idempotency_table(op: Any) -> None:
    """For a migration's `upgrade()`: `create_idempotency_table(op)` with Alembic's `op`."""
    op.create_table(TABLE, *_columns())
    op.create_index(EXPIRY_INDEX, TABLE, ["expires_at"])


def drop_idempotency_table(op: Any) -> None:
    """For the same migration's `downgrade()`."""
    op.drop_index(EXPIRY_INDEX, TABLE)
    op.drop_table(TABLE)


# The table without a MetaData, for the store (each subgraph's metadata holds the real definition).
_keys = sa.Table(TABLE, sa.MetaData(), *_columns())


class SqlIdempotencyStore:
    """Idempotency records in the subgraph's own SQL database (SQLite or PostgreSQL).

    A claim is one short transaction: INSERT ... ON CONFLICT DO NOTHING (one statement when the key is new),
    else replace an expired or stale record. The primary key decides between concurrent claims: on
    PostgreSQL the losers' inserts wait for the winner's commit, then find its row.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def claim(self, claim: Claim, *, stale_before: datetime) -> KeyRecord | None:
        this = (_keys.c.owner == claim.owner) & (_keys.c.key == claim.key)
        async with self._sessions() as session, session.begin():
            if await _inserted(session, claim):
                return None
            # The key is held; an expired record, or one whose request died, gives way to this claim.
            replaced = await session.execute(
                sa.delete(_keys).where(
                    this,
                    sa.or_(
                        _keys.c.expires_at <= claim.created_at,
                        sa.and_(_keys.c.response.is_(None), _keys.c.created_at < stale_before),
                    ),
                )
            )
            if replaced.rowcount and await _inserted(session, claim):  # type: ignore[attr-defined]
                return None
            row = (
                await session.execute(sa.select(_keys.c.fingerprint, _keys.c.response).where(this))
            ).one_or_none()
        if row is None:
            # Released between our insert and this read: in progress as far as the caller knows; it claims
            # again.
            return KeyRecord(fingerprint=claim.fingerprint, response=None)
        return KeyRecord(fingerprint=row.fingerprint, response=row.response)

    async def complete(self, owner: str, key: str, token: str, response: str) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                sa.update(_keys)
                .where(_keys.c.owner == owner, _keys.c.key == key, _keys.c.token == token)
                .values(response=response)
            )

    async def release(self, owner: str, key: str, token: str) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                sa.delete(_keys).where(
                    _keys.c.owner == owner,
                    _keys.c.key == key,
                    _keys.c.token == token,
                    _keys.c.response.is_(None),
                )
            )

    async def sweep(self, now: datetime) -> int:
        async with self._sessions() as session, session.begin():
            deleted = await session.execute(sa.delete(_keys).where(_keys.c.expires_at <= now))
        return int(deleted.rowcount)  # type: ignore[attr-defined]


async def _inserted(session: AsyncSession, claim: Claim) -> bool:
    """Insert `claim`'s record unless the key has one; whether it did."""
    inserted = await session.execute(
        conflict_insert(session, _keys)
        .values(
            owner=claim.owner,
            key=claim.key,
            fingerprint=claim.fingerprint,
            token=claim.token,
            response=None,
            created_at=claim.created_at,
            expires_at=claim.expires_at,
        )
        .on_conflict_do_nothing(index_elements=["owner", "key"])
    )
    return bool(inserted.rowcount == 1)  # type: ignore[attr-defined]


def sql_idempotency(engine: AsyncEngine) -> IdempotencyGuard:
    """The guard of a SQL subgraph, on the `idempotency_keys` table of `engine`'s database."""
    return IdempotencyGuard(SqlIdempotencyStore(async_sessionmaker(engine)))
