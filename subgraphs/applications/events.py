"""Events applications publishes: its public contract to interviews, analytics, search and notifications.

Routing key = `type`, `user_id` = the application's owner, `data` in camelCase like the API:
- `application.created`:        the application (id, company, position, location, status, jobUrl, salary,
                                 appliedAt, createdAt, updatedAt, description, notes)
- `application.updated`:        the same fields after the change, plus `changed` (the API names of the
                                 fields that changed)
- `application.status_changed`: id, company, position, `from`, `to`, note, changedAt; since analytics, also
                                 location, status (= `to`), jobUrl, salary, appliedAt, createdAt, updatedAt
- `application.deleted`:        id, company, position, status
- `application.snapshot`:       the application as it is now (the `created` fields) plus `statusHistory`
                                 (its whole timeline, `[{status, changedAt}]` oldest first); published on
                                 request by `ApplicationService.publish_snapshots` (`jobgraph analytics
                                 rebuild`), never by a change, so consumers deployed late can catch up.
Interviews keeps its projection of "whose application is this" from `created` and `deleted`; analytics and
search rebuild their views from all of them, so every event carries what a list item shows.

Ordering: `updatedAt` is the application's version. Every event but `deleted` carries the whole application
as of that version, so a consumer keeps the fields of the event with the newest `updatedAt` and ignores an
older one arriving late; `deleted` is final (consumers tombstone the id). Notes never travel; the job
description does (`description`: files keeps it for its resume match).

Applications consumes no events. `Subscription.applicationChanged` streams the owner's applications after
each of `LIVE` (the subgraph's live fan-out, subgraphs/kit/events/live.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.applications.models import Application, ApplicationStatus, Salary, StatusChange
from subgraphs.kit.events import EventEnvelope, record_event, record_events

PRODUCER = "applications"
# The events after which `applicationChanged` sends the application as it is now (a deleted one is gone).
LIVE = ("application.created", "application.updated", "application.status_changed")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _salary(salary: Salary | None) -> dict[str, object] | None:
    if salary is None:
        return None
    return {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period.value}


def _summary(application: Application) -> dict[str, object]:
    return {
        "id": application.id,
        "company": application.company,
        "position": application.position,
        "location": application.location,
        "status": application.status.value,
        "jobUrl": application.job_url,
        "salary": _salary(application.salary),
        "appliedAt": _iso(application.applied_at),
        "createdAt": _iso(application.created_at),
        "updatedAt": _iso(application.updated_at),
        # Search indexes the free text too.
        "description": application.description,
        "notes": application.notes,
    }


@dataclass(frozen=True, slots=True)
class ApplicationCreated:
    """A person started tracking an application."""

    application: Application
    type: ClassVar[str] = "application.created"

    def data(self) -> dict[str, object]:
        return _summary(self.application)


@dataclass(frozen=True, slots=True)
class ApplicationUpdated:
    """Some fields of an application changed (not its status: that is `ApplicationStatusChanged`)."""

    application: Application
    previous: Application
    type: ClassVar[str] = "application.updated"

    def data(self) -> dict[str, object]:
        before, after = _summary(self.previous), _summary(self.application)
        pairs = {
            **{name: (before[name], after[name]) for name in ("company", "position", "location", "jobUrl")},
            "salary": (before["salary"], after["salary"]),
            "appliedAt": (before["appliedAt"], after["appliedAt"]),
            "description": (self.previous.description, self.application.description),
            "notes": (self.previous.notes, self.application.notes),
        }
        return {**after, "changed": [name for name, (old, new) in pairs.items() if old != new]}


@dataclass(frozen=True, slots=True)
class ApplicationStatusChanged:
    """An application moved from one status to another."""

    application: Application
    previous_status: ApplicationStatus
    note: str | None
    type: ClassVar[str] = "application.status_changed"

    def data(self) -> dict[str, object]:
        return {
            **_summary(self.application),
            "from": self.previous_status.value,
            "to": self.application.status.value,
            "note": self.note,
            "changedAt": _iso(self.application.updated_at),
        }


@dataclass(frozen=True, slots=True)
class ApplicationDeleted:
    """A person stopped tracking an application; everything attached to it goes too."""

    application: Application
    type: ClassVar[str] = "application.deleted"

    def data(self) -> dict[str, object]:
        return {
            "id": self.application.id,
            "company": self.application.company,
            "position": self.application.position,
            "status": self.application.status.value,
        }


@dataclass(frozen=True, slots=True)
class ApplicationSnapshot:
    """The application as it is now, with its timeline: republished on request for consumers catching up."""

    application: Application
    history: tuple[StatusChange, ...]
    type: ClassVar[str] = "application.snapshot"

    def data(self) -> dict[str, object]:
        return {
            **_summary(self.application),
            "statusHistory": [
                {"status": change.status.value, "changedAt": _iso(change.changed_at)}
                for change in self.history
            ],
        }


ApplicationEvent = (
    ApplicationCreated
    | ApplicationUpdated
    | ApplicationStatusChanged
    | ApplicationDeleted
    | ApplicationSnapshot
)

# Writes one event into the outbox within the given session's transaction (`record_application_event`;
# tests may hand the service another recorder).
EventRecorder = Callable[[AsyncSession, ApplicationEvent], Awaitable[None]]


# Writes many events into the outbox in one statement, within the session's transaction (an import).
EventsRecorder = Callable[[AsyncSession, Sequence[ApplicationEvent]], Awaitable[None]]


def _envelope(event: ApplicationEvent) -> EventEnvelope:
    return EventEnvelope(
        type=event.type, producer=PRODUCER, user_id=event.application.owner_id, data=event.data()
    )


async def record_application_event(session: AsyncSession, event: ApplicationEvent) -> None:
    """Write `event` to the applications outbox in `session`'s transaction; `user_id` is the owner."""
    await record_event(session, _envelope(event))


async def record_application_events(session: AsyncSession, events: Sequence[ApplicationEvent]) -> None:
    """`record_application_event` for many events, in one statement."""
    await record_events(session, [_envelope(event) for event in events])
