"""`user.deleted` in search, on tantivy and OpenSearch: every item of the person and their public profile
leave the index (tombstones without text stay), other people's items stay, and events about the person that
arrive later add nothing back."""

from __future__ import annotations

from subgraphs.kit.events import EventEnvelope
from subgraphs.search.events import search_consumer
from subgraphs.search.service import SearchService
from subgraphs.search.store import SearchIndex
from tests.subgraphs.search.conftest import deliver, event, found

ALICE_ITEMS = (
    event("user.registered", "alice", 0, id="alice", name="Alice Zyx", headline="Zyxlang pioneer"),
    event("application.created", "alice", 1, id="app-1", company="Zyxcorp", position="Engineer"),
    event("interview.scheduled", "alice", 2, id="int-1", applicationId="app-1", type="PHONE", details="zyx"),
    event("contact.created", "alice", 3, id="con-1", name="Zyx recruiter"),
)
BOB_ITEMS = (
    event("user.registered", "bob", 0, id="bob", name="Bob Zyx"),
    event("application.created", "bob", 1, id="app-2", company="Zyxcorp", position="Engineer"),
)


async def live_documents(index: SearchIndex, owner: str) -> list[tuple[str, str]]:
    return sorted(
        [
            (document.type.value, document.id)
            async for page in index.all_documents()
            for document in page
            if document.owner_id == owner and not document.deleted
        ]
    )


async def consume(service: SearchService, *events: EventEnvelope) -> None:
    consumer = search_consumer(service)
    for envelope in events:
        await consumer.dispatch(envelope)


async def test_the_person_and_their_items_leave_the_index(service: SearchService, index: SearchIndex) -> None:
    await deliver(service, *ALICE_ITEMS, *BOB_ITEMS)
    assert len(await live_documents(index, "alice")) == 4

    await consume(service, event("user.deleted", "alice", 10, id="alice"))

    assert await live_documents(index, "alice") == []
    # Her token still verifies for minutes: she finds other people's profiles, nothing of hers.
    assert await found(service, "alice", "zyx") == ["bob"]
    assert sorted(await found(service, "bob", "zyx")) == ["app-2", "bob"]
    tombstones = [
        document async for page in index.all_documents() for document in page if document.owner_id == "alice"
    ]
    assert tombstones and all(document.deleted and not document.fields for document in tombstones)


async def test_redelivery_and_late_events_bring_nothing_back(
    service: SearchService, index: SearchIndex
) -> None:
    await deliver(service, *ALICE_ITEMS)
    deleted = event("user.deleted", "alice", 10, id="alice")
    await consume(service, deleted, deleted)
    # Published before the deletion, arriving after it: an item never indexed and an update of one that was.
    late = (
        event("application.created", "alice", 5, id="app-9", company="Zyxcorp", position="Late"),
        event("contact.updated", "alice", 6, id="con-1", name="Zyx recruiter again"),
        event("user.updated", "alice", 7, id="alice", name="Alice Zyx"),
    )
    await consume(service, *late)
    assert await live_documents(index, "alice") == []
