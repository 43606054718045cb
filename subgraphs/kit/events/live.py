"""Live fan-out of events to the subscribers this process serves (GraphQL subscriptions), filtered per person.

DESIGN.md, Events: "live subscriptions fan out through RabbitMQ so that any replica can serve any subscriber".
Unlike a consumer's durable, shared queue (each event to one replica, at least once), every replica binds its
own exclusive, auto-deleted queue to the events exchange, so every replica sees every event and hands it to
its own subscribers of that person; nothing is kept for a replica that is gone, nobody acknowledges. On the
in-process bus the same `LiveEvents` is fed by an ordinary consumer of its own. `attach_live(bus, live)`
picks the right one. A subscriber that cannot keep up loses its oldest undelivered events, never blocks the
others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass, field

from aio_pika.abc import AbstractChannel, AbstractIncomingMessage

from subgraphs.kit.events.bus import EventBus
from subgraphs.kit.events.consumer import EventConsumer, RetryPolicy, topic_matches
from subgraphs.kit.events.envelope import EventEnvelope, PoisonMessage, parse_envelope
from subgraphs.kit.events.rabbit_bus import RabbitBus

log = logging.getLogger(__name__)

# Events buffered per subscriber before the oldest are dropped (a browser tab that stopped reading).
SUBSCRIBER_BUFFER = 256


@dataclass(eq=False, slots=True)
class _Listener:
    user_id: str
    patterns: tuple[str, ...]
    queue: asyncio.Queue[EventEnvelope] = field(default_factory=lambda: asyncio.Queue(SUBSCRIBER_BUFFER))

    def wants(self, event: EventEnvelope) -> bool:
        return event.user_id == self.user_id and any(topic_matches(p, event.type) for p in self.patterns)


class LiveEvents:
    """The subscribers of one process and the routing-key patterns they may listen to."""

    def __init__(self, name: str, patterns: Sequence[str]) -> None:
        if not patterns:
            raise ValueError("live events need at least one routing-key pattern")
        self.name = name
        self.patterns = tuple(patterns)
        self._listeners: set[_Listener] = set()

    @property
    def subscriber_count(self) -> int:
        return len(self._listeners)

    async def deliver(self, event: EventEnvelope) -> None:
        """Hand `event` to every subscriber of its person whose patterns match it (never blocks)."""
        for listener in list(self._listeners):
            if not listener.wants(event):
                continue
            if listener.queue.full():
                listener.queue.get_nowait()
                log.warning("live subscriber of %s is too slow; dropped its oldest event", listener.user_id)
            listener.queue.put_nowait(event)

    async def listen(self, user_id: str, patterns: Sequence[str]) -> AsyncGenerator[EventEnvelope, None]:
        """The events of `user_id` matching `patterns` (each one of this hub's), from now until closed."""
        unknown = [pattern for pattern in patterns if pattern not in self.patterns]
        if unknown:
            raise ValueError(f"{self.name} does not fan out {unknown}")
        listener = _Listener(user_id, tuple(patterns))
        self._listeners.add(listener)
        try:
            while True:
                yield await listener.queue.get()
        finally:
            self._listeners.discard(listener)

    def consumer(self) -> EventConsumer:
        """A consumer feeding this hub from the in-process bus (a unique name: one per process)."""
        # No retries: a live event that cannot be delivered now is of no use later.
        handlers = dict.fromkeys(self.patterns, self.deliver)
        return EventConsumer(
            f"{self.name}.live.{uuid.uuid4().hex[:8]}", handlers, retry=RetryPolicy(max_attempts=1)
        )


class RabbitLiveSource:
    """Feeds a `LiveEvents` from an exclusive, auto-deleted, server-named queue on the bus's connection."""

    def __init__(self, bus: RabbitBus, live: LiveEvents) -> None:
        self._bus = bus
        self._live = live
        self._channel: AbstractChannel | None = None

    async def start(self) -> None:
        publisher = self._bus.publisher
        timeout = publisher.timeout
        self._channel = await publisher.connection.channel()
        # Exclusive and auto-delete: the broker drops it with this connection, so a dead replica leaves no
        # queue filling up. A robust connection re-declares it (and its bindings) after a reconnect.
        queue = await self._channel.declare_queue(exclusive=True, auto_delete=True, timeout=timeout)
        exchange = await self._channel.get_exchange(publisher.exchange_name)
        for pattern in self._live.patterns:
            await queue.bind(exchange, routing_key=pattern, timeout=timeout)
        await queue.consume(self._on_message, no_ack=True, timeout=timeout)

    async def _on_message(self, message: AbstractIncomingMessage) -> None:
        try:
            event = parse_envelope(message.body)
        except PoisonMessage as error:
            log.warning("ignoring an unparseable live event: %s", error)
            return
        await self._live.deliver(event)

    async def stop(self) -> None:
        channel, self._channel = self._channel, None
        if channel is not None:
            with contextlib.suppress(Exception):
                await channel.close()


async def attach_live(bus: EventBus, live: LiveEvents) -> RabbitLiveSource | None:
    """Feed `live` from `bus` (started): RabbitMQ through a queue of this replica's own, returned so the host
    stops it; the in-process bus through a consumer (None to stop: it ends with the bus)."""
    if isinstance(bus, RabbitBus):
        source = RabbitLiveSource(bus, live)
        await source.start()
        return source
    await bus.subscribe(live.consumer())
    return None
