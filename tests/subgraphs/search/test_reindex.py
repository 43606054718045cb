"""A full reindex rebuilds the index from snapshots into a new generation and swaps it in: what the snapshots
hold is found, what they do not is gone, and changes written meanwhile survive the swap."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from subgraphs.kit.events import EventEnvelope
from subgraphs.search.events import change_of
from subgraphs.search.models import Change
from subgraphs.search.service import SearchService
from tests.subgraphs.search.conftest import deliver, event, found


async def changes(events: Sequence[EventEnvelope]) -> AsyncIterator[list[Change]]:
    """A snapshot stream: one batch per event, as a producer's snapshot yields them."""
    for envelope in events:
        change = change_of(envelope)
        assert change is not None
        yield [change]


async def test_the_rebuilt_index_holds_exactly_the_snapshots(service: SearchService) -> None:
    # The live index lost a deletion: app-gone is still there.
    await deliver(service, event("application.created", "alice", 0, id="app-gone", company="Vanished"))
    applications = [
        event("application.created", "alice", 0, id="app-1", company="Initech", position="Analyst")
    ]
    interviews = [event("interview.scheduled", "alice", 1, id="int-1", applicationId="app-1", type="ONSITE")]
    applied = await service.reindex([changes(applications), changes(interviews)])
    assert applied == 2
    assert await found(service, "alice", "vanished") == []
    assert sorted(await found(service, "alice", "initech")) == ["app-1", "int-1"]
    # The new generation keeps taking events.
    await deliver(
        service, event("application.updated", "alice", 5, id="app-1", company="Initech", position="Lead")
    )
    assert sorted(await found(service, "alice", "lead")) == ["app-1", "int-1"]


async def test_changes_written_during_the_rebuild_survive_the_swap(service: SearchService) -> None:
    # Another process (the running search service) writes the served index while the rebuild runs.
    elsewhere = SearchService(service.index)
    late = event("application.updated", "alice", 10**9, id="app-1", company="Initech", position="Director")

    async def snapshot_then_live_change() -> AsyncIterator[list[Change]]:
        async for batch in changes([event("application.created", "alice", 0, id="app-1", company="Initech")]):
            yield batch
        await deliver(elsewhere, late)

    await service.reindex([snapshot_then_live_change()])
    assert await found(service, "alice", "director") == ["app-1"]


async def test_changes_applied_by_the_same_service_during_the_rebuild_reach_both(
    service: SearchService,
) -> None:
    async def snapshot_with_live_change() -> AsyncIterator[list[Change]]:
        await deliver(service, event("contact.created", "alice", 10**9, id="con-1", name="Bill Lumbergh"))
        async for batch in changes([event("application.created", "alice", 0, id="app-1", company="Initech")]):
            yield batch

    await service.reindex([snapshot_with_live_change()])
    assert await found(service, "alice", "lumbergh") == ["con-1"]


async def test_attached_documents_are_rebuilt_and_a_deletion_during_the_rebuild_holds(
    service: SearchService,
) -> None:
    elsewhere = SearchService(service.index)
    application = event("application.created", "alice", 0, id="app-1", company="Initech")
    letter, offer = (
        event(
            "file.uploaded", "alice", 1, id=file_id, name=f"{file_id}.pdf", applicationId="app-1", text=text
        )
        for file_id, text in (("letter", "payments platforms"), ("offer", "salary and equity"))
    )
    letter_deleted = event(
        "file.deleted", "alice", 10**9, id="letter", name="letter.pdf", applicationId="app-1"
    )

    async def files_snapshot_then_a_deletion() -> AsyncIterator[list[Change]]:
        async for batch in changes([letter, offer]):
            yield batch
        await deliver(elsewhere, letter_deleted)

    await service.reindex([changes([application]), files_snapshot_then_a_deletion()])
    assert await found(service, "alice", "salary") == ["app-1"]
    assert await found(service, "alice", "payments") == []
