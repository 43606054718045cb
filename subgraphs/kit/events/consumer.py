"""A subgraph's event consumer: which routing keys it handles, with what, and how it retries."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from opentelemetry import trace
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from subgraphs.kit.events.envelope import EventEnvelope

log = logging.getLogger(__name__)
_PROPAGATOR = TraceContextTextMapPropagator()
_tracer = trace.get_tracer("jobgraph.events")

Handler = Callable[[EventEnvelope], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Try a delivery `max_attempts` times, waiting `first_delay * factor**(n-1)` (capped) in between."""

    max_attempts: int = 5
    first_delay: float = 0.5
    factor: float = 2.0
    max_delay: float = 60.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        return float(min(self.max_delay, self.first_delay * self.factor ** max(0, attempt - 1)))


class EventConsumer:
    """Handlers of one subgraph, keyed by topic pattern (`application.*`, `user.#`, `interview.scheduled`).

    Its queues are `<subgraph>.events` (bound to every pattern), `<subgraph>.events.retry` and
    `<subgraph>.events.dlq`. A delivery runs every handler whose pattern matches; handlers must be
    idempotent (see `idempotent`), since delivery is at least once and a retry re-runs them all.
    """

    def __init__(
        self, subgraph_name: str, handlers: Mapping[str, Handler], *, retry: RetryPolicy | None = None
    ) -> None:
        if not handlers:
            raise ValueError(f"consumer {subgraph_name!r} has no handlers")
        self.name = subgraph_name
        self.handlers = dict(handlers)
        self.retry = retry or RetryPolicy()

    @property
    def queue(self) -> str:
        return f"{self.name}.events"

    @property
    def retry_queue(self) -> str:
        return f"{self.name}.events.retry"

    @property
    def dead_letter_queue(self) -> str:
        return f"{self.name}.events.dlq"

    @property
    def patterns(self) -> list[str]:
        return list(self.handlers)

    def handles(self, event_type: str) -> bool:
        return any(topic_matches(pattern, event_type) for pattern in self.handlers)

    async def dispatch(self, event: EventEnvelope) -> None:
        """Run the matching handlers in order; the first exception fails the whole delivery.

        They run in a span that continues the producer's trace (the envelope's W3C `traceparent`).
        """
        parent = _PROPAGATOR.extract({"traceparent": event.trace}) if event.trace else None
        with _tracer.start_as_current_span(
            f"{event.type} process",
            context=parent,
            kind=trace.SpanKind.CONSUMER,
            attributes={"messaging.message.id": event.id, "messaging.consumer.group.name": self.name},
        ):
            for pattern, handler in self.handlers.items():
                if topic_matches(pattern, event.type):
                    await handler(event)

    def gives_up(self, event: EventEnvelope, attempt: int, error: Exception) -> bool:
        """Whether failed attempt number `attempt` at `event` was the last (dead-letter it) or not (retry it
        later), logged either way; every bus decides this the same."""
        if attempt >= self.retry.max_attempts:
            failure = (event.type, event.id, self.name, attempt, error)
            log.error("dead-lettering %s %s for %s after %d attempts: %r", *failure)
            return True
        log.warning("retrying %s %s for %s (attempt %d): %r", event.type, event.id, self.name, attempt, error)
        return False


def topic_matches(pattern: str, routing_key: str) -> bool:
    """AMQP topic matching: `*` is exactly one dot-separated word, `#` zero or more (RabbitMQ semantics)."""
    return _match(pattern.split("."), routing_key.split("."))


def _match(pattern: list[str], words: list[str]) -> bool:
    if not pattern:
        return not words
    head, rest = pattern[0], pattern[1:]
    if head == "#":
        return any(_match(rest, words[skip:]) for skip in range(len(words) + 1))
    if not words:
        return False
    return (head == "*" or head == words[0]) and _match(rest, words[1:])
