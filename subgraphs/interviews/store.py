"""Where interviews and the application projection live: the store protocol and its SQL backend.

One SQLAlchemy Core implementation serves both the embedded default (SQLite via aiosqlite) and production
(PostgreSQL via asyncpg); the contract suite in tests/subgraphs/interviews runs against both. A store is bound
to the session of one unit of work, so whatever a use case writes commits or rolls back together with its
outbox events.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.interviews.models import (
    Interview,
    InterviewQuery,
    KnownApplication,
    StartsAtKey,
    interview_from_row,
    interview_to_row,
    interviews_table,
    known_applications_table,
)


class InterviewStore(Protocol):
    """Persistence of interviews (always scoped to an owner) and of the known-applications projection."""

    async def add(self, interview: Interview) -> None:
        """Insert a new interview."""

    async def update(self, interview: Interview) -> None:
        """Overwrite the stored interview with the same id and owner."""

    async def get(self, owner_id: str, interview_id: str) -> Interview | None:
        """The owner's interview with this id; None if absent or someone else's."""

    async def get_many(self, owner_id: str, interview_ids: Sequence[str]) -> list[Interview]:
        """The owner's interviews among `interview_ids`, in one query, any order."""

    async def page(
        self, owner_id: str, query: InterviewQuery, after: StartsAtKey | None, limit: int
    ) -> list[Interview]:
        """Up to `limit` matching interviews strictly after `after`, by (starts_at, id) ascending."""

    async def count(self, owner_id: str, query: InterviewQuery) -> int:
        """How many of the owner's interviews match `query`."""

    async def for_applications(self, owner_id: str, application_ids: Sequence[str]) -> list[Interview]:
        """The owner's interviews of any of `application_ids`, in one query, by (starts_at, id)."""

    async def upcoming(self, owner_id: str, now: datetime, limit: int) -> list[Interview]:
        """The owner's interviews not cancelled and starting at or after `now`, soonest first."""

    async def delete_for_application(self, application_id: str) -> list[Interview]:
        """Delete every interview of the application (whoever owns it) and return what was deleted."""

    async def remember_application(self, application: KnownApplication) -> None:
        """Record an application (or a claim, with `claimed_at`); an id already known is left as it is."""

    async def confirm_application(self, application_id: str, owner_id: str) -> None:
        """Make a claimed row a confirmed fact owned by `owner_id` (the claimant or whoever overrules it)."""

    async def forget_application(self, application: KnownApplication) -> None:
        """Mark the application deleted, creating the tombstone if the id was never seen."""

    async def drop_application(self, application_id: str) -> None:
        """Remove the row altogether (a stale claim: the id may still turn out to be real later)."""

    async def claims_before(self, moment: datetime) -> list[KnownApplication]:
        """The unconfirmed claims made before `moment`."""

    async def known_applications(self, application_ids: Sequence[str]) -> list[KnownApplication]:
        """The projection rows for these ids (alive and tombstoned) in one query."""

    async def lock_application(self, application_id: str) -> KnownApplication | None:
        """The projection row, locked until the transaction ends so a concurrent delete waits for it."""


class SqlInterviewStore:
    """`InterviewStore` on SQLAlchemy Core; works unchanged on SQLite and PostgreSQL."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, interview: Interview) -> None:
        await self._session.execute(sa.insert(interviews_table).values(interview_to_row(interview)))

    async def update(self, interview: Interview) -> None:
        values = interview_to_row(interview)
        for immutable in ("id", "owner_id", "application_id", "created_at"):
            del values[immutable]
        await self._session.execute(
            sa.update(interviews_table)
            .where(interviews_table.c.id == interview.id, interviews_table.c.owner_id == interview.owner_id)
            .values(values)
        )

    async def get(self, owner_id: str, interview_id: str) -> Interview | None:
        found = await self.get_many(owner_id, [interview_id])
        return found[0] if found else None

    async def get_many(self, owner_id: str, interview_ids: Sequence[str]) -> list[Interview]:
        if not interview_ids:
            return []
        statement = sa.select(interviews_table).where(
            interviews_table.c.owner_id == owner_id, interviews_table.c.id.in_(set(interview_ids))
        )
        return await self._interviews(statement)

    async def page(
        self, owner_id: str, query: InterviewQuery, after: StartsAtKey | None, limit: int
    ) -> list[Interview]:
        columns = interviews_table.c
        statement = sa.select(interviews_table).where(*_matching(owner_id, query))
        if after is not None:
            # Keyset pagination: the row-value comparison written out, since SQLite and PostgreSQL both
            # use the (owner_id, starts_at, id) index for it.
            statement = statement.where(
                sa.or_(
                    columns.starts_at > after.starts_at,
                    sa.and_(columns.starts_at == after.starts_at, columns.id > after.id),
                )
            )
        statement = statement.order_by(columns.starts_at, columns.id).limit(limit)
        return await self._interviews(statement)

    async def count(self, owner_id: str, query: InterviewQuery) -> int:
        statement = (
            sa.select(sa.func.count()).select_from(interviews_table).where(*_matching(owner_id, query))
        )
        return int((await self._session.execute(statement)).scalar_one())

    async def for_applications(self, owner_id: str, application_ids: Sequence[str]) -> list[Interview]:
        if not application_ids:
            return []
        columns = interviews_table.c
        statement = (
            sa.select(interviews_table)
            .where(columns.owner_id == owner_id, columns.application_id.in_(set(application_ids)))
            .order_by(columns.starts_at, columns.id)
        )
        return await self._interviews(statement)

    async def upcoming(self, owner_id: str, now: datetime, limit: int) -> list[Interview]:
        columns = interviews_table.c
        statement = (
            sa.select(interviews_table)
            .where(columns.owner_id == owner_id, columns.cancelled_at.is_(None), columns.starts_at >= now)
            .order_by(columns.starts_at, columns.id)
            .limit(limit)
        )
        return await self._interviews(statement)

    async def delete_for_application(self, application_id: str) -> list[Interview]:
        columns = interviews_table.c
        doomed = await self._interviews(
            sa.select(interviews_table).where(columns.application_id == application_id).order_by(columns.id)
        )
        if doomed:
            await self._session.execute(
                sa.delete(interviews_table).where(columns.application_id == application_id)
            )
        return doomed

    async def remember_application(self, application: KnownApplication) -> None:
        insert = self._insert_known().values(
            id=application.id,
            owner_id=application.owner_id,
            deleted_at=application.deleted_at,
            claimed_at=application.claimed_at,
        )
        await self._session.execute(insert.on_conflict_do_nothing(index_elements=["id"]))

    async def confirm_application(self, application_id: str, owner_id: str) -> None:
        columns = known_applications_table.c
        await self._session.execute(
            sa.update(known_applications_table)
            .where(columns.id == application_id)
            .values(owner_id=owner_id, claimed_at=None)
        )

    async def drop_application(self, application_id: str) -> None:
        await self._session.execute(
            sa.delete(known_applications_table).where(known_applications_table.c.id == application_id)
        )

    async def claims_before(self, moment: datetime) -> list[KnownApplication]:
        rows = await self._session.execute(
            sa.select(known_applications_table).where(known_applications_table.c.claimed_at < moment)
        )
        return [_known(row) for row in rows.mappings()]

    async def forget_application(self, application: KnownApplication) -> None:
        insert = self._insert_known().values(
            id=application.id, owner_id=application.owner_id, deleted_at=application.deleted_at
        )
        await self._session.execute(
            insert.on_conflict_do_update(
                index_elements=["id"], set_={"deleted_at": insert.excluded.deleted_at, "claimed_at": None}
            )
        )

    async def known_applications(self, application_ids: Sequence[str]) -> list[KnownApplication]:
        if not application_ids:
            return []
        rows = await self._session.execute(
            sa.select(known_applications_table).where(known_applications_table.c.id.in_(set(application_ids)))
        )
        return [_known(row) for row in rows.mappings()]

    async def lock_application(self, application_id: str) -> KnownApplication | None:
        # FOR UPDATE on PostgreSQL: scheduling and `application.deleted` serialise on this row, so no
        # interview is inserted for an application whose interviews are being deleted. SQLite has no row
        # locks (the clause is left out) but allows one writer at a time, which gives the same guarantee.
        rows = await self._session.execute(
            sa.select(known_applications_table)
            .where(known_applications_table.c.id == application_id)
            .with_for_update()
        )
        row = rows.mappings().first()
        return None if row is None else _known(row)

    def _insert_known(self) -> postgresql.Insert | sqlite.Insert:
        # Both dialects have INSERT ... ON CONFLICT with the same Python API; it keeps redelivered events
        # idempotent without a read-then-write race.
        if self._session.get_bind().dialect.name == "postgresql":
            return postgresql.insert(known_applications_table)
        return sqlite.insert(known_applications_table)

    async def _interviews(self, statement: sa.Select[tuple[object, ...]]) -> list[Interview]:
        result = await self._session.execute(statement)
        return [interview_from_row(row) for row in result.mappings()]


def _known(row: sa.RowMapping) -> KnownApplication:
    return KnownApplication(
        id=row["id"], owner_id=row["owner_id"], deleted_at=row["deleted_at"], claimed_at=row["claimed_at"]
    )


def _matching(owner_id: str, query: InterviewQuery) -> list[sa.ColumnElement[bool]]:
    columns = interviews_table.c
    conditions: list[sa.ColumnElement[bool]] = [columns.owner_id == owner_id]
    if query.starts_from is not None:
        conditions.append(columns.starts_at >= query.starts_from)
    if query.starts_before is not None:
        conditions.append(columns.starts_at < query.starts_before)
    if query.types:
        conditions.append(columns.type.in_(sorted(kind.value for kind in query.types)))
    if not query.include_cancelled:
        conditions.append(columns.cancelled_at.is_(None))
    return conditions
