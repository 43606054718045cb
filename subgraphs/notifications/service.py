"""Notification use cases: list, read, settings, the projections fed by events, reminders and queued emails.

Every notification is written with its `notification.created` event (the live fan-out) and, when the person
wants email for its kind, its queued email, in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.erasure import erase_outbox, is_erased, remember_erased
from subgraphs.kit.errors import BadUserInput, Unauthenticated
from subgraphs.kit.keep import KEEP, Keep
from subgraphs.notifications import messages
from subgraphs.notifications.emails import EmailComposer
from subgraphs.notifications.messages import Message
from subgraphs.notifications.models import (
    EMAILED_KINDS,
    CreatedAtKey,
    KnownApplication,
    KnownContact,
    KnownInterview,
    Notification,
    NotificationKind,
    NotificationSettings,
    Person,
    Reminder,
)
from subgraphs.notifications.store import NotificationStore, SqlNotificationStore

MAX_LEAD_MINUTES = 7 * 24 * 60
MAX_LEADS = 5
MAX_READ_IDS = 1000
# Reminders claimed per transaction: small, so one replica never holds many rows while writing.
REMINDER_BATCH = 50


def utc_now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


# Writes `notification.created` to the outbox in the given session's transaction.
NotificationRecorder = Callable[[AsyncSession, Notification], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class NotificationPage:
    """One page of `notifications`: the items, whether more follow, and how many match in total."""

    items: list[Notification]
    has_next_page: bool
    total_count: int


@dataclass(frozen=True, slots=True)
class InterviewRef:
    """An interview as its events describe it (who, which application, when, how)."""

    id: str
    owner_id: str
    application_id: str
    starts_at: datetime
    type: str

    def known(self) -> KnownInterview:
        return KnownInterview(self.id, self.owner_id, self.application_id, self.starts_at, self.type)


class NotificationService:
    """The notification use cases; every read and write of notifications is scoped to their owner."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        record: NotificationRecorder,
        *,
        composer: EmailComposer | None = None,
        clock: Callable[[], datetime] = utc_now,
        store: Callable[[AsyncSession], NotificationStore] = SqlNotificationStore,
    ) -> None:
        self._sessions = sessions
        self._record = record
        # None: no email is ever queued (tests of the in-app part).
        self._composer = composer
        self.clock = clock
        self._store = store

    # Reads and the person's own changes.

    async def find(
        self, user_id: str, unread_only: bool, limit: int, after: CreatedAtKey | None
    ) -> NotificationPage:
        async with self._sessions() as session:
            store = self._store(session)
            items = await store.page(user_id, unread_only, after, limit + 1)
            total = await store.count(user_id, unread_only)
        return NotificationPage(items[:limit], len(items) > limit, total)

    async def get_many(self, user_id: str, ids: Sequence[str]) -> list[Notification | None]:
        """The person's notifications for `ids`, in order; None where the id is not theirs."""
        async with self._sessions() as session:
            found = {item.id: item for item in await self._store(session).get_many(user_id, ids)}
        return [found.get(item_id) for item_id in ids]

    async def unread_count(self, user_id: str) -> int:
        async with self._sessions() as session:
            return await self._store(session).count(user_id, unread_only=True)

    async def mark_read(self, user_id: str, ids: Sequence[str] | None) -> int:
        """Mark the person's notifications among `ids` (all when None) read; how many were unread."""
        if ids is not None:
            if len(ids) > MAX_READ_IDS:
                raise BadUserInput(f"at most {MAX_READ_IDS} ids at once", field="ids")
            if any(not item.strip() for item in ids):
                raise BadUserInput("ids must not be empty", field="ids")
        async with self._sessions.begin() as session:
            return await self._store(session).mark_read(user_id, ids, self.clock())

    async def settings(self, user_id: str) -> NotificationSettings:
        async with self._sessions() as session:
            return await self._store(session).settings(user_id)

    async def update_settings(
        self,
        user_id: str,
        email_enabled: bool | Keep | None = KEEP,
        reminder_lead_minutes: Sequence[int] | Keep | None = KEEP,
    ) -> NotificationSettings:
        """Change the person's settings; new lead times move the reminders of their upcoming interviews."""
        if email_enabled is None:
            raise BadUserInput("must be true or false", field="emailEnabled")
        leads = None if isinstance(reminder_lead_minutes, Keep) else _check_leads(reminder_lead_minutes)
        async with self._sessions.begin() as session:
            if await is_erased(session, user_id):
                # A deleted account's access token stays valid for minutes: it must not write again.
                raise Unauthenticated("this account was deleted")
            store = self._store(session)
            current = await store.settings(user_id)
            updated = NotificationSettings(
                email_enabled=current.email_enabled if isinstance(email_enabled, Keep) else email_enabled,
                reminder_lead_minutes=current.reminder_lead_minutes if leads is None else leads,
            )
            await store.save_settings(user_id, updated)
            if updated.reminder_lead_minutes != current.reminder_lead_minutes:
                now = self.clock()
                for interview in await store.upcoming_interviews(user_id, now):
                    await store.replace_reminders(interview.id, _reminders(interview, updated, since=now))
        return updated

    async def switch_email_off(self, user_id: str) -> None:
        """What an unsubscribe link does."""
        await self.update_settings(user_id, email_enabled=False)

    # Projections and notifications from other subgraphs' events (each in the handler's transaction).

    async def erase_person(self, session: AsyncSession, user_id: str) -> None:
        """`user.deleted`: delete everything of the person (pending reminders and unsent emails included)
        and their events still in the outbox, and remember the id so later events about them are dropped."""
        await self._store(session).erase_person(user_id)
        await erase_outbox(session, user_id)
        await remember_erased(session, user_id)

    async def person_seen(
        self, session: AsyncSession, user_id: str, name: str | None, email: str | None, registered: bool
    ) -> None:
        """A `user.*` event: keep name and email; a registration tells the owners of matching contacts."""
        store = self._store(session)
        known = await store.person(user_id)
        person = Person(
            id=user_id,
            name=name if name is not None else (known.name if known else ""),
            email=email if email is not None else (known.email if known else None),
        )
        await store.save_person(person)
        if not registered or not person.email:
            return
        for contact in await store.contacts_with_email(person.email):
            # A contact linked at creation already pointed at this person: no news for its owner.
            if contact.owner_id != user_id and contact.linked_user_id is None:
                await self._notify(
                    session,
                    contact.owner_id,
                    NotificationKind.CONTACT_JOINED,
                    messages.contact_joined(contact, person),
                    contact_id=contact.id,
                )
                await store.save_contact(replace(contact, linked_user_id=user_id))

    async def application_seen(self, session: AsyncSession, application: KnownApplication) -> None:
        await self._store(session).save_application(application)

    async def status_changed(
        self,
        session: AsyncSession,
        application: KnownApplication,
        before: str | None,
        after: str,
        note: str | None,
    ) -> None:
        await self._store(session).save_application(application)
        message = messages.status_changed(application.company, application.position, before, after, note)
        await self._notify(
            session,
            application.owner_id,
            NotificationKind.STATUS_CHANGED,
            message,
            application_id=application.id,
        )

    async def application_deleted(self, session: AsyncSession, application_id: str) -> None:
        """Forget the application, its interviews and their reminders (no notification: the owner did it)."""
        await self._store(session).delete_application(application_id)

    async def interview_scheduled(self, session: AsyncSession, interview: InterviewRef, at: datetime) -> None:
        """Project the interview, plan its reminders from `at` (when it was scheduled), tell the owner."""
        store = self._store(session)
        known = interview.known()
        await store.save_interview(known)
        settings = await store.settings(interview.owner_id)
        await store.replace_reminders(known.id, _reminders(known, settings, since=at))
        message = messages.interview_scheduled(known, await store.application(known.application_id))
        await self._notify_interview(session, known, NotificationKind.INTERVIEW_SCHEDULED, message)

    async def interview_updated(
        self, session: AsyncSession, interview: InterviewRef, changed: Sequence[str], at: datetime
    ) -> None:
        """Project the change; a new start time moves the reminders (planned from `at`)."""
        store = self._store(session)
        known = interview.known()
        previous = await store.interview(known.id)
        await store.save_interview(known)
        if previous is None or previous.starts_at != known.starts_at:
            settings = await store.settings(interview.owner_id)
            await store.replace_reminders(known.id, _reminders(known, settings, since=at))
        if changed:
            message = messages.interview_changed(known, await store.application(known.application_id))
            await self._notify_interview(session, known, NotificationKind.INTERVIEW_CHANGED, message)

    async def interview_cancelled(
        self, session: AsyncSession, interview: InterviewRef, by_owner: bool
    ) -> None:
        """Drop the interview's reminders; tell the owner unless it went with a deleted application."""
        store = self._store(session)
        known = interview.known()
        await store.delete_interview(known.id)
        if by_owner:
            message = messages.interview_cancelled(known, await store.application(known.application_id))
            await self._notify_interview(session, known, NotificationKind.INTERVIEW_CANCELLED, message)

    async def contact_seen(self, session: AsyncSession, contact: KnownContact) -> None:
        await self._store(session).save_contact(contact)

    async def contact_deleted(self, session: AsyncSession, contact_id: str) -> None:
        await self._store(session).delete_contact(contact_id)

    # Reminders.

    async def send_due_reminders(self) -> int:
        """Turn every reminder due now into a notification, once, in batches; how many were sent.

        Each batch of interviews is claimed (row-locked), its due reminders taken and the notifications
        written in one transaction; on PostgreSQL the claim skips interviews another replica holds, so each
        reminder is sent by exactly one of them. A reminder whose interview has begun is dropped unsent; of
        several due for one interview (the service was down across both lead times) only one is sent.
        """
        sent = 0
        while True:
            async with self._sessions.begin() as session:
                store = self._store(session)
                now = self.clock()
                claimed = await store.claim_due_interviews(now, REMINDER_BATCH)
                for interview in claimed:
                    if not await store.take_due_reminders(interview.id, now) or interview.starts_at <= now:
                        continue
                    application = await store.application(interview.application_id)
                    message = messages.interview_reminder(interview, application, now)
                    await self._notify_interview(
                        session, interview, NotificationKind.INTERVIEW_REMINDER, message
                    )
                    sent += 1
            if len(claimed) < REMINDER_BATCH:
                return sent

    async def reminders(self, interview_id: str) -> list[Reminder]:
        """The interview's pending reminders (for operators and tests)."""
        async with self._sessions() as session:
            return await self._store(session).reminders(interview_id)

    async def _notify_interview(
        self, session: AsyncSession, interview: KnownInterview, kind: NotificationKind, message: Message
    ) -> None:
        await self._notify(
            session,
            interview.owner_id,
            kind,
            message,
            interview_id=interview.id,
            application_id=interview.application_id,
        )

    async def _notify(
        self,
        session: AsyncSession,
        user_id: str,
        kind: NotificationKind,
        message: Message,
        *,
        interview_id: str | None = None,
        application_id: str | None = None,
        contact_id: str | None = None,
    ) -> Notification:
        store = self._store(session)
        now = self.clock()
        notification = Notification(
            id=str(uuid.uuid4()),
            user_id=user_id,
            kind=kind,
            title=message.title,
            body=message.body,
            created_at=now,
            interview_id=interview_id,
            application_id=application_id,
            contact_id=contact_id,
        )
        await store.add_notification(notification)
        await self._record(session, notification)
        if self._composer is not None and kind in EMAILED_KINDS:
            settings = await store.settings(user_id)
            person = await store.person(user_id)
            if settings.email_enabled and person is not None and person.email:
                await store.add_email(self._composer.outgoing(notification, person, person.email, now))
        return notification


def _reminders(
    interview: KnownInterview, settings: NotificationSettings, *, since: datetime
) -> list[Reminder]:
    """One reminder per lead time that falls after `since` (a lead already past when the interview was
    planned would only arrive late)."""
    planned = []
    for lead in settings.reminder_lead_minutes:
        due = interview.starts_at - timedelta(minutes=lead)
        if due > since:
            planned.append(Reminder(str(uuid.uuid4()), interview.id, interview.owner_id, lead, due))
    return planned


def _check_leads(leads: Sequence[int] | None) -> tuple[int, ...]:
    field = "reminderLeadMinutes"
    if leads is None:
        raise BadUserInput("must be a list (empty for no reminders)", field=field)
    if len(leads) > MAX_LEADS:
        raise BadUserInput(f"at most {MAX_LEADS} lead times", field=field)
    if any(not 1 <= lead <= MAX_LEAD_MINUTES for lead in leads):
        raise BadUserInput(f"each must be between 1 and {MAX_LEAD_MINUTES} minutes", field=field)
    if len(set(leads)) != len(leads):
        raise BadUserInput("lead times must differ", field=field)
    return tuple(sorted(leads, reverse=True))
