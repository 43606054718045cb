"""Events contacts publishes (its public contract) and the user events it consumes.

Published, routing key = `type`, `user_id` = the contact's owner, `data` in camelCase like the API:
- `contact.created`: id, name, company, position, email, linkedUserId, notes
- `contact.updated`: the same after the change, plus `changed` (API names of the fields that changed)
- `contact.deleted`: id
The applications subgraph, which owns the links between contacts and applications, keeps from these who
owns each contact id and its name (`linkContact` checks it) and unlinks a deleted contact everywhere.

Consumed (queue `contacts.events`): `user.registered` and `user.updated` (data: id, email, name, showEmail)
feed the projection email → user id; every contact with that email, whoever owns it, links to the user —
only while the person shows their email (`showEmail`). A private email links nothing: otherwise saving a
contact with someone's email would reveal, through `linkedUser`, that they are registered and who they are.
Hiding the email again unlinks every contact. `user.deleted` (id) erases the person's contacts, their email in
the projection and their events still in the outbox, unlinks everyone else's contacts from them and remembers
the id (`createContact` from the deleted account's still-valid token is UNAUTHENTICATED).
`export.requested` (files' contract, subgraphs/kit/exports.py) is answered with the `contacts` part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from subgraphs.contacts.models import Contact
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.erasure import USER_DELETED
from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy
from subgraphs.kit.exports import EXPORT_REQUESTED, part_events, requested_export

PRODUCER = "contacts"
CONSUMER = "contacts"
USER_REGISTERED = "user.registered"
USER_UPDATED = "user.updated"

_COMPARED = ("name", "position", "company", "email", "phone", "links", "notes")
_API_NAMES = {"linked_user_id": "linkedUser"}


def _summary(contact: Contact) -> dict[str, object]:
    return {
        "id": contact.id,
        "name": contact.name,
        "company": contact.company,
        "position": contact.position,
        "email": contact.email,
        "linkedUserId": contact.linked_user_id,
        "notes": contact.notes,
    }


@dataclass(frozen=True, slots=True)
class ContactCreated:
    contact: Contact
    type: ClassVar[str] = "contact.created"

    def data(self) -> dict[str, object]:
        return _summary(self.contact)


@dataclass(frozen=True, slots=True)
class ContactUpdated:
    contact: Contact
    previous: Contact
    type: ClassVar[str] = "contact.updated"

    def data(self) -> dict[str, object]:
        changed = [
            name
            for name in (*_COMPARED, "linked_user_id")
            if getattr(self.contact, name) != getattr(self.previous, name)
        ]
        return {**_summary(self.contact), "changed": [_API_NAMES.get(name, name) for name in changed]}


@dataclass(frozen=True, slots=True)
class ContactDeleted:
    contact: Contact
    type: ClassVar[str] = "contact.deleted"

    def data(self) -> dict[str, object]:
        return {"id": self.contact.id}


ContactEvent = ContactCreated | ContactUpdated | ContactDeleted


def envelope(event: ContactEvent) -> EventEnvelope:
    """The envelope the outbox stores for `event`; `user_id` is the contact's owner."""
    return EventEnvelope(
        type=event.type, producer=PRODUCER, user_id=event.contact.owner_id, data=event.data()
    )


class MalformedEvent(ValueError):
    """A user event without an id or email (the bus retries, then dead-letters it)."""


def user_consumer(store: ContactStore, *, retry: RetryPolicy | None = None) -> EventConsumer:
    """The consumer of `contacts.events`: keeps the email projection and contact links current.

    Idempotent: the store claims the event id in the same transaction as the projection change.
    """

    async def registered_or_updated(event: EventEnvelope) -> None:
        user_id, email = _user_of(event)
        if email is None:
            # A profile change that did not touch the email (user.updated may omit it).
            return
        if event.data.get("showEmail") is not True:
            # Private (or an older event without the flag: private is the default). Project a key that no
            # contact's email can equal (it has no "@"): nothing links, and links to the user go.
            email = f"private:{user_id}"
        await store.project_user(CONSUMER, event.id, user_id, email)

    async def deleted(event: EventEnvelope) -> None:
        user_id, _ = _user_of(event)
        await store.erase_user(CONSUMER, event.id, user_id)

    async def export_requested(event: EventEnvelope) -> None:
        export_id, user_id = requested_export(event)
        owned = [contact.to_doc() for contact in await store.owned_by(user_id)]
        await store.publish(part_events(PRODUCER, user_id, export_id, "contacts", {"contacts": owned}))

    handlers = {
        USER_REGISTERED: registered_or_updated,
        USER_UPDATED: registered_or_updated,
        USER_DELETED: deleted,
        EXPORT_REQUESTED: export_requested,
    }
    return EventConsumer(CONSUMER, handlers, retry=retry)


def _user_of(event: EventEnvelope) -> tuple[str, str | None]:
    user_id = event.data.get("id") or event.user_id
    if not isinstance(user_id, str) or not user_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no user id")
    email = event.data.get("email")
    if email is not None and not isinstance(email, str):
        raise MalformedEvent(f"{event.type} event {event.id} has a non-string email")
    return user_id, email.strip().lower() if email else None
