"""Events interviews publishes (its public contract) and the application events it consumes.

Published, routing key = `type`, `user_id` = the interview's owner, `data` in camelCase like the API:
- `interview.scheduled`: id, applicationId, startsAt (ISO 8601 UTC), durationMinutes, type, location,
  meetingUrl, details
- `interview.updated`:   the same fields after the change, plus `changed` (the API names of changed fields)
  and `previousStartsAt` (the start before the change; the applications timeline tells moves with it)
- `interview.cancelled`: id, applicationId, startsAt, durationMinutes, type, reason (`cancelled` when the
  owner cancelled it, `application_deleted` when its application went away)
The notifications subgraph reminds people from these, so every event carries the full schedule; the
applications subgraph adds them to the application's timeline (scheduled, moved, cancelled by the owner).

Consumed: `application.created` (projection: application id → owner) and `application.deleted` (tombstone the
application and delete its interviews, announcing each one still on as `interview.cancelled`);
`user.deleted` erases the person's interviews, their applications in the projection and their events still
in the outbox without announcing anything, and remembers the id: later application events about them are
dropped and `scheduleInterview` from the deleted account's still-valid token is UNAUTHENTICATED.
`export.requested` (files' contract, subgraphs/kit/exports.py) is answered with the `interviews` part.

Ownership without waiting on the broker: `scheduleInterview` for an application id not heard of yet claims it
for the caller (the projection is only as fresh as the broker lets it be, and an owner must be able to
schedule on an application created during an outage). `application.created` confirms the claim, or —
naming another owner — deletes the claimant's interviews (announced as `interview.cancelled`, reason
`application_deleted`) and records the real owner; claims nothing confirms within `CLAIM_TTL` (7 days) are
dropped the same way. The trade-off: until the event arrives, someone who knows an application's id (a
random UUID, never shown to others) could hold interviews on it, visible only to themselves, and the real
owner would get NOT_FOUND for that window; nobody ever sees another person's interviews.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.interviews.models import Interview, interviews_table
from subgraphs.kit.erasure import USER_DELETED, unless_erased
from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy, idempotent, record_event
from subgraphs.kit.exports import EXPORT_REQUESTED, rows_where, sql_export_handler

if TYPE_CHECKING:
    # Only for annotations: the service imports the event records from here.
    from subgraphs.interviews.service import InterviewService

PRODUCER = "interviews"


class CancelReason(enum.Enum):
    """Why an interview stopped: the owner cancelled it, or its application was deleted."""

    CANCELLED = "cancelled"
    APPLICATION_DELETED = "application_deleted"


def _schedule(interview: Interview) -> dict[str, object]:
    return {
        "id": interview.id,
        "applicationId": interview.application_id,
        "startsAt": _iso(interview.starts_at),
        "durationMinutes": interview.duration_minutes,
        "type": interview.type.value,
    }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class InterviewScheduled:
    """An interview was put in the calendar."""

    interview: Interview
    type: ClassVar[str] = "interview.scheduled"

    def data(self) -> dict[str, object]:
        return {
            **_schedule(self.interview),
            "location": self.interview.location,
            "meetingUrl": self.interview.meeting_url,
            "details": self.interview.details,
        }


@dataclass(frozen=True, slots=True)
class InterviewUpdated:
    """Some fields of an interview changed; `changed` lists their API names."""

    interview: Interview
    previous: Interview
    type: ClassVar[str] = "interview.updated"

    def data(self) -> dict[str, object]:
        pairs = {
            "startsAt": (self.previous.starts_at, self.interview.starts_at),
            "durationMinutes": (self.previous.duration_minutes, self.interview.duration_minutes),
            "type": (self.previous.type, self.interview.type),
            "location": (self.previous.location, self.interview.location),
            "meetingUrl": (self.previous.meeting_url, self.interview.meeting_url),
            "details": (self.previous.details, self.interview.details),
        }
        return {
            **_schedule(self.interview),
            "location": self.interview.location,
            "meetingUrl": self.interview.meeting_url,
            "details": self.interview.details,
            "changed": [name for name, (before, after) in pairs.items() if before != after],
            "previousStartsAt": _iso(self.previous.starts_at),
        }


@dataclass(frozen=True, slots=True)
class InterviewCancelled:
    """An interview will not happen."""

    interview: Interview
    reason: CancelReason = field(default=CancelReason.CANCELLED)
    type: ClassVar[str] = "interview.cancelled"

    def data(self) -> dict[str, object]:
        return {**_schedule(self.interview), "reason": self.reason.value}


InterviewEvent = InterviewScheduled | InterviewUpdated | InterviewCancelled

# Writes one event into the outbox within the given session's transaction (`record_interview_event`;
# tests may hand the service another recorder).
EventRecorder = Callable[[AsyncSession, InterviewEvent], Awaitable[None]]


async def record_interview_event(session: AsyncSession, event: InterviewEvent) -> None:
    """Write `event` to the interviews outbox in `session`'s transaction; `user_id` is the owner.

    The kit's `record_event` also flags the commit, so the relay wakes up and publishes at once.
    """
    envelope = EventEnvelope(
        type=event.type, producer=PRODUCER, user_id=event.interview.owner_id, data=event.data()
    )
    await record_event(session, envelope)


CONSUMER = "interviews"
APPLICATION_CREATED = "application.created"
APPLICATION_DELETED = "application.deleted"


class MalformedEvent(ValueError):
    """An application event without the fields the handler needs (the bus retries, then dead-letters it)."""


def application_consumer(
    service: InterviewService,
    sessions: async_sessionmaker[AsyncSession],
    *,
    retry: RetryPolicy | None = None,
) -> EventConsumer:
    """The consumer of queue `interviews.events`: the application events interviews projects.

    Each handler runs once per event id: the kit's `idempotent` records the id in `processed_events` in
    the same transaction as the projection change (and any `interview.cancelled` events it writes).
    """

    async def created(session: AsyncSession, event: EventEnvelope) -> None:
        application_id, owner_id = _application_of(event)
        await service.application_created(application_id, owner_id, session=session)

    async def deleted(session: AsyncSession, event: EventEnvelope) -> None:
        application_id, owner_id = _application_of(event)
        await service.application_deleted(application_id, owner_id, session=session)

    async def user_deleted(session: AsyncSession, event: EventEnvelope) -> None:
        if not event.user_id:
            raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
        await service.erase_owner(event.user_id, session=session)

    handlers = {
        APPLICATION_CREATED: idempotent(sessions, CONSUMER, unless_erased(created)),
        APPLICATION_DELETED: idempotent(sessions, CONSUMER, unless_erased(deleted)),
        USER_DELETED: idempotent(sessions, CONSUMER, user_deleted),
        EXPORT_REQUESTED: sql_export_handler(sessions, PRODUCER, "interviews", interviews_part),
    }
    return EventConsumer(CONSUMER, handlers, retry=retry)


async def interviews_part(session: AsyncSession, user_id: str) -> dict[str, object]:
    """The person's `interviews` part of a data export (cancelled ones too)."""
    return {"interviews": await rows_where(session, interviews_table.c.owner_id, [user_id])}


def _application_of(event: EventEnvelope) -> tuple[str, str]:
    """(application id, owner id) of an application event: `data.id` and the envelope's `user_id`."""
    application_id = event.data.get("id")
    if not isinstance(application_id, str) or not application_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no data.id")
    if not event.user_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
    return application_id, event.user_id
