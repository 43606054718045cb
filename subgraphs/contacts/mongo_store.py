"""The production contact store: MongoDB via PyMongo's async API (`AsyncMongoClient`; Motor is deprecated).

Collections `contacts`, `registered_emails`, `outbox` and `processed_events`; indexes are created at start-up
(no migrations). Each change and its outbox record are written in one multi-document transaction, which
needs a replica set or a transaction-capable server (secantusdb in tests).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession

from subgraphs.contacts.models import Contact, ContactPage, NameKey
from subgraphs.kit.erasure import erase_mongo_outbox
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.events.outbox import notify_committed
from subgraphs.kit.mongo import MongoDocumentStore

_FIELDS = {"_id": 0, "name_key": 0, "company_key": 0, "position_key": 0}


def _document(contact: Contact) -> dict[str, Any]:
    return {
        **contact.to_doc(),
        "name_key": contact.sort_key,
        "company_key": contact.company.casefold() if contact.company else None,
        "position_key": contact.position.casefold() if contact.position else None,
    }


class MongoContactStore(MongoDocumentStore):
    """`ContactStore` on a MongoDB database."""

    def __init__(self, url: str, *, database: str | None = None, timeout_ms: int = 10_000) -> None:
        super().__init__(url, "contacts", database=database, timeout_ms=timeout_ms)
        self.contacts = self.db["contacts"]
        self.emails = self.db["registered_emails"]
        # Who deleted their account (kit/erasure.py): their still-valid access token creates nothing.
        self.erased = self.db["erased_users"]

    async def start(self) -> None:
        await self.contacts.create_index([("owner_id", 1), ("id", 1)], unique=True)
        await self.contacts.create_index([("owner_id", 1), ("name_key", 1), ("id", 1)])
        await self.contacts.create_index("email")
        await self.contacts.create_index("linked_user_id")
        await self.emails.create_index("user_id")
        await self._outbox.ensure_indexes()
        await self._idempotency.ensure_indexes()

    async def get_many(self, owner_id: str, ids: Sequence[str]) -> dict[str, Contact]:
        if not ids:
            return {}
        cursor = self.contacts.find({"owner_id": owner_id, "id": {"$in": list(ids)}}, _FIELDS)
        return {doc["id"]: Contact.from_doc(doc) async for doc in cursor}

    async def all_contacts(self, batch_size: int) -> AsyncIterator[list[Contact]]:
        last = ""
        while True:
            cursor = self.contacts.find({"id": {"$gt": last}}, _FIELDS).sort("id", 1).limit(batch_size)
            found = [Contact.from_doc(doc) async for doc in cursor]
            if not found:
                return
            yield found
            last = found[-1].id

    async def find(self, owner_id: str, search: str | None, after: NameKey | None, limit: int) -> ContactPage:
        matches: dict[str, Any] = {"owner_id": owner_id}
        if search:
            pattern = {"$regex": re.escape(search)}
            matches["$or"] = [{"name_key": pattern}, {"company_key": pattern}, {"position_key": pattern}]
        page = dict(matches)
        if after is not None:
            page = {
                "$and": [
                    matches,
                    {
                        "$or": [
                            {"name_key": {"$gt": after.sort_key}},
                            {"name_key": after.sort_key, "id": {"$gt": after.id}},
                        ]
                    },
                ]
            }
        cursor = self.contacts.find(page, _FIELDS).sort([("name_key", 1), ("id", 1)]).limit(limit + 1)
        docs = await cursor.to_list()
        total = await self.contacts.count_documents(matches)
        items = [Contact.from_doc(doc) for doc in docs[:limit]]
        return ContactPage(items=items, has_next_page=len(docs) > limit, total_count=total)

    async def user_for_email(self, email: str) -> str | None:
        found = await self.emails.find_one({"_id": email})
        return None if found is None else str(found["user_id"])

    async def insert(self, contact: Contact, event: EventEnvelope) -> None:
        async with self.transaction() as session:
            await self.contacts.insert_one(_document(contact), session=session)
            await self._outbox.record(event, session=session)
        notify_committed()

    async def replace(self, contact: Contact, event: EventEnvelope) -> bool:
        async with self.transaction() as session:
            result = await self.contacts.replace_one(
                {"owner_id": contact.owner_id, "id": contact.id}, _document(contact), session=session
            )
            if result.matched_count != 1:
                await session.abort_transaction()
                return False
            await self._outbox.record(event, session=session)
        notify_committed()
        return True

    async def delete(self, owner_id: str, contact_id: str, event: EventEnvelope) -> bool:
        async with self.transaction() as session:
            result = await self.contacts.delete_one({"owner_id": owner_id, "id": contact_id}, session=session)
            if result.deleted_count != 1:
                await session.abort_transaction()
                return False
            await self._outbox.record(event, session=session)
        notify_committed()
        return True

    async def project_user(self, consumer: str, event_id: str, user_id: str, email: str) -> bool:
        async def apply(session: AsyncClientSession) -> None:
            await self.emails.delete_many({"user_id": user_id, "_id": {"$ne": email}}, session=session)
            await self.emails.replace_one(
                {"_id": email}, {"_id": email, "user_id": user_id}, upsert=True, session=session
            )
            await self.contacts.update_many(
                {"linked_user_id": user_id, "email": {"$ne": email}},
                {"$set": {"linked_user_id": None}},
                session=session,
            )
            await self.contacts.update_many(
                {"email": email}, {"$set": {"linked_user_id": user_id}}, session=session
            )

        return await self.apply_once(consumer, event_id, apply)

    async def erase_user(self, consumer: str, event_id: str, user_id: str) -> bool:
        async def apply(session: AsyncClientSession) -> None:
            await self.contacts.delete_many({"owner_id": user_id}, session=session)
            await self.emails.delete_many({"user_id": user_id}, session=session)
            await self.db["idempotency_keys"].delete_many({"owner": user_id}, session=session)
            await self.contacts.update_many(
                {"linked_user_id": user_id}, {"$set": {"linked_user_id": None}}, session=session
            )
            await erase_mongo_outbox(self.outbox.collection, user_id, session=session)
            erased = {"_id": user_id, "erased_at": datetime.now(UTC)}
            await self.erased.replace_one({"_id": user_id}, erased, upsert=True, session=session)

        return await self.apply_once(consumer, event_id, apply)

    async def is_erased(self, owner_id: str) -> bool:
        return await self.erased.find_one({"_id": owner_id}) is not None

    async def owned_by(self, owner_id: str) -> list[Contact]:
        cursor = self.contacts.find({"owner_id": owner_id}, _FIELDS).sort([("name_key", 1), ("id", 1)])
        return [Contact.from_doc(document) async for document in cursor]

    async def publish(self, events: Sequence[EventEnvelope]) -> None:
        async with self.transaction() as session:
            for event in events:
                await self._outbox.record(event, session=session)
        notify_committed()
