"""The RabbitMQ event bus: per-consumer durable queues, delayed retries, a dead-letter queue, replay.

The main queue `<name>.events` and `<name>.events.dlq` are declared without x-arguments, exactly as
infra/rabbitmq/definitions.json declares them (different arguments fail with PRECONDITION_FAILED; the
definitions dead-letter by policy instead). Retries therefore never nack: a failed delivery is republished,
with an attempt counter header, to `<name>.events.retry`, whose messages expire after the backoff delay and
are dead-lettered back to `<name>.events`; after the last attempt it goes to the DLQ. Every republish is
confirmed before the original is acked, so a crash in between duplicates a delivery but never loses one.

A subgraph starts and serves without the broker: when `start` cannot connect, it returns anyway and a
background task retries with capped exponential backoff (`RECONNECT_DELAYS`), attaching the consumers once
the broker answers; meanwhile events wait in the outbox (the relay's publishes fail and are retried) and
`connected` is False, which `/health/ready` reports. After that first connection, aio-pika's robust
connection reconnects and restores the consumers by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractIncomingMessage, AbstractQueue

from subgraphs.kit.events.bus import DeadLetter
from subgraphs.kit.events.consumer import EventConsumer
from subgraphs.kit.events.envelope import EventEnvelope, PoisonMessage, parse_envelope
from subgraphs.kit.events.rabbit_publisher import EXCHANGE, RabbitPublisher

log = logging.getLogger(__name__)

ATTEMPTS = "x-jobgraph-attempts"
ERROR = "x-jobgraph-error"
ROUTING_KEY = "x-jobgraph-routing-key"
# Seconds between attempts to reach a broker that was down at start-up: doubling, then every 30 s.
RECONNECT_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


class RabbitBus:
    """An `EventBus` on RabbitMQ (`JOBGRAPH_RABBITMQ_URL`); delivery is at least once."""

    def __init__(
        self, url: str, *, exchange: str = EXCHANGE, timeout: float = 10.0, prefetch: int = 16
    ) -> None:
        self.publisher = RabbitPublisher(url, exchange=exchange, timeout=timeout)
        self._prefetch = prefetch
        self._consumers: dict[str, EventConsumer] = {}
        self._channels: dict[str, AbstractChannel] = {}
        self._in_flight: dict[str, int] = {}
        self._started = False
        self._attaching: asyncio.Task[None] | None = None

    @property
    def consumers(self) -> list[str]:
        return list(self._consumers)

    @property
    def connected(self) -> bool:
        """Whether the broker is reachable and every consumer attached (False from a start-up without the
        broker until the background attach succeeds, and during an outage)."""
        return self._attaching is None and self.publisher.connected

    async def start(self) -> None:
        """Connect and consume; with the broker down, return anyway and keep trying in the background."""
        self._started = True
        try:
            await self._attach()
        except Exception as error:
            log.warning("RabbitMQ is unreachable (%r): serving without it, retrying in the background", error)
            self._attaching = asyncio.create_task(self._attach_when_back(), name="rabbitmq-attach")

    async def subscribe(self, consumer: EventConsumer) -> None:
        if consumer.name in self._consumers:
            raise ValueError(f"consumer {consumer.name!r} is already subscribed")
        self._consumers[consumer.name] = consumer
        if self._started and self._attaching is None:
            await self._consume(consumer)

    async def _attach(self) -> None:
        await self.publisher.connect()
        for consumer in self._consumers.values():
            if consumer.name not in self._channels:
                await self._consume(consumer)

    async def _attach_when_back(self) -> None:
        attempt = 0
        while True:
            await asyncio.sleep(RECONNECT_DELAYS[min(attempt, len(RECONNECT_DELAYS) - 1)])
            attempt += 1
            try:
                await self._attach()
            except Exception as error:
                log.warning("RabbitMQ still unreachable (attempt %d): %r", attempt, error)
                continue
            log.info("RabbitMQ is back: consuming %s", ", ".join(self._consumers) or "nothing")
            self._attaching = None
            return

    async def publish(self, event: EventEnvelope) -> None:
        if self._attaching is not None:
            # The broker was down at start-up and the attach loop is retrying with backoff: the relay's
            # every pass must not open a connection of its own (a reconnect storm); the event stays in the
            # outbox until the loop succeeds.
            raise ConnectionError("RabbitMQ is unreachable; the event stays in the outbox")
        await self.publisher.publish(event)

    async def publish_raw(self, routing_key: str, body: bytes) -> None:
        await self.publisher.publish_raw(routing_key, body)

    async def stop(self) -> None:
        self._started = False
        if self._attaching is not None:
            self._attaching.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._attaching
            self._attaching = None
        for channel in self._channels.values():
            await channel.close()
        self._channels.clear()
        await self.publisher.close()

    async def _declare(self, channel: AbstractChannel, consumer: EventConsumer) -> AbstractQueue:
        timeout = self.publisher.timeout
        queue = await channel.declare_queue(consumer.queue, durable=True, timeout=timeout)
        exchange = await channel.get_exchange(self.publisher.exchange_name)
        for pattern in consumer.patterns:
            await queue.bind(exchange, routing_key=pattern, timeout=timeout)
        await channel.declare_queue(
            consumer.retry_queue,
            durable=True,
            # Expired retries go back to the consumer's own queue (not the exchange: no other subscriber).
            arguments={"x-dead-letter-exchange": "", "x-dead-letter-routing-key": consumer.queue},
            timeout=timeout,
        )
        await channel.declare_queue(consumer.dead_letter_queue, durable=True, timeout=timeout)
        return queue

    async def _consume(self, consumer: EventConsumer) -> None:
        channel = await self.publisher.connection.channel(publisher_confirms=True)
        await channel.set_qos(prefetch_count=self._prefetch, timeout=self.publisher.timeout)
        queue = await self._declare(channel, consumer)
        self._channels[consumer.name] = channel
        self._in_flight[consumer.name] = 0

        async def on_message(message: AbstractIncomingMessage) -> None:
            self._in_flight[consumer.name] += 1
            try:
                await self._handle(channel, consumer, message)
            finally:
                self._in_flight[consumer.name] -= 1

        await queue.consume(on_message, timeout=self.publisher.timeout)

    async def _handle(
        self, channel: AbstractChannel, consumer: EventConsumer, message: AbstractIncomingMessage
    ) -> None:
        headers = dict(message.headers or {})
        attempt = _int(headers.get(ATTEMPTS)) + 1
        routing_key = str(headers.get(ROUTING_KEY) or message.routing_key or "")
        try:
            event = parse_envelope(message.body)
        except PoisonMessage as error:
            log.error("dead-lettering an unparseable message for %s: %s", consumer.name, error)
            dlq = consumer.dead_letter_queue
            await self._republish(channel, dlq, message, routing_key, attempt, str(error))
            await message.ack()
            return
        try:
            await consumer.dispatch(event)
        except Exception as error:
            if consumer.gives_up(event, attempt, error):
                target, expiration = consumer.dead_letter_queue, None
            else:
                target, expiration = consumer.retry_queue, consumer.retry.delay(attempt)
            await self._republish(channel, target, message, routing_key, attempt, repr(error), expiration)
        await message.ack()

    async def _republish(
        self,
        channel: AbstractChannel,
        queue: str,
        message: AbstractIncomingMessage,
        routing_key: str,
        attempts: int,
        error: str,
        expiration: float | None = None,
    ) -> None:
        headers: dict[str, Any] = {ATTEMPTS: attempts, ERROR: error[:1000], ROUTING_KEY: routing_key}
        copy = aio_pika.Message(
            message.body,
            headers=headers,
            message_id=message.message_id,
            type=message.type,
            app_id=message.app_id,
            content_type=message.content_type,
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            timestamp=message.timestamp,
            expiration=expiration,
        )
        # The default exchange routes by queue name; the channel has confirms, so this waits for the broker.
        await channel.default_exchange.publish(copy, routing_key=queue, timeout=self.publisher.timeout)

    async def dead_letters(self, consumer: str) -> list[DeadLetter]:
        """The messages in `<consumer>.events.dlq`, left where they are (fetched, then returned unacked)."""
        channel = await self.publisher.connection.channel()
        try:
            queue = await channel.declare_queue(f"{consumer}.events.dlq", durable=True)
            taken: list[AbstractIncomingMessage] = []
            while (message := await queue.get(fail=False, timeout=self.publisher.timeout)) is not None:
                taken.append(message)
            letters = [_letter(consumer, message) for message in taken]
            for message in taken:
                await message.nack(requeue=True)
            return letters
        finally:
            await channel.close()

    async def replay_dead_letters(self, consumer: str) -> int:
        """Move what is in `<consumer>.events.dlq` now back to `<consumer>.events` with fresh attempts."""
        channel = await self.publisher.connection.channel(publisher_confirms=True)
        try:
            queue = await channel.declare_queue(f"{consumer}.events.dlq", durable=True)
            # Only what is there now: a message that fails again while we replay stays for the next replay.
            waiting = queue.declaration_result.message_count or 0
            moved = 0
            while moved < waiting:
                message = await queue.get(fail=False, timeout=self.publisher.timeout)
                if message is None:
                    break
                headers = dict(message.headers or {})
                copy = aio_pika.Message(
                    message.body,
                    headers={ROUTING_KEY: headers.get(ROUTING_KEY, "")},
                    message_id=message.message_id,
                    type=message.type,
                    app_id=message.app_id,
                    content_type=message.content_type,
                    delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                    timestamp=message.timestamp,
                )
                await channel.default_exchange.publish(
                    copy, routing_key=f"{consumer}.events", timeout=self.publisher.timeout
                )
                await message.ack()
                moved += 1
            return moved
        finally:
            await channel.close()

    async def backlog(self, consumer: str) -> int:
        """Deliveries not finished yet: ready in the main or retry queue, or being handled here."""
        channel = await self.publisher.connection.channel()
        try:
            total = self._in_flight.get(consumer, 0)
            for name in (f"{consumer}.events", f"{consumer}.events.retry"):
                queue = await channel.declare_queue(name, passive=True, timeout=self.publisher.timeout)
                total += queue.declaration_result.message_count or 0
            return total
        finally:
            await channel.close()

    async def wait_idle(self, consumer: str) -> None:
        """Wait until `backlog(consumer)` is zero (wrap it in a timeout)."""
        while await self.backlog(consumer):  # noqa: ASYNC110 (the broker has no "idle" notification)
            await asyncio.sleep(0.05)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _letter(consumer: str, message: AbstractIncomingMessage) -> DeadLetter:
    headers = message.headers or {}
    return DeadLetter(consumer, message.body, _int(headers.get(ATTEMPTS)), str(headers.get(ERROR, "")))
