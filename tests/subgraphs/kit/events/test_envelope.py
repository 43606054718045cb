"""The envelope: the DESIGN.md fields, orjson round trip, strict parsing (anything else is poison)."""

from __future__ import annotations

import uuid
from datetime import datetime

import orjson
import pytest
from opentelemetry.sdk.trace import TracerProvider

from subgraphs.kit.events import EventEnvelope, PoisonMessage, parse_envelope


def _event() -> EventEnvelope:
    return EventEnvelope(
        type="application.status_changed", producer="applications", user_id="u1", data={"status": "OFFER"}
    )


def test_new_event_has_uuid_id_and_utc_timestamp() -> None:
    event = _event()
    assert uuid.UUID(event.id).version == 4
    assert datetime.fromisoformat(event.occurred_at).utcoffset() is not None
    assert event.version == 1
    assert event.trace is None  # no span active


def test_round_trip_is_lossless() -> None:
    event = _event()
    assert parse_envelope(event.to_json()) == event
    assert set(orjson.loads(event.to_json())) == {
        "id",
        "type",
        "version",
        "occurred_at",
        "producer",
        "user_id",
        "data",
        "trace",
    }


def test_active_span_becomes_traceparent() -> None:
    tracer = TracerProvider().get_tracer("test")
    with tracer.start_as_current_span("change") as span:
        event = _event()
    context = span.get_span_context()
    assert event.trace == f"00-{context.trace_id:032x}-{context.span_id:016x}-{int(context.trace_flags):02x}"
    assert int(context.trace_flags) & 1  # sampled


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"type": "Application"}, "routing key"),
        ({"type": "application"}, "routing key"),
        ({"id": "not-a-uuid"}, "UUID"),
        ({"version": True}, "version"),
        ({"version": "1"}, "version"),
        ({"data": [1]}, "JSON object"),
        ({"occurred_at": "2026-01-01T00:00:00"}, "offset"),
        ({"occurred_at": "yesterday"}, "ISO"),
        ({"producer": ""}, "producer"),
        ({"user_id": 7}, "user_id"),
        ({"extra": 1}, "unknown"),
    ],
)
def test_malformed_envelopes_are_poison(change: dict[str, object], why: str) -> None:
    body = {**_event().to_dict(), **change}
    with pytest.raises(PoisonMessage, match=why):
        parse_envelope(orjson.dumps(body))


def test_missing_field_and_non_json_are_poison() -> None:
    body = _event().to_dict()
    del body["producer"]
    with pytest.raises(PoisonMessage, match="missing"):
        parse_envelope(orjson.dumps(body))
    with pytest.raises(PoisonMessage, match="JSON"):
        parse_envelope(b"{nope")
    with pytest.raises(PoisonMessage, match="object"):
        parse_envelope(b"[]")
