"""Interview reminders on a controlled clock: due, moved, dropped, late after downtime, once per replicas."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.events import EventConsumer
from subgraphs.notifications.events import notification_consumer
from subgraphs.notifications.migrations import MIGRATIONS_DIR
from subgraphs.notifications.models import NotificationKind
from subgraphs.notifications.service import NotificationService
from tests.subgraphs.databases import postgres_database
from tests.subgraphs.harness import TickingClock
from tests.subgraphs.notifications.conftest import (
    IN_TWO_DAYS,
    NOW,
    RecordedNotifications,
    build_service,
    cancelled,
    scheduled,
    updated,
)


def reminders_of(recorded: RecordedNotifications) -> list[str]:
    return [item.title for item in recorded if item.kind is NotificationKind.INTERVIEW_REMINDER]


@dataclass(frozen=True)
class Rig:
    """A service on one backend, its consumer, the notifications it recorded and the clock it reads."""

    service: NotificationService
    consumer: EventConsumer
    recorded: RecordedNotifications
    clock: TickingClock

    def reminders(self) -> list[str]:
        return reminders_of(self.recorded)


@pytest.fixture
def rig(backend_engine: AsyncEngine, recorded: RecordedNotifications, clock: TickingClock) -> Rig:
    service = build_service(backend_engine, recorded, clock)
    return Rig(service, notification_consumer(service, async_sessionmaker(backend_engine)), recorded, clock)


async def test_each_reminder_is_sent_once_when_it_falls_due(rig: Rig) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    clock.now = IN_TWO_DAYS - timedelta(days=1, seconds=1)
    assert await service.send_due_reminders() == 0
    clock.now = IN_TWO_DAYS - timedelta(days=1)
    assert await service.send_due_reminders() == 1
    assert await service.send_due_reminders() == 0
    clock.now = IN_TWO_DAYS - timedelta(minutes=59)
    assert await service.send_due_reminders() == 1
    assert rig.reminders() == ["Interview in 1 day", "Interview in 59 minutes"]
    reminder = rig.recorded[-1]
    assert (reminder.user_id, reminder.interview_id, reminder.application_id) == ("alice", "int-1", "app-1")
    assert await service.reminders("int-1") == []


async def test_a_rescheduled_interview_is_reminded_at_its_new_time(rig: Rig) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    later = IN_TWO_DAYS + timedelta(days=2)
    await consumer.dispatch(updated("int-1", "alice", later))
    clock.now = IN_TWO_DAYS - timedelta(minutes=30)
    assert await service.send_due_reminders() == 0
    clock.now = later - timedelta(hours=1)
    assert await service.send_due_reminders() == 1
    assert rig.reminders() == ["Interview in 1 hour"]


async def test_a_cancelled_interview_is_never_reminded(rig: Rig) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    await consumer.dispatch(cancelled("int-1", "alice", IN_TWO_DAYS))
    clock.now = IN_TWO_DAYS - timedelta(minutes=1)
    assert await service.send_due_reminders() == 0
    assert rig.reminders() == []


async def test_after_downtime_across_both_lead_times_only_the_nearest_is_sent_while_still_ahead(
    rig: Rig,
) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    await consumer.dispatch(scheduled("int-2", "alice", IN_TWO_DAYS + timedelta(minutes=10)))
    # Down from before the first lead time until 10 minutes before int-1 and 20 before int-2.
    clock.now = IN_TWO_DAYS - timedelta(minutes=10)
    assert await service.send_due_reminders() == 2
    assert rig.reminders() == ["Interview in 10 minutes", "Interview in 20 minutes"]


async def test_a_reminder_for_an_interview_that_already_began_is_dropped(rig: Rig) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    clock.now = IN_TWO_DAYS + timedelta(minutes=5)
    assert await service.send_due_reminders() == 0
    assert await service.reminders("int-1") == []
    assert rig.reminders() == []


async def test_an_interview_scheduled_while_the_consumer_was_down_keeps_its_missed_reminder(rig: Rig) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    # Scheduled at NOW for NOW + 3 h; the event is handled only 2.5 h later: the 60-minute reminder is
    # planned from when it was scheduled, so it is still sent (late), the interview being ahead.
    clock.now = NOW + timedelta(hours=2, minutes=30)
    await consumer.dispatch(scheduled("int-1", "alice", NOW + timedelta(hours=3), at=NOW))
    assert await service.send_due_reminders() == 1
    assert rig.reminders() == ["Interview in 30 minutes"]


async def test_new_lead_times_move_the_reminders_of_upcoming_interviews(rig: Rig) -> None:
    service, consumer, clock = rig.service, rig.consumer, rig.clock
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    await service.update_settings("alice", reminder_lead_minutes=[15])
    assert [item.lead_minutes for item in await service.reminders("int-1")] == [15]
    clock.now = IN_TWO_DAYS - timedelta(minutes=15)
    assert await service.send_due_reminders() == 1
    assert rig.reminders() == ["Interview in 15 minutes"]
    await consumer.dispatch(scheduled("int-2", "alice", IN_TWO_DAYS + timedelta(days=1)))
    await service.update_settings("alice", reminder_lead_minutes=[])
    assert await service.reminders("int-2") == []


@asynccontextmanager
async def migrated_engine_at(url: str) -> AsyncIterator[AsyncEngine]:
    """One replica's engine on a shared database (both replicas migrate it at start-up, as in production)."""
    engine = create_engine(url)
    try:
        await upgrade_to_head(engine, MIGRATIONS_DIR)
        yield engine
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_two_replicas_on_one_postgres_send_each_reminder_exactly_once() -> None:
    interviews = 120
    async with postgres_database("notifications") as url, AsyncExitStack() as stack:
        first_engine = await stack.enter_async_context(migrated_engine_at(url))
        second_engine = await stack.enter_async_context(migrated_engine_at(url))
        clock = TickingClock(NOW)
        first_sent, second_sent = RecordedNotifications(), RecordedNotifications()
        first = build_service(first_engine, first_sent, clock)
        second = build_service(second_engine, second_sent, clock)
        consumer = notification_consumer(first, async_sessionmaker(first_engine))
        for number in range(interviews):
            await consumer.dispatch(scheduled(f"int-{number}", f"user-{number % 7}", IN_TWO_DAYS))
        clock.now = IN_TWO_DAYS - timedelta(minutes=30)
        counts = await asyncio.gather(
            first.send_due_reminders(),
            second.send_due_reminders(),
            first.send_due_reminders(),
            second.send_due_reminders(),
        )
        assert sum(counts) == interviews
        reminded = [
            str(item.interview_id)
            for item in [*first_sent, *second_sent]
            if item.kind is NotificationKind.INTERVIEW_REMINDER
        ]
        assert sorted(reminded) == sorted(f"int-{number}" for number in range(interviews))
        stored = [
            str(item.interview_id)
            for user in range(7)
            for item in (await first.find(f"user-{user}", False, 100, None)).items
            if item.kind is NotificationKind.INTERVIEW_REMINDER
        ]
        assert sorted(stored) == sorted(reminded)
