"""Choosing the bus from the environment: RabbitMQ when `JOBGRAPH_RABBITMQ_URL` is set, else in-process."""

from __future__ import annotations

from subgraphs.kit.events import EventSettings, InProcessBus, RabbitBus, create_event_bus


def test_no_broker_url_means_the_in_process_bus() -> None:
    settings = EventSettings.from_env({})
    assert settings.rabbitmq_url is None
    assert isinstance(create_event_bus(settings), InProcessBus)


def test_a_broker_url_means_rabbitmq_and_its_password_never_prints() -> None:
    url = "amqp://jobgraph:s3cret@rabbitmq:5672/jobgraph"
    settings = EventSettings.from_env(
        {
            "JOBGRAPH_RABBITMQ_URL": url,
            "JOBGRAPH_EVENTS_EXCHANGE": "x.events",
            "JOBGRAPH_RABBITMQ_TIMEOUT": "3",
        }
    )
    bus = create_event_bus(settings)
    assert isinstance(bus, RabbitBus)
    assert bus.publisher.exchange_name == "x.events"
    assert bus.publisher.timeout == 3.0
    assert "s3cret" not in repr(settings)
    assert settings.safe_rabbitmq_url == "amqp://jobgraph:***@rabbitmq:5672/jobgraph"
