"""A bus whose broker is down at start-up: start returns, the process serves, and consumers attach when the
broker comes back. The outage is a loopback proxy to the real RabbitMQ that the test opens and closes."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from subgraphs.kit.events import EventConsumer, EventEnvelope, RabbitBus
from tests.network import TcpProxy
from tests.subgraphs.kit.events.backends import eventually

pytestmark = pytest.mark.rabbitmq


async def test_starts_without_the_broker_and_attaches_when_it_returns() -> None:
    proxy = TcpProxy(5672)
    token = uuid.uuid4().hex[:10]
    bus = RabbitBus(
        f"amqp://guest:guest@127.0.0.1:{proxy.port}/", exchange=f"jobgraph.test-{token}", timeout=2
    )
    seen: list[str] = []

    async def handler(event: EventEnvelope) -> None:
        seen.append(event.id)

    await bus.subscribe(EventConsumer(f"outage{token}", {"application.*": handler}))
    try:
        await asyncio.wait_for(bus.start(), 10)  # was: AMQPConnectionError, and the process exited
        assert not bus.connected
        await proxy.open()

        async def attached() -> bool:
            return bus.connected

        await eventually(attached, "the bus reconnected once the broker answered", limit=20)
        event = EventEnvelope(type="application.created", producer="applications", data={"id": "a"})
        await bus.publish(event)

        async def consumed() -> bool:
            return seen == [event.id]

        await eventually(consumed, "the consumer subscribed before the outage got the event")
    finally:
        await bus.stop()
        await proxy.close()
