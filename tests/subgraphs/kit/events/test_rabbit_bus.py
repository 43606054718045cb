"""What only the RabbitMQ backend has: queues as infra/rabbitmq/definitions.json declares them, persistent
confirmed messages carrying the event id, and bounded waits on an unreachable broker."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import aio_pika
import pytest
from aio_pika.abc import AbstractChannel

from subgraphs.kit.events import EventConsumer, EventEnvelope, RabbitBus, RabbitPublisher
from tests.subgraphs.kit.events.backends import RABBITMQ_URL, eventually

pytestmark = pytest.mark.rabbitmq


@pytest.fixture
async def channel() -> AsyncIterator[AbstractChannel]:
    connection = await aio_pika.connect(RABBITMQ_URL, timeout=10)
    try:
        yield await connection.channel()
    finally:
        await connection.close()


def _names() -> tuple[str, str]:
    token = uuid.uuid4().hex[:10]
    return f"jobgraph.events.test-{token}", f"test{token}"


async def test_subscribes_to_queues_declared_like_the_definitions_file(channel: AbstractChannel) -> None:
    """The definitions declare `<name>.events` and `.dlq` with no arguments; ours must match them, or the
    broker closes the channel with PRECONDITION_FAILED."""
    exchange, name = _names()
    for queue in (f"{name}.events", f"{name}.events.dlq"):
        await channel.declare_queue(queue, durable=True, arguments={}, timeout=10)
    seen: list[str] = []

    async def handler(event: EventEnvelope) -> None:
        seen.append(event.id)

    bus = RabbitBus(RABBITMQ_URL, exchange=exchange)
    try:
        await bus.subscribe(EventConsumer(name, {"user.*": handler}))
        await bus.start()
        event = EventEnvelope(type="user.registered", producer="users", data={})
        await bus.publish(event)

        async def handled() -> bool:
            return seen == [event.id]

        await eventually(handled, "the event reached the pre-declared queue")
    finally:
        await bus.stop()
        for queue in (f"{name}.events", f"{name}.events.retry", f"{name}.events.dlq"):
            await channel.queue_delete(queue, timeout=10)
        await channel.exchange_delete(exchange, timeout=10)


async def test_published_messages_are_persistent_and_carry_the_event_id(channel: AbstractChannel) -> None:
    exchange, name = _names()
    publisher = RabbitPublisher(RABBITMQ_URL, exchange=exchange)
    await publisher.connect()
    queue = await channel.declare_queue(name, exclusive=True, timeout=10)
    try:
        await queue.bind(exchange, routing_key="application.#", timeout=10)
        event = EventEnvelope(type="application.status_changed", producer="applications", data={"s": 1})
        await publisher.publish(event)
        message = await queue.get(timeout=10)
        assert message is not None
        await message.ack()
        assert message.message_id == event.id
        assert message.routing_key == "application.status_changed"
        assert message.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
        assert message.content_type == "application/json"
        assert message.body == event.to_json()
    finally:
        await publisher.close()
        await channel.exchange_delete(exchange, timeout=10)


async def test_an_unreachable_broker_fails_instead_of_hanging() -> None:
    # Port 9 (discard) is closed on loopback: the connect attempt must end with an error, not wait forever.
    publisher = RabbitPublisher("amqp://guest:guest@127.0.0.1:9/", timeout=2)
    with pytest.raises((ConnectionError, OSError, TimeoutError)):
        await publisher.connect()
