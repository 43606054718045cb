"""One contract suite, two backends (in-process and the real RabbitMQ): per-subscriber queues, retries
with backoff, a dead-letter queue that can be inspected and replayed, at-least-once delivery that the
idempotent handlers turn into "acts once", and an outbox relay that survives being killed mid-way."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events import (
    EventBus,
    EventConsumer,
    EventEnvelope,
    OutboxRelay,
    RetryPolicy,
    idempotent,
    parse_envelope,
    record_event,
)
from tests.subgraphs.kit.events.backends import Backend, eventually, open_backend, unique_consumer
from tests.subgraphs.kit.events.conftest import effects, outbox

FAST_RETRY = RetryPolicy(max_attempts=3, first_delay=0.05, factor=2.0, max_delay=0.2)


@pytest.fixture(params=["inprocess", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    async with open_backend(request.param) as opened:
        yield opened


@pytest.fixture
async def bus(backend: Backend) -> AsyncIterator[EventBus]:
    made = backend.make_bus()
    await made.start()
    yield made
    await made.stop()


def _event(event_type: str = "application.created", n: int = 0) -> EventEnvelope:
    return EventEnvelope(type=event_type, producer="applications", user_id="u1", data={"n": n})


async def test_each_subscriber_gets_its_own_copy_of_what_it_binds(bus: EventBus, backend: Backend) -> None:
    seen: dict[str, list[str]] = {"a": [], "b": []}

    async def on_a(event: EventEnvelope) -> None:
        seen["a"].append(event.type)

    async def on_b(event: EventEnvelope) -> None:
        seen["b"].append(event.type)

    await bus.subscribe(EventConsumer(unique_consumer(), {"application.*": on_a}))
    await bus.subscribe(EventConsumer(unique_consumer(), {"application.deleted": on_b}))
    await bus.publish(_event("application.created"))
    await bus.publish(_event("application.deleted"))
    await bus.publish(_event("user.registered"))

    async def delivered() -> bool:
        return len(seen["a"]) == 2 and len(seen["b"]) == 1

    await eventually(delivered, "both subscribers got their events")
    await backend.settle(bus)
    assert sorted(seen["a"]) == ["application.created", "application.deleted"]
    assert seen["b"] == ["application.deleted"]


async def test_a_failing_handler_is_retried_until_it_succeeds(bus: EventBus, backend: Backend) -> None:
    calls: list[str] = []

    async def flaky(event: EventEnvelope) -> None:
        calls.append(event.id)
        if len(calls) < 3:
            raise ConnectionError("downstream not ready yet")

    name = unique_consumer()
    await bus.subscribe(EventConsumer(name, {"application.created": flaky}, retry=FAST_RETRY))
    event = _event()
    await bus.publish(event)

    async def succeeded() -> bool:
        return len(calls) == 3

    await eventually(succeeded, "the third attempt ran")
    await backend.settle(bus)
    assert calls == [event.id] * 3
    assert await bus.dead_letters(name) == []


async def test_poison_goes_to_the_dlq_after_retries_and_replay_moves_it_back(
    bus: EventBus, backend: Backend
) -> None:
    attempts: Counter[str] = Counter()
    healed = False
    handled: list[str] = []

    async def handler(event: EventEnvelope) -> None:
        attempts[event.id] += 1
        if not healed:
            raise ValueError("this handler cannot process the event (yet)")
        handled.append(event.id)

    name = unique_consumer()
    await bus.subscribe(EventConsumer(name, {"application.*": handler}, retry=FAST_RETRY))
    poison, fine = _event("application.created", 1), _event("application.deleted", 2)
    await bus.publish(poison)

    async def dead() -> bool:
        return len(await bus.dead_letters(name)) == 1

    await eventually(dead, "the event reached the dead-letter queue")
    letters = await bus.dead_letters(name)
    assert letters[0].attempts == FAST_RETRY.max_attempts
    assert parse_envelope(letters[0].body) == poison
    assert "cannot process" in letters[0].error
    assert attempts[poison.id] == FAST_RETRY.max_attempts
    # Inspecting does not consume.
    assert len(await bus.dead_letters(name)) == 1

    healed = True
    await bus.publish(fine)
    assert await bus.replay_dead_letters(name) == 1

    async def replayed() -> bool:
        return sorted(handled) == sorted([poison.id, fine.id])

    await eventually(replayed, "the replayed event was handled")
    await backend.settle(bus)
    assert await bus.dead_letters(name) == []
    assert attempts[poison.id] == FAST_RETRY.max_attempts + 1


async def test_an_unparseable_message_is_dead_lettered_without_retries(
    bus: EventBus, backend: Backend
) -> None:
    calls: list[str] = []

    async def handler(event: EventEnvelope) -> None:
        calls.append(event.id)

    name = unique_consumer()
    await bus.subscribe(EventConsumer(name, {"application.created": handler}, retry=FAST_RETRY))
    await bus.publish_raw("application.created", b'{"id": "not an envelope"}')

    async def dead() -> bool:
        return len(await bus.dead_letters(name)) == 1

    await eventually(dead, "the malformed message was dead-lettered")
    [letter] = await bus.dead_letters(name)
    assert letter.attempts == 1
    assert letter.body == b'{"id": "not an envelope"}'
    assert "missing" in letter.error
    assert calls == []


async def test_relay_killed_midway_loses_nothing_and_the_consumer_acts_once(
    backend: Backend, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """The first relay publishes 3 events, then dies after the broker confirmed the 4th but before it
    marked it sent; the restarted relay re-publishes the 4th (a duplicate) and the rest. Every event's
    effect happens exactly once because the handler records processed ids in its own transaction."""
    consumer_name = unique_consumer()

    async def apply(session: AsyncSession, event: EventEnvelope) -> None:
        await session.execute(sa.insert(effects).values(event_id=event.id))

    consuming = backend.make_bus()
    await consuming.subscribe(
        EventConsumer(consumer_name, {"application.#": idempotent(sessions, consumer_name, apply)})
    )
    await consuming.start()
    try:
        written = []
        for n in range(8):
            event = _event("application.created", n)
            async with sessions() as session, session.begin():
                await record_event(session, event)
            written.append(event)

        class DiesAfterConfirm:
            """Publishes for real, but the process "dies" after the broker confirmed the 4th event."""

            def __init__(self, bus: EventBus) -> None:
                self.bus, self.count = bus, 0

            async def publish(self, event: EventEnvelope) -> None:
                await self.bus.publish(event)
                self.count += 1
                if self.count == 4:
                    raise ConnectionResetError("killed before marking the row sent")

        first_bus = backend.make_bus()
        await first_bus.start()
        assert await OutboxRelay(sessions, DiesAfterConfirm(first_bus), batch_size=3).publish_pending() == 3
        await first_bus.stop()

        restarted = backend.make_bus()
        await restarted.start()
        assert await OutboxRelay(sessions, restarted, batch_size=3).publish_pending() == 5
        await restarted.stop()

        async def all_applied() -> bool:
            async with sessions() as session:
                count = await session.scalar(sa.select(sa.func.count()).select_from(effects))
            return count == len(written)

        await eventually(all_applied, "every event's effect was applied")
        await backend.settle(consuming)
        async with sessions() as session:
            applied = (await session.scalars(sa.select(effects.c.event_id))).all()
            unsent = await session.scalar(sa.select(sa.func.count()).where(outbox.c.sent_at.is_(None)))
        assert sorted(applied) == sorted(event.id for event in written)
        assert unsent == 0
    finally:
        await consuming.stop()


async def test_a_duplicate_delivery_is_acknowledged_without_rerunning(
    bus: EventBus, backend: Backend, sessions: async_sessionmaker[AsyncSession]
) -> None:
    name = unique_consumer()
    runs: list[str] = []

    async def apply(session: AsyncSession, event: EventEnvelope) -> None:
        runs.append(event.id)
        await session.execute(sa.insert(effects).values(event_id=event.id))

    await bus.subscribe(EventConsumer(name, {"application.created": idempotent(sessions, name, apply)}))
    event = _event()
    await bus.publish(event)
    await bus.publish(event)
    marker = _event("application.created", 99)
    await bus.publish(marker)

    async def both_seen() -> bool:
        return marker.id in runs

    await eventually(both_seen, "the marker event was handled")
    await backend.settle(bus)
    assert sorted(runs) == sorted([event.id, marker.id])
