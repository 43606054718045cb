"""Live fan-out: every replica's subscribers get the events of their own person, on both bus backends."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from subgraphs.kit.events import EventBus, EventEnvelope, LiveEvents, RabbitLiveSource, attach_live
from subgraphs.kit.events.live import SUBSCRIBER_BUFFER
from tests.subgraphs.kit.events.backends import Backend, eventually, open_backend


@pytest.fixture(params=["inprocess", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    async with open_backend(request.param) as opened:
        yield opened


class Replica:
    """One process serving subscriptions: its bus, its hub and what each of its subscribers received."""

    def __init__(self, bus: EventBus) -> None:
        self.bus = bus
        self.live = LiveEvents("notifications", ["notification.created"])
        self.source: RabbitLiveSource | None = None
        self.received: dict[str, list[str]] = {}
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await self.bus.start()
        self.source = await attach_live(self.bus, self.live)

    def subscribe(self, name: str, user_id: str) -> None:
        self.received[name] = []

        async def collect() -> None:
            async for event in self.live.listen(user_id, ["notification.created"]):
                self.received[name].append(event.data["title"])

        self._tasks.append(asyncio.create_task(collect()))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self.source is not None:
            await self.source.stop()
        await self.bus.stop()


def created(user_id: str, title: str) -> EventEnvelope:
    return EventEnvelope(
        type="notification.created", producer="notifications", user_id=user_id, data={"title": title}
    )


async def test_every_replica_hands_each_event_to_that_persons_subscribers_only(backend: Backend) -> None:
    first, second = Replica(backend.make_bus()), Replica(backend.make_bus())
    publisher = backend.make_bus()
    await first.start()
    await second.start()
    await publisher.start()
    try:
        first.subscribe("alice-laptop", "alice")
        second.subscribe("alice-phone", "alice")
        second.subscribe("bob", "bob")

        async def all_listening() -> bool:
            return first.live.subscriber_count == 1 and second.live.subscriber_count == 2

        await eventually(all_listening, "every subscriber listening")
        await publisher.publish(created("alice", "one"))
        await publisher.publish(created("bob", "for bob"))
        await publisher.publish(
            EventEnvelope(
                type="interview.scheduled", producer="interviews", user_id="alice", data={"title": "x"}
            )
        )
        await publisher.publish(created("alice", "two"))

        async def delivered() -> bool:
            return len(first.received["alice-laptop"]) == 2 and len(second.received["alice-phone"]) == 2

        await eventually(delivered, "alice's events on both replicas")
        await backend.settle(publisher)
        assert first.received == {"alice-laptop": ["one", "two"]}
        assert second.received == {"alice-phone": ["one", "two"], "bob": ["for bob"]}
    finally:
        await first.stop()
        await second.stop()
        await publisher.stop()


async def test_a_subscriber_that_stops_listening_is_forgotten() -> None:
    live = LiveEvents("notifications", ["notification.created"])
    events = live.listen("alice", ["notification.created"])
    waiting = asyncio.ensure_future(anext(events))
    await eventually(lambda: _true_when(live.subscriber_count == 1), "listening")
    await live.deliver(created("alice", "one"))
    assert (await waiting).data == {"title": "one"}
    await events.aclose()
    assert live.subscriber_count == 0
    with pytest.raises(ValueError, match="does not fan out"):
        await anext(live.listen("alice", ["application.#"]))


async def test_a_slow_subscriber_loses_its_oldest_events_instead_of_blocking() -> None:
    live = LiveEvents("notifications", ["notification.created"])
    events = live.listen("alice", ["notification.created"])
    first = asyncio.ensure_future(anext(events))
    await eventually(lambda: _true_when(live.subscriber_count == 1), "listening")
    await live.deliver(created("alice", "0"))
    assert (await first).data["title"] == "0"
    for number in range(1, SUBSCRIBER_BUFFER + 11):
        await live.deliver(created("alice", str(number)))
    assert (await anext(events)).data["title"] == "11"
    await events.aclose()


async def _true_when(condition: bool) -> bool:
    return condition
