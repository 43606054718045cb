"""The contact store protocol; backends: SQL documents (`sql_store`, SQLite or PostgreSQL) and MongoDB.

Every write that changes a contact takes the event announcing it and commits both together (DESIGN.md,
Events: the outbox record is written in the same transaction as the change). Every read is scoped to an
owner, so another person's contact is simply absent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.contacts.models import Contact, ContactPage, NameKey
from subgraphs.kit.events import EventEnvelope, OutboxSource
from subgraphs.kit.idempotency import IdempotencyStore


class ContactStore(Protocol):
    """Where contacts, the registered-email projection, the outbox and processed event ids live."""

    async def start(self) -> None:
        """Prepare the database (SQL: migrations; MongoDB: indexes); safe to call again."""

    async def close(self) -> None:
        """Release the database connections."""

    async def get_many(self, owner_id: str, ids: Sequence[str]) -> dict[str, Contact]:
        """The owner's contacts among `ids`, by id (one query however many ids)."""

    async def find(self, owner_id: str, search: str | None, after: NameKey | None, limit: int) -> ContactPage:
        """The owner's contacts by name (case-insensitive, then id), after `after`, at most `limit`.

        `search` (already lower-cased) keeps contacts whose name, company or position contains it;
        `total_count` counts every match regardless of `after`.
        """

    async def user_for_email(self, email: str) -> str | None:
        """The registered user with this (lower-cased) email, from the projection."""

    async def insert(self, contact: Contact, event: EventEnvelope) -> None:
        """Save a new contact and its event together."""

    async def replace(self, contact: Contact, event: EventEnvelope) -> bool:
        """Overwrite the owner's contact with this id; False (and no event) when it is gone."""

    async def delete(self, owner_id: str, contact_id: str, event: EventEnvelope) -> bool:
        """Remove the owner's contact; False (and no event) when there was none."""

    async def project_user(self, consumer: str, event_id: str, user_id: str, email: str) -> bool:
        """Record that `user_id` now has `email` and relink contacts, once per event id.

        In one transaction: the event id is claimed for `consumer` (False when it already was, and
        nothing changes), the user's previous emails leave the projection, contacts linked to the user
        under another email are unlinked and every contact with `email` (any owner) links to the user.
        """

    async def erase_user(self, consumer: str, event_id: str, user_id: str) -> bool:
        """`user.deleted`, once per event id: delete the person's contacts, their email in the projection and
        their events in the outbox, and unlink other people's contacts from them; False if already applied."""
        ...

    async def is_erased(self, owner_id: str) -> bool:
        """Whether `owner_id` deleted their account (`erase_user` remembers it)."""
        ...

    async def owned_by(self, owner_id: str) -> list[Contact]:
        """Every contact of the owner, by name."""
        ...

    async def publish(self, events: Sequence[EventEnvelope]) -> None:
        """Record `events` in the outbox in one transaction (a data export's part)."""
        ...

    def all_contacts(self, batch_size: int) -> AsyncIterator[list[Contact]]:
        """Every contact of every owner, in batches by id (for the contacts snapshot)."""

    async def outbox_events(self) -> list[EventEnvelope]:
        """Every event in the outbox, oldest first, sent or not (for inspection and tests)."""

    @property
    def outbox(self) -> async_sessionmaker[AsyncSession] | OutboxSource:
        """Where this store's events wait to be published: what `OutboxRelay` drains."""

    @property
    def idempotency(self) -> IdempotencyStore:
        """Where the idempotency keys of this subgraph's mutations are kept (kit/idempotency)."""
