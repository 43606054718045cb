"""Where applications and their timelines live: the store protocol and its SQL backend.

One SQLAlchemy Core implementation serves both the embedded default (SQLite via aiosqlite) and production
(PostgreSQL via asyncpg); the contract suite in tests/subgraphs/applications runs against both. A store is
bound to the session of one unit of work, so whatever a use case writes commits or rolls back together with
its outbox events.

Pages are keyset pages: every `ApplicationOrder` is (sort key, id) served by an index on (owner_id, sort key,
id), so a page costs the same on the first and the hundredth page of 5,000 applications; the filters only
narrow that range scan (tags are matched inside one column, so no join).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.applications.models import (
    Application,
    ApplicationOrder,
    ApplicationQuery,
    ApplicationStatus,
    PageKey,
    StatusChange,
    StatusCounts,
    application_from_row,
    application_to_row,
    applications_table,
    idempotency_keys,
    status_history_table,
    tags_column_value,
)
from subgraphs.kit.erasure import erase_rows


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

    async def erase_owner(self, owner_id: str) -> int:
        """Delete every application of `owner_id` with its timeline; how many applications went."""

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
        self,
        owner_id: str,
        query: ApplicationQuery,
        after: PageKey | None,
        limit: int,
        order: ApplicationOrder = ApplicationOrder.NEWEST,
    ) -> list[Application]:
        """Up to `limit` matching applications in `order` (sort key, then id), strictly after `after`
        (a position in the same order). Applications without a priority or deadline come last in PRIORITY
        and DEADLINE."""

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

    async def erase_owner(self, owner_id: str) -> int:
        owned = sa.select(applications_table.c.id).where(applications_table.c.owner_id == owner_id)
        await self._session.execute(
            sa.delete(status_history_table).where(status_history_table.c.application_id.in_(owned))
        )
        # Stored answers to their mutations (Idempotency-Key) hold their data too.
        columns = [applications_table.c.owner_id, idempotency_keys.c.owner]
        return await erase_rows(self._session, owner_id, columns)

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
        self,
        owner_id: str,
        query: ApplicationQuery,
        after: PageKey | None,
        limit: int,
        order: ApplicationOrder = ApplicationOrder.NEWEST,
    ) -> list[Application]:
        assert after is None or after.order is order, "a position is only meaningful in its own order"
        columns = applications_table.c
        statement = sa.select(applications_table).where(*_matching(owner_id, query))
        sort = _SORTS[order]
        if not sort.nullable:
            return await self._applications(sort.after(statement, after).limit(limit))
        # Rows with a sort key, then rows without: two index range scans on (owner, key, id) that read the
        # same on both backends, where one ORDER BY ... NULLS LAST would make PostgreSQL or SQLite sort.
        found: list[Application] = []
        if after is None or after.value is not None:
            keyed = sort.after(statement.where(sort.key.is_not(None)), after)
            found = await self._applications(keyed.limit(limit))
        if len(found) < limit:
            unkeyed = statement.where(sort.key.is_(None))
            if after is not None and after.value is None:
                unkeyed = unkeyed.where(sort.beyond(columns.id, after.id))
            unkeyed = unkeyed.order_by(sort.direction(columns.id)).limit(limit - len(found))
            found += await self._applications(unkeyed)
        return found

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


@dataclass(frozen=True, slots=True)
class _Sort:
    """The sort column of an `ApplicationOrder` (the id follows in the same direction)."""

    key: sa.ColumnElement[Any]
    descending: bool
    nullable: bool

    def beyond(self, column: sa.ColumnElement[Any], value: object) -> sa.ColumnElement[bool]:
        return column < value if self.descending else column > value

    def direction(self, column: sa.ColumnElement[Any]) -> sa.UnaryExpression[Any]:
        return column.desc() if self.descending else column.asc()

    def after(self, statement: sa.Select[Any], position: PageKey | None) -> sa.Select[Any]:
        """`statement` in this order from strictly after `position` (which has a sort key value)."""
        item_id = applications_table.c.id
        if position is not None:
            statement = statement.where(
                sa.or_(
                    self.beyond(self.key, position.value),
                    sa.and_(self.key == position.value, self.beyond(item_id, position.id)),
                )
            )
        return statement.order_by(self.direction(self.key), self.direction(item_id))


_SORTS: dict[ApplicationOrder, _Sort] = {
    # What kit.db.newest_first builds, in the form every order shares.
    ApplicationOrder.NEWEST: _Sort(applications_table.c.created_at, descending=True, nullable=False),
    ApplicationOrder.OLDEST: _Sort(applications_table.c.created_at, descending=False, nullable=False),
    ApplicationOrder.RECENTLY_UPDATED: _Sort(
        applications_table.c.updated_at, descending=True, nullable=False
    ),
    ApplicationOrder.COMPANY: _Sort(applications_table.c.company_key, descending=False, nullable=False),
    ApplicationOrder.PRIORITY: _Sort(applications_table.c.priority, descending=True, nullable=True),
    ApplicationOrder.DEADLINE: _Sort(applications_table.c.deadline, descending=False, nullable=True),
}


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
    for column, chosen in (
        (columns.source, query.sources),
        (columns.work_mode, query.work_modes),
        (columns.employment_type, query.employment_types),
    ):
        if chosen:
            conditions.append(column.in_(sorted(item.value for item in chosen)))
    for column, lowest, highest in (
        (columns.created_at, query.created_from, query.created_to),
        (columns.applied_at, query.applied_from, query.applied_to),
        (columns.priority, query.min_priority, query.max_priority),
    ):
        if lowest is not None:
            conditions.append(column >= lowest)
        if highest is not None:
            conditions.append(column <= highest)
    for tag in query.tags:
        # The stored form brackets every tag with separators, so this matches whole tags only.
        conditions.append(columns.tags.contains(tags_column_value((tag,)), autoescape=True))
    if query.location:
        conditions.append(sa.func.lower(columns.location).contains(query.location.lower(), autoescape=True))
    if query.salary_min is not None or query.salary_max is not None or query.salary_currency is not None:
        conditions.append(columns.salary_currency.is_not(None))
    if query.salary_currency is not None:
        conditions.append(columns.salary_currency == query.salary_currency)
    # Overlap of [salary_min, salary_max] with the application's range, whose open bound reaches anything.
    if query.salary_min is not None:
        conditions.append(sa.or_(columns.salary_max.is_(None), columns.salary_max >= query.salary_min))
    if query.salary_max is not None:
        conditions.append(sa.or_(columns.salary_min.is_(None), columns.salary_min <= query.salary_max))
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
