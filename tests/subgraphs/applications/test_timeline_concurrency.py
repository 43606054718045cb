"""Concurrent links of one contact to one application, on every backend: exactly one links, the other is told
it is already linked, and the timeline has one entry."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.applications.events import applications_consumer, record_application_event
from subgraphs.applications.models import CreateApplication, TimelineKind
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.errors import Conflict
from subgraphs.kit.events import EventEnvelope


async def test_two_links_at_once_link_once(backend_engine: AsyncEngine) -> None:
    sessions = async_sessionmaker(backend_engine, expire_on_commit=False)
    service = ApplicationService(sessions, record_application_event)
    contact = EventEnvelope(type="contact.created", producer="contacts", user_id="alice", data={"id": "k1"})
    await applications_consumer(service, sessions).handlers["contact.created"](contact)
    application = await service.create("alice", CreateApplication(company="Initech", position="Engineer"))

    results = await asyncio.gather(
        *(service.timeline.link_contact("alice", application.id, "k1") for _ in range(2)),
        return_exceptions=True,
    )

    assert sorted(type(result).__name__ for result in results) == ["Application", "Conflict"]
    assert any(isinstance(result, Conflict) for result in results)
    [entries] = await service.timeline.entries("alice", [application.id])
    assert [entry.kind for entry in entries] == [TimelineKind.CREATED, TimelineKind.CONTACT_LINKED]
