"""The embedded contact store: JSON documents via SQLAlchemy async, lookup fields in columns.

SQLite by default; the same code runs on PostgreSQL (`CONTACTS_DATABASE_URL`), and the store contract suite
runs on both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.contacts.migrations import MIGRATIONS_DIR
from subgraphs.contacts.models import (
    Contact,
    ContactPage,
    NameKey,
    contacts,
    idempotency_keys,
    registered_emails,
)
from subgraphs.kit.db import conflict_insert
from subgraphs.kit.erasure import erase_outbox, erase_rows, is_erased, remember_erased
from subgraphs.kit.events import EventEnvelope, claim_event, record_event
from subgraphs.kit.snapshot import keyset_pages
from subgraphs.kit.sql_store import SqlDocumentStore


def _row(contact: Contact) -> dict[str, Any]:
    doc = contact.to_doc()
    # The link lives in its column only, so relinking never rewrites documents.
    doc.pop("linked_user_id")
    return {
        "id": contact.id,
        "owner_id": contact.owner_id,
        "name_key": contact.sort_key,
        "company_key": contact.company.casefold() if contact.company else None,
        "position_key": contact.position.casefold() if contact.position else None,
        "email": contact.email,
        "linked_user_id": contact.linked_user_id,
        "doc": doc,
        "created_at": contact.created_at,
        "updated_at": contact.updated_at,
    }


def _contact(row: Any) -> Contact:
    return Contact.from_doc({**row.doc, "linked_user_id": row.linked_user_id})


class SqlContactStore(SqlDocumentStore):
    """`ContactStore` on an SQLAlchemy async engine (SQLite file by default, or PostgreSQL)."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine, MIGRATIONS_DIR)

    async def get_many(self, owner_id: str, ids: Sequence[str]) -> dict[str, Contact]:
        if not ids:
            return {}
        query = sa.select(contacts.c.doc, contacts.c.linked_user_id).where(
            contacts.c.owner_id == owner_id, contacts.c.id.in_(list(ids))
        )
        async with self.sessions() as session:
            rows = (await session.execute(query)).all()
        found = [_contact(row) for row in rows]
        return {contact.id: contact for contact in found}

    async def find(self, owner_id: str, search: str | None, after: NameKey | None, limit: int) -> ContactPage:
        conditions: list[sa.ColumnElement[bool]] = [contacts.c.owner_id == owner_id]
        if search:
            conditions.append(
                sa.or_(
                    contacts.c.name_key.contains(search, autoescape=True),
                    contacts.c.company_key.contains(search, autoescape=True),
                    contacts.c.position_key.contains(search, autoescape=True),
                )
            )
        page_conditions = list(conditions)
        if after is not None:
            page_conditions.append(
                sa.tuple_(contacts.c.name_key, contacts.c.id)
                > sa.tuple_(sa.literal(after.sort_key), sa.literal(after.id))
            )
        query = (
            sa.select(contacts.c.doc, contacts.c.linked_user_id)
            .where(*page_conditions)
            .order_by(contacts.c.name_key, contacts.c.id)
            .limit(limit + 1)
        )
        count = sa.select(sa.func.count()).select_from(contacts).where(*conditions)
        async with self.sessions() as session:
            rows = (await session.execute(query)).all()
            total = (await session.execute(count)).scalar_one()
        items = [_contact(row) for row in rows[:limit]]
        return ContactPage(items=items, has_next_page=len(rows) > limit, total_count=total)

    async def user_for_email(self, email: str) -> str | None:
        query = sa.select(registered_emails.c.user_id).where(registered_emails.c.email == email)
        async with self.sessions() as session:
            return (await session.execute(query)).scalar_one_or_none()

    async def insert(self, contact: Contact, event: EventEnvelope) -> None:
        async with self.sessions() as session, session.begin():
            await session.execute(sa.insert(contacts).values(_row(contact)))
            await record_event(session, event)

    async def replace(self, contact: Contact, event: EventEnvelope) -> bool:
        values = _row(contact)
        del values["id"], values["owner_id"]
        async with self.sessions() as session, session.begin():
            result = await session.execute(
                sa.update(contacts)
                .where(contacts.c.owner_id == contact.owner_id, contacts.c.id == contact.id)
                .values(values)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await record_event(session, event)
            return True

    async def delete(self, owner_id: str, contact_id: str, event: EventEnvelope) -> bool:
        async with self.sessions() as session, session.begin():
            result = await session.execute(
                sa.delete(contacts).where(contacts.c.owner_id == owner_id, contacts.c.id == contact_id)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            await record_event(session, event)
            return True

    async def project_user(self, consumer: str, event_id: str, user_id: str, email: str) -> bool:
        async with self.sessions() as session, session.begin():
            if not await claim_event(session, consumer, event_id):
                return False
            await session.execute(
                sa.delete(registered_emails).where(
                    registered_emails.c.user_id == user_id, registered_emails.c.email != email
                )
            )
            upsert = conflict_insert(session, registered_emails).values(email=email, user_id=user_id)
            await session.execute(
                upsert.on_conflict_do_update(index_elements=["email"], set_={"user_id": user_id})
            )
            await session.execute(
                sa.update(contacts)
                .where(
                    contacts.c.linked_user_id == user_id,
                    sa.or_(contacts.c.email.is_(None), contacts.c.email != email),
                )
                .values(linked_user_id=None)
            )
            await session.execute(
                sa.update(contacts).where(contacts.c.email == email).values(linked_user_id=user_id)
            )
            return True

    async def erase_user(self, consumer: str, event_id: str, user_id: str) -> bool:
        async with self.sessions() as session, session.begin():
            if not await claim_event(session, consumer, event_id):
                return False
            owned = [contacts.c.owner_id, registered_emails.c.user_id, idempotency_keys.c.owner]
            await erase_rows(session, user_id, owned)
            await session.execute(
                sa.update(contacts).where(contacts.c.linked_user_id == user_id).values(linked_user_id=None)
            )
            await erase_outbox(session, user_id)
            await remember_erased(session, user_id)
            return True

    async def is_erased(self, owner_id: str) -> bool:
        async with self.sessions() as session:
            return await is_erased(session, owner_id)

    async def owned_by(self, owner_id: str) -> list[Contact]:
        query = (
            sa.select(contacts.c.doc, contacts.c.linked_user_id)
            .where(contacts.c.owner_id == owner_id)
            .order_by(contacts.c.name_key, contacts.c.id)
        )
        async with self.sessions() as session:
            return [_contact(row) for row in (await session.execute(query)).all()]

    async def publish(self, events: Sequence[EventEnvelope]) -> None:
        async with self.sessions() as session, session.begin():
            for event in events:
                await record_event(session, event)

    async def all_contacts(self, batch_size: int) -> AsyncIterator[list[Contact]]:
        async for rows in keyset_pages(self.engine, contacts, batch_size):
            yield [Contact.from_doc({**row["doc"], "linked_user_id": row["linked_user_id"]}) for row in rows]
