"""The contacts snapshot (public contract, like `events.py`): every contact as a `contact.created` event
dated at its last change, for consumers rebuilding their views."""

from __future__ import annotations

from collections.abc import AsyncIterator

from subgraphs.contacts.events import PRODUCER, ContactCreated
from subgraphs.contacts.store import ContactStore
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.snapshot import SNAPSHOT_BATCH, snapshot_event


async def snapshot(store: ContactStore) -> AsyncIterator[list[EventEnvelope]]:
    """Batches of snapshot events read from a started contact store."""
    async for contacts in store.all_contacts(SNAPSHOT_BATCH):
        yield [
            snapshot_event(
                ContactCreated.type,
                PRODUCER,
                contact.owner_id,
                ContactCreated(contact).data(),
                contact.updated_at,
            )
            for contact in contacts
        ]
