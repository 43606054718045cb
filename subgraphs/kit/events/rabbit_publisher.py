"""Publishing events to RabbitMQ: robust connection, publisher confirms, persistent messages, timeouts."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractExchange, AbstractRobustConnection

from subgraphs.kit.events.envelope import EventEnvelope

EXCHANGE = "jobgraph.events"


class RabbitPublisher:
    """Publishes to the topic exchange (`jobgraph.events`, as infra/rabbitmq/definitions.json declares it).

    `publish` returns only after the broker confirmed the message (publisher confirms), which is what lets
    the relay mark an outbox row sent. Messages are persistent and carry the event id as `message_id`.
    """

    def __init__(self, url: str, *, exchange: str = EXCHANGE, timeout: float = 10.0) -> None:
        self._url = url
        self.exchange_name = exchange
        self.timeout = timeout
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractChannel | None = None
        self._exchange: AbstractExchange | None = None
        self._connecting = asyncio.Lock()

    @property
    def connected(self) -> bool:
        """Whether a connection is up now (a robust connection is down while it reconnects)."""
        return self._connection is not None and self._connection.connected.is_set()

    @property
    def connection(self) -> AbstractRobustConnection:
        if self._connection is None:
            raise RuntimeError("RabbitPublisher is not connected: await connect() first")
        return self._connection

    async def connect(self) -> None:
        """Connect, open a confirming channel and declare the exchange; raises if the broker is away.

        Serialised: the relay publishing and the bus reattaching may both ask at once.
        """
        async with self._connecting:
            if self._exchange is not None:
                return
            # A robust connection reconnects and restores its channels, exchanges and consumers by itself
            # once it has connected the first time; the first attempt fails like a plain one.
            connection = await aio_pika.connect_robust(
                self._url, timeout=self.timeout, client_properties={"connection_name": "jobgraph-events"}
            )
            try:
                channel = await connection.channel(publisher_confirms=True)
                # Same arguments as the definitions file (durable topic, no x-arguments), or the broker
                # refuses.
                exchange = await channel.declare_exchange(
                    self.exchange_name, aio_pika.ExchangeType.TOPIC, durable=True, timeout=self.timeout
                )
            except BaseException:
                await connection.close()
                raise
            self._connection, self._channel, self._exchange = connection, channel, exchange

    async def publish(self, event: EventEnvelope) -> None:
        await self.publish_raw(event.type, event.to_json(), message_id=event.id, app_id=event.producer)

    async def publish_raw(
        self, routing_key: str, body: bytes, *, message_id: str | None = None, app_id: str | None = None
    ) -> None:
        """Publish `body` under `routing_key`; raises if the broker nacks it or does not confirm in time."""
        if self._exchange is None:
            await self.connect()
        assert self._exchange is not None
        message = aio_pika.Message(
            body,
            message_id=message_id,
            type=routing_key,
            app_id=app_id,
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            timestamp=datetime.now(UTC),
        )
        # Not mandatory: an event nobody subscribes to yet is not an error of the producer.
        await self._exchange.publish(message, routing_key=routing_key, mandatory=False, timeout=self.timeout)

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
        self._connection = self._channel = self._exchange = None
