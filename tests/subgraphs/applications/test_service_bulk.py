"""Bulk status changes and deletes: a result per distinct id, each id its own transaction with its own
event, at most 100 ids."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.applications.events import (
    ApplicationDeleted,
    ApplicationEvent,
    ApplicationStatusChanged,
)
from subgraphs.applications.models import ApplicationStatus, BulkOutcome, CreateApplication
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.errors import BadUserInput
from tests.subgraphs.applications.conftest import RecordedEvents


async def create(service: ApplicationService, owner: str = "alice", **fields: object) -> str:
    command = CreateApplication(company="Acme", position="Engineer", **fields)  # type: ignore[arg-type]
    return (await service.create(owner, command)).id


async def test_change_statuses_answers_each_distinct_id_in_order(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    saved = await create(service)
    applied = await create(service, status=ApplicationStatus.APPLIED)
    bobs = await create(service, owner="bob")
    del recorded[:]

    results = await service.change_statuses(
        "alice", [saved, applied, bobs, "missing", saved], ApplicationStatus.APPLIED, " sent "
    )

    assert [(result.id, result.outcome) for result in results] == [
        (saved, BulkOutcome.CHANGED),
        (applied, BulkOutcome.UNCHANGED),
        (bobs, BulkOutcome.NOT_FOUND),
        ("missing", BulkOutcome.NOT_FOUND),
    ]
    changed, unchanged = results[0].application, results[1].application
    assert changed is not None and changed.status is ApplicationStatus.APPLIED
    assert unchanged is not None and unchanged.id == applied
    assert (results[2].application, results[3].application) == (None, None)
    # Exactly the events of one changeApplicationStatus: nothing for the unchanged, missing or repeated ids.
    assert recorded == [ApplicationStatusChanged(changed, ApplicationStatus.SAVED, "sent")]
    [timeline] = await service.timelines("alice", [saved])
    assert [(entry.status, entry.note) for entry in timeline][-1] == (ApplicationStatus.APPLIED, "sent")
    [bob_still] = await service.get_many("bob", [bobs])
    assert bob_still is not None and bob_still.status is ApplicationStatus.SAVED


async def test_delete_many_deletes_the_callers_and_reports_the_rest(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    first, second = await create(service), await create(service)
    bobs = await create(service, owner="bob")
    [before] = await service.get_many("alice", [first])
    assert before is not None
    del recorded[:]

    results = await service.delete_many("alice", [first, bobs, first, second])

    assert [(result.id, result.outcome) for result in results] == [
        (first, BulkOutcome.DELETED),
        (bobs, BulkOutcome.NOT_FOUND),
        (second, BulkOutcome.DELETED),
    ]
    assert await service.get_many("alice", [first, second]) == [None, None]
    assert await service.get_many("bob", [bobs]) != [None]
    assert [type(event) for event in recorded] == [ApplicationDeleted, ApplicationDeleted]
    assert recorded[0] == ApplicationDeleted(before)


async def test_a_hundred_ids_are_fine_and_a_hundred_and_one_change_nothing(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    mine = await create(service)
    del recorded[:]
    with pytest.raises(BadUserInput) as raised:
        await service.change_statuses("alice", [mine] * 101, ApplicationStatus.OFFER, None)
    assert raised.value.field == "ids"
    with pytest.raises(BadUserInput) as raised:
        await service.delete_many("alice", [mine] + [f"other-{index}" for index in range(100)])
    assert raised.value.field == "ids"
    assert recorded == [] and await service.get_many("alice", [mine]) != [None]
    results = await service.delete_many("alice", [mine] + [f"other-{index}" for index in range(99)])
    assert len(results) == 100 and results[0].outcome is BulkOutcome.DELETED
    assert await service.change_statuses("alice", [], ApplicationStatus.OFFER, None) == []


async def test_a_bad_note_changes_nothing(service: ApplicationService, recorded: RecordedEvents) -> None:
    mine = await create(service)
    del recorded[:]
    with pytest.raises(BadUserInput) as raised:
        await service.change_statuses("alice", [mine], ApplicationStatus.OFFER, "x" * 2001)
    assert raised.value.field == "note"
    assert recorded == []


async def test_each_id_commits_or_rolls_back_on_its_own(sqlite_engine: AsyncEngine) -> None:
    # The outbox fails for the second application: the first stays changed with its event, the second is
    # exactly as it was (no status, no timeline entry), and the failure reaches the caller.
    written: list[ApplicationEvent] = []

    async def failing_on_the_second(session: AsyncSession, event: ApplicationEvent) -> None:
        if isinstance(event, ApplicationStatusChanged) and written:
            raise RuntimeError("outbox unavailable")
        if isinstance(event, ApplicationStatusChanged):
            written.append(event)

    service = ApplicationService(
        async_sessionmaker(sqlite_engine, expire_on_commit=False), failing_on_the_second
    )
    first, second = await create(service), await create(service)
    with pytest.raises(RuntimeError):
        await service.change_statuses("alice", [first, second], ApplicationStatus.REJECTED, None)
    found = await service.get_many("alice", [first, second])
    assert [item.status if item else None for item in found] == [
        ApplicationStatus.REJECTED,
        ApplicationStatus.SAVED,
    ]
    timelines = await service.timelines("alice", [first, second])
    assert [len(timeline) for timeline in timelines] == [2, 1]
