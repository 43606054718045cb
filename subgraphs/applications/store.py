"""Where applications and their timelines live: the store protocol and its SQL backend.

One SQLAlchemy Core implementation serves both the embedded default (SQLite via aiosqlite) and production
(PostgreSQL via asyncpg); the contract suite in tests/subgraphs/applications runs against both. A store is
bound to the session of one unit of work, so whatever a use case writes commits or rolls back together with
its outbox events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.applications.models import (
    Application,
    ApplicationQuery,
    ApplicationStatus,
    CreatedAtKey,
    StatusChange,
    StatusCounts,
    application_from_row,
    application_to_row,
    applications_table,
    status_history_table,
)
from subgraphs.kit.db import newest_first


class ApplicationStore(Protocol):
    """Persistence of applications (always scoped to an owner) and of their status timelines."""

    async def add(self, application: Application) -> None:
        """Insert a new application."""

    async def add_many(self, applications: Sequence[Application], changes: Sequence[StatusChange]) -> None:
        """Insert new applications and their timelines in two statements (an import's thousands of rows)."""

    async def update(self, application: Application) -> None:
        """Overwrite the stored application with the same id and owner."""

    async def delete(self, owner_id: str, application_id: str) -> bool:
        """Delete the owner's application and its timeline; False if there was none."""

    async def get(
        self, owner_id: str, application_id: str, *, for_update: bool = False
    ) -> Application | None:
        """The owner's application with this id; None if absent or someone else's.

        `for_update` locks the row until the transaction ends, so concurrent changes of one application
        apply one after the other instead of overwriting each other.
        """

    async def get_many(self, owner_id: str, application_ids: Sequence[str]) -> list[Application]:
        """The owner's applications among `application_ids`, in one query, any order."""

    async def page(
        self, owner_id: str, query: ApplicationQuery, after: CreatedAtKey | None, limit: int
    ) -> list[Application]:
        """Up to `limit` matching applications strictly after `after`, newest first (created_at, id)."""

    async def count(self, owner_id: str, query: ApplicationQuery) -> int:
        """How many of the owner's applications match `query`."""

    async def counts_by_status(self, owner_id: str) -> StatusCounts:
        """How many of the owner's applications are in each status (every status present, zeros too)."""

    async def add_status_change(self, change: StatusChange) -> None:
        """Append an entry to an application's timeline."""

    async def timelines(self, owner_id: str, application_ids: Sequence[str]) -> dict[str, list[StatusChange]]:
        """The timelines of the owner's applications among these ids, oldest entry first, in one query."""

    async def batch_after(
        self, after_id: str | None, limit: int, owner_id: str | None = None
    ) -> list[Application]:
        """Up to `limit` applications with ids after `after_id` in id order, of everyone (or of `owner_id`):
        how `publish_snapshots` walks the whole table in bounded steps."""


class SqlApplicationStore:
    """`ApplicationStore` on SQLAlchemy Core; works unchanged on SQLite and PostgreSQL."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, application: Application) -> None:
        await self._session.execute(sa.insert(applications_table).values(application_to_row(application)))

    async def add_many(self, applications: Sequence[Application], changes: Sequence[StatusChange]) -> None:
        if applications:
            rows = [application_to_row(application) for application in applications]
            await self._session.execute(sa.insert(applications_table), rows)
        if changes:
            await self._session.execute(
                sa.insert(status_history_table), [_change_row(change) for change in changes]
            )

    async def update(self, application: Application) -> None:
        values = application_to_row(application)
        for immutable in ("id", "owner_id", "created_at"):
            del values[immutable]
        columns = applications_table.c
        await self._session.execute(
            sa.update(applications_table)
            .where(columns.id == application.id, columns.owner_id == application.owner_id)
            .values(values)
        )

    async def delete(self, owner_id: str, application_id: str) -> bool:
        columns = applications_table.c
        # The timeline goes first: SQLite enforces the foreign key's ON DELETE CASCADE only with
        # `PRAGMA foreign_keys`, which not every connection has on.
        owned = sa.select(columns.id).where(columns.id == application_id, columns.owner_id == owner_id)
        await self._session.execute(
            sa.delete(status_history_table).where(status_history_table.c.application_id.in_(owned))
        )
        result = await self._session.execute(
            sa.delete(applications_table).where(columns.id == application_id, columns.owner_id == owner_id)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def get(
        self, owner_id: str, application_id: str, *, for_update: bool = False
    ) -> Application | None:
        columns = applications_table.c
        statement = sa.select(applications_table).where(
            columns.owner_id == owner_id, columns.id == application_id
        )
        if for_update:
            # FOR UPDATE on PostgreSQL; SQLite leaves the clause out and allows one writer at a time.
            statement = statement.with_for_update()
        found = await self._applications(statement)
        return found[0] if found else None

    async def get_many(self, owner_id: str, application_ids: Sequence[str]) -> list[Application]:
        if not application_ids:
            return []
        columns = applications_table.c
        statement = sa.select(applications_table).where(
            columns.owner_id == owner_id, columns.id.in_(set(application_ids))
        )
        return await self._applications(statement)

    async def page(
        self, owner_id: str, query: ApplicationQuery, after: CreatedAtKey | None, limit: int
    ) -> list[Application]:
        columns = applications_table.c
        statement = sa.select(applications_table).where(*_matching(owner_id, query))
        position = None if after is None else (after.created_at, after.id)
        return await self._applications(
            newest_first(statement, columns.created_at, columns.id, position, limit)
        )

    async def count(self, owner_id: str, query: ApplicationQuery) -> int:
        statement = (
            sa.select(sa.func.count()).select_from(applications_table).where(*_matching(owner_id, query))
        )
        return int((await self._session.execute(statement)).scalar_one())

    async def counts_by_status(self, owner_id: str) -> StatusCounts:
        columns = applications_table.c
        rows = await self._session.execute(
            sa.select(columns.status, sa.func.count())
            .where(columns.owner_id == owner_id)
            .group_by(columns.status)
        )
        found = {ApplicationStatus(status): int(count) for status, count in rows}
        return StatusCounts(by_status={status: found.get(status, 0) for status in ApplicationStatus})

    async def add_status_change(self, change: StatusChange) -> None:
        await self._session.execute(sa.insert(status_history_table).values(_change_row(change)))

    async def timelines(self, owner_id: str, application_ids: Sequence[str]) -> dict[str, list[StatusChange]]:
        if not application_ids:
            return {}
        columns = status_history_table.c
        owned = sa.select(applications_table.c.id).where(
            applications_table.c.owner_id == owner_id, applications_table.c.id.in_(set(application_ids))
        )
        rows = await self._session.execute(
            sa.select(status_history_table)
            .where(columns.application_id.in_(owned))
            .order_by(columns.application_id, columns.id)
        )
        timelines: dict[str, list[StatusChange]] = {}
        for row in rows.mappings():
            timelines.setdefault(row["application_id"], []).append(
                StatusChange(
                    application_id=row["application_id"],
                    status=ApplicationStatus(row["status"]),
                    note=row["note"],
                    changed_at=row["changed_at"],
                )
            )
        return timelines

    async def batch_after(
        self, after_id: str | None, limit: int, owner_id: str | None = None
    ) -> list[Application]:
        columns = applications_table.c
        statement = sa.select(applications_table).order_by(columns.id).limit(limit)
        if after_id is not None:
            statement = statement.where(columns.id > after_id)
        if owner_id is not None:
            statement = statement.where(columns.owner_id == owner_id)
        return await self._applications(statement)

    async def _applications(self, statement: sa.Select[tuple[object, ...]]) -> list[Application]:
        result = await self._session.execute(statement)
        return [application_from_row(row) for row in result.mappings()]


def _change_row(change: StatusChange) -> dict[str, object]:
    return {
        "application_id": change.application_id,
        "status": change.status.value,
        "note": change.note,
        "changed_at": change.changed_at,
    }


def _matching(owner_id: str, query: ApplicationQuery) -> list[sa.ColumnElement[bool]]:
    columns = applications_table.c
    conditions: list[sa.ColumnElement[bool]] = [columns.owner_id == owner_id]
    if query.statuses:
        conditions.append(columns.status.in_(sorted(status.value for status in query.statuses)))
    if query.search:
        # Case-insensitive substring; autoescape makes % and _ in the search text literal.
        needle = query.search.lower()
        conditions.append(
            sa.or_(
                sa.func.lower(columns.company).contains(needle, autoescape=True),
                sa.func.lower(columns.position).contains(needle, autoescape=True),
            )
        )
    return conditions
