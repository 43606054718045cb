"""The embedded event bus: RabbitMQ's delivery semantics inside one process (the default of `jobgraph dev`).

Like the RabbitMQ backend, every subscriber has its own queue, a delivery is the serialised envelope (so
parsing and poison handling are the same code), failed handlers are retried with backoff and then
dead-lettered, and dead letters can be inspected and replayed. Nothing survives the process: durability
comes from the producers' outboxes, which the relay re-publishes after a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

from subgraphs.kit.events.bus import DeadLetter
from subgraphs.kit.events.consumer import EventConsumer
from subgraphs.kit.events.envelope import EventEnvelope, PoisonMessage, parse_envelope

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Delivery:
    routing_key: str
    body: bytes
    attempts: int = 0


@dataclass(slots=True)
class _Subscription:
    consumer: EventConsumer
    queue: asyncio.Queue[_Delivery] = field(default_factory=asyncio.Queue)
    dead: list[DeadLetter] = field(default_factory=list)
    timers: set[asyncio.TimerHandle] = field(default_factory=set)
    # Deliveries queued, running or waiting for a retry: zero means the subscriber is idle.
    outstanding: int = 0
    worker: asyncio.Task[None] | None = None


class InProcessBus:
    """An `EventBus` whose queues are asyncio queues; `publish` returns once every subscriber has it."""

    def __init__(self) -> None:
        self._subscriptions: dict[str, _Subscription] = {}
        self._started = False
        self._idle = asyncio.Condition()

    @property
    def connected(self) -> bool:
        # No broker to lose: events flow whenever the bus runs.
        return self._started

    async def start(self) -> None:
        self._started = True
        for subscription in self._subscriptions.values():
            self._run(subscription)

    async def subscribe(self, consumer: EventConsumer) -> None:
        if consumer.name in self._subscriptions:
            raise ValueError(f"consumer {consumer.name!r} is already subscribed")
        subscription = _Subscription(consumer)
        self._subscriptions[consumer.name] = subscription
        if self._started:
            self._run(subscription)

    async def publish(self, event: EventEnvelope) -> None:
        await self.publish_raw(event.type, event.to_json())

    async def publish_raw(self, routing_key: str, body: bytes) -> None:
        """Route an already-serialised message, as the broker would (used to forward or test raw bodies)."""
        for subscription in self._subscriptions.values():
            if subscription.consumer.handles(routing_key):
                self._enqueue(subscription, _Delivery(routing_key, body))

    async def dead_letters(self, consumer: str) -> list[DeadLetter]:
        return list(self._subscription(consumer).dead)

    async def replay_dead_letters(self, consumer: str) -> int:
        """Move every dead letter of `consumer` back to its queue with a fresh attempt count."""
        subscription = self._subscription(consumer)
        dead, subscription.dead = subscription.dead, []
        for letter in dead:
            routing_key = _routing_key(letter.body)
            self._enqueue(subscription, _Delivery(routing_key, letter.body))
        return len(dead)

    async def wait_idle(self) -> None:
        """Wait until no delivery is queued, running or waiting for a retry (wrap it in a timeout)."""
        async with self._idle:
            await self._idle.wait_for(lambda: all(s.outstanding == 0 for s in self._subscriptions.values()))

    async def stop(self) -> None:
        self._started = False
        for subscription in self._subscriptions.values():
            for timer in subscription.timers:
                timer.cancel()
            subscription.timers.clear()
            if subscription.worker is not None:
                subscription.worker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await subscription.worker
                subscription.worker = None

    def _subscription(self, consumer: str) -> _Subscription:
        try:
            return self._subscriptions[consumer]
        except KeyError:
            raise LookupError(f"no consumer {consumer!r} is subscribed") from None

    def _run(self, subscription: _Subscription) -> None:
        if subscription.worker is None:
            subscription.worker = asyncio.create_task(
                self._work(subscription), name=f"events:{subscription.consumer.name}"
            )

    def _enqueue(self, subscription: _Subscription, delivery: _Delivery) -> None:
        subscription.outstanding += 1
        subscription.queue.put_nowait(delivery)

    async def _work(self, subscription: _Subscription) -> None:
        while True:
            delivery = await subscription.queue.get()
            try:
                await self._deliver(subscription, delivery)
            finally:
                await self._settle(subscription)

    async def _deliver(self, subscription: _Subscription, delivery: _Delivery) -> None:
        consumer = subscription.consumer
        attempt = delivery.attempts + 1
        try:
            event = parse_envelope(delivery.body)
        except PoisonMessage as error:
            log.error("dead-lettering an unparseable message for %s: %s", consumer.name, error)
            subscription.dead.append(DeadLetter(consumer.name, delivery.body, attempt, str(error)))
            return
        try:
            await consumer.dispatch(event)
        except Exception as error:
            if consumer.gives_up(event, attempt, error):
                subscription.dead.append(DeadLetter(consumer.name, delivery.body, attempt, repr(error)))
                return
            self._retry_later(subscription, _Delivery(delivery.routing_key, delivery.body, attempt))

    def _retry_later(self, subscription: _Subscription, delivery: _Delivery) -> None:
        delay = subscription.consumer.retry.delay(delivery.attempts)
        subscription.outstanding += 1
        loop = asyncio.get_running_loop()

        def fire() -> None:
            subscription.timers.discard(timer)
            # Moves the count from "waiting" to "queued" without passing through zero.
            subscription.queue.put_nowait(delivery)

        timer = loop.call_later(delay, fire)
        subscription.timers.add(timer)

    async def _settle(self, subscription: _Subscription) -> None:
        subscription.outstanding -= 1
        async with self._idle:
            self._idle.notify_all()


def _routing_key(body: bytes) -> str:
    try:
        return parse_envelope(body).type
    except PoisonMessage:
        return ""
