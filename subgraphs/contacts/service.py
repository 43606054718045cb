"""Contact use cases: validate, load, change, commit — each change and its event in one store transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from subgraphs.contacts.events import ContactCreated, ContactDeleted, ContactUpdated, envelope
from subgraphs.contacts.models import (
    KEEP,
    Contact,
    ContactPage,
    CreateContact,
    Keep,
    Link,
    NameKey,
    UpdateContact,
)
from subgraphs.contacts.store import ContactStore
from subgraphs.kit import validation
from subgraphs.kit.errors import BadUserInput, NotFound, Unauthenticated

MAX_NAME = 200
MAX_TEXT = 200
MAX_NOTES = 10_000
MAX_LINKS = 20
MAX_LABEL = 100
MAX_SEARCH = 200


def utc_now() -> datetime:
    return datetime.now(UTC)


class ContactService:
    """Everything a person can do with their contacts; every method is scoped to `owner_id`."""

    def __init__(self, store: ContactStore, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self._clock = clock

    async def get_many(self, owner_id: str, ids: Sequence[str]) -> list[Contact | None]:
        """The owner's contacts for `ids` in order; None for ids that are not theirs (one store query)."""
        found = await self.store.get_many(owner_id, list(dict.fromkeys(ids)))
        return [found.get(contact_id) for contact_id in ids]

    async def get(self, owner_id: str, contact_id: str) -> Contact:
        found = (await self.get_many(owner_id, [contact_id]))[0]
        if found is None:
            raise NotFound("no such contact", field="id")
        return found

    async def find(self, owner_id: str, search: str | None, limit: int, after: NameKey | None) -> ContactPage:
        """The owner's contacts by name; `search` matches name, company or position, case-insensitively."""
        term = validation.optional_text(search, "search", max_length=MAX_SEARCH)
        return await self.store.find(owner_id, term.casefold() if term else None, after, limit)

    async def create(self, owner_id: str, command: CreateContact) -> Contact:
        """Validate and save a new contact, linked at once if its email belongs to a registered person."""
        now = self._clock()
        email = _email(command.email)
        contact = Contact(
            id=str(uuid.uuid4()),
            owner_id=owner_id,
            name=validation.text(command.name, "name", min_length=1, max_length=MAX_NAME),
            position=validation.optional_text(command.position, "position", max_length=MAX_TEXT),
            company=validation.optional_text(command.company, "company", max_length=MAX_TEXT),
            email=email,
            phone=validation.phone(command.phone),
            links=_links(command.links),
            notes=validation.optional_text(command.notes, "notes", max_length=MAX_NOTES),
            linked_user_id=await self._user_for(email),
            created_at=now,
            updated_at=now,
        )
        if await self.store.is_erased(owner_id):
            # A deleted account's access token stays valid for minutes: it must not create anything again.
            raise Unauthenticated("this account was deleted")
        await self.store.insert(contact, envelope(ContactCreated(contact)))
        return contact

    async def update(self, owner_id: str, contact_id: str, command: UpdateContact) -> Contact:
        """Apply the fields given (None clears an optional one); the email decides the link again."""
        previous = await self.get(owner_id, contact_id)
        changes: dict[str, object] = {}
        if not isinstance(command.name, Keep):
            if command.name is None:
                raise BadUserInput("must not be empty", field="name")
            changes["name"] = validation.text(command.name, "name", min_length=1, max_length=MAX_NAME)
        if command.position is not KEEP:
            changes["position"] = validation.optional_text(command.position, "position", max_length=MAX_TEXT)
        if command.company is not KEEP:
            changes["company"] = validation.optional_text(command.company, "company", max_length=MAX_TEXT)
        if not isinstance(command.phone, Keep):
            changes["phone"] = validation.phone(command.phone)
        if not isinstance(command.notes, Keep):
            changes["notes"] = validation.optional_text(command.notes, "notes", max_length=MAX_NOTES)
        if not isinstance(command.links, Keep):
            changes["links"] = _links(command.links or ())
        if not isinstance(command.email, Keep):
            email = _email(command.email)
            changes["email"] = email
            changes["linked_user_id"] = await self._user_for(email)
        contact = replace(previous, **changes, updated_at=self._clock())  # type: ignore[arg-type]
        if not await self.store.replace(contact, envelope(ContactUpdated(contact, previous))):
            raise NotFound("no such contact", field="id")
        return contact

    async def delete(self, owner_id: str, contact_id: str) -> Contact:
        """Remove the contact; returns what it was."""
        contact = await self.get(owner_id, contact_id)
        if not await self.store.delete(owner_id, contact_id, envelope(ContactDeleted(contact))):
            raise NotFound("no such contact", field="id")
        return contact

    async def _user_for(self, email: str | None) -> str | None:
        return await self.store.user_for_email(email) if email else None


def _email(value: str | Keep | None) -> str | None:
    if value is None or isinstance(value, Keep) or not value.strip():
        return None
    return validation.email(value, "email")


def _links(links: Sequence[Link]) -> tuple[Link, ...]:
    if len(links) > MAX_LINKS:
        raise BadUserInput(f"at most {MAX_LINKS} links", field="links")
    return tuple(
        Link(
            label=validation.text(link.label, f"links.{index}.label", min_length=1, max_length=MAX_LABEL),
            url=validation.url(link.url, f"links.{index}.url"),
        )
        for index, link in enumerate(links)
    )
