"""Interviews on the in-process bus: it consumes application events once each and publishes its own."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import async_sessionmaker

from subgraphs.interviews.app import InterviewsSubgraph, build_subgraph
from subgraphs.interviews.models import InterviewType, ScheduleInterview, processed_events_table
from subgraphs.kit.events import EventConsumer, EventEnvelope, InProcessBus, OutboxRelay
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.harness import Inbox, post, token
from tests.subgraphs.interviews.conftest import application_event

SCHEDULE = """mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }"""


async def inbox_on(bus: InProcessBus) -> Inbox:
    return await Inbox.on(bus, "interview.*", "reminders-test")


async def deliver(bus: InProcessBus, event: EventEnvelope) -> None:
    await bus.publish(event)
    await asyncio.wait_for(bus.wait_idle(), timeout=10)


def phone_call(application_id: str) -> ScheduleInterview:
    return ScheduleInterview(
        application_id=application_id,
        starts_at=datetime(2031, 3, 10, 9, 0, tzinfo=UTC),
        duration_minutes=30,
        type=InterviewType.PHONE,
    )


async def schedule(http: httpx.AsyncClient, user: str, application_id: str) -> str:
    body = await post(
        http,
        SCHEDULE,
        token(user),
        input={
            "applicationId": application_id,
            "startsAt": "2031-03-10T09:00:00+02:00",
            "durationMinutes": 45,
            "type": "ONLINE",
            "meetingUrl": "https://meet.example/room",
        },
    )
    assert "errors" not in body, body
    return str(body["data"]["scheduleInterview"]["id"])


async def test_interview_events_reach_other_subscribers_through_the_relay(
    bus: InProcessBus, subgraph: InterviewsSubgraph, http: httpx.AsyncClient
) -> None:
    inbox = await inbox_on(bus)
    await deliver(bus, application_event("application.created", "app-1", "alice"))
    interview_id = await schedule(http, "alice", "app-1")
    await post(
        http,
        "mutation($id: ID!) { updateInterview(id: $id, input: {durationMinutes: 60}) { id } }",
        token("alice"),
        id=interview_id,
    )
    await post(
        http, "mutation($id: ID!) { cancelInterview(id: $id) { id } }", token("alice"), id=interview_id
    )

    events = await inbox.wait_for(3)
    assert [event.type for event in events] == [
        "interview.scheduled",
        "interview.updated",
        "interview.cancelled",
    ]
    assert {event.producer for event in events} == {"interviews"}
    assert {event.user_id for event in events} == {"alice"}
    scheduled: dict[str, Any] = events[0].data
    assert {key: scheduled[key] for key in ("id", "applicationId", "startsAt", "type")} == {
        "id": interview_id,
        "applicationId": "app-1",
        "startsAt": "2031-03-10T07:00:00Z",
        "type": "ONLINE",
    }
    assert events[1].data["changed"] == ["durationMinutes"]
    assert events[2].data["reason"] == "cancelled"


async def test_deleting_the_application_cancels_and_removes_its_interviews(
    bus: InProcessBus, subgraph: InterviewsSubgraph, http: httpx.AsyncClient
) -> None:
    inbox = await inbox_on(bus)
    await deliver(bus, application_event("application.created", "app-1", "alice"))
    interview_id = await schedule(http, "alice", "app-1")

    await deliver(bus, application_event("application.deleted", "app-1", "alice"))

    events = await inbox.wait_for(2)
    assert [(event.type, event.data["id"]) for event in events] == [
        ("interview.scheduled", interview_id),
        ("interview.cancelled", interview_id),
    ]
    assert events[1].data["reason"] == "application_deleted"
    gone = await post(http, "query($id: ID!) { interview(id: $id) { id } }", token("alice"), id=interview_id)
    assert gone["data"] == {"interview": None}
    again = await post(
        http,
        SCHEDULE,
        token("alice"),
        input={
            "applicationId": "app-1",
            "startsAt": "2031-03-11T09:00:00Z",
            "durationMinutes": 30,
            "type": "PHONE",
        },
    )
    assert again["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "applicationId"}


async def test_a_redelivered_event_is_applied_once(
    bus: InProcessBus, subgraph: InterviewsSubgraph, http: httpx.AsyncClient
) -> None:
    created = application_event("application.created", "app-1", "alice")
    deleted = application_event("application.deleted", "app-1", "alice")
    await deliver(bus, created)
    await deliver(bus, deleted)
    # At-least-once delivery: the broker may hand the same events over again, even out of order.
    await deliver(bus, created)
    await deliver(bus, deleted)

    async with subgraph.engine.connect() as connection:
        rows = (await connection.execute(sa.select(processed_events_table.c.event_id))).scalars().all()
    assert sorted(rows) == sorted([created.id, deleted.id])
    assert await subgraph.service.owned_applications("alice", ["app-1"]) == [False]
    assert await bus.dead_letters("interviews") == []


async def test_a_host_can_wire_the_handlers_and_relay_itself(tmp_path: Path) -> None:
    # How `jobgraph dev` does it: build without a bus, then subscribe `handlers` and relay the outbox.
    built = build_subgraph(SubgraphSettings.from_env("interviews", {"JOBGRAPH_DATA_DIR": str(tmp_path)}))
    bus = InProcessBus()
    await bus.start()
    async with built.app.router.lifespan_context(built.app):
        await bus.subscribe(EventConsumer("interviews", built.handlers))
        inbox = await inbox_on(bus)
        relay = OutboxRelay(async_sessionmaker(built.engine), bus)
        await relay.start()
        try:
            await deliver(bus, application_event("application.created", "app-1", "alice"))
            interview = await built.service.schedule("alice", phone_call("app-1"))
            events = await inbox.wait_for(1)
        finally:
            await relay.stop()
            await bus.stop()
    assert [(event.type, event.data["id"]) for event in events] == [("interview.scheduled", interview.id)]
