"""Where notifications, settings, projections, reminders and queued emails live: protocol and SQL backend.

One SQLAlchemy Core implementation serves the embedded default (SQLite via aiosqlite) and production
(PostgreSQL via asyncpg); the contract suite in tests/subgraphs/notifications runs against both. A store is
bound to the session of one unit of work, so what a use case writes commits together with its outbox event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.kit.db import conflict_insert, newest_first
from subgraphs.kit.erasure import erase_rows
from subgraphs.notifications.models import (
    CreatedAtKey,
    KnownApplication,
    KnownContact,
    KnownInterview,
    Notification,
    NotificationSettings,
    OutgoingEmail,
    Person,
    Reminder,
    applications_table,
    contacts_table,
    emails_table,
    idempotency_keys,
    interviews_table,
    notification_from_row,
    notification_to_row,
    notifications_table,
    people_table,
    reminders_table,
    settings_table,
)


class NotificationStore(Protocol):
    """Persistence of the notifications subgraph; reads of notifications are always scoped to their owner."""

    async def add_notification(self, notification: Notification) -> None:
        """Insert a new notification."""

    async def page(
        self, user_id: str, unread_only: bool, after: CreatedAtKey | None, limit: int
    ) -> list[Notification]:
        """Up to `limit` of the person's notifications strictly after `after`, newest first."""

    async def count(self, user_id: str, unread_only: bool) -> int:
        """How many notifications (or unread ones) the person has."""

    async def get_many(self, user_id: str, ids: Sequence[str]) -> list[Notification]:
        """The person's notifications among `ids`, any order; someone else's are left out."""

    async def mark_read(self, user_id: str, ids: Sequence[str] | None, now: datetime) -> int:
        """Mark the person's unread notifications among `ids` (all when None) read; how many changed."""

    async def settings(self, user_id: str) -> NotificationSettings:
        """The person's settings (the defaults if they never chose)."""

    async def save_settings(self, user_id: str, settings: NotificationSettings) -> None:
        """Store the person's settings."""

    async def save_person(self, person: Person) -> None:
        """Insert or overwrite the projection of a person."""

    async def person(self, user_id: str) -> Person | None:
        """The projection of a person, None if no users event named them yet."""

    async def save_application(self, application: KnownApplication) -> None:
        """Insert or overwrite the projection of an application."""

    async def application(self, application_id: str) -> KnownApplication | None:
        """The projection of an application."""

    async def delete_application(self, application_id: str) -> list[KnownInterview]:
        """Forget the application and its interviews (their reminders too); the interviews forgotten."""

    async def save_interview(self, interview: KnownInterview) -> None:
        """Insert or overwrite the projection of an interview that is on."""

    async def interview(self, interview_id: str) -> KnownInterview | None:
        """The projection of an interview that is on."""

    async def delete_interview(self, interview_id: str) -> None:
        """Forget the interview and drop its reminders."""

    async def upcoming_interviews(self, user_id: str, now: datetime) -> list[KnownInterview]:
        """The person's interviews starting after `now`."""

    async def save_contact(self, contact: KnownContact) -> None:
        """Insert or overwrite the projection of a contact."""

    async def delete_contact(self, contact_id: str) -> None:
        """Forget the contact."""

    async def contacts_with_email(self, email: str) -> list[KnownContact]:
        """Every contact (whoever owns it) with this email, compared case-insensitively."""

    async def replace_reminders(self, interview_id: str, reminders: Sequence[Reminder]) -> None:
        """Drop the interview's pending reminders and keep `reminders` instead."""

    async def reminders(self, interview_id: str) -> list[Reminder]:
        """The interview's pending reminders, soonest first."""

    async def claim_due_interviews(self, now: datetime, limit: int) -> list[KnownInterview]:
        """Up to `limit` interviews with a reminder due at `now`, locked until the transaction ends; rows
        another transaction holds are skipped (PostgreSQL `FOR UPDATE SKIP LOCKED`), so replicas never claim
        the same interview, and the event handlers (which write the interview's row) wait for the claim."""

    async def take_due_reminders(self, interview_id: str, now: datetime) -> list[Reminder]:
        """Delete the interview's reminders due at `now` and return them (call it on a claimed interview)."""

    async def add_email(self, email: OutgoingEmail) -> None:
        """Queue an email; a second one for the same notification is ignored."""

    async def claim_due_emails(self, now: datetime, limit: int) -> list[OutgoingEmail]:
        """Up to `limit` unsent, not failed emails whose next attempt is due, locked like the reminders."""

    async def update_email(self, email: OutgoingEmail) -> None:
        """Store an email's attempt count and outcome."""

    async def erase_person(self, user_id: str) -> None:
        """Delete everything of `user_id` (notifications, settings, reminders, emails, their projections of
        the person and of their applications, interviews and contacts); other people's contacts linked to
        the person are unlinked."""


def _leads(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


class SqlNotificationStore:
    """`NotificationStore` on SQLAlchemy Core; works unchanged on SQLite and PostgreSQL."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def erase_person(self, user_id: str) -> None:
        await erase_rows(
            self._session,
            user_id,
            [
                notifications_table.c.user_id,
                settings_table.c.user_id,
                idempotency_keys.c.owner,
                reminders_table.c.user_id,
                emails_table.c.user_id,
                people_table.c.id,
                applications_table.c.owner_id,
                interviews_table.c.owner_id,
                contacts_table.c.owner_id,
            ],
        )
        await self._session.execute(
            sa.update(contacts_table)
            .where(contacts_table.c.linked_user_id == user_id)
            .values(linked_user_id=None)
        )

    async def add_notification(self, notification: Notification) -> None:
        await self._session.execute(sa.insert(notifications_table).values(notification_to_row(notification)))

    async def page(
        self, user_id: str, unread_only: bool, after: CreatedAtKey | None, limit: int
    ) -> list[Notification]:
        columns = notifications_table.c
        statement = sa.select(notifications_table).where(*_owned(user_id, unread_only))
        position = None if after is None else (after.created_at, after.id)
        return await self._notifications(
            newest_first(statement, columns.created_at, columns.id, position, limit)
        )

    async def count(self, user_id: str, unread_only: bool) -> int:
        statement = (
            sa.select(sa.func.count()).select_from(notifications_table).where(*_owned(user_id, unread_only))
        )
        return int((await self._session.execute(statement)).scalar_one())

    async def get_many(self, user_id: str, ids: Sequence[str]) -> list[Notification]:
        if not ids:
            return []
        statement = sa.select(notifications_table).where(
            notifications_table.c.user_id == user_id, notifications_table.c.id.in_(set(ids))
        )
        return await self._notifications(statement)

    async def mark_read(self, user_id: str, ids: Sequence[str] | None, now: datetime) -> int:
        statement = sa.update(notifications_table).where(*_owned(user_id, unread_only=True))
        if ids is not None:
            if not ids:
                return 0
            statement = statement.where(notifications_table.c.id.in_(set(ids)))
        result = await self._session.execute(statement.values(read_at=now))
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def settings(self, user_id: str) -> NotificationSettings:
        rows = await self._session.execute(
            sa.select(settings_table).where(settings_table.c.user_id == user_id)
        )
        row = rows.mappings().first()
        if row is None:
            return NotificationSettings()
        return NotificationSettings(
            email_enabled=row["email_enabled"], reminder_lead_minutes=_leads(row["reminder_lead_minutes"])
        )

    async def save_settings(self, user_id: str, settings: NotificationSettings) -> None:
        values = {
            "email_enabled": settings.email_enabled,
            "reminder_lead_minutes": ",".join(str(lead) for lead in settings.reminder_lead_minutes),
        }
        insert = conflict_insert(self._session, settings_table).values(user_id=user_id, **values)
        await self._session.execute(insert.on_conflict_do_update(index_elements=["user_id"], set_=values))

    async def save_person(self, person: Person) -> None:
        await self._upsert(people_table, {"id": person.id, "name": person.name, "email": person.email})

    async def person(self, user_id: str) -> Person | None:
        row = await self._row(people_table, user_id)
        return None if row is None else Person(id=row["id"], name=row["name"], email=row["email"])

    async def save_application(self, application: KnownApplication) -> None:
        await self._upsert(
            applications_table,
            {
                "id": application.id,
                "owner_id": application.owner_id,
                "company": application.company,
                "position": application.position,
            },
        )

    async def application(self, application_id: str) -> KnownApplication | None:
        row = await self._row(applications_table, application_id)
        if row is None:
            return None
        return KnownApplication(
            id=row["id"], owner_id=row["owner_id"], company=row["company"], position=row["position"]
        )

    async def delete_application(self, application_id: str) -> list[KnownInterview]:
        columns = interviews_table.c
        doomed = await self._interviews(
            sa.select(interviews_table).where(columns.application_id == application_id)
        )
        for interview in doomed:
            await self.delete_interview(interview.id)
        await self._session.execute(
            sa.delete(applications_table).where(applications_table.c.id == application_id)
        )
        return doomed

    async def save_interview(self, interview: KnownInterview) -> None:
        await self._upsert(
            interviews_table,
            {
                "id": interview.id,
                "owner_id": interview.owner_id,
                "application_id": interview.application_id,
                "starts_at": interview.starts_at,
                "type": interview.type,
            },
        )

    async def interview(self, interview_id: str) -> KnownInterview | None:
        found = await self._interviews(
            sa.select(interviews_table).where(interviews_table.c.id == interview_id)
        )
        return found[0] if found else None

    async def delete_interview(self, interview_id: str) -> None:
        await self._session.execute(
            sa.delete(reminders_table).where(reminders_table.c.interview_id == interview_id)
        )
        await self._session.execute(sa.delete(interviews_table).where(interviews_table.c.id == interview_id))

    async def upcoming_interviews(self, user_id: str, now: datetime) -> list[KnownInterview]:
        columns = interviews_table.c
        return await self._interviews(
            sa.select(interviews_table)
            .where(columns.owner_id == user_id, columns.starts_at > now)
            .order_by(columns.starts_at, columns.id)
        )

    async def save_contact(self, contact: KnownContact) -> None:
        await self._upsert(
            contacts_table,
            {
                "id": contact.id,
                "owner_id": contact.owner_id,
                "name": contact.name,
                "email": contact.email.lower() if contact.email else None,
                "linked_user_id": contact.linked_user_id,
            },
        )

    async def delete_contact(self, contact_id: str) -> None:
        await self._session.execute(sa.delete(contacts_table).where(contacts_table.c.id == contact_id))

    async def contacts_with_email(self, email: str) -> list[KnownContact]:
        rows = await self._session.execute(
            sa.select(contacts_table)
            .where(contacts_table.c.email == email.lower())
            .order_by(contacts_table.c.id)
        )
        return [
            KnownContact(
                id=row["id"],
                owner_id=row["owner_id"],
                name=row["name"],
                email=row["email"],
                linked_user_id=row["linked_user_id"],
            )
            for row in rows.mappings()
        ]

    async def replace_reminders(self, interview_id: str, reminders: Sequence[Reminder]) -> None:
        await self._session.execute(
            sa.delete(reminders_table).where(reminders_table.c.interview_id == interview_id)
        )
        if reminders:
            await self._session.execute(
                sa.insert(reminders_table),
                [
                    {
                        "id": reminder.id,
                        "interview_id": reminder.interview_id,
                        "user_id": reminder.user_id,
                        "lead_minutes": reminder.lead_minutes,
                        "due_at": reminder.due_at,
                    }
                    for reminder in reminders
                ],
            )

    async def reminders(self, interview_id: str) -> list[Reminder]:
        columns = reminders_table.c
        return await self._reminders(
            sa.select(reminders_table).where(columns.interview_id == interview_id).order_by(columns.due_at)
        )

    async def claim_due_interviews(self, now: datetime, limit: int) -> list[KnownInterview]:
        due = sa.select(reminders_table.c.interview_id).where(reminders_table.c.due_at <= now)
        # SQLAlchemy leaves FOR UPDATE out on SQLite, where one writer at a time gives the same guarantee.
        return await self._interviews(
            sa.select(interviews_table)
            .where(interviews_table.c.id.in_(due))
            .order_by(interviews_table.c.starts_at, interviews_table.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )

    async def take_due_reminders(self, interview_id: str, now: datetime) -> list[Reminder]:
        columns = reminders_table.c
        result = await self._session.execute(
            sa.delete(reminders_table)
            .where(columns.interview_id == interview_id, columns.due_at <= now)
            .returning(*reminders_table.c)
        )
        return sorted((Reminder(**dict(row)) for row in result.mappings()), key=lambda item: item.due_at)

    async def add_email(self, email: OutgoingEmail) -> None:
        insert = conflict_insert(self._session, emails_table).values(_email_row(email))
        await self._session.execute(insert.on_conflict_do_nothing(index_elements=["notification_id"]))

    async def claim_due_emails(self, now: datetime, limit: int) -> list[OutgoingEmail]:
        columns = emails_table.c
        rows = await self._session.execute(
            sa.select(emails_table)
            .where(columns.sent_at.is_(None), columns.failed_at.is_(None), columns.next_attempt_at <= now)
            .order_by(columns.next_attempt_at, columns.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return [OutgoingEmail(**dict(row)) for row in rows.mappings()]

    async def update_email(self, email: OutgoingEmail) -> None:
        values = _email_row(email)
        del values["id"]
        await self._session.execute(
            sa.update(emails_table).where(emails_table.c.id == email.id).values(values)
        )

    async def _upsert(self, table: sa.Table, values: dict[str, object]) -> None:
        insert = conflict_insert(self._session, table).values(values)
        changes = {key: value for key, value in values.items() if key != "id"}
        await self._session.execute(insert.on_conflict_do_update(index_elements=["id"], set_=changes))

    async def _row(self, table: sa.Table, key: str) -> sa.RowMapping | None:
        rows = await self._session.execute(sa.select(table).where(table.c.id == key))
        return rows.mappings().first()

    async def _notifications(self, statement: sa.Select[tuple[object, ...]]) -> list[Notification]:
        result = await self._session.execute(statement)
        return [notification_from_row(row) for row in result.mappings()]

    async def _interviews(self, statement: sa.Select[tuple[object, ...]]) -> list[KnownInterview]:
        result = await self._session.execute(statement)
        return [KnownInterview(**dict(row)) for row in result.mappings()]

    async def _reminders(self, statement: sa.Select[tuple[object, ...]]) -> list[Reminder]:
        result = await self._session.execute(statement)
        return [Reminder(**dict(row)) for row in result.mappings()]


def _owned(user_id: str, unread_only: bool) -> list[sa.ColumnElement[bool]]:
    columns = notifications_table.c
    conditions: list[sa.ColumnElement[bool]] = [columns.user_id == user_id]
    if unread_only:
        conditions.append(columns.read_at.is_(None))
    return conditions


def _email_row(email: OutgoingEmail) -> dict[str, object]:
    return {
        "id": email.id,
        "user_id": email.user_id,
        "notification_id": email.notification_id,
        "to_address": email.to_address,
        "subject": email.subject,
        "text_body": email.text_body,
        "html_body": email.html_body,
        "created_at": email.created_at,
        "next_attempt_at": email.next_attempt_at,
        "attempts": email.attempts,
        "sent_at": email.sent_at,
        "failed_at": email.failed_at,
        "last_error": email.last_error,
    }
