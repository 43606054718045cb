"""Where the analytics projection lives: the store protocol and its SQL backend (SQLite and PostgreSQL).

One SQLAlchemy Core implementation serves the embedded default (SQLite via aiosqlite) and production
(PostgreSQL via asyncpg); the contract suite in tests/subgraphs/analytics runs against both. A store is bound
to the session of one unit of work: an event's changes commit with its `processed_events` row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.analytics.models import (
    FUNNEL,
    STATUSES,
    ApplicationFacts,
    ApplicationStatus,
    TimelineEntry,
    Totals,
    TrackedApplication,
    stay_column,
    tracked_applications_table,
    tracked_status_changes_table,
)

_apps = tracked_applications_table.c
_changes = tracked_status_changes_table.c
_REACHED_COLUMNS = ("reached_applied", "reached_interview", "reached_offer")


class AnalyticsStore(Protocol):
    """Persistence of the tracked applications (keyed by id, owned by `owner_id`) and their timelines."""

    async def lock(self, application_id: str, owner_id: str) -> TrackedApplication:
        """The tracked application, created empty if unknown, locked until the transaction ends (events
        of one application apply one after the other)."""

    async def save(self, application: TrackedApplication) -> None:
        """Overwrite the fields of a locked application."""

    async def add_timeline(self, application_id: str, entries: Iterable[TimelineEntry]) -> None:
        """Add entries to the application's timeline; entries it already has are left as they are."""

    async def timeline(self, application_id: str) -> list[TimelineEntry]:
        """The application's timeline, any order."""

    async def drop_timeline(self, application_id: str) -> None:
        """Forget the application's timeline (it was deleted)."""

    async def save_facts(self, application_id: str, facts: ApplicationFacts | None) -> None:
        """Store the derived facts; None takes the application out of every number."""

    async def totals(
        self, owner_id: str, start: datetime | None, end: datetime | None, now: datetime
    ) -> Totals:
        """The aggregates of the owner's live applications sent in [start, end) (None is open)."""

    async def sent_instants(self, owner_id: str) -> list[float]:
        """When each of the owner's live applications was sent (epoch seconds), ascending."""

    async def wipe(self, owner_id: str | None = None) -> int:
        """Forget every live application (of `owner_id`, or everyone's) and its timeline before a rebuild;
        tombstones stay, so a late event cannot bring a deleted application back. Returns how many."""


class SqlAnalyticsStore:
    """`AnalyticsStore` on SQLAlchemy Core; works unchanged on SQLite and PostgreSQL."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock(self, application_id: str, owner_id: str) -> TrackedApplication:
        insert = self._insert(tracked_applications_table).values(id=application_id, owner_id=owner_id)
        await self._session.execute(insert.on_conflict_do_nothing(index_elements=["id"]))
        # FOR UPDATE on PostgreSQL; SQLite has one writer at a time, which serialises the same way.
        row = (
            (
                await self._session.execute(
                    sa.select(tracked_applications_table).where(_apps.id == application_id).with_for_update()
                )
            )
            .mappings()
            .one()
        )
        return TrackedApplication(
            id=row["id"],
            owner_id=row["owner_id"],
            position=row["position"],
            location=row["location"],
            status=ApplicationStatus(row["status"]) if row["status"] else None,
            applied_at=row["applied_at"],
            created_at=row["created_at"],
            version=row["version"],
            deleted_at=row["deleted_at"],
        )

    async def save(self, application: TrackedApplication) -> None:
        await self._session.execute(
            sa.update(tracked_applications_table)
            .where(_apps.id == application.id)
            .values(
                position=application.position,
                location=application.location,
                status=application.status.value if application.status else None,
                applied_at=application.applied_at,
                created_at=application.created_at,
                version=application.version,
                deleted_at=application.deleted_at,
            )
        )

    async def add_timeline(self, application_id: str, entries: Iterable[TimelineEntry]) -> None:
        rows = [
            {"application_id": application_id, "status": entry.status.value, "changed_at": entry.changed_at}
            for entry in entries
        ]
        if rows:
            insert = self._insert(tracked_status_changes_table).values(rows)
            await self._session.execute(insert.on_conflict_do_nothing())

    async def timeline(self, application_id: str) -> list[TimelineEntry]:
        rows = await self._session.execute(
            sa.select(_changes.status, _changes.changed_at).where(_changes.application_id == application_id)
        )
        return [TimelineEntry(ApplicationStatus(status), changed_at) for status, changed_at in rows]

    async def drop_timeline(self, application_id: str) -> None:
        await self._session.execute(
            sa.delete(tracked_status_changes_table).where(_changes.application_id == application_id)
        )

    async def save_facts(self, application_id: str, facts: ApplicationFacts | None) -> None:
        await self._session.execute(
            sa.update(tracked_applications_table).where(_apps.id == application_id).values(_facts_row(facts))
        )

    async def totals(
        self, owner_id: str, start: datetime | None, end: datetime | None, now: datetime
    ) -> Totals:
        live: list[sa.ColumnElement[bool]] = [_apps.owner_id == owner_id, _apps.sent.is_not(None)]
        if start is not None:
            live.append(_apps.sent >= start.timestamp())
        if end is not None:
            live.append(_apps.sent < end.timestamp())
        by_status = {status: 0 for status in STATUSES}
        for status, count in await self._rows(
            sa.select(_apps.status, sa.func.count()).where(*live).group_by(_apps.status)
        ):
            by_status[ApplicationStatus(status)] = count
        by_position: dict[str, int] = dict(
            await self._rows(
                sa.select(_apps.position_category, sa.func.count())
                .where(*live)
                .group_by(_apps.position_category)
            )
        )
        by_location = {
            key: (label, count)
            for key, label, count in await self._rows(
                sa.select(_apps.location_key, sa.func.min(_apps.location_label), sa.func.count())
                .where(*live)
                .group_by(_apps.location_key)
            )
        }
        sums = [
            sa.func.coalesce(sa.func.sum(sa.cast(_apps[name], sa.Integer)), 0) for name in _REACHED_COLUMNS
        ]
        sums.append(sa.func.coalesce(sa.func.sum(sa.cast(_apps.responded, sa.Integer)), 0))
        for status in STATUSES:
            sums.append(sa.func.coalesce(sa.func.sum(_apps[stay_column(status, "seconds")]), 0.0))
            sums.append(sa.func.coalesce(sa.func.sum(_apps[stay_column(status, "stays")]), 0))
        row = (await self._session.execute(sa.select(*sums).where(*live))).one()
        reached = (int(row[0]), int(row[1]), int(row[2]))
        closed = {
            status: (float(row[4 + 2 * index]), int(row[5 + 2 * index]))
            for index, status in enumerate(STATUSES)
        }
        # Ongoing stays: the sum of (now - since) over n applications is n * now - sum(since).
        ongoing = await self._rows(
            sa.select(_apps.current_status, sa.func.count(), sa.func.sum(_apps.current_since))
            .where(*live)
            .group_by(_apps.current_status)
        )
        stays = dict(closed)
        for status, count, since in ongoing:
            seconds, number = stays[ApplicationStatus(status)]
            stays[ApplicationStatus(status)] = (
                seconds + count * now.timestamp() - float(since),
                number + count,
            )
        response_seconds = [
            float(value)
            for (value,) in await self._rows(
                sa.select(_apps.response_seconds)
                .where(*live, _apps.response_seconds.is_not(None))
                .order_by(_apps.response_seconds)
            )
        ]
        return Totals(
            by_status=by_status,
            by_position={str(key): int(count) for key, count in by_position.items()},
            by_location=by_location,
            reached=reached,
            responded=int(row[3]),
            response_seconds=response_seconds,
            stays=stays,
        )

    async def sent_instants(self, owner_id: str) -> list[float]:
        rows = await self._rows(
            sa.select(_apps.sent)
            .where(_apps.owner_id == owner_id, _apps.sent.is_not(None))
            .order_by(_apps.sent)
        )
        return [float(sent) for (sent,) in rows]

    async def wipe(self, owner_id: str | None = None) -> int:
        live: list[sa.ColumnElement[bool]] = [_apps.deleted_at.is_(None)]
        if owner_id is not None:
            live.append(_apps.owner_id == owner_id)
        doomed = sa.select(_apps.id).where(*live)
        await self._session.execute(
            sa.delete(tracked_status_changes_table).where(_changes.application_id.in_(doomed))
        )
        result = await self._session.execute(sa.delete(tracked_applications_table).where(*live))
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def _rows(self, statement: sa.Select[Any]) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in await self._session.execute(statement)]

    def _insert(self, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
        # Both dialects have INSERT ... ON CONFLICT with the same Python API; it keeps redelivered and
        # concurrent events idempotent without a read-then-write race.
        if self._session.get_bind().dialect.name == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)


def _facts_row(facts: ApplicationFacts | None) -> dict[str, object]:
    """The derived columns for `facts`; all cleared (the application counts nowhere) for None."""
    row: dict[str, object] = {
        "sent": None,
        "position_category": None,
        "location_key": None,
        "location_label": None,
        "reached_applied": False,
        "reached_interview": False,
        "reached_offer": False,
        "responded": False,
        "response_seconds": None,
        "current_status": None,
        "current_since": None,
    }
    for status in STATUSES:
        row[stay_column(status, "seconds")] = 0.0
        row[stay_column(status, "stays")] = 0
    if facts is None:
        return row
    row.update(
        sent=facts.sent,
        position_category=facts.position_category,
        location_key=facts.location_key,
        location_label=facts.location_label,
        responded=facts.responded,
        response_seconds=facts.response_seconds,
        current_status=facts.current.value,
        current_since=facts.current_since,
    )
    for name, reached in zip(_REACHED_COLUMNS, facts.reached, strict=True):
        row[name] = reached
    for status, seconds in facts.closed_seconds.items():
        row[stay_column(status, "seconds")] = seconds
        row[stay_column(status, "stays")] = facts.closed_stays[status]
    return row


assert len(_REACHED_COLUMNS) == len(FUNNEL)
