"""The applications snapshot (public contract, like `events.py`): every application as an
`application.created` event dated at its last change, for consumers rebuilding their views; its data is every
field of `fields.FIELDS`, as in the live events."""

from __future__ import annotations

from collections.abc import AsyncIterator

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.applications.events import PRODUCER, ApplicationCreated
from subgraphs.applications.models import application_from_row, applications_table
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.snapshot import snapshot_event, table_snapshot


def _event(row: sa.RowMapping) -> EventEnvelope:
    application = application_from_row(row)
    event = ApplicationCreated(application)
    return snapshot_event(event.type, PRODUCER, application.owner_id, event.data(), application.updated_at)


def snapshot(engine: AsyncEngine) -> AsyncIterator[list[EventEnvelope]]:
    """Batches of snapshot events read from the applications database behind `engine`."""
    return table_snapshot(engine, applications_table, _event)
