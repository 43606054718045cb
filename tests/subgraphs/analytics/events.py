"""Application events as the applications subgraph publishes them, for feeding analytics directly."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.analytics.events import change_of
from subgraphs.analytics.service import AnalyticsService
from subgraphs.kit.events import EventEnvelope, claim_event


def iso(moment: datetime) -> str:
    return moment.isoformat()


def created(
    application_id: str,
    owner: str,
    at: datetime,
    *,
    status: str = "SAVED",
    position: str = "Engineer",
    location: str | None = None,
    applied_at: datetime | None = None,
) -> EventEnvelope:
    return _event("application.created", owner, {
        "id": application_id, "company": "Acme", "position": position, "location": location, "status": status,
        "appliedAt": iso(applied_at) if applied_at else None, "createdAt": iso(at), "updatedAt": iso(at),
    })  # fmt: skip


def status_changed(
    application_id: str,
    owner: str,
    created_at: datetime,
    before: str,
    after: str,
    at: datetime,
    *,
    position: str = "Engineer",
    location: str | None = None,
    applied_at: datetime | None = None,
) -> EventEnvelope:
    return _event("application.status_changed", owner, {
        "id": application_id, "company": "Acme", "position": position, "location": location, "status": after,
        "from": before, "to": after, "note": None, "changedAt": iso(at),
        "appliedAt": iso(applied_at) if applied_at else None, "createdAt": iso(created_at),
        "updatedAt": iso(at),
    })  # fmt: skip


def updated(
    application_id: str, owner: str, created_at: datetime, at: datetime, **fields: Any
) -> EventEnvelope:
    data = {
        "id": application_id, "company": "Acme", "position": "Engineer", "location": None, "status": "SAVED",
        "appliedAt": None, "createdAt": iso(created_at), "updatedAt": iso(at), "changed": list(fields),
    }  # fmt: skip
    return _event("application.updated", owner, {**data, **fields})


def deleted(application_id: str, owner: str, at: datetime) -> EventEnvelope:
    data = {"id": application_id, "company": "Acme", "position": "Engineer", "status": "SAVED"}
    return EventEnvelope(
        type="application.deleted", producer="applications", user_id=owner, data=data, occurred_at=iso(at)
    )


def _event(event_type: str, owner: str, data: dict[str, Any]) -> EventEnvelope:
    return EventEnvelope(type=event_type, producer="applications", user_id=owner, data=data)


async def deliver(
    service: AnalyticsService, sessions: async_sessionmaker[AsyncSession], *events: EventEnvelope
) -> None:
    """Apply each event as the consumer does: once per event id, in its own transaction."""
    for event in events:
        async with sessions() as session, session.begin():
            if await claim_event(session, "analytics", event.id):
                await service.apply(change_of(event), session=session)


DAY = timedelta(days=1)
