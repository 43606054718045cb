"""Where the analytics projection lives: the store protocol and its SQL backend (SQLite and PostgreSQL).

One SQLAlchemy Core implementation serves the embedded default (SQLite via aiosqlite) and production
(PostgreSQL via asyncpg); the contract suite in tests/subgraphs/analytics runs against both. A store is bound
to the session of one unit of work: an event's changes commit with its `processed_events` row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
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
    owner_versions_table,
    stay_column,
    tracked_applications_table,
    tracked_status_changes_table,
)
from subgraphs.analytics.periods import Span
from subgraphs.kit.erasure import erase_rows

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

    async def erase_owner(self, owner_id: str) -> None:
        """Delete everything of `owner_id`: applications, their timelines, the owner's version."""

    async def save_facts(self, application_id: str, facts: ApplicationFacts | None) -> None:
        """Store the derived facts; None takes the application out of every number."""

    async def totals(self, owner_id: str, start: datetime | None, end: datetime | None) -> Totals:
        """The aggregates of the owner's live applications sent in [start, end) (None is open)."""

    async def bump_version(self, owner_id: str | None = None) -> None:
        """Mark the numbers of `owner_id` (or of everyone) changed."""

    async def version(self, owner_id: str) -> int:
        """The owner's version: it changes whenever one of their numbers may have."""

    async def count_sent(self, owner_id: str, spans: Sequence[Span]) -> list[int]:
        """How many of the owner's live applications were sent in each span, in the spans' order."""

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

    async def erase_owner(self, owner_id: str) -> None:
        owned = sa.select(tracked_applications_table.c.id).where(
            tracked_applications_table.c.owner_id == owner_id
        )
        await self._session.execute(
            sa.delete(tracked_status_changes_table).where(_changes.application_id.in_(owned))
        )
        await erase_rows(
            self._session, owner_id, [tracked_applications_table.c.owner_id, owner_versions_table.c.owner_id]
        )

    async def drop_timeline(self, application_id: str) -> None:
        await self._session.execute(
            sa.delete(tracked_status_changes_table).where(_changes.application_id == application_id)
        )

    async def save_facts(self, application_id: str, facts: ApplicationFacts | None) -> None:
        await self._session.execute(
            sa.update(tracked_applications_table).where(_apps.id == application_id).values(_facts_row(facts))
        )

    async def totals(self, owner_id: str, start: datetime | None, end: datetime | None) -> Totals:
        live: list[sa.ColumnElement[bool]] = [_apps.owner_id == owner_id, _apps.sent.is_not(None)]
        if start is not None:
            live.append(_apps.sent >= start.timestamp())
        if end is not None:
            live.append(_apps.sent < end.timestamp())
        # One scan of the person's applications (the 5,000-application benchmark): grouped by every
        # dimension a number splits by at once — a few hundred groups at most — and rolled up here.
        keys = (_apps.status, _apps.position_category, _apps.location_key, _apps.current_status)
        sums = [sa.func.sum(sa.cast(_apps[name], sa.Integer)) for name in (*_REACHED_COLUMNS, "responded")]
        sums.append(sa.func.sum(_apps.current_since))
        for status in STATUSES:
            sums.append(sa.func.sum(_apps[stay_column(status, "seconds")]))
            sums.append(sa.func.sum(_apps[stay_column(status, "stays")]))
        groups = await self._rows(
            sa.select(
                *keys, sa.func.min(_apps.location_label), sa.func.count(), sa.func.min(_apps.sent), *sums
            )
            .where(*live)
            .group_by(*keys)
        )
        by_status = dict.fromkeys(STATUSES, 0)
        by_position: dict[str, int] = {}
        by_location: dict[str, tuple[str, int]] = {}
        reached, responded = [0, 0, 0], 0
        closed = dict.fromkeys(STATUSES, (0.0, 0))
        ongoing = dict.fromkeys(STATUSES, (0, 0.0))
        first_sent: float | None = None
        for status, family, place, current, label, count, earliest, *numbers in groups:
            first_sent = earliest if first_sent is None else min(first_sent, earliest)
            by_status[ApplicationStatus(status)] += count
            by_position[family] = by_position.get(family, 0) + count
            known_label, known_count = by_location.get(place, (label, 0))
            by_location[place] = (min(known_label, label), known_count + count)
            for index in range(3):
                reached[index] += int(numbers[index])
            responded += int(numbers[3])
            now_in, since = ongoing[ApplicationStatus(current)]
            ongoing[ApplicationStatus(current)] = (now_in + count, since + float(numbers[4]))
            for index, finished in enumerate(STATUSES):
                seconds, number = closed[finished]
                finished_seconds, finished_stays = numbers[5 + 2 * index], numbers[6 + 2 * index]
                closed[finished] = (seconds + float(finished_seconds), number + int(finished_stays))
        return Totals(
            by_status=by_status,
            by_position=by_position,
            by_location=by_location,
            reached=(reached[0], reached[1], reached[2]),
            responded=responded,
            median_response_seconds=await self._median_response(live, responded),
            first_sent=first_sent,
            closed=closed,
            ongoing=ongoing,
        )

    async def _median_response(self, live: list[sa.ColumnElement[bool]], responded: int) -> float | None:
        """The median `response_seconds` of the `responded` live applications: the middle one or two
        values, read straight from the database."""
        if not responded:
            return None
        middle = await self._rows(
            sa.select(_apps.response_seconds)
            .where(*live, _apps.response_seconds.is_not(None))
            .order_by(_apps.response_seconds)
            .limit(2 - responded % 2)
            .offset((responded - 1) // 2)
        )
        return sum(float(value) for (value,) in middle) / len(middle)

    async def bump_version(self, owner_id: str | None = None) -> None:
        if owner_id is None:
            await self._session.execute(
                sa.update(owner_versions_table).values(version=owner_versions_table.c.version + 1)
            )
            return
        insert = self._insert(owner_versions_table).values(owner_id=owner_id, version=1)
        await self._session.execute(
            insert.on_conflict_do_update(
                index_elements=["owner_id"], set_={"version": owner_versions_table.c.version + 1}
            )
        )

    async def version(self, owner_id: str) -> int:
        found = await self._session.execute(
            sa.select(owner_versions_table.c.version).where(owner_versions_table.c.owner_id == owner_id)
        )
        return int(found.scalar_one_or_none() or 0)

    async def count_sent(self, owner_id: str, spans: Sequence[Span]) -> list[int]:
        if not spans:
            return []
        parameters: dict[str, object] = {"owner": owner_id}
        for index, span in enumerate(spans):
            parameters[f"low{index}"], parameters[f"high{index}"] = span.start, span.end
        counts = [0] * len(spans)
        for position, count in (await self._session.execute(_count_sent(len(spans)), parameters)).all():
            counts[position] = count
        return counts

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
        # `all()` fetches every row at once; iterating would fetch them one by one through the async adapter.
        return [tuple(row) for row in (await self._session.execute(statement)).all()]

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


@lru_cache(maxsize=256)
def _count_sent(spans: int) -> sa.TextClause:
    """The statement counting applications sent in `spans` spans: the spans a `VALUES` table joined to the
    (owner_id, sent) index, one range probe each, so months and weeks cost about an index step per
    application. Text, made once per number of spans: SQLAlchemy compiles a `values()` construct again on
    every call (~20 ms for 104 weeks, measured)."""
    rows = ", ".join(
        f"({index}, CAST(:low{index} AS DOUBLE PRECISION), CAST(:high{index} AS DOUBLE PRECISION))"
        for index in range(spans)
    )
    return sa.text(
        f"WITH spans(position, low, high) AS (VALUES {rows}) "
        "SELECT spans.position, count(*) FROM spans JOIN tracked_applications "
        "ON tracked_applications.owner_id = :owner "
        "AND tracked_applications.sent >= spans.low AND tracked_applications.sent < spans.high "
        "GROUP BY spans.position"
    )
