"""The application events analytics consumes (it publishes none): how each becomes an `ApplicationChange`.

Consumed from the applications subgraph (its events.py documents the payloads), queue `analytics.events`:
- `application.created`, `application.updated`, `application.status_changed`, `application.snapshot`:
  the application's position, location, status, appliedAt and createdAt as of `updatedAt` (its version; an
  event without one, from a producer older than analytics, falls back to `changedAt` or `occurred_at`);
  `created` adds the first timeline entry (status at createdAt), `status_changed` the entry (`to` at
  changedAt), `snapshot` the whole timeline (`statusHistory`).
- `application.deleted`: tombstones the application; it leaves every number and no later event returns it.
- `user.deleted` (users' contract): erases the person's projection and remembers the id, so application
  events about them that arrive later are dropped.
- `export.requested` (files' contract, subgraphs/kit/exports.py): answered with the `analytics` part, the
  person's projection (what each application's numbers are computed from).
Events of one application may arrive in any order, twice, or after a rebuild: `AnalyticsService.apply`
keeps the newest version's fields and merges timelines, so the result is the same.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.analytics.models import (
    ApplicationChange,
    ApplicationStatus,
    TimelineEntry,
    tracked_applications_table,
    tracked_status_changes_table,
)
from subgraphs.analytics.service import AnalyticsService
from subgraphs.kit.erasure import USER_DELETED, unless_erased
from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy, idempotent
from subgraphs.kit.exports import EXPORT_REQUESTED, rows_where, sql_export_handler

CONSUMER = "analytics"
PRODUCER = "analytics"
APPLICATION_EVENTS = (
    "application.created",
    "application.updated",
    "application.status_changed",
    "application.snapshot",
    "application.deleted",
)


class MalformedEvent(ValueError):
    """An application event without the fields analytics needs (the bus retries, then dead-letters it)."""


def application_consumer(
    service: AnalyticsService,
    sessions: async_sessionmaker[AsyncSession],
    *,
    retry: RetryPolicy | None = None,
) -> EventConsumer:
    """The consumer of queue `analytics.events`; each event applies once (the kit's `idempotent` records
    its id in `processed_events` in the same transaction as the projection change)."""

    async def apply(session: AsyncSession, event: EventEnvelope) -> None:
        await service.apply(change_of(event), session=session)

    async def user_deleted(session: AsyncSession, event: EventEnvelope) -> None:
        if not event.user_id:
            raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
        await service.erase_owner(event.user_id, session=session)

    handlers = dict.fromkeys(APPLICATION_EVENTS, idempotent(sessions, CONSUMER, unless_erased(apply)))
    handlers[USER_DELETED] = idempotent(sessions, CONSUMER, user_deleted)
    handlers[EXPORT_REQUESTED] = sql_export_handler(sessions, PRODUCER, "analytics", analytics_part)
    return EventConsumer(CONSUMER, handlers, retry=retry)


async def analytics_part(session: AsyncSession, user_id: str) -> dict[str, object]:
    """The person's `analytics` part of a data export."""
    applications = await rows_where(session, tracked_applications_table.c.owner_id, [user_id])
    ids = [row["id"] for row in applications]
    timeline = await rows_where(session, tracked_status_changes_table.c.application_id, ids)
    return {"trackedApplications": applications, "statusChanges": timeline}


def change_of(event: EventEnvelope) -> ApplicationChange:
    """What `event` says about its application; MalformedEvent when it lacks the id, owner or times."""
    data = event.data
    application_id = data.get("id")
    if not isinstance(application_id, str) or not application_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no data.id")
    if not event.user_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
    occurred_at = _instant(event, event.occurred_at, "occurred_at")
    if event.type == "application.deleted":
        return ApplicationChange(application_id, event.user_id, None, deleted=True, occurred_at=occurred_at)
    fields: dict[str, object] = {}
    for name in ("position", "location"):
        if name in data:
            fields[name] = data[name]
    status_value = data.get("status", data.get("to"))
    if status_value is not None:
        fields["status"] = _status(event, status_value)
    for name, key in (("applied_at", "appliedAt"), ("created_at", "createdAt")):
        if key in data:
            fields[name] = _instant(event, data[key], key) if data[key] is not None else None
    version = _instant(
        event, data.get("updatedAt") or data.get("changedAt") or event.occurred_at, "updatedAt"
    )
    return ApplicationChange(
        application_id,
        event.user_id,
        version,
        fields=fields,
        timeline=_timeline(event, fields),
        occurred_at=occurred_at,
    )


def _timeline(event: EventEnvelope, fields: dict[str, object]) -> tuple[TimelineEntry, ...]:
    data = event.data
    if event.type == "application.created" and isinstance(fields.get("created_at"), datetime):
        return (TimelineEntry(fields["status"], fields["created_at"]),)  # type: ignore[arg-type]
    if event.type == "application.status_changed":
        return (
            TimelineEntry(
                _status(event, data.get("to")), _instant(event, data.get("changedAt"), "changedAt")
            ),
        )
    if event.type == "application.snapshot":
        history = data.get("statusHistory")
        if not isinstance(history, list):
            raise MalformedEvent(f"snapshot {event.id} has no statusHistory list")
        return tuple(
            TimelineEntry(
                _status(event, entry.get("status")), _instant(event, entry.get("changedAt"), "changedAt")
            )
            for entry in history
            if isinstance(entry, dict)
        )
    return ()


def _status(event: EventEnvelope, value: object) -> ApplicationStatus:
    try:
        return ApplicationStatus(value)
    except ValueError:
        raise MalformedEvent(f"{event.type} event {event.id}: unknown status {value!r}") from None


def _instant(event: EventEnvelope, value: object, key: str) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.utcoffset() is not None:
                return moment
    raise MalformedEvent(f"{event.type} event {event.id}: {key} {value!r} is not an ISO 8601 instant")
