"""The timeline entries other subgraphs' events add, on the in-process bus: once each, in the events' own
time order, only to the event owner's applications, whatever the delivery order or how often it comes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from subgraphs.applications.app import ApplicationsSubgraph
from subgraphs.kit.events import EventEnvelope, InProcessBus
from tests.subgraphs.harness import post, token

T0 = datetime(2031, 3, 1, 9, 0, tzinfo=UTC)
TIMELINE = """query($id: ID!) { application(id: $id) { timeline {
  kind at summary interviewId interviewStartsAt previousStartsAt fileId fileName contactId
} contacts { id } } }"""


def event(event_type: str, owner: str, at: datetime, /, **data: Any) -> EventEnvelope:
    producer = {"interview": "interviews", "file": "files", "contact": "contacts"}[event_type.split(".")[0]]
    return EventEnvelope(
        type=event_type, producer=producer, user_id=owner, data=data, occurred_at=at.isoformat()
    )


def scheduled(application_id: str, at: datetime, owner: str = "alice") -> EventEnvelope:
    return event(
        "interview.scheduled",
        owner,
        at,
        id="iv1",
        applicationId=application_id,
        startsAt="2031-03-10T09:00:00Z",
        durationMinutes=45,
        type="ONLINE",
    )


async def deliver(bus: InProcessBus, *events: EventEnvelope) -> None:
    for item in events:
        await bus.publish(item)
    await asyncio.wait_for(bus.wait_idle(), timeout=10)


async def create(http: httpx.AsyncClient, owner: str = "alice") -> str:
    body = await post(
        http,
        'mutation { createApplication(input: {company: "Acme", position: "Engineer"}) { id } }',
        token(owner),
    )
    return str(body["data"]["createApplication"]["id"])


async def timeline(http: httpx.AsyncClient, application_id: str, owner: str = "alice") -> dict[str, Any]:
    body = await post(http, TIMELINE, token(owner), id=application_id)
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["application"]
    return found


async def kinds(http: httpx.AsyncClient, application_id: str) -> list[str]:
    return [entry["kind"] for entry in (await timeline(http, application_id))["timeline"]]


async def test_interview_events_become_entries_and_a_redelivery_adds_nothing(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    application_id = await create(http)
    first = scheduled(application_id, T0 + timedelta(days=1))
    moved = event(
        "interview.updated",
        "alice",
        T0 + timedelta(days=2),
        id="iv1",
        applicationId=application_id,
        startsAt="2031-03-11T10:00:00Z",
        previousStartsAt="2031-03-10T09:00:00Z",
        changed=["startsAt"],
    )
    retitled = event(
        "interview.updated",
        "alice",
        T0 + timedelta(days=2),
        id="iv1",
        applicationId=application_id,
        startsAt="2031-03-11T10:00:00Z",
        changed=["details"],
    )
    cancelled = event(
        "interview.cancelled",
        "alice",
        T0 + timedelta(days=3),
        id="iv1",
        applicationId=application_id,
        startsAt="2031-03-11T10:00:00Z",
        reason="cancelled",
    )
    await deliver(bus, first, first, moved, retitled, cancelled, moved)

    entries = (await timeline(http, application_id))["timeline"]
    assert [entry["kind"] for entry in entries] == [
        "CREATED",
        "INTERVIEW_SCHEDULED",
        "INTERVIEW_RESCHEDULED",
        "INTERVIEW_CANCELLED",
    ]
    assert entries[1]["at"] == "2031-03-02T09:00:00+00:00"
    assert entries[2]["summary"] == "Interview moved from 2031-03-10 09:00 UTC to 2031-03-11 10:00 UTC"
    assert (entries[2]["interviewId"], entries[2]["previousStartsAt"]) == ("iv1", "2031-03-10T09:00:00+00:00")


async def test_late_events_take_their_place_by_their_own_time(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    application_id = await create(http)
    removed = event(
        "file.deleted",
        "alice",
        T0 + timedelta(days=5),
        id="f1",
        name="cv.pdf",
        kind="RESUME",
        applicationId=application_id,
    )
    attached = event(
        "file.uploaded",
        "alice",
        T0 + timedelta(days=4),
        id="f1",
        name="cv.pdf",
        contentType="application/pdf",
        size=10,
        kind="RESUME",
        applicationId=application_id,
    )
    # The removal arrives first, then the interview scheduled before both, then the upload.
    await deliver(bus, removed, scheduled(application_id, T0 + timedelta(days=1)), attached)
    entries = (await timeline(http, application_id))["timeline"]
    assert [entry["kind"] for entry in entries] == [
        "CREATED",
        "INTERVIEW_SCHEDULED",
        "DOCUMENT_ATTACHED",
        "DOCUMENT_REMOVED",
    ]
    assert [entry["summary"] for entry in entries[2:]] == ["Attached cv.pdf", "Removed cv.pdf"]


async def test_a_replayed_snapshot_of_the_same_fact_adds_nothing(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    # Snapshots (`jobgraph search reindex`) republish an interview as a new event with a new id.
    application_id = await create(http)
    await deliver(bus, scheduled(application_id, T0 + timedelta(days=1)))
    await deliver(bus, scheduled(application_id, T0 + timedelta(days=1)))
    assert await kinds(http, application_id) == ["CREATED", "INTERVIEW_SCHEDULED"]


async def test_events_about_someone_elses_or_a_missing_application_add_nothing(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    application_id = await create(http)
    await deliver(
        bus,
        scheduled(application_id, T0, owner="bob"),
        scheduled("missing", T0),
        event("file.uploaded", "alice", T0, id="f2", name="cv.pdf", applicationId=None),
        event(
            "interview.cancelled",
            "alice",
            T0,
            id="iv9",
            applicationId=application_id,
            startsAt="2031-03-11T10:00:00Z",
            reason="application_deleted",
        ),
    )
    assert await kinds(http, application_id) == ["CREATED"]
    assert await bus.dead_letters("applications") == []


async def test_an_event_for_a_deleted_application_is_acknowledged_and_dropped(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    application_id = await create(http)
    await post(http, "mutation($id: ID!) { deleteApplication(id: $id) }", token("alice"), id=application_id)
    await deliver(bus, scheduled(application_id, T0))
    assert await bus.dead_letters("applications") == []


async def test_a_malformed_event_is_dead_lettered(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    await deliver(bus, event("interview.scheduled", "alice", T0, id="iv1"))
    letters = await bus.dead_letters("applications")
    assert len(letters) == 1 and "has no data.applicationId" in letters[0].error


async def test_a_deleted_contact_is_unlinked_everywhere_once_and_a_late_created_does_not_revive_it(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    first, second = await create(http), await create(http)
    created = event("contact.created", "alice", T0, id="k1", name="Peter Gibbons")
    await deliver(bus, created)
    link = "mutation($a: ID!, $c: ID!) { linkContact(applicationId: $a, contactId: $c) { id } }"
    for application_id in (first, second):
        body = await post(http, link, token("alice"), a=application_id, c="k1")
        assert "errors" not in body, body
    deleted = event("contact.deleted", "alice", T0 + timedelta(days=1), id="k1")
    renamed_late = event("contact.updated", "alice", T0 + timedelta(hours=1), id="k1", name="P. G.")
    await deliver(bus, deleted, deleted, renamed_late, created)

    for application_id in (first, second):
        found = await timeline(http, application_id)
        assert found["contacts"] == []
        assert [entry["kind"] for entry in found["timeline"]] == [
            "CREATED",
            "CONTACT_LINKED",
            "CONTACT_UNLINKED",
        ]
        assert found["timeline"][-1]["summary"] == "Unlinked contact Peter Gibbons"
    body = await post(http, link, token("alice"), a=first, c="k1")
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "contactId"}


async def test_an_older_contact_update_arriving_late_keeps_the_newer_name(
    bus: InProcessBus, subgraph: ApplicationsSubgraph, http: httpx.AsyncClient
) -> None:
    application_id = await create(http)
    await deliver(
        bus,
        event("contact.updated", "alice", T0 + timedelta(hours=2), id="k1", name="Newest"),
        event("contact.created", "alice", T0, id="k1", name="Oldest"),
    )
    link = "mutation($a: ID!, $c: ID!) { linkContact(applicationId: $a, contactId: $c) { id } }"
    await post(http, link, token("alice"), a=application_id, c="k1")
    found = await timeline(http, application_id)
    assert found["timeline"][-1]["summary"] == "Linked contact Newest"
