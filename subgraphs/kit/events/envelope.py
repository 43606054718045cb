"""The event envelope every jobgraph event travels in (DESIGN.md, Events), with strict JSON parsing."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from opentelemetry import trace

ENVELOPE_VERSION = 1
# Routing keys are `<domain>.<event>`: lowercase words of letters, digits and underscores.
_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_FIELDS = frozenset({"id", "type", "version", "occurred_at", "producer", "user_id", "data", "trace"})


class PoisonMessage(ValueError):
    """A message that can never be handled (not an envelope): dead-lettered at once, never retried."""


@dataclass(frozen=True, slots=True)
class EventEnvelope:
    """One domain event. `type` is also the routing key; `id` is what consumers deduplicate on."""

    type: str
    producer: str
    data: dict[str, Any]
    user_id: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = ENVELOPE_VERSION
    occurred_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    # W3C traceparent of the span that was active when the event was created, so consumers join the trace.
    trace: str | None = field(default_factory=lambda: current_traceparent())

    def __post_init__(self) -> None:
        _check(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "version": self.version,
            "occurred_at": self.occurred_at,
            "producer": self.producer,
            "user_id": self.user_id,
            "data": self.data,
            "trace": self.trace,
        }

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict())


def parse_envelope(raw: bytes | str) -> EventEnvelope:
    """The envelope in `raw`, or `PoisonMessage`: unknown or missing fields and wrong types are refused."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise PoisonMessage(f"not JSON: {error}") from None
    if not isinstance(value, dict):
        raise PoisonMessage("an envelope is a JSON object")
    keys = set(value)
    if keys != _FIELDS:
        missing, unknown = sorted(_FIELDS - keys), sorted(keys - _FIELDS)
        raise PoisonMessage(f"envelope fields: missing {missing}, unknown {unknown}")
    try:
        return EventEnvelope(**value)
    except (TypeError, ValueError) as error:
        raise PoisonMessage(str(error)) from None


def _check(event: EventEnvelope) -> None:
    if not isinstance(event.type, str) or not _TYPE.match(event.type):
        raise ValueError(f"event type {event.type!r} is not a `<domain>.<event>` routing key")
    if not isinstance(event.id, str):
        raise ValueError("event id must be a UUID string")
    try:
        uuid.UUID(event.id)
    except ValueError:
        raise ValueError(f"event id {event.id!r} is not a UUID") from None
    # bool is an int in Python; a version `true` is still malformed.
    if not isinstance(event.version, int) or isinstance(event.version, bool) or event.version < 1:
        raise ValueError("event version must be a positive integer")
    if not isinstance(event.producer, str) or not event.producer:
        raise ValueError("event producer must be a non-empty string")
    if event.user_id is not None and not isinstance(event.user_id, str):
        raise ValueError("event user_id must be a string or null")
    if not isinstance(event.data, dict):
        raise ValueError("event data must be a JSON object")
    if event.trace is not None and not isinstance(event.trace, str):
        raise ValueError("event trace must be a string or null")
    if not isinstance(event.occurred_at, str):
        raise ValueError("event occurred_at must be an ISO 8601 string")
    try:
        moment = datetime.fromisoformat(event.occurred_at)
    except ValueError:
        raise ValueError(f"event occurred_at {event.occurred_at!r} is not ISO 8601") from None
    if moment.utcoffset() is None:
        raise ValueError("event occurred_at needs a UTC offset")


def current_traceparent() -> str | None:
    """The W3C `traceparent` of the active OpenTelemetry span, or None outside a recorded span.

    Format per https://www.w3.org/TR/trace-context/#traceparent-header: version-traceid-parentid-flags.
    """
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{int(context.trace_flags):02x}"
