"""Events notifications publishes (its public contract) and the events of other subgraphs it consumes.

Published, routing key = `type`, `user_id` = the person notified, `data` in camelCase like the API:
- `notification.created`: id, kind, title, body, createdAt, interviewId, applicationId, contactId
  (what `Subscription.notificationReceived` streams, so any replica can serve any subscriber).

Consumed (queue `notifications.events`), each handler once per event id in one transaction:
- `user.registered`, `user.updated` (id, name, email): the projection of how to reach a person; a
  registration whose email is a contact's email tells that contact's owner (CONTACT_JOINED).
- `application.created`, `application.updated` (id, company, position): names in messages;
  `application.status_changed` (id, company, position, from, to, note): STATUS_CHANGED;
  `application.deleted`: forget it, its interviews and their reminders.
- `interview.scheduled`, `interview.updated` (id, applicationId, startsAt, type, `changed`): reminders and
  INTERVIEW_SCHEDULED / INTERVIEW_CHANGED; `interview.cancelled` (reason): drop reminders, and
  INTERVIEW_CANCELLED when the owner cancelled it.
- `contact.created`, `contact.updated` (id, name, email, linkedUserId), `contact.deleted` (id).
- `user.deleted` (id): erase everything of the person — notifications, settings, pending reminders, the
  email outbox, the projections — unlink other people's contacts from them and remember the id: every
  later event about them (`user_id`, or a `user.*` event's `data.id`) is dropped.
- `export.requested` (files' contract, subgraphs/kit/exports.py): answered with the `notifications` part —
  notifications, settings, pending reminders and emails.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.erasure import USER_DELETED, unless_erased
from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy, idempotent, record_event
from subgraphs.kit.events.processed import SessionHandler
from subgraphs.kit.exports import EXPORT_REQUESTED, rows_where, sql_export_handler
from subgraphs.notifications.models import (
    KnownApplication,
    KnownContact,
    Notification,
    NotificationKind,
    emails_table,
    notifications_table,
    reminders_table,
    settings_table,
)
from subgraphs.notifications.service import InterviewRef, NotificationService

PRODUCER = "notifications"
CONSUMER = "notifications"
NOTIFICATION_CREATED = "notification.created"


def notification_data(notification: Notification) -> dict[str, object]:
    """The `data` of `notification.created`."""
    return {
        "id": notification.id,
        "kind": notification.kind.value,
        "title": notification.title,
        "body": notification.body,
        "createdAt": _iso(notification.created_at),
        "interviewId": notification.interview_id,
        "applicationId": notification.application_id,
        "contactId": notification.contact_id,
    }


def notification_from_event(event: EventEnvelope) -> Notification:
    """The notification a `notification.created` event carries (what a live subscriber is sent)."""
    return Notification(
        id=_text(event, "id"),
        user_id=_owner(event),
        kind=NotificationKind(_text(event, "kind")),
        title=_text(event, "title"),
        body=_optional(event, "body") or "",
        created_at=_instant(event, _text(event, "createdAt")),
        interview_id=_optional(event, "interviewId"),
        application_id=_optional(event, "applicationId"),
        contact_id=_optional(event, "contactId"),
    )


async def record_notification_event(session: AsyncSession, notification: Notification) -> None:
    """Write `notification.created` to the outbox in `session`'s transaction (the relay wakes on commit)."""
    envelope = EventEnvelope(
        type=NOTIFICATION_CREATED,
        producer=PRODUCER,
        user_id=notification.user_id,
        data=notification_data(notification),
    )
    await record_event(session, envelope)


class MalformedEvent(ValueError):
    """An event without the fields the handler needs (the bus retries, then dead-letters it)."""


def notification_consumer(
    service: NotificationService,
    sessions: async_sessionmaker[AsyncSession],
    *,
    retry: RetryPolicy | None = None,
) -> EventConsumer:
    """The consumer of queue `notifications.events` (see the module docstring)."""

    async def user_registered(session: AsyncSession, event: EventEnvelope) -> None:
        await _user(service, session, event, registered=True)

    async def user_updated(session: AsyncSession, event: EventEnvelope) -> None:
        await _user(service, session, event, registered=False)

    async def application_seen(session: AsyncSession, event: EventEnvelope) -> None:
        await service.application_seen(session, _application(event))

    async def status_changed(session: AsyncSession, event: EventEnvelope) -> None:
        await service.status_changed(
            session,
            _application(event),
            _optional(event, "from"),
            _text(event, "to"),
            _optional(event, "note"),
        )

    async def application_deleted(session: AsyncSession, event: EventEnvelope) -> None:
        await service.application_deleted(session, _text(event, "id"))

    async def interview_scheduled(session: AsyncSession, event: EventEnvelope) -> None:
        await service.interview_scheduled(session, _interview(event), _occurred(event))

    async def interview_updated(session: AsyncSession, event: EventEnvelope) -> None:
        changed = event.data.get("changed")
        names = [str(name) for name in changed] if isinstance(changed, list) else []
        await service.interview_updated(session, _interview(event), names, _occurred(event))

    async def interview_cancelled(session: AsyncSession, event: EventEnvelope) -> None:
        by_owner = event.data.get("reason", "cancelled") == "cancelled"
        await service.interview_cancelled(session, _interview(event), by_owner)

    async def contact_seen(session: AsyncSession, event: EventEnvelope) -> None:
        contact = KnownContact(
            id=_text(event, "id"),
            owner_id=_owner(event),
            name=_optional(event, "name") or "",
            email=_optional(event, "email"),
            linked_user_id=_optional(event, "linkedUserId"),
        )
        await service.contact_seen(session, contact)

    async def contact_deleted(session: AsyncSession, event: EventEnvelope) -> None:
        await service.contact_deleted(session, _text(event, "id"))

    async def user_deleted(session: AsyncSession, event: EventEnvelope) -> None:
        user_id = event.data.get("id") or event.user_id
        if not isinstance(user_id, str) or not user_id:
            raise MalformedEvent(f"{event.type} event {event.id} has no user id")
        await service.erase_person(session, user_id)

    handlers: dict[str, SessionHandler] = {
        "user.registered": user_registered,
        "user.updated": user_updated,
        "application.created": application_seen,
        "application.updated": application_seen,
        "application.status_changed": status_changed,
        "application.deleted": application_deleted,
        "interview.scheduled": interview_scheduled,
        "interview.updated": interview_updated,
        "interview.cancelled": interview_cancelled,
        "contact.created": contact_seen,
        "contact.updated": contact_seen,
        "contact.deleted": contact_deleted,
    }
    consumed = {
        pattern: idempotent(sessions, CONSUMER, unless_erased(handler))
        for pattern, handler in handlers.items()
    }
    consumed[USER_DELETED] = idempotent(sessions, CONSUMER, user_deleted)
    consumed[EXPORT_REQUESTED] = sql_export_handler(sessions, PRODUCER, "notifications", notifications_part)
    return EventConsumer(CONSUMER, consumed, retry=retry)


async def notifications_part(session: AsyncSession, user_id: str) -> dict[str, object]:
    """The person's `notifications` part of a data export."""
    return {
        "notifications": await rows_where(session, notifications_table.c.user_id, [user_id]),
        "settings": await rows_where(session, settings_table.c.user_id, [user_id]),
        "pendingReminders": await rows_where(session, reminders_table.c.user_id, [user_id]),
        "emails": await rows_where(session, emails_table.c.user_id, [user_id]),
    }


async def _user(
    service: NotificationService, session: AsyncSession, event: EventEnvelope, *, registered: bool
) -> None:
    user_id = event.data.get("id") or event.user_id
    if not isinstance(user_id, str) or not user_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no user id")
    email = _optional(event, "email")
    await service.person_seen(
        session, user_id, _optional(event, "name"), email.strip().lower() if email else None, registered
    )


def _application(event: EventEnvelope) -> KnownApplication:
    return KnownApplication(
        id=_text(event, "id"),
        owner_id=_owner(event),
        company=_optional(event, "company") or "",
        position=_optional(event, "position") or "",
    )


def _interview(event: EventEnvelope) -> InterviewRef:
    return InterviewRef(
        id=_text(event, "id"),
        owner_id=_owner(event),
        application_id=_text(event, "applicationId"),
        starts_at=_instant(event, _text(event, "startsAt")),
        type=_text(event, "type"),
    )


def _owner(event: EventEnvelope) -> str:
    if not event.user_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
    return event.user_id


def _text(event: EventEnvelope, key: str) -> str:
    value = event.data.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedEvent(f"{event.type} event {event.id} has no data.{key}")
    return value


def _optional(event: EventEnvelope, key: str) -> str | None:
    value: Any = event.data.get(key)
    if value is not None and not isinstance(value, str):
        raise MalformedEvent(f"{event.type} event {event.id} has a non-string data.{key}")
    return value


def _instant(event: EventEnvelope, text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise MalformedEvent(f"{event.type} event {event.id} has a bad instant {text!r}") from None
    if moment.tzinfo is None:
        raise MalformedEvent(f"{event.type} event {event.id} has an instant without offset")
    return moment.astimezone(UTC)


def _occurred(event: EventEnvelope) -> datetime:
    return _instant(event, event.occurred_at)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
