"""Timeline and contact-link use cases: notes, links, the batched reads behind the loaders, and the
handlers of the interviews, files and contacts events that feed the timeline."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.applications import timeline
from subgraphs.applications.models import Application, TimelineEntry, TimelineKind
from subgraphs.applications.store import SqlApplicationStore
from subgraphs.applications.timeline_store import KnownContact, SqlTimelineStore
from subgraphs.kit import validation
from subgraphs.kit.errors import Conflict, NotFound
from subgraphs.kit.events import EventEnvelope

MAX_NOTE_LENGTH = 5_000


class TimelineService:
    """What a person does with an application's timeline and linked contacts; scoped to `user_id`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, clock: Callable[[], datetime]) -> None:
        self._sessions = sessions
        self._clock = clock

    async def add_note(self, user_id: str, application_id: str, note: str) -> TimelineEntry:
        """Add the person's note (1 to 5,000 characters) to the timeline of their application."""
        text = validation.text(note, "note", min_length=1, max_length=MAX_NOTE_LENGTH)
        async with self._sessions.begin() as session:
            await _owned(session, user_id, application_id)
            entry = timeline.note(application_id, text, self._clock())
            await SqlTimelineStore(session).add(entry)
        return entry

    async def link_contact(self, user_id: str, application_id: str, contact_id: str) -> Application:
        """Link the caller's contact to the caller's application; the timeline says so.

        NOT_FOUND (field `contactId`) for a contact that is not the caller's, deleted or not heard of yet
        (contacts announces new ones by `contact.created`, usually within milliseconds); CONFLICT when
        already linked.
        """
        async with self._sessions.begin() as session:
            application = await _owned(session, user_id, application_id)
            store = SqlTimelineStore(session)
            contact = await store.known_contact(contact_id)
            if contact is None or contact.deleted or contact.owner_id != user_id:
                raise NotFound("contact not found", field="contactId")
            now = self._clock()
            if not await store.link(user_id, application_id, contact_id, now):
                raise Conflict("the contact is already linked to this application", field="contactId")
            await store.add(
                timeline.contact_link(
                    TimelineKind.CONTACT_LINKED, application_id, contact_id, contact.name, now, _new_id()
                )
            )
        return application

    async def unlink_contact(self, user_id: str, application_id: str, contact_id: str) -> Application:
        """Remove the link between the caller's application and contact; NOT_FOUND when there is none."""
        async with self._sessions.begin() as session:
            application = await _owned(session, user_id, application_id)
            store = SqlTimelineStore(session)
            if not await store.unlink(user_id, application_id, contact_id):
                raise NotFound("the contact is not linked to this application", field="contactId")
            contact = await store.known_contact(contact_id)
            await store.add(
                timeline.contact_link(
                    TimelineKind.CONTACT_UNLINKED,
                    application_id,
                    contact_id,
                    contact.name if contact is not None else None,
                    self._clock(),
                    _new_id(),
                )
            )
        return application

    async def entries(self, user_id: str, application_ids: Sequence[str]) -> list[list[TimelineEntry]]:
        """The timeline of each of the caller's applications, in `application_ids` order (one query)."""
        async with self._sessions.begin() as session:
            found = await SqlTimelineStore(session).entries(user_id, application_ids)
        return [found.get(application_id, []) for application_id in application_ids]

    async def contacts_of(self, user_id: str, application_ids: Sequence[str]) -> list[list[str]]:
        """The contact ids linked to each of the caller's applications, in order (one query)."""
        async with self._sessions.begin() as session:
            found = await SqlTimelineStore(session).contacts_of(user_id, application_ids)
        return [found.get(application_id, []) for application_id in application_ids]

    async def applications_of(self, user_id: str, contact_ids: Sequence[str]) -> list[list[str]]:
        """The application ids each of the caller's contacts is linked to, in order (one query)."""
        async with self._sessions.begin() as session:
            found = await SqlTimelineStore(session).applications_of(user_id, contact_ids)
        return [found.get(contact_id, []) for contact_id in contact_ids]

    # The event handlers below run inside the kit's `idempotent` transaction (events.py wires them).

    async def record_event(self, session: AsyncSession, event: EventEnvelope) -> None:
        """Add the entry an interviews or files event tells of, if its application is the event owner's.

        An application deleted meanwhile (or never the owner's) gets nothing: its timeline is gone.
        """
        entry = timeline.from_event(event)
        if entry is None or not event.user_id:
            return
        found = await SqlApplicationStore(session).get(event.user_id, entry.application_id)
        if found is not None:
            await SqlTimelineStore(session).add(entry)

    async def contact_saved(self, session: AsyncSession, event: EventEnvelope) -> None:
        """`contact.created` / `contact.updated`: remember who owns the contact and its name.

        A tombstoned contact stays deleted, and an event older than what is known changes nothing.
        """
        contact_id, owner_id = _contact_of(event)
        name = event.data.get("name")
        at = timeline.event_time(event)
        store = SqlTimelineStore(session)
        known = await store.known_contact(contact_id)
        if known is not None and (known.deleted or known.owner_id != owner_id or known.changed_at > at):
            return
        await store.remember_contact(
            KnownContact(contact_id, owner_id, name if isinstance(name, str) else None, False, at)
        )

    async def contact_deleted(self, session: AsyncSession, event: EventEnvelope) -> None:
        """`contact.deleted`: tombstone the contact and unlink it from every application, each unlink a
        timeline entry dated at the deletion."""
        contact_id, owner_id = _contact_of(event)
        at = timeline.event_time(event)
        store = SqlTimelineStore(session)
        known = await store.known_contact(contact_id)
        if known is not None and known.owner_id != owner_id:
            return
        name = known.name if known is not None else None
        await store.remember_contact(KnownContact(contact_id, owner_id, name, True, at))
        for application_id in await store.unlink_contact(owner_id, contact_id):
            await store.add(
                timeline.contact_link(
                    TimelineKind.CONTACT_UNLINKED,
                    application_id,
                    contact_id,
                    name,
                    at,
                    f"contact-deleted:{contact_id}:{application_id}",
                )
            )


async def _owned(session: AsyncSession, user_id: str, application_id: str) -> Application:
    # Locked, so a link or note cannot slip in beside a concurrent delete of the application.
    found = await SqlApplicationStore(session).get(user_id, application_id, for_update=True)
    if found is None:
        raise NotFound("application not found", field="applicationId")
    return found


def _contact_of(event: EventEnvelope) -> tuple[str, str]:
    contact_id = event.data.get("id")
    if not isinstance(contact_id, str) or not contact_id or not event.user_id:
        raise timeline.MalformedEvent(f"{event.type} event {event.id} has no contact id or owner")
    return contact_id, event.user_id


def _new_id() -> str:
    return str(uuid.uuid4())
