"""The notification store contract: the same behaviour on the embedded SQLite and the real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.notifications.models import (
    CreatedAtKey,
    KnownApplication,
    KnownContact,
    KnownInterview,
    Notification,
    NotificationKind,
    NotificationSettings,
    OutgoingEmail,
    Person,
    Reminder,
)
from subgraphs.notifications.store import SqlNotificationStore
from tests.subgraphs.notifications.conftest import NOW

T = TypeVar("T")


@asynccontextmanager
async def store(engine: AsyncEngine) -> AsyncIterator[SqlNotificationStore]:
    """A store on one committed transaction."""
    async with async_sessionmaker(engine, expire_on_commit=False).begin() as session:
        yield SqlNotificationStore(session)


async def run(engine: AsyncEngine, work: Callable[[SqlNotificationStore], Awaitable[T]]) -> T:
    async with store(engine) as opened:
        return await work(opened)


def notification(number: int, user_id: str = "alice", minutes: int | None = None) -> Notification:
    return Notification(
        id=f"n-{number:03d}",
        user_id=user_id,
        kind=NotificationKind.STATUS_CHANGED,
        title=f"title {number}",
        body=f"body {number}",
        created_at=NOW + timedelta(minutes=number if minutes is None else minutes),
        application_id="app-1",
    )


def email(number: int, notification_id: str, due_minutes: int = 0) -> OutgoingEmail:
    return OutgoingEmail(
        id=f"e-{number}",
        user_id="alice",
        notification_id=notification_id,
        to_address="alice@example.com",
        subject="s",
        text_body="t",
        html_body="<p>h</p>",
        created_at=NOW,
        next_attempt_at=NOW + timedelta(minutes=due_minutes),
    )


async def test_notifications_page_newest_first_with_keyset_cursor(backend_engine: AsyncEngine) -> None:
    async with store(backend_engine) as opened:
        for number in range(5):
            await opened.add_notification(notification(number))
        # Two with the same instant: the id breaks the tie, so paging never skips or repeats one.
        await opened.add_notification(notification(10, minutes=2))
    first = await run(backend_engine, lambda s: s.page("alice", False, None, 3))
    assert [item.id for item in first] == ["n-004", "n-003", "n-010"]
    after = CreatedAtKey(first[-1].created_at, first[-1].id)
    rest = await run(backend_engine, lambda s: s.page("alice", False, after, 10))
    assert [item.id for item in rest] == ["n-002", "n-001", "n-000"]
    assert first[0] == notification(4)


async def test_notifications_are_scoped_to_their_owner(backend_engine: AsyncEngine) -> None:
    async with store(backend_engine) as opened:
        await opened.add_notification(notification(1))
        await opened.add_notification(notification(2, user_id="bob"))
    assert [n.id for n in await run(backend_engine, lambda s: s.page("bob", False, None, 10))] == ["n-002"]
    assert await run(backend_engine, lambda s: s.get_many("bob", ["n-001", "n-002"])) == [
        notification(2, user_id="bob")
    ]
    assert await run(backend_engine, lambda s: s.count("alice", False)) == 1


async def test_mark_read_changes_only_the_owners_unread_ones(backend_engine: AsyncEngine) -> None:
    async with store(backend_engine) as opened:
        for number in range(3):
            await opened.add_notification(notification(number))
        await opened.add_notification(notification(9, user_id="bob"))
    later = NOW + timedelta(hours=1)
    assert await run(backend_engine, lambda s: s.mark_read("alice", ["n-000", "n-009"], later)) == 1
    assert await run(backend_engine, lambda s: s.mark_read("alice", ["n-000"], later)) == 0
    assert await run(backend_engine, lambda s: s.count("alice", True)) == 2
    unread = await run(backend_engine, lambda s: s.page("alice", True, None, 10))
    assert [item.id for item in unread] == ["n-002", "n-001"]
    assert await run(backend_engine, lambda s: s.mark_read("alice", None, later)) == 2
    assert await run(backend_engine, lambda s: s.count("alice", True)) == 0
    assert await run(backend_engine, lambda s: s.count("bob", True)) == 1
    assert await run(backend_engine, lambda s: s.mark_read("alice", [], later)) == 0
    read = await run(backend_engine, lambda s: s.get_many("alice", ["n-000"]))
    assert read[0].read_at == later


async def test_settings_default_until_saved_then_overwritten(backend_engine: AsyncEngine) -> None:
    assert await run(backend_engine, lambda s: s.settings("alice")) == NotificationSettings()
    assert NotificationSettings().reminder_lead_minutes == (1440, 60)
    chosen = NotificationSettings(email_enabled=True, reminder_lead_minutes=(120, 15))
    await run(backend_engine, lambda s: s.save_settings("alice", chosen))
    assert await run(backend_engine, lambda s: s.settings("alice")) == chosen
    none = NotificationSettings(email_enabled=False, reminder_lead_minutes=())
    await run(backend_engine, lambda s: s.save_settings("alice", none))
    assert await run(backend_engine, lambda s: s.settings("alice")) == none


async def test_projections_upsert_and_forget(backend_engine: AsyncEngine) -> None:
    person = Person("alice", "Alice", "alice@example.com")
    application = KnownApplication("app-1", "alice", "Initech", "Engineer")
    interview = KnownInterview("int-1", "alice", "app-1", NOW + timedelta(days=1), "ONLINE")
    async with store(backend_engine) as opened:
        await opened.save_person(person)
        await opened.save_person(Person("alice", "Alice L.", "alice@example.com"))
        await opened.save_application(application)
        await opened.save_interview(interview)
        await opened.save_interview(
            KnownInterview("int-2", "alice", "app-1", NOW - timedelta(days=1), "PHONE")
        )
    assert await run(backend_engine, lambda s: s.person("alice")) == Person(
        "alice", "Alice L.", "alice@example.com"
    )
    assert await run(backend_engine, lambda s: s.person("bob")) is None
    assert await run(backend_engine, lambda s: s.application("app-1")) == application
    assert await run(backend_engine, lambda s: s.interview("int-1")) == interview
    assert await run(backend_engine, lambda s: s.upcoming_interviews("alice", NOW)) == [interview]
    gone = await run(backend_engine, lambda s: s.delete_application("app-1"))
    assert sorted(item.id for item in gone) == ["int-1", "int-2"]
    assert await run(backend_engine, lambda s: s.interview("int-1")) is None
    assert await run(backend_engine, lambda s: s.application("app-1")) is None


async def test_contacts_are_found_by_email_whatever_the_case(backend_engine: AsyncEngine) -> None:
    async with store(backend_engine) as opened:
        await opened.save_contact(KnownContact("c-1", "alice", "Peter", "Peter@Initech.example", None))
        await opened.save_contact(KnownContact("c-2", "bob", "Pete", "peter@initech.example", "u-9"))
        await opened.save_contact(KnownContact("c-3", "bob", "Other", None, None))
    found = await run(backend_engine, lambda s: s.contacts_with_email("PETER@initech.example"))
    assert [(c.id, c.owner_id, c.linked_user_id) for c in found] == [
        ("c-1", "alice", None),
        ("c-2", "bob", "u-9"),
    ]
    await run(backend_engine, lambda s: s.delete_contact("c-1"))
    assert [
        c.id for c in await run(backend_engine, lambda s: s.contacts_with_email("peter@initech.example"))
    ] == ["c-2"]


def reminder(number: int, interview_id: str, lead: int, due_minutes: int) -> Reminder:
    return Reminder(f"r-{number}", interview_id, "alice", lead, NOW + timedelta(minutes=due_minutes))


async def test_reminders_replaced_claimed_by_interview_and_dropped(backend_engine: AsyncEngine) -> None:
    async with store(backend_engine) as opened:
        for number in (1, 2):
            await opened.save_interview(
                KnownInterview(f"int-{number}", "alice", "app-1", NOW + timedelta(days=number), "ONLINE")
            )
        await opened.replace_reminders(
            "int-1", [reminder(1, "int-1", 1440, 10), reminder(2, "int-1", 60, 1390)]
        )
        await opened.replace_reminders("int-2", [reminder(3, "int-2", 60, 5)])
    # Rescheduling replaces what was pending.
    await run(backend_engine, lambda s: s.replace_reminders("int-1", [reminder(4, "int-1", 60, 20)]))
    assert await run(backend_engine, lambda s: s.reminders("int-1")) == [reminder(4, "int-1", 60, 20)]
    at = NOW + timedelta(minutes=20)
    due = await run(backend_engine, lambda s: s.claim_due_interviews(at, 10))
    assert [item.id for item in due] == ["int-1", "int-2"]
    assert await run(backend_engine, lambda s: s.claim_due_interviews(NOW, 10)) == []
    taken = await run(backend_engine, lambda s: s.take_due_reminders("int-2", at))
    assert taken == [reminder(3, "int-2", 60, 5)]
    assert await run(backend_engine, lambda s: s.take_due_reminders("int-2", at)) == []
    await run(backend_engine, lambda s: s.delete_interview("int-1"))
    assert await run(backend_engine, lambda s: s.claim_due_interviews(NOW + timedelta(days=9), 10)) == []
    assert await run(backend_engine, lambda s: s.reminders("int-1")) == []


async def test_emails_queue_once_per_notification_and_claim_when_due(
    backend_engine: AsyncEngine,
) -> None:
    async with store(backend_engine) as opened:
        await opened.add_email(email(1, "n-1"))
        await opened.add_email(email(2, "n-1"))
        await opened.add_email(email(3, "n-2", due_minutes=30))
    due = await run(backend_engine, lambda s: s.claim_due_emails(NOW, 10))
    assert [item.id for item in due] == ["e-1"]
    await run(backend_engine, lambda s: s.update_email(replace(due[0], attempts=1, sent_at=NOW)))
    later = await run(backend_engine, lambda s: s.claim_due_emails(NOW + timedelta(hours=1), 10))
    assert [item.id for item in later] == ["e-3"]
    await run(backend_engine, lambda s: s.update_email(replace(later[0], attempts=8, failed_at=NOW)))
    assert await run(backend_engine, lambda s: s.claim_due_emails(NOW + timedelta(days=1), 10)) == []
