"""Contacts as domain values, their document form, the commands that change them and the SQLite tables.

A contact is stored as a JSON document (DESIGN.md: contacts is a document store); the SQLite backend keeps the
fields it filters, sorts or links by in their own indexed columns next to the `doc` column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.erasure import erased_users_table
from subgraphs.kit.events import outbox_table, processed_events_table
from subgraphs.kit.idempotency import idempotency_table
from subgraphs.kit.keep import KEEP, Keep


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled URL (LinkedIn, a portfolio, ...)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Contact:
    """One person in someone's network; `linked_user_id`: the registered user with the contact's email."""

    id: str
    owner_id: str
    name: str
    created_at: datetime
    updated_at: datetime
    position: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    links: tuple[Link, ...] = ()
    notes: str | None = None
    linked_user_id: str | None = None

    @property
    def sort_key(self) -> str:
        """Contacts list by name, case-insensitively; ties are broken by id."""
        return self.name.casefold()

    def to_doc(self) -> dict[str, Any]:
        """The JSON document form (datetimes as ISO 8601; the stores add their own lookup fields)."""
        return {
            "id": self.id,
            "owner_id": self.owner_id,
            "name": self.name,
            "position": self.position,
            "company": self.company,
            "email": self.email,
            "phone": self.phone,
            "links": [{"label": link.label, "url": link.url} for link in self.links],
            "notes": self.notes,
            "linked_user_id": self.linked_user_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Contact:
        return cls(
            id=doc["id"],
            owner_id=doc["owner_id"],
            name=doc["name"],
            position=doc.get("position"),
            company=doc.get("company"),
            email=doc.get("email"),
            phone=doc.get("phone"),
            links=tuple(Link(label=item["label"], url=item["url"]) for item in doc.get("links") or ()),
            notes=doc.get("notes"),
            linked_user_id=doc.get("linked_user_id"),
            created_at=datetime.fromisoformat(doc["created_at"]),
            updated_at=datetime.fromisoformat(doc["updated_at"]),
        )


@dataclass(frozen=True, slots=True)
class CreateContact:
    """`createContact`'s input as the service receives it (not yet validated)."""

    name: str
    position: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    links: tuple[Link, ...] = ()
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class UpdateContact:
    """`updateContact`'s input: KEEP leaves a field as it is, None clears it (name cannot be cleared)."""

    name: str | Keep | None = KEEP
    position: str | Keep | None = KEEP
    company: str | Keep | None = KEEP
    email: str | Keep | None = KEEP
    phone: str | Keep | None = KEEP
    links: tuple[Link, ...] | Keep | None = KEEP
    notes: str | Keep | None = KEEP


@dataclass(frozen=True, slots=True)
class NameKey:
    """A position in the name order: `after` cursors decode to one."""

    sort_key: str
    id: str


@dataclass(frozen=True, slots=True)
class ContactPage:
    """One page of a contact list plus what the connection needs around it."""

    items: list[Contact] = field(default_factory=list)
    has_next_page: bool = False
    total_count: int = 0


metadata = sa.MetaData()

contacts = sa.Table(
    "contacts",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    # Lower-cased copies of what search and sorting read (the doc keeps what the person typed).
    sa.Column("name_key", sa.String(200), nullable=False),
    sa.Column("company_key", sa.String(200)),
    sa.Column("position_key", sa.String(200)),
    sa.Column("email", sa.String(254)),
    sa.Column("linked_user_id", sa.String(64)),
    sa.Column("doc", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("owner_id", "id", name="uq_contacts_owner_id"),
    sa.Index("ix_contacts_owner_name", "owner_id", "name_key", "id"),
    sa.Index("ix_contacts_email", "email"),
    sa.Index("ix_contacts_linked_user", "linked_user_id"),
)

# The projection of registered people fed by user.registered / user.updated: email → user id.
registered_emails = sa.Table(
    "registered_emails",
    metadata,
    sa.Column("email", sa.String(254), primary_key=True),
    sa.Column("user_id", sa.String(64), nullable=False, index=True),
)

outbox = outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)
processed_events = processed_events_table(metadata)
# Who deleted their account (kit/erasure.py): their still-valid access token creates nothing.
erased_users = erased_users_table(metadata)
