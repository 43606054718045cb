"""The transactional outbox of the interviews database: events are rows written with the change itself.

DESIGN.md, Events: producers write the event to an outbox table in the same transaction as the change; a
relay publishes it later. `subgraphs/kit/events/` (which owns the relay and the envelope) was not committed
when interviews needed it, so the table and the envelope follow its brief column for column — id, type,
payload, created_at, sent_at, attempts; envelope id/type/version/occurred_at/producer/user_id/data/trace —
so that the kit's relay can publish these rows as they are and this module can be replaced by the kit's
`record_event`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.interviews.events import EVENT_VERSION, PRODUCER, InterviewEvent
from subgraphs.interviews.models import outbox_table


def envelope(event: InterviewEvent, *, event_id: str, occurred_at: datetime) -> dict[str, object]:
    """The event as the DESIGN.md envelope; `user_id` is the interview's owner."""
    return {
        "id": event_id,
        "type": event.type,
        "version": EVENT_VERSION,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(),
        "producer": PRODUCER,
        "user_id": event.interview.owner_id,
        "data": event.data(),
        "trace": None,
    }


async def record_event(session: AsyncSession, event: InterviewEvent) -> None:
    """Insert `event` into the outbox within `session`'s transaction (it commits or rolls back with it)."""
    event_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    payload = orjson.dumps(envelope(event, event_id=event_id, occurred_at=now))
    row = {"id": event_id, "type": event.type, "payload": payload, "created_at": now, "attempts": 0}
    await session.execute(sa.insert(outbox_table).values(row))
