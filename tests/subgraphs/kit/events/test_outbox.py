"""The outbox and its relay on SQLite and PostgreSQL: events commit with the change, are published in
order once confirmed, and a relay that dies mid-way re-publishes only what it had not marked sent."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events import EventEnvelope, OutboxRelay, record_event, record_events
from tests.subgraphs.kit.events.backends import eventually
from tests.subgraphs.kit.events.conftest import notes, outbox


class RecordingPublisher:
    """The broker side of the relay: keeps what it was given; fails from the `fail_from`-th publish on."""

    def __init__(self, fail_from: int | None = None) -> None:
        self.published: list[EventEnvelope] = []
        self.fail_from = fail_from

    async def publish(self, event: EventEnvelope) -> None:
        if self.fail_from is not None and len(self.published) >= self.fail_from:
            raise ConnectionError("broker went away")
        self.published.append(event)


def _published(publisher: RecordingPublisher) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return bool(publisher.published)

    return check


def _event(n: int) -> EventEnvelope:
    return EventEnvelope(type="note.written", producer="notes", user_id="u1", data={"n": n})


async def _write_note(sessions: async_sessionmaker[AsyncSession], n: int) -> EventEnvelope:
    event = _event(n)
    async with sessions() as session, session.begin():
        await session.execute(sa.insert(notes).values(id=str(uuid.uuid4()), text=f"note {n}"))
        await record_event(session, event)
    return event


async def _unsent(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        count = await session.scalar(sa.select(sa.func.count()).where(outbox.c.sent_at.is_(None)))
    return int(count or 0)


async def test_event_commits_with_the_change(sessions: async_sessionmaker[AsyncSession]) -> None:
    event = await _write_note(sessions, 1)
    async with sessions() as session:
        row = (await session.execute(sa.select(outbox))).one()
        assert await session.scalar(sa.select(sa.func.count()).select_from(notes)) == 1
    assert row.id == event.id
    assert row.type == "note.written"
    assert row.sent_at is None
    assert row.attempts == 0


async def test_rollback_leaves_no_event(sessions: async_sessionmaker[AsyncSession]) -> None:
    with pytest.raises(RuntimeError):
        async with sessions() as session, session.begin():
            await session.execute(sa.insert(notes).values(id="n1", text="lost"))
            await record_event(session, _event(1))
            raise RuntimeError("the use case failed after recording")
    async with sessions() as session:
        assert await session.scalar(sa.select(sa.func.count()).select_from(outbox)) == 0
        assert await session.scalar(sa.select(sa.func.count()).select_from(notes)) == 0


async def test_many_events_recorded_at_once_are_all_published(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    events = [_event(n) for n in range(3)]
    async with sessions() as session, session.begin():
        await record_events(session, events)
        await record_events(session, [])
    publisher = RecordingPublisher()
    assert await OutboxRelay(sessions, publisher).publish_pending() == 3
    assert sorted(event.id for event in publisher.published) == sorted(event.id for event in events)
    assert await _unsent(sessions) == 0


async def test_relay_publishes_in_order_and_marks_sent(sessions: async_sessionmaker[AsyncSession]) -> None:
    written = [await _write_note(sessions, n) for n in range(5)]
    publisher = RecordingPublisher()
    relay = OutboxRelay(sessions, publisher, batch_size=2)
    assert await relay.publish_pending() == 5
    assert publisher.published == written
    assert await _unsent(sessions) == 0
    assert await relay.publish_pending() == 0
    assert len(publisher.published) == 5


async def test_failed_publish_stops_the_pass_and_resumes_in_order(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    written = [await _write_note(sessions, n) for n in range(6)]
    broken = RecordingPublisher(fail_from=4)
    assert await OutboxRelay(sessions, broken, batch_size=3).publish_pending() == 4
    assert await _unsent(sessions) == 2
    async with sessions() as session:
        attempts = await session.scalar(sa.select(outbox.c.attempts).where(outbox.c.id == written[4].id))
    assert attempts == 1  # the failed try is counted on the row

    # A new relay (the process restarted) publishes only the unconfirmed ones, still in order.
    healthy = RecordingPublisher()
    assert await OutboxRelay(sessions, healthy, batch_size=3).publish_pending() == 2
    assert healthy.published == written[4:]
    assert broken.published + healthy.published == written


async def test_commit_wakes_the_running_relay(sessions: async_sessionmaker[AsyncSession]) -> None:
    publisher = RecordingPublisher()
    # An hour-long poll interval: only the commit hook can make this publish in time.
    relay = OutboxRelay(sessions, publisher, poll_interval=3600)
    await relay.start()
    try:
        await asyncio.sleep(0)
        event = await _write_note(sessions, 1)
        await eventually(_published(publisher), "the relay published the committed event")
        assert publisher.published == [event]
    finally:
        await relay.stop()


async def test_concurrent_relays_publish_each_event_once(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Several replicas share one outbox (PostgreSQL: FOR UPDATE SKIP LOCKED); SQLite serialises writers."""
    written = [await _write_note(sessions, n) for n in range(40)]
    publishers = [RecordingPublisher() for _ in range(3)]
    relays = [OutboxRelay(sessions, publisher, batch_size=5) for publisher in publishers]
    if sessions.kw["bind"].dialect.name == "sqlite":
        for relay in relays:
            await relay.publish_pending()
    else:
        await asyncio.gather(*(relay.publish_pending() for relay in relays))
    published = [event.id for publisher in publishers for event in publisher.published]
    assert sorted(published) == sorted(event.id for event in written)
    assert await _unsent(sessions) == 0
