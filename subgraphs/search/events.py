"""The events search consumes and the documents they become; search publishes no events.

Consumed (queue `search.events`), each producer's contract in its own `events.py`:
- `application.created|updated` → company, position, location, description, notes, status;
  `application.status_changed` → company, position, status; `application.deleted` → tombstone (and its
  interviews')
- `interview.scheduled|updated` → type, location, details, with the application's company and position;
  `interview.cancelled` → tombstone
- `contact.created|updated` → name, company, position, email, notes; `contact.deleted` → tombstone
- `user.registered|updated` → the public profile: name, headline, location, skills (never email or phone)
- `file.uploaded` with an `applicationId` → the file's name and extracted text on that application (field
  `documents`, owner-only like the application); `file.deleted` clears it. Files detached when their
  application is deleted go with the application's tombstone; files without an application are not indexed.

- `user.deleted` → tombstones every item the person owns and their profile; events about them that arrive
  later (their `user_id`'s profile is a tombstone) are dropped.

The version of every change is the event's `occurred_at`, so handlers are idempotent and order-free without a
processed-events table: a redelivered or late event changes nothing newer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from subgraphs.kit.erasure import USER_DELETED
from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy
from subgraphs.search.models import Change, SearchType, document_field, version_of
from subgraphs.search.service import SearchService

CONSUMER = "search"

# Event data key → document field, per kind of item (keys absent from an event leave the field as it is).
_APPLICATION = {k: k for k in ("company", "position", "location", "description", "notes", "status")}
_STATUS_CHANGED = {"company": "company", "position": "position", "to": "status"}
_INTERVIEW = {"type": "type", "location": "location", "details": "details"}
_CONTACT = {k: k for k in ("name", "company", "position", "email", "notes")}
_PERSON = {k: k for k in ("name", "headline", "location", "skills")}


class MalformedEvent(ValueError):
    """An event without the id or owner search needs (the bus retries, then dead-letters it)."""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(item) for item in value if item) or None
    return str(value)


def _change(
    event: EventEnvelope,
    type: SearchType,
    fields: Mapping[str, str] | None,
    *,
    parent_key: str | None = None,
) -> Change:
    item_id = event.data.get("id")
    owner_id = item_id if type is SearchType.PERSON else event.user_id
    if not isinstance(item_id, str) or not item_id or not isinstance(owner_id, str) or not owner_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no data.id or user_id")
    parent = event.data.get(parent_key) if parent_key else None
    return Change(
        type=type,
        id=item_id,
        owner_id=owner_id,
        version=version_of(event.occurred_at),
        fields={name: _text(event.data[key]) for key, name in (fields or {}).items() if key in event.data},
        delete=fields is None,
        parent_id=parent if isinstance(parent, str) else None,
    )


def _document_change(event: EventEnvelope) -> Change | None:
    """An attached file's text as a field of its application (cleared once the file is deleted)."""
    application_id, file_id = event.data.get("applicationId"), event.data.get("id")
    if application_id is None:
        return None
    if (
        not isinstance(application_id, str)
        or not isinstance(file_id, str)
        or not file_id
        or not event.user_id
    ):
        raise MalformedEvent(f"{event.type} event {event.id} has no data.id, applicationId or user_id")
    text = None
    if event.type == "file.uploaded":
        text = "\n".join(str(part) for part in (event.data.get("name"), event.data.get("text")) if part)
    return Change(
        type=SearchType.APPLICATION,
        id=application_id,
        owner_id=event.user_id,
        version=version_of(event.occurred_at),
        fields={document_field(file_id): text or None},
    )


# Event type → how it becomes a change (fields None: the item is gone; None: nothing to index).

_TRANSLATIONS: dict[str, Callable[[EventEnvelope], Change | None]] = {
    "application.created": lambda event: _change(event, SearchType.APPLICATION, _APPLICATION),
    "application.updated": lambda event: _change(event, SearchType.APPLICATION, _APPLICATION),
    "application.status_changed": lambda event: _change(event, SearchType.APPLICATION, _STATUS_CHANGED),
    "application.deleted": lambda event: _change(event, SearchType.APPLICATION, None),
    "interview.scheduled": lambda event: _change(
        event, SearchType.INTERVIEW, _INTERVIEW, parent_key="applicationId"
    ),
    "interview.updated": lambda event: _change(
        event, SearchType.INTERVIEW, _INTERVIEW, parent_key="applicationId"
    ),
    "interview.cancelled": lambda event: _change(event, SearchType.INTERVIEW, None),
    "contact.created": lambda event: _change(event, SearchType.CONTACT, _CONTACT),
    "contact.updated": lambda event: _change(event, SearchType.CONTACT, _CONTACT),
    "contact.deleted": lambda event: _change(event, SearchType.CONTACT, None),
    "user.registered": lambda event: _change(event, SearchType.PERSON, _PERSON),
    "user.updated": lambda event: _change(event, SearchType.PERSON, _PERSON),
    "file.uploaded": _document_change,
    "file.deleted": _document_change,
}

HANDLED = tuple(_TRANSLATIONS)


def change_of(event: EventEnvelope) -> Change | None:
    """The change `event` makes to the index; None for events search does not index."""
    translate = _TRANSLATIONS.get(event.type)
    return translate(event) if translate is not None else None


def search_consumer(
    service: SearchService, *, retry: RetryPolicy | None = None, name: str = CONSUMER
) -> EventConsumer:
    """The consumer of `<name>.events`: every indexed event type, applied through the service."""

    async def handle(event: EventEnvelope) -> None:
        change = change_of(event)
        if change is not None and not await service.is_erased(change.owner_id):
            await service.apply([change])

    async def user_deleted(event: EventEnvelope) -> None:
        if not event.user_id:
            raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
        await service.erase_person(event.user_id, version_of(event.occurred_at))

    handlers = {event_type: handle for event_type in HANDLED}
    handlers[USER_DELETED] = user_deleted
    return EventConsumer(name, handlers, retry=retry)
