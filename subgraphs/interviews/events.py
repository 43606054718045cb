"""Events interviews publishes (its public contract) and the application events it consumes.

Published, routing key = `type`, `user_id` = the interview's owner, `data` in camelCase like the API:
- `interview.scheduled`: id, applicationId, startsAt (ISO 8601 UTC), durationMinutes, type, location,
  meetingUrl
- `interview.updated`:   the same fields after the change, plus `changed` (the API names of changed fields)
- `interview.cancelled`: id, applicationId, startsAt, durationMinutes, type, reason (`cancelled` when the
  owner cancelled it, `application_deleted` when its application went away)
The notifications subgraph reminds people from these, so every event carries the full schedule.

Consumed: `application.created` (projection: application id → owner) and `application.deleted` (tombstone the
application and delete its interviews, announcing each one still on as `interview.cancelled`).
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.interviews.models import Interview, outbox_table
from subgraphs.kit.outbox import record_event

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
            "changed": [name for name, (before, after) in pairs.items() if before != after],
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
    """Write `event` to the interviews outbox in `session`'s transaction; `user_id` is the owner."""
    await record_event(
        session,
        outbox_table,
        event_type=event.type,
        producer=PRODUCER,
        user_id=event.interview.owner_id,
        data=event.data(),
    )


# An event as the bus delivers it: the DESIGN.md envelope, already parsed from JSON.
Envelope = Mapping[str, Any]
EventHandler = Callable[[Envelope], Awaitable[None]]

APPLICATION_CREATED = "application.created"
APPLICATION_DELETED = "application.deleted"


class MalformedEvent(ValueError):
    """An envelope without the fields a handler needs: poison, for the bus to dead-letter (never retry)."""


def application_handlers(service: InterviewService) -> dict[str, EventHandler]:
    """Handlers for the application events interviews consumes, keyed by routing key.

    Both are idempotent without a processed-events table: `application.created` inserts only an unknown
    id, `application.deleted` leaves a tombstone and deletes what is left (nothing the second time).
    """

    async def created(envelope: Envelope) -> None:
        application_id, owner_id = _application_of(envelope)
        await service.application_created(application_id, owner_id)

    async def deleted(envelope: Envelope) -> None:
        application_id, owner_id = _application_of(envelope)
        await service.application_deleted(application_id, owner_id)

    return {APPLICATION_CREATED: created, APPLICATION_DELETED: deleted}


def _application_of(envelope: Envelope) -> tuple[str, str]:
    """(application id, owner id) of an application event: `data.id` and the envelope's `user_id`."""
    data = envelope.get("data")
    application_id = data.get("id") if isinstance(data, Mapping) else None
    owner_id = envelope.get("user_id")
    if not isinstance(application_id, str) or not application_id:
        raise MalformedEvent(f"{envelope.get('type')} event {envelope.get('id')} has no data.id")
    if not isinstance(owner_id, str) or not owner_id:
        raise MalformedEvent(f"{envelope.get('type')} event {envelope.get('id')} has no user_id")
    return application_id, owner_id
