"""The users snapshot (public contract, like `events.py`): every person as a `user.registered` event with
the current profile, dated at its last change, for consumers rebuilding their views."""

from __future__ import annotations

from collections.abc import AsyncIterator

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.snapshot import snapshot_event, table_snapshot
from subgraphs.users.events import PRODUCER, USER_REGISTERED, user_data
from subgraphs.users.models import users_table
from subgraphs.users.store import user_from_row


def _event(row: sa.RowMapping) -> EventEnvelope:
    user = user_from_row(row)
    return snapshot_event(USER_REGISTERED, PRODUCER, user.id, user_data(user), user.updated_at)


def snapshot(engine: AsyncEngine) -> AsyncIterator[list[EventEnvelope]]:
    """Batches of snapshot events read from the users database behind `engine`."""
    return table_snapshot(engine, users_table, _event)
