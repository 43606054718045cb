"""Topic-pattern matching (RabbitMQ's rules) and the retry backoff of a consumer."""

from __future__ import annotations

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy, topic_matches


@pytest.mark.parametrize(
    ("pattern", "key", "matches"),
    [
        ("application.created", "application.created", True),
        ("application.created", "application.deleted", False),
        ("application.*", "application.status_changed", True),
        ("application.*", "application", False),
        ("application.*", "application.a.b", False),
        ("application.#", "application", True),
        ("application.#", "application.a.b", True),
        ("#", "user.registered", True),
        ("*.deleted", "contact.deleted", True),
        ("*.deleted", "contact.updated", False),
        ("#.deleted", "a.b.deleted", True),
    ],
)
def test_topic_matching(pattern: str, key: str, matches: bool) -> None:
    assert topic_matches(pattern, key) is matches


def test_backoff_grows_and_is_capped() -> None:
    policy = RetryPolicy(max_attempts=6, first_delay=1.0, factor=2.0, max_delay=5.0)
    assert [policy.delay(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]


async def test_dispatch_runs_every_matching_handler() -> None:
    seen: list[str] = []

    async def exact(event: EventEnvelope) -> None:
        seen.append("exact")

    async def wildcard(event: EventEnvelope) -> None:
        seen.append("wildcard")

    consumer = EventConsumer("interviews", {"application.deleted": exact, "application.*": wildcard})
    assert consumer.queue == "interviews.events"
    assert consumer.dead_letter_queue == "interviews.events.dlq"
    await consumer.dispatch(EventEnvelope(type="application.deleted", producer="applications", data={}))
    await consumer.dispatch(EventEnvelope(type="application.created", producer="applications", data={}))
    assert seen == ["exact", "wildcard", "wildcard"]
    assert not consumer.handles("user.registered")


def test_a_consumer_needs_handlers() -> None:
    with pytest.raises(ValueError, match="no handlers"):
        EventConsumer("users", {})


async def test_handlers_run_in_the_producers_trace() -> None:
    tracer = TracerProvider().get_tracer("producer")
    with tracer.start_as_current_span("change"):
        event = EventEnvelope(type="application.created", producer="applications", data={})
    assert event.trace is not None
    seen: list[int] = []

    async def handler(received: EventEnvelope) -> None:
        seen.append(trace.get_current_span().get_span_context().trace_id)

    await EventConsumer("interviews", {"application.created": handler}).dispatch(event)
    assert seen == [int(event.trace.split("-")[1], 16)]
