"""The interviews snapshot (public contract, like `events.py`): every interview as an `interview.scheduled`
event, or `interview.cancelled` once cancelled, dated at its last change, for consumers rebuilding views."""

from __future__ import annotations

from collections.abc import AsyncIterator

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.interviews.events import PRODUCER, InterviewCancelled, InterviewScheduled
from subgraphs.interviews.models import interview_from_row, interviews_table
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.snapshot import snapshot_event, table_snapshot


def _event(row: sa.RowMapping) -> EventEnvelope:
    interview = interview_from_row(row)
    event = InterviewCancelled(interview) if interview.cancelled else InterviewScheduled(interview)
    at = interview.cancelled_at or interview.updated_at
    return snapshot_event(event.type, PRODUCER, interview.owner_id, event.data(), at)


def snapshot(engine: AsyncEngine) -> AsyncIterator[list[EventEnvelope]]:
    """Batches of snapshot events read from the interviews database behind `engine`."""
    return table_snapshot(engine, interviews_table, _event)
