"""The event bus seam: one protocol, an in-process backend and a RabbitMQ backend (DESIGN.md, Events)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from subgraphs.kit.events.consumer import EventConsumer
from subgraphs.kit.events.envelope import EventEnvelope


class Publisher(Protocol):
    """Puts one event on the bus; returns only once the broker has taken responsibility for it."""

    async def publish(self, event: EventEnvelope) -> None: ...


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """An event that exhausted its retries (or was never parseable), with the last error."""

    consumer: str
    body: bytes
    attempts: int
    error: str


class EventBus(Publisher, Protocol):
    """Publish events and deliver them to subscribed consumers, at least once, with retries and a DLQ."""

    async def publish_raw(self, routing_key: str, body: bytes) -> None:
        """Route an already-serialised message as it is (forwarding; the poison-message tests)."""

    @property
    def connected(self) -> bool:
        """Whether events flow now: False while a broker is unreachable (events wait in the outboxes)."""
        ...

    async def start(self) -> None: ...

    async def subscribe(self, consumer: EventConsumer) -> None: ...

    async def dead_letters(self, consumer: str) -> list[DeadLetter]: ...

    async def replay_dead_letters(self, consumer: str) -> int: ...

    async def stop(self) -> None: ...
