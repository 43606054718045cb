"""Events applications publishes: its public contract to interviews, analytics, search and notifications.

Routing key = `type`, `user_id` = the application's owner, `data` in camelCase like the API:
- `application.created`:        the application: every field of `fields.FIELDS` (id, company, position,
                                 location, jobUrl, salary, appliedAt, description, notes, status, createdAt,
                                 updatedAt and, since issue #18, source, sourceDetail, priority, workMode,
                                 employmentType, deadline, tags — null when not given, tags `[]`)
- `application.updated`:        the same fields after the change, plus `changed` (the API names of the
                                 fields that changed)
- `application.status_changed`: id, company, position, `from`, `to`, note, changedAt; since analytics, also
                                 location, status (= `to`), jobUrl, salary, appliedAt, createdAt, updatedAt
- `application.deleted`:        id, company, position, status
- `application.snapshot`:       the application as it is now (the `created` fields) plus `statusHistory`
                                 (its whole timeline, `[{status, changedAt}]` oldest first); published on
                                 request by `ApplicationService.publish_snapshots` (`jobgraph analytics
                                 rebuild`), never by a change, so consumers deployed late can catch up.
`changeApplicationsStatus` and `deleteApplications` record, per id they change, exactly the event of
`changeApplicationStatus` / `deleteApplication` (nothing for an id NOT_FOUND or UNCHANGED).
Interviews keeps its projection of "whose application is this" from `created` and `deleted`; analytics and
search rebuild their views from all of them, so every event carries what a list item shows.

Ordering: `updatedAt` is the application's version. Every event but `deleted` carries the whole application
as of that version, so a consumer keeps the fields of the event with the newest `updatedAt` and ignores an
older one arriving late; `deleted` is final (consumers tombstone the id). Notes never travel; the job
description does (`description`: files keeps it for its resume match).

Consumed (queue `applications.events`, one consumer for all of these):
- For the timeline (`Application.timeline`) and the contact links this subgraph owns, each event applied
  once (`processed_events`) and skipped when its `user_id` was erased (a late event about a deleted person):
  - `interview.scheduled` → INTERVIEW_SCHEDULED; `interview.updated` whose `changed` has `startsAt` →
    INTERVIEW_RESCHEDULED (with `previousStartsAt` when interviews sends it); `interview.cancelled` with
    reason `cancelled` → INTERVIEW_CANCELLED (one cancelled because its application was deleted adds
    nothing).
  - `file.uploaded` / `file.deleted` of a file with an `applicationId` → DOCUMENT_ATTACHED / DOCUMENT_REMOVED.
  - `contact.created` / `contact.updated` (also the contacts snapshot, which replays `contact.created`) feed
    the projection contact id → owner and name that `linkContact` checks; `contact.deleted` tombstones the
    id and unlinks the contact from every application, each a CONTACT_UNLINKED entry.
  Entries are dated at the event's `occurred_at` (the timeline sorts by it, so late events land where they
  belong) and only added to an application the event's `user_id` owns. Facts that happen once per item have
  entry ids naming them (`interview-scheduled:<interview id>`, `document-attached:<file id>`), so duplicates
  and replays add nothing even past `processed_events`.
- `user.deleted` (users' contract) erases the person's applications, their status histories, timelines and
  contact links, the person's contacts in the projection and their events still in the outbox, and
  remembers the id: `createApplication` from a deleted account's still-valid access token is
  UNAUTHENTICATED. Their files of `exportApplications` (the subgraph's exports directory) go too. No
  `application.deleted` follows: every consumer erases the person on `user.deleted`
  itself.
- `export.requested` (files' contract, subgraphs/kit/exports.py) is answered with the `applications` part:
  the person's applications (every field), their status histories, timelines and contact links.

`Subscription.applicationChanged` streams the owner's applications after each of `LIVE` (the subgraph's live
fan-out, subgraphs/kit/events/live.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.applications.fields import FIELDS, iso
from subgraphs.applications.models import (
    Application,
    ApplicationStatus,
    StatusChange,
    applications_table,
    contact_links_table,
    status_history_table,
    timeline_table,
)
from subgraphs.kit.erasure import USER_DELETED, unless_erased
from subgraphs.kit.events import (
    EventConsumer,
    EventEnvelope,
    Handler,
    RetryPolicy,
    idempotent,
    record_event,
    record_events,
)
from subgraphs.kit.events.processed import SessionHandler
from subgraphs.kit.exports import EXPORT_REQUESTED, rows_where, sql_export_handler

if TYPE_CHECKING:
    # Only for annotations: the service imports the event records from here.
    from subgraphs.applications.service import ApplicationService
    from subgraphs.applications.transfer.service import TransferService

PRODUCER = "applications"
CONSUMER = "applications"
# The events after which `applicationChanged` sends the application as it is now (a deleted one is gone).
LIVE = ("application.created", "application.updated", "application.status_changed")


def _summary(application: Application) -> dict[str, object]:
    # Every field, free text too (search indexes it): one entry per row of the field table.
    return {field.name: field.to_json(application) for field in FIELDS}


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
        changed = [
            field.name for field in FIELDS if field.updatable and before[field.name] != after[field.name]
        ]
        return {**after, "changed": changed}


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
            "changedAt": iso(self.application.updated_at),
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
                {"status": change.status.value, "changedAt": iso(change.changed_at)}
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


# Entries of the timeline that other subgraphs' events add, and the contacts projection.
TIMELINE_EVENTS = (
    "interview.scheduled",
    "interview.updated",
    "interview.cancelled",
    "file.uploaded",
    "file.deleted",
)
CONTACT_SAVED = ("contact.created", "contact.updated")
CONTACT_DELETED = "contact.deleted"


class MalformedEvent(ValueError):
    """A `user.deleted` event without a user id (the bus retries, then dead-letters it)."""


async def applications_part(session: AsyncSession, user_id: str) -> dict[str, object]:
    """The person's `applications` part of a data export: every column of their applications, and by
    application their status histories, timelines and linked contacts."""
    applications = await rows_where(session, applications_table.c.owner_id, [user_id])
    ids = [row["id"] for row in applications]
    return {
        "applications": applications,
        "statusHistory": await rows_where(session, status_history_table.c.application_id, ids),
        "timeline": await rows_where(session, timeline_table.c.application_id, ids),
        "linkedContacts": await rows_where(session, contact_links_table.c.application_id, ids),
    }


def applications_consumer(
    service: ApplicationService,
    sessions: async_sessionmaker[AsyncSession],
    *,
    transfer: TransferService | None = None,
    retry: RetryPolicy | None = None,
) -> EventConsumer:
    """The consumer of queue `applications.events` (module docstring). The timeline's handlers run once per
    event id, their changes and the `processed_events` row in one transaction (the kit's `idempotent`), and
    skip erased people; `user.deleted` is idempotent by nature (everything is deleted by the person's id, so
    a re-delivery finds nothing) and also deletes the person's export files of `transfer` (the app's own;
    a consumer built without one has none to delete)."""
    timeline = service.timeline

    def once(handler: SessionHandler) -> Handler:
        return idempotent(sessions, CONSUMER, unless_erased(handler))

    async def deleted(event: EventEnvelope) -> None:
        if not event.user_id:
            raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
        await service.erase_owner(event.user_id)
        if transfer is not None:
            await transfer.erase_owner(event.user_id)

    handlers = {
        **{kind: once(timeline.record_event) for kind in TIMELINE_EVENTS},
        **{kind: once(timeline.contact_saved) for kind in CONTACT_SAVED},
        CONTACT_DELETED: once(timeline.contact_deleted),
        USER_DELETED: deleted,
        EXPORT_REQUESTED: sql_export_handler(sessions, PRODUCER, "applications", applications_part),
    }
    return EventConsumer(CONSUMER, handlers, retry=retry)
