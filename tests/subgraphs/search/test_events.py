"""The index ends the same however events arrive: redelivered, out of order, deleted before or after, on the
in-process bus and on the real RabbitMQ."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import pytest

from subgraphs.kit.events import EventEnvelope
from subgraphs.search.events import search_consumer
from subgraphs.search.service import SearchService
from tests.subgraphs.kit.events.backends import eventually, open_backend, unique_consumer
from tests.subgraphs.search.conftest import deliver, event, found

CREATED = event(
    "application.created",
    "alice",
    0,
    id="app-1",
    company="Initech",
    position="Data engineer",
    notes="old notes",
)
UPDATED = event(
    "application.updated", "alice", 10, id="app-1", company="Initech", position="Platform engineer",
    notes="new notes",
)  # fmt: skip
MOVED = event("application.status_changed", "alice", 20, id="app-1", company="Initech", to="OFFER")
DELETED = event("application.deleted", "alice", 30, id="app-1", company="Initech", status="OFFER")


async def test_a_redelivered_event_changes_nothing(service: SearchService) -> None:
    await deliver(service, CREATED, UPDATED, CREATED, UPDATED)
    assert await found(service, "alice", "platform") == ["app-1"]
    assert await found(service, "alice", "data") == []


async def test_a_late_event_never_brings_back_older_text(service: SearchService) -> None:
    await deliver(service, UPDATED, CREATED)
    assert await found(service, "alice", "new notes") == ["app-1"]
    assert await found(service, "alice", "old") == []


async def test_a_partial_event_keeps_the_fields_it_does_not_carry(service: SearchService) -> None:
    # The status change arrives before the update that happened earlier: both take effect.
    await deliver(service, CREATED, MOVED, UPDATED)
    assert await found(service, "alice", "offer platform") == ["app-1"]


async def test_a_deleted_document_stays_deleted(service: SearchService) -> None:
    await deliver(service, CREATED, DELETED, UPDATED, CREATED)
    assert await found(service, "alice", "initech") == []


async def test_a_deletion_that_overtakes_the_creation_wins(service: SearchService) -> None:
    await deliver(service, DELETED, CREATED, MOVED)
    assert await found(service, "alice", "initech") == []


async def test_deleting_an_application_removes_its_interviews(service: SearchService) -> None:
    interview = event("interview.scheduled", "alice", 5, id="int-1", applicationId="app-1", type="PHONE")
    await deliver(service, CREATED, interview)
    assert sorted(await found(service, "alice", "initech")) == ["app-1", "int-1"]
    await deliver(service, DELETED)
    assert await found(service, "alice", "initech") == []


async def test_an_interview_follows_its_applications_renames(service: SearchService) -> None:
    interview = event("interview.scheduled", "alice", 5, id="int-1", applicationId="app-1", type="PHONE")
    # The interview arrives before its application: it gets the company once the application is indexed.
    await deliver(service, interview, CREATED)
    assert await found(service, "alice", "initech phone") == ["int-1"]
    await deliver(service, UPDATED)
    assert await found(service, "alice", "platform phone") == ["int-1"]


def _history() -> list[EventEnvelope]:
    """Ten applications' lives: created, updated, some deleted; each with a cover letter, some deleted."""
    events = []
    for number in range(10):
        app = f"app-{number}"
        events += [
            event("application.created", "alice", 0, id=app, company=f"Company{number}", position="Analyst"),
            event(
                "application.updated", "alice", 10, id=app, company=f"Company{number}", position="Engineer"
            ),
        ]
        if number % 3 == 0:
            events.append(event("application.deleted", "alice", 20, id=app, company=f"Company{number}"))
        letter = {"id": f"letter-{number}", "name": "letter.pdf", "applicationId": app}
        events.append(event("file.uploaded", "alice", 5, **letter, text="payments ledgers"))
        if number % 2 == 0:
            events.append(event("file.deleted", "alice", 15, **letter))
    return events


@pytest.fixture(params=["inprocess", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
async def bus_backend(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    yield request.param


@pytest.mark.parametrize("engine", ["tantivy"], indirect=True)
async def test_the_index_converges_under_shuffled_redelivery_on_a_bus(
    service: SearchService, bus_backend: str
) -> None:
    history = _history()
    shuffled = [*history, *random.Random(12).sample(history, len(history))]
    random.Random(7).shuffle(shuffled)
    async with open_backend(bus_backend) as backend:
        bus = backend.make_bus()
        await bus.start()
        try:
            await bus.subscribe(search_consumer(service, name=unique_consumer()))
            for envelope in shuffled:
                await bus.publish(envelope)
            await backend.settle(bus)

            async def converged() -> bool:
                engineers = await found(service, "alice", "engineer")
                return len(engineers) == 6 and len(await found(service, "alice", "ledgers")) == 3

            await eventually(converged, "six live applications, all engineers, three with a letter")
        finally:
            await bus.stop()
    assert await found(service, "alice", "analyst") == []
    assert sorted(await found(service, "alice", "engineer")) == [
        f"app-{number}" for number in range(10) if number % 3
    ]
    assert sorted(await found(service, "alice", "ledgers")) == ["app-1", "app-5", "app-7"]
