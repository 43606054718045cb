"""Where application timelines, contact links and the contacts projection live (SQL, SQLite or PostgreSQL).

Like `store.py`, a store is bound to the session of one unit of work: a timeline entry commits together
with the change it tells of, and an entry from another subgraph's event together with the event's
`processed_events` row. The contract suite in tests/subgraphs/applications runs against both backends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.applications.models import (
    ApplicationStatus,
    FieldChange,
    TimelineEntry,
    TimelineKind,
    applications_table,
    contact_links_table,
    known_contacts_table,
    timeline_table,
)
from subgraphs.kit.db import conflict_insert
from subgraphs.kit.erasure import erase_rows


@dataclass(frozen=True, slots=True)
class KnownContact:
    """A contact as the projection knows it: its owner, its name, whether it was deleted."""

    id: str
    owner_id: str
    name: str | None
    deleted: bool
    changed_at: datetime


class SqlTimelineStore:
    """Timeline entries, contact links and known contacts on SQLAlchemy Core; reads scoped to an owner."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, entry: TimelineEntry) -> bool:
        """Append `entry`; False (and nothing written) when an entry with its id is already there."""
        statement = conflict_insert(self._session, timeline_table).values(
            id=entry.id,
            application_id=entry.application_id,
            kind=entry.kind.value,
            at=entry.at,
            detail=_detail(entry),
        )
        result = await self._session.execute(statement.on_conflict_do_nothing(index_elements=["id"]))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def add_many(self, entries: Sequence[TimelineEntry]) -> None:
        """Append new entries (fresh ids, e.g. an import's) in one statement, in their order."""
        if entries:
            await self._session.execute(
                sa.insert(timeline_table),
                [
                    {
                        "id": entry.id,
                        "application_id": entry.application_id,
                        "kind": entry.kind.value,
                        "at": entry.at,
                        "detail": _detail(entry),
                    }
                    for entry in entries
                ],
            )

    async def entries(self, owner_id: str, application_ids: Sequence[str]) -> dict[str, list[TimelineEntry]]:
        """The timelines of the owner's applications among these ids, oldest first, in one query."""
        if not application_ids:
            return {}
        columns = timeline_table.c
        owned = sa.select(applications_table.c.id).where(
            applications_table.c.owner_id == owner_id, applications_table.c.id.in_(set(application_ids))
        )
        rows = await self._session.execute(
            sa.select(timeline_table)
            .where(columns.application_id.in_(owned))
            .order_by(columns.application_id, columns.at, columns.seq)
        )
        found: dict[str, list[TimelineEntry]] = {}
        for row in rows.mappings():
            found.setdefault(row["application_id"], []).append(_entry(row))
        return found

    async def forget_application(self, application_id: str) -> None:
        """Delete the application's timeline and contact links (before the application row itself)."""
        # Explicit rather than ON DELETE CASCADE: SQLite enforces it only with `PRAGMA foreign_keys`.
        await self._session.execute(
            sa.delete(timeline_table).where(timeline_table.c.application_id == application_id)
        )
        await self._session.execute(
            sa.delete(contact_links_table).where(contact_links_table.c.application_id == application_id)
        )

    async def erase_owner(self, owner_id: str) -> None:
        """`user.deleted`: delete the timelines of the owner's applications, their contact links and the
        owner's contacts in the projection (before the application rows themselves)."""
        owned = sa.select(applications_table.c.id).where(applications_table.c.owner_id == owner_id)
        await self._session.execute(
            sa.delete(timeline_table).where(timeline_table.c.application_id.in_(owned))
        )
        await erase_rows(
            self._session, owner_id, [contact_links_table.c.owner_id, known_contacts_table.c.owner_id]
        )

    async def link(self, owner_id: str, application_id: str, contact_id: str, at: datetime) -> bool:
        """Link the contact to the application; False when it already was."""
        statement = conflict_insert(self._session, contact_links_table).values(
            application_id=application_id, contact_id=contact_id, owner_id=owner_id, linked_at=at
        )
        result = await self._session.execute(
            statement.on_conflict_do_nothing(index_elements=["application_id", "contact_id"])
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def unlink(self, owner_id: str, application_id: str, contact_id: str) -> bool:
        """Remove the link; False when there was none."""
        columns = contact_links_table.c
        result = await self._session.execute(
            sa.delete(contact_links_table).where(
                columns.owner_id == owner_id,
                columns.application_id == application_id,
                columns.contact_id == contact_id,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def unlink_contact(self, owner_id: str, contact_id: str) -> list[str]:
        """Remove every link of the contact; the ids of the applications it was linked to."""
        columns = contact_links_table.c
        mine = sa.and_(columns.owner_id == owner_id, columns.contact_id == contact_id)
        linked = await self._session.execute(
            sa.select(columns.application_id).where(mine).order_by(columns.application_id)
        )
        application_ids = list(linked.scalars())
        await self._session.execute(sa.delete(contact_links_table).where(mine))
        return application_ids

    async def contacts_of(self, owner_id: str, application_ids: Sequence[str]) -> dict[str, list[str]]:
        """The contact ids linked to each of the owner's applications among these, oldest link first."""
        if not application_ids:
            return {}
        columns = contact_links_table.c
        rows = await self._session.execute(
            sa.select(columns.application_id, columns.contact_id)
            .where(columns.owner_id == owner_id, columns.application_id.in_(set(application_ids)))
            .order_by(columns.linked_at, columns.contact_id)
        )
        found: dict[str, list[str]] = {}
        for application_id, contact_id in rows:
            found.setdefault(application_id, []).append(contact_id)
        return found

    async def applications_of(self, owner_id: str, contact_ids: Sequence[str]) -> dict[str, list[str]]:
        """The application ids each of the owner's contacts among these is linked to, oldest link first."""
        if not contact_ids:
            return {}
        columns = contact_links_table.c
        rows = await self._session.execute(
            sa.select(columns.contact_id, columns.application_id)
            .where(columns.owner_id == owner_id, columns.contact_id.in_(set(contact_ids)))
            .order_by(columns.linked_at, columns.application_id)
        )
        found: dict[str, list[str]] = {}
        for contact_id, application_id in rows:
            found.setdefault(contact_id, []).append(application_id)
        return found

    async def known_contact(self, contact_id: str) -> KnownContact | None:
        """The projection's record of this contact id (any owner, deleted too), or None."""
        row = (
            (
                await self._session.execute(
                    sa.select(known_contacts_table).where(known_contacts_table.c.id == contact_id)
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        return KnownContact(row["id"], row["owner_id"], row["name"], row["deleted"], row["changed_at"])

    async def remember_contact(self, contact: KnownContact) -> None:
        """Insert or overwrite the projection's record of `contact.id`."""
        values = {
            "owner_id": contact.owner_id,
            "name": contact.name,
            "deleted": contact.deleted,
            "changed_at": contact.changed_at,
        }
        statement = conflict_insert(self._session, known_contacts_table).values(id=contact.id, **values)
        await self._session.execute(statement.on_conflict_do_update(index_elements=["id"], set_=values))


def _detail(entry: TimelineEntry) -> dict[str, Any]:
    """The kind's detail fields as JSON (camelCase, like the API; absent fields are left out)."""
    detail: dict[str, Any] = {
        "status": entry.status.value if entry.status else None,
        "previousStatus": entry.previous_status.value if entry.previous_status else None,
        "note": entry.note,
        "changedFields": [
            {"field": change.field, "old": change.old, "new": change.new} for change in entry.changed_fields
        ]
        or None,
        "interviewId": entry.interview_id,
        "interviewStartsAt": entry.interview_starts_at.isoformat() if entry.interview_starts_at else None,
        "previousStartsAt": entry.previous_starts_at.isoformat() if entry.previous_starts_at else None,
        "fileId": entry.file_id,
        "fileName": entry.file_name,
        "contactId": entry.contact_id,
        "contactName": entry.contact_name,
    }
    return {name: value for name, value in detail.items() if value is not None}


def _entry(row: sa.RowMapping) -> TimelineEntry:
    detail: dict[str, Any] = row["detail"]
    status, previous = detail.get("status"), detail.get("previousStatus")
    starts_at, previous_starts_at = detail.get("interviewStartsAt"), detail.get("previousStartsAt")
    return TimelineEntry(
        id=row["id"],
        application_id=row["application_id"],
        kind=TimelineKind(row["kind"]),
        at=row["at"],
        status=ApplicationStatus(status) if status else None,
        previous_status=ApplicationStatus(previous) if previous else None,
        note=detail.get("note"),
        changed_fields=tuple(
            FieldChange(field=item["field"], old=item.get("old"), new=item.get("new"))
            for item in detail.get("changedFields") or ()
        ),
        interview_id=detail.get("interviewId"),
        interview_starts_at=datetime.fromisoformat(starts_at) if starts_at else None,
        previous_starts_at=datetime.fromisoformat(previous_starts_at) if previous_starts_at else None,
        file_id=detail.get("fileId"),
        file_name=detail.get("fileName"),
        contact_id=detail.get("contactId"),
        contact_name=detail.get("contactName"),
    )
