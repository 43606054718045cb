"""Application events: written to the outbox with the change, relayed to the bus, never without the change."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.applications.events import ApplicationEvent, record_application_event
from subgraphs.applications.models import ApplicationQuery, ApplicationStatus, CreateApplication, outbox_table
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.events import InProcessBus
from tests.subgraphs.harness import Inbox, post, token


async def outbox_rows(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        rows = await connection.execute(sa.select(outbox_table).order_by(outbox_table.c.created_at))
        return [dict(row) for row in rows.mappings()]


async def test_a_change_and_its_event_commit_together(backend_engine: AsyncEngine) -> None:
    service = ApplicationService(async_sessionmaker(backend_engine), record_application_event)
    created = await service.create("alice", CreateApplication(company="Acme", position="Engineer"))
    await service.change_status("alice", created.id, ApplicationStatus.APPLIED, "sent")

    rows = await outbox_rows(backend_engine)
    assert [row["type"] for row in rows] == ["application.created", "application.status_changed"]
    assert all(row["sent_at"] is None for row in rows)
    envelope = orjson.loads(rows[0]["payload"])
    assert (envelope["producer"], envelope["user_id"], envelope["data"]["id"]) == (
        "applications",
        "alice",
        created.id,
    )
    changed = orjson.loads(rows[1]["payload"])["data"]
    assert (changed["from"], changed["to"], changed["note"]) == ("SAVED", "APPLIED", "sent")


async def test_when_recording_the_event_fails_the_change_is_rolled_back(sqlite_engine: AsyncEngine) -> None:
    async def failing(session: AsyncSession, event: ApplicationEvent) -> None:
        await record_application_event(session, event)
        raise RuntimeError("outbox unavailable")

    service = ApplicationService(async_sessionmaker(sqlite_engine), failing)
    with pytest.raises(RuntimeError):
        await service.create("alice", CreateApplication(company="Acme", position="Engineer"))
    assert (await service.find("alice", ApplicationQuery(), 10, None)).total_count == 0
    assert await outbox_rows(sqlite_engine) == []


async def test_the_running_app_relays_every_event_to_the_bus_in_order(
    http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    inbox = await Inbox.on(bus, "application.*")
    alice = token("alice")
    created = await post(
        http, 'mutation { createApplication(input: {company: "Acme", position: "Dev"}) { id } }', alice
    )
    application_id = created["data"]["createApplication"]["id"]
    await post(
        http,
        'mutation($id: ID!) { updateApplication(id: $id, input: {location: "Remote"}) { id } }',
        alice,
        id=application_id,
    )
    await post(
        http,
        "mutation($id: ID!) { changeApplicationStatus(id: $id, status: APPLIED) { id } }",
        alice,
        id=application_id,
    )
    await post(http, "mutation($id: ID!) { deleteApplication(id: $id) }", alice, id=application_id)

    events = await inbox.wait_for(4)
    assert [event.type for event in events] == [
        "application.created",
        "application.updated",
        "application.status_changed",
        "application.deleted",
    ]
    assert {event.data["id"] for event in events} == {application_id}
    assert {event.user_id for event in events} == {"alice"}
    assert events[1].data["changed"] == ["location"]
