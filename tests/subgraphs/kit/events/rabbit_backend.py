"""The RabbitMQ backend of the contract suite: a uniquely named exchange and queues on the default vhost
(the management API is not enabled here), all deleted when the test ends."""

from __future__ import annotations

import asyncio
import uuid
from typing import cast

import aio_pika

from subgraphs.kit.events import EventBus, RabbitBus
from tests.subgraphs.kit.events.backends import Backend


class RabbitBackend(Backend):
    name = "rabbitmq"

    def __init__(self, url: str) -> None:
        self.url = url
        self.exchange = f"jobgraph.events.test-{uuid.uuid4().hex[:10]}"
        self.buses: list[RabbitBus] = []

    @classmethod
    async def create(cls, url: str) -> RabbitBackend:
        return cls(url)

    def make_bus(self) -> EventBus:
        bus = RabbitBus(self.url, exchange=self.exchange, timeout=10.0)
        self.buses.append(bus)
        return cast(EventBus, bus)

    async def settle(self, bus: EventBus) -> None:
        assert isinstance(bus, RabbitBus)
        async with asyncio.timeout(20):
            for consumer in bus.consumers:
                await bus.wait_idle(consumer)

    async def close(self) -> None:
        names = {consumer for bus in self.buses for consumer in bus.consumers}
        for bus in self.buses:
            await bus.stop()
        connection = await aio_pika.connect(self.url, timeout=10)
        try:
            channel = await connection.channel()
            for consumer in names:
                for queue in (f"{consumer}.events", f"{consumer}.events.retry", f"{consumer}.events.dlq"):
                    await channel.queue_delete(queue, timeout=10)
            await channel.exchange_delete(self.exchange, timeout=10)
        finally:
            await connection.close()
